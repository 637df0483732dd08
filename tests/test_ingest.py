"""The ingest stage on real files: paths, formats, bad input, standard input and item identity."""

from __future__ import annotations

import io
import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from flashpoint.errors import InputError
from flashpoint.ingest import iter_sources
from flashpoint.records import Rejection, SourceItem
from flashpoint.settings import Settings
from tests.badinputs import GOOD_TEXT, explicit_paths, expected_where, make_bad_corpus

Outcome = SourceItem | Rejection
ERROR_KINDS = {cls.kind for cls in InputError.__subclasses__()}


def ingest(*paths: str | Path, stdin: object = None, **settings: object) -> list[Outcome]:
    return list(iter_sources([str(p) for p in paths], Settings(**settings), stdin=stdin))  # type: ignore[arg-type]


def outcome(result: Outcome) -> str:
    return result.kind if isinstance(result, Rejection) else "ok"


def items(results: list[Outcome]) -> list[SourceItem]:
    return [r for r in results if isinstance(r, SourceItem)]


def rejections(results: list[Outcome]) -> list[Rejection]:
    return [r for r in results if isinstance(r, Rejection)]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


# --- the bad-input corpus --------------------------------------------------------------------


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("bad") / "corpus"
    root.mkdir()
    return root, make_bad_corpus(root)


def test_bad_corpus_gives_each_item_exactly_its_outcome(bad_corpus: tuple[Path, dict[str, str]]) -> None:
    root, expected = bad_corpus
    results = ingest(root, *explicit_paths(expected))
    seen: dict[str, list[str]] = defaultdict(list)
    for result in results:
        seen[result.where].append(outcome(result))
    assert dict(seen) == {where: [kind] for where, kind in expected_where(expected).items()}


def test_bad_corpus_covers_every_kind_and_many_bad_items(bad_corpus: tuple[Path, dict[str, str]]) -> None:
    _, expected = bad_corpus
    bad = [kind for kind in expected.values() if kind != "ok"]
    assert len(bad) >= 12
    assert set(bad) == ERROR_KINDS


def test_bad_corpus_rejections_are_one_line_and_kinds_are_error_kinds(
    bad_corpus: tuple[Path, dict[str, str]],
) -> None:
    root, expected = bad_corpus
    for rejection in rejections(ingest(root, *explicit_paths(expected))):
        assert rejection.kind in ERROR_KINDS
        assert rejection.reason and "\n" not in rejection.reason and len(rejection.reason) < 200


def test_folder_walk_skips_hidden_and_unsupported_files(bad_corpus: tuple[Path, dict[str, str]]) -> None:
    root, _ = bad_corpus
    origins = {r.origin for r in ingest(root)}
    assert not any("/." in o or o.endswith((".png", ".rst")) for o in origins)
    assert str(root / ".hidden.txt") not in origins


def test_jsonl_with_two_broken_lines_of_five(tmp_path: Path) -> None:
    good = json.dumps({"text": GOOD_TEXT})
    lines = [good, "{broken", good, '{"text": "x",}', good]
    results = ingest(write(tmp_path / "five.jsonl", "\n".join(lines) + "\n"))
    assert [outcome(r) for r in results] == ["ok", "malformed", "ok", "malformed", "ok"]
    assert len(items(results)) == 3 and len(rejections(results)) == 2
    assert [r.locator for r in results] == [f"line {n}" for n in range(1, 6)]


# --- reasons ---------------------------------------------------------------------------------


def test_reasons_tell_the_user_what_is_wrong(tmp_path: Path) -> None:
    write(tmp_path / "cp.txt", b"Officials called it \x93a provocation\x94 today.")
    write(tmp_path / "big.txt", "x" * 101)
    write(tmp_path / "r.jsonl", '{"text": "a"}\n{"text": "b"}\n{"text": "c" "url": 1}\n{"url": "u"}\n')
    by_where = {r.where: r.reason for r in rejections(ingest(tmp_path, max_input_bytes=100))}
    assert by_where[f"{tmp_path}/cp.txt"].startswith("not UTF-8: invalid byte 0x93 at offset 20")
    assert by_where[f"{tmp_path}/big.txt"] == (
        "101 bytes, larger than the 100-byte limit (set --max-bytes / FLASHPOINT_MAX_INPUT_BYTES)"
    )
    assert by_where[f"{tmp_path}/r.jsonl:line 3"] == (
        "line 3: JSON syntax error: Expecting ',' delimiter at column 14"
    )
    assert by_where[f"{tmp_path}/r.jsonl:line 4"] == "record has neither 'text' nor 'html'"


def test_size_is_checked_before_reading(tmp_path: Path) -> None:
    sparse = tmp_path / "sparse.txt"
    with open(sparse, "wb") as handle:
        handle.truncate(50 * 1024**3)  # 50 GB of nothing: reading it would not finish in time
    [result] = ingest(sparse)
    assert isinstance(result, Rejection) and result.kind == "oversized"


def test_size_limit_applies_to_json_files_and_to_each_jsonl_record(tmp_path: Path) -> None:
    records = [{"text": "y" * 60}, {"text": "z" * 120}, {"html": "<p>" + "w" * 200 + "</p>"}]
    path = write(tmp_path / "r.json", json.dumps(records))
    assert [outcome(r) for r in ingest(path, max_input_bytes=1000)] == ["ok", "ok", "ok"]
    [whole] = ingest(path, max_input_bytes=400)  # a .json file is read whole
    assert whole.kind == "oversized" and "JSON Lines" in whole.reason  # type: ignore[union-attr]
    path = write(tmp_path / "r.jsonl", "\n".join(json.dumps(r) for r in records))
    results = ingest(path, max_input_bytes=100)
    assert [outcome(r) for r in results] == ["ok", "oversized", "oversized"]


def test_wrapped_list_gets_a_hint(tmp_path: Path) -> None:
    path = write(tmp_path / "export.json", json.dumps({"articles": [{"text": "a"}]}))
    [result] = ingest(path)
    assert isinstance(result, Rejection) and "'articles'" in result.reason


def test_directory_where_a_file_is_expected(tmp_path: Path) -> None:
    from flashpoint.ingest.readers import read_file

    (tmp_path / "dir.txt").mkdir()
    [result] = list(read_file(str(tmp_path / "dir.txt"), "txt", Settings()))
    assert isinstance(result, Rejection) and result.kind == "unreadable"


# --- formats and metadata ---------------------------------------------------------------------


def test_encodings_with_byte_order_marks(tmp_path: Path) -> None:
    for codec in ("utf-8-sig", "utf-16", "utf-32"):
        write(tmp_path / f"{codec}.txt", ("Caf\u00e9 talks. " + GOOD_TEXT).encode(codec))
    write(tmp_path / "wide.jsonl", (json.dumps({"text": "\u00e9"}) + "\n").encode("utf-16"))
    results = ingest(tmp_path)
    assert [outcome(r) for r in results] == ["ok"] * 4
    assert [Path(r.origin).name for r in results][-1] == "wide.jsonl"
    assert items(results)[-1].raw == "\u00e9"
    assert all(r.raw.startswith("Caf\u00e9 talks.") for r in items(results)[:3])


def test_json_record_fields_and_aliases(tmp_path: Path) -> None:
    records = [
        {"content": "Body A", "date": "Wed, 08 Jan 2020 10:00:00 GMT", "source_name": "Wire"},
        {"body": "Body B", "published_at": "2020-01-09T23:30:00-05:00", "site": "Daily"},
        {"html": "<p>Body C</p>", "url": " https://e.org/c ", "title": "C", "source": "Post"},
        {"text": "Body D", "html": "<p>ignored</p>", "published": "not a date"},
        {"text": "Body E", "published": 1578477600, "title": 7},
    ]
    a, b, c, d, e = items(ingest(write(tmp_path / "r.jsonl", "\n".join(map(json.dumps, records)))))
    assert (a.raw, a.published, a.site, a.format) == ("Body A", "2020-01-08", "Wire", "jsonl")
    assert (b.raw, b.published, b.site) == ("Body B", "2020-01-09", "Daily")
    assert (c.is_html, c.url, c.title, c.site, c.raw) == (True, "https://e.org/c", "C", "Post", "<p>Body C</p>")
    assert (d.raw, d.is_html, d.published) == ("Body D", False, None)
    assert (e.published, e.title) == ("2020-01-08", None)


def test_html_file_is_kept_as_markup(tmp_path: Path) -> None:
    [item] = items(ingest(write(tmp_path / "p.HTM", "<html><body><p>Hi there</p></body></html>")))
    assert item.is_html and item.format == "html" and item.raw.startswith("<html>")


# --- paths, order, globs -----------------------------------------------------------------------


def make_tree(root: Path) -> None:
    for name in ("b.txt", "a/z.txt", "a/b/c.html", "a-c.md", "A.txt", ".hidden/x.txt", "a/.x.txt"):
        write(root / name, "<p>text</p>" if name.endswith("html") else f"text of {name}")
    write(root / "a" / "photo.jpg", b"\xff\xd8\xff")


def test_folder_recursion_is_sorted_by_path_components(tmp_path: Path) -> None:
    make_tree(tmp_path)
    order = [Path(r.origin).relative_to(tmp_path).as_posix() for r in ingest(tmp_path)]
    assert order == ["A.txt", "a/b/c.html", "a/z.txt", "a-c.md", "b.txt"]
    assert order == [Path(r.origin).relative_to(tmp_path).as_posix() for r in ingest(tmp_path)]


def test_globs_expand_sorted_and_recursive(tmp_path: Path) -> None:
    make_tree(tmp_path)
    rel = lambda results: [Path(r.origin).relative_to(tmp_path).as_posix() for r in results]  # noqa: E731
    assert rel(ingest(f"{tmp_path}/*.txt")) == ["A.txt", "b.txt"]
    assert rel(ingest(f"{tmp_path}/**/*.txt")) == ["A.txt", "a/z.txt", "b.txt"]
    [photo] = ingest(f"{tmp_path}/a/*.jpg")  # a glob names files, as a shell would
    assert isinstance(photo, Rejection) and photo.kind == "unsupported"
    [none] = ingest(f"{tmp_path}/*.pdf")
    assert isinstance(none, Rejection) and (none.kind, none.origin) == ("unreadable", f"{tmp_path}/*.pdf")


def test_a_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    make_tree(tmp_path)
    results = ingest(tmp_path / "b.txt", tmp_path, f"{tmp_path}/*.txt")
    origins = [r.origin for r in results]
    assert origins[0] == str(tmp_path / "b.txt") and len(origins) == len(set(origins)) == 5


def test_named_hidden_file_is_read(tmp_path: Path) -> None:
    [item] = items(ingest(write(tmp_path / ".notes.txt", "hidden but named")))
    assert item.raw == "hidden but named"


# --- standard input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "fmt", "count"),
    [
        (b'{"text": "one"}\n\n{"text": "two", "url": "u"}\n', "jsonl", 2),
        (b"<!DOCTYPE html><html><body><p>Hello</p></body></html>", "html", 1),
        (b"  <div class='x'>Hello</div>", "html", 1),
        (b"Plain words from a pipe.\n{not json at the start}", "txt", 1),
        (b'[{"text": "one"}, {"text": "two"}]', "json", 2),
        ("\ufeffUTF-8 with a mark".encode(), "txt", 1),
    ],
)
def test_stdin_is_sniffed(data: bytes, fmt: str, count: int) -> None:
    results = ingest("-", stdin=io.BytesIO(data))
    assert [r.format for r in items(results)] == [fmt] * count
    assert {r.origin for r in results} == {"<stdin>"}


@pytest.mark.parametrize(
    ("data", "kind"),
    [(b"", "empty"), (b"  \n ", "empty"), (b"caf\xe9", "encoding"), (b"%PDF-1.5", "binary"),
     (b"z" * 300, "oversized"), (b"<html><body><p", "malformed")],
)
def test_bad_stdin_is_one_rejection(data: bytes, kind: str) -> None:
    [result] = ingest("-", stdin=io.BytesIO(data), max_input_bytes=200)
    assert isinstance(result, Rejection) and (result.kind, result.origin) == (kind, "<stdin>")


def test_stdin_jsonl_may_exceed_the_item_limit_and_keeps_good_lines() -> None:
    lines = [json.dumps({"text": f"record {n} " + "w" * 50}) for n in range(20)] + ["{bad"]
    results = ingest("-", stdin=io.BytesIO("\n".join(lines).encode()), max_input_bytes=100)
    assert [outcome(r) for r in results] == ["ok"] * 20 + ["malformed"]
    assert results[-1].locator == "line 21"


def test_stdin_text_stream_and_default(monkeypatch: pytest.MonkeyPatch) -> None:
    [item] = items(ingest("-", stdin=io.StringIO("Text from a text stream")))
    assert item.raw == "Text from a text stream"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"From the real stdin")))
    [item] = items(ingest("-"))
    assert item.raw == "From the real stdin"


# --- identity ----------------------------------------------------------------------------------


def test_raw_hash_is_content_and_metadata_not_location(tmp_path: Path) -> None:
    write(tmp_path / "one/a.txt", GOOD_TEXT)
    write(tmp_path / "two/b.txt", GOOD_TEXT)
    write(tmp_path / "a.html", GOOD_TEXT + "<p>x</p>")
    write(tmp_path / "b.txt", GOOD_TEXT + "<p>x</p>")
    same_url = {"text": GOOD_TEXT, "url": "https://e.org/1"}
    write(tmp_path / "r.jsonl", "\n".join(json.dumps(r) for r in [
        same_url, {**same_url, "url": "https://e.org/2"}, {"text": GOOD_TEXT}]))
    write(tmp_path / "s.json", json.dumps([same_url]))
    by_where = {r.where.removeprefix(f"{tmp_path}/"): r.raw_hash for r in items(ingest(tmp_path))}
    assert by_where["one/a.txt"] == by_where["two/b.txt"] == SourceItem("x", GOOD_TEXT, "txt").raw_hash
    assert by_where["one/a.txt"] == by_where["r.jsonl:line 3"]  # no metadata: same item
    assert by_where["a.html"] != by_where["b.txt"]  # same bytes, read as HTML vs as text
    assert by_where["r.jsonl:line 1"] != by_where["r.jsonl:line 2"]  # same text, two URLs
    assert by_where["r.jsonl:line 1"] == by_where["s.json:record 1"]
    assert len(by_where["a.html"]) == 32
    again = {r.where.removeprefix(f"{tmp_path}/"): r.raw_hash for r in items(ingest(tmp_path))}
    assert again == by_where
