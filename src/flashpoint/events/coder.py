"""The event coder: one parsed document in, PLOVER-coded :class:`Event` records out.

``Coder.code`` runs, per sentence: triggers -> arguments -> actors -> status -> mode -> date ->
casualties -> derived codes and confidence. Each step is its own module with its own cues in
``plover.yaml`` / ``actors.yaml``; this module only wires them and decides which candidate
events are worth emitting:

* a trigger with neither a source nor a target is dropped: in news prose that is almost always
  a re-mention ("the strikes were condemned") or a generic use ("the fight against ISIS");
* casualty verbs ("were killed") make an ASSAULT only when the sentence has no other ASSAULT;
* in a sentence naming a natural or industrial hazard ("an earthquake hit", "a boiler
  explosion"), hits, blasts and killings are not coded as assaults;
* hypothetical, threatened and negated events are emitted, with that status, so that consumers
  can count only what is asserted (``actual`` / ``claimed``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterator

from spacy.tokens import Doc, Span, Token

from flashpoint.events.actors import ActorDictionary, load_actors
from flashpoint.events.arguments import ArgumentFinder, Arguments, noun_phrase
from flashpoint.events.attribution import attribution_of
from flashpoint.events.dates import DateIndex, DateMention
from flashpoint.events.modes import choose_mode
from flashpoint.events.numbers import CasualtyCounter
from flashpoint.events.ontology import EventType, Ontology, load_ontology
from flashpoint.events.status import StatusFinder
from flashpoint.events.triggers import Trigger, TriggerFinder
from flashpoint.errors import ModelError
from flashpoint.records import Actor, Document, Event
from flashpoint.settings import Settings

__all__ = ["Coder", "load_coder", "CODER_NAME"]

CODER_NAME = "flashpoint-coder"
_CODER_RELEASE = "0.1.0"
_DEFINITE = {"the", "this", "these", "that", "those"}
_CASUALTY_TYPE = "ASSAULT"


@dataclass(frozen=True)
class _Candidate:
    trigger: Trigger
    args: Arguments
    casualty_only: bool


class Coder:
    """Codes events from a parsed document; stateless between documents."""

    def __init__(self, ontology: Ontology, actors: ActorDictionary) -> None:
        self.ontology = ontology
        self.actors = actors
        self.version = f"{CODER_NAME}/{_CODER_RELEASE}+plover.{ontology.version}"
        self._arguments = ArgumentFinder(ontology, self._is_actorish)
        self._status = StatusFinder(ontology.cues.status)
        self._numbers = CasualtyCounter(ontology.cues)
        self._triggers: TriggerFinder | None = None

    # -- public --------------------------------------------------------------------------------
    def code(self, document: Document, parsed: Doc) -> list[Event]:
        """Every event reported in ``document`` (whose parse is ``parsed``), in text order."""
        if parsed.text != document.text:
            raise ModelError(f"parse of {document.doc_id} is not of the document's text")
        finder = self._trigger_finder(parsed)
        dates = DateIndex(document.text, document.published)
        events: list[Event] = []
        for sent in parsed.sents:
            bounds = _trimmed(document.text, sent.start_char, sent.end_char)
            if bounds is None:
                continue
            events.extend(self._code_sentence(document, sent, bounds, finder, dates))
        return events

    # -- wiring --------------------------------------------------------------------------------
    def _trigger_finder(self, parsed: Doc) -> TriggerFinder:
        if self._triggers is None or self._triggers.matcher.vocab is not parsed.vocab:
            self._triggers = TriggerFinder(parsed.vocab, self.ontology)
        return self._triggers

    def _is_actorish(self, text: str, named_only: bool) -> bool:
        if self.actors.find(text) is not None:
            return True
        return not named_only and self.actors.sector_of(text) is not None

    def _hazard(self, sent: Span) -> bool:
        hazards = self.ontology.cues.hazards
        return any(t.lemma_.lower() in hazards or t.lower_ in hazards for t in sent)

    def _candidates(self, sent: Span, finder: TriggerFinder) -> Iterator[_Candidate]:
        hazard = self._hazard(sent)
        prone = self.ontology.cues.hazard_prone_triggers
        triggers = [
            t for t in finder.find(sent)
            if not (hazard and t.event_type == _CASUALTY_TYPE and t.head.lemma_.lower() in prone)
        ]
        found = {t.head.i: (t, self._arguments.find(t)) for t in triggers}
        kept = []
        for trigger, args in found.values():
            args.source = self._not_an_event(args.source, found)
            args.target = self._not_an_event(args.target, found)
            if args.source is None and args.target is None:
                continue
            if trigger.is_nominal and args.target is None and self._blocked(trigger.head):
                continue  # "following the U.S. airstrikes": a backgrounded re-mention
            kept.append(_Candidate(trigger, args, False))
        yield from kept
        if not hazard and not any(c.trigger.event_type == _CASUALTY_TYPE for c in kept):
            extra = self._casualty_candidate(sent, found)
            if extra is not None:
                yield extra

    @staticmethod
    def _not_an_event(span: Span | None, found: dict[int, tuple[Trigger, Arguments]]) -> Span | None:
        """An argument that is itself an event ("condemned the attacks") stands for that event's
        doer, or for nobody when the text does not say who did it."""
        if span is None or span.root.i not in found:
            return span
        _trigger, args = found[span.root.i]
        return args.source

    def _casualty_candidate(
        self, sent: Span, found: dict[int, tuple[Trigger, Arguments]]
    ) -> _Candidate | None:
        """An ASSAULT read off "four members were killed" when nothing else in the sentence is one."""
        casualty = self.ontology.cues.casualty_verbs
        for token in sent:
            if token.pos_ != "VERB" or token.lemma_.lower() not in casualty:
                continue
            trigger = Trigger(sent.doc[token.i : token.i + 1], _CASUALTY_TYPE, "verb")
            if self._status.status(token) == "negated":
                continue  # "the attacks didn't kill anyone" reports no new event
            args = self._arguments.find(trigger)
            args.source = self._not_an_event(args.source, found)
            if args.source is not None or args.target is not None:
                return _Candidate(trigger, args, True)
        return None

    def _code_sentence(
        self,
        document: Document,
        sent: Span,
        bounds: tuple[int, int],
        finder: TriggerFinder,
        dates: DateIndex,
    ) -> list[Event]:
        candidates = list(self._candidates(sent, finder))
        if not candidates:
            return []
        start, end = bounds
        sentence = document.text[start:end]
        counts = self._casualties(sent, candidates)
        per_type: dict[str, int] = {}
        for c in candidates:
            per_type[c.trigger.event_type] = per_type.get(c.trigger.event_type, 0) + 1
        events = []
        for c in candidates:
            etype = self.ontology.types[c.trigger.event_type]
            fatalities, injuries = counts.get(c.trigger.head.i, (None, None))
            events.append(
                self._event(document, sent, sentence, start, end, c, etype,
                            per_type[etype.name] == 1, dates, fatalities, injuries)
            )
        return events

    def _casualties(
        self, sent: Span, candidates: list[_Candidate]
    ) -> dict[int, tuple[int | None, int | None]]:
        """Each casualty count of the sentence goes to the ASSAULT it follows most closely
        (or the first one, if it comes before them all): "the downing of the airliner, killing
        all 176 passengers" counts for the downing, not for an earlier assassination."""
        assaults = sorted(
            (c.trigger.head.i for c in candidates if c.trigger.event_type == _CASUALTY_TYPE)
        )
        result: dict[int, list[int | None]] = {i: [None, None] for i in assaults}
        if not assaults:
            return {}
        for kind, value, where in self._numbers.counts(sent):
            before = [i for i in assaults if i <= where]
            owner = before[-1] if before else assaults[0]
            slot = 0 if kind == "fatalities" else 1
            current = result[owner][slot]
            result[owner][slot] = value if current is None else max(current, value)
        return {i: (f, n) for i, (f, n) in result.items()}

    def _event(
        self,
        document: Document,
        sent: Span,
        sentence: str,
        start: int,
        end: int,
        candidate: _Candidate,
        etype: EventType,
        alone: bool,
        dates: DateIndex,
        fatalities: int | None,
        injuries: int | None,
    ) -> Event:
        trigger = candidate.trigger
        args = candidate.args
        source = self._actor(args.source)
        target = self._actor(args.target)
        status = self._status.status(trigger.head)
        if status == "actual" and sentence.rstrip("\"'\u201d)").endswith("?"):
            status = "hypothetical"  # a question asserts nothing
        mode = choose_mode(etype, trigger.span, args.instruments, sent, alone)
        when = self._date(trigger, sent, dates)
        cameo_root = (mode.cameo_root if mode and mode.cameo_root else None) or etype.cameo_root
        assert document.text[start:end] == sentence
        return Event(
            doc_id=document.doc_id,
            sentence=sentence,
            char_start=start,
            char_end=end,
            event_type=etype.name,
            coder_version=self.version,
            mode=mode.name if mode else None,
            source=source,
            target=target,
            date=when,
            fatalities=fatalities,
            injuries=injuries,
            status=status,
            attribution=attribution_of(trigger.head, sent, self.ontology.cues.say_verbs),
            confidence=self._confidence(trigger, source, target, when, candidate.casualty_only),
            cameo_root=cameo_root,
            quad_class=etype.quad_class,
            goldstein=mode.goldstein if mode else etype.goldstein,
            trigger=trigger.span.text,
            trigger_start=trigger.span.start_char,
            trigger_end=trigger.span.end_char,
            doc_path=document.origin,
            doc_url=document.url,
        )

    def _actor(self, span: Span | None) -> Actor | None:
        """The actor a phrase names; an unknown name borrows its apposition's identity
        ("Yehia Rasool, Iraq's military spokesman")."""
        if span is None:
            return None
        actor = self.actors.resolve(span.text)
        if actor.country != "UNK":
            return actor
        for child in span.root.children:
            if child.dep_ == "appos":
                described = self.actors.resolve(noun_phrase(child).text)
                if described.country != "UNK":
                    return replace(described, text=actor.text)
        return actor

    # -- dates ---------------------------------------------------------------------------------
    def _date(self, trigger: Trigger, sent: Span, dates: DateIndex) -> str | None:
        head = trigger.head
        if self._blocked(head):
            return None
        mentions = [m for m in dates.in_span(sent.start_char, sent.end_char) if self._usable(m, sent.doc)]
        if mentions:
            return self._date_in_sentence(head, mentions, sent.doc)
        if not self._inherits(trigger, sent):
            return None
        value = dates.sole_value_in_paragraph_before(sent.start_char)
        last = dates.last_in_paragraph_before(sent.start_char)
        if value is None or last is None:
            return None
        between = sent.doc.char_span(last.end, sent.start_char, alignment_mode="expand")
        if between is not None and any(t.lower_ in self.ontology.cues.temporal_words for t in between):
            return None  # "More recently, ..." since the date was given: time has moved on
        return value

    def _usable(self, mention: DateMention, doc: Doc) -> bool:
        """"until March 31, 2022", "since 2014": bounds of a period, not an event's date."""
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.start == 0:
            return span is not None
        return doc[span.start - 1].lower_ not in self.ontology.cues.blocking_preps

    def _date_in_sentence(self, head: Token, mentions: list[DateMention], doc: Doc) -> str | None:
        clause = _clause_of(head)
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if root.head.i == head.i or _clause_of(root.head).i == clause.i:
                return mention.value
        if len(mentions) == 1:
            return mentions[0].value
        before = [m for m in mentions if m.end <= head.idx]
        return before[-1].value if before else None

    def _blocked(self, head: Token) -> bool:
        """Inside "following/after/since ...": the sentence's date is not this event's."""
        node = head
        blocking = self.ontology.cues.blocking_preps
        for _ in range(6):
            if node.head.i == node.i:
                return False
            if node.dep_ in ("pobj", "pcomp") and node.head.lower_ in blocking:
                return True
            if node.dep_ == "prep" and node.lower_ in blocking:
                return True
            if node.pos_ in ("VERB", "AUX") and node.i != head.i:
                return False
            node = node.head
        return False

    def _inherits(self, trigger: Trigger, sent: Span) -> bool:
        """Safe to date with the paragraph's last date: a past-tense report of a definite event,
        in a sentence with no time words of its own."""
        words = {t.lower_ for t in sent}
        if words & self.ontology.cues.temporal_words or any(t.ent_type_ in ("DATE", "TIME") for t in sent):
            return False
        head = trigger.head
        if trigger.is_nominal:
            return any(c.dep_ == "poss" or c.lower_ in _DEFINITE for c in head.children)
        if head.tag_ == "VBD":
            return True
        return head.tag_ == "VBN" and any(
            c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in head.children
        )

    # -- confidence ----------------------------------------------------------------------------
    @staticmethod
    def _confidence(
        trigger: Trigger, source: Actor | None, target: Actor | None, when: str | None, casualty: bool
    ) -> float:
        score = {"phrase": 0.4, "verb": 0.35, "noun": 0.3}.get(trigger.kind, 0.3)
        if casualty:
            score -= 0.1
        for actor in (source, target):
            if actor is not None:
                score += 0.2 if actor.country not in (None, "UNK") else 0.1
        if when is not None:
            score += 0.15
        return round(min(score, 0.95), 3)


def _clause_of(token: Token) -> Token:
    """The nearest verb at or above ``token`` (the clause it belongs to)."""
    node = token
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The sentence span without surrounding whitespace or a leading bullet dash."""
    while start < end and (text[start].isspace() or text[start] in "-\u2022*"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def load_coder(settings: Settings) -> Coder:
    """The coder with the packaged ontology and actor dictionary (both cached per process).

    ``settings.extra`` may name other data files (``plover_path``, ``actors_path``), which is how
    tests and analysts try a modified ontology without touching the package.
    """
    ontology = load_ontology(settings.extra.get("plover_path"))
    actors = load_actors(settings.extra.get("actors_path"))
    return Coder(ontology, actors)
