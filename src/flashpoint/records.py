"""The records that flow between stages.

Each stage is a function from records to records: ``ingest`` yields :class:`SourceItem` (or
:class:`Rejection`), ``clean`` turns items into :class:`Document`, ``nlp`` pairs documents with
parses, ``events`` turns a parsed document into :class:`Event` records, ``store`` writes them.
These types carry no behaviour beyond serialisation, so every stage can be tested on its own.
"""

from __future__ import annotations

import hashlib
import json
import math
from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from typing import Any, Mapping, Sequence

__all__ = [
    "SourceItem",
    "Rejection",
    "OffsetMap",
    "Document",
    "Actor",
    "Location",
    "Event",
    "BlockHistory",
    "stable_hash",
    "great_circle_km",
    "EARTH_RADIUS_KM",
]

#: Mean Earth radius (IUGG), for distances between WGS84 points.
EARTH_RADIUS_KM = 6371.0088


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in km between two WGS84 points: the one distance every stage uses
    (event places, watched-site radii, gold location matching)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def stable_hash(*parts: str, length: int = 16) -> str:
    """A short hex digest of the parts; ids built with it are stable across runs and machines."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(frozen=True)
class SourceItem:
    """One input item as read, before cleaning: a file, or one record of a JSON/JSONL file.

    ``raw`` is the decoded text (HTML source for HTML items). ``raw_hash`` identifies the item's
    content and is what makes ingest idempotent: an item whose hash is stored is not ingested
    again. ``locator`` says where inside ``origin`` the item is (``"line 7"`` of a JSONL file).
    """

    origin: str
    raw: str
    format: str  # "txt" | "html" | "jsonl" | "json"
    is_html: bool = False
    locator: str | None = None
    url: str | None = None
    title: str | None = None
    site: str | None = None
    published: str | None = None  # ISO date from metadata, if any
    raw_hash: str = ""

    def __post_init__(self) -> None:
        if not self.raw_hash:
            object.__setattr__(self, "raw_hash", stable_hash(self.raw, length=32))

    @property
    def where(self) -> str:
        """Origin plus locator, for messages."""
        return f"{self.origin}:{self.locator}" if self.locator else self.origin


@dataclass(frozen=True)
class Rejection:
    """An input item that could not become a document, with a one-line reason."""

    origin: str
    kind: str
    reason: str
    locator: str | None = None

    @property
    def rejection_id(self) -> str:
        """Same bad input, same id: re-running a batch does not record a rejection twice."""
        return stable_hash(self.origin, self.locator or "", self.kind, self.reason)

    @property
    def where(self) -> str:
        return f"{self.origin}:{self.locator}" if self.locator else self.origin


@dataclass(frozen=True)
class BlockHistory:
    """What the database has seen of text blocks (paragraphs, lines) in earlier batches.

    ``sightings`` maps a block key (see ``flashpoint.clean``) to the ``raw_hash`` of every stored
    item that held that block; ``item_chars`` gives each of those items' total block characters
    and ``item_sketches`` their MinHash sketch (signature bytes, number of shingles), so cleaning
    can tell a block shared by two different articles (boilerplate) from a block shared by two
    copies of one article (a near-duplicate, which dedup handles).
    """

    sightings: Mapping[str, frozenset[str]] = field(default_factory=dict)
    item_chars: Mapping[str, int] = field(default_factory=dict)
    item_sketches: Mapping[str, tuple[bytes, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in a cleaned text back to offsets in the text it was cleaned from.

    Stored as runs: ``runs[k] = (clean_start, raw_start, length)`` means cleaned characters
    ``clean_start .. clean_start+length-1`` came from raw characters ``raw_start ..``, one for
    one. A cleaned character that stands for several raw ones (collapsed whitespace, NFKC
    folding) maps to the first of them. Runs are sorted by ``clean_start`` and cover the whole
    cleaned text.
    """

    runs: tuple[tuple[int, int, int], ...] = ()

    def to_raw(self, clean_offset: int) -> int:
        """The raw offset of a cleaned offset; the end of the text maps past the last run."""
        if not self.runs:
            return clean_offset
        starts = [run[0] for run in self.runs]
        k = max(bisect_right(starts, clean_offset) - 1, 0)
        clean_start, raw_start, length = self.runs[k]
        delta = clean_offset - clean_start
        if delta >= length:  # past the end of this run: map to just after its last char
            return raw_start + length + (delta - length)
        return raw_start + delta

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """A cleaned ``[start, end)`` span as a raw span (end maps from the last char + 1)."""
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        return self.to_raw(start), self.to_raw(end - 1) + 1

    def to_json(self) -> str:
        return json.dumps([list(run) for run in self.runs], separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | None) -> "OffsetMap":
        if not text:
            return cls()
        return cls(tuple(tuple(run) for run in json.loads(text)))  # type: ignore[misc]

    @classmethod
    def from_pairs(cls, raw_index: Sequence[int]) -> "OffsetMap":
        """Build from a per-character list: ``raw_index[i]`` is the raw offset of cleaned char i."""
        runs: list[tuple[int, int, int]] = []
        for i, raw in enumerate(raw_index):
            if runs:
                c0, r0, n = runs[-1]
                if c0 + n == i and r0 + n == raw:
                    runs[-1] = (c0, r0, n + 1)
                    continue
            runs.append((i, raw, 1))
        return cls(tuple(runs))


@dataclass
class Document:
    """A cleaned document, ready for parsing and coding.

    ``doc_id`` is a hash of ``text`` (the cleaned text), so the same article read twice gets
    the same id. ``raw_text`` is the text that ``offsets`` points into: the file's text for
    plain text, trafilatura's extracted text for HTML. ``group_id`` is the ``doc_id`` of the
    canonical copy of the near-duplicate group the document belongs to (its own id when it is
    canonical). ``published_source`` says where ``published`` came from: ``metadata``,
    ``option`` (``--published``) or ``inferred`` (from the text).
    """

    doc_id: str
    text: str
    raw_text: str
    offsets: OffsetMap
    origin: str
    raw_hash: str
    format: str
    locator: str | None = None
    url: str | None = None
    title: str | None = None
    site: str | None = None
    published: str | None = None
    published_source: str | None = None
    group_id: str | None = None
    similarity: float | None = None  # estimated Jaccard with the canonical copy
    removed_chars: int = 0  # boilerplate characters removed from raw_text
    #: (block key, characters) of the text before boilerplate removal, as the store keeps them
    blocks: tuple[tuple[str, int], ...] = ()
    #: MinHash sketch (signature bytes, shingle count) of that text, as the store keeps it
    sketch: tuple[bytes, int] | None = None

    @property
    def is_canonical(self) -> bool:
        return self.group_id is None or self.group_id == self.doc_id

    @staticmethod
    def id_for(text: str) -> str:
        return stable_hash(text)


@dataclass(frozen=True)
class Actor:
    """An event participant, per the spec: ``{"text", "name", "country", "sector", "id"}``."""

    text: str
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3, or IGO / UNK
    sector: str | None = None
    id: str | None = None

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Location:
    """Where an event happened: ``{"name", "country", "lat", "lon", "precision"}``."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None  # site | city | region | country

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Event:
    """One coded event, traced to its sentence.

    ``char_start``/``char_end`` are the sentence's span in the document's cleaned text;
    ``trigger_start``/``trigger_end`` the span of the word or phrase that triggered it.
    ``to_record`` gives exactly the export shape of ``shared/spec/event-record.md``.
    """

    doc_id: str
    sentence: str
    char_start: int
    char_end: int
    event_type: str
    coder_version: str
    mode: str | None = None
    source: Actor | None = None
    target: Actor | None = None
    date: str | None = None
    location: Location | None = None
    fatalities: int | None = None
    injuries: int | None = None
    status: str = "actual"
    attribution: str | None = None
    confidence: float = 0.5
    cameo_root: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    doc_path: str | None = None
    doc_url: str | None = None
    mentions: int = 1
    doc_ids: tuple[str, ...] = field(default_factory=tuple)

    @property
    def event_id(self) -> str:
        """Stable: the same document coded by the same coder version gives the same ids."""
        return stable_hash(
            self.doc_id,
            str(self.char_start),
            str(self.trigger_start),
            self.event_type,
            self.coder_version,
        )

    def to_record(self) -> dict[str, Any]:
        """The spec's exported-event object (plus a few added fields, none renamed)."""
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "doc_path": self.doc_path,
            "doc_url": self.doc_url,
            "sentence": self.sentence,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "event_type": self.event_type,
            "mode": self.mode,
            "source": self.source.to_record() if self.source else None,
            "target": self.target.to_record() if self.target else None,
            "date": self.date,
            "location": self.location.to_record() if self.location else None,
            "fatalities": self.fatalities,
            "injuries": self.injuries,
            "status": self.status,
            "attribution": self.attribution,
            "confidence": round(float(self.confidence), 3),
            "cameo_root": self.cameo_root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "mentions": self.mentions,
            "doc_ids": list(self.doc_ids) or [self.doc_id],
            "trigger": self.trigger,
            "coder_version": self.coder_version,
        }
