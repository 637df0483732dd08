"""Reading rules for ground incursions and for cutting ties. Armed men crossing or advancing into
ground attack it ("Hezbollah fighters crossed the border", "tanks crossed into northern Syria"),
while anyone else crossing does not ("refugees crossed the border"); a later "the incursion"
names that crossing, so its condemnation accuses the crossing's doer, not the doer of the act
told last. Ordering an envoy out expels him, recalling a chargé d'affaires cuts ties as recalling
an ambassador does, and calling off joint exercises is a sanction.

Like the other reading-rule modules: each rule is checked end to end on a short text of its own,
all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "fighters_crossed": (
        "JERUSALEM, July 13, 2006 —\n"
        "Hezbollah fighters crossed the border on Wednesday and attacked an army patrol.\n"),
    "refugees_crossed": (
        "AMMAN, Jan. 5, 2013 —\n"
        "Thousands of refugees crossed the border into Jordan on Friday, aid groups said.\n"),
    "incursion_condemned": (
        "ISTANBUL, Aug. 26, 2016 —\n"
        "Turkish tanks crossed into northern Syria on Wednesday. Hours later, Syrian rebels "
        "advanced into the town of Jarabulus.\n"
        "The Syrian government condemned the incursion on Thursday.\n"),
    "envoy_ordered_out": (
        "BAGHDAD, July 21, 2023 —\n"
        "The Iraqi government ordered the Swedish ambassador to leave the country on Thursday and "
        "recalled its chargé d'affaires from Stockholm.\n"),
    "exercises_called_off": (
        "ANKARA, June 2, 2010 —\n"
        "Turkey called off three joint military exercises with Israel on Monday.\n"),
}

coded = coded_fixture("rules_incursions", TEXTS)


def test_armed_men_crossing_a_border_attack(coded) -> None:
    crossed = _one(coded["fighters_crossed"], "crossed")
    assert crossed.event_type == "ASSAULT"
    assert _country(crossed.source) == "LBN"


def test_anyone_else_crossing_a_border_attacks_no_one(coded) -> None:
    assert not [e for e in coded["refugees_crossed"] if e.event_type == "ASSAULT"]


def test_the_incursion_names_the_crossing_not_the_act_told_last(coded) -> None:
    condemned = _one(coded["incursion_condemned"], "condemned")
    assert condemned.event_type == "ACCUSE"
    assert _country(condemned.target) == "TUR"


def test_ordering_an_envoy_out_expels_him_and_a_recalled_charge_cuts_ties(coded) -> None:
    ordered = _one(coded["envoy_ordered_out"], "ordered")
    assert ordered.event_type == "SANCTION"
    assert _country(ordered.target) == "SWE"
    assert _one(coded["envoy_ordered_out"], "recalled").event_type == "SANCTION"


def test_calling_off_joint_exercises_is_a_sanction(coded) -> None:
    called = _one(coded["exercises_called_off"], "called")
    assert called.event_type == "SANCTION"
    assert _country(called.source) == "TUR"
