"""Which date an event gets: time expressions attached to its trigger in the parse, else the
episode the text is telling, else (for statements) the report's own date.

The parse is cut into *units*: a clause (a verb heading a clause of its own) and, inside it,
*islands* that put an act in the background ("two days after an American drone strike killed
...", "in retaliation for the attack", "accused Israel of sabotaging ..."). A time expression
dates the acts of its own unit; an act without one borrows the date of the unit above it, except
across an island, where the date above is not the act's own. Across an "after"/"before" island
with a duration ("two days after", "a day before", "hours after") the act's date is the one
above shifted by that duration.

An act the sentence leaves undated inherits the date of the *episode*: the date the last dated
sentence gave its main act, as long as nothing in between says that time has moved on ("again",
"previously", a long paragraph ending). Statements and reactions left undated ("condemned the
strikes", "said it would respond") are dated by the report: the publication date, or the
episode's date when the report was written two or more days after it. A speaker who goes on
("He said ...", "Mr. Austin said ...") keeps the date of his dated statement.

A definite act ("the strikes", "the killing") names one told before: inside reported speech it is
the episode's ("No one was hurt in the attack, a spokesman said on Saturday"), and where the
episode has lapsed it takes the date of the nearest earlier mention of the same word. A "when"
clause describing a time ("since November, when they seized the ship") happened at that time. A
relative clause describing someone ("The Taliban, who seized Kabul on Aug. 15, ...") tells no
episode.

Nothing here guesses: with no anchor, no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from spacy.tokens import Doc, Span, Token

from flashpoint.events.timex import Lexicon, TimeExpression

__all__ = ["When", "EventDater", "Expression"]

#: Prepositions that introduce a date ("on April 1", "in January"), skipped when looking at
#: what a date follows.
_DATE_PREPOSITIONS = frozenset({"on", "in", "at", "during"})

# Prepositions that put an act before the one they hang from.
_SEQUENCE_WORDS = frozenset({"after", "following", "since"})

_PRECISION = {"day": 3, "month": 2, "year": 1}
_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "parataxis", "pcomp", "csubj"}
_DEFINITE = {"the", "this", "that", "these", "those"}
_SUBJECTS = {"nsubj", "nsubjpass"}
_TIME_HEADS = {"early", "late", "mid", "earlier", "later"}
#: How recent an episode must be for a background piece's weekdays to count from the report.
_REPORT_REACH_DAYS = 14
#: How many sentences back an anchored expression ("hours later") may find the date it counts from.
_ANCHOR_REACH = 3
_COMPLEMENT_DEPS = {"prep", "dobj", "attr", "oprd", "acomp"}


@dataclass(frozen=True)
class When:
    """A date known to ``precision`` (``day``, ``month`` or ``year``)."""

    day: date
    precision: str

    @property
    def iso(self) -> str:
        if self.precision == "year":
            return f"{self.day.year:04d}"
        if self.precision == "month":
            return f"{self.day.year:04d}-{self.day.month:02d}"
        return self.day.isoformat()

    def shifted(self, days: int, precision: str = "day") -> "When":
        """This date moved by ``days``, no more precise than either date or shift."""
        coarser = min(self.precision, precision, key=_PRECISION.__getitem__)
        start = self.day if days <= -7 else self._middle()
        return When(start + timedelta(days=days), coarser)

    def _middle(self) -> date:
        """A month or a year counts from its middle: "a month later" than May is June, "two
        days before" an act in May is in May. Weeks or more before it count from its start
        ("weeks before November" is October)."""
        if self.precision == "month":
            return self.day.replace(day=15)
        if self.precision == "year":
            return self.day.replace(month=7, day=1)
        return self.day

    def coarsened(self, precision: str) -> "When":
        return When(self.day, min(self.precision, precision, key=_PRECISION.__getitem__))


def when_of_iso(value: str | None) -> When | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    precision = {1: "year", 2: "month", 3: "day"}[len(parts)]
    parts += [1] * (3 - len(parts))
    return When(date(parts[0], parts[1], parts[2]), precision)


def span_when(start: date, end: date) -> When | None:
    """The day, or the month, of a short period ("this week", "over the weekend"); None for one
    that spans a New Year.

    A week that straddles two months is dated by the month that holds most of its days (the
    later one on a tie): a reader places "this week" of Saturday, April 4 in April, and a year,
    the only date that covers both ends, says almost nothing about when it happened."""
    if start == end:
        return When(start, "day")
    if (start.year, start.month) == (end.year, end.month):
        return When(end, "month")
    if start.year != end.year:
        return None  # the days around New Year: either month is as likely a guess as wrong
    first_of_end = end.replace(day=1)
    days_in_end = (end - first_of_end).days + 1
    days_before = (first_of_end - start).days
    return When(end if days_in_end >= days_before else start, "month")


@dataclass
class Expression:
    """A time expression placed in the parse.

    ``host`` is the word it modifies; ``unit`` the clause/island it dates; ``usable`` is False for
    bounds and deadlines ("since 2014", "until March 31, 2022") and future phrases.
    """

    start: int
    end: int
    kind: str  # absolute | weekday | anchored | published | period | future
    value: When | None  # for absolute expressions (year already resolved)
    timex: TimeExpression | None
    host: Token | None
    usable: bool
    bound: str | None = None


@dataclass
class _Sentence:
    span: Span
    expressions: list[Expression] = field(default_factory=list)
    chain_before: When | None = None
    chain_after: When | None = None
    root_date: When | None = None
    speaker: str | None = None
    last_date: When | None = None  # the last date the sentence names, whatever it dates
    accused_lead: bool = False  # its episode date is that of the act it accuses someone of
    stated: When | None = None  # the date of its statement, where its episode is the act reported


class EventDater:
    """Dates the events of one parsed document (built once per document, lazily)."""

    def __init__(self, doc: Doc, expressions: list[Expression], published: date | None,
                 lexicon: Lexicon, paragraphs: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.published = published
        self.lex = lexicon
        self.sentences: list[_Sentence] = [_Sentence(s) for s in doc.sents]
        self._sentence_at: dict[int, int] = {}
        for index, sentence in enumerate(self.sentences):
            for token in sentence.span:
                self._sentence_at[token.i] = index
        for expression in expressions:
            if expression.host is not None:
                index = self._sentence_at.get(expression.host.i)
            else:
                index = self._index_of_char(expression.start)
            if index is not None:
                self.sentences[index].expressions.append(expression)
        for sentence in self.sentences:
            self._rehome_trailing(sentence)
        self._paragraphs = paragraphs
        self.news = True  # weekdays count from publication while the lead is being found
        self.news = self._report_of_the_day()
        self._chain()

    # -- public -------------------------------------------------------------------------------
    def date(self, head: Token, event_type: str | None) -> str | None:
        when = self._event(head, event_type)
        return when.iso if when is not None else None

    # -- the episode chain ------------------------------------------------------------------------
    def _index_of_char(self, offset: int) -> int | None:
        for index, sentence in enumerate(self.sentences):
            if sentence.span.start_char <= offset < sentence.span.end_char:
                return index
        return None

    def _paragraph_of(self, offset: int) -> int:
        for index, (start, end) in enumerate(self._paragraphs):
            if start <= offset <= end:
                return index
        return len(self._paragraphs)

    def _report_of_the_day(self) -> bool:
        """A news report of the day: its lead episode is at most a week before publication.
        Only there do undated statements take the publication date; a policy brief or a
        background piece quotes statements from any time."""
        if self.published is None:
            return False
        for sentence in self.sentences:
            if _heading(sentence.span):
                continue
            main = self._main_expression(sentence) or self._stated_expression(sentence)
            lead = self._resolve(main, sentence) if main is not None else None
            if lead is not None:
                return 0 <= (self.published - lead.day).days <= 7
        return True

    def _stated_expression(self, sentence: _Sentence) -> Expression | None:
        """The date of a statement that leads a report ("Trudeau on Tuesday condemned ..."),
        which dates no episode but says the report is of the day."""
        return next((e for e in sentence.expressions
                     if e.usable and e.kind != "future" and e.host is not None
                     and self._accuses(_clause(e.host)) and _clause(e.host).dep_ == "ROOT"), None)

    def _chain(self) -> None:
        """The episode date before and after each sentence, and each sentence's main date."""
        chain: When | None = None
        before_flashback: list[When | None] = []  # the story's date while a paragraph looks back
        paragraph, in_paragraph = -1, 0
        for index, sentence in enumerate(self.sentences):
            current = self._paragraph_of(sentence.span.start_char)
            if current != paragraph:
                if before_flashback:
                    chain = before_flashback.pop()  # the look-back is over: back to the story
                elif in_paragraph >= 4:
                    # a long paragraph ended (an essay's, not a wire story's of two or three
                    # sentences): the next one may tell another story
                    chain = None
                paragraph, in_paragraph = current, 0
            in_paragraph += 1
            sentence.chain_before = chain
            main = self._main_expression(sentence)
            if main is None:
                main = self._accused_act_expression(sentence)
                sentence.accused_lead = main is not None
            if main is None and chain is None and self._lead(index):
                main = self._victim_of_the_day(sentence)
                if main is not None:
                    sentence.chain_before = self._resolve(main, sentence)  # its own acts too
            past_perfect = _past_perfect(sentence.span.root)
            if _heading(sentence.span):
                chain = None  # a dateline or a heading: dates events through the report, not the chain
            elif main is not None and past_perfect and in_paragraph == 1 and (
                    opening := self._dated_clause(main, sentence)) is not None \
                    and opening.start < sentence.span.root.idx:
                # a paragraph that opens by looking back to a date of its own, set before its
                # verb ("Earlier in the week, late on Aug. 29, a ship had taken ..."), tells that
                # episode to its end; one dated at its end ("The four had been abducted ... on
                # Oct. 7.") is background, and the story goes on
                before_flashback.append(chain)
                chain = self._resolve(opening, sentence) or chain
            elif main is not None and not past_perfect:
                # a flashback ("had announced") is no episode; "this week" across a month end
                # cannot be pinned down, but does not move the story either
                said = self._resolve(main, sentence)
                reported = self._reported_act(main, said, sentence)
                if reported is not None:
                    sentence.stated = said
                chain = reported or said or chain
            elif main is None and (framed := self._framing_act(sentence, index)) is not None:
                chain = sentence.chain_before = framed  # its own events too
            elif self._moves_on(sentence):
                chain = None
            sentence.chain_after = chain
            sentence.root_date, sentence.speaker = self._statement_of(index)
            sentence.last_date = self._last_named(sentence)

    def _lead(self, index: int) -> bool:
        """Whether sentence ``index`` is the report's first below its dateline and headings."""
        return all(_heading(earlier.span) for earlier in self.sentences[:index])

    def _victim_of_the_day(self, sentence: _Sentence) -> Expression | None:
        """ "Iran has vowed to avenge Col. Khodaei, the officer who was shot dead on Sunday",
        "U.S. aircraft pounded a column of fighters that had attacked an outpost on Feb. 7": a
        lead whose only date is on what was done to someone it names, or on what they had just
        done, tells of that act, when the act is of the report's fortnight. A relative clause of
        someone's past ("who was jailed in 2009") or of what someone did ("The Taliban, who
        seized Kabul on Aug. 15, condemned ...") tells none."""
        for expression in sentence.expressions:
            if not expression.usable or expression.host is None or expression.kind == "future":
                continue
            clause = _clause(expression.host)
            if clause.dep_ != "relcl" or not any(
                    c.dep_ == "nsubjpass" and c.tag_ == "WP"
                    or c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") and _past_perfect(clause)
                    for c in clause.children):
                continue
            when = self._resolve(expression, sentence)
            if when is not None and when.precision == "day" and self.published is not None \
                    and 0 <= (self.published - when.day).days <= _REPORT_REACH_DAYS:
                return expression
        return None

    def _reported_act(self, main: Expression, said: When | None, sentence: _Sentence) -> When | None:
        """ "Hezbollah confirmed on Saturday that its leader had been killed ... the previous
        evening": a statement dated by the sentence (``main``, resolved to ``said``) whose
        reported act carries an earlier date of its own. The episode the report goes on to tell
        is the act's, not the statement's."""
        assert main.host is not None
        verb = _clause(main.host)
        if verb.lemma_.lower() not in self.lex.say_verbs or said is None or said.precision != "day":
            return None
        for expression in sentence.expressions:
            host = expression.host
            if expression is main or not expression.usable or expression.kind == "future" or host is None:
                continue
            top = next((a for a in (host, *host.ancestors) if a.head.i == verb.i), None)
            if top is None or top.dep_ != "ccomp" or self._island(host) is not None:
                continue
            act = self._resolve(expression, sentence)
            if act is not None and act.precision == "day" and 0 < (said.day - act.day).days <= _RETELLING_DAYS:
                return act
        return None

    def _framing_act(self, sentence: _Sentence, index: int) -> When | None:
        """ "In that attack, one assailant blew himself up ...": a sentence set inside an act
        told before, by a definite noun, tells of that act's time (and so do the sentences
        after it, until another date)."""
        first = next((t for t in sentence.span if not (t.is_space or t.is_punct)), None)
        if first is None or first.lower_ not in ("in", "during") or first.dep_ != "prep":
            return None
        noun = next((c for c in first.children if c.dep_ == "pobj"), None)
        return self._antecedent(noun, index) if noun is not None else None

    @staticmethod
    def _dated_clause(main: Expression, sentence: _Sentence) -> Expression | None:
        """The calendar date in the clause of the main expression ("Earlier in the week, late on
        Aug. 29, ..." is dated by "Aug. 29")."""
        if main.kind == "absolute":
            return main
        assert main.host is not None
        clause = _clause(main.host)
        return next((e for e in sentence.expressions if e.kind == "absolute" and e.usable
                     and e.host is not None and _clause(e.host).i == clause.i), None)

    def _main_expression(self, sentence: _Sentence) -> Expression | None:
        """The usable expression nearest the root, outside background islands and accusations."""
        best: tuple[int, int, Expression] | None = None
        for expression in sentence.expressions:
            if not expression.usable or expression.host is None or expression.kind == "future":
                continue
            if self._island(expression.host) is not None or any(
                self._background_root(node) for node in expression.host.ancestors
            ):
                continue  # told in passing ("after weeks of protests ... last month"): no episode
            clause = _clause(expression.host)
            if self._accuses(clause):
                continue
            if clause.dep_ == "relcl" and any(c.dep_ in _SUBJECTS and c.tag_ in ("WP", "WDT")
                                                for c in clause.children):
                continue  # "The Taliban, who seized Kabul on Aug. 15, condemned ...": a description
            depth = _depth(expression.host)
            key = (depth, expression.start)
            if best is None or key < best[:2]:
                best = (depth, expression.start, expression)
        return best[2] if best else None

    def _accused_act_expression(self, sentence: _Sentence) -> Expression | None:
        """The date written on the act that a report's leading claim or accusation is about
        ("The Islamic State group on Tuesday claimed responsibility for Sunday's shooting
        spree"): the episode the report goes on to tell is that act's, not the claim's."""
        root = sentence.span.root
        if not self._accuses(root) or any(c.dep_ == "neg" for c in root.children):
            return None  # "No group has claimed the attack": no act told
        return self._accused_act(root, sentence)

    def _accused_act(self, verb: Token, sentence: _Sentence) -> Expression | None:
        """A usable date inside ``verb``'s complement ("for Sunday's attack", "for the drone
        that struck his home on Saturday"), not in a clause joined to it."""
        for expression in sentence.expressions:
            host = expression.host
            if not expression.usable or expression.kind == "future" or host is None or host.i == verb.i:
                continue
            path = [host, *host.ancestors]
            top = next((a for a in path if a.head.i == verb.i), None)
            if top is None or top.dep_ not in _COMPLEMENT_DEPS:
                continue
            if not any(self._background_root(a) for a in path[: path.index(top)]):
                return expression  # not "the attack, which came a week after the Feb. 15 one"
        return None

    def _shifts(self, sentence: _Sentence) -> bool:
        """The sentence is about another time than the episode ("previously", "since 2014")."""
        return any(t.lower_ in self.lex.shift_words
                   and not _backgrounds_a_noun(t) and not _sequence_within(t)
                   and not self._in_expression(t, sentence) for t in sentence.span)

    def _moves_on(self, sentence: _Sentence) -> bool:
        """The story moves on to an undated later time ("was attacked again"); not a vow or a
        threat of what is yet to come ("vowed to strike the alliance again")."""
        return any(t.lower_ in self.lex.moves_on and not _unrealised(t, self.lex.unrealised_auxiliaries)
                   for t in sentence.span)

    @staticmethod
    def _in_expression(token: Token, sentence: _Sentence) -> bool:
        """Inside a time expression ("earlier" in "earlier this month")."""
        for e in sentence.expressions:
            if e.start <= token.idx < e.end:
                return True
        return False

    def _statement_of(self, index: int) -> tuple[When | None, str | None]:
        """The date of the sentence's main statement and who made it, for speakers who go on."""
        sentence = self.sentences[index]
        root = sentence.span.root
        if root.lemma_.lower() not in self.lex.say_verbs and not self._accuses(root):
            return None, None
        speaker = _speaker(root)
        own = self._own(root, sentence)
        if own is not None:
            return own, speaker
        return self._continued(root, index), speaker

    # -- resolving expressions ----------------------------------------------------------------
    def _resolve(self, expression: Expression, sentence: _Sentence) -> When | None:
        kind, timex = expression.kind, expression.timex
        if kind == "absolute":
            return expression.value
        if kind == "future" or timex is None:
            return None
        if kind == "anchored":
            anchor = self._anchor(expression, sentence)
            return anchor.shifted(timex.days, timex.precision) if anchor else None
        if self.published is None:
            return None
        published = When(self.published, "day")
        if kind == "weekday":
            anchor = published
            episode = sentence.chain_before
            if not self.news and episode is not None and episode.precision == "day" and not timex.last \
                    and not self._reaches_the_report(episode, timex.weekday or 0):
                anchor = episode  # a background piece: the week of the episode being told ("last
                # Wednesday" still counts from the report)
            back = (anchor.day.weekday() - (timex.weekday or 0)) % 7
            if timex.last and back == 0:
                back = 7
            return anchor.shifted(-back)
        if kind == "published":
            said = self._said_on(expression, sentence)
            if said is not None:  # "said on Thursday that its soldiers had crossed overnight"
                return said.shifted(timex.days, timex.precision)
            return self._story_night(expression, sentence, published) \
                or published.shifted(timex.days, timex.precision)
        return self._period(timex.period or "")

    def _said_on(self, expression: Expression, sentence: _Sentence) -> When | None:
        """The day of the statement that reports ``expression``'s clause, when the sentence
        dates it: "today" and "overnight" in what was said count from the saying."""
        if expression.host is None:
            return None
        verb = next((a.head for a in (expression.host, *expression.host.ancestors)
                     if a.dep_ == "ccomp" and a.head.lemma_.lower() in self.lex.say_verbs), None)
        if verb is None:
            return None
        for other in sentence.expressions:
            if other.usable and other.kind in ("absolute", "weekday") and other.host is not None \
                    and _clause(other.host).i == verb.i:
                when = self._resolve(other, sentence)
                if when is not None and when.precision == "day":
                    return when
        return None

    def _story_night(self, expression: Expression, sentence: _Sentence, published: When) -> When | None:
        """ "Overnight" opening a sentence of a story whose episode is two or more days before the
        report (``published``): the night after the episode's day, not the report's night."""
        episode = sentence.chain_before
        words = self.doc.text[expression.start:expression.end].lower()
        if words not in self.lex.story_nights or episode is None or episode.precision != "day":
            return None
        if expression.start != sentence.span.start_char or (published.day - episode.day).days < 2:
            return None
        return episode.shifted(1)

    def _reaches_the_report(self, episode: When, weekday: int) -> bool:
        """Whether a story told from an episode of the last fortnight has come up to the report's
        week: the weekday's latest day before publication is not before the episode ("late on
        Nov. 27 ... On Thursday night ..." in a report of Dec. 5 is Dec. 2, not Nov. 25)."""
        assert self.published is not None
        if (self.published - episode.day).days > _REPORT_REACH_DAYS:
            return False
        latest = self.published - timedelta(days=(self.published.weekday() - weekday) % 7)
        return latest >= episode.day

    def _period(self, period: str) -> When | None:
        assert self.published is not None
        today = self.published
        monday = today - timedelta(days=today.weekday())
        if period == "this_week":
            return span_when(monday, today)
        if period == "last_week":
            return span_when(monday - timedelta(days=7), monday - timedelta(days=1))
        if period == "weekend":
            sunday = today - timedelta(days=(today.weekday() + 1) % 7)
            return span_when(sunday - timedelta(days=1), sunday)
        if period == "this_month":
            return When(today, "month")
        if period == "last_month":
            return When(today.replace(day=1) - timedelta(days=1), "month")
        if period == "this_year":
            return When(today, "year")
        if period == "last_year":
            return When(today.replace(year=today.year - 1, day=1), "year")
        if period == "recent_days":
            return span_when(today - timedelta(days=3), today)
        if period == "past_week":
            return span_when(today - timedelta(days=7), today)
        return None

    def _last_named(self, sentence: _Sentence) -> When | None:
        """The date the sentence names last, be it an episode's, a statement's or one told in
        passing: what "that day" or "a month later" in the next sentence counts from."""
        for expression in sorted(sentence.expressions, key=lambda e: -e.start):
            if expression.usable and expression.kind not in ("future", "period"):
                value = self._resolve(expression, sentence)
                if value is not None:
                    return value
        return None

    def _story_or_last_named(self, sentence: _Sentence) -> When | None:
        """The date the sentence before named last, when the story has none or that date is
        a day not before the story's ("Syria condemned the raid on Monday. Iran denounced it
        that day."); a look back to an older act ("the storming of the embassy last
        November") leaves the story's date in place."""
        named, story = self._previous_named(sentence), sentence.chain_before
        if named is not None and (story is None or named.precision == "day" and (
                named.day >= story.day or named.iso.startswith(story.iso))):
            return named
        return story or self._named_further_back(sentence)

    def _index(self, sentence: _Sentence) -> int:
        return next(i for i, s in enumerate(self.sentences) if s is sentence)

    def _named_further_back(self, sentence: _Sentence) -> When | None:
        """With no story date and none in the sentence before, "hours later" counts from the date
        named last a little further back, across sentences that name none ("The drone hit the
        base on March 23 ... U.S. intelligence judged it Iranian. Hours later, jets struck")."""
        index = self._index(sentence)
        for earlier in reversed(self.sentences[max(0, index - _ANCHOR_REACH) : index]):
            if _heading(earlier.span):
                return None
            if earlier.last_date is not None:
                return earlier.last_date
        return None

    def _previous_named(self, sentence: _Sentence) -> When | None:
        index = self._index(sentence)
        if index == 0 or _heading(self.sentences[index - 1].span):
            return None
        return self.sentences[index - 1].last_date

    def _compared_with(self, expression: Expression, sentence: _Sentence) -> When | None:
        """"The same day as the downing", "within hours of the arrest": the date of the act
        the noun after "as" or "of" retells."""
        if not re.match(r"\s+(?:as|of)\s", self.doc.text[expression.end:expression.end + 5]):
            return None
        after = [t for t in sentence.span if t.idx > expression.end and t.pos_ == "NOUN"]
        return self._antecedent(after[0], self._index(sentence)) if after else None

    def _anchor(self, expression: Expression, sentence: _Sentence) -> When | None:
        """What "two days earlier" counts from: the nearest clause above with a date of its
        own, else the date the sentence before named last ("Syria condemned the raid on Monday.
        Iran denounced it that day."), else the episode so far."""
        compared = self._compared_with(expression, sentence)
        if compared is not None:
            return compared
        node = expression.host
        seen = 0
        while node is not None and node.head.i != node.i and seen < 30:
            node = node.head
            seen += 1
            for other in sentence.expressions:
                if other is expression or not other.usable or other.kind in ("anchored", "future"):
                    continue
                if other.host is not None and _clause(other.host).i == node.i:
                    value = self._resolve(other, sentence)
                    if value is not None:
                        return value
        return self._reported_before(expression, sentence) or self._story_or_last_named(sentence)

    def _reported_before(self, expression: Expression, sentence: _Sentence) -> When | None:
        """ "Troops killed him on Wednesday, the military confirmed a day later": a statement's
        "later" counts from the dated act it reports, told before it in the sentence."""
        if expression.host is None or expression.timex is None or expression.timex.days <= 0:
            return None
        clause = _clause(expression.host)
        if clause.lemma_.lower() not in self.lex.say_verbs:
            return None
        told = [other for other in sentence.expressions
                if other.usable and other.kind in ("absolute", "weekday") and other.host is not None
                and other.end <= expression.start and clause in other.host.ancestors
                and self._island(other.host) is None]
        return self._resolve(told[-1], sentence) if told else None

    def _rehome_trailing(self, sentence: _Sentence) -> None:
        """A date right after a reprisal island dates the island's act when the clause has a
        date of its own: "Overnight, Iran fired missiles at Israel in retaliation for an Israeli
        strike on its consulate in Damascus on April 1" (the parser hangs "on April 1" on
        "fired"; the strike was on April 1, the barrage overnight)."""
        usable = [e for e in sentence.expressions if e.usable and e.host is not None]
        for expression in usable:
            act = self._act_before_perfect(expression)
            if act is not None:
                expression.host = act
        if len(usable) < 2:
            return
        for expression in usable:
            if self._island(expression.host) is not None:  # type: ignore[arg-type]
                continue
            last = self._island_end_before(expression, self._reprisal_island)
            if last is None:
                continue
            if any(other is not expression and self._island(other.host) is None  # type: ignore[arg-type]
                   and _clause(other.host).i == _clause(expression.host).i  # type: ignore[arg-type]
                   for other in usable):
                expression.host = last

    def _island_end_before(self, expression: Expression,
                           kind: Callable[[Token], bool]) -> Token | None:
        """The last word of an island of ``kind`` (a reprisal, an accusation) that the
        expression follows directly (a preposition such as "on" between them allowed)."""
        span = self.doc.char_span(expression.start, expression.end, alignment_mode="expand")
        if span is None or span.start == 0:
            return None
        before = self.doc[span.start - 1]
        if before.lower_ in _DATE_PREPOSITIONS and before.i > 0:
            before = self.doc[before.i - 1]
        island = self._island(before)
        if island is None or island.right_edge.i != before.i or not kind(island):
            return None
        return before

    def _act_before_perfect(self, expression: Expression) -> Token | None:
        """The act noun a date follows when the parser hung the date on a verb in the present
        perfect, which takes no date of its own: "Canada has condemned the Hamas attack on
        Oct. 7" dates the attack, not the condemnation."""
        host = expression.host
        if host is None or not _present_perfect(host):
            return None
        return self._island_end_before(expression, self._accusation_root)

    def _reprisal_island(self, node: Token) -> bool:
        """ "in retaliation for ...", "in response to ...", "avenged ...": the act answered.
        ("shortly after takeoff from Tehran on Wednesday" is left to the parse: the date there
        is as often the main act's.)"""
        lex = self.lex
        return (node.dep_ == "prep" and node.head.lemma_.lower() in lex.background_nouns) \
            or _avenged(node, lex)

    # -- units and islands ----------------------------------------------------------------------
    def _island(self, token: Token) -> Token | None:
        """The lowest background or accusation island ``token`` sits in, within its clause."""
        node = token
        clause = _clause(token)
        for _ in range(40):
            if self._island_root(node):
                return node
            if node.i == clause.i or node.head.i == node.i:
                return None
            node = node.head
        return None

    def _island_root(self, node: Token) -> bool:
        return self._background_root(node) or self._accusation_root(node)

    def _background_root(self, node: Token) -> bool:
        lex = self.lex
        if node.dep_ == "prep" and node.lower_ in lex.background_preps:
            return True
        if self._reprisal_island(node):  # "in retaliation for ...", "avenged the killing of ..."
            return True
        return node.dep_ == "advcl" and _relation_word(node, lex) is not None

    def _accusation_root(self, node: Token) -> bool:
        if node.dep_ == "prep" and node.lower_ in ("of", "for") and self._accuses(node.head):
            return True
        if node.dep_ == "prep" and node.lower_ == "for" and node.head.dep_ in ("oprd", "acomp") \
                and self._accuses(node.head.head):
            return True  # "held him responsible for ..."
        return node.dep_ == "dobj" and self._accuses(node.head) \
            and node.head.lemma_.lower() not in self.lex.claim_verbs

    def _accuses(self, verb: Token) -> bool:
        """Whether ``verb`` is one of accusation: "held" only beside a word of blame ("held Iran
        responsible"), not in "held talks on Friday"."""
        lemma = verb.lemma_.lower()
        if lemma not in self.lex.accusation_verbs:
            return False
        if lemma not in self.lex.blame_complement_verbs:
            return True
        return any(t.lower_ in self.lex.blame_words for t in verb.subtree)

    def _unit(self, token: Token) -> tuple[int, int]:
        island = self._island(token)
        return (_clause(token).i, island.i if island is not None else -1)

    def _own(self, head: Token, sentence: _Sentence) -> When | None:
        """The best date among the expressions in ``head``'s unit (and, for a noun, in the
        relative clauses that describe it)."""
        unit = self._unit(head)
        candidates = []
        for expression in sentence.expressions:
            if expression.bound == "modifier" and expression.host is not None \
                    and expression.host.i == head.i and expression.value is not None:
                return expression.value  # "the 2019 attack on Abqaiq"
            if self._names_the_act(expression, head):  # "the Sept. 14 strikes on Saudi oil plants"
                value = self._resolve(expression, sentence)
                if value is not None:
                    return value

            if expression.host is None or expression.kind == "future":
                continue
            host_unit = self._unit(expression.host)
            described = head.pos_ in ("NOUN", "PROPN") and _clause(expression.host).dep_ == "relcl" \
                and _clause(expression.host).head.i == head.i
            if host_unit == unit or described:
                candidates.append(expression)
        # a date on the act's own word first ("Hurras al-Din, formed in 2018 ..., was designated
        # ... in 2019"), then one inside its phrase ("the announcement on Jan. 30 ..., the
        # American raids on 40 sites on Feb. 2"), and a date of the act's own verb before one of
        # a verb joined to it ("recalled his ambassador on the day of the killing and sent an
        # envoy on Nov. 16")
        ranked = sorted(candidates, key=lambda e: (e.host.i != head.i, _outside(e.host, head),
                                                   _of_conjunct(e.host, head), _RANK.get(e.kind, 9),
                                                   _describes_another(e.host, head)))
        for expression in ranked:
            if not expression.usable:
                continue
            value = self._resolve(expression, sentence)
            if value is not None:
                return value
        return None

    @staticmethod
    def _names_the_act(expression: Expression, head: Token) -> bool:
        """A date written before an act noun, as part of its name ("the Sept. 14 strikes"),
        dates that act even when another date of the clause is ranked higher ("attacks in May
        and June and the Sept. 14 strikes")."""
        host = expression.host
        return (expression.usable and host is not None and host.i == head.i
                and head.pos_ in ("NOUN", "PROPN") and expression.end <= head.idx)

    def _bound_in_unit(self, head: Token, sentence: _Sentence) -> bool:
        unit = self._unit(head)
        return any(e.bound == "since" and e.host is not None and self._unit(e.host) == unit
                   for e in sentence.expressions)

    # -- events ---------------------------------------------------------------------------------
    def _event(self, head: Token, event_type: str | None) -> When | None:
        index = self._sentence_at.get(head.i)
        if index is None:
            return None
        sentence = self.sentences[index]
        if event_type not in self.lex.statement_types and self._accuses(head):
            claimed = self._accused_act(head, sentence)  # "claimed responsibility for Sunday's attack"
            value = self._resolve(claimed, sentence) if claimed is not None else None
            if value is not None:
                return value
        retold = self._claimed_act_told_before(head, index) \
            if event_type not in self.lex.statement_types else None
        if retold is not None:
            return retold
        own = self._own(head, sentence)
        if own is not None:
            return own
        named = self._when_clause(head, sentence)
        if named is not None:
            return named
        relative = self._linear_relation(head, index)
        if relative is not None:
            return relative
        relative = self._relation_below(head, index)
        if relative is not None:
            return relative
        node = head
        for _ in range(40):
            island = self._island(node)
            top = island if island is not None else _clause(node)
            if island is not None:
                return self._across_island(head, island, index)
            if top.head.i == top.i:
                break
            node = top.head
            if self._reported_episode(head, node, sentence):
                return self._episode_within_report(node, sentence, head)
            own = self._own(node, sentence)
            if own is not None:
                return own
        main = self._main_expression(sentence)
        value = None
        if main is not None and main.host is not None and _clause(main.host).dep_ not in ("relcl", "acl"):
            value = self._resolve(main, sentence)
        if value is not None:  # the parser hung the sentence's date elsewhere ("; ..." clauses)
            return value
        return self._undated(head, event_type, index)

    def _claimed_act_told_before(self, head: Token, index: int) -> When | None:
        """ "The Islamic State claimed the bombing on Monday", "had claimed those attacks": a
        definite act that a claim names was told before, and happened when that telling says,
        not on the day of the claim. (A charge is not read so: "blamed Israel for the drone
        attack" is as often a new attack as the one told, and an earlier one of the same word
        would lend the wrong date.)"""
        if head.pos_ == "VERB" and head.lemma_.lower() in self.lex.claim_verbs \
                and any(c.lower_ == "responsibility" for c in head.children):
            # "claimed responsibility" with no act named: the attack the story told
            return self._told_before("attack", head.i, index, one_day=True)
        if head.pos_ != "NOUN" or head.dep_ != "dobj" \
                or head.head.lemma_.lower() not in self.lex.claim_verbs:
            return None
        return self._antecedent(head, index)

    def _when_clause(self, head: Token, sentence: _Sentence) -> When | None:
        """ "since November, when they seized the ship", "in 2014, when ISIS took Mosul": a
        "when" clause describing a time expression happened at that time, even where the
        expression itself is a bound."""
        clause = _clause(head)
        when = next((c for c in clause.children if c.lower_ == "when" and c.dep_ == "advmod"), None)
        if when is None or clause.dep_ not in ("relcl", "advcl"):
            return None
        for expression in sentence.expressions:
            if expression.kind == "future":
                continue
            if clause.dep_ == "relcl" and expression.start <= clause.head.idx < expression.end:
                return self._resolve(expression, sentence)
            if clause.dep_ == "advcl" and self._right_before(expression, when):
                return self._resolve(expression, sentence)  # "Since Oct. 8, when ...": the parser's advcl
        return None

    def _right_before(self, expression: Expression, token: Token) -> bool:
        """Whether ``token`` follows the expression with only punctuation between."""
        between = self.doc.text[expression.end:token.idx]
        return expression.end <= token.idx and not any(c.isalnum() for c in between)

    def _reported_episode(self, head: Token, governor: Token, sentence: _Sentence) -> bool:
        """ "No one was hurt in the attack, a spokesman said on Saturday": a definite act
        inside reported speech, or one told in the past perfect, is the one the story has been
        telling, not one of the day the words were said."""
        if governor.lemma_.lower() not in self.lex.say_verbs or sentence.chain_before is None:
            return False
        # "Reports this week said the strikes had covered a raid": told as before the saying
        return (head.pos_ == "NOUN" and _definite(head)) or _past_perfect(_clause(head))

    def _episode_within_report(self, verb: Token, sentence: _Sentence, head: Token) -> When | None:
        """The story's episode, for an act reported as before the saying, unless the saying
        places it elsewhere:
        - a saying dated by a month or a year the episode lies outside: "Earlier this month, the
          army said its troops had killed smugglers", after a raid of December, tells of this month;
        - a saying dated to a day more than ``_RETELLING_DAYS`` after the episode, of an act
          that names nothing told before: "On Wednesday evening, she announced that both sides
          had agreed" is news of that day (not "was confident Iran had carried out the attack")."""
        episode = sentence.chain_before
        said = self._own(verb, sentence)
        if said is None or episode is None:
            return episode
        if said.precision == "day":
            late = episode.precision == "day" and (said.day - episode.day).days > _RETELLING_DAYS
            return said if late and not _names_told_act(_clause(head)) else episode
        return episode if episode.iso.startswith(said.iso) else said

    def _linear_relation(self, head: Token, index: int) -> When | None:
        """ "X, a day after Y" / "Two days before Y, X": the small parser often inverts these
        clauses, so the relation is read off the word order: Y's date is X's shifted back."""
        sentence = self.sentences[index]
        for relation in _relations(sentence.span, self.lex):
            days, precision = relation.days, relation.precision
            if relation.reference[0] <= head.idx < relation.reference[1]:
                base = self._region_date(sentence, relation.main)
                if base is None and relation.definite and _subject(head) is None:
                    # "before the U.S. airstrikes": the ones told (a noun, whatever the tagger
                    # calls it); not "after the submarine sank the cruiser", a clause with a
                    # subject of its own, whose act is new
                    return self._antecedent(head, index) or sentence.chain_before
                if base is None:
                    base = self._retold_subject(sentence, relation.main, index) or sentence.chain_before
                sign = -1 if relation.word == "after" else 1
            elif relation.main[0] <= head.idx < relation.main[1]:
                base = self._region_date(sentence, relation.reference, attribution=False)
                if base is None and relation.definite:
                    told = self._antecedent(head, index)
                    if told is not None:  # "The strike came two days after ...": the strike told
                        return told
                    # "The day after the blast, ...": from the blast's date
                    base = self._retold_act(sentence, relation.reference, index) or sentence.chain_before
                sign = 1 if relation.word == "after" else -1
            else:
                continue
            return base.shifted(sign * days, precision) if base is not None else None
        return None

    def _retold_act(self, sentence: _Sentence, region: tuple[int, int],
                    index: int) -> When | None:
        """The date of the act a definite noun of ``region`` names again ("the day after the
        blast", after "the Nov. 13 bombing")."""
        for token in sentence.span:
            if region[0] <= token.idx < region[1] and token.pos_ == "NOUN":
                told = self._antecedent(token, index)
                if told is not None:
                    return told
        return None

    def _retold_subject(self, sentence: _Sentence, region: tuple[int, int],
                        index: int) -> When | None:
        """ "The strike came a day after ...", "The announcement came a week after ...": the
        main clause retells an act by a definite noun, whose first telling dates it."""
        for token in sentence.span:
            if region[0] <= token.idx < region[1] and token.dep_ in ("nsubj", "nsubjpass"):
                told = self._antecedent(token, index)
                if told is not None:
                    return told
        return None

    def _region_date(self, sentence: _Sentence, region: tuple[int, int],
                     attribution: bool = True) -> When | None:
        """The first usable date or weekday written in ``region``, else a phrase of the report's
        day ("overnight into Sunday": the Sunday). Without ``attribution``, not the date of the
        sentence's closing "said on Tuesday": in "X sank, a week after Y rammed it, an agency
        said on Tuesday" the saying is no date of Y's."""
        written = [e for e in sentence.expressions
                   if region[0] <= e.start < region[1] and e.usable
                   and e.kind in ("absolute", "weekday", "published", "period")
                   and (attribution or not self._dates_the_attribution(e))]
        for expression in sorted(written, key=lambda e: e.kind not in ("absolute", "weekday")):
            value = self._resolve(expression, sentence)
            if value is not None:
                return value
        return None

    def _dates_the_attribution(self, expression: Expression) -> bool:
        """Whether the expression dates the sentence's own "said" ("..., officials said on Monday")."""
        host = expression.host
        return host is not None and host.dep_ == "ROOT" and host.lemma_.lower() in self.lex.say_verbs

    def _relation_below(self, head: Token, index: int) -> When | None:
        """ "wrote hours after the incident", "two days before the U.S. airstrikes, X attended":
        the act is dated from the act its after/before phrase names."""
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in ("after", "before"):
                continue
            shift = self._duration(child)
            if shift is None:
                continue
            days, precision = shift
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if not objects:
                continue
            target = objects[0]
            base = self._own(target, self.sentences[index])
            if base is None and _definite(target):
                base = self.sentences[index].chain_before
            if base is not None:
                sign = 1 if child.lower_ == "after" else -1
                return base.shifted(sign * days, precision)
        return None

    def _duration(self, node: Token) -> tuple[int, str] | None:
        """The duration modifying an after/before word: ("two days", "hours", "shortly")."""
        for child in node.children:
            if child.dep_ in ("advmod",) and child.lower_ in ("shortly", "soon", "just", "immediately",
                                                            "moments", "minutes", "hours"):
                return 0, "day"
            if child.dep_ not in ("npadvmod", "advmod", "nmod"):
                continue
            unit = self.lex.unit(child.lemma_) or self.lex.unit(child.lower_)
            if unit is None:
                continue
            counts = [c for c in child.children if c.dep_ in ("nummod", "det", "amod", "quantmod")]
            count = next((self.lex.count(c.lower_) for c in counts
                          if self.lex.count(c.lower_) is not None), None)
            if count is None and child.tag_ == "NN":
                count = 1  # "the day after": a singular unit counts one
            if count is None:
                return (0, "day") if unit.days == 0 else (unit.days, unit.vague_precision)
            before = self._before_count(child, counts)
            return unit.days_in(count), self.lex.shift_precision(unit, count, before)
        return None

    def _before_count(self, unit: Token, counts: list[Token]) -> str:
        """The text before a duration's count ("more than" of "more than a week")."""
        before = self.doc.text[:unit.idx].rstrip()
        for count in sorted(counts, key=lambda c: c.i, reverse=True):
            if count.i < unit.i and before.endswith(count.text):
                before = before[: -len(count.text)].rstrip()
        return before

    def _across_island(self, head: Token, island: Token, index: int) -> When | None:
        sentence = self.sentences[index]
        if self._accusation_root(island):
            main = self._main_expression(sentence)
            if main is None:
                return sentence.chain_before or self._object_told_before(head, index)
            if main.host is not None and _clause(main.host).i != _clause(island).i:
                # "blamed Israel for the strike, and days later vowed": the date is the vow's,
                # and the strike is the one told before
                told = self._antecedent(head, index)
                if told is not None:
                    return told
            return self._resolve(main, sentence)
        if island.dep_ == "advcl":
            word = _relation_word(island, self.lex) or ""
            shift = self._duration(island) or next(
                (self._duration(c) for c in island.children
                 if c.dep_ == "mark" and self._duration(c) is not None), None)
        else:
            word = island.lower_
            shift = self._duration(island)
        governor = island.head
        if shift is not None and word in ("after", "before"):
            base = self._event(governor, None)
            if base is None:
                return None
            days, precision = shift
            return base.shifted(-days if word == "after" else days, precision)
        if word == "before" and _gerund_clause(island):
            return self._event(governor, None)  # "said on Monday, before leaving for Oman": then
        retaliation = self._reprisal_island(island)
        if retaliation or head.pos_ in ("NOUN", "PROPN") and head.tag_ in ("NNS", "NNPS") and (
            self._bound_in_unit(head, sentence) or _ongoing(head, self.lex)
        ):
            # "in retaliation for the killing of X": a recent act, of the answer's month;
            # "attacks since Oct. 17", "weeks of protests": going on up to the clause's time
            base = self._event(governor, None)
            if retaliation and base is not None:
                told = self._antecedent(head, index)
                if told is not None and 0 <= (base.day - told.day).days <= 31:
                    return told  # "in retaliation for the killing": the killing told earlier
            return base.coarsened("month") if base else None
        if _definite(head) and word in _SEQUENCE_WORDS:
            # "suspended its mission after the killing of Soleimani": the killing came before the
            # episode told so far, so only its own earlier telling dates it
            return self._antecedent(head, index)
        if _definite(head):
            return sentence.chain_before or self._antecedent(head, index)
        if word == "before" and island.dep_ == "advcl":
            # "killing five people on Wednesday before they were shot dead": the end of a
            # dated act, told as its sequel, is of that act's day
            base = self._event(governor, None)
            told_as_done = not self._statement_verb(governor) and not any(
                c.tag_ == "MD" for c in governor.children)  # "would resume before": not yet
            return base if base is not None and base.precision == "day" and told_as_done else None
        if word in ("after", "following"):
            # "suspended the deal in late October 2022 after a drone attack": an act first told
            # as the occasion of one dated only to its month or year is of that month or year;
            # "sank three boats on Sunday after the boats fired on the helicopters": a clause of
            # what set off an act (not a statement) dated to the day is of that day
            base = self._event(governor, None)
            if base is not None and base.precision == "day":
                return base if island.dep_ == "advcl" and not self._statement_verb(governor) else None
            return base
        return None

    def _statement_verb(self, verb: Token) -> bool:
        """A verb of saying or of blame ("said", "accused"): what it answers may be days old."""
        return verb.lemma_.lower() in self.lex.say_verbs or self._accuses(verb)

    def _object_told_before(self, head: Token, index: int) -> When | None:
        """An act on a definite object told before ("a group which had almost certainly fired
        the 21 rockets", after "a rocket barrage struck ... on Sunday night") happened when that
        object's act was told to have."""
        if head.pos_ != "VERB":
            return None
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        return self._antecedent(obj, index) if obj is not None else None

    def _antecedent(self, head: Token, index: int) -> When | None:
        """ "Following the recent U.S. airstrikes, ..." told where the episode has lapsed: a
        definite act names one told before, so it takes the date of the nearest earlier
        mention of the same word (noun or verb: "struck" ... "the strike") that has one."""
        if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in _DEFINITE
                                          for c in head.children):
            return None
        return self._told_before(head.lemma_.lower(), head.i, index)

    def _told_before(self, lemma: str, before: int, index: int, one_day: bool = False) -> When | None:
        """The date of the nearest act before token ``before`` (sentence ``index`` and earlier)
        that the act noun ``lemma`` may name again; with ``one_day``, of an act told to the day
        (not "since the rebels began attacking ships last year")."""
        names = self.lex.words_retold_by(lemma)  # "the blast" after "the Nov. 13 bombing"
        # "the killing" names what "was killed" told: a verb's lemma is the noun's less "-ing"
        # and "the announcement" what "announced" told
        verb = lemma[:-3] if lemma.endswith("ing") and len(lemma) > 5 else \
            lemma[:-4] if lemma.endswith("ment") and len(lemma) > 7 else lemma
        for earlier in range(index, -1, -1):
            span = self.sentences[earlier].span
            if _heading(span):
                continue
            for token in span:
                if token.i >= before:
                    break
                if token.pos_ == "NOUN" and _names_same_act(token.lemma_.lower(), names) \
                        or token.pos_ == "VERB" and token.lemma_.lower() in (lemma, verb, *names) \
                        or token.pos_ == "VERB" and _particle(token) == verb:  # "shot down": "the downing"
                    when = self._event(token, None)
                    if when is not None and (when.precision == "day" or not one_day):
                        return when
        return None

    def _retold_by_subject(self, head: Token, index: int) -> When | None:
        """ "The drone slammed into a dining hall", after "a drone launched by the group killed
        four soldiers on Sunday evening": a verb whose subject is a definite noun told before
        retells that telling's act, and takes its date."""
        if head.pos_ != "VERB":
            return None
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lemma_.lower() not in self.lex.retelling_subjects:
            return None
        return self._antecedent(subject, index)

    def _told_as_cause(self, head: Token) -> bool:
        """A named act that is the subject of a verb of causing: the cause of what followed."""
        return (head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("nsubj", "nsubjpass")
                and head.head.lemma_.lower() in self.lex.causal_verbs)

    def _undated(self, head: Token, event_type: str | None, index: int) -> When | None:
        sentence = self.sentences[index]
        if self._is_statement(head, event_type):
            return self._continued(head, index)
        if _ongoing(head, self.lex) or (head.tag_ in ("NNS", "NNPS") and self._bound_in_unit(head, sentence)):
            anchor = sentence.chain_before or self._published()
            return anchor.coarsened("month") if anchor else None
        if _since_then(head):  # "Police have since detained dozens": between the episode and the report
            published = self._published()
            return published.coarsened("month") if published else None
        if self._shifts(sentence) or _past_perfect(_clause(head)) and _clause(head).dep_ == "ROOT":
            return None  # another time, or a flashback ("The rebels had seized the port.")
        if self._told_as_cause(head):
            # "The assassination also triggered ...": an earlier act; the episode's month at most
            return sentence.chain_before.coarsened("month") if sentence.chain_before else None
        retold = self._antecedent(head, index) or self._retold_by_subject(head, index)
        if retold is not None:
            return retold  # "The strike killed ...", after "the airstrike ... a day earlier"
        if sentence.chain_before is not None:
            return sentence.chain_before
        antecedent = self._object_told_before(head, index)
        if antecedent is not None:
            return antecedent
        if _present_perfect(head) and not any(
            c.lower_ in self.lex.habitual for c in head.children
        ):
            published = self._published()
            return published.coarsened("month") if published else None
        return None

    def _is_statement(self, head: Token, event_type: str | None) -> bool:
        if head.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.lemma_.lower() in self.lex.opening_verbs:
            return False  # "opened an investigation at the scene": done, not said
        if event_type is not None and event_type.upper() in self.lex.statement_types:
            return True
        if head.pos_ != "VERB":
            return False  # "announced the listing": the listing is an act
        if head.lemma_.lower() in self.lex.say_verbs:
            return True
        governor = next((a for a in head.ancestors if a.pos_ == "VERB"), None)
        if governor is not None and governor.lemma_.lower() in self.lex.say_verbs:
            return head.tag_ not in ("VBD", "VBN")  # "would deploy", "was working": the statement's date
        return False

    def _continued(self, head: Token, index: int) -> When | None:
        """An undated statement: the speaker's earlier date, the episode's, or the report's."""
        sentence = self.sentences[index]
        verb = head if head.pos_ in ("VERB", "AUX") else _governing_verb(head)
        subject = _subject(verb) if verb is not None else None
        if subject is not None and subject.lower_ in self.lex.pronouns and index > 0:
            previous = self.sentences[index - 1]  # "He said ...", "It also demands ..."
            if previous.root_date is not None or previous.chain_after is not None:
                return previous.root_date or previous.chain_after
        name = _surname(subject) if subject is not None else None
        if name is not None:
            for earlier in reversed(self.sentences[:index]):
                if earlier.speaker == name and earlier.root_date is not None:
                    return earlier.root_date
        if any(t.lower_ == "meanwhile" for t in sentence.span) and sentence.chain_before:
            return sentence.chain_before
        if not self.news:  # no report date to fall back on: the episode, when it is safe
            if verb is not None and _past_perfect(verb) or self._shifts(sentence):
                return None
            return sentence.chain_before
        published = self._published()
        episode = sentence.chain_before
        if published is None or episode is None or episode.precision != "day":
            return published
        lead = next((s.stated or s.chain_after for s in self.sentences if s.chain_after is not None), None)
        if any(s.accused_lead for s in self.sentences[:index]) and lead is not None:
            return published  # the report is of the accusation's day, not days after the act
        if lead is not None and lead.precision == "day" and (published.day - lead.day).days >= 2 \
                and (published.day - episode.day).days >= 2:
            return episode  # a report written days after the episode it tells
        return published

    def _published(self) -> When | None:
        return When(self.published, "day") if self.published is not None else None


#: Words that may open a sentence before "<duration> after": "The day after ...".
_OPENERS = {"the", "just", "only", "barely", "less than", "more than", "about", "some", "nearly",
            "almost", "within"}
#: How many days after an episode a dated statement may still be retelling it ("said on Sunday
#: its missiles had destroyed a camp", after Saturday's strike).
_RETELLING_DAYS = 2

_RANK = {"absolute": 0, "weekday": 1, "published": 2, "anchored": 3, "period": 4}


@dataclass(frozen=True)
class _Relation:
    """ "a day after": the act of ``reference`` lies ``days`` before (after) the one of ``main``."""

    word: str
    days: int
    precision: str
    main: tuple[int, int]
    reference: tuple[int, int]
    definite: bool


def _relations(span: Span, lex: Lexicon) -> list[_Relation]:
    """Every "<duration> after/before" of a sentence, with the character regions it relates."""
    text = span.text
    base = span.start_char
    found = []
    for match in _relation_pattern(lex).finditer(text):
        shift = _shift_of(match, lex)
        if shift is None:
            continue
        days, precision = shift
        start, end = match.start(), match.end()
        before = text[:start].strip()
        if before.lower() in _OPENERS:
            before = ""  # "The day after the strike, ...", "Just hours after ...": the sentence opens here
        if not before:  # "Two days before the airstrikes, X attended ...": up to the comma
            comma = text.find(",", end)
            if comma < 0:
                continue
            reference, main = (end, comma), (comma, len(text))
        else:
            stop = text.find(";", end)
            reference, main = (end, stop if stop >= 0 else len(text)), (0, start)
        named = text[reference[0]:reference[1]].strip().lower()
        # "a day after the strike", or "The day after, ...": what was just told
        definite = not named or named.startswith(("the ", "this ", "that ", "these ", "those "))
        found.append(_Relation(match.group("word").lower(), days, precision,
                               (base + main[0], base + main[1]),
                               (base + reference[0], base + reference[1]), definite))
    return found


def _relation_pattern(lex: Lexicon) -> "re.Pattern[str]":
    counts = "|".join(sorted([*lex.numbers, *lex.vague_counts], key=len, reverse=True))
    units = "|".join(f"{u}s?" for u in lex.units)
    return re.compile(
        rf"\b(?:(?:(?P<count>{counts}|\d{{1,3}})\s+)?(?P<unit>{units})|(?P<soon>shortly|soon|just|moments|minutes|hours))"
        rf"\s+(?P<word>after|before)\b",
        re.IGNORECASE)


def _shift_of(match: "re.Match[str]", lex: Lexicon) -> tuple[int, str] | None:
    if match.group("soon"):
        return 0, "day"
    unit = lex.unit(match.group("unit"))
    if unit is None:
        return None
    count = lex.count(match.group("count")) if match.group("count") else None
    if count is None and not match.group("unit").lower().endswith("s"):
        count = 1  # "the day after": a singular unit counts one
    if count is None:
        return (0, "day") if unit.days == 0 else (unit.days, unit.vague_precision)
    return unit.days_in(count), lex.shift_precision(unit, count, match.string[:match.start()])


def _relation_word(clause: Token, lex: Lexicon) -> str | None:
    """ "after" in "[two days] after X killed Y", whether the parser hangs "after" on the
    clause as a marker or on its "two days"."""
    for child in clause.children:
        if child.dep_ == "mark" and child.lower_ in lex.background_preps:
            return child.lower_
        if child.dep_ == "npadvmod":
            for grandchild in child.children:
                if grandchild.dep_ in ("prep", "mark") and grandchild.lower_ in ("after", "before"):
                    return grandchild.lower_
    return None


def _names_same_act(lemma: str, names: frozenset[str]) -> bool:
    """Whether a noun is one of ``names`` or a compound of one ("airstrike", "the strike")."""
    return lemma in names or any(lemma.endswith(name) for name in names if len(name) >= 5)


def _gerund_clause(island: Token) -> bool:
    """Whether a "before" island is a gerund clause ("before leaving for Oman"), which follows
    its governor at once, rather than an act named by a noun ("before the strikes")."""
    if island.dep_ == "advcl":
        return island.tag_ == "VBG"
    return any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in island.children)


def _particle(verb: Token) -> str | None:
    """The particle of a phrasal verb ("down" in "shot down")."""
    return next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)


def _clause(token: Token) -> Token:
    """The head of the clause ``token`` belongs to."""
    node = token
    for _ in range(40):
        if node.head.i == node.i or node.dep_ == "relcl":
            return node
        if node.pos_ in ("VERB", "AUX") and node.dep_ in _CLAUSE_DEPS:
            return node
        if node.pos_ == "VERB" and node.dep_ == "acl" and node.tag_ in ("VBD", "VBZ", "VBP"):
            return node  # "a car carrier the Houthis seized in November": a relative clause
        node = node.head
    return node


def _depth(token: Token) -> int:
    depth, node = 0, token
    while node.head.i != node.i and depth < 40:
        node = node.head
        depth += 1
    return depth


def _definite(token: Token) -> bool:
    return any(c.dep_ == "poss" or c.lower_ in _DEFINITE for c in token.children)


def _ongoing(token: Token, lex: Lexicon) -> bool:
    """ "weeks of protests", "a string of attacks": acts going on up to the time of the clause."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and (
        head.head.lemma_.lower() in ("day", "week", "month")
        or token.tag_ in ("NNS", "NNPS") and head.head.lemma_.lower() in lex.series_nouns)


def _backgrounds_a_noun(token: Token) -> bool:
    """ "since the killing of ...": a background act, not a change of the sentence's time
    (unlike "since then")."""
    return token.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") for c in token.children)


def _sequence_within(token: Token) -> bool:
    """ "slipped away before reinforcements arrived": "before" opening a clause orders two acts
    of one episode; it moves the sentence to no other time (unlike "had struck before")."""
    return token.lower_ == "before" and token.dep_ == "mark"


def _since_then(head: Token) -> bool:
    """A present perfect act with "since" as an adverb ("have since detained"): done after the
    episode told, by the time of the report."""
    verb = head if head.pos_ in ("VERB", "AUX") else _governing_verb(head)
    return verb is not None and _present_perfect(verb) and any(
        c.dep_ == "advmod" and c.lower_ == "since" for c in verb.children)


def _verb_of(token: Token) -> Token:
    """The verb ``token`` hangs on (itself if it is one; the root if none is above it)."""
    node = token
    for _ in range(40):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def _of_conjunct(host: Token | None, head: Token) -> bool:
    """Whether a date's word hangs on a verb joined by "and" to ``head``'s, not on its own."""
    if host is None:
        return False
    verb, own = _verb_of(host), _verb_of(head)
    return verb.i != own.i and verb.dep_ == "conj" and verb.head.i == own.i


def _outside(host: Token, head: Token) -> bool:
    """Whether a date's word lies outside the phrase of ``head`` ("the raids on 40 sites on
    July 5" holds its own date; "the statement on July 2" before it does not)."""
    return not head.left_edge.i <= host.i <= head.right_edge.i


def _describes_another(host: Token | None, head: Token) -> bool:
    """Whether a date's word is a participle describing a noun ("formed in 2018"), not ``head``."""
    return host is not None and host.i != head.i and host.dep_ == "acl"


def _unrealised(token: Token, auxiliaries: frozenset[str]) -> bool:
    """Inside an infinitive or a clause with a modal ("vowed to strike again", "would hit back
    again"): what is said there has not happened."""
    clause = _clause(token)
    return clause.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ in auxiliaries for c in clause.children)


def _names_told_act(clause: Token) -> bool:
    """Whether a clause's subject or object is a definite noun ("the attack", "its strikes")."""
    return any(c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.pos_ == "NOUN" and _definite(c)
               for c in clause.children)


def _past_perfect(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children)


def _present_perfect(token: Token) -> bool:
    return token.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBP", "VBZ")
        for c in token.children
    )


def _governing_verb(token: Token) -> Token | None:
    node = token
    for _ in range(40):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECTS for c in node.children):
            return node
    return None


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _surname(subject: Token) -> str | None:
    """The last proper-noun word of a person subject ("Mr. Austin", "Lloyd Austin")."""
    if subject.pos_ != "PROPN" or subject.ent_type_ not in ("PERSON", ""):
        return None
    return subject.lower_


def _speaker(root: Token) -> str | None:
    subject = _subject(root)
    return _surname(subject) if subject is not None else None


def _heading(span: Span) -> bool:
    text = span.text.strip()
    return bool(text) and text[-1] not in ".!?\"'\u201d)" and len(span) <= 12


def _avenged(node: Token, lex: Lexicon) -> bool:
    """The act a reprisal answers ("avenged the killing"): an earlier act, dated on its own."""
    return node.dep_ == "dobj" and node.head.lemma_.lower() in lex.reprisal_verbs
