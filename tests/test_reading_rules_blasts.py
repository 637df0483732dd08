"""Reading rules for charges that go off, found on the development sets in the twenty-first
session. A bomb that "exploded" or "went off" is an attack by whoever set it, though the
sentence names no doer and no victim; a gas cylinder or a boiler that exploded is no attack.
Whom an attack told without an object hit is named by a casualty verb joined to it ("exploded
beside the convoy, killing three soldiers", "were wounded when a bomb exploded"). Weapons that
are the subject of their own impact ("a drone struck near the airport") were sent by someone
the text does not name: the unknown attacker, whom the resolver may give a suspect.

Like the other reading-rule modules: each rule is checked end to end on a short text of its own,
all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture, country
from tests.rules_support import one as _one

TEXTS = {
    "bomb_exploded": (
        "KABUL, Sept. 4, 2016 —\n"
        "A bomb exploded outside a wedding hall in western Kabul on Saturday evening.\n"),
    "went_off": (
        "MOGADISHU, June 9, 2018 —\n"
        "A roadside bomb went off near a checkpoint on the airport road on Friday.\n"),
    "gas_cylinder": (
        "CAIRO, March 3, 2021 —\n"
        "A gas cylinder exploded in a bakery in Giza on Tuesday.\n"),
    "killing_victims": (
        "KIRKUK, Nov. 2, 2015 —\n"
        "A car bomb exploded outside a police station in Kirkuk on Sunday, killing three police "
        "officers.\n"),
    "wounded_when": (
        "ROME, Nov. 11, 2019 —\n"
        "Four Italian soldiers were wounded on Sunday when a roadside bomb exploded beside their "
        "patrol in northern Iraq.\n"),
    "drone_struck": (
        "ERBIL, Sept. 9, 2021 —\n"
        "An explosives-laden drone struck near Erbil airport late on Tuesday, causing no "
        "casualties.\n"),
}


coded = coded_fixture("rules_blasts", TEXTS)


def test_a_bomb_that_exploded_is_an_attack_by_an_unnamed_doer(coded) -> None:
    blast = _one(coded["bomb_exploded"], "exploded")
    assert blast.event_type == "ASSAULT" and blast.status == "actual"
    assert blast.source is not None and blast.source.text == ""  # the unknown attacker
    assert blast.date == "2016-09-03"


def test_a_bomb_that_went_off_is_an_attack(coded) -> None:
    blast = _one(coded["went_off"], "went")
    assert blast.event_type == "ASSAULT"


def test_a_gas_cylinder_that_exploded_is_no_attack(coded) -> None:
    assert coded["gas_cylinder"] == []


def test_whom_a_blast_killed_is_its_target(coded) -> None:
    blast = _one(coded["killing_victims"], "exploded")
    assert blast.target is not None and blast.target.text == "three police officers"


def test_who_was_wounded_when_a_bomb_exploded_is_its_target(coded) -> None:
    blast = _one(coded["wounded_when"], "exploded")
    assert blast.target is not None and country(blast.target) == "ITA"


def test_a_weapon_striking_on_its_own_was_sent_by_an_unnamed_doer(coded) -> None:
    strike = _one(coded["drone_struck"], "drone struck")
    assert strike.source is not None and strike.source.text == ""
