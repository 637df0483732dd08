"""Telling page furniture from article text.

Two kinds of furniture are removed from a normalised text, line by line:

* **Navigation lines**: menus, breadcrumbs, captions, share/subscribe/cookie banners. They are
  recognised by the patterns of ``data/boilerplate.yaml`` (whole-line matches, short lines only).
* **Repeated blocks**: a *block* is one non-empty line of the normalised text (news text puts
  one paragraph on a line). A block is boilerplate for an item when it also occurs in another
  item that is a *different article*: an item of the batch, or a stored item known through
  :class:`flashpoint.records.BlockHistory`. Two items are the same article (near-duplicate
  copies, which :mod:`flashpoint.clean.dedup` groups) when at least ``same_article_containment``
  of the smaller item's word shingles are in the other (estimated from MinHash sketches, see
  :func:`flashpoint.clean.dedup.containment`; items without a sketch fall back to the share of
  block characters); the blocks such copies share are their article, not furniture. Shingles
  rather than blocks, because a syndicated copy with one reworded sentence per paragraph shares
  few whole blocks but nearly all its words.

Blocks are compared by key: ``stable_hash`` of the line lowercased, with a leading list
marker (``"- "``) dropped. The work is linear in the number of block sightings: an inverted
index from key to items, never a comparison of every pair of items.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Mapping, Sequence

import yaml

from flashpoint.clean.dedup import Sketch
from flashpoint.clean.dedup import containment as shingle_containment
from flashpoint.errors import ModelError
from flashpoint.ingest.dates import opens_with_dateline
from flashpoint.records import BlockHistory, stable_hash

__all__ = [
    "Rules",
    "load_rules",
    "block_key",
    "repeated_blocks",
    "ItemBlocks",
    "item_blocks",
]

_TERMINAL = ('.', '!', '?', '."', '.”', "?”", '!”', ".'", ".’", ':', ';')


@dataclass(frozen=True)
class Rules:
    """The compiled contents of ``data/boilerplate.yaml``."""

    nav_patterns: tuple[re.Pattern[str], ...]
    max_nav_line_chars: int
    bullet_glyphs: tuple[str, ...]
    not_titles: frozenset[str]
    same_article_containment: float
    max_stranded_lines: int
    sentence_min_words: int

    @staticmethod
    def is_dateline(line: str) -> bool:
        """Whether a line is a report's dateline, which other reports may repeat word for word
        (the wire datelines :mod:`flashpoint.ingest.dates` reads the publication date from)."""
        return opens_with_dateline(line)

    def is_nav_line(self, line: str) -> bool:
        """Whether a whole line is navigation, a caption or a banner."""
        if len(line) > self.max_nav_line_chars:
            return False
        return any(p.fullmatch(line) for p in self.nav_patterns)

    def is_sentence(self, line: str) -> bool:
        """Whether a line reads like prose: several words and a sentence-final mark."""
        return line.rstrip().endswith(_TERMINAL) and len(line.split()) >= self.sentence_min_words

    def is_title_like(self, line: str) -> bool:
        """A short line without a final period that is not a section heading or navigation."""
        stripped = line.strip()
        if not 3 <= len(stripped) <= 150 or stripped.endswith((".", ":", ";", ",")):
            return False
        if stripped.startswith("- ") or not any(ch.isalpha() for ch in stripped):
            return False
        if stripped.lower().rstrip("?!") in self.not_titles:
            return False
        return len(stripped.split()) >= 2 and not self.is_nav_line(stripped)


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Read and compile ``data/boilerplate.yaml`` once per process."""
    try:
        text = resources.files("flashpoint.data").joinpath("boilerplate.yaml").read_text("utf-8")
        data = yaml.safe_load(text)
        patterns = [re.compile(p, re.IGNORECASE) for p in data["nav_lines"]]
        patterns += [re.compile(p) for p in data.get("nav_lines_case_sensitive", [])]
        return Rules(
            nav_patterns=tuple(patterns),
            max_nav_line_chars=int(data["max_nav_line_chars"]),
            bullet_glyphs=tuple(data["bullet_glyphs"]),
            not_titles=frozenset(t.lower() for t in data.get("not_titles", [])),
            same_article_containment=float(data["same_article_containment"]),
            max_stranded_lines=int(data["max_stranded_lines"]),
            sentence_min_words=int(data["sentence_min_words"]),
        )
    except (OSError, KeyError, TypeError, ValueError, re.error, yaml.YAMLError) as exc:
        raise ModelError(f"cannot load data/boilerplate.yaml: {exc}") from exc


def block_key(line: str) -> str:
    """The key under which a block is compared and stored (see the module docstring)."""
    form = " ".join(line.lower().split())
    if form.startswith("- "):
        form = form[2:]
    return stable_hash(form)


@dataclass(frozen=True)
class ItemBlocks:
    """One batch item's identity and its blocks (key -> characters, repeats summed)."""

    raw_hash: str
    blocks: Mapping[str, int]
    sketch: Sketch | None = None

    @property
    def total(self) -> int:
        return sum(self.blocks.values())


def repeated_blocks(
    items: Sequence[ItemBlocks], history: BlockHistory, containment: float
) -> dict[str, frozenset[str]]:
    """For each item (by raw hash), the keys of its blocks that other articles repeat.

    Short blocks are in the answer too; the caller decides what length makes a repeated block
    boilerplate on its own (``Settings.min_boilerplate_chars``) and what only counts next to
    other furniture.

    Items are identified by raw hash, and a stored item that is also in the batch counts once,
    so the answer does not depend on which batch items a crashed run had already stored.
    """
    batch = {item.raw_hash: item for item in items}
    postings: dict[str, set[str]] = defaultdict(set)
    for item in batch.values():
        for key in item.blocks:
            postings[key].add(item.raw_hash)
    for key, holders in history.sightings.items():
        if key in postings:
            postings[key].update(h for h in holders if h not in batch)

    result: dict[str, frozenset[str]] = {}
    for raw_hash, item in batch.items():
        shared = _shared_chars(item, postings)
        others = {
            other
            for other, chars in shared.items()
            if not _same_article(item, other, chars, batch, history, containment)
        }
        result[raw_hash] = frozenset(
            key
            for key, length in item.blocks.items()
            if not others.isdisjoint(postings[key])
        )
    return result


def _shared_chars(item: ItemBlocks, postings: Mapping[str, set[str]]) -> Counter[str]:
    """Characters of ``item``'s blocks that each other item also holds."""
    shared: Counter[str] = Counter()
    for key, length in item.blocks.items():
        for other in postings.get(key, ()):
            if other != item.raw_hash:
                shared[other] += length
    return shared


def _same_article(
    item: ItemBlocks,
    other: str,
    shared: int,
    batch: Mapping[str, ItemBlocks],
    history: BlockHistory,
    containment: float,
) -> bool:
    """Two copies of one article: the smaller one is mostly contained in the other.

    Measured on word shingles (MinHash sketches) where both items have one, so a reworded
    sentence or an added paragraph costs only its own words; else on whole blocks.
    """
    other_sketch = batch[other].sketch if other in batch else history.item_sketches.get(other)
    if item.sketch is not None and other_sketch is not None:
        return shingle_containment(item.sketch, other_sketch) >= containment
    other_total = batch[other].total if other in batch else history.item_chars.get(other, 0)
    smaller = min(item.total, other_total) if other_total else item.total
    return smaller > 0 and shared >= containment * smaller


def item_blocks(raw_hash: str, lines: Iterable[str], sketch: Sketch | None = None) -> ItemBlocks:
    """Blocks of an item from its normalised lines (and its sketch, when it has one)."""
    blocks: dict[str, int] = {}
    for line in lines:
        if line:
            key = block_key(line)
            blocks[key] = blocks.get(key, 0) + len(line)
    return ItemBlocks(raw_hash, blocks, sketch)
