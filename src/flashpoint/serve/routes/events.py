"""``/api/events``: coded events, filtered, with the incident each was merged into."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from fastapi import APIRouter, Depends, Request
from sqlalchemy import Connection

from flashpoint.analysis.model import incident_event_ids
from flashpoint.serve.context import store_of
from flashpoint.serve.errors import ApiError
from flashpoint.serve.models import EventDetail, EventRecord, Page
from flashpoint.serve.paging import Paging, envelope, paging
from flashpoint.serve.params import event_filter
from flashpoint.serve.routes import error_responses
from flashpoint.store.queries import EventFilter, document_summary, incident_ids_of, list_events

__all__ = ["router", "with_incidents"]

router = APIRouter(tags=["events"])

#: The document fields an event's detail carries (where it was read).
DOCUMENT_REF = ("doc_id", "title", "url", "site", "published", "origin")


def with_incidents(conn: Connection, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``records`` with ``incident_id`` set (null for events analysis has not merged)."""
    merged = incident_ids_of(conn, [r["event_id"] for r in records])
    return [{**r, "incident_id": merged.get(r["event_id"])} for r in records]


@router.get("/api/events", response_model=Page[EventRecord], responses=error_responses(400, 404))
def events(
    request: Request, flt: EventFilter = Depends(event_filter), page: Paging = Depends(paging)
) -> dict[str, Any]:
    """Events matching every filter given, in document order (stable as documents arrive)."""
    with store_of(request).read() as conn:
        rows = list_events(conn, replace(flt, limit=page.probe, offset=page.offset))
        return envelope(with_incidents(conn, rows), page)


@router.get("/api/events/{event_id}", response_model=EventDetail, responses=error_responses(404))
def event(event_id: str, request: Request) -> dict[str, Any]:
    """One event, the document it was read from, and the other reports of its incident."""
    with store_of(request).read() as conn:
        found = list_events(conn, EventFilter(event_ids=(event_id,)))
        if not found:
            raise ApiError.not_found(f"no event {event_id!r}")
        record = with_incidents(conn, found)[0]
        doc = document_summary(conn, record["doc_id"]) or {"doc_id": record["doc_id"]}
        record["document"] = {key: doc.get(key) for key in DOCUMENT_REF}
        record["other_reports"] = _other_reports(conn, record)
    return record


def _other_reports(conn: Connection, record: dict[str, Any]) -> list[dict[str, Any]]:
    incident_id = record["incident_id"]
    if incident_id is None:
        return []
    members = incident_event_ids(conn, [incident_id])[incident_id]
    others = tuple(m for m in members if m != record["event_id"])
    if not others:
        return []
    return with_incidents(conn, list_events(conn, EventFilter(event_ids=others)))
