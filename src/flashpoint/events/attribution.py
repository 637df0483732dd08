"""Who says an event happened: "according to the Pentagon", "Iraqi officials say ...".

Only sources the sentence names are returned; reported speech without a named speaker gives
None rather than a guess.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from flashpoint.events.arguments import noun_phrase

__all__ = ["attribution_of"]


def attribution_of(trigger: Token, sentence: Span, say_verbs: frozenset[str]) -> str | None:
    """The phrase naming the source of the report of ``trigger``, if the sentence gives one."""
    for token in sentence:
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is not None:
                return noun_phrase(obj).text
    node = trigger
    for _ in range(6):
        if node.head.i == node.i:
            break
        node = node.head
        if node.lemma_.lower() in say_verbs:
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ != "PRON":
                return noun_phrase(subject).text
    return None
