"""The CI quality gate: the coder's scores on the gold sets never fall below tests/gold/floors.json.

The gold texts are coded once per module (``code_paths``, as ``flashpoint eval`` does) and scored
against ``dev.jsonl`` and ``heldout.jsonl``, together and apart; the user's seed documents
(``shared/seeds``) are coded with the publication dates of ``tests/gold/README.md`` ("Seeds") and
scored against ``seeds.jsonl``; the dev texts are also coded with their datelines run into the
first sentence, as wire copy prints them, and scored against ``dev.jsonl``. Floors are what the coder measured when they were set, minus a
small margin; they are only ever raised (and ``max_negatives_violated`` only ever lowered), so a
change that makes the coder worse on any set fails CI. Keep this module cheap: it runs in CI on
every push (about 15 s on a 2-core machine).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from flashpoint.events.scoring import EvalReport, GoldEvent, load_gold, score_events
from flashpoint.pipeline import code_paths
from flashpoint.settings import Settings

GOLD = Path(__file__).resolve().parent / "gold"

#: Publication dates assumed for the seeds, which carry no metadata (see tests/gold/README.md).
SEED_PUBLISHED = {
    "000_e13ce82ae1a66ad0.txt": "2021-07-15",
    "001_69701843479779bb.txt": "2021-07-15",
    "002_f08a927af4cef22d.txt": "2019-08-25",
}

#: Gold set name -> the gold files it scores.
GOLD_SETS = {
    "dev": ["dev.jsonl"],
    "heldout": ["heldout.jsonl"],
    "dev+heldout": ["dev.jsonl", "heldout.jsonl"],
    "heldout2": ["heldout2.jsonl"],
    "dev2": ["dev2.jsonl"],
    "heldout3": ["heldout3.jsonl"],
    "dev3": ["dev3.jsonl"],
    "heldout4": ["heldout4.jsonl"],
    "dev4": ["dev4.jsonl"],
    "dev5": ["dev5.jsonl"],
    "dev6": ["dev6.jsonl"],
    "dev7": ["dev7.jsonl"],
    "dev8": ["dev8.jsonl"],
    "dev9": ["dev9.jsonl"],
    "dev10": ["dev10.jsonl"],
    "dev11": ["dev11.jsonl"],
    "dev12": ["dev12.jsonl"],
    "dev13": ["dev13.jsonl"],
    "dev14": ["dev14.jsonl"],
    "dev15": ["dev15.jsonl"],
    "dev16": ["dev16.jsonl"],
    "dev17": ["dev17.jsonl"],
    "dev18": ["dev18.jsonl"],
    "dev19": ["dev19.jsonl"],
    "dev20": ["dev20.jsonl"],
    "dev21": ["dev21.jsonl"],
    "dev22": ["dev22.jsonl"],
    "dev23": ["dev23.jsonl"],
    "dev24": ["dev24.jsonl"],
    "dev25": ["dev25.jsonl"],
}

#: Folders of gold texts, each coded as its own batch (``texts2`` holds the second held-out set,
#: ``texts3`` the second development set, ``texts4`` the third held-out set, ``texts5`` the third
#: development set, ``texts6`` the fourth held-out set, ``texts7`` to ``texts28`` the fourth to
#: twenty-fifth development sets, all annotated without running the coder).
TEXT_DIRS = ("texts", "texts2", "texts3", "texts4", "texts5", "texts6", "texts7", "texts8", "texts9",
             "texts10", "texts11", "texts12", "texts13", "texts14",
             "texts15", "texts16", "texts17", "texts18", "texts19", "texts20",
             "texts21", "texts22", "texts23", "texts24", "texts25", "texts26", "texts27",
             "texts28")

#: The dev set with each dateline run into the first sentence's line (``inline_records``).
INLINE_SET = "dev-inline-dateline"

METRICS = ("detection_f1", "typed_f1", "full_f1", "date_accuracy", "location_accuracy")


def _floors() -> dict[str, Any]:
    return json.loads((GOLD / "floors.json").read_text(encoding="utf-8"))


def _gold(files: list[str]) -> list[GoldEvent]:
    return [event for name in files for event in load_gold(GOLD / name)]


@pytest.fixture(scope="module")
def gold_records() -> list[dict[str, Any]]:
    """The gold texts coded once; their datelines give the publication dates."""
    records = []
    for folder in TEXT_DIRS:
        batch = code_paths([str(GOLD / folder)], Settings(quiet=True))
        assert len(batch.documents) == len(list((GOLD / folder).glob("*.txt")))
        records += [event.to_record() for event in batch.events]
    return records


@pytest.fixture(scope="module")
def seed_records(seeds_dir: Path) -> list[dict[str, Any]]:
    """The seeds coded as one batch (so shared page furniture is removed) per publication date;
    each document keeps the events of the run with its own date."""
    records: list[dict[str, Any]] = []
    for published in sorted(set(SEED_PUBLISHED.values())):
        batch = code_paths([str(seeds_dir)], Settings(published=published, quiet=True))
        names = {name for name, date in SEED_PUBLISHED.items() if date == published}
        records += [e.to_record() for e in batch.events if Path(e.doc_path or "").name in names]
    return records


@pytest.fixture(scope="module")
def inline_records(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """The dev texts as wire copy often runs them: the dateline opening the first sentence's line
    ("KIRKUK, Iraq, Dec. 28, 2019 — More than 30 rockets struck ..."), not a line of its own.
    Its date is the report's; the first sentence's acts keep their own ("on Friday")."""
    folder = tmp_path_factory.mktemp("inline-datelines")
    for name in sorted({g.doc for g in _gold(["dev.jsonl"])}):
        dateline, body = (GOLD / "texts" / name).read_text(encoding="utf-8").split("\n", 1)
        (folder / name).write_text(f"{dateline.rstrip()} {body}", encoding="utf-8")
    batch = code_paths([str(folder)], Settings(quiet=True))
    return [event.to_record() for event in batch.events]


def measure(report: EvalReport) -> dict[str, float | int | None]:
    """The gated numbers of one evaluation report."""
    return {
        "detection_f1": report.detection.f1,
        "typed_f1": report.typed.f1,
        "full_f1": report.full.f1,
        "date_accuracy": report.date_accuracy,
        "location_accuracy": report.location_accuracy,
        "negatives_violated": len(report.negatives_violated),
    }


def _check(name: str, measured: dict[str, float | int | None]) -> None:
    """Every floor of the set met; the message lists each metric that fell below its floor."""
    floors = _floors()["gold"][name]
    failures = []
    for metric in METRICS:
        floor = floors.get(metric)
        if floor is None:
            continue  # not gated yet
        value = measured[metric]
        if value is None or value < floor:
            failures.append(f"{metric} = {value if value is None else round(value, 4)} < floor {floor}")
    ceiling = floors.get("max_negatives_violated")
    if ceiling is not None and measured["negatives_violated"] > ceiling:
        failures.append(f"negatives violated = {measured['negatives_violated']} > {ceiling}")
    assert not failures, f"{name}: " + "; ".join(failures) + f"\nmeasured: {measured}"


@pytest.mark.parametrize("name", sorted(GOLD_SETS))
def test_gold_set_meets_floors(name: str, gold_records: list[dict[str, Any]]) -> None:
    _check(name, measure(score_events(gold_records, _gold(GOLD_SETS[name]))))


def test_inline_datelines_meet_floors(inline_records: list[dict[str, Any]]) -> None:
    _check(INLINE_SET, measure(score_events(inline_records, _gold(["dev.jsonl"]))))


def test_seeds_meet_floors(seed_records: list[dict[str, Any]]) -> None:
    gold = load_gold(GOLD / "seeds.jsonl")
    assert {g.doc for g in gold} == set(SEED_PUBLISHED)
    _check("seeds", measure(score_events(seed_records, gold)))


def _checker():
    spec = importlib.util.spec_from_file_location("check_gold", GOLD / "check_gold.py")
    assert spec and spec.loader
    checker = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = checker  # its dataclasses look their module up while being built
    spec.loader.exec_module(checker)
    return checker


@pytest.mark.parametrize(("gold_file", "folder", "texts_expected", "records_at_least"), [
    ("heldout2.jsonl", "texts2", 25, 110),
    ("dev2.jsonl", "texts3", 24, 200),
    ("heldout3.jsonl", "texts4", 16, 130),
    ("dev3.jsonl", "texts5", 22, 210),
    ("heldout4.jsonl", "texts6", 16, 150),
    ("dev4.jsonl", "texts7", 20, 210),
    ("dev5.jsonl", "texts8", 20, 225),
    ("dev6.jsonl", "texts9", 20, 225),
    ("dev7.jsonl", "texts10", 20, 245),
    ("dev8.jsonl", "texts11", 16, 205),
    ("dev9.jsonl", "texts12", 20, 250),
    ("dev10.jsonl", "texts13", 20, 260),
    ("dev11.jsonl", "texts14", 20, 255),
    ("dev12.jsonl", "texts15", 20, 260),
    ("dev13.jsonl", "texts16", 20, 265),
    ("dev14.jsonl", "texts17", 20, 265),
    ("dev15.jsonl", "texts18", 20, 275),
    ("dev16.jsonl", "texts19", 20, 264),
    ("dev17.jsonl", "texts20", 19, 310),
    ("dev18.jsonl", "texts21", 20, 274),
    ("dev19.jsonl", "texts22", 19, 264),
    ("dev20.jsonl", "texts23", 19, 274),
    ("dev21.jsonl", "texts24", 20, 286),
    ("dev22.jsonl", "texts25", 14, 207),
    ("dev23.jsonl", "texts26", 20, 241),
    ("dev24.jsonl", "texts27", 20, 198),
    ("dev25.jsonl", "texts28", 20, 198),
])
def test_later_gold_sets_pass_the_gold_checks(gold_file: str, folder: str, texts_expected: int,
                                              records_at_least: int) -> None:
    """Each later gold set obeys the rules of tests/gold/check_gold.py against its own folder."""
    checker = _checker()
    texts = {path.name: path.read_text(encoding="utf-8") for path in (GOLD / folder).glob("*.txt")}
    report, seen = checker.Report(), set()
    for number, line in enumerate((GOLD / gold_file).read_text(encoding="utf-8").splitlines(), 1):
        checker.check_record(report, number, json.loads(line), texts, seen)
    checker.check_sentences(report, texts)
    assert not report.errors, "\n".join(report.errors)
    assert len(texts) == texts_expected and len(seen) >= records_at_least
    assert {json.loads(line)["doc"] for line in (GOLD / gold_file).read_text(encoding="utf-8").splitlines()} \
        == set(texts)  # every text has gold


def test_seed_gold_passes_the_gold_checks(seeds_dir: Path) -> None:
    """seeds.jsonl obeys the rules of tests/gold/check_gold.py (fields, verbatim evidence inside one
    sentence, negatives that fit no other sentence), checked against the seed texts in shared/."""
    checker = _checker()
    texts = {path.name: path.read_text(encoding="utf-8") for path in seeds_dir.glob("*.txt")}
    report, seen = checker.Report(), set()
    for number, line in enumerate((GOLD / "seeds.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        checker.check_record(report, number, json.loads(line), texts, seen)
    checker.check_sentences(report, texts)
    assert not report.errors, "\n".join(report.errors)


def test_floors_file_covers_every_set() -> None:
    floors = _floors()["gold"]
    assert set(floors) == {*GOLD_SETS, "seeds", INLINE_SET}
    for name, values in floors.items():
        assert set(values) == {*METRICS, "max_negatives_violated"}, name
        assert any(values[m] is not None for m in METRICS), f"{name} gates nothing"
