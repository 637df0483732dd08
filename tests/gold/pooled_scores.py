"""Pooled gold scores: every gold record of the chosen sets scored once, each text folder coded
as its own batch, exactly as the quality gate (``tests/test_quality_gate.py``) codes them.

Per-set figures hide how the coder does overall; pooling weighs each set by its size. Run from
the repository root::

    PYTHONPATH=src .venv/bin/python tests/gold/pooled_scores.py                 # every set
    PYTHONPATH=src .venv/bin/python tests/gold/pooled_scores.py dev21 dev22 dev24
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import test_quality_gate as gate  # noqa: E402  (the gate's sets, folders and measure())

from flashpoint.events.scoring import load_gold, score_events  # noqa: E402
from flashpoint.pipeline import code_paths  # noqa: E402
from flashpoint.settings import Settings  # noqa: E402


def pooled(names: list[str]) -> dict[str, object]:
    """The gate's measures over the union of the named sets' gold files."""
    records = []
    for folder in gate.TEXT_DIRS:
        batch = code_paths([str(gate.GOLD / folder)], Settings(quiet=True))
        records += [event.to_record() for event in batch.events]
    files = sorted({f for name in names for f in gate.GOLD_SETS[name]})
    gold = [g for f in files for g in load_gold(gate.GOLD / f)]
    return {"sets": names, "gold_files": len(files), "records": len(gold),
            **gate.measure(score_events(records, gold))}


if __name__ == "__main__":
    chosen = sys.argv[1:] or [name for name in gate.GOLD_SETS if name != "dev+heldout"]
    print(json.dumps(pooled(chosen), indent=1))
