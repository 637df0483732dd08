"""The database: the only package that writes it (:class:`Store`) and the read functions
shared by the CLI and the web API (:mod:`flashpoint.store.queries`)."""

from __future__ import annotations

from flashpoint.store import queries
from flashpoint.store.queries import (
    EventFilter,
    get_document,
    iter_export_records,
    list_documents,
    list_events,
    list_rejections,
    stats,
    timeline,
)
from flashpoint.store.store import Store

__all__ = [
    "Store",
    "queries",
    "EventFilter",
    "list_documents",
    "get_document",
    "list_events",
    "timeline",
    "iter_export_records",
    "list_rejections",
    "stats",
]
