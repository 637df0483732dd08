"""Explicit dates in a document, resolved against its publication date.

``DateIndex`` finds every explicit date expression in the cleaned text once ("June 27th",
"On Sunday, June 27th", "January 7th, 2020", "27 June 2021", "In January 2020", "in 2018",
"2021-06-27"), then fills in missing years:

1. from the nearest earlier mention *in the same paragraph* that states a year ("On January 7th,
   2020, ... resumed on January 16th" -> 2020-01-16);
2. else the most recent such day not after publication (checked against the weekday when the
   text gives one: "Sunday, June 27th");
3. else (no publication date) from the nearest earlier year anywhere in the document;
4. else no date: a wrong date is worse than none.

Precision follows the text: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

__all__ = ["DateMention", "DateIndex", "paragraph_spans"]

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

# An abbreviation may end in a dot ("Jan.", "Sept."); a full month name keeps its sentence's full stop.
_MONTH = (
    r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
    r"(?:(?<=\b[A-Za-z]{3})\.|(?<=\bSept)\.)?"
)
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(_WEEKDAYS) + r"),?\s+(?:the\s+)?)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_PATTERNS = [
    re.compile(rf"\b(?P<iso>{_YEAR}-(?P<imonth>[01]\d)-(?P<iday>[0-3]\d))\b"),
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?", re.IGNORECASE),
    re.compile(rf"\b{_WEEKDAY}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR}\b)?", re.IGNORECASE),
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?P<prep>in|during|since|by|until|throughout)\s+(?:early\s+|late\s+|mid-)?{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?P<mprep>in|during|since|by|until|throughout)\s+(?:early\s+|late\s+|mid-)?{_MONTH}(?![\w-])", re.IGNORECASE),
]


@dataclass(frozen=True)
class DateMention:
    """A date expression at ``[start, end)`` of the text, with the parts the text gives."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None
    explicit_year: bool = False

    @property
    def value(self) -> str | None:
        """ISO text at the mention's precision, or None while the year is unknown."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every line of ``text``: clean text keeps one paragraph per line."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _scan(text: str) -> list[DateMention]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            parts = m.groupdict()
            if parts.get("iso"):
                mention = DateMention(m.start(), m.end(), int(parts["year"]), int(parts["imonth"]),
                                      int(parts["iday"]), explicit_year=True)
            elif parts.get("mprep"):
                if not m.group("month")[0].isupper():
                    continue  # "in may" is not a month
                mention = DateMention(m.start("month"), m.end(), None,
                                      _MONTHS[parts["month"].lower().rstrip(".")], None)
            elif parts.get("prep"):
                mention = DateMention(m.start("year"), m.end(), int(parts["year"]), None, None,
                                      explicit_year=True)
            else:
                month = _MONTHS[parts["month"].lower().rstrip(".")]
                day = int(parts["day"]) if parts.get("day") else None
                if day is not None and not 1 <= day <= 31:
                    continue
                year = int(parts["year"]) if parts.get("year") else None
                weekday = _WEEKDAYS.get((parts.get("weekday") or "").lower())
                mention = DateMention(m.start(), m.end(), year, month, day, weekday,
                                      explicit_year=year is not None)
            found.append(mention)
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _valid(year: int, month: int, day: int | None) -> bool:
    try:
        date(year, month, day or 1)
    except ValueError:
        return False
    return True


class DateIndex:
    """All resolved date mentions of one document, searchable by offset."""

    def __init__(self, text: str, published: str | None) -> None:
        self.paragraphs = paragraph_spans(text)
        self._para_starts = [start for start, _ in self.paragraphs]
        self.published = _parse_iso(published)
        self.mentions = self._resolve(_scan(text))
        self._starts = [m.start for m in self.mentions]

    def paragraph_of(self, offset: int) -> int:
        return max(bisect_right(self._para_starts, offset) - 1, 0)

    def _resolve(self, raw: list[DateMention]) -> list[DateMention]:
        resolved: list[DateMention] = []
        for i, mention in enumerate(raw):
            if mention.year is not None:
                resolved.append(mention)
                continue
            year = self._year_for(mention, raw[:i])
            if year is not None and _valid(year, mention.month or 1, mention.day):
                resolved.append(DateMention(mention.start, mention.end, year, mention.month,
                                            mention.day, mention.weekday))
        return resolved

    def _year_for(self, mention: DateMention, earlier: list[DateMention]) -> int | None:
        paragraph = self.paragraph_of(mention.start)
        for previous in reversed(earlier):
            if self.paragraph_of(previous.start) != paragraph:
                break
            if previous.explicit_year and previous.year is not None:
                if self._after_publication(previous.year, mention):
                    continue  # "until March 31, 2022" lends no year to a past "March"
                return previous.year
        if self.published is not None:
            return self._year_before_publication(mention)
        return next((p.year for p in reversed(earlier) if p.explicit_year), None)

    def _after_publication(self, year: int, mention: DateMention) -> bool:
        if self.published is None or not _valid(year, mention.month or 1, mention.day):
            return False
        return date(year, mention.month or 1, mention.day or 1) > self.published

    def _year_before_publication(self, mention: DateMention) -> int | None:
        assert self.published is not None
        month, day = mention.month or 1, mention.day
        for year in range(self.published.year, self.published.year - 7, -1):
            if not _valid(year, month, day):
                continue
            when = date(year, month, day or 1)
            if when > self.published:
                continue
            if mention.weekday is not None and day is not None and when.weekday() != mention.weekday:
                continue
            return year
        return None

    def in_span(self, start: int, end: int) -> list[DateMention]:
        """Resolved mentions inside ``[start, end)``, in text order."""
        i = bisect_right(self._starts, start - 1)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def sole_value_in_paragraph_before(self, offset: int) -> str | None:
        """The date of the paragraph so far when it names exactly one (possibly repeatedly):
        with two dates in play, a later sentence could be about either."""
        paragraph_start, _ = self.paragraphs[self.paragraph_of(offset)]
        values = {m.value for m in self.in_span(paragraph_start, offset)}
        return values.pop() if len(values) == 1 else None

    def last_in_paragraph_before(self, offset: int) -> DateMention | None:
        """The last resolved mention of ``offset``'s paragraph that ends before ``offset``."""
        paragraph_start, _ = self.paragraphs[self.paragraph_of(offset)]
        i = bisect_right(self._starts, offset) - 1
        while i >= 0:
            mention = self.mentions[i]
            if mention.start < paragraph_start:
                return None
            if mention.end <= offset:
                return mention
            i -= 1
        return None


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    match = re.match(r"(\d{4})(?:-(\d{2}))?$", value)
    if match:  # a year or month publication date: assume its last day
        year, month = int(match[1]), int(match[2] or 12)
        return date(year, month, calendar.monthrange(year, month)[1])
    return None
