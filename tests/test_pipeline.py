"""End to end: the user's seeds and the demo corpus through the whole pipeline into real databases."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flashpoint.pipeline import EXIT_OK, EXIT_SKIPPED, run_ingest
from flashpoint.settings import Settings
from flashpoint.store import Store
from flashpoint.store.queries import list_documents, stats

AGENDA_MARKERS = ("Panel 1", "Panel 2", "Panel 4", "Closing (", "This panel will", "Trita Parsi",
                  "Sanam Vakil", "Dmitri Trenin", "Catherine Gribbin")
NAVIGATION_MARKERS = ("Recent Posts", "HomeMiddle East", "HomeBlog")


def _texts_by_seed(store: Store) -> dict[str, str]:
    from flashpoint.store.queries import get_document

    out = {}
    for row in list_documents(store):
        doc = get_document(store, row["doc_id"])
        out[Path(doc["origin"]).name[:3]] = doc["text"]
    return out


def test_seeds_make_three_documents_in_two_groups(seeds_dir: Path, store_url: str) -> None:
    settings = Settings(db=store_url)
    first = run_ingest([str(seeds_dir)], settings)
    assert first.rejected == 0
    assert first.new_documents == 3
    assert first.new_duplicates == 1
    with Store.open(store_url) as store:
        docs = list_documents(store)
        groups = {d["group_id"] for d in docs}
        assert len(docs) == 3 and len(groups) == 2
        by_seed = {Path(d["origin"]).name[:3]: d for d in docs}
        assert by_seed["000"]["group_id"] == by_seed["001"]["group_id"]
        assert by_seed["002"]["group_id"] != by_seed["000"]["group_id"]
        texts = _texts_by_seed(store)
    for seed in ("000", "002"):
        for marker in AGENDA_MARKERS + NAVIGATION_MARKERS:
            assert marker not in texts[seed], f"{marker!r} left in seed {seed}"
    assert "Soleimani" in texts["000"] and "Popular Mobilisation Forces" in texts["002"]

    again = run_ingest([str(seeds_dir)], settings)
    assert again.new_documents == 0 and again.events == 0 and again.already_present == 3
    with Store.open(store_url) as store:
        assert stats(store)["documents"] == 3


def test_events_are_coded_once_per_group_with_provenance(seeds_dir: Path, tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "fp.db"))
    summary = run_ingest([str(seeds_dir)], settings)
    assert summary.events > 0
    from flashpoint.store.queries import EventFilter, get_document, iter_export_records

    with Store.open(settings.db_url) as store:
        records = list(iter_export_records(store, EventFilter()))
        docs = {d["doc_id"]: d for d in list_documents(store)}
        canonical = {d for d, row in docs.items() if row["is_canonical"]}
        assert {r["doc_id"] for r in records} <= canonical
        for record in records[:50]:
            text = get_document(store, record["doc_id"])["text"]
            assert text[record["char_start"]:record["char_end"]] == record["sentence"]
            assert record["coder_version"]
        grouped = [r for r in records if r["mentions"] == 2]
        assert grouped, "events of the 000/001 article should count two reports"
        assert len(grouped[0]["doc_ids"]) == 2


def _dump(db_file: Path) -> dict[str, list[tuple]]:
    """Every row of every table but the run log, in a stable order."""
    con = sqlite3.connect(db_file)
    try:
        tables = [r[0] for r in con.execute("select name from sqlite_master where type='table'")]
        dump = {}
        for table in sorted(tables):
            if table in ("runs", "alembic_version", "sqlite_sequence"):
                continue
            rows = con.execute(f'select * from "{table}"').fetchall()
            dump[table] = sorted(rows, key=repr)
        return dump
    finally:
        con.close()


def _ingest_cmd(db: Path, *paths: str) -> list[str]:
    return [sys.executable, "-m", "flashpoint.cli", "ingest", *paths, "--db", str(db), "--quiet"]


def _count_documents(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("select count(*) from documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return -1


@pytest.fixture(scope="module")
def kill_corpus(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path, corpus_dir: Path) -> Path:
    """The seeds plus the demo corpus: near-duplicates, boilerplate and every format."""
    root = tmp_path_factory.mktemp("kill-corpus")
    shutil.copytree(seeds_dir, root / "seeds")
    shutil.copytree(corpus_dir, root / "corpus")
    return root


@pytest.fixture(scope="module")
def reference_dump(kill_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    subprocess.run(_ingest_cmd(db, str(kill_corpus)), check=True, env=_env())
    return _dump(db)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parent.parent / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.mark.slow
@pytest.mark.parametrize("kill_after_docs", [0, 1, 7, 19])
def test_sigkill_then_rerun_equals_uninterrupted(
    kill_after_docs: int, kill_corpus: Path, reference_dump: dict, tmp_path: Path
) -> None:
    db = tmp_path / "killed.db"
    proc = subprocess.Popen(_ingest_cmd(db, str(kill_corpus)), env=_env())
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if _count_documents(db) >= kill_after_docs and (kill_after_docs or db.exists()):
            break
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode in (-signal.SIGKILL, 0)
    subprocess.run(_ingest_cmd(db, str(kill_corpus)), check=True, env=_env())
    assert _dump(db) == reference_dump


def test_reader_reads_while_ingest_writes(kill_corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    subprocess.run(_ingest_cmd(db, str(kill_corpus / "seeds")), check=True, env=_env())
    proc = subprocess.Popen(_ingest_cmd(db, str(kill_corpus / "corpus")), env=_env())
    reads = 0
    seen: list[int] = []
    try:
        while proc.poll() is None:
            with Store.open(f"sqlite:///{db}") as store:
                seen.append(stats(store)["documents"])
            reads += 1
            time.sleep(0.05)
    finally:
        proc.wait()
    assert proc.returncode == EXIT_OK
    assert reads > 3
    assert seen == sorted(seen), "a reader must only ever see whole, growing states"


def test_bad_input_batch_keeps_good_records(tmp_path: Path) -> None:
    """Every bad item is skipped with its kind and a one-line reason; every good one is stored."""
    from flashpoint.store.queries import list_rejections
    from tests.badinputs import expected_where, explicit_paths, make_bad_corpus

    corpus = tmp_path / "mixed"
    corpus.mkdir()
    built = make_bad_corpus(corpus, max_bytes=200_000)
    expected = expected_where(built)
    settings = Settings(db=str(tmp_path / "bad.db"), max_input_bytes=200_000)
    paths = [str(corpus)] + explicit_paths(built)
    summary = run_ingest(paths, settings)

    assert summary.exit_code == EXIT_SKIPPED
    got = {r.where: r.kind for r in summary.rejections}
    bad = {where: kind for where, kind in expected.items() if kind != "ok"}
    assert got == bad
    assert len(set(bad.values())) >= 7 and len(bad) >= 10
    assert all(r.reason and "\n" not in r.reason for r in summary.rejections)
    with Store.open(settings.db_url) as store:
        result = stats(store)
        stored = {r["origin"] + (f":{r['locator']}" if r["locator"] else "") for r in list_rejections(store)}
    assert stored == set(bad)
    assert result["sources"] == sum(1 for kind in expected.values() if kind == "ok")

    again = run_ingest(paths, settings)
    assert again.new_documents == 0
    with Store.open(settings.db_url) as store:
        assert stats(store)["rejections"] == result["rejections"]


def test_cli_json_outputs_and_exports(seeds_dir: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from flashpoint.cli import app

    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(seeds_dir), "--db", db, "--json"])
    assert result.exit_code == EXIT_OK, result.output
    summary = json.loads(result.stdout)
    assert summary["new_documents"] == 3

    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["export", "--format", "jsonl", "-o", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    spec_fields = {"event_id", "doc_id", "doc_path", "doc_url", "sentence", "char_start", "char_end",
                   "event_type", "mode", "source", "target", "date", "location", "fatalities",
                   "injuries", "status", "attribution", "confidence", "cameo_root", "quad_class",
                   "goldstein"}
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert lines and all(spec_fields <= set(line) for line in lines)

    for fmt in ("csv", "parquet"):
        target = tmp_path / f"events.{fmt}"
        result = runner.invoke(app, ["export", "--format", fmt, "-o", str(target), "--db", db])
        assert result.exit_code == 0, result.output
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "events.parquet").num_rows == len(lines)
    assert (tmp_path / "events.csv").read_text().count("\n") >= len(lines) + 1

    result = runner.invoke(app, ["events", "--db", db, "--type", "assault", "--json"])
    assert result.exit_code == 0
    assaults = json.loads(result.stdout)
    assert assaults and all(e["event_type"] == "ASSAULT" for e in assaults)

    result = runner.invoke(app, ["stats", "--db", db, "--json"])
    assert json.loads(result.stdout)["documents"] == 3


def test_ingest_from_standard_input(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from flashpoint.cli import app

    record = {"text": "BAGHDAD, Jan. 5, 2020 - Iraq's parliament voted on Sunday to ask foreign troops to leave the country.",
              "url": "https://news.example.org/a", "title": "Vote", "published": "2020-01-05"}
    result = CliRunner().invoke(app, ["ingest", "-", "--db", str(tmp_path / "s.db"), "--json"],
                                input=json.dumps(record) + "\n")
    assert result.exit_code == EXIT_OK, result.output
    assert json.loads(result.stdout)["new_documents"] == 1


def test_demo_corpus_across_runs_groups_the_syndicated_pair(corpus_dir: Path, tmp_path: Path) -> None:
    """The copy arrives in a later run: still one group, its shared paragraphs kept."""
    from flashpoint.store.queries import get_document

    settings = Settings(db=str(tmp_path / "demo.db"))
    first = run_ingest([str(corpus_dir / "txt")], settings)
    second = run_ingest([str(corpus_dir / d) for d in ("jsonl", "json", "html")], settings)
    assert first.rejected == second.rejected == 0
    assert second.new_duplicates == 1
    with Store.open(settings.db_url) as store:
        docs = list_documents(store)
        result = stats(store)
        texts = {(Path(d["origin"]).name, d["locator"]): get_document(store, d["doc_id"])["text"] for d in docs}
        groups = {(Path(d["origin"]).name, d["locator"]): d["group_id"] for d in docs}
    assert result["documents"] == 37 and result["groups"] == 36
    assert groups[("2019-12_us_strikes_kataib_hezbollah.txt", None)] == groups[("wire.jsonl", "line 1")]
    assert "further retaliation by the militia is expected" in texts[("wire.jsonl", "line 1")]
    ledger = [text for (name, _), text in texts.items() if name.startswith("gulfledger_")]
    assert len(ledger) == 4
    for text in ledger:
        for furniture in ("THE GULF LEDGER", "Sign in", "Subscribe to our newsletter", "Recent Posts",
                          "Upcoming webinar", "Session 1", "Related topics"):
            assert furniture not in text


def test_write_document_counts_every_new_row_and_only_those(tmp_path: Path) -> None:
    """A new document writes its rows without looking them up first (none can be stored yet);
    the counts stay exact: all rows of a new item, none of a repeat, and for a copy of a
    stored document from another item only that item's own rows."""
    from tests.test_store import make_doc, make_event

    text = "Rebels fired rockets at the airbase. Two soldiers were wounded in the attack."
    doc = make_doc(text)
    events = [make_event(doc, 0), make_event(doc, 37, event_type="COERCE"), make_event(doc, 0)]
    blocks = [("k1", 36), ("k2", 20), ("k2", 20)]
    copy = make_doc(text, raw=text + "\n", origin="copy.txt")
    with Store.open(f"sqlite:///{tmp_path / 'w.db'}") as store:
        first = store.write_document(doc, events, blocks, b"sig", (b"sk", 12))
        # document, source, two distinct events, two distinct blocks, signature, sketch
        assert first.new_document and first.new_rows == 1 + 1 + 2 + 2 + 1 + 1
        again = store.write_document(doc, events, blocks, b"sig", (b"sk", 12))
        assert not again.new_document and again.new_rows == 0
        other = store.write_document(copy, events, [("k1", 36)], b"sig", (b"sk2", 12))
        assert not other.new_document and other.new_rows == 1 + 1 + 1  # source, block, sketch
        with store.read() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM events").scalar() == 2
            assert conn.exec_driver_sql("SELECT sum(length) FROM block_sightings").scalar() == 36 + 40 + 36


def test_minhash_signatures_are_datasketchs_own() -> None:
    """Signatures are stored and compared across runs: the quicker hashing must give exactly
    the values of datasketch's ``MinHash.update_batch`` over UTF-8 shingles."""
    import numpy
    from datasketch import MinHash

    from flashpoint.clean import dedup

    settings = Settings()
    texts = ["", "one", "Rebels shelled Kharkiv's outskirts; naïve café owners fled \u6771\u4eac.",
             " ".join(f"word{i % 37} al-Asad" for i in range(300))]
    for text in texts:
        shingles = dedup._shingles(text, settings.shingle_size)
        theirs = MinHash(num_perm=settings.dedup_num_perm, seed=dedup.SEED, scheme=dedup.SCHEME)
        theirs.update_batch([s.encode("utf-8") for s in shingles])
        expected = numpy.asarray(theirs.hashvalues, dtype="<u4")
        assert (dedup.signature_of(text, settings) == expected).all()
        assert dedup.sketch_of(text, settings) == (expected.tobytes(), len(shingles))
