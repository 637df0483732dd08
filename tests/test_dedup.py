"""Tests of near-duplicate grouping (MinHash + LSH) on the seeds and on made-up texts."""

from __future__ import annotations

import itertools
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from flashpoint.clean import clean_batch
from flashpoint.clean.dedup import assign_groups, signature_of, similarity
from flashpoint.errors import ConfigError
from flashpoint.records import BlockHistory, Document, OffsetMap, SourceItem
from flashpoint.settings import Settings

SETTINGS = Settings(published="2021-07-10")


@pytest.fixture(scope="module")
def seed_docs(seeds_dir: Path) -> list[Document]:
    items = [
        SourceItem(origin=str(p), raw=p.read_text(encoding="utf-8"), format="txt")
        for p in sorted(seeds_dir.glob("*.txt"))
    ]
    docs = clean_batch(items, BlockHistory(), SETTINGS)
    assert all(isinstance(d, Document) for d in docs)
    return docs  # type: ignore[return-value]


def fresh(docs: list[Document]) -> list[Document]:
    """Copies without group fields, so tests do not see each other's assignments."""
    return [replace(d, group_id=None, similarity=None) for d in docs]


def groups_of(docs: list[Document]) -> list[tuple[str | None, float | None]]:
    return [(d.group_id, d.similarity) for d in docs]


def partition(docs: list[Document]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for doc in docs:
        assert doc.group_id is not None
        groups.setdefault(doc.group_id, set()).add(doc.origin)
    return {frozenset(g) for g in groups.values()}


def test_seeds_000_and_001_are_one_story(seed_docs: list[Document]) -> None:
    docs = fresh(seed_docs)
    signatures = assign_groups(docs, [], SETTINGS)
    a, b, c = docs
    assert a.group_id == a.doc_id and a.similarity == 1.0 and a.is_canonical
    assert b.group_id == a.doc_id and not b.is_canonical
    assert b.similarity is not None and b.similarity >= SETTINGS.dedup_threshold
    assert c.group_id == c.doc_id and c.similarity == 1.0
    assert len(signatures) == 3 and all(isinstance(s, bytes) for s in signatures)


def test_group_membership_does_not_depend_on_order(seed_docs: list[Document]) -> None:
    pair = frozenset({seed_docs[0].origin, seed_docs[1].origin})
    expected = {pair, frozenset({seed_docs[2].origin})}
    for order in itertools.permutations(range(3)):
        docs = fresh([seed_docs[k] for k in order])
        assign_groups(docs, [], SETTINGS)
        assert partition(docs) == expected
        first_of_pair = next(d for d in docs if d.origin != seed_docs[2].origin)
        assert first_of_pair.is_canonical  # canonical = first of its group in batch order


def test_stored_documents_come_first(seed_docs: list[Document]) -> None:
    stored = fresh([seed_docs[1]])
    [blob] = assign_groups(stored, [], SETTINGS)
    docs = fresh([seed_docs[0], seed_docs[2]])
    signatures = assign_groups(docs, [(stored[0].doc_id, blob)], SETTINGS)
    assert docs[0].group_id == seed_docs[1].doc_id  # 001, stored earlier, is canonical
    assert docs[0].similarity is not None and docs[0].similarity >= SETTINGS.dedup_threshold
    assert docs[1].group_id == docs[1].doc_id
    assert len(signatures) == 2


def test_identical_documents_in_a_batch_share_a_group(seed_docs: list[Document]) -> None:
    docs = fresh([seed_docs[2], seed_docs[0], seed_docs[2]])
    assign_groups(docs, [], SETTINGS)
    assert docs[0].doc_id == docs[2].doc_id
    assert docs[2].group_id == docs[0].doc_id and docs[2].similarity == 1.0


def test_rerun_with_the_batch_already_stored_gives_the_same_groups(
    seed_docs: list[Document],
) -> None:
    first = fresh(seed_docs)
    blobs = assign_groups(first, [], SETTINGS)
    again = fresh(seed_docs)
    blobs_again = assign_groups(again, list(zip((d.doc_id for d in first), blobs)), SETTINGS)
    assert blobs_again == blobs
    assert groups_of(again) == groups_of(first)


def words(lo: int, hi: int) -> str:
    return " ".join(f"w{k}" for k in range(lo, hi))


def doc(text: str, origin: str) -> Document:
    return Document(Document.id_for(text), text, text, OffsetMap(), origin, origin, "txt")


def test_stored_chain_resolves_to_its_canonical() -> None:
    """A stored doc B had joined stored A; a new C that only resembles B joins A's group."""
    settings = Settings(dedup_threshold=0.55, dedup_num_perm=256, shingle_size=1)
    a, b, c = doc(words(0, 100), "a"), doc(words(20, 120), "b"), doc(words(40, 140), "c")
    sa, sb, sc = (signature_of(d.text, settings) for d in (a, b, c))
    assert similarity(sa, sb) >= 0.55 and similarity(sb, sc) >= 0.55 and similarity(sa, sc) < 0.55
    assign_groups([c], [(a.doc_id, sa.tobytes()), (b.doc_id, sb.tobytes())], settings)
    assert c.group_id == a.doc_id
    assert c.similarity is not None and c.similarity < 0.55  # measured against the canonical


def test_unrelated_texts_are_not_grouped() -> None:
    docs = [doc(words(0, 200), "a"), doc(words(500, 700), "b"), doc("short text", "c")]
    assign_groups(docs, [], SETTINGS)
    assert [d.group_id for d in docs] == [d.doc_id for d in docs]


def test_signatures_are_comparable_across_processes() -> None:
    text = words(0, 50)
    here = signature_of(text, SETTINGS).tobytes()
    code = (
        "import sys; from flashpoint.clean.dedup import signature_of; "
        "from flashpoint.settings import Settings; "
        f"sys.stdout.write(signature_of({text!r}, Settings()).tobytes().hex())"
    )
    src = str(Path(__file__).resolve().parent.parent / "src")
    there = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env={"PYTHONPATH": src, "PYTHONHASHSEED": "123"},
    ).stdout
    assert bytes.fromhex(there) == here


def test_signature_size_must_match_settings(seed_docs: list[Document]) -> None:
    blob = signature_of("some text here", Settings(dedup_num_perm=64)).tobytes()
    with pytest.raises(ConfigError):
        assign_groups(fresh(seed_docs[:1]), [("old", blob)], SETTINGS)


def test_case_and_punctuation_do_not_separate_copies() -> None:
    base = words(0, 80)
    docs = [doc(base, "a"), doc(base.upper().replace(" ", ",  "), "b")]
    assign_groups(docs, [], SETTINGS)
    assert docs[1].group_id == docs[0].doc_id and docs[1].similarity == 1.0


def test_one_index_across_batches_equals_a_fresh_index_per_batch(seed_docs: list[Document]) -> None:
    from flashpoint.clean.dedup import DedupIndex

    kept = DedupIndex([], SETTINGS)
    first, second = fresh([seed_docs[2]]), fresh([seed_docs[1], seed_docs[0]])
    blobs = kept.assign(first)
    kept.assign(second)
    again = fresh([seed_docs[1], seed_docs[0]])
    assign_groups(again, [(first[0].doc_id, blobs[0])], SETTINGS)
    assert groups_of(second) == groups_of(again)
    assert second[1].group_id == seed_docs[1].doc_id
