"""Explicit dates in a document, resolved against its publication date.

``DateIndex`` finds every explicit date expression in the cleaned text once ("June 27th",
"On Sunday, June 27th", "January 7th, 2020", "27 June 2021", "In January 2020", "in 2018",
"2021-06-27", "April of 2024", "the summer of 2020", "the end of June", "the 2019 attack"), then
fills in missing years:

1. from the nearest earlier mention *in the same paragraph* that states a year ("On January 7th,
   2020, ... resumed on January 16th" -> 2020-01-16);
2. else the most recent such day not after publication (checked against the weekday when the
   text gives one: "Sunday, June 27th");
3. else (no publication date) from a weekday: "Sunday, June 27th" falls on a Sunday only in some
   years, and the one of those nearest the years the document states (within two years) is the
   date's; such a date then anchors the document's other yearless dates as a publication date
   would (the nearest fitting year);
4. else (no publication date) from the nearest earlier year anywhere in the document, unless
   that year opens a period ("Since 2003, ..."): a month told elsewhere need not lie in it;
5. else no date: a wrong date is worse than none.

Some dates are placed by the words around them: "July last year" / "April this year" (from the
publication year; "next year" gives nothing), "last July" (the latest July before the
publication month), "on the 5th" (the month of the paragraph's latest full date, else the latest
such day not after publication). A year that names a thing ("the 2015 nuclear deal") dates that
thing only and lends its year to nothing else.

A deadline or end date ("until March 31, 2022", "through 2025", "by the end of 2021") lends its
year to no other date: it says when something stops, often in the future, not when the text's
events happened.

Precision follows the text: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

``DateIndex.event_date`` dates one event from its trigger: the calendar dates found here, plus the
weekdays and relative expressions of :mod:`flashpoint.events.timex`, placed on the parse and
resolved by :mod:`flashpoint.events.dating` (word lists in ``data/time_expressions.yaml``).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from flashpoint.events.dating import EventDater, Expression, When, when_of_iso
from flashpoint.events.timex import Lexicon, TimeExpression, find_expressions, load_lexicon
from flashpoint.ingest.dates import inline_dateline_end
from flashpoint.nlp.doctext import text_of

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
#: How many days after its publication date a report may date an event it tells of.
_AFTER_PUBLICATION_DAYS = 14
#: How many years from the nearest year a document states a weekday may place a yearless date.
_WEEKDAY_YEAR_GAP = 2
_WEEKDAY_NAMES = "|".join(_WEEKDAYS)
# "Sunday, June 27th", "Tuesday 5 July", "Monday (Jan. 6)"
_WEEKDAY = r"(?:(?P<weekday>" + _WEEKDAY_NAMES + r")(?:,?\s+|\s*\(\s*)(?:the\s+)?)?"
# "June 27 (Sunday)"
_TRAILING_WEEKDAY = r"\s*\(\s*(?P<weekday>" + _WEEKDAY_NAMES + r")\s*\)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

#: Plural nouns a number in front of counts rather than dates ("the 2000 troops").
_COUNTED = ("troops|soldiers|people|fighters|men|women|children|civilians|residents|rockets|missiles|"
            "drones|shells|personnel|members|marines|sailors|dollars|tons|tonnes|kilometers|"
            "kilometres|miles|meters|metres|feet|pounds|barrels|rounds|units|families|prisoners")

_PATTERNS = [
    re.compile(rf"\b(?P<iso>{_YEAR}-(?P<imonth>[01]\d)-(?P<iday>[0-3]\d))\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?{_TRAILING_WEEKDAY}", re.IGNORECASE),
    re.compile(rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR}\b)?{_TRAILING_WEEKDAY}",
               re.IGNORECASE),
    # "Sept. 5-6, 2007", a range of days: its first
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}(?:\s*[-\u2013]\s*[0-3]?\d(?:st|nd|rd|th)?)?\b(?:,?\s+{_YEAR}\b)?",
               re.IGNORECASE),
    re.compile(rf"\b{_WEEKDAY}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR}\b)?", re.IGNORECASE),
    # "July last year", "March 3 of last year", "April this year"
    re.compile(rf"\b{_MONTH}(?:\s+{_DAY})?\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b", re.IGNORECASE),
    # "last July", "this past March" (not "last March 3", a full date with a stray word)
    re.compile(rf"\b(?P<lastmonth>last|this\s+past)\s+{_MONTH}(?![\w-])(?!,?\s+(?:[0-3]?\d|(?:19|20)\d\d)\b)",
               re.IGNORECASE),
    re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE),
    # "the summer of 2020", "the end of 2019", "spring 2021": the year
    re.compile(rf"\b(?P<part>(?:spring|summer|autumn|fall|end|beginning|start|middle|half|quarter|part)"
               rf"\s+of|spring|summer|autumn)\s+{_YEAR}\b", re.IGNORECASE),
    # "the 2019 attack on Abqaiq": a year modifying the act (not "the 2000 troops")
    re.compile(rf"\b(?i:the|a|an|its|their|his|her)\s+(?P<myear>(?:19|20)\d\d)\s+(?!(?:{_COUNTED})\b)[a-z]"),
    # "an April strike", "the June assaults": a month naming the act (not "in may")
    re.compile(rf"\b(?i:the|a|an|its|their|his|her)\s+(?P<mmod>{_MONTH})\s+(?=[a-z])", re.IGNORECASE),
    # "the end of June", "the first week of July": the month
    re.compile(rf"\b(?P<mpart>end|beginning|start|middle|half|week|weeks|days|part)\s+of\s+{_MONTH}(?![\w-])",
               re.IGNORECASE),
    # "on the 5th", "on the 5th of this month": a day of the month being told
    re.compile(r"\bon\s+the\s+(?P<oday>[0-3]?\d)(?:st|nd|rd|th)\b(?:\s+of\s+(?:this|that|the)\s+month\b)?"
               r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|at|in|when|as|after|before|but|while|the|a|an|he|she|it|"
               r"they|we|i|its|their|his|her)\b)", re.IGNORECASE),
    re.compile(rf"\b(?P<prep>in|during|since|by|until|till|through|throughout|before)\s+(?:early\s+|late\s+|mid-)?{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?P<mprep>in|during|since|by|until|till|through|throughout|before)\s+(?:early\s+|late\s+|mid-)?{_MONTH}(?![\w-])", re.IGNORECASE),
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
    #: How the text places a date it gives no year (or no month): ``last``/``this``/``next``
    #: ("July last year"), ``last_named`` ("last July"), ``day_only`` ("on the 5th");
    #: ``modifier`` for a year that names a thing ("the 2019 attack"), dating that thing alone.
    relation: str | None = None

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
            mention = _special(m, parts)
            if mention is not None:
                if mention.start >= 0:
                    found.append(mention)
                    taken.append((m.start(), m.end()))
                continue
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


def _special(m: "re.Match[str]", parts: dict[str, str | None]) -> DateMention | None:
    """The mentions placed by words around them rather than by a stated year; None for the
    plain patterns. A mention with a negative start is a match to skip ("in may")."""
    month_word = parts.get("month")
    if month_word is not None and (parts.get("rel") or parts.get("lastmonth") or parts.get("mpart")
                                   or parts.get("mmod")) \
            and not month_word[0].isupper():
        return DateMention(-1, -1, None, None, None)
    month = _MONTHS[month_word.lower().rstrip(".")] if month_word else None
    if parts.get("rel"):
        day = int(parts["day"]) if parts.get("day") else None
        return DateMention(m.start(), m.end(), None, month, day, relation=parts["rel"].lower())
    if parts.get("lastmonth"):
        return DateMention(m.start(), m.end(), None, month, None, relation="last_named")
    if parts.get("mpart"):
        return DateMention(m.start("month"), m.end(), None, month, None)
    if parts.get("mmod"):  # names a thing: dates it alone
        return DateMention(m.start("mmod"), m.end("mmod"), None, month, None, relation="modifier")
    if parts.get("myear"):
        return DateMention(m.start("myear"), m.end("myear"), int(parts["myear"]), None, None,
                           relation="modifier")  # names a thing: lends no year to other dates
    if parts.get("part"):
        return DateMention(m.start("year"), m.end(), int(parts["year"] or 0), None, None,
                           explicit_year=True)
    if parts.get("oday"):
        day = int(parts["oday"])
        if not 1 <= day <= 31:
            return DateMention(-1, -1, None, None, None)
        return DateMention(m.start("oday"), m.end(), None, None, day, relation="day_only")
    return None


def _valid(year: int, month: int, day: int | None) -> bool:
    try:
        date(year, month, day or 1)
    except ValueError:
        return False
    return True


class DateIndex:
    """All resolved date mentions of one document, searchable by offset."""

    def __init__(self, text: str, published: str | None, lexicon: Lexicon | None = None) -> None:
        self.text = text
        self.paragraphs = paragraph_spans(text)
        self._para_starts = [start for start, _ in self.paragraphs]
        self.published = _parse_iso(published)
        self._lexicon = lexicon
        lex = lexicon or load_lexicon()
        self._scanned = _scan(text)
        introducers = {m.start: _introducer(text, m.start, lex.date_fillers) for m in self._scanned}
        self._deadlines = frozenset(start for start, words in introducers.items() if _deadline(words, lex))
        # "Since 2003": the start of a long period, no year for a month told elsewhere
        self._since = frozenset(start for start, words in introducers.items() if words[-1:] == ["since"])
        self._pinned = self._weekday_dates(self._scanned) if self.published is None else {}
        self.mentions = self._resolve(self._scanned)
        self._dater: EventDater | None = None

    # -- event dates ----------------------------------------------------------------------------
    def event_date(self, head: Token, event_type: str | None, sent: Span | None = None) -> str | None:
        """The date of the event whose trigger is ``head`` (see :mod:`flashpoint.events.dating`).

        ``sent`` is accepted for the coder's convenience; the sentence is read off ``head``."""
        doc = head.doc
        if text_of(doc) != self.text:
            return None
        if self._dater is None or self._dater.doc is not doc:
            self._dater = self._build_dater(doc)
        return self._dater.date(head, event_type)

    def _build_dater(self, doc: Doc) -> EventDater:
        lexicon = self._lexicon or load_lexicon()
        expressions = [self._placed(doc, m.start, m.end, "absolute", when_of_iso(m.value), None,
                                    lexicon) for m in self.mentions]
        dateline_end = inline_dateline_end(self.text)
        for mention, expression in zip(self.mentions, expressions):
            if mention.relation == "modifier":  # "the 2015 nuclear deal": dates the deal only
                expression.usable, expression.bound = False, "modifier"
            if mention.start < dateline_end:  # "DAMASCUS, April 2, 2024 — ...": the report's date
                expression.usable, expression.bound = False, "dateline"

        taken = [(m.start, m.end) for m in self._scanned]
        for timex in find_expressions(self.text, lexicon, taken):
            expressions.append(self._placed(doc, timex.start, timex.end, timex.kind, None, timex,
                                            lexicon))
        return EventDater(doc, expressions, self.published, lexicon, self.paragraphs)

    def _placed(self, doc: Doc, start: int, end: int, kind: str, value: When | None,
                timex: TimeExpression | None, lexicon: Lexicon) -> Expression:
        """An expression with the word it modifies and whether it is a bound ("since 2014")."""
        span = doc.char_span(start, end, alignment_mode="expand")
        host, prep = _host(span, lexicon.parts_of_day) if span is not None else (None, None)
        if span is not None and host is not None:
            host = _opening_clause(span, _nearest_clause(span, host), lexicon)
            host = _sentence_opening(span, host, lexicon)
            host = _answered_act(span, host, lexicon)
        words = _introducer(self.text, start, lexicon.date_fillers)
        premodifier = host is not None and span is not None and host.pos_ in ("NOUN", "PROPN") \
            and host.i >= span.end
        possessive = self.text[end:end + 2] in ("'s", "\u2019s")  # "by Monday's strike": no deadline
        if premodifier and (possessive or not (words and words[-1] in lexicon.deadlines)):
            # "since the Oct. 7 attack": the date dates the attack (not "until the March 31 deadline")
            words = []
        bound = prep if prep in lexicon.bounds else (words[-1] if words and words[-1] in lexicon.bounds else None)
        usable = kind != "future" and bound is None
        return Expression(start, end, kind, value, timex, host, usable, bound)

    def paragraph_of(self, offset: int) -> int:
        return max(bisect_right(self._para_starts, offset) - 1, 0)

    def _resolve(self, raw: list[DateMention]) -> list[DateMention]:
        resolved: list[DateMention] = []
        for i, mention in enumerate(raw):
            if mention.relation is not None and mention.relation != "modifier":
                placed = self._placed_by_relation(mention, resolved)
                if placed is not None:
                    resolved.append(placed)
                continue
            if mention.year is not None:
                resolved.append(mention)
                continue
            year = self._year_for(mention, raw[:i])
            if year is not None and _valid(year, mention.month or 1, mention.day):
                resolved.append(DateMention(mention.start, mention.end, year, mention.month,
                                            mention.day, mention.weekday))
        return resolved

    def _placed_by_relation(self, mention: DateMention, earlier: list[DateMention]) -> DateMention | None:
        """A date the text places by its words: "July last year", "last July" (the latest July
        before the publication month), "on the 5th" (of the month the paragraph is telling,
        else the latest such day not after publication). None for the future ("July next year")
        and when nothing anchors it."""
        month, day = mention.month, mention.day
        if mention.relation == "day_only":
            year_month = self._paragraph_month(mention, earlier)
            if year_month is None and self.published is not None:
                first = self.published.replace(day=1)
                year_month = (first.year, first.month) if day is not None and day <= self.published.day \
                    else ((first - timedelta(days=1)).year, (first - timedelta(days=1)).month)
            if year_month is None:
                return None
            year, month = year_month
        elif self.published is None or month is None:
            return None
        elif mention.relation == "last_named":
            year = self.published.year if month < self.published.month else self.published.year - 1
        else:
            year = self.published.year + {"last": -1, "this": 0}.get(mention.relation or "", 1)
        if not _valid(year, month, day) or self._after_publication(year, DateMention(0, 0, year, month, day)):
            return None
        return DateMention(mention.start, mention.end, year, month, day, relation=mention.relation)

    def _paragraph_month(self, mention: DateMention, earlier: list[DateMention]) -> tuple[int, int] | None:
        """The year and month of the nearest earlier full date of ``mention``'s paragraph."""
        paragraph = self.paragraph_of(mention.start)
        for previous in reversed(earlier):
            if self.paragraph_of(previous.start) != paragraph:
                return None
            if previous.year is not None and previous.month is not None and previous.day is not None:
                return previous.year, previous.month
        return None

    def _year_for(self, mention: DateMention, earlier: list[DateMention]) -> int | None:
        """The year of a date written without one, by the rules of the module docstring."""
        year = self._paragraph_year(mention, earlier)
        if year is not None:
            return year
        year = self._continued_year(mention, earlier)
        if year is not None:
            return year
        if self.published is not None:
            return self._year_before_publication(mention)
        if mention.start in self._pinned:
            return self._pinned[mention.start].year
        anchor = self._nearest_pinned(mention.start)
        if anchor is not None:
            return _year_near(mention, anchor)
        year = next((p.year for p in reversed(earlier) if self._lends_year(p)
                     and p.start not in self._since), None)
        return year if year is not None and _fits_weekday(year, mention) else None

    def _paragraph_year(self, mention: DateMention, earlier: list[DateMention]) -> int | None:
        paragraph = self.paragraph_of(mention.start)
        for previous in reversed(earlier):
            if self.paragraph_of(previous.start) != paragraph:
                break
            if self._lends_year(previous) and previous.year is not None:
                if self._after_publication(previous.year, mention):
                    continue  # a later date lends no year to a past "March"
                return previous.year if _fits_weekday(previous.year, mention) else None
        return None

    def _continued_year(self, mention: DateMention, earlier: list[DateMention]) -> int | None:
        """The year of the paragraph just before, when it told a past year's month and this
        paragraph goes on to a later month: "... struck a mine near Farsi Island on July 24,
        1987." then "In September, American helicopters attacked ..." is September 1987, not the
        September before a report of 2025. A day ("on April 22") is left to the report's year:
        a brief moves from one crisis to the next by full dates."""
        if self.published is None or mention.month is None or mention.day is not None or not earlier:
            return None
        previous = earlier[-1]
        if self.paragraph_of(previous.start) != self.paragraph_of(mention.start) - 1:
            return None
        if not self._lends_year(previous) or previous.year is None or previous.month is None:
            return None
        if previous.year >= self.published.year - 1 or mention.month <= previous.month:
            return None
        return previous.year if _fits_weekday(previous.year, mention) else None

    def _lends_year(self, mention: DateMention) -> bool:
        """A year the text states for a time of its story, not for a deadline."""
        return mention.explicit_year and mention.start not in self._deadlines

    def _weekday_dates(self, raw: list[DateMention]) -> dict[int, date]:
        """The dates that weekdays pin down in a document with no publication date, by start
        offset: "On Sunday, June 27th" in a text that speaks of 2020 and 2021 is 2021-06-27."""
        years = sorted({m.year for m in raw if self._lends_year(m) and m.year is not None})
        if not years:
            return {}  # nothing says which era the text is about
        pinned: dict[int, date] = {}
        for mention in raw:
            if mention.year is None and mention.weekday is not None and mention.month and mention.day:
                year = _weekday_year(mention.month, mention.day, mention.weekday, years)
                if year is not None:
                    pinned[mention.start] = date(year, mention.month, mention.day)
        return pinned

    def _nearest_pinned(self, offset: int) -> date | None:
        """The weekday-pinned date told nearest ``offset``: the time the text is about there."""
        if not self._pinned:
            return None
        return self._pinned[min(self._pinned, key=lambda start: abs(start - offset))]

    def _after_publication(self, year: int, mention: DateMention) -> bool:
        if self.published is None or not _valid(year, mention.month or 1, mention.day):
            return False
        return date(year, mention.month or 1, mention.day or 1) > self.published

    def _year_before_publication(self, mention: DateMention) -> int | None:
        """The year of a date written without one: the nearest fitting date within the year
        before publication or a few days after it (an updated report, or a publication date
        read off an early dateline). A weekday that fits none means the year is unknown: no
        year is searched for further back, because "Monday, June 24" fits some year, and that
        year is wrong."""
        assert self.published is not None
        month, day = mention.month or 1, mention.day
        candidates = [
            date(year, month, day or 1)
            for year in (self.published.year, self.published.year - 1)
            if _valid(year, month, day)
        ]
        grace = self.published + timedelta(days=_AFTER_PUBLICATION_DAYS)
        eligible = [c for c in candidates if c <= grace]
        for when in sorted(eligible, key=lambda c: abs((c - self.published).days)):
            if _fits_weekday(when.year, mention):
                return when.year
        return None


def _weekday_year(month: int, day: int, weekday: int, years: list[int]) -> int | None:
    """The year nearest the document's ``years`` (sorted) in which ``month``/``day`` falls on
    ``weekday``: None when no such year lies within ``_WEEKDAY_YEAR_GAP`` of one of them, or when
    two lie equally near (a wrong year is worse than none)."""
    scored = []
    for year in range(years[0] - _WEEKDAY_YEAR_GAP, years[-1] + _WEEKDAY_YEAR_GAP + 1):
        if not _valid(year, month, day) or date(year, month, day).weekday() != weekday:
            continue
        distance = min(abs(year - y) for y in years)
        if distance <= _WEEKDAY_YEAR_GAP:
            scored.append((distance, year))
    scored.sort()
    if not scored or len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    return scored[0][1]


def _fits_weekday(year: int, mention: DateMention) -> bool:
    """Whether ``year`` puts the mention on the weekday the text gives it (if it gives one)."""
    if mention.weekday is None or mention.day is None or mention.month is None:
        return True
    return _valid(year, mention.month, mention.day) and \
        date(year, mention.month, mention.day).weekday() == mention.weekday


def _year_near(mention: DateMention, anchor: date) -> int | None:
    """The year that puts a yearless date nearest ``anchor`` (a year either side at most),
    its weekday checked when it has one: "June 28th" told beside Sunday, June 27, 2021."""
    month, day = mention.month or 1, mention.day
    candidates = [date(year, month, day or 1) for year in (anchor.year - 1, anchor.year, anchor.year + 1)
                  if _valid(year, month, day)]
    for when in sorted(candidates, key=lambda c: abs((c - anchor).days)):
        if _fits_weekday(when.year, mention):
            return when.year
    return None


def _introducer(text: str, start: int, fillers: frozenset[str]) -> list[str]:
    """The words before the date at ``start``, lower-cased, less the fillers that may stand
    between a preposition and its date ("until the end of March" -> [..., "until"])."""
    words = re.findall(r"[A-Za-z]+", text[max(0, start - 40):start].lower())
    while words and words[-1] in fillers:
        words.pop()
    return words


def _deadline(words: list[str], lexicon: Lexicon) -> bool:
    """Whether the date these words lead up to is a deadline or an end date ("until March 31,
    2022"), not a relation ("two days before June 27")."""
    if not words or words[-1] not in lexicon.deadlines:
        return False
    return not (words[-1] == "before" and len(words) > 1 and lexicon.unit(words[-2]) is not None)


def _host(span: Span, parts_of_day: frozenset[str] = frozenset()) -> tuple[Token | None, str | None]:
    """The word a time expression modifies, climbing over its own words, prepositions,
    "early"/"late" and the part of the day it names ("before dawn on Friday": the storming, and
    "before" is no deadline, for the first preposition met is "on"); and that first preposition
    ("on", "since", "until")."""
    node = span.root
    prep: str | None = None
    for _ in range(12):
        parent = node.head
        if parent.i == node.i:
            return None, prep
        if span.start <= parent.i < span.end:
            node = parent
            continue
        if parent.pos_ == "ADP" or parent.dep_ in ("prep", "agent"):
            prep = prep or parent.lower_
            node = parent
            continue
        if parent.lower_ in ("early", "late", "mid", "earlier", "later") and parent.pos_ in ("ADV", "ADJ"):
            node = parent
            continue
        if parent.lower_ in parts_of_day and parent.pos_ == "NOUN" and prep is not None:
            node = parent
            continue
        return parent, prep
    return node, prep


_FINITE = {"VBD", "VBZ", "VBP"}
_TIME_ADVERBS = {"later", "earlier", "early", "late", "then", "again"}
_SUBCLAUSES = {"relcl", "ccomp", "advcl", "conj", "parataxis"}


def _nearest_clause(span: Span, host: Token) -> Token:
    """Correct a long attachment: a time expression placed after a finite verb of another
    clause ("... to protest the airstrikes that killed fighters over the weekend") belongs to
    that verb, whatever the parser says about "fighters"."""
    clause = host
    for _ in range(40):
        if clause.head.i == clause.i or (clause.pos_ in ("VERB", "AUX") and clause.dep_ in _SUBCLAUSES):
            break
        clause = clause.head
    if clause.i >= span.start:
        return host
    doc = span.doc
    opening = span.start - 1
    while opening > clause.i and doc[opening].pos_ == "ADP":
        opening -= 1
    for i in range(span.start - 1, clause.i, -1):
        token = doc[i]
        if token.pos_ == "VERB" and (token.dep_ in _SUBCLAUSES or token.dep_ == "acl") and (
            token.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") for c in token.children)
        ):
            if _closed_aside(token, doc[opening]) or _later_noun(host, token):
                return host
            return token
    return host


def _later_noun(host: Token, clause: Token) -> bool:
    """A noun the parser hangs the time on that opens a phrase of its own after the clause
    ended ("the announcement on Jan. 30 that it was suspending operations, the American
    strikes on Feb. 2"): the time is that noun's. A noun that runs on from the clause without a
    comma or "and" ("that killed Kata'ib Hezbollah fighters over the weekend") is the clause's
    object whatever the parser says, and the time is the clause's."""
    if host.pos_ not in ("NOUN", "PROPN") or host.i <= clause.right_edge.i:
        return False
    between = host.doc[clause.right_edge.i + 1:host.left_edge.i]
    return any(t.is_punct or t.pos_ == "CCONJ" for t in between)


def _closed_aside(clause: Token, before: Token) -> bool:
    """A clause set off by commas on both sides ("struck the garrison, where troops train
    fighters, on Wednesday"): the time after its closing comma is the sentence's again. (A
    restrictive clause, "the attack that killed three soldiers at Tower 22, an outpost in
    Jordan, on Jan. 28", keeps the time its commas enclose an apposition of.)"""
    start = clause.left_edge.i
    return before.text == "," and start > 0 and clause.doc[start - 1].text == ","


def _opening_clause(span: Span, host: Token, lexicon: Lexicon) -> Token:
    """Correct an attachment across "and": a time expression that opens a coordinated clause
    ("rockets struck the base, and hours later on July 6th the sirens were triggered at the
    embassy") belongs to that clause's verb, though the parser hangs it on the first."""
    doc = span.doc
    i = span.start - 1
    while i > span.sent.start and _time_word(doc[i], lexicon):
        i -= 1
    if i < 0 or doc[i].pos_ != "CCONJ":
        return host
    if host.pos_ in ("NOUN", "PROPN") and host.i >= span.end:
        return host  # "and the Feb. 7 drone strike that killed ...": the date names the strike
    for token in doc[span.end : min(span.end + 8, span.sent.end)]:
        if token.dep_ in ("nsubj", "nsubjpass"):
            verb = token.head
            return verb if verb.pos_ in ("VERB", "AUX") and verb.i >= span.end and verb.i != host.i else host
        if token.pos_ in ("VERB", "AUX"):
            return host  # "and on Monday attacked ...": no clause of its own opens here
    return host


def _sentence_opening(span: Span, host: Token, lexicon: Lexicon) -> Token:
    """A date that opens the sentence before a comma sets the time of the clause it introduces,
    even where the parser hangs it in a subordinate clause that follows ("In February 2019,
    after a bombing killed 40 police on Feb. 14, Indian jets struck Balakot": the parser makes
    "In February 2019" part of the "after" clause, whose head is "struck")."""
    doc = span.doc
    if not all(_time_word(doc[i], lexicon) for i in range(span.sent.start, span.start)):
        return host
    if span.end >= span.sent.end or doc[span.end].text != ",":
        return host
    marked = any(c.dep_ == "mark" and c.i > span.end for c in host.children)
    return host.head if marked and host.head.i != host.i else host


def _answered_act(span: Span, host: Token, lexicon: Lexicon) -> Token:
    """Correct an attachment past "a response to X": a time right after the act answered
    ("called the operation a response to Iran's barrage of missiles at Israel on Oct. 1")
    dates that act, though the parser hangs it on the verb before or on "response"."""
    if host.i >= span.start:
        return host
    if host.pos_ in ("VERB", "AUX"):
        nouns = [t for t in host.doc[host.i + 1 : span.start] if t.lemma_.lower() in lexicon.background_nouns]
    else:
        nouns = [host] if host.lemma_.lower() in lexicon.background_nouns else []
    for noun in nouns:
        answered = [c for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in ("to", "for")
                    for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
        if answered and answered[0].right_edge.i + 2 >= span.start:
            return answered[0]
    return host


def _time_word(token: Token, lexicon: Lexicon) -> bool:
    """A word of a time phrase before a date: "on", "hours later", "early", "the"."""
    return (token.pos_ in ("ADP", "DET", "NUM") or token.lower_ in _TIME_ADVERBS
            or lexicon.unit(token.lower_) is not None or token.ent_type_ in ("DATE", "TIME"))


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
