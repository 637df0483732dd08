"""``/api/documents``: stored documents, and one document with its text and events."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from flashpoint.serve.context import store_of
from flashpoint.serve.errors import ApiError
from flashpoint.serve.models import DocumentDetail, DocumentSummary, Page
from flashpoint.serve.paging import Paging, envelope, paging
from flashpoint.serve.routes import error_responses
from flashpoint.serve.routes.events import with_incidents
from flashpoint.store.queries import get_document, list_documents

router = APIRouter(tags=["documents"])

#: Left out of the API's document: the raw text and the offset map are for provenance tools,
#: and can be many times the size of the cleaned text the dashboard shows.
HIDDEN = ("raw_text", "offsets")


@router.get("/api/documents", response_model=Page[DocumentSummary], responses=error_responses(400))
def documents(request: Request, page: Paging = Depends(paging)) -> dict[str, Any]:
    """Documents in ingest order, with their near-duplicate group and event count."""
    rows = list_documents(store_of(request), limit=page.probe, offset=page.offset)
    return envelope(rows, page)


@router.get(
    "/api/documents/{doc_id}", response_model=DocumentDetail, responses=error_responses(404)
)
def document(doc_id: str, request: Request) -> dict[str, Any]:
    """One document: cleaned text, its events (with their incidents) and its group."""
    with store_of(request).read() as conn:
        doc = get_document(conn, doc_id)
        if doc is None:
            raise ApiError.not_found(f"no document {doc_id!r}")
        doc["events"] = with_incidents(conn, doc["events"])
    return {key: value for key, value in doc.items() if key not in HIDDEN}
