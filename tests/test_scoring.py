"""The gold scorer, on hand-made predictions whose scores are known."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.errors import EvalError
from flashpoint.events.scoring import date_matches, load_gold, score_events


def _gold(tmp_path: Path, records: list[dict]) -> list:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return load_gold(path)


GOLD = [
    {"id": "G1", "doc": "a.txt", "evidence": "militants fired rockets at the base", "type": "ASSAULT",
     "alt_types": [], "mode": "heavy-weapons", "source": {"name": "militants", "country": ["IRQ", "UNK"]},
     "target": {"name": "U.S. forces", "country": ["USA"]}, "date": ["2021-07-05"],
     "location": {"name": "Al-Asad", "country": "IRQ", "lat": 33.786, "lon": 42.441, "radius_km": 40},
     "status": "actual"},
    {"id": "G2", "doc": "a.txt", "evidence": "Baghdad condemned the strike", "type": "ACCUSE",
     "alt_types": ["PROTEST"], "mode": None, "source": {"name": "Baghdad", "country": "IRQ"},
     "target": {"name": "Washington", "country": "USA"}, "date": ["2021-07"], "location": None,
     "status": "actual"},
    {"id": "N1", "doc": "a.txt", "evidence": "Ottawa should withdraw its troops", "type": None,
     "source": None, "target": None, "date": None, "location": None, "status": "negative"},
]


def _pred(sentence: str, event_type: str, src: str | None, tgt: str | None, date: str | None,
          status: str = "actual", location: dict | None = None) -> dict:
    return {"doc_path": "/x/a.txt", "sentence": sentence, "event_type": event_type, "status": status,
            "source": {"country": src} if src else None, "target": {"country": tgt} if tgt else None,
            "date": date, "location": location}


def test_perfect_predictions_score_one(tmp_path: Path) -> None:
    gold = _gold(tmp_path, GOLD)
    preds = [
        _pred("On July 5 militants fired rockets at the base.", "ASSAULT", "IRQ", "USA", "2021-07-05",
              location={"lat": 33.80, "lon": 42.40, "country": "IRQ"}),
        _pred("Baghdad condemned the strike on Tuesday.", "PROTEST", "IRQ", "USA", "2021-07-06"),
    ]
    report = score_events(preds, gold)
    assert report.full.f1 == 1.0 and report.typed.f1 == 1.0
    assert report.date_accuracy == 1.0 and report.location_accuracy == 1.0
    assert report.negatives == 1 and not report.negatives_violated


def test_wrong_type_counts_for_detection_only_and_negative_violated(tmp_path: Path) -> None:
    gold = _gold(tmp_path, GOLD)
    preds = [
        _pred("On July 5 militants fired rockets at the base.", "COERCE", "IRQ", "USA", "2021-07"),
        _pred("Ottawa should withdraw its troops from Iraq.", "RETREAT", "CAN", None, None),
        _pred("Ottawa should withdraw its troops from Iraq.", "RETREAT", "CAN", None, None, status="hypothetical"),
    ]
    report = score_events(preds, gold)
    assert report.detection.tp == 1 and report.typed.tp == 0
    assert report.detection.predicted == 2  # the hypothetical one is not asserted
    assert [v["gold_id"] for v in report.negatives_violated] == ["N1"]
    assert {m["gold_id"] for m in report.misses} == {"G1", "G2"}


def test_full_needs_both_countries(tmp_path: Path) -> None:
    gold = _gold(tmp_path, GOLD[:1])
    report = score_events([_pred("militants fired rockets at the base", "ASSAULT", "IRN", "USA", None)], gold)
    assert report.typed.tp == 1 and report.full.tp == 0
    assert report.date_accuracy == 0.0


def test_matching_is_maximal_not_greedy(tmp_path: Path) -> None:
    records = [
        {**GOLD[0], "id": "A", "evidence": "rockets hit the base and drones hit the embassy"},
        {**GOLD[0], "id": "B", "evidence": "drones hit the embassy"},
    ]
    gold = _gold(tmp_path, records)
    both = "rockets hit the base and drones hit the embassy"
    preds = [_pred(both, "ASSAULT", "IRQ", "USA", None), _pred("drones hit the embassy", "ASSAULT", "IRQ", "USA", None)]
    assert score_events(preds, gold).typed.tp == 2


@pytest.mark.parametrize("pred,gold,ok", [
    ("2020-01-03", ["2020-01"], True), ("2020-01", ["2020-01-03"], False),
    ("2020-01-03", ["2020-01-03"], True), ("2020-11-03", ["2020-1"], False), (None, ["2020"], False),
])
def test_date_rule(pred: str | None, gold: list[str], ok: bool) -> None:
    assert date_matches(pred, gold) is ok


def test_bad_gold_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(GOLD[0]) + "\n{not json\n")
    with pytest.raises(EvalError, match=":2:"):
        load_gold(path)


def test_same_type_events_in_one_sentence_pair_by_agreement(tmp_path: Path) -> None:
    sentence = "Rockets hit the base on Sunday, two days after a drone hit the convoy."
    records = [
        {**GOLD[0], "id": "S1", "evidence": "Rockets hit the base on Sunday", "date": ["2021-07-04"]},
        {**GOLD[0], "id": "S2", "evidence": "two days after a drone hit the convoy", "date": ["2021-07-02"]},
    ]
    gold = _gold(tmp_path, records)
    preds = [_pred(sentence, "ASSAULT", "IRQ", "USA", "2021-07-02"),
             _pred(sentence, "ASSAULT", "IRQ", "USA", "2021-07-04")]
    report = score_events(preds, gold)
    assert report.typed.tp == 2 and report.date_accuracy == 1.0


def test_a_gold_event_keeps_its_preferred_candidate_when_another_is_free(tmp_path: Path) -> None:
    sentence = "Jets struck the columns near Konna, and bombers hit depots around Gao."
    konna = {"name": "Konna", "country": "MLI", "lat": 14.95, "lon": -3.89, "radius_km": 60}
    gao = {"name": "Gao", "country": "MLI", "lat": 16.27, "lon": -0.04, "radius_km": 40}
    records = [
        {**GOLD[0], "id": "K", "evidence": "Jets struck the columns near Konna", "location": konna},
        {**GOLD[0], "id": "G", "evidence": "bombers hit depots around Gao", "location": gao},
    ]
    gold = _gold(tmp_path, records)
    preds = [_pred(sentence, "ASSAULT", "IRQ", "USA", None, location={**konna, "precision": "city"}),
             _pred(sentence, "ASSAULT", "SYR", None, None, location={**gao, "precision": "city"})]
    report = score_events(preds, gold)
    assert report.typed.tp == 2 and report.location_accuracy == 1.0
