"""Linking an event to its place.

An article about a strike in Anbar may open with "WASHINGTON" and mention Tehran and Iraq
before it gets to the base that was hit; the event's place is the one the reporting sentence
ties to the event word. We prefer, in order:

1. a place syntactically attached to the trigger or to one of its arguments through a
   locative preposition ("struck a convoy *near Abu Kamal*", "rockets hit *the Al-Asad base*
   *in Anbar*"), or a curated site that is itself an argument ("attacked the Al-Asad base");
   the shortest attachment path wins, then the most specific place;
2. otherwise the most specific place of the same sentence, closest to the trigger;
3. otherwise ``None`` -- never the first place of the article, which is usually a dateline or
   the capital a statement came from.

Places named only by an adjective ("Iraqi forces") say whose, not where, and are skipped.
"""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Span, Token

from flashpoint.geo.resolve import PRECISION_RANK, Place

__all__ = ["event_place"]

_LOCATIVE = {"in", "at", "near", "on", "outside", "inside", "around", "into", "across", "over",
             "along", "within", "off", "towards", "toward", "onto", "nearby", "outskirts"}
#: Dependency edges a place may climb through on its way to the trigger.
_CLIMB = {"compound", "amod", "nmod", "poss", "appos", "pobj", "prep", "dobj", "nsubjpass",
          "npadvmod", "conj", "pcomp", "advmod", "nsubj", "attr", "obj", "obl", "agent", "dative",
          "acl", "relcl", "advcl", "xcomp"}
_MAX_STEPS = 6


def event_place(sentence: Span, trigger: Token, places: Sequence[Place]) -> Place | None:
    """The place of an event triggered by ``trigger`` in ``sentence``, or None."""
    inside = [p for p in places
              if sentence.start_char <= p.start and p.end <= sentence.end_char and not p.demonym
              and p.kind != "continent"]
    if not inside:
        return None
    attached: list[tuple[int, int, Place]] = []
    for place in inside:
        steps = _attachment(sentence, trigger, place)
        if steps is not None:
            attached.append((steps, PRECISION_RANK.get(place.precision, 9), place))
    if attached:
        return min(attached, key=lambda item: (item[0], item[1]))[2]
    return min(inside, key=lambda p: (PRECISION_RANK.get(p.precision, 9),
                                      abs(p.start - trigger.idx)))


def _attachment(sentence: Span, trigger: Token, place: Place) -> int | None:
    """Steps from the place up the parse to the trigger, if the path is locative."""
    span = sentence.doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    if token.i == trigger.i:
        return None
    locative = place.precision == "site"
    for steps in range(1, _MAX_STEPS + 1):
        if token.dep_ not in _CLIMB or token.head.i == token.i:
            return None
        head = token.head
        if token.dep_ == "pobj" and head.lower_ in _LOCATIVE:
            locative = True
        if head.i == trigger.i:
            return steps if locative else None
        token = head
    return None
