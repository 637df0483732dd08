"""Dates as the analysis counts them: days, ISO weeks and the bounds of a date filter.

Stored dates are ISO strings of three precisions (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``). Weekly
indices, surge alerts and site threat count *days*: an incident known only to its month or year
cannot be put on a week or inside a 30-day window without inventing a day, so :func:`day_of`
answers ``None`` for it and each caller counts such incidents apart instead of guessing.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from flashpoint.errors import ConfigError

__all__ = ["day_of", "week_of", "first_day", "last_day", "weeks_from", "is_coarse"]

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def day_of(text: str | None) -> date | None:
    """The day of a ``YYYY-MM-DD`` date; ``None`` for a month, a year, nothing or a bad value."""
    if text is None or len(text) != 10:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def is_coarse(text: str | None) -> bool:
    """A date known only to its month or year (dated, but not to the day)."""
    return text is not None and day_of(text) is None and _DATE.fullmatch(text) is not None


def week_of(day: date) -> date:
    """The Monday of the ISO week holding ``day``: the key of every weekly series."""
    return day - timedelta(days=day.weekday())


def weeks_from(first: date, last: date) -> list[date]:
    """Every ISO-week Monday from ``first``'s week to ``last``'s week, both included."""
    start, end = week_of(first), week_of(last)
    return [start + timedelta(weeks=i) for i in range((end - start).days // 7 + 1)]


def first_day(text: str, name: str = "since") -> date:
    """The first day a ``YYYY``/``YYYY-MM``/``YYYY-MM-DD`` bound can mean (``2024-03`` -> 1 March)."""
    year, month, day = _parts(text, name)
    return _build(year, month or 1, day or 1, text, name)


def last_day(text: str, name: str = "until") -> date:
    """The last day such a bound can mean (``2024-02`` -> 29 February 2024)."""
    year, month, day = _parts(text, name)
    month = month or 12
    if day is None:
        day = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 1
    return _build(year, month, day, text, name)


def _parts(text: str, name: str) -> tuple[int, int | None, int | None]:
    match = _DATE.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ConfigError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def _build(year: int, month: int, day: int, text: str, name: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ConfigError(f"{name} is not a calendar date: {text!r}") from None
