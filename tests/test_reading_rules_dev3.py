"""Reading rules found on the third development set (``tests/gold/dev3.jsonl``).

Like ``test_reading_rules.py`` (the second development set's): each rule is checked end to end
on a short text of its own, all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "reprisal_date": (
        "JERUSALEM, April 14, 2024 —\n"
        "Overnight, Iran fired more than 300 drones and missiles at Israel in retaliation for an "
        "Israeli strike on its consulate in Damascus on April 1.\n"),
    "wave_of_strikes": (
        "SANAA, March 16, 2025 —\n"
        "The United States launched a wave of air and naval strikes against the Houthis on "
        "Saturday. A boiler explosion killed two workers at a factory in Aden on Sunday.\n"),
    "came_under": (
        "BAGHDAD, Oct. 20, 2023 —\n"
        "U.S. forces in Iraq came under a string of drone attacks this week, the Pentagon said.\n"),
    "conjoined_accusation": (
        "WASHINGTON, Jan. 5, 2021 —\n"
        "The State Department called on Iran to release the tanker immediately and accused it of "
        "trying to extort the international community. Damascus insisted that its pilot had been "
        "on a mission against Islamic State and accused Washington of a flagrant attack.\n"),
    "own_programme": (
        "CANBERRA, June 20, 2017 —\n"
        "A U.S. jet shot down a Syrian government warplane near Raqqa on Sunday. "
        "Australia paused its air missions over Syria on Tuesday as a precaution.\n"),
    "seated_in": (
        "ERBIL, Jan. 17, 2024 —\n"
        "The government in Baghdad condemned the missile strikes as a violation of Iraqi "
        "sovereignty. Iran said it had struck its enemies' bases after an attack on its "
        "consulate in Damascus.\n"),
}


coded = coded_fixture("rules3", TEXTS)


def test_a_date_after_a_reprisal_phrase_dates_the_act_answered_when_the_clause_has_its_own(coded) -> None:
    events = coded["reprisal_date"]
    assert _one(events, "fired").date in ("2024-04-14", "2024-04-13")
    assert _one(events, "strike").date == "2024-04-01"


def test_a_wave_of_strikes_is_a_count_of_acts_not_a_hazard_but_a_boiler_explosion_is_one(coded) -> None:
    events = coded["wave_of_strikes"]
    strikes = _one(events, "strikes")
    assert (strikes.event_type, _country(strikes.source), _country(strikes.target)) == ("ASSAULT", "USA", "YEM")
    assert not [e for e in events if e.trigger in ("explosion", "killed")]


def test_the_subject_of_came_under_attack_is_the_target(coded) -> None:
    attacks = _one(coded["came_under"], "attacks")
    assert (attacks.event_type, _country(attacks.target)) == ("ASSAULT", "USA")


def test_an_accusation_joined_to_a_request_or_an_insistence_is_made_and_it_is_the_party_just_named(coded) -> None:
    accusations = [e for e in coded["conjoined_accusation"] if e.trigger == "accused"]
    assert [(e.status, _country(e.source), _country(e.target)) for e in accusations] == [
        ("actual", "USA", "IRN"), ("actual", "SYR", "USA")]


def test_pausing_ones_own_missions_is_not_aimed_at_oneself(coded) -> None:
    paused = _one(coded["own_programme"], "paused")
    assert paused.event_type in ("RETREAT", "SANCTION") and _country(paused.source) == "AUS"
    assert _country(paused.target) != "AUS"


def test_the_government_in_a_capital_is_that_countrys_but_its_consulate_there_is_the_owners(coded) -> None:
    events = coded["seated_in"]
    assert _country(_one(events, "condemned").source) == "IRQ"
    assert _country(_one(events, "attack").target) != "SYR"
