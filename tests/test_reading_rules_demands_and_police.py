"""Reading rules from the eighteenth session, each general enough to hold on text the coder has
not seen. A police force the text gives no country is of the country it acts in, as civilians
are, and so are the suspects it holds. The Soviet Union is Russia. A demand that names no
addressee, and so a charge or a refusal, is aimed at the story's other side, or, from a third
party, at the parties of the story's conflict; a demand for an inquiry is aimed at no one. Saying that someone did wrong
("said the drone had violated Iranian airspace", "said responsibility rested with Hamas")
accuses them; saying what someone might do does not. A truce "brokered by Egypt" or
"Egyptian-brokered" is Egypt's mediation between the story's two sides, unless the truce is
only recommended. Telling an envoy to leave is expelling them.

Like the other reading-rule modules: each rule is checked end to end on a short text of its own,
all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "police_at_home": (
        "COLOMBO, April 25, 2019 —\n"
        "Bombs tore through three churches in Colombo on Sunday. "
        "Police in Colombo have detained more than 70 suspects since then.\n"),
    "soviet": (
        "WASHINGTON, Sept. 2, 1983 —\n"
        "A Soviet interceptor shot down a South Korean airliner near Sakhalin on Thursday. "
        "The Soviet Union accused Washington of sending the plane to spy.\n"),
    "ceasefire_call": (
        "GAZA CITY, Jan. 10, 2009 —\n"
        "Israeli warplanes struck Hamas positions in Gaza City on Friday. "
        "The Security Council called for an immediate and durable ceasefire on Saturday.\n"),
    "apology_demand": (
        "BEIJING, May 9, 1999 —\n"
        "American bombs struck the Chinese embassy in Belgrade on Friday. "
        "China demanded an apology on Saturday.\n"),
    "inquiry_call": (
        "NEW YORK, Jan. 4, 2020 —\n"
        "A U.S. drone strike killed an Iranian general at Baghdad airport on Friday. "
        "The secretary-general called for an independent investigation on Saturday.\n"),
    "complaint": (
        "LONDON, Oct. 2, 2015 —\n"
        "Russian warplanes bombed Syrian rebels near Homs on Wednesday. "
        "Britain complained on Thursday that it had not been told in advance.\n"),
    "violated": (
        "TEHRAN, June 20, 2019 —\n"
        "Iran's Revolutionary Guards shot down an American drone over the Gulf on Thursday. "
        "Tehran said the American drone had violated Iranian airspace.\n"),
    "rested_with": (
        "WASHINGTON, May 15, 2018 —\n"
        "The White House said on Monday that responsibility for the deaths rested squarely with Hamas.\n"),
    "hedged": (
        "TEHRAN, May 9, 2018 —\n"
        "Iran said on Wednesday that it would not violate the nuclear deal. "
        "Officials said the militia might break the truce.\n"),
    "brokered": (
        "CAIRO, Aug. 8, 2022 —\n"
        "Israeli jets struck Islamic Jihad positions in Gaza on Friday. "
        "A ceasefire brokered by Egypt took hold in the Gaza Strip on Sunday night.\n"),
    "hyphen_brokered": (
        "CAIRO, May 14, 2023 —\n"
        "Islamic Jihad fired rockets at Israel on Friday. "
        "An Egyptian-brokered truce between Israel and Islamic Jihad held on Saturday.\n"),
    "recommended_talks": (
        "DOHA, June 10, 2024 —\n"
        "Former negotiators argue that Israel should go back to talks brokered by Qatar.\n"),
    "told_to_leave": (
        "ANKARA, May 16, 2018 —\n"
        "Israeli troops killed dozens of protesters at the Gaza border on Monday. "
        "Turkey told Israel's ambassador on Tuesday to leave the country. "
        "Riyadh gave Iranian diplomats 48 hours to leave the kingdom.\n"),
}


coded = coded_fixture("rules_demands_police", TEXTS)


def test_police_of_no_stated_country_are_the_country_they_act_in(coded) -> None:
    detained = _one(coded["police_at_home"], "detained")
    assert (_country(detained.source), _country(detained.target)) == ("LKA", "LKA")


def test_the_soviet_union_is_russia(coded) -> None:
    downing = _one(coded["soviet"], "shot down")
    denial = _one(coded["soviet"], "accused")
    assert (_country(downing.source), _country(denial.source)) == ("RUS", "RUS")


def test_a_third_partys_call_for_a_ceasefire_is_aimed_at_the_conflicts_parties(coded) -> None:
    call = _one(coded["ceasefire_call"], "called for")
    assert call.event_type == "REQUEST" and _country(call.target) in ("ISR", "PSE")


def test_a_demand_of_no_addressee_is_aimed_at_the_other_side(coded) -> None:
    demand = _one(coded["apology_demand"], "demanded")
    assert (_country(demand.source), _country(demand.target)) == ("CHN", "USA")


def test_a_call_for_an_inquiry_is_aimed_at_no_party(coded) -> None:
    call = _one(coded["inquiry_call"], "called for")
    assert call.event_type == "REQUEST" and _country(call.target) in (None, "UNK")


def test_a_complaint_of_no_addressee_is_aimed_at_the_other_side(coded) -> None:
    complaint = _one(coded["complaint"], "complained")
    assert (_country(complaint.source), _country(complaint.target)) == ("GBR", "RUS")


def test_saying_someone_violated_airspace_accuses_them(coded) -> None:
    said = _one(coded["violated"], "said")
    assert (said.event_type, _country(said.source), _country(said.target)) == ("ACCUSE", "IRN", "USA")


def test_saying_responsibility_rests_with_someone_accuses_them(coded) -> None:
    said = _one(coded["rested_with"], "said")
    assert (said.event_type, _country(said.source), _country(said.target)) == ("ACCUSE", "USA", "PSE")


def test_saying_what_someone_would_or_could_do_accuses_no_one(coded) -> None:
    assert not [e for e in coded["hedged"] if e.event_type == "ACCUSE"]


def test_a_truce_brokered_by_a_third_state_is_its_mediation_between_the_sides(coded) -> None:
    brokered = _one(coded["brokered"], "brokered")
    assert (brokered.event_type, brokered.mode, brokered.status) == ("CONSULT", "mediate", "actual")
    assert (_country(brokered.source), _country(brokered.target)) == ("EGY", "ISR")


def test_a_hyphenated_broker_is_the_mediator(coded) -> None:
    brokered = _one(coded["hyphen_brokered"], "brokered")
    assert (brokered.event_type, _country(brokered.source)) == ("CONSULT", "EGY")
    assert _country(brokered.target) in ("ISR", "PSE")


def test_talks_brokered_in_a_recommendation_are_not_asserted(coded) -> None:
    assert not [e for e in coded["recommended_talks"] if e.status in ("actual", "claimed")]


def test_telling_an_envoy_to_leave_expels_them(coded) -> None:
    told = _one(coded["told_to_leave"], "told")
    gave = _one(coded["told_to_leave"], "gave")
    assert (told.event_type, _country(told.source), _country(told.target)) == ("SANCTION", "TUR", "ISR")
    assert (gave.event_type, _country(gave.source), _country(gave.target)) == ("SANCTION", "SAU", "IRN")
    assert not [e for e in coded["told_to_leave"] if e.event_type == "RETREAT"]
