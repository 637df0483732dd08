"""The rebuild of the analysis tables: after ingest, deterministic on SQLite and PostgreSQL alike,
in one transaction, and through the command line."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select
from typer.testing import CliRunner

from flashpoint.analysis import get_incident, list_chains, list_incidents, refresh
from flashpoint.cli import app
from flashpoint.pipeline import run_ingest
from flashpoint.settings import AnalysisSettings, Settings
from flashpoint.store import EventFilter, Store, schema
from tests.test_merge import ASAD, KH, QAIM, USA, Act, actor, table_rows, write_story

ANALYSIS = AnalysisSettings()

#: Written for this test: one attack told twice, and the strike it answered.
BULLETIN = (
    "BAGHDAD, March 8, 2023 - Militants fired three rockets at Al-Asad air base in western Iraq "
    "on Tuesday, the U.S.-led coalition said. No one was hurt in the rocket attack on Al-Asad, a "
    "coalition spokesman said. On Sunday, U.S. aircraft had struck a depot of Kata'ib Hezbollah "
    "near Al-Qaim.\n"
)

STORY = [
    Act("U.S. aircraft struck two depots of Kata'ib Hezbollah near Al-Qaim on 3 March.",
        "struck", "2023-03-03", USA, KH, QAIM, mode="aerial"),
    Act("Kata'ib Hezbollah fired rockets at Al-Asad air base on 5 March.",
        "fired", "2023-03-05", KH, USA, ASAD, mode="heavy-weapons"),
    Act("The rocket attack on Al-Asad wounded no one, the coalition said.",
        "attack", "2023-03-05", actor(None, "IRQ"), USA, ASAD, mode="heavy-weapons"),
]


def counts(store: Store) -> dict[str, int]:
    with store.read() as conn:
        return {t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0)
                for t in (schema.events, schema.incidents, schema.incident_events, schema.chain_links)}


def test_ingest_rebuilds_the_analysis_when_it_stores_documents(tmp_path: Path) -> None:
    source = tmp_path / "bulletin.txt"
    source.write_text(BULLETIN, encoding="utf-8")
    settings = Settings(db=str(tmp_path / "fp.db"), quiet=True)
    first = run_ingest([str(source)], settings)
    assert first.new_documents == 1 and first.analysis is not None
    assert first.to_dict()["analysis"] == first.analysis
    with Store.open(settings.db_url) as store:
        with store.read() as conn:
            asserted = conn.scalar(select(func.count()).select_from(schema.events)
                                   .where(schema.events.c.status.in_(("actual", "claimed"))))
        assert first.analysis["events"] == asserted > 0
        assert counts(store)["incident_events"] == asserted
        assert first.analysis["incidents"] == counts(store)["incidents"]
    again = run_ingest([str(source)], settings)
    assert again.new_documents == 0 and again.analysis is None  # nothing new, nothing stale
    with Store.open(settings.db_url) as store, store.write() as conn:
        for table in (schema.chain_links, schema.incident_events, schema.incidents):
            conn.execute(delete(table))  # as a run killed before its rebuild leaves it
    rerun = run_ingest([str(source)], settings)
    assert rerun.new_documents == 0 and rerun.analysis is not None
    assert rerun.analysis == {**first.analysis, "seconds": rerun.analysis["seconds"]}


def test_refresh_gives_the_same_tables_on_sqlite_and_postgresql(store_url: str, tmp_path: Path) -> None:
    with Store.open(store_url) as store:
        write_story(store, "story", STORY)
        summary = refresh(store, ANALYSIS)
        assert (summary.events, summary.incidents, summary.merged) == (3, 2, 1)
        assert (summary.links, summary.structure_links, summary.chains) == (1, 1, 1)
        rows = table_rows(store)
        listed = list_incidents(store, EventFilter(since="2023-03-04", country="IRQ"))
        assert [i["n_events"] for i in listed] == [2] and len(listed[0]["doc_ids"]) == 1
        detail = get_incident(store, listed[0]["incident_id"])
        assert len(detail["reports"]) == 2 and detail["links"][0]["kind"] == "structure"
        assert [c["start"] for c in list_chains(store, country="IRN")] == ["2023-03-03"]
        again = refresh(store, Settings().analysis)  # the defaults equal ANALYSIS
        assert again.to_dict() | {"seconds": 0} == summary.to_dict() | {"seconds": 0}
        assert table_rows(store) == rows
    # the same story in a fresh SQLite file: the same ids and rows, which hash content only
    with Store.open(f"sqlite:///{tmp_path / 'again.db'}") as other:
        write_story(other, "story", STORY)
        refresh(other, ANALYSIS)
        assert table_rows(other) == rows


def test_a_failed_rebuild_leaves_the_previous_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rebuild runs in one write transaction: when it fails half way (here, linking raises
    after the old rows were read), readers keep the previous incidents and links."""
    # the package's ``refresh`` is the function: reach the module itself
    module = importlib.import_module("flashpoint.analysis.refresh")

    with Store.open(f"sqlite:///{tmp_path / 'atomic.db'}") as store:
        write_story(store, "story", STORY)
        refresh(store, ANALYSIS)
        before = table_rows(store)
        write_story(store, "more", [Act("U.S. drones struck a Kata'ib Hezbollah convoy on 9 March.",
                                        "struck", "2023-03-09", USA, KH, QAIM)])

        def broken(*args: object, **kwargs: object) -> list[object]:
            raise RuntimeError("linking failed")

        monkeypatch.setattr(module, "link_incidents", broken)
        with pytest.raises(RuntimeError):
            refresh(store, ANALYSIS)
        assert table_rows(store) == before


def test_the_command_line(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    with Store.open(f"sqlite:///{db}") as store:
        strike, rockets, retold = write_story(store, "story", STORY)
    runner = CliRunner()

    def run(*args: str) -> object:
        result = runner.invoke(app, [*args, "--db", db, "--json"])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    summary = run("analyse")
    assert summary["incidents"] == 2 and summary["chains"] == 1
    incidents = run("incidents")
    assert sorted(i["n_events"] for i in incidents) == [1, 2]
    attack = next(i for i in incidents if i["n_events"] == 2)
    detail = run("incidents", attack["incident_id"])
    assert {r["event_id"] for r in detail["reports"]} == {rockets, retold} and detail["links"]
    chains = run("chains")
    assert len(chains) == 1 and chains[0]["links"][0]["kind"] == "structure"
    table = runner.invoke(app, ["chains", "--db", db])
    assert table.exit_code == 0 and "1 chains" in table.stdout and "structure" in table.stdout
    split = run("merges", "split", retold, "--note", "told twice? no")
    assert split["decision"]["action"] == "split" and split["refresh"]["incidents"] == 3
    assert [d["decision_id"] for d in run("merges", "list")] == [split["decision"]["decision_id"]]
    undone = run("merges", "undo", split["decision"]["decision_id"])
    assert undone["refresh"]["incidents"] == 2 and run("merges", "list") == []
    joined = run("merges", "join", strike, rockets)
    reports = run("incidents", joined["incident_id"])["reports"]
    assert {strike, rockets} <= {r["event_id"] for r in reports}
    missing = runner.invoke(app, ["incidents", "no-such-incident", "--db", db])
    assert missing.exit_code == 1 and "no incident" in missing.output
