"""Reading rules for hyphenated words, found in the twenty-third session. spaCy splits a hyphen
between letters ("pull-out" -> "pull" "-" "out"), so a hyphenated trigger noun in ``plover.yaml``
("pull-out", "counter-attack", "build-up") matched no token, and a hyphenated mode cue
("air-strike") or a spaced one written with a hyphen ("car-bomb") found no mode. The ontology now
reads a hyphenated word as a phrase of three tokens, and mode cues read hyphens as spaces.
Fighter types written with a hyphen ("F-16s", "Su-24") are one token: they are weapons (the
means of an air attack, not its doer, as several air forces fly them) and cues of its mode.

Like the other reading-rule modules: each rule is checked end to end on a short text of its own,
all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from flashpoint.events.ontology import load_ontology
from tests.rules_support import coded_fixture, country
from tests.rules_support import one as _one

TEXTS = {
    "pull_out": (
        "OTTAWA, Feb. 8, 2016 —\n"
        "Canada announced the pull-out of its fighter jets from Iraq on Monday.\n"),
    "car_bomb": (
        "KIRKUK, Iraq, May 2, 2017 —\n"
        "A car-bomb exploded near a police checkpoint in Kirkuk on Tuesday.\n"),
    "build_up": (
        "KYIV, Nov. 12, 2021 —\n"
        "Ukraine's defence ministry reported a build-up of Russian troops near Yelnya.\n"),
    "sit_in": (
        "BAGHDAD, July 5, 2022 —\n"
        "Hundreds of students staged a sit-in outside the parliament in Baghdad on Tuesday.\n"),
    "fighter_types": (
        "DAMASCUS, Oct. 27, 2023 —\n"
        "Two F-16s hit ammunition depots near Abu Kamal on Thursday.\n"
        "Israeli F-35 jets struck the port of Latakia on Friday.\n"),
}


coded = coded_fixture("rules_hyphens", TEXTS)


def test_a_hyphenated_noun_is_a_three_token_phrase() -> None:
    retreat = load_ontology().types["RETREAT"]
    assert "pull - out" in retreat.phrases


def test_a_pull_out_is_a_withdrawal(coded) -> None:
    retreat = _one(coded["pull_out"], "pull-out")
    assert retreat.event_type == "RETREAT"
    assert country(retreat.source) == "CAN" and country(retreat.target) == "IRQ"


def test_a_car_bomb_is_an_explosives_attack(coded) -> None:
    blast = _one(coded["car_bomb"], "exploded")
    assert blast.event_type == "ASSAULT" and blast.mode == "explosives"


def test_a_build_up_of_troops_is_a_mobilisation(coded) -> None:
    build_up = _one(coded["build_up"], "build-up")
    assert build_up.event_type == "MOBILIZE" and country(build_up.source) == "RUS"


def test_a_staged_sit_in_is_one_protest(coded) -> None:
    protests = [e for e in coded["sit_in"] if e.event_type == "PROTEST"]
    assert len(protests) == 1 and protests[0].trigger == "staged a sit-in"


def test_fighter_types_are_the_means_of_an_air_attack(coded) -> None:
    hit = _one(coded["fighter_types"], "hit")
    assert hit.mode == "aerial"
    assert hit.source is None or "F-16" not in hit.source.text  # the means, not the doer
    struck = _one(coded["fighter_types"], "struck")
    assert struck.mode == "aerial" and country(struck.source) == "ISR"
