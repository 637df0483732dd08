#!/usr/bin/env python3
"""Event-type accuracy of flashpoint's coder on the CASE 2021 Task 2 test set (ACLED labels).

    PYTHONPATH=src .venv/bin/python bench/case2021.py [--tsv PATH] [--every N] [--json] [--show 15]

Each of the 1,019 snippets of ``shared/benchmarks/case2021-task2`` carries one label (25 ACLED
sub-event types, plus ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO and ATTRIB).
``src/flashpoint/data/acled_plover.yaml`` maps every label to a PLOVER type (``null`` = no political
event, written ``NONE`` here) and the ``alt_types`` an analyst could defensibly give instead.

Every snippet is written as a ``.txt`` document and coded in memory by
:func:`flashpoint.pipeline.code_paths`, the same stages ``flashpoint eval`` runs, with a fixed
publication date (dates do not matter here and should not be inferred from the snippets).

**Predicted main type** of a snippet: the type of its *asserted* event (status ``actual`` or
``claimed``) with the highest confidence; ties go to the event that comes first in the text
(sentence start, then trigger start), then to the coder's output order. A snippet with no asserted
event predicts ``NONE``.

**Correct**: the predicted type is the label's type or one of its ``alt_types``. For per-class
scores, a correct prediction counts for the class it predicted, a wrong one against the label's
primary type, so the confusion matrix has one gold class per snippet. Macro-F1 averages the F1
of the mapped classes (those with gold support; a wrong prediction of a class no label maps to
still costs the true class its recall); weighted F1 weighs each class's F1 by its gold support. Both are reported over all labels and over Subtask 1 (the 25 ACLED-derived labels,
OTHER included).

``--every N`` keeps rows 0, N, 2N, ... (the test suite scores every 7th row: 146 snippets).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Sequence

import yaml

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FLASHPOINT_SHARED", REPO.parent / "shared"))
DEFAULT_TSV = SHARED / "benchmarks" / "case2021-task2" / "test_set_final_release_with_labels.tsv"
#: Any fixed date: it keeps the date stage from guessing one from each snippet.
PUBLISHED = "2021-01-01"
NONE = "NONE"
ASSERTED = frozenset({"actual", "claimed"})


@dataclass(frozen=True)
class Row:
    id: str
    text: str
    label: str


@dataclass(frozen=True)
class Target:
    """What the mapping says a label's snippet should be coded as."""

    label: str
    type: str  # a PLOVER type, or NONE
    alt_types: tuple[str, ...]
    subtask: int

    def accepts(self, predicted: str) -> bool:
        return predicted == self.type or predicted in self.alt_types


@lru_cache(maxsize=1)
def load_mapping() -> dict[str, Target]:
    """The label -> PLOVER mapping of ``flashpoint/data/acled_plover.yaml``."""
    text = resources.files("flashpoint").joinpath("data", "acled_plover.yaml").read_text(encoding="utf-8")
    labels = yaml.safe_load(text)["labels"]
    return {
        label: Target(label, entry["type"] or NONE, tuple(entry.get("alt_types") or ()), int(entry["subtask"]))
        for label, entry in labels.items()
    }


def load_rows(path: Path = DEFAULT_TSV, every: int = 1) -> list[Row]:
    """The test file's rows (tab-separated, no quoting), keeping every ``every``-th one."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = [Row(r["id"], r["EventSnippet"], r["SubType"]) for r in reader]
    return rows[::every]


def code_snippets(rows: Sequence[Row], published: str = PUBLISHED) -> dict[str, list[dict[str, Any]]]:
    """Code each snippet as its own document; returns row id -> its exported event records."""
    from flashpoint.pipeline import code_paths
    from flashpoint.settings import Settings

    with tempfile.TemporaryDirectory(prefix="fp-case2021-") as tmp:
        for row in rows:
            (Path(tmp) / f"{_file_id(row.id)}.txt").write_text(row.text + "\n", encoding="utf-8")
        batch = code_paths([tmp], Settings(published=published, quiet=True))
    events: dict[str, list[dict[str, Any]]] = {row.id: [] for row in rows}
    by_file = {f"{_file_id(row.id)}.txt": row.id for row in rows}
    for event in batch.events:
        record = event.to_record()
        events[by_file[Path(record["doc_path"] or "").name]].append(record)
    return events


def _file_id(row_id: str) -> str:
    return f"case-{int(row_id):05d}" if row_id.isdigit() else f"case-{row_id}"


def main_type(events: Iterable[dict[str, Any]]) -> str:
    """The snippet's predicted type: the most confident asserted event, first in text on ties."""
    asserted = [(i, e) for i, e in enumerate(events) if e.get("status") in ASSERTED]
    if not asserted:
        return NONE

    def key(item: tuple[int, dict[str, Any]]) -> tuple[float, int, int, int]:
        i, e = item
        return (-float(e.get("confidence") or 0.0), int(e.get("char_start") or 0),
                int(e.get("trigger_start") or 0), i)

    return min(asserted, key=key)[1]["event_type"]


@dataclass
class Outcome:
    row: Row
    target: Target
    predicted: str

    @property
    def correct(self) -> bool:
        return self.target.accepts(self.predicted)

    @property
    def gold_class(self) -> str:
        """The class this snippet counts for: the prediction when accepted, else the primary type."""
        return self.predicted if self.correct else self.target.type


def evaluate(rows: Sequence[Row], events: dict[str, list[dict[str, Any]]]) -> list[Outcome]:
    mapping = load_mapping()
    return [Outcome(row, mapping[row.label], main_type(events.get(row.id, ()))) for row in rows]


def summarize(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Accuracy, macro/weighted F1 and per-class scores over the outcomes."""
    gold = Counter(o.gold_class for o in outcomes)
    pred = Counter(o.predicted for o in outcomes)
    tp = Counter(o.predicted for o in outcomes if o.correct)
    classes = sorted(set(gold) | set(pred))
    per_class = {c: _prf(tp[c], pred[c], gold[c]) for c in classes}
    n = len(outcomes)
    return {
        "n": n,
        "accuracy": _r(sum(o.correct for o in outcomes) / n) if n else 0.0,
        "macro_f1": _r(sum(per_class[c]["f1"] for c in gold) / len(gold)) if gold else 0.0,
        "weighted_f1": _r(sum(per_class[c]["f1"] * gold[c] for c in classes) / n) if n else 0.0,
        "per_class": per_class,
        "per_label": _per_label(outcomes),
    }


def _prf(tp: int, predicted: int, gold: int) -> dict[str, Any]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": _r(p), "recall": _r(r), "f1": _r(f), "support": gold, "predicted": predicted}


def _per_label(outcomes: Sequence[Outcome]) -> dict[str, dict[str, Any]]:
    """Accuracy per source label, with what the wrong ones were coded as."""
    out: dict[str, dict[str, Any]] = {}
    for label in sorted({o.row.label for o in outcomes}):
        mine = [o for o in outcomes if o.row.label == label]
        wrong = Counter(o.predicted for o in mine if not o.correct)
        out[label] = {"n": len(mine), "accuracy": _r(sum(o.correct for o in mine) / len(mine)),
                      "expected": mine[0].target.type, "wrong_as": dict(wrong.most_common())}
    return out


def top_confusions(outcomes: Sequence[Outcome], k: int = 15) -> list[tuple[str, str, str, int]]:
    """The most frequent (label, expected type, predicted type) errors."""
    errors = Counter((o.row.label, o.target.type, o.predicted) for o in outcomes if not o.correct)
    return [(label, exp, got, count) for (label, exp, got), count in errors.most_common(k)]


def run(path: Path = DEFAULT_TSV, every: int = 1) -> dict[str, Any]:
    """Code and score the test file; the summary ``--json`` prints."""
    rows = load_rows(path, every)
    started = time.perf_counter()
    events = code_snippets(rows)
    seconds = time.perf_counter() - started
    outcomes = evaluate(rows, events)
    subtask1 = [o for o in outcomes if o.target.subtask == 1]
    return {
        "all": summarize(outcomes),
        "subtask1": summarize(subtask1),
        "top_confusions": top_confusions(outcomes),
        "seconds": round(seconds, 1),
        "every": every,
        "errors": [{"id": o.row.id, "label": o.row.label, "expected": o.target.type,
                    "predicted": o.predicted, "text": o.row.text[:200]}
                   for o in outcomes if not o.correct],
    }


def _r(x: float) -> float:
    return round(x, 4)


def _print_report(result: dict[str, Any], show: int) -> None:
    titles = (("all", "All 30 labels"), ("subtask1", "Subtask 1 (25 ACLED labels)"))
    for name, title in titles:
        s = result[name]
        print(f"{title}: n={s['n']}  accuracy={s['accuracy']:.3f}  macro-F1={s['macro_f1']:.3f}  "
              f"weighted-F1={s['weighted_f1']:.3f}")
    print(f"coding time: {result['seconds']} s")
    for name, title in titles:
        print(f"\nper PLOVER class, {title}:")
        print(f"  {'class':<10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
        for cls, s in sorted(result[name]["per_class"].items(), key=lambda kv: -kv[1]["support"]):
            print(f"  {cls:<10} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
                  f"{s['support']:5d} {s['predicted']:5d}")
    print("\nper ACLED label (accuracy, expected type, wrong predictions):")
    for label, s in sorted(result["all"]["per_label"].items(), key=lambda kv: kv[1]["accuracy"]):
        print(f"  {label:<30} {s['accuracy']:.2f} (n={s['n']:3d}) {s['expected']:<9} {s['wrong_as']}")
    print("\ntop errors (label, expected, predicted, count):")
    for label, exp, got, count in result["top_confusions"][:show]:
        print(f"  {count:4d}  {label:<30} {exp:<9} -> {got}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tsv", type=Path, default=DEFAULT_TSV)
    parser.add_argument("--every", type=int, default=1, help="keep every N-th row (default: all)")
    parser.add_argument("--json", action="store_true", help="print a machine-readable summary")
    parser.add_argument("--show", type=int, default=15, help="how many confusions to list")
    args = parser.parse_args(argv)
    result = run(args.tsv, args.every)
    if args.json:
        json.dump(result, sys.stdout, indent=1)
        print()
    else:
        _print_report(result, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
