"""Shared fixtures: the user's seeds, the shared benchmarks and one spaCy model per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FLASHPOINT_SHARED", REPO.parent / "shared"))

pytest_plugins = ["tests.pg"]


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared not found at {SHARED}: CI runs with shared/ beside the clone")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return REPO / "examples" / "corpus"


@pytest.fixture(scope="session")
def nlp():
    """The real packaged spaCy model, loaded once per test session."""
    from flashpoint.nlp import load_nlp
    from flashpoint.settings import Settings

    return load_nlp(Settings())
