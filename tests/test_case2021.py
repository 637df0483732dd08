"""CASE 2021 Task 2: the ACLED -> PLOVER mapping file, and the coder's score on a fixed sample.

The full benchmark is ``bench/case2021.py`` (all 1,019 snippets); CI scores every 7th row
(146 snippets, a few seconds) and asserts the weighted F1 floor of ``tests/gold/floors.json``.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
EXTRA_LABELS = {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"}
SAMPLE_EVERY = 7


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    """bench/case2021.py, imported from its file (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location("case2021_bench", REPO / "bench" / "case2021.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def case_dir(shared_dir: Path) -> Path:
    return shared_dir / "benchmarks" / "case2021-task2"


@pytest.fixture(scope="module")
def mapping() -> dict[str, Any]:
    text = resources.files("flashpoint").joinpath("data", "acled_plover.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)["labels"]


@pytest.fixture(scope="module")
def plover_types() -> set[str]:
    text = resources.files("flashpoint").joinpath("data", "plover.yaml").read_text(encoding="utf-8")
    return set(yaml.safe_load(text)["types"])


def test_plover_has_sixteen_types(plover_types: set[str]) -> None:
    assert len(plover_types) == 16


def test_every_label_is_mapped(mapping: dict[str, Any], case_dir: Path, bench: ModuleType) -> None:
    seen = {line.strip() for line in (case_dir / "event_types.txt").read_text().splitlines() if line.strip()}
    assert len(seen) == 25
    assert set(mapping) == seen | EXTRA_LABELS
    in_test = {row.label for row in bench.load_rows(case_dir / "test_set_final_release_with_labels.tsv")}
    assert in_test <= set(mapping)


def test_mapped_types_are_plover(mapping: dict[str, Any], plover_types: set[str]) -> None:
    for label, entry in mapping.items():
        assert entry["type"] is None or entry["type"] in plover_types, label
        alts = entry.get("alt_types") or []
        assert set(alts) <= plover_types, label
        assert entry["type"] not in alts and len(set(alts)) == len(alts), label
        assert entry["mode"] is None or entry["mode"] == entry["mode"].lower(), label
        assert entry["why"].strip(), label


def test_subtasks_follow_the_task_note(mapping: dict[str, Any]) -> None:
    subtask = {label: entry["subtask"] for label, entry in mapping.items()}
    assert {label for label, s in subtask.items() if s == 2} == {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER"}
    assert {label for label, s in subtask.items() if s == 3} == {"DIPLO", "ATTRIB"}
    assert sum(1 for s in subtask.values() if s == 1) == 25


def test_main_type_is_the_most_confident_asserted_event(bench: ModuleType) -> None:
    def event(kind: str, status: str, confidence: float, start: int) -> dict[str, Any]:
        return {"event_type": kind, "status": status, "confidence": confidence, "char_start": start}

    assert bench.main_type([]) == "NONE"
    assert bench.main_type([event("ASSAULT", "hypothetical", 0.9, 0)]) == "NONE"
    assert bench.main_type([event("ACCUSE", "actual", 0.6, 0), event("ASSAULT", "claimed", 0.8, 40)]) == "ASSAULT"
    assert bench.main_type([event("COERCE", "actual", 0.7, 50), event("PROTEST", "actual", 0.7, 0)]) == "PROTEST"


def test_alternative_types_count_as_correct(bench: ModuleType) -> None:
    target = bench.load_mapping()["NON_VIOL_TERRIT_TRANSFER"]
    assert target.accepts("RETREAT") and target.accepts("CONCEDE") and not target.accepts("ASSAULT")
    assert bench.load_mapping()["NATURAL_DISASTER"].accepts("NONE")


def test_sample_weighted_f1_meets_floor(bench: ModuleType, case_dir: Path) -> None:
    floors = json.loads((REPO / "tests" / "gold" / "floors.json").read_text(encoding="utf-8"))["case2021"]
    result = bench.run(case_dir / "test_set_final_release_with_labels.tsv", every=SAMPLE_EVERY)
    assert result["all"]["n"] == 146
    measured = result["all"]["weighted_f1"]
    assert measured >= floors["sample_weighted_f1"], (
        f"CASE 2021 weighted F1 on every {SAMPLE_EVERY}th snippet = {measured} < floor "
        f"{floors['sample_weighted_f1']}; worst labels: "
        + str(sorted(result["all"]["per_label"].items(), key=lambda kv: kv[1]["accuracy"])[:5]))
