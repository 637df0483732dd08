"""Shared by the reading-rule tests: code a batch of short texts the way ``flashpoint eval``
does (:func:`flashpoint.pipeline.code_paths`) and read the events back by document."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.pipeline import code_paths
from flashpoint.records import Actor, Event
from flashpoint.settings import Settings


def code_texts(folder: Path, texts: dict[str, str]) -> dict[str, list[Event]]:
    """Each text written to ``folder`` as ``<name>.txt``, coded as one batch; events by name."""
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    batch = code_paths([str(folder)], Settings(quiet=True))
    by_doc: dict[str, list[Event]] = {name: [] for name in texts}
    for event in batch.events:
        by_doc[Path(event.doc_path or "").stem].append(event)
    return by_doc


def one(events: list[Event], trigger: str) -> Event:
    """The single event whose trigger is ``trigger``."""
    found = [e for e in events if e.trigger == trigger]
    assert len(found) == 1, [(e.trigger, e.event_type) for e in events]
    return found[0]


def country(actor: Actor | None) -> str | None:
    return actor.country if actor is not None else None


def coded_fixture(tag: str, texts: dict[str, str]):  # type: ignore[no-untyped-def]
    """A module-scoped fixture ``coded``: ``texts`` coded once, events by name."""
    @pytest.fixture(scope="module")
    def coded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Event]]:
        return code_texts(tmp_path_factory.mktemp(tag), texts)
    return coded
