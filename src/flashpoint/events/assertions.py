"""Accusations made by assertion.

Reports accuse as often by saying what someone did wrong as by a verb of accusing: "Tehran said
the Global Hawk had violated Iranian airspace", "Putin said Kiev bore responsibility", "the
White House said responsibility for the deaths rested squarely with Hamas". The gold guidelines
code each as ACCUSE (mode allege) by the speaker against the one said to have done wrong. This
stage finds, in one sentence, each verb of saying whose reported clause says so; the coder makes
the ACCUSE from the verb, with the speaker its doer and the wrongdoer its target.

Only clauses told as fact count: "said the strike could amount to a breach" or "said Iran had
not violated the deal" accuse no one. The words come from ``accusing_assertions`` in
``plover.yaml`` (:class:`~flashpoint.events.ontology.AssertionCues`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from flashpoint.events.arguments import noun_phrase
from flashpoint.events.ontology import AssertionCues

#: Auxiliaries that make a reported clause a possibility or a plan, not a charge.
_HEDGES = frozenset({"will", "would", "could", "may", "might", "should", "can", "must", "shall"})


def accusations_in(sent: Span, say_verbs: frozenset[str], cues: AssertionCues) -> list[tuple[Token, Span]]:
    """Each verb of saying in ``sent`` whose reported clause tells of a wrong, with the phrase
    of the one it says did it."""
    found = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in say_verbs:
            continue
        for clause in verb.children:
            if clause.dep_ != "ccomp" or _hedged(clause):
                continue
            accused = _wrongdoer(clause, cues)
            if accused is not None:
                found.append((verb, noun_phrase(accused)))
    return found


def _hedged(clause: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _HEDGES) for c in clause.children)


def _wrongdoer(clause: Token, cues: AssertionCues) -> Token | None:
    """The one a reported clause says did wrong, if it says so."""
    lemma = clause.lemma_.lower()
    subject = _subject(clause)
    objects = {c.lemma_.lower() for c in clause.children if c.dep_ == "dobj"}
    if lemma in cues.wrongdoing_verbs:
        return subject  # "the drone had violated Iranian airspace"
    if lemma in cues.break_verbs and objects & cues.broken_objects:
        return subject  # "the soldiers had broken the rules of engagement"
    if lemma in cues.responsibility_verbs and objects & cues.responsibility_nouns:
        return subject  # "Kiev bore responsibility"
    if lemma == "be" and _culpable(clause, cues):
        return subject  # "the Assad government was responsible", "Iran was behind the attack"
    if lemma in cues.resting_verbs and subject is not None \
            and subject.lemma_.lower() in cues.responsibility_nouns:
        return _object_of(clause, ("with", "on"))  # "responsibility rested squarely with Hamas"
    return None


def _subject(clause: Token) -> Token | None:
    """The clause's subject, if a name or a noun: a pronoun ("saying it had broken the rules")
    is left alone, since the resolver reads pronouns as the latest actor named."""
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ in ("NOUN", "PROPN") else None


def _culpable(clause: Token, cues: AssertionCues) -> bool:
    return any(c.dep_ in ("acomp", "prep", "attr") and c.lower_ in cues.culpable_words
               for c in clause.children)


def _object_of(clause: Token, prepositions: tuple[str, ...]) -> Token | None:
    for prep in clause.children:
        if prep.dep_ == "prep" and prep.lower_ in prepositions:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None
