"""Fatalities and injuries stated in a sentence.

Counts are read from the parse, not from any number in the sentence: the victims of a killing
or wounding verb ("four militia members were killed", "killing all 176 passengers"), the people
a casualty noun is said of ("more than 100 troops were diagnosed with brain injuries"), or a
negative determiner ("no injuries", "with no reported injuries" -> 0). "More than 100" counts as
100: the lower bound the text commits to.
"""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Span, Token

from flashpoint.events.ontology import Cues

__all__ = ["CasualtyCounter"]

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})*$|^\d+$")


class CasualtyCounter:
    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    def number(self, token: Token) -> int | None:
        """The integer a number token (or a number word) stands for."""
        text = token.lower_
        if _DIGITS.match(text):
            return int(text.replace(",", ""))
        return self.cues.number_words.get(text)

    def count_of(self, noun: Token) -> int | None:
        """How many ``noun`` are: "four members", "all 176 passengers", "no civilians"."""
        for child in noun.children:
            if child.dep_ == "nummod":
                value = self.number(child)
                if value is not None:
                    return value
            if child.dep_ == "det" and child.lower_ in ("no", "none"):
                return 0
        if noun.like_num:
            return self.number(noun)
        return None

    def _victim(self, verb: Token) -> Token | None:
        deps = ("nsubjpass", "dobj") if verb.lemma_.lower() != "die" else ("nsubj",)
        return next((c for c in verb.children if c.dep_ in deps), None)

    def _verb_count(self, verb: Token) -> int | None:
        victim = self._victim(verb)
        negated = any(c.dep_ == "neg" for c in verb.children)
        if victim is None:
            return None
        if negated and any(c.lower_ == "any" for c in victim.children):
            return 0  # "didn't kill any U.S. forces"
        return None if negated else self.count_of(victim)

    def _noun_count(self, noun: Token) -> int | None:
        own = self.count_of(noun)
        if own is not None:
            return own
        node = noun
        for _ in range(3):  # up to the clause: "troops ... were diagnosed with injuries"
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                return self.count_of(subject) if subject is not None else None
            if node.head.i == node.i:
                break
        return None

    def count(self, sent: Span) -> tuple[int | None, int | None]:
        """(fatalities, injuries) stated in ``sent``; None where the sentence says nothing."""
        fatalities = [v for kind, v, _ in self.counts(sent) if kind == "fatalities"]
        injuries = [v for kind, v, _ in self.counts(sent) if kind == "injuries"]
        return (max(fatalities) if fatalities else None, max(injuries) if injuries else None)

    def counts(self, sent: Span) -> Iterator[tuple[str, int, int]]:
        """Each stated count as (``fatalities`` | ``injuries``, value, token index)."""
        for token in sent:
            lemma = token.lemma_.lower()
            if lemma in self.cues.kill_words:
                kind = "fatalities"
            elif lemma in self.cues.injury_words or token.lower_ in self.cues.injury_words:
                kind = "injuries"
            else:
                continue
            if token.pos_ == "VERB":
                value = self._verb_count(token)
            elif token.pos_ in ("NOUN", "PROPN"):
                value = self._noun_count(token)
            else:
                value = None
            if value is not None:
                yield kind, value, token.i
