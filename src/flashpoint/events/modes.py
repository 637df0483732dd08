"""The PLOVER mode of an event (``aerial``, ``drone``, ``heavy-weapons``, ...).

Cues are looked for in three tiers, the first tier with a hit deciding: the trigger's own words
("airstrike", "assassination"), then its modifiers and instruments ("drone attacks", "attacked by
rockets", "rockets hit"), then the whole sentence, but only when the sentence holds one event of
that type (otherwise the cue may belong to another event). Within a tier, modes are tried in
data-file order.
"""

from __future__ import annotations

from typing import Iterable

from spacy.tokens import Span, Token

from flashpoint.events.ontology import EventMode, EventType

__all__ = ["choose_mode"]


def _words(tokens: Iterable[Token], verb_lemmas: bool = False) -> set[str]:
    """Word forms, plus noun lemmas ("rockets" -> "rocket"); verb lemmas only for the trigger
    itself ("seized" -> "seize"), so that a verb in the context does not pass for a weapon."""
    words: set[str] = set()
    for token in tokens:
        words.add(token.lower_)
        if verb_lemmas or token.pos_ in ("NOUN", "PROPN"):
            words.add(token.lemma_.lower())
    return words


def _hit(mode: EventMode, words: set[str], text: str) -> bool:
    """Whether ``mode`` has a cue among ``words``, or a multiword cue in ``text`` (hyphens
    read as spaces on both sides, so "car bomb" finds "car-bomb" and "air-strike" "air strike";
    spaCy splits "air-strike" into three tokens, so it is never one of ``words``)."""
    for cue in mode.cues:
        if " " in cue or "-" in cue:
            if _unhyphenated(cue) in text:
                return True
        elif cue in words:
            return True
    return False


def _unhyphenated(text: str) -> str:
    return " ".join(text.replace("-", " ").split())


def choose_mode(
    etype: EventType,
    trigger: Span,
    instruments: list[Token],
    sentence: Span,
    alone_in_sentence: bool,
) -> EventMode | None:
    """The mode whose cues the trigger, its modifiers or (if alone) its sentence carry."""
    if not etype.modes:
        return None
    head = trigger.root
    modifiers = [t for c in head.children if c.dep_ in ("compound", "amod", "nmod") for t in c.subtree]
    tiers: list[tuple[set[str], str]] = [
        (_words(trigger, verb_lemmas=True), trigger.text.lower()),
        (_words([*modifiers, *instruments]), " ".join(t.lower_ for t in [*modifiers, *instruments, *trigger])),
    ]
    if alone_in_sentence and etype.mode_from_sentence:
        tiers.append((_words(sentence), sentence.text.lower()))
    for words, text in tiers:
        flat = _unhyphenated(text)
        for mode in etype.modes:
            if _hit(mode, words, flat):
                return mode
    return None
