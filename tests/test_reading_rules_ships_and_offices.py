"""Reading rules for ships and their flags, for state offices a report places by its wording
rather than by name, and for what condemnations and bare weapons stand for: a flag stated by a
clause ("the Eternity C, also flagged in Liberia") that is no place where gunmen are; ships
sunk, hailed and raked with fire; "In Tehran, the foreign ministry said"; "Foreign Minister
Nasser Judeh" of a local report; "condemned the escalation"; "Several missiles struck" after a
barrage fired the sentence before; "on Thursday, when drones hit ..." names no target.

Like the other reading-rule modules: each rule is checked end to end on a short text of its
own, all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "flag_clause": (
        "DUBAI, July 10, 2025 —\n"
        "Gunmen in small boats attacked the Magic Seas on Sunday. On Monday, drones struck the "
        "Eternity C, also flagged in Liberia, off Hodeidah.\n"),
    "ships": (
        "DUBAI, July 6, 2023 —\n"
        "An Iranian navy vessel hailed the Bahamas-flagged Richmond Voyager off Muscat on "
        "Wednesday. The Iranians then raked the tanker with machine-gun fire. "
        "U.S. Navy helicopters sank three Houthi boats in the Red Sea on Sunday. "
        "The Rubymar sank on Saturday. Tehran hailed the agreement.\n"),
    "fronted_seat": (
        "OTTAWA, Sept. 8, 2012 —\n"
        "Canada closed its embassy in Tehran on Friday. In Tehran, foreign ministry spokesman "
        "Ramin Mehmanparast condemned the decision.\n"),
    "titled_office": (
        "AMMAN, June 22, 2016 —\n"
        "A car bomb killed six Jordanian soldiers in Amman on Tuesday. Foreign Minister Nasser "
        "Judeh denounced the bombing as an act of cowardice.\n"),
    "violence_nouns": (
        "BEIRUT, May 6, 2025 —\n"
        "Israeli jets struck the port of Hodeidah on Monday, killing four people. U.N. "
        "Secretary-General Antonio Guterres condemned the escalation on Tuesday.\n"),
    "weapons_subject": (
        "JERUSALEM, Oct. 2, 2024 —\n"
        "Iran fired about 180 ballistic missiles at Israel on Tuesday evening. Several missiles "
        "struck near the Nevatim air base. Israeli jets bombed Hodeidah in July, a day after a "
        "rebel drone slammed into a building in Tel Aviv.\n"),
    "time_clause": (
        "ISLAMABAD, Jan. 19, 2024 —\n"
        "The answer came before dawn on Thursday, when Pakistani drones hit what the army called "
        "militant hideouts near Saravan.\n"),
}


coded = coded_fixture("rules_ships", TEXTS)


def test_a_flag_stated_by_a_clause_is_the_ships_and_no_place_of_the_story(coded) -> None:
    """The parser hangs "also flagged in Liberia" on the verb; the ship is Liberia's, and the
    gunmen of the sentence before are not placed in Liberia by it."""
    events = coded["flag_clause"]
    struck, attacked = _one(events, "drones struck"), _one(events, "attacked")
    assert (struck.target.text, _country(struck.target)) == ("the Eternity C", "LBR")
    assert _country(attacked.source) != "LBR"


def test_ships_sunk_hailed_and_raked(coded) -> None:
    """A ship hailed is told to stop, not praised; raking it with fire is an attack; sinking
    boats is an attack, a ship that sank is not an act."""
    events = coded["ships"]
    hailed = [e for e in events if e.trigger == "hailed"]
    assert [(e.event_type, _country(e.source)) for e in hailed] == [("REQUEST", "IRN"), ("SUPPORT", "IRN")]
    assert _country(hailed[0].target) == "BHS"
    raked = _one(events, "raked")
    assert (raked.event_type, _country(raked.source)) == ("ASSAULT", "IRN")
    sank = [e for e in events if e.trigger == "sank"]
    assert [(e.event_type, _country(e.source), _country(e.target)) for e in sank] == [
        ("ASSAULT", "USA", "YEM")]


def test_a_state_office_after_a_fronted_capital_is_that_states(coded) -> None:
    condemned = _one(coded["fronted_seat"], "condemned")
    assert (condemned.source.text, _country(condemned.source)) == (
        "foreign ministry spokesman Ramin Mehmanparast", "IRN")


def test_a_titled_official_of_a_local_report_is_the_home_states(coded) -> None:
    denounced = _one(coded["titled_office"], "denounced")
    assert _country(denounced.source) == "JOR"


def test_condemning_the_escalation_is_aimed_at_the_last_attacker(coded) -> None:
    condemned = _one(coded["violence_nouns"], "condemned")
    assert (_country(condemned.source), _country(condemned.target)) == ("IGO", "ISR")


def test_bare_weapons_that_struck_are_those_just_fired(coded) -> None:
    """"Several missiles struck" are Iran's, fired the sentence before; "a rebel drone" is a new
    weapon with an owner of its own, not the Israeli jets' of its sentence."""
    events = coded["weapons_subject"]
    struck, slammed = _one(events, "missiles struck"), _one(events, "slammed")
    assert _country(struck.source) == "IRN"
    assert _country(slammed.source) != "ISR"


def test_a_relative_clause_of_time_names_no_target(coded) -> None:
    """"on Thursday, when Pakistani drones hit ...": Thursday is when, not what, they hit."""
    hit = _one(coded["time_clause"], "hit")
    assert hit.target is None or hit.target.text != "Thursday"
