"""Reading rules for where projectiles land and what a strike levelled, found on the read
development sets in the twenty-second session. A rocket that "landed" or "fell" somewhere is an
attack by whoever fired it, though the sentence names no doer (a plane that landed, or a city
that fell, is none). "Flattened" is an attack verb. A relative clause on an act noun tells that
act ("the airstrike that flattened the consulate"): one event, whose target is the clause's own;
a clause with a subject of its own ("rockets, most of which were intercepted") is another act.
A re-mention ("the strike") retells the act named by the same noun, also where that noun was the
subject of the verb that told it ("an airstrike flattened a building"). An act that a relative
clause only uses to say who someone is ("the militia that had carried out a rocket attack") is not
the act a later "condemned the attack" means. Weapons that "tore up" or "damaged" something
attacked it (twenty-third session), and the launch that describes an attack's weapon ("a missile
fired by the rebels damaged a vessel") is that attack: one event, aimed at what was hit.

Like the other reading-rule modules: each rule is checked end to end on a short text of its own,
all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture, country
from tests.rules_support import one as _one

TEXTS = {
    "rockets_landed": (
        "BAGHDAD, March 4, 2020 —\n"
        "Three rockets landed near the runway of an air base north of Baghdad on Tuesday night.\n"),
    "rocket_fell": (
        "JERUSALEM, May 11, 2021 —\n"
        "A rocket aimed at Ashkelon fell in a field outside the city on Monday.\n"),
    "plane_landed": (
        "BAGHDAD, March 4, 2020 —\n"
        "The foreign minister's plane landed in Baghdad on Tuesday.\n"),
    "city_fell": (
        "BAGHDAD, June 12, 2014 —\n"
        "Mosul fell to the militants on Tuesday.\n"),
    "flattened": (
        "GAZA, Oct. 9, 2023 —\n"
        "Israeli jets flattened a residential tower in Gaza City on Sunday.\n"),
    "relative_clause": (
        "TEHRAN, April 3, 2024 —\n"
        "Iran's president warned on Wednesday that Israel would be punished for the airstrike that "
        "destroyed "
        "Iran's consular building in Damascus.\n"),
    "most_of_which": (
        "GAZA, Aug. 7, 2022 —\n"
        "The group answered with barrages of more than 500 rockets at towns in southern Israel, "
        "most of which were intercepted by Iron Dome.\n"),
    "remention": (
        "DAMASCUS, April 2, 2024 —\n"
        "A drone struck a warehouse at a port in Latakia on Monday morning.\n"
        "Later on Monday, an airstrike flattened an office building of the Revolutionary Guards in "
        "Damascus.\n"
        "Tehran blamed Israel for the strike.\n"),
    "in_passing": (
        "DAMASCUS, Feb. 26, 2021 —\n"
        "U.S. jets bombed a depot in eastern Syria on Thursday.\n"
        "Officials said the depot was used by the same militia that had carried out a rocket attack "
        "on Erbil.\n"
        "Syria's foreign ministry condemned the attack.\n"),
    "weapons_tore_up": (
        "DAMASCUS, June 13, 2022 —\n"
        "The airport stayed shut on Monday, three days after Israeli missiles tore up its runways.\n"),
    "storm_damaged": (
        "MUSCAT, June 7, 2007 —\n"
        "Cyclone Gonu damaged the port of Sur on Wednesday.\n"),
    "launch_of_the_weapon": (
        "ADEN, Oct. 10, 2016 —\n"
        "On Oct. 1, a missile fired by the Houthis damaged an Emirati-operated vessel off Mokha.\n"),
}


coded = coded_fixture("rules_impacts", TEXTS)


def test_rockets_that_landed_are_an_attack_by_an_unnamed_doer(coded) -> None:
    attack = _one(coded["rockets_landed"], "landed")
    assert attack.event_type == "ASSAULT" and attack.mode == "heavy-weapons"
    assert attack.source is not None and attack.source.text == ""


def test_a_rocket_that_fell_is_an_attack(coded) -> None:
    assert _one(coded["rocket_fell"], "fell").event_type == "ASSAULT"


def test_a_plane_that_landed_and_a_city_that_fell_are_no_attacks(coded) -> None:
    assert coded["plane_landed"] == []
    assert all(e.trigger != "fell" for e in coded["city_fell"])


def test_jets_that_flattened_a_tower_attacked_it(coded) -> None:
    attack = _one(coded["flattened"], "flattened")
    assert attack.event_type == "ASSAULT" and country(attack.source) == "ISR"


def test_an_act_noun_and_its_relative_clause_are_one_event(coded) -> None:
    attacks = [e for e in coded["relative_clause"] if e.event_type == "ASSAULT"]
    assert len(attacks) == 1
    assert attacks[0].target is not None and "consular building" in attacks[0].target.text


def test_a_clause_with_its_own_subject_is_another_act(coded) -> None:
    triggers = {e.trigger for e in coded["most_of_which"] if e.event_type == "ASSAULT"}
    assert "intercepted" in triggers and len(triggers) == 2


def test_the_strike_retells_the_act_an_airstrike_did(coded) -> None:
    claimed = next(e for e in coded["remention"] if e.status == "claimed")
    assert claimed.target is not None and claimed.target.text == "an office building"


def test_an_act_that_only_says_who_someone_is_is_not_the_one_condemned(coded) -> None:
    condemned = _one(coded["in_passing"], "condemned")
    assert country(condemned.target) == "USA"


def test_weapons_that_tore_something_up_attacked_it(coded) -> None:
    tore = _one(coded["weapons_tore_up"], "tore")
    assert tore.event_type == "ASSAULT" and country(tore.source) == "ISR"


def test_a_storm_that_damaged_a_port_is_no_attack(coded) -> None:
    assert all(e.event_type != "ASSAULT" for e in coded["storm_damaged"])


def test_the_launch_of_an_attacks_weapon_is_that_attack(coded) -> None:
    attacks = [e for e in coded["launch_of_the_weapon"] if e.event_type == "ASSAULT"]
    assert [e.trigger for e in attacks] == ["damaged"]
    assert country(attacks[0].source) == "YEM" and country(attacks[0].target) == "ARE"
