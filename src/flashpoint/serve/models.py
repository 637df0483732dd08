"""Pydantic models of the API's requests and answers: they validate bodies and make
``/openapi.json`` describe real shapes a client can generate code from.

Answers are the dicts the library returns (``docs/API.md``); these models name their fields
and types. They allow extra fields, because the library may add fields (the event-record
spec says "add fields freely, rename none") and the API should pass them through rather than
silently drop them.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ErrorDetail",
    "ErrorResponse",
    "Page",
    "Health",
    "Actor",
    "Location",
    "EventRecord",
    "DocumentRef",
    "EventDetail",
    "DocumentSummary",
    "DocumentDetail",
    "Presence",
    "Site",
    "SiteIn",
    "IngestDocument",
    "IngestRequest",
    "IngestSummary",
    "IncidentModel",
    "IncidentDetail",
    "LinkModel",
    "Chain",
    "IndexRow",
    "Alert",
    "SiteThreat",
]

T = TypeVar("T")


class _Open(BaseModel):
    """An answer object: documented fields, extra ones passed through."""

    model_config = ConfigDict(extra="allow")


class ErrorDetail(BaseModel):
    status: int = Field(description="The HTTP status, repeated for clients that lose it.")
    code: str = Field(
        description="Stable slug: bad_parameter, not_found, unauthorized, read_only, ..."
    )
    message: str = Field(description="What went wrong, for a person.")
    parameter: str | None = Field(None, description="The query parameter or body field at fault.")


class ErrorResponse(BaseModel):
    """Every error answer."""

    error: ErrorDetail


class Page(BaseModel, Generic[T]):
    """One page of a list; ask for the next with ``offset=next_offset`` (null on the last page)."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None


class Health(BaseModel):
    status: str = Field(description='"ok" when the database answers.')
    version: str
    events: int
    documents: int


class Actor(_Open):
    text: str | None = None
    name: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-3, or IGO / UNK.")
    sector: str | None = None
    id: str | None = Field(None, description="Knowledge-base id of the actor.")


class Location(_Open):
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = Field(None, description="site, city, region or country.")


class EventRecord(_Open):
    """An exported event (shared/spec/event-record.md) and the incident it was merged into."""

    event_id: str
    doc_id: str
    doc_path: str | None = None
    doc_url: str | None = None
    sentence: str
    char_start: int
    char_end: int
    event_type: str = Field(description="PLOVER type, upper case.")
    mode: str | None = None
    source: Actor | None = None
    target: Actor | None = None
    date: str | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD.")
    location: Location | None = None
    fatalities: int | None = None
    injuries: int | None = None
    status: str = Field(description="actual, claimed, threatened, hypothetical or negated.")
    attribution: str | None = None
    confidence: float
    cameo_root: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    mentions: int = Field(1, description="Reports (near-duplicate documents) carrying it.")
    doc_ids: list[str] = Field(default_factory=list)
    trigger: str | None = None
    coder_version: str | None = None
    incident_id: str | None = Field(None, description="Null until analysis merged it.")


class DocumentRef(_Open):
    doc_id: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    published: str | None = None
    origin: str | None = None


class EventDetail(EventRecord):
    """One event, where it was read, and the other reports of the same incident."""

    document: DocumentRef
    other_reports: list[EventRecord] = Field(
        description="Events of other sentences or documents merged into the same incident."
    )


class DocumentSummary(_Open):
    doc_id: str
    seq: int = Field(description="Ingest order.")
    origin: str
    locator: str | None = None
    url: str | None = None
    title: str | None = None
    site: str | None = None
    published: str | None = None
    published_source: str | None = Field(None, description="metadata, option or inferred.")
    format: str
    group_id: str = Field(description="doc_id of the canonical copy of its near-duplicate group.")
    is_canonical: bool
    n_chars: int
    n_reports: int | None = None
    n_events: int | None = None


class DocumentDetail(DocumentSummary):
    """A document: its cleaned text, its events and its near-duplicate group."""

    text: str
    group: list[str] = Field(description="doc_ids of the group, canonical first.")
    sources: list[dict[str, Any]] = Field(default_factory=list)
    events: list[EventRecord]


class Presence(_Open):
    nation: str
    from_: str | None = Field(None, alias="from")
    to: str | None = None
    note: str | None = None


class Site(_Open):
    site_id: str
    name: str
    kind: str | None = None
    country: str | None = None
    region: str | None = None
    lat: float
    lon: float
    radius_km: float
    nations: list[Presence] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    notes: str | None = None
    source: str = Field(description="curated (from the facilities file) or user.")


class SiteIn(BaseModel):
    """A site to add. ``nations`` are ISO3 codes, optionally dated: ``USA`` or ``USA:2014-11``."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    radius_km: float = Field(gt=0, le=1000)
    nations: list[str | Presence] = Field(
        default_factory=list, description='ISO3 codes ("USA", "USA:2014-11") or presences.'
    )
    kind: str | None = None
    country: str | None = None
    region: str | None = None
    aliases: list[str] = Field(default_factory=list)
    notes: str | None = None


class IngestDocument(BaseModel):
    """One article: ``text`` (or ``html``) and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="Publication date, ISO 8601.")
    source: str | None = Field(None, description="Site or outlet name.")


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[IngestDocument] = Field(min_length=1, max_length=1000)


class Rejected(BaseModel):
    where: str
    kind: str
    reason: str


class IngestSummary(_Open):
    """What the ingest run did (as ``flashpoint ingest --json``)."""

    items: int
    already_present: int
    new_documents: int
    new_duplicates: int
    events: int
    tokens: int
    rejected: int
    rejections: list[Rejected]
    seconds: float
    run_id: int | None = None
    analysis: dict[str, Any] | None = Field(
        None, description="What rebuilding incidents and chains did (null when nothing was new)."
    )


# -- analysis ----------------------------------------------------------------------------------


class IncidentSide(_Open):
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    actor_id: str | None = None
    sponsor: str | None = Field(None, description="ISO3 of a state backer of the actor.")


class IncidentModel(_Open):
    """One real-world event: the reports (events) merged into it."""

    incident_id: str
    representative_event_id: str
    event_type: str
    status: str
    date: str | None = None
    mode: str | None = None
    source: IncidentSide | None = None
    target: IncidentSide | None = None
    location: Location | None = None
    fatalities: int | None = None
    injuries: int | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    confidence: float
    n_events: int = Field(description="Reports merged.")
    n_docs: int = Field(description="Documents carrying it, near-duplicates included.")
    disagreements: dict[str, Any] = Field(default_factory=dict)
    doc_ids: list[str] = Field(default_factory=list)


class LinkModel(_Open):
    cause_id: str
    response_id: str
    kind: str = Field(description="text (the report says so) or structure (tit for tat).")
    cue: str | None = None
    gap_days: int | None = None
    score: float
    explanation: str


class Report(EventRecord):
    reason: dict[str, Any] | None = Field(
        None, description="Why it was merged (null for the representative)."
    )


class IncidentDetail(IncidentModel):
    reports: list[Report]
    links: list[LinkModel]


class Chain(_Open):
    chain_id: str
    start: str | None = None
    end: str | None = None
    incidents: list[IncidentModel]
    links: list[LinkModel]


class IndexRow(_Open):
    series: str
    by: str
    week: str = Field(description="ISO Monday of the week.")
    count: int
    hostile: int
    score: float = Field(description="Sum of Goldstein weights.")
    mean_weight: float | None = None


class Alert(_Open):
    alert_id: str
    by: str
    series: str
    week: str
    count: int
    baseline_mean: float
    baseline_weeks: int
    method: str = Field(description="poisson or negative-binomial.")
    p_value: float
    incidents: list[IncidentModel]


class SiteThreat(_Open):
    site: dict[str, Any]
    as_of: str
    window_days: int
    score: float
    level: str
    trend: str
    counts: dict[str, Any]
    incidents: list[dict[str, Any]] = Field(
        description="Nearest first, with distance_km and weight."
    )
    exposed_nations: list[dict[str, Any]]
