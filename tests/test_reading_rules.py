"""Reading rules found on the second development set (``tests/gold/dev2.jsonl``), each checked
end to end (clean, parse, code, place) on a short text written for this test.

All texts are coded once, as one batch, through :func:`flashpoint.pipeline.code_paths`, the path
``flashpoint eval`` takes; each test reads the events of its own document."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.pipeline import code_paths
from flashpoint.records import Event
from flashpoint.settings import Settings

TEXTS = {
    "other_front": (
        "WASHINGTON, Aug. 4, 2023 —\n"
        "A drone packed with explosives struck the airport in Erbil late on Wednesday, Kurdish "
        "officials said.\n"
        "Israel shot down a missile on Thursday.\n"),
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
}


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Event]]:
    folder = tmp_path_factory.mktemp("rules")
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    batch = code_paths([str(folder)], Settings(quiet=True))
    by_doc: dict[str, list[Event]] = {name: [] for name in TEXTS}
    for event in batch.events:
        by_doc[Path(event.doc_path or "").stem].append(event)
    return by_doc


def _one(events: list[Event], trigger: str) -> Event:
    found = [e for e in events if e.trigger == trigger]
    assert len(found) == 1, [(e.trigger, e.event_type) for e in events]
    return found[0]


def _country(actor) -> str | None:
    return actor.country if actor is not None else None


def test_an_attack_by_a_third_party_is_not_placed_at_the_storys_first_scene(coded) -> None:
    events = coded["other_front"]
    assert _one(events, "struck").location is not None
    shot = _one(events, "shot down")
    assert shot.location is None or shot.location.country != "IRQ"


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
