"""Pages of lists: every list answer is ``{"items", "limit", "offset", "next_offset"}``.

A query asks the database for one row more than the page holds: if it comes back there is a
next page, without counting every match (a ``COUNT`` over a million events costs more than
the page itself).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from fastapi import Query

__all__ = ["Paging", "paging", "envelope", "sliced", "MAX_LIMIT", "DEFAULT_LIMIT"]

MAX_LIMIT = 500
DEFAULT_LIMIT = 50

T = TypeVar("T")


@dataclass(frozen=True)
class Paging:
    """A page request: ``limit`` rows from ``offset``; ``probe`` is what to ask a query for."""

    limit: int
    offset: int

    @property
    def probe(self) -> int:
        return self.limit + 1


def paging(
    limit: int = Query(
        DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Rows per page (at most 500)."
    ),
    offset: int = Query(0, ge=0, description="Rows to skip: the previous page's next_offset."),
) -> Paging:
    return Paging(limit=limit, offset=offset)


def envelope(rows: Sequence[T], page: Paging) -> dict[str, Any]:
    """The page of ``rows`` read from ``page.offset`` with ``limit=page.probe``."""
    more = len(rows) > page.limit
    return {
        "items": list(rows[: page.limit]),
        "limit": page.limit,
        "offset": page.offset,
        "next_offset": page.offset + page.limit if more else None,
    }


def sliced(rows: Sequence[T], page: Paging) -> dict[str, Any]:
    """The page of a whole list computed in memory (sites, chains, index series)."""
    return envelope(rows[page.offset : page.offset + page.probe], page)
