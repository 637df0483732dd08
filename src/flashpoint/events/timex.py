"""Time expressions other than calendar dates: weekdays, relative and vague references.

:class:`~flashpoint.events.dates.DateIndex` finds calendar dates ("June 27th", "In January 2020");
this module finds the rest, by pattern over the cleaned text, with the word lists of
``data/time_expressions.yaml``:

* weekdays ("on Sunday", "early on Friday", "Thursday night", "last Sunday");
* phrases placed relative to the episode being told ("the next day", "two days earlier",
  "hours later", "48 hours later", "the night before", "the following week"), resolved later
  against an anchor date;
* phrases placed relative to the publication date ("yesterday", "last night", "overnight",
  "last week", "this past weekend", "earlier this month", "three years ago", "days ago");
* future phrases ("next week", "in 30 days"), found only so that nothing else claims them.

Each is a :class:`TimeExpression`; which event it dates is decided on the parse
(:mod:`flashpoint.events.dating`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from flashpoint.errors import ModelError
from flashpoint.events.ontology import read_data_file

__all__ = ["Lexicon", "TimeExpression", "Unit", "load_lexicon", "find_expressions"]


@dataclass(frozen=True)
class Unit:
    """A duration unit: its length in days and the precision a date shifted by it keeps."""

    days: int
    precision: str
    vague_precision: str
    per_day: int = 0  # hours, minutes: how many make a day ("48 hours later": two days)
    single_precision: str | None = None  # "a year ago": the month a year back, not the whole year

    def days_in(self, count: int) -> int:
        """The whole days ``count`` of this unit span: "two weeks" 14, "36 hours" 1."""
        return count // self.per_day if self.per_day else count * self.days

    def precision_of(self, count: int) -> str:
        """The precision a date shifted by ``count`` of this unit keeps: "a week after" is
        seven days, "two weeks after" only the month; "a year ago" is that month."""
        return self.single_precision if count == 1 and self.single_precision else self.precision


@dataclass(frozen=True, eq=False)  # hashed by identity: one loaded lexicon, one set of patterns
class Lexicon:
    """The word lists of ``time_expressions.yaml``, lower-cased."""

    weekdays: tuple[str, ...]
    numbers: dict[str, int]
    units: dict[str, Unit]
    vague_counts: frozenset[str]
    anchored: dict[str, int]
    anchored_periods: dict[str, str]
    anchored_shifts: dict[str, tuple[int, str]]
    published_days: dict[str, int]
    published_periods: dict[str, str]
    future: tuple[str, ...]
    bounds: frozenset[str]
    deadlines: frozenset[str]
    date_fillers: frozenset[str]
    background_preps: frozenset[str]
    background_nouns: frozenset[str]
    causal_verbs: frozenset[str]
    reprisal_verbs: frozenset[str]
    accusation_verbs: frozenset[str]
    blame_complement_verbs: frozenset[str]
    blame_words: frozenset[str]
    shift_words: frozenset[str]
    moves_on: frozenset[str]
    unrealised_auxiliaries: frozenset[str]
    continuation_words: frozenset[str]
    statement_types: frozenset[str]
    say_verbs: frozenset[str]
    pronouns: frozenset[str]
    habitual: frozenset[str]
    series_nouns: frozenset[str]
    parts_of_day: frozenset[str] = frozenset()
    opening_verbs: frozenset[str] = frozenset()
    story_nights: frozenset[str] = frozenset()
    #: Act nouns that name one another's act ("the Nov. 13 bombing" ... "the day after the
    #: blast"), by lemma.
    act_synonyms: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Generic act nouns and the words of the acts they may retell ("that attack" after
    #: "bombers blew themselves up"), one way: "the bombing" does not retell any attack.
    act_hypernyms: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Weapons and act nouns that, as the definite subject of a verb, retell the act told
    #: before with them ("The drone slammed into a dining hall"), and so date it.
    retelling_subjects: frozenset[str] = frozenset()
    #: Words that make a count approximate ("more than a week after").
    hedges: tuple[str, ...] = ()
    #: Verbs of a claim of responsibility ("claimed the bombing").
    claim_verbs: frozenset[str] = frozenset()

    def names_of_act(self, lemma: str) -> frozenset[str]:
        """The lemma and the act nouns that may name the same act."""
        return self.act_synonyms.get(lemma, frozenset()) | {lemma}

    def words_retold_by(self, lemma: str) -> frozenset[str]:
        """The words of the acts a definite act noun may retell: its other names, and for a
        generic noun ("the attack") the words of any act of its kind."""
        return self.names_of_act(lemma) | self.act_hypernyms.get(lemma, frozenset())

    def unit(self, word: str) -> Unit | None:
        """The unit a (possibly plural) noun names: "days" -> day."""
        word = word.lower()
        return self.units.get(word) or self.units.get(word[:-1] if word.endswith("s") else word)

    def hedged(self, before: str, unit: Unit) -> bool:
        """Whether the text right before a count of weeks or longer makes it approximate
        ("more than | a week"). "Less than a day later" is still the next day."""
        if unit.days < 7:
            return False
        words = before.lower().split()
        return any(words[-len(h.split()):] == h.split() for h in self.hedges)

    def shift_precision(self, unit: Unit, count: int, before: str) -> str:
        """The precision a date shifted by ``count`` of ``unit`` keeps, ``before`` being the
        text right before the count: "a week after" a day, "more than a week after" a month."""
        return unit.vague_precision if self.hedged(before, unit) else unit.precision_of(count)

    def count(self, word: str) -> int | None:
        """A count word or numeral as an int; None for vague counts and anything else."""
        word = word.lower()
        if word.isdigit():
            return int(word)
        return self.numbers.get(word)


@dataclass(frozen=True)
class TimeExpression:
    """A non-calendar time expression at ``[start, end)`` of the text.

    ``kind`` is ``weekday`` (``weekday`` 0-6, ``last`` for "last Sunday"), ``anchored`` (``days``
    from the episode's date), ``published`` (``days`` from publication), ``period`` (``period``
    relative to publication) or ``future``. ``precision`` is what the shifted date keeps.
    """

    start: int
    end: int
    kind: str
    weekday: int | None = None
    last: bool = False
    days: int = 0
    precision: str = "day"
    period: str | None = None


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


def _synonyms(groups: Any) -> dict[str, frozenset[str]]:
    """Each word of each group, mapped to its whole group."""
    found: dict[str, frozenset[str]] = {}
    for group in groups or ():
        words = _words(group)
        for word in words:
            found[word] = found.get(word, frozenset()) | words
    return found


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Read the lexicon once per process (``path`` overrides the packaged file, for tests)."""
    spec = read_data_file("time_expressions.yaml", path)
    try:
        units = {
            str(name): Unit(int(u["days"]), str(u["precision"]), str(u["vague_precision"]),
                            int(u.get("per_day", 0)), u.get("single_precision"))
            for name, u in spec["units"].items()
        }
        return Lexicon(
            weekdays=tuple(str(w).lower() for w in spec["weekdays"]),
            numbers={str(k).lower(): int(v) for k, v in spec["numbers"].items()},
            units=units,
            vague_counts=_words(spec["vague_counts"]),
            anchored={str(k).lower(): int(v) for k, v in spec["anchored"].items()},
            anchored_periods={str(k).lower(): str(v) for k, v in spec["anchored_periods"].items()},
            anchored_shifts={str(k).lower(): (int(v["days"]), str(v["precision"]))
                             for k, v in (spec.get("anchored_shifts") or {}).items()},
            published_days={str(k).lower(): int(v) for k, v in spec["published_days"].items()},
            published_periods={str(k).lower(): str(v) for k, v in spec["published_periods"].items()},
            future=tuple(str(f).lower() for f in spec["future"]),
            bounds=_words(spec["bounds"]),
            deadlines=_words(spec["deadlines"]),
            date_fillers=_words(spec["date_fillers"]),
            background_preps=_words(spec["background_preps"]),
            background_nouns=_words(spec["background_nouns"]),
            causal_verbs=_words(spec["causal_verbs"]),
            reprisal_verbs=_words(spec["reprisal_verbs"]),
            accusation_verbs=_words(spec["accusation_verbs"]),
            blame_complement_verbs=_words(spec["blame_complement_verbs"]),
            blame_words=_words(spec["blame_words"]),
            shift_words=_words(spec["shift_words"]),
            moves_on=_words(spec["moves_on"]),
            unrealised_auxiliaries=_words(spec["unrealised_auxiliaries"]),
            continuation_words=_words(spec["continuation_words"]),
            statement_types=frozenset(str(t).upper() for t in spec["statement_types"]),
            say_verbs=_words(spec["say_verbs"]),
            pronouns=_words(spec["pronouns"]),
            habitual=_words(spec["habitual"]),
            series_nouns=_words(spec.get("series_nouns")),
            story_nights=_words(spec.get("story_nights")),
            parts_of_day=_words(spec.get("parts_of_day")),
            opening_verbs=_words(spec.get("opening_verbs")),
            act_synonyms=_synonyms(spec.get("act_synonyms")),
            act_hypernyms={str(k).lower(): _words(v) for k, v in (spec.get("act_hypernyms") or {}).items()},
            retelling_subjects=_words(spec.get("retelling_subjects")),
            claim_verbs=_words(spec.get("claim_verbs")),
            hedges=tuple(str(h).lower() for h in spec.get("hedges") or ()),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ModelError(f"time_expressions.yaml is malformed: {exc}") from exc


def _alternation(phrases: Any) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    ordered = sorted({str(p) for p in phrases}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)


@dataclass(frozen=True)
class _Patterns:
    weekday: re.Pattern[str]
    counted: re.Pattern[str]
    ago: re.Pattern[str]
    phrase: re.Pattern[str]
    future_in: re.Pattern[str]


@lru_cache(maxsize=4)
def _patterns(lexicon: Lexicon) -> _Patterns:
    days = "|".join(lexicon.weekdays)
    counts = _alternation([*lexicon.numbers, *lexicon.vague_counts]) + r"|\d{1,3}"
    units = "|".join(f"{u}s?" for u in lexicon.units)
    phrases = {**{p: "anchored" for p in [*lexicon.anchored, *lexicon.anchored_periods,
                                          *lexicon.anchored_shifts]},
               **{p: "published" for p in lexicon.published_days},
               **{p: "period" for p in lexicon.published_periods},
               **{p: "future" for p in lexicon.future}}
    return _Patterns(
        weekday=re.compile(
            rf"\b(?P<last>last\s+)?(?P<day>{days})\b(?:\s+(?:morning|afternoon|evening|night))?",
            re.IGNORECASE),
        counted=re.compile(
            rf"\b(?:(?P<count>{counts})\s+)?(?P<unit>{units})\s+(?P<dir>later|earlier|afterwards?)\b",
            re.IGNORECASE),
        ago=re.compile(rf"\b(?:(?P<count>{counts})\s+)?(?P<unit>{units})\s+ago\b", re.IGNORECASE),
        phrase=re.compile(rf"\b(?P<phrase>{_alternation(phrases)})\b", re.IGNORECASE),
        future_in=re.compile(rf"\bin\s+(?:{counts})\s+(?:{units})\b(?!\s+ago)", re.IGNORECASE),
    )


def find_expressions(text: str, lexicon: Lexicon, taken: list[tuple[int, int]]) -> list[TimeExpression]:
    """Every non-calendar time expression of ``text`` outside the ``taken`` spans, in order."""
    patterns = _patterns(lexicon)
    spans = list(taken)
    found: list[TimeExpression] = []

    def add(match: re.Match[str], expression: TimeExpression) -> None:
        if any(match.start() < end and start < match.end() for start, end in spans):
            return
        spans.append((match.start(), match.end()))
        found.append(expression)

    for match in patterns.future_in.finditer(text):
        add(match, TimeExpression(match.start(), match.end(), "future"))
    for match in patterns.counted.finditer(text):  # before phrases: "48 hours later", not "hours later"
        expression = _counted(match, lexicon, sign=1 if match.group("dir").lower() != "earlier" else -1,
                              kind="anchored")
        if expression is not None:
            add(match, expression)
    for match in patterns.phrase.finditer(text):
        phrase = " ".join(match.group("phrase").lower().split())
        add(match, _phrase_expression(match, phrase, lexicon))
    for match in patterns.ago.finditer(text):
        expression = _counted(match, lexicon, sign=-1, kind="published")
        if expression is not None:
            add(match, expression)
    for match in patterns.weekday.finditer(text):
        if not match.group("day")[0].isupper():
            continue
        add(match, TimeExpression(match.start(), match.end(), "weekday",
                                  weekday=lexicon.weekdays.index(match.group("day").lower()),
                                  last=bool(match.group("last"))))
    return sorted(found, key=lambda e: e.start)


def _phrase_expression(match: re.Match[str], phrase: str, lexicon: Lexicon) -> TimeExpression:
    start, end = match.start(), match.end()
    if phrase in lexicon.anchored:
        return TimeExpression(start, end, "anchored", days=lexicon.anchored[phrase])
    if phrase in lexicon.anchored_periods:
        return TimeExpression(start, end, "anchored", precision=lexicon.anchored_periods[phrase])
    if phrase in lexicon.anchored_shifts:
        days, precision = lexicon.anchored_shifts[phrase]
        return TimeExpression(start, end, "anchored", days=days, precision=precision)
    if phrase in lexicon.published_days:
        return TimeExpression(start, end, "published", days=lexicon.published_days[phrase])
    if phrase in lexicon.published_periods:
        return TimeExpression(start, end, "period", period=lexicon.published_periods[phrase])
    return TimeExpression(start, end, "future")


def _counted(match: re.Match[str], lexicon: Lexicon, sign: int, kind: str) -> TimeExpression | None:
    """ "two days later" (anchored, +2), "a day earlier" (-1), "days later" (vague: month).
    A vague count of years ("years ago", "several years later") places nothing: one year
    off is as likely as five."""
    unit = lexicon.unit(match.group("unit"))
    if unit is None:
        return None
    raw = match.group("count")
    count = lexicon.count(raw) if raw else None
    if count is None:
        if unit.days == 0:  # "hours later": the same day
            return TimeExpression(match.start(), match.end(), kind, days=0, precision="day")
        if unit.vague_precision == "year":
            return None
        return TimeExpression(match.start(), match.end(), kind, days=sign * unit.days,
                              precision=unit.vague_precision)
    return TimeExpression(match.start(), match.end(), kind, days=sign * unit.days_in(count),
                          precision=lexicon.shift_precision(unit, count, match.string[:match.start()]))
