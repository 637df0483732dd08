"""Expulsions told as orders to leave.

A government expels an envoy as often by telling them to go as by a verb of expelling: "Turkey
told Israel's ambassador to leave the country", "Riyadh gave Iranian diplomats 48 hours to
leave the kingdom", "ordered the chargé d'affaires to depart". The gold guidelines code each as
SANCTION by the one who orders against the envoy (whose country the resolver reads off the
phrase). This stage finds, in one sentence, each verb of ordering whose object is an envoy and
whose clause of purpose or complement is a verb of leaving; the coder makes the SANCTION from the
ordering verb and drops the envoy's own "leaving", which is not a withdrawal of theirs.

The words come from ``directed_departures`` in ``plover.yaml``
(:class:`~flashpoint.events.ontology.DepartureCues`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from flashpoint.events.arguments import noun_phrase
from flashpoint.events.ontology import DepartureCues

_OBJECT_DEPS = ("dobj", "dative")
_CLAUSE_DEPS = ("xcomp", "advcl", "ccomp")


def ordered_departures(sent: Span, cues: DepartureCues) -> list[tuple[Token, Span, Token]]:
    """``(ordering verb, envoy phrase, leaving verb)`` for each order to an envoy to leave."""
    found = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in cues.order_verbs:
            continue
        envoy = next((c for c in verb.children if c.dep_ in _OBJECT_DEPS
                      and c.lemma_.lower() in cues.envoys), None)
        leaving = next((c for c in verb.children if c.dep_ in _CLAUSE_DEPS
                        and c.lemma_.lower() in cues.leaving_verbs), None)
        if envoy is not None and leaving is not None and not _negated(verb):
            found.append((verb, noun_phrase(envoy), leaving))
    return found


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)
