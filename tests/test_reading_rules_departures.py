"""Reading rules for armed men and ships that leave, found on the read development sets in the
twenty-second session. Troops, gunmen or a vessel that "left" a place withdrew from it (RETREAT,
the place as what they withdrew from, and where it happened); troops that "left for" a country deploy, and an attack
that "left ten dead" withdraws nothing. A projectile that "fell into the sea" after an
interception is no attack of its own. People set free ("released the captain of a Chinese
trawler") are whom the release was for, never a place left.

Like the other reading-rule modules: each rule is checked end to end on a short text of its own,
all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture, country
from tests.rules_support import one as _one

TEXTS = {
    "soldiers_left": (
        "PARIS, Dec. 22, 2023 —\n"
        "The last Italian soldiers left Niger on Friday, ending the mission.\n"),
    "vessel_left": (
        "MANAMA, Jan. 8, 2017 —\n"
        "The destroyer fired warning shots, and the Iranian patrol boat left the area.\n"),
    "left_for": (
        "OTTAWA, Oct. 5, 2014 —\n"
        "Two hundred Canadian troops left for Kuwait on Sunday.\n"),
    "left_dead": (
        "KABUL, Aug. 26, 2021 —\n"
        "Gunmen attacked a checkpoint in Kunduz on Thursday, and the fighters left four policemen "
        "dead.\n"),
    "fell_into_sea": (
        "ADEN, Oct. 10, 2016 —\n"
        "The destroyer fired interceptors, and both missiles fell into the sea.\n"),
    "captain_released": (
        "TOKYO, Sept. 25, 2010 —\n"
        "Japan released the captain of a Chinese fishing trawler early on Saturday, and he flew "
        "from Ishigaki island to Fuzhou aboard a plane chartered by Beijing.\n"),
}


coded = coded_fixture("rules_departures", TEXTS)


def test_a_person_released_is_no_place_left(coded) -> None:
    released = _one(coded["captain_released"], "released")
    assert released.event_type == "RETREAT"
    assert released.target is not None and country(released.target) == "CHN"


def test_soldiers_who_left_a_country_withdrew_from_it(coded) -> None:
    retreat = _one(coded["soldiers_left"], "left")
    assert retreat.event_type == "RETREAT"
    assert country(retreat.source) == "ITA" and country(retreat.target) == "NER"
    assert retreat.location is not None and retreat.location.country == "NER"  # where it happened


def test_a_vessel_that_left_withdrew(coded) -> None:
    retreat = _one(coded["vessel_left"], "left")
    assert retreat.event_type == "RETREAT" and country(retreat.source) == "IRN"


def test_troops_that_left_for_a_country_did_not_withdraw(coded) -> None:
    assert all(e.event_type != "RETREAT" for e in coded["left_for"])


def test_fighters_who_left_men_dead_did_not_withdraw(coded) -> None:
    assert all(e.event_type != "RETREAT" for e in coded["left_dead"])


def test_missiles_that_fell_into_the_sea_are_no_attack(coded) -> None:
    assert all(e.trigger != "fell" for e in coded["fell_into_sea"])
