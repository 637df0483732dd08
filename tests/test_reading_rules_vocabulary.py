"""Reading rules for words of acts, added in the seventeenth session from the nineteenth
development set: "voiced support" is support as "expressed support" is; "battled the gunmen" is
an attack; "knocked down the missiles" is an interception, aimed at whoever fired them. In the
twenty-first session: "opened talks" and "opened an investigation" are acts of whoever opened
them, as "began talks" is; "took dozens of workers hostage" is an abduction; "received the
foreign minister" is a meeting; a truce that "took hold" or "took effect" is the halt of its two
sides (those it is "between", else the story's), and a halt told beside it ("halting a year of
fire") is the same act; "called up reservists" is a mobilization, "declared a ceasefire" the
declarer's halt, and "imposed martial law" a restriction. Attacks told as halted ("suspended its
attacks", "a pause in attacks", "halted its rocket fire") are a halt, not attacks. "Told Gaza
residents to leave" and "challenged the government to produce its proof" are demands. In the
twenty-fourth: "the sinking of the corvette" is an attack, as "sank the corvette" is, and
"March" naming a month is no march; renewing a contribution to an allied mission, or taking the
lead of one, is military cooperation, while "leads the battlegroup" is a standing state. In
the twenty-fifth: the mission may be the apposition the parser hangs on the alliance's name
("would head the North Atlantic Treaty Organization (NATO) training mission"), and a word inside
that name ("Treaty") is no agreement; "troops deployed in Iraq" describes where troops are.

Like the other reading-rule modules: each rule is checked end to end on a short text of its own,
all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "voiced_support": (
        "LONDON, June 28, 1993 —\n"
        "Britain voiced firm support for the American action.\n"),
    "battled": (
        "NAIROBI, Sept. 22, 2013 —\n"
        "Kenyan troops and police battled the gunmen inside the mall on Sunday.\n"),
    "knocked_down": (
        "TEL AVIV, Jan. 20, 1991 —\n"
        "Iraq fired eight Scud missiles at Israel on Friday. Israeli air defences knocked down "
        "several of the missiles.\n"),
    "opened_talks": (
        "GENEVA, Jan. 23, 2014 —\n"
        "Government and opposition negotiators opened talks in Montreux on Wednesday.\n"),
    "opened_investigation": (
        "PARIS, Nov. 15, 2015 —\n"
        "French prosecutors opened an investigation into the shootings on Saturday.\n"),
    "took_hostage": (
        "ALGIERS, Jan. 17, 2013 —\n"
        "Islamist gunmen took dozens of foreign workers hostage at the In Amenas gas plant on "
        "Wednesday.\n"),
    "received": (
        "CAIRO, Nov. 9, 2015 —\n"
        "President Abdel Fattah el-Sisi received the Russian foreign minister in Cairo on "
        "Sunday.\n"),
}


coded = coded_fixture("rules_vocabulary", TEXTS)


def test_voiced_support_is_support(coded) -> None:
    voiced = _one(coded["voiced_support"], "voiced")
    assert voiced.event_type == "SUPPORT" and _country(voiced.source) == "GBR"


def test_battled_is_an_attack(coded) -> None:
    battled = _one(coded["battled"], "battled")
    assert battled.event_type == "ASSAULT" and _country(battled.source) == "KEN"


def test_knocked_down_missiles_are_intercepted_against_their_firer(coded) -> None:
    knocked = _one(coded["knocked_down"], "knocked")
    assert knocked.event_type == "ASSAULT"
    assert (_country(knocked.source), _country(knocked.target)) == ("ISR", "IRQ")


def test_opened_talks_are_talks_of_whoever_opened_them(coded) -> None:
    talks = _one(coded["opened_talks"], "talks")
    assert talks.event_type == "CONSULT" and talks.source is not None


def test_an_opened_investigation_is_an_act_of_its_opener(coded) -> None:
    inquiry = _one(coded["opened_investigation"], "investigation")
    assert inquiry.event_type == "ACCUSE" and _country(inquiry.source) == "FRA"


def test_taking_people_hostage_is_an_abduction(coded) -> None:
    taking = _one(coded["took_hostage"], "took")
    assert taking.event_type == "ASSAULT" and taking.source is not None


def test_receiving_a_minister_is_a_meeting(coded) -> None:
    meeting = _one(coded["received"], "received")
    assert meeting.event_type == "CONSULT"
    assert _country(meeting.source) == "EGY" and _country(meeting.target) == "RUS"


TRUCE_TEXTS = {
    "took_hold": (
        "GAZA, May 21, 2021 —\n"
        "Israeli jets struck Hamas targets in Gaza on Thursday, and Hamas fired rockets at "
        "Ashkelon.\n"
        "A ceasefire brokered by Egypt took hold in the Gaza Strip early on Friday.\n"),
    "between_halting": (
        "BEIRUT, Nov. 27, 2024 —\n"
        "Hezbollah fired rockets at Haifa on Tuesday, and Israeli jets struck Beirut.\n"
        "A ceasefire between Israel and Hezbollah took effect at 4 a.m. on Wednesday, halting "
        "more than a year of cross-border fire.\n"),
    "before_truce": (
        "TEL AVIV, June 24, 2025 —\n"
        "Shortly before the truce took effect, Iranian missiles hit an apartment building in "
        "Beersheba.\n"),
}

truces = coded_fixture("rules_truces", TRUCE_TEXTS)


def test_a_truce_taking_hold_is_the_halt_of_the_storys_two_sides(truces) -> None:
    truce = _one(truces["took_hold"], "ceasefire")
    assert truce.event_type == "RETREAT" and truce.date == "2021-05-21"
    assert {_country(truce.source), _country(truce.target)} == {"ISR", "PSE"}


def test_a_truce_between_two_sides_is_theirs_and_its_halting_is_told_once(truces) -> None:
    events = truces["between_halting"]
    truce = _one(events, "ceasefire")
    assert (_country(truce.source), _country(truce.target)) == ("ISR", "LBN")
    assert not [e for e in events if e.trigger == "halting"]


def test_a_truce_named_only_as_a_time_is_no_act(truces) -> None:
    assert not [e for e in truces["before_truce"] if e.trigger == "truce"]


MOBILIZING_TEXTS = {
    "called_up": (
        "MOSCOW, Sept. 22, 2022 —\n"
        "Russia called up 300,000 reservists on Wednesday.\n"),
    "declared_ceasefire": (
        "GAZA, Jan. 19, 2009 —\n"
        "Hamas declared a one-week ceasefire on Sunday afternoon.\n"),
    "martial_law": (
        "KYIV, Nov. 28, 2018 —\n"
        "Ukraine imposed martial law in ten border regions on Wednesday.\n"),
}

mobilizing = coded_fixture("rules_mobilizing", MOBILIZING_TEXTS)


def test_calling_up_reservists_is_a_mobilization(mobilizing) -> None:
    call_up = _one(mobilizing["called_up"], "called")
    assert call_up.event_type == "MOBILIZE" and _country(call_up.source) == "RUS"


def test_a_declared_ceasefire_is_the_declarers_halt(mobilizing) -> None:
    truce = _one(mobilizing["declared_ceasefire"], "ceasefire")
    assert truce.event_type == "RETREAT" and _country(truce.source) == "PSE"


def test_martial_law_imposed_is_a_restriction(mobilizing) -> None:
    law = _one(mobilizing["martial_law"], "martial law")
    assert law.event_type == "COERCE" and _country(law.source) == "UKR"


HALT_TEXTS = {
    "suspended_attacks": (
        "BAGHDAD, Jan. 31, 2024 —\n"
        "Kata'ib Hezbollah suspended its attacks on U.S. forces on Tuesday.\n"),
    "pause_in_attacks": (
        "SANAA, March 27, 2022 —\n"
        "The Houthis announced a three-day pause in missile and drone attacks on Saudi Arabia on "
        "Saturday.\n"),
    "halted_fire": (
        "GAZA, Nov. 14, 2019 —\n"
        "Islamic Jihad halted its rocket fire at Israel on Thursday.\n"),
}

halts = coded_fixture("rules_halts", HALT_TEXTS)


def test_attacks_suspended_are_a_halt_not_attacks(halts) -> None:
    events = halts["suspended_attacks"]
    assert [e.event_type for e in events] == ["RETREAT"]
    assert _country(events[0].target) == "USA"


def test_a_pause_in_attacks_is_a_halt_aimed_where_they_were(halts) -> None:
    events = halts["pause_in_attacks"]
    assert [e.event_type for e in events] == ["RETREAT"]
    assert _country(events[0].source) == "YEM" and _country(events[0].target) == "SAU"


def test_halting_rocket_fire_is_a_halt(halts) -> None:
    halt = _one(halts["halted_fire"], "halted")
    assert halt.event_type == "RETREAT"


DIRECTIVE_TEXTS = {
    "told_to_leave": (
        "GAZA, Oct. 13, 2023 —\n"
        "The Israeli military told Gaza residents to leave the north of the strip on Friday.\n"),
    "challenged": (
        "BEIRUT, Sept. 30, 2024 —\n"
        "Hezbollah challenged the Israeli government to produce its proof.\n"),
    "told_reporters": (
        "WASHINGTON, Jan. 4, 2020 —\n"
        "The spokesman told reporters that the strikes would continue.\n"),
}

directives = coded_fixture("rules_directives", DIRECTIVE_TEXTS)


def test_telling_someone_to_act_is_a_demand_of_them(directives) -> None:
    told = _one(directives["told_to_leave"], "told")
    assert told.event_type == "REQUEST"
    assert (_country(told.source), _country(told.target)) == ("ISR", "PSE")


def test_challenging_someone_to_act_is_a_demand(directives) -> None:
    challenge = _one(directives["challenged"], "challenged")
    assert challenge.event_type == "REQUEST" and _country(challenge.target) == "ISR"


def test_telling_reporters_something_is_no_demand(directives) -> None:
    assert not [e for e in directives["told_reporters"] if e.event_type == "REQUEST"]


MONTH_TEXTS = {
    "sinking_in_march": (
        "SEOUL, May 24, 2010 —\n"
        "South Korea cut off trade with the North on Monday, punishing Pyongyang for the sinking "
        "of the corvette Cheonan in March. Seoul will extend the ban until March of 2011.\n"),
    "allied_missions": (
        "COPENHAGEN, Feb. 8, 2021 —\n"
        "Australia renewed its military contribution to the coalition on Monday. Denmark has "
        "decided to extend its training mission in Iraq. Canada leads the alliance's battlegroup in "
        "Latvia.\n"),
    "mission_after_a_name": (
        "OTTAWA, Nov. 8, 2018 —\n"
        "Prime Minister Trudeau announced that Canadian forces would head the North Atlantic "
        "Treaty Organization (NATO) training mission in Iraq.\n"),
    "troops_deployed_in": (
        "OTTAWA, Jan. 7, 2020 —\n"
        "Tensions between Washington and Tehran have prompted Canadian officials to express "
        "concern for troops deployed in Iraq. Ottawa deployed 200 more soldiers to Kuwait on "
        "Monday.\n"),
}

months = coded_fixture("rules_months", MONTH_TEXTS)


def test_a_sinking_is_an_attack_and_a_month_no_march(months) -> None:
    events = months["sinking_in_march"]
    sinking = _one(events, "sinking")
    assert sinking.event_type == "ASSAULT" and _country(sinking.source) == "PRK"
    assert not [e for e in events if e.trigger == "March"]
    assert not [e for e in events if e.event_type == "PROTEST"]


def test_keeping_up_an_allied_mission_is_cooperation_leading_one_a_state(months) -> None:
    events = months["allied_missions"]
    assert _one(events, "renewed").event_type == "COOPERATE"
    assert _one(events, "extend").event_type == "COOPERATE"
    assert not [e for e in events if e.trigger == "leads"]


def test_heading_a_mission_named_after_the_alliance_is_cooperation_and_its_name_no_treaty(months) -> None:
    events = months["mission_after_a_name"]
    head = _one(events, "head")
    assert head.event_type == "COOPERATE" and _country(head.source) == "CAN"
    assert not [e for e in events if e.trigger == "Treaty"]


def test_troops_deployed_somewhere_are_described_not_deployed(months) -> None:
    events = months["troops_deployed_in"]
    deployed = [e for e in events if e.trigger == "deployed"]
    assert len(deployed) == 1 and deployed[0].event_type == "MOBILIZE"
    assert "Ottawa" in deployed[0].sentence
