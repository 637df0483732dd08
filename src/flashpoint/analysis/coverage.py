"""The span of days the incident database covers.

Surge alerts need to know where the record starts (a week before the first dated incident is
not a quiet week, it is a week nobody looked at), and site threat needs where it ends (the
default "as of" date). Both read the first and last incident dated to the day.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, func, select

from flashpoint.analysis.periods import day_of
from flashpoint.store import schema
from flashpoint.store.store import Store, reading

__all__ = ["dated_span"]


def dated_span(target: Store | Connection) -> tuple[date, date] | None:
    """The first and last day of the incidents dated to the day, or None when there are none."""
    incidents = schema.incidents
    query = select(func.min(incidents.c.date), func.max(incidents.c.date)).where(
        func.length(incidents.c.date) == 10
    )
    with reading(target) as conn:
        first, last = conn.execute(query).one()
    start, end = day_of(first), day_of(last)
    if start is None or end is None:
        return None
    return start, end
