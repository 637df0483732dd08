"""Reading rules for acts news tells with everyday words: a phone call ("telephoned"), freeing
people (a release) against freeing a town (taking it), custody ("taken into custody", "let
go"), pulling a country out of a deal (a rejection), and missiles fired *from* a country's
airspace, which places the strike elsewhere.

Like the other reading-rule modules: each rule is checked end to end on a short text of its
own, all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "telephoned": (
        "WASHINGTON, Jan. 13, 2016 —\n"
        "John Kerry telephoned his Iranian counterpart, Mohammad Javad Zarif, on Tuesday.\n"),
    "freed_people": (
        "TEHRAN, Jan. 14, 2016 —\n"
        "Iran freed ten U.S. Navy sailors on Wednesday morning.\n"),
    "freed_town": (
        "BAGHDAD, June 27, 2016 —\n"
        "Iraqi forces freed the town of Falluja from Islamic State fighters on Sunday.\n"),
    "custody": (
        "WASHINGTON, Feb. 16, 2024 —\n"
        "The 14 crew members of the dhow were taken into custody by U.S. forces. "
        "Iranian officials said the Americans had been let go after an inquiry.\n"),
    "out_of_deal": (
        "WASHINGTON, May 9, 2018 —\n"
        "President Donald Trump pulled the United States out of the 2015 nuclear agreement with "
        "Iran on Tuesday.\n"),
    "fired_from_airspace": (
        "MOSCOW, April 9, 2018 —\n"
        "Israeli jets struck the T-4 air base in Syria's Homs province on Monday. "
        "Russia's defence ministry said two Israeli F-15 jets had fired eight missiles from "
        "Lebanese airspace.\n"),
}


coded = coded_fixture("rules_acts", TEXTS)


def test_a_phone_call_is_a_consultation(coded) -> None:
    call = _one(coded["telephoned"], "telephoned")
    assert (call.event_type, _country(call.source), _country(call.target)) == ("CONSULT", "USA", "IRN")


def test_freeing_people_is_a_release_and_freeing_a_town_is_taking_it(coded) -> None:
    freed = _one(coded["freed_people"], "freed")
    assert (freed.event_type, _country(freed.source), _country(freed.target)) == ("RETREAT", "IRN", "USA")
    taken = _one(coded["freed_town"], "freed")
    assert (taken.event_type, _country(taken.source)) == ("COERCE", "IRQ")


def test_custody_and_letting_go(coded) -> None:
    events = coded["custody"]
    custody = _one(events, "taken into custody")
    assert (custody.event_type, _country(custody.source)) == ("COERCE", "USA")
    let_go = _one(events, "let go")
    assert let_go.event_type == "RETREAT"


def test_pulling_a_country_out_of_a_deal_rejects_it(coded) -> None:
    pulled = _one(coded["out_of_deal"], "pulled")
    assert (pulled.event_type, _country(pulled.source)) == ("REJECT", "USA")


def test_missiles_fired_from_a_countrys_airspace_struck_elsewhere(coded) -> None:
    fired = _one(coded["fired_from_airspace"], "fired")
    assert fired.location is None or fired.location.country != "LBN"
