"""Reading rules found on the second development set (``tests/gold/dev2.jsonl``), each checked
end to end (clean, parse, code, place) on a short text written for this test.

All texts are coded once, as one batch, through :func:`flashpoint.pipeline.code_paths`, the path
``flashpoint eval`` takes; each test reads the events of its own document."""

from __future__ import annotations

from flashpoint.records import Event
from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "light_verb": (
        "WASHINGTON, March 9, 2024 —\n"
        "Militias launched attacks on U.S. forces in eastern Syria on Friday.\n"),
    "retold_after": (
        "DUBAI, April 19, 2024 —\n"
        "Israel struck a radar near Isfahan early on Friday. Iranian officials played down the "
        "incident. State television showed the site. Officials in Tehran said nothing was hit.\n"
        "The strike came a day after Washington announced new sanctions on Iran.\n"),
    "property": (
        "OTTAWA, Oct. 28, 2024 —\n"
        "Israel's retaliation came before dawn on Saturday, when its aircraft hit air defence "
        "batteries in Ilam province.\n"
        "The strikes answered Iran's missile barrage of Oct. 1.\n"),
    "joined": (
        "MANAMA, Bahrain, Dec. 19, 2023 —\n"
        "Britain, Canada and France had joined the operation, Defense Secretary "
        "Lloyd Austin said on Monday.\n"),
    "forecast": (
        "SANAA, Jan. 17, 2024 —\n"
        "The rebels' chief negotiator said attacks on Israeli-linked shipping would continue.\n"
        "Iran backs the militias, and the militias it backs attacked a U.S. base on Tuesday.\n"),
    "interception": (
        "JERUSALEM, Oct. 2, 2024 —\n"
        "Iran fired some 180 ballistic missiles at Israel on Tuesday. The Revolutionary Guards "
        "said the barrage avenged the killing of Hezbollah leader Hassan Nasrallah in Beirut last "
        "week. Most of the missiles were intercepted by Israeli air defences.\n"),
    "shipping": (
        "WASHINGTON, Jan. 17, 2024 —\n"
        "The step was hastened by Monday's missile strike on the Gibraltar Eagle, a U.S.-owned bulk "
        "carrier, in the Gulf of Aden. The Houthis have attacked merchant ships since November.\n"),
    "blame": (
        "WASHINGTON, Jan. 30, 2024 —\n"
        "A drone attack killed three American soldiers at a base in Jordan on Sunday, an attack "
        "Washington has blamed on Kata'ib Hezbollah. The group announced that it was suspending "
        "military operations against U.S. forces.\n"),
    "decisions": (
        "OTTAWA, Oct. 2, 2024 —\n"
        "Ottawa said it would send three staff officers to the mission. Foreign Minister Melanie "
        "Joly renewed Ottawa's call for Canadians to leave Iran.\n"),
    "reprisal": (
        "TEHRAN, Oct. 27, 2024 —\n"
        "Israel's retaliation came before dawn on Saturday. Iran's response to the proposal came "
        "on Monday.\n"),
    "settlements": (
        "JERUSALEM, July 21, 2024 —\n"
        "Israeli warplanes bombed the Houthi-held port of Hodeidah on Saturday, a day after a "
        "rebel drone slammed into Tel Aviv. Early on Sunday, the military said it had "
        "intercepted a missile launched from Yemen toward the Red Sea city of Eilat.\n"),
    "street": (
        "BAGHDAD, Jan. 5, 2024 —\n"
        "A U.S. drone strike on Thursday killed a militia commander in eastern Baghdad.\n"
        "His vehicle was hit inside a logistics base on Palestine Street, police said.\n"
        "The Pentagon called the strike necessary.\n"),
    "condemned": (
        "OTTAWA, Oct. 2, 2024 —\n"
        "Prime Minister Justin Trudeau on Tuesday condemned Iran's ballistic missile attack on "
        "Israel, hours after some 180 missiles were fired toward Israeli cities.\n"
        "Mr. Trudeau also denounced the violent crackdown on protesters by Iranian security forces.\n"),
    "said_where": (
        "WASHINGTON, Apr. 14, 2024 —\n"
        "Iran launched drones and missiles at Israel on Saturday. In Ottawa, Prime Minister Justin "
        "Trudeau said Canada stood with Israel. Tehran called the response a strategic mistake. "
        "Mr. Trudeau said in Ottawa that Iran's attack was reckless.\n"),
    "quoted": (
        "WASHINGTON, Feb. 3, 2024 —\n"
        "U.S. forces struck 85 targets in Iraq and Syria on Friday. \"Our response began today,\" "
        "President Joe Biden said in a statement. The Islamic Resistance in Iraq had claimed the "
        "attacks on Al-Asad and Al-Tanf.\n"),
    "downed": (
        "AMMAN, April 14, 2024 —\n"
        "Iran launched more than 300 drones and missiles at Israel late on Saturday. Jordanian "
        "jets downed drones that crossed the kingdom's airspace.\n"),
    "aircraft": (
        "WASHINGTON, Nov. 9, 2023 —\n"
        "A weapons depot near Abu Kamal was hit by F-15E jets on Wednesday. Israeli F-15s struck "
        "Hodeidah in July.\n"),
    "capital": (
        "WASHINGTON, Jan. 5, 2024 —\n"
        "A U.S. drone strike killed a militia commander in the Iraqi capital on Thursday.\n"),
}


coded = coded_fixture("rules", TEXTS)


def test_a_light_verb_on_an_act_noun_is_that_act_not_a_mobilisation(coded) -> None:
    events = coded["light_verb"]
    assert [e.event_type for e in events] == ["ASSAULT"]
    assert _country(events[0].target) == "USA"


def test_an_act_retold_by_a_definite_noun_dates_the_act_it_came_after(coded) -> None:
    sanctions = next(e for e in coded["retold_after"] if e.event_type == "COERCE")
    assert sanctions.date == "2024-04-18"


def test_property_hit_by_a_foreign_attacker_is_the_countrys_and_its_owner_comes_from_the_subject(coded) -> None:
    hit = _one(coded["property"], "hit")
    assert (_country(hit.source), _country(hit.target)) == ("ISR", "IRN")
    barrage = _one(coded["property"], "barrage")
    assert barrage.target is None or "Oct" not in barrage.target.text


def test_a_list_of_subjects_acts_together(coded) -> None:
    joined = _one(coded["joined"], "joined")
    assert _country(joined.source) == "GBR"
    assert _country(joined.target) not in ("CAN", "FRA")


def test_an_act_said_to_continue_is_a_forecast_and_a_backing_relative_clause_is_no_act(coded) -> None:
    events = coded["forecast"]
    attacks = _one(events, "attacks")
    assert attacks.status == "hypothetical"
    assert [e.trigger for e in events if e.event_type == "SUPPORT"] == ["backs"]


def test_an_interception_by_named_air_defences_is_the_defenders_act(coded) -> None:
    intercepted = _one(coded["interception"], "intercepted")
    assert _country(intercepted.source) == "ISR"
    assert _country(intercepted.target) != "ISR"


def test_an_act_retold_as_the_subject_of_a_reprisal_keeps_its_sides_and_the_avenged_act_was_the_targets(coded) -> None:
    events = coded["interception"]
    barrage = _one(events, "barrage")
    assert (_country(barrage.source), _country(barrage.target)) == ("IRN", "ISR")
    assert barrage.date == "2024-10-01"
    killing = _one(events, "killing")
    assert _country(killing.source) == "ISR"


def test_a_ship_described_by_its_owner_and_a_strike_dated_by_a_possessive_weekday(coded) -> None:
    events = coded["shipping"]
    strike = _one(events, "missile strike")
    assert _country(strike.target) == "USA"
    assert strike.date == "2024-01-15"
    assert strike.source is None or "Monday" not in strike.source.text
    attacked = _one(events, "attacked")
    assert _country(attacked.target) in (None, "UNK")  # ships in general fly many flags


def test_an_attack_blamed_on_a_group_was_the_groups_and_halted_operations_were_aimed_at_their_target(coded) -> None:
    events = coded["blame"]
    blamed = [e for e in events if e.event_type == "ASSAULT" and _country(e.source) == "IRQ"]
    assert blamed, [(e.trigger, _country(e.source), _country(e.target)) for e in events]
    suspending = _one(events, "suspending")
    assert _country(suspending.target) == "USA"


def test_a_speakers_own_decision_is_announced_and_a_call_for_someone_is_aimed_at_them(coded) -> None:
    events = coded["decisions"]
    send = _one(events, "send")
    assert (send.event_type, send.status) == ("MOBILIZE", "actual")
    assert send.target is None or _country(send.target) != "CAN"  # its own officers are what it sent
    call = next(e for e in events if e.event_type == "REQUEST")
    assert call.target is not None and call.target.text == "Canadians"


def test_a_sides_reprisal_is_its_act_but_a_response_to_a_proposal_is_not(coded) -> None:
    events = coded["reprisal"]
    retaliation = _one(events, "retaliation")
    assert (retaliation.event_type, _country(retaliation.source)) == ("ASSAULT", "ISR")
    assert not [e for e in events if e.trigger == "response"]


def _place(event: Event) -> str | None:
    return event.location.name if event.location is not None else None


def test_a_town_named_after_of_a_settlement_noun_is_the_place(coded) -> None:
    events = coded["settlements"]
    assert _place(_one(events, "bombed")) == "Al \u1e28udaydah"  # the gazetteer's Hodeidah
    assert _place(_one(events, "intercepted")) == "Eilat"


def test_a_street_the_gazetteer_lacks_is_in_the_town_told_before_not_at_a_site_named_after(coded) -> None:
    hit = _one(coded["street"], "hit")
    assert hit.location is not None and hit.location.country == "IRQ"


def test_an_attack_told_elsewhere_and_named_again_as_condemned_is_not_coded_twice(coded) -> None:
    events = coded["condemned"]
    assert not [e for e in events if e.trigger == "attack"]
    fired = _one(events, "fired")
    assert fired.location is not None and fired.location.country == "ISR"  # "toward Israeli cities"
    assert [e for e in events if e.trigger == "crackdown"]  # told only here: kept


def test_a_statement_is_placed_where_it_was_said_and_the_act_it_is_about_is_not(coded) -> None:
    events = coded["said_where"]
    stood = _one(events, "stood with")
    assert (stood.event_type, _place(stood)) == ("SUPPORT", "Ottawa")
    assert [e.event_type for e in events if e.trigger == "called"] == ["ACCUSE"]
    attack = _one(events, "attack")
    assert attack.location is None or attack.location.name != "Ottawa"


def test_our_in_quoted_words_is_the_speakers_and_al_asad_alone_is_the_base(coded) -> None:
    events = coded["quoted"]
    assert _country(_one(events, "response").source) == "USA"
    claimed = _one(events, "attacks")
    assert _country(claimed.target) == "USA"  # the forces Al-Asad and Al-Tanf host


def test_weapons_downed_with_no_launcher_named_were_fired_by_who_fired_them_before(coded) -> None:
    downed = _one(coded["downed"], "downed")
    assert (_country(downed.source), _country(downed.target)) == ("JOR", "IRN")


def test_an_aircraft_type_only_one_side_flies_names_that_side(coded) -> None:
    events = coded["aircraft"]
    assert _country(_one(events, "hit").source) == "USA"
    assert _country(_one(events, "struck").source) == "ISR"  # F-15s alone name no one


def test_the_iraqi_capital_is_baghdad(coded) -> None:
    assert _place(_one(coded["capital"], "drone strike")) == "Baghdad"
