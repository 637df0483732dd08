"""Publication dates: read from metadata, or guessed from an article's own words.

Two jobs with different risks. :func:`normalise_date` turns a metadata value that *is* a date
(ISO 8601, RFC 2822, a written-out date) into ISO form. :func:`infer_published` guesses a
publication date from running text, where most dates are about events, not about the article;
it prefers a dateline ("BAGHDAD, Jan. 8 (Reuters) -", "Published: 8 January 2020") and falls back
to the latest full date the text mentions, and it answers ``None`` whenever the evidence says that
guess is likely wrong: an event date the clean stage stores as "published" would shift every
event date derived from it.

Numeric dates are taken only when they cannot be misread: ``08/01/2020`` could be 8 January or
August 1 and is ignored, ``27/06/2021`` can only be 27 June.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

__all__ = ["infer_published", "normalise_date", "DateMention", "find_dates", "inline_dateline_end",
           "opens_with_dateline"]

#: Month names and the abbreviations news copy uses ("Sept." included), lower-cased.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})(?!\d)"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+"

#: Full dates (day, month and year), the only kind the body-text fallback trusts.
_FULL_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}",  # June 27th, 2021 / Jan. 8 2020
        rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",  # 27 June 2021 / 27th of June, 2021
        r"(?<![\d.\-/])(?P<year>\d{4})(?P<sep>[-/])(?P<month>\d{2})(?P=sep)(?P<day>\d{2})(?!\d)",
        r"(?<![\d.\-/])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d.])",
    )
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+{_YEAR}", re.IGNORECASE)
_ISO_MONTH = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$")
_YEAR_ONLY = re.compile(r"^(?P<year>\d{4})$")
#: A bare year is a date only after words like these ("In 2018, ..."), not "2050 troops".
_CONTEXT_YEAR = re.compile(
    r"\b(?:in|since|during|from|early|late|mid-?|of)\s+(?P<year>(?:19|20)\d{2})(?!\d)",
    re.IGNORECASE,
)
#: Words that make the date after them a deadline or a plan, not something that happened.
_FUTURE_BEFORE = re.compile(
    r"\b(?:until|till|through|thru|by|before|ahead\s+of|deadline|due|expires?|expiring|"
    r"scheduled\s+for|set\s+for|slated\s+for|planned\s+for|postponed\s+to|extended\s+to|"
    r"starting|begins?)\W+(?:(?:on|the|\w+day),?\s+)?$",
    re.IGNORECASE,
)

_HEADER_LINES = 12  # datelines and date lines sit in the first lines of an article
_MIN_YEAR, _MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class DateMention:
    """A date found in text: ``day``/``month`` are None when the text did not give them."""

    start: int
    end: int
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def key(self) -> tuple[int, int, int]:
        """Sort key; a partial date sorts before the full dates it could hold.

        "January 2020" is not later than "January 7, 2020", so it never outranks a full date
        of its own month.
        """
        return (self.year, self.month or 0, self.day or 0)


def infer_published(text: str) -> str | None:
    """Guess the publication date of an article from its text, or None when unsure.

    A dateline wins; otherwise the latest full date mentioned that is not a deadline ("until
    March 31, 2022"). If the text mentions a month or year later than that date, the article was
    written after it and the date is an event date: None.
    """
    dateline = _dateline(text)
    if dateline is not None:
        return dateline
    full = [m for m in find_dates(text) if not _is_future(text, m)]
    if not full:
        return None
    latest = max(full, key=lambda m: m.key)
    later = [m for m in _partial_dates(text) if m.key > latest.key and not _is_future(text, m)]
    return None if later else latest.iso


def normalise_date(value: str) -> str | None:
    """A metadata date as ISO ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY``), None if unreadable.

    Datetimes keep the calendar date the publisher wrote (``2020-01-08T23:30-05:00`` is the 8th,
    not the 9th in UTC): that is the date readers of the article saw.
    """
    value = value.strip()
    if not value:
        return None
    for parse in (_parse_iso, _parse_rfc2822, _parse_written):
        found = parse(value)
        if found is not None:
            return found
    return None


def normalise_timestamp(value: float) -> str | None:
    """A Unix timestamp (seconds) as a UTC ISO date, for JSON records that store dates that way."""
    if not 0 < value < 4_102_444_800:  # before 2100-01-01
        return None
    return datetime.fromtimestamp(value, tz=timezone.utc).date().isoformat()


def find_dates(text: str) -> list[DateMention]:
    """Every unambiguous full date in ``text``, in order, overlapping matches dropped."""
    found: list[DateMention] = []
    for pattern in _FULL_PATTERNS:
        for match in pattern.finditer(text):
            mention = _mention(match)
            if mention is not None:
                found.append(mention)
    found.sort(key=lambda m: (m.start, -m.end))
    kept: list[DateMention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def _partial_dates(text: str) -> list[DateMention]:
    """Month-year and contextual year mentions that are not part of a full date."""
    taken = [(m.start, m.end) for m in find_dates(text)]
    found: list[DateMention] = []
    for pattern in (_MONTH_YEAR, _CONTEXT_YEAR):
        for match in pattern.finditer(text):
            start, end = match.span("year")
            if any(s < end and start < e for s, e in taken):
                continue
            mention = _mention(match)
            if mention is not None:
                found.append(mention)
    return found


def _mention(match: re.Match[str]) -> DateMention | None:
    """Turn a regex match into a checked date, or None (impossible, ambiguous, lower-case "may")."""
    groups = match.groupdict()
    year = int(groups["year"])
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    month_day = _month_day(groups)
    if month_day is None:
        return None
    month, day = month_day
    if month is not None and not 1 <= month <= 12:
        return None
    if month is not None and day is not None and not _valid(year, month, day):
        return None
    return DateMention(match.start(), match.end(), year, month, day)


def _month_day(groups: dict[str, str | None]) -> tuple[int | None, int | None] | None:
    """Month and day from a match's groups; None when they cannot be read with certainty."""
    if groups.get("a") is not None:
        return _numeric_month_day(int(groups["a"] or 0), int(groups["b"] or 0))
    raw_month = groups.get("month")
    day = int(groups["day"]) if groups.get("day") else None
    if raw_month is None:
        return None, None
    if raw_month.isdigit():
        return int(raw_month), day
    if raw_month.islower() and raw_month == "may":  # the verb, not the month
        return None
    return MONTHS[raw_month.lower().rstrip(".")], day


def _numeric_month_day(a: int, b: int) -> tuple[int, int] | None:
    """``a/b/yyyy`` as (month, day) only when one reading is impossible or both agree."""
    if a == b or (a > 12 and b <= 12):
        return b, a
    if b > 12 and a <= 12:
        return a, b
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _is_future(text: str, mention: DateMention) -> bool:
    """True when the words just before the date make it a deadline or a plan."""
    before = text[max(0, mention.start - 40) : mention.start]
    return _FUTURE_BEFORE.search(before) is not None


# --- datelines ---------------------------------------------------------------------------

_KEYWORD_LINE = re.compile(
    r"(?:^|[|•·])[^\w\n]*(?P<kw>first\s+published|published|posted|last\s+updated|updated|"
    r"dated|date)\b(?:\s+on)?\s*[:\-–—]?\s*(?P<rest>[^\n]{0,80})",
    re.IGNORECASE | re.MULTILINE,
)
_KEYWORD_RANK = {"first published": 0, "published": 0, "posted": 1, "dated": 2, "date": 2}
_WIRE = re.compile(
    r"^[\W_]*[A-Z][A-Z.'’\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30})?,\s*(?P<rest>[^\n]{0,60})"
)
_WIRE_TAIL = re.compile(r"^\s*(?:\([^)\n]{1,30}\)\s*)?[-–—]")
#: A dateline of an upper-case place and an agency, with no date: "BAGHDAD (Reuters) —".
_AGENCY_DATELINE = re.compile(r"[A-Z][A-Z.'’\- ]{1,40}\([^)\n]{1,30}\)\s*[-–—]")
_MONTH_DAY: tuple[re.Pattern[str], ...] = (
    re.compile(rf"^{_MONTH}\s+{_DAY}\b", re.IGNORECASE),
    re.compile(rf"^{_DAY}\s+{_MONTH}", re.IGNORECASE),
)
_DATE_LINE_EXTRA = re.compile(
    r"^[\s,|:;\-–—]*"
    r"(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?[\s.]*$",
    re.IGNORECASE,
)


def _dateline(text: str) -> str | None:
    """The date a dateline, a "Published:" line or a date-only header line states."""
    for finder in (_keyword_dateline, _wire_dateline, _header_date_line):
        found = finder(text)
        if found is not None:
            return found
    return None


def _keyword_dateline(text: str) -> str | None:
    """ "Published: 8 January 2020", "Posted on March 3, 2021", "Updated 2021-07-06"."""
    best: tuple[int, str] | None = None
    for match in _KEYWORD_LINE.finditer(text):
        stated = _leading_date(match.group("rest"))
        rank = _KEYWORD_RANK.get(" ".join(match.group("kw").lower().split()), 3)
        if stated is not None and (best is None or rank < best[0]):
            best = (rank, stated)
    return best[1] if best else None


def _wire_dateline(text: str) -> str | None:
    """ "BAGHDAD, Jan. 8 (Reuters) -": the year, when missing, comes from dates in the body."""
    for line in _header_lines(text)[:6]:
        match = _WIRE.match(line)
        if match is None:
            continue
        rest = match.group("rest")
        candidate = _leading_full_date(rest) or _leading_month_day(rest, text)
        if candidate is not None and _WIRE_TAIL.match(rest[candidate[1] :]):
            return candidate[0]
    return None


def inline_dateline_end(text: str) -> int:
    """Where a dateline that opens the text's first line ends ("DAMASCUS, April 2, 2024 — An
    Israeli airstrike ..."), else 0. The date it states is the report's, not an event's: the
    first sentence's "on Monday" dates that sentence's acts."""
    offset = len(text) - len(text.lstrip())
    line = text[offset:].split("\n", 1)[0]
    match = _WIRE.match(line)
    if match is None:
        return 0
    rest = match.group("rest")
    candidate = _leading_full_date(rest) or _leading_month_day(rest, text)
    if candidate is None:
        return 0
    tail = _WIRE_TAIL.match(rest[candidate[1] :])
    if tail is None:
        return 0
    return offset + match.start("rest") + candidate[1] + tail.end()


def opens_with_dateline(line: str) -> bool:
    """Whether a line opens with a wire dateline: a dated one ("RIYADH, Aug. 20, 2019 —",
    "KARBALA, Iraq, May 11, 2021 —") or an agency's ("BAGHDAD (Reuters) —")."""
    return inline_dateline_end(line) > 0 or _AGENCY_DATELINE.match(line.lstrip()) is not None


def _header_date_line(text: str) -> str | None:
    """A header line that is only a date (and maybe a time), or a byline ending in one."""
    for line in _header_lines(text):
        body = re.sub(r"^by\s+[^|,\-–—]{2,60}[|,\-–—]\s*", "", line, flags=re.IGNORECASE)
        found = _leading_full_date(body)
        if found is not None and _DATE_LINE_EXTRA.match(body[found[1] :]):
            return found[0]
    return None


def _header_lines(text: str) -> list[str]:
    lines = [line.strip() for line in text[:3000].splitlines()]
    return [line for line in lines if line][:_HEADER_LINES]


def _leading_date(segment: str) -> str | None:
    """The date, full or partial, at the start of ``segment`` (after an optional weekday)."""
    full = _leading_full_date(segment)
    if full is not None:
        return full[0]
    segment = _strip_weekday(segment)
    match = _MONTH_YEAR.match(segment)
    if match is not None:
        mention = _mention(match)
        return mention.iso if mention else None
    token = segment.split(maxsplit=1)[0].rstrip(".,;") if segment.strip() else ""
    for pattern in (_ISO_MONTH, _YEAR_ONLY):
        found = pattern.match(token)
        if found is not None:
            mention = _mention(found)
            return mention.iso if mention else None
    return None


def _leading_full_date(segment: str) -> tuple[str, int] | None:
    """(ISO date, end offset) of a full date starting ``segment``, weekday allowed first."""
    stripped = _strip_weekday(segment)
    offset = len(segment) - len(stripped)
    for pattern in _FULL_PATTERNS:
        match = pattern.match(stripped)
        if match is not None:
            mention = _mention(match)
            if mention is not None:
                return mention.iso, offset + match.end()
    return None


def _leading_month_day(segment: str, text: str) -> tuple[str, int] | None:
    """A year-less "Jan. 8" dateline, dated with the year of the latest full date in the text.

    An article reports on the past, so its date is on or after the dates it mentions: the year
    is that of the latest mentioned date, or the next one when the day would fall before it.
    """
    match = next((m for m in (p.match(segment) for p in _MONTH_DAY) if m is not None), None)
    if match is None:
        return None
    month, day = MONTHS[match.group("month").lower().rstrip(".")], int(match.group("day"))
    mentions = [m for m in find_dates(text) if not _is_future(text, m)]
    if not mentions:
        return None
    latest = max(mentions, key=lambda m: m.key)
    year = latest.year if (month, day) >= (latest.month or 0, latest.day or 0) else latest.year + 1
    if not _valid(year, month, day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", match.end()


def _strip_weekday(segment: str) -> str:
    return re.sub(rf"^\s*{_WEEKDAY}", "", segment, flags=re.IGNORECASE).lstrip()


# --- metadata values -----------------------------------------------------------------------

_ISO_VALUE = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
_COMPACT_VALUE = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})(?:T\d{4,6}Z?)?$")


def _parse_iso(value: str) -> str | None:
    """ISO 8601 dates and datetimes, full or reduced precision, and the compact 20200108 form."""
    match = _ISO_VALUE.match(value) or _COMPACT_VALUE.match(value)
    if match is None:
        return None
    mention = _mention(match)
    return mention.iso if mention else None


def _parse_rfc2822(value: str) -> str | None:
    """RSS-style ``Wed, 08 Jan 2020 10:00:00 GMT``."""
    if not re.search(r"\d{1,2}:\d{2}", value):
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if not _MIN_YEAR <= parsed.year <= _MAX_YEAR:
        return None
    return parsed.date().isoformat()


def _parse_written(value: str) -> str | None:
    """A written-out date that fills the whole value ("January 8, 2020", "Jan 2020")."""
    stripped = _strip_weekday(value)
    full = _leading_full_date(stripped)
    if full is not None:
        return full[0] if _DATE_LINE_EXTRA.match(stripped[full[1] :]) else None
    match = _MONTH_YEAR.fullmatch(stripped)
    mention = _mention(match) if match else None
    return mention.iso if mention else None
