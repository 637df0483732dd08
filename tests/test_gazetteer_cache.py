"""The gazetteer's cache file: read back when current, rebuilt when missing, stale or broken."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from flashpoint.geo import gazetteer as gz
from flashpoint.settings import Settings


@pytest.fixture()
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count builds, each a small stand-in gazetteer (the real build takes seconds)."""
    calls: list[int] = []

    def fake_build(min_population: int) -> gz.Gazetteer:
        calls.append(min_population)
        gaz = gz.Gazetteer()
        row = gaz.add("Kessab", gz.CITY, "SYR", 35.93, 35.99, 2000 + len(calls))
        gaz.alias("Kessab", row)
        return gaz

    monkeypatch.setattr(gz, "_build", fake_build)
    gz._load.cache_clear()
    yield calls
    gz._load.cache_clear()


def _settings(cache: Path | str, population: str = "500") -> Settings:
    return Settings(extra={"cache_dir": str(cache), "geo_min_population": population})


def test_a_second_process_reads_the_cache_instead_of_building(tmp_path: Path, builds: list[int]) -> None:
    first = gz.load_gazetteer(_settings(tmp_path))
    files = list(tmp_path.glob("gazetteer-p500-*.pickle"))
    assert builds == [500] and len(files) == 1
    gz._load.cache_clear()  # as in a new process
    second = gz.load_gazetteer(_settings(tmp_path))
    assert builds == [500]
    assert second is not first and second.rows("kessab") == (0,) and second.pops[0] == first.pops[0]
    assert not list(tmp_path.glob(".gazetteer-*"))  # no temporary file left behind


def test_a_broken_or_foreign_cache_file_is_rebuilt(tmp_path: Path, builds: list[int]) -> None:
    gz.load_gazetteer(_settings(tmp_path))
    (path,) = tmp_path.glob("gazetteer-p500-*.pickle")
    path.write_bytes(path.read_bytes()[:100])  # cut short, as by a full disk
    gz._load.cache_clear()
    assert gz.load_gazetteer(_settings(tmp_path)).rows("Kessab") == (0,)
    path.write_bytes(pickle.dumps({"not": "a gazetteer"}))
    gz._load.cache_clear()
    gz.load_gazetteer(_settings(tmp_path))
    assert builds == [500, 500, 500]
    assert isinstance(pickle.loads(path.read_bytes()), gz.Gazetteer)


def test_a_changed_data_file_builds_afresh_and_drops_the_stale_file(
    tmp_path: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    gz.load_gazetteer(_settings(tmp_path))
    (old,) = tmp_path.glob("gazetteer-p500-*.pickle")
    monkeypatch.setattr(gz, "_DATA_FILES", (*gz._DATA_FILES, "plover.yaml"))  # the key changes
    gz._load.cache_clear()
    gz.load_gazetteer(_settings(tmp_path))
    (new,) = tmp_path.glob("gazetteer-p500-*.pickle")
    assert builds == [500, 500] and new != old


def test_the_key_follows_the_data_and_the_population_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    key = gz._cache_key(500)
    assert key == gz._cache_key(500) and key != gz._cache_key(1000)
    monkeypatch.setattr(gz, "_CACHE_FORMAT", gz._CACHE_FORMAT + 1)
    assert gz._cache_key(500) != key


def test_no_cache_dir_means_no_file_and_an_unwritable_one_still_loads(
    tmp_path: Path, builds: list[int]
) -> None:
    gz.load_gazetteer(_settings(""))
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    gz.load_gazetteer(_settings(blocker / "cache", "1000"))
    assert builds == [500, 1000]
    assert not any(tmp_path.rglob("*.pickle"))


def test_the_real_gazetteer_round_trips_through_its_cache(tmp_path: Path) -> None:
    """The pickled gazetteer answers as the built one does (a small population floor keeps
    the build short)."""
    gz._load.cache_clear()
    try:
        built = gz.load_gazetteer(_settings(tmp_path, "100000"))
        gz._load.cache_clear()
        cached = gz.load_gazetteer(_settings(tmp_path, "100000"))
    finally:
        gz._load.cache_clear()
    assert cached is not built
    for name in ("names", "kinds", "lats", "lons", "pops", "countries", "index", "demonyms",
                 "country_rows", "state_rows", "surface_names", "curated_aliases", "bboxes"):
        assert getattr(cached, name) == getattr(built, name), name
    assert [e.gid for e in cached.lookup("Syria")] == [e.gid for e in built.lookup("Syria")]
