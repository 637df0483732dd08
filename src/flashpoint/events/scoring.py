"""Scoring coded events against gold, exactly as ``shared/spec/event-record.md`` defines it.

A prediction is a candidate for a gold event of the same document when its ``sentence`` holds at
least 60% of the gold evidence's words. Only *asserted* predictions (status ``actual`` or
``claimed``) are scored; gold events count for recall when they are asserted too. Three one-to-one
matchings are computed, each as large as possible (augmenting paths, so a greedy early choice
never costs a match):

- detection: any candidate pair;
- typed: the predicted type is the gold type or one of its ``alt_types``;
- full: typed, and the source and target countries are acceptable.

Date and location accuracy are measured over the typed matches whose gold has a date (or a
location). A gold ``negative`` marks a sentence that must yield no asserted event: any asserted
prediction on it is a violation.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from flashpoint.errors import EvalError
from flashpoint.records import great_circle_km

__all__ = ["GoldEvent", "Score", "EvalReport", "load_gold", "score_events", "date_matches"]

ASSERTED = frozenset({"actual", "claimed"})
GOLD_STATUSES = frozenset({"actual", "claimed", "threatened", "hypothetical", "negated", "negative"})
EVIDENCE_SHARE = 0.6
_WORD = re.compile(r"[\w']+", re.UNICODE)


@dataclass(frozen=True)
class GoldEvent:
    """One gold record; ``evidence`` holds the alternatives, each as its list of words."""

    id: str
    doc: str
    evidence: tuple[tuple[str, ...], ...]
    type: str | None
    alt_types: tuple[str, ...]
    status: str
    source_countries: tuple[str, ...] | None
    target_countries: tuple[str, ...] | None
    dates: tuple[str, ...]
    location: dict[str, Any] | None
    raw: dict[str, Any] = field(compare=False, repr=False, default_factory=dict)

    @property
    def asserted(self) -> bool:
        return self.status in ASSERTED

    def types(self) -> set[str]:
        return {t for t in (self.type, *self.alt_types) if t}


@dataclass
class Score:
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "predicted": self.predicted, "gold": self.gold,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class EvalReport:
    detection: Score
    typed: Score
    full: Score
    date_accuracy: float | None
    date_scored: int
    location_accuracy: float | None
    location_scored: int
    negatives: int
    negatives_violated: list[dict[str, Any]]
    misses: list[dict[str, Any]]
    false_alarms: list[dict[str, Any]]
    wrong_dates: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "detection": self.detection.to_dict(), "typed": self.typed.to_dict(),
            "full": self.full.to_dict(),
            "date_accuracy": _round(self.date_accuracy), "date_scored": self.date_scored,
            "location_accuracy": _round(self.location_accuracy), "location_scored": self.location_scored,
            "negatives": self.negatives, "negatives_violated": self.negatives_violated,
            "misses": self.misses, "false_alarms": self.false_alarms, "wrong_dates": self.wrong_dates,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def load_gold(path: Path) -> list[GoldEvent]:
    """Read a gold JSON Lines file; a malformed line is an :class:`EvalError` naming the line."""
    events = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            events.append(_gold_from_record(json.loads(line)))
        except (ValueError, KeyError, TypeError) as exc:
            raise EvalError(f"{path}:{number}: not a gold record per the spec: {exc}") from exc
    return events


def _gold_from_record(record: dict[str, Any]) -> GoldEvent:
    status = record.get("status", "actual")
    if status not in GOLD_STATUSES:
        raise ValueError(f"unknown status {status!r}")
    evidence = record["evidence"]
    alternatives = [evidence] if isinstance(evidence, str) else list(evidence)
    return GoldEvent(
        id=str(record["id"]), doc=str(record["doc"]),
        evidence=tuple(tuple(_words(a)) for a in alternatives),
        type=(record.get("type") or None), alt_types=tuple(record.get("alt_types") or ()),
        status=status, source_countries=_countries(record.get("source")),
        target_countries=_countries(record.get("target")),
        dates=_as_tuple(record.get("date")), location=record.get("location"), raw=record,
    )


def _countries(actor: dict[str, Any] | None) -> tuple[str, ...] | None:
    if not actor:
        return None
    value = actor.get("country")
    return _as_tuple(value) or None


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def evidence_share(evidence: Sequence[str], sentence_words: set[str]) -> float:
    """Share of the evidence's words that the sentence contains."""
    if not evidence:
        return 0.0
    return sum(1 for w in evidence if w in sentence_words) / len(evidence)


def date_matches(predicted: str | None, gold_dates: Sequence[str]) -> bool:
    """Equal to a gold date, or more precise and consistent with it (``2020-01-03`` ~ ``2020-01``)."""
    if not predicted:
        return False
    return any(predicted == g or predicted.startswith(g + "-") for g in gold_dates)


def _country_ok(actor: dict[str, Any] | None, accepted: tuple[str, ...] | None) -> bool:
    if accepted is None:
        return actor is None or not actor.get("country") or actor.get("country") == "UNK"
    return bool(actor) and actor.get("country") in accepted


def location_matches(predicted: dict[str, Any] | None, gold: dict[str, Any]) -> bool:
    """Within ``radius_km`` of the gold point, or the same country where the gold has no point."""
    if not predicted:
        return False
    if gold.get("lat") is None or gold.get("lon") is None:
        return bool(gold.get("country")) and predicted.get("country") == gold.get("country")
    if predicted.get("lat") is None or predicted.get("lon") is None:
        return False
    distance = great_circle_km(predicted["lat"], predicted["lon"], gold["lat"], gold["lon"])
    return distance <= float(gold.get("radius_km") or 25)


def _doc_key(value: str | None) -> str:
    return Path(value or "").name


def score_events(predictions: Iterable[dict[str, Any]], gold: Sequence[GoldEvent]) -> EvalReport:
    """Score exported-event records against gold records (both per the spec)."""
    preds = [p for p in predictions if p.get("status") in ASSERTED]
    gold_docs = {g.doc for g in gold}
    preds = [p for p in preds if _doc_key(p.get("doc_path")) in gold_docs]
    sentence_words = [set(_words(p.get("sentence", ""))) for p in preds]
    candidates = _candidates(preds, sentence_words, gold)
    asserted_gold = [i for i, g in enumerate(gold) if g.asserted]

    def typed(pi: int, gi: int) -> bool:
        return preds[pi].get("event_type") in gold[gi].types()

    def full(pi: int, gi: int) -> bool:
        g, p = gold[gi], preds[pi]
        return typed(pi, gi) and _country_ok(p.get("source"), g.source_countries) and _country_ok(
            p.get("target"), g.target_countries)

    candidates = _prefer_agreeing(candidates, preds, gold, full)
    detection = _max_matching(candidates, asserted_gold, lambda pi, gi: True)
    typed_m = _max_matching(candidates, asserted_gold, typed)
    full_m = _max_matching(candidates, asserted_gold, full)
    return _report(preds, gold, candidates, asserted_gold, detection, typed_m, full_m)


def _candidates(preds: list[dict[str, Any]], sentence_words: list[set[str]],
                gold: Sequence[GoldEvent]) -> dict[int, list[int]]:
    """gold index -> prediction indexes whose sentence holds >= 60% of an evidence alternative."""
    by_doc: dict[str, list[int]] = {}
    for pi, p in enumerate(preds):
        by_doc.setdefault(_doc_key(p.get("doc_path")), []).append(pi)
    out: dict[int, list[int]] = {}
    for gi, g in enumerate(gold):
        out[gi] = [pi for pi in by_doc.get(g.doc, [])
                   if max(evidence_share(e, sentence_words[pi]) for e in g.evidence) >= EVIDENCE_SHARE]
    return out


def _prefer_agreeing(candidates: dict[int, list[int]], preds: list[dict[str, Any]],
                     gold: Sequence[GoldEvent], full: Callable[[int, int], bool]) -> dict[int, list[int]]:
    """Order each gold event's candidates: those agreeing on actors, then date, then place, first.

    Two gold events of one type in one sentence ("struck the base on Sunday, two days after the
    attack on the convoy") have the same candidates; which prediction is paired with which is
    arbitrary for the F1 scores but not for date and location accuracy. Trying agreeing
    candidates first pairs them the way a reader would, for every coder alike.
    """
    def rank(gi: int, pi: int) -> tuple[bool, bool, bool]:
        place = gold[gi].location
        return (not full(pi, gi), not date_matches(preds[pi].get("date"), gold[gi].dates),
                not (place and location_matches(preds[pi].get("location"), place)))

    return {gi: sorted(pis, key=lambda pi: rank(gi, pi)) for gi, pis in candidates.items()}


def _max_matching(candidates: dict[int, list[int]], gold_ids: list[int],
                  allowed: Callable[[int, int], bool]) -> dict[int, int]:
    """Maximum bipartite matching gold -> prediction over allowed candidate pairs (Kuhn's algorithm).

    A gold event takes its first free candidate before it takes one from another gold event
    (which then moves to its next): the matching is as large either way, but the pairing keeps
    each event's preferred candidate (:func:`_prefer_agreeing`) where it can, so that "struck
    the columns near Konna, and bombers hit depots around Gao" pairs each strike with the one
    placed where it was, not with the first that agrees on the sides."""
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        allowed_here = [pi for pi in candidates.get(gi, []) if allowed(pi, gi)]
        free = next((pi for pi in allowed_here if pi not in owner and pi not in seen), None)
        if free is not None:  # a free candidate before taking one from another gold event
            seen.add(free)
            owner[free] = gi
            return True
        for pi in allowed_here:
            if pi in seen:
                continue
            seen.add(pi)
            if augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    for gi in gold_ids:
        augment(gi, set())
    return {gi: pi for pi, gi in owner.items()}


def _report(preds: list[dict[str, Any]], gold: Sequence[GoldEvent], candidates: dict[int, list[int]],
            asserted_gold: list[int], detection: dict[int, int], typed_m: dict[int, int],
            full_m: dict[int, int]) -> EvalReport:
    n_pred, n_gold = len(preds), len(asserted_gold)
    dated = [(gi, pi) for gi, pi in typed_m.items() if gold[gi].dates]
    located = [(gi, pi) for gi, pi in typed_m.items() if gold[gi].location]
    date_ok = [date_matches(preds[pi].get("date"), gold[gi].dates) for gi, pi in dated]
    loc_ok = [location_matches(preds[pi].get("location"), gold[gi].location or {}) for gi, pi in located]
    negatives = [gi for gi, g in enumerate(gold) if g.status == "negative"]
    matched_preds = set(detection.values())
    return EvalReport(
        detection=Score(len(detection), n_pred, n_gold),
        typed=Score(len(typed_m), n_pred, n_gold),
        full=Score(len(full_m), n_pred, n_gold),
        date_accuracy=sum(date_ok) / len(date_ok) if date_ok else None, date_scored=len(date_ok),
        location_accuracy=sum(loc_ok) / len(loc_ok) if loc_ok else None, location_scored=len(loc_ok),
        negatives=len(negatives),
        negatives_violated=[_violation(gold[gi], preds, candidates[gi]) for gi in negatives if candidates[gi]],
        misses=[_miss(gold[gi]) for gi in asserted_gold if gi not in typed_m],
        false_alarms=[_brief(preds[pi]) for pi in range(n_pred) if pi not in matched_preds],
        wrong_dates=[{**_brief(preds[pi]), "gold_id": gold[gi].id, "gold_date": list(gold[gi].dates)}
                     for (gi, pi), ok in zip(dated, date_ok) if not ok],
    )


def _brief(p: dict[str, Any]) -> dict[str, Any]:
    return {"doc": _doc_key(p.get("doc_path")), "event_type": p.get("event_type"),
            "status": p.get("status"), "date": p.get("date"),
            "source": (p.get("source") or {}).get("country"), "target": (p.get("target") or {}).get("country"),
            "sentence": p.get("sentence")}


def _miss(g: GoldEvent) -> dict[str, Any]:
    return {"gold_id": g.id, "doc": g.doc, "type": g.type, "evidence": g.raw.get("evidence")}


def _violation(g: GoldEvent, preds: list[dict[str, Any]], pred_ids: list[int]) -> dict[str, Any]:
    return {"gold_id": g.id, "doc": g.doc, "evidence": g.raw.get("evidence"),
            "predicted": [_brief(preds[pi]) for pi in pred_ids]}
