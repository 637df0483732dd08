"""Near-duplicate groups with MinHash and locality-sensitive hashing.

The same story reaches a corpus several times: syndicated, re-posted with a different page
template, updated. Events must be coded once per story, so every document gets a ``group_id``:
the ``doc_id`` of the group's canonical copy, the first of the group in ingest order (stored
documents first, in the order the store returns them, then the batch in order).

A document's signature is a MinHash over word shingles: ``settings.shingle_size`` consecutive
tokens, tokens being the lowercased runs of letters and digits. The permutations come from a
fixed seed and scheme (:data:`SEED`, :data:`SCHEME`), so signatures computed in different runs
and stored as bytes (the hash values as little-endian ``uint32``, ``tobytes()``) stay
comparable. LSH, tuned to the lower ``settings.dedup_candidate_threshold`` so that pairs near
the threshold are not lost to banding, proposes candidates; a candidate only counts when the
estimated Jaccard similarity reaches ``settings.dedup_threshold`` (0.5: a syndicated copy with a
new headline, a reworded sentence and an added paragraph measures about 0.62 after cleaning;
independent reports of the same incident measure below 0.16 in the demo corpus and gold texts).
A document joins the group of its earliest matching predecessor, so each group is a chain of
matches rooted at its canonical copy.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Any, Iterable, Sequence

import numpy as np

from flashpoint.errors import ConfigError
from flashpoint.records import Document
from flashpoint.settings import Settings

__all__ = [
    "SEED", "SCHEME", "DedupIndex", "Sketch", "assign_groups", "signature_of", "similarity",
    "sketch_of", "containment",
]

#: The MinHash permutation seed and scheme (datasketch's 32-bit affine permutations). Changing
#: either makes every stored signature incomparable.
SEED = 1
SCHEME = "affine32"
_DTYPE = np.dtype("<u4")

_TOKEN = re.compile(r"[^\W_]+")


def signature_of(text: str, settings: Settings) -> np.ndarray:
    """The MinHash hash values (``settings.dedup_num_perm`` of them) of a text."""
    return _minhash(_shingles(text, settings.shingle_size), settings)


def _minhash(shingles: set[str], settings: Settings) -> np.ndarray:
    """datasketch's MinHash of the shingles (UTF-8, its default SHA-1 hash), computed with the
    hashes taken in one pass and the permutations drawn once per process: the same values
    (``tests/test_pipeline.py`` holds them to datasketch's own), a fifth quicker."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=settings.dedup_num_perm, seed=SEED, scheme=SCHEME,
                      hashfunc=_as_is, permutations=_permutations(settings.dedup_num_perm))
    minhash.update_batch(_sha1_hash32(shingles))
    return np.asarray(minhash.hashvalues, dtype=_DTYPE)


def _sha1_hash32(shingles: Iterable[str]) -> list[int]:
    """``datasketch.hashfunc.sha1_hash32`` of each shingle's UTF-8 bytes (the first four bytes
    of its SHA-1, little-endian), without a function call per shingle."""
    sha1, from_bytes = hashlib.sha1, int.from_bytes
    return [from_bytes(sha1(s.encode("utf-8")).digest()[:4], "little") for s in shingles]


def _as_is(value: int) -> int:
    """The hash function of a MinHash fed hash values already."""
    return value


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> np.ndarray:
    """The permutations a ``MinHash(num_perm, SEED, SCHEME)`` draws (the same every time)."""
    from datasketch import MinHash

    perms = np.asarray(MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations)
    perms.setflags(write=False)
    return perms


def _shingles(text: str, size: int) -> set[str]:
    """Word n-grams; a text shorter than one shingle is one shingle of all its tokens."""
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) <= size:
        return {" ".join(tokens)}
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of hash values two signatures agree on."""
    return float(np.count_nonzero(a == b)) / len(a)


#: A text's MinHash signature (as stored: little-endian ``uint32`` bytes) and its shingle count.
Sketch = tuple[bytes, int]


def sketch_of(text: str, settings: Settings) -> Sketch:
    """The sketch that :func:`containment` compares: signature bytes and number of shingles."""
    shingles = _shingles(text, settings.shingle_size)
    return _minhash(shingles, settings).tobytes(), len(shingles)


def containment(a: Sketch, b: Sketch) -> float:
    """Estimated share of the smaller text's shingles that the other text holds too.

    From the estimated Jaccard ``J`` and the set sizes: ``|A ∩ B| = J (|A| + |B|) / (1 + J)``.
    Containment, not Jaccard, is what tells a copy of an article wrapped in a long page
    template from a different article that shares the template: the copy is contained, the
    other article is not, whatever the template's length.
    """
    sig_a, n_a = np.frombuffer(a[0], dtype=_DTYPE), a[1]
    sig_b, n_b = np.frombuffer(b[0], dtype=_DTYPE), b[1]
    if len(sig_a) != len(sig_b) or not n_a or not n_b:
        return 0.0
    jaccard = similarity(sig_a, sig_b)
    shared = jaccard * (n_a + n_b) / (1 + jaccard)
    return min(1.0, shared / min(n_a, n_b))


def assign_groups(
    docs: Sequence[Document], existing: Iterable[tuple[str, bytes]], settings: Settings
) -> list[bytes]:
    """Set ``group_id`` and ``similarity`` on ``docs``; return their signatures, in order.

    ``existing`` holds ``(doc_id, signature)`` of stored documents in ingest order. A stored
    document's own group is worked out (the same way) only when a batch document matches it.
    Building the index costs time linear in the stored documents; a job that cleans many
    batches can keep one :class:`DedupIndex` instead (see there).
    """
    return DedupIndex(existing, settings).assign(docs)


class DedupIndex:
    """An LSH index of documents in ingest order, to which batches are assigned one by one.

    ``DedupIndex(existing, settings).assign(batch)`` is :func:`assign_groups`. Calling
    :meth:`assign` again with the next batch gives the same groups as a fresh index built from
    the store would, provided every document assigned before was then stored, in order (each
    assigned document stays in the index as if it were stored).
    """

    def __init__(self, existing: Iterable[tuple[str, bytes]], settings: Settings) -> None:
        from datasketch import MinHashLSH

        self._settings = settings
        self._lsh = MinHashLSH(
            threshold=settings.dedup_candidate_threshold, num_perm=settings.dedup_num_perm
        )
        self._ids: list[str] = []
        self._sigs: list[np.ndarray] = []
        self._groups: dict[int, int] = {}  # position -> position of its canonical copy
        for doc_id, blob in existing:
            self._add(doc_id, self._decode(doc_id, blob))

    def assign(self, docs: Sequence[Document]) -> list[bytes]:
        """Group ``docs`` (in order) against everything indexed so far; their signatures."""
        out: list[bytes] = []
        for doc in docs:
            sig = signature_of(doc.text, self._settings)
            pos = self._add(doc.doc_id, sig)
            root = self._canonical(pos)
            doc.group_id = self._ids[root]
            doc.similarity = 1.0 if root == pos else round(similarity(sig, self._sigs[root]), 4)
            out.append(sig.tobytes())
        return out

    def _decode(self, doc_id: str, blob: bytes) -> np.ndarray:
        size = self._settings.dedup_num_perm * _DTYPE.itemsize
        if len(blob) != size:
            raise ConfigError(
                f"stored signature of {doc_id} has {len(blob)} bytes, but dedup_num_perm="
                f"{self._settings.dedup_num_perm} needs {size}: use the setting it was stored with"
            )
        return np.frombuffer(blob, dtype=_DTYPE)

    def _add(self, doc_id: str, sig: np.ndarray) -> int:
        pos = len(self._ids)
        self._lsh.insert(pos, _lean(sig), check_duplication=False)
        self._ids.append(doc_id)
        self._sigs.append(sig)
        return pos

    def _canonical(self, pos: int) -> int:
        """The canonical position of an indexed document, following its chain of matches.

        A stored document's group is not stored with its signature, so it is worked out here,
        only for documents that a new one matches, the same way it was when it was stored.
        """
        path: list[int] = []
        while pos not in self._groups:
            path.append(pos)
            match = _earliest_match(self._lsh, self._sigs, pos, self._settings.dedup_threshold)
            if match is None:
                self._groups[pos] = pos
            else:
                pos = match
        root = self._groups[pos]
        self._groups.update((p, root) for p in path)
        return root


def _earliest_match(lsh: Any, sigs: list[np.ndarray], pos: int, threshold: float) -> int | None:
    """The earliest document before ``pos`` whose estimated Jaccard reaches the threshold."""
    candidates = sorted(c for c in lsh.query(_lean(sigs[pos])) if c < pos)
    for candidate in candidates:
        if similarity(sigs[pos], sigs[candidate]) >= threshold:
            return candidate
    return None


def _lean(sig: np.ndarray) -> object:
    from datasketch import LeanMinHash

    return LeanMinHash(seed=SEED, hashvalues=sig, scheme=SCHEME)
