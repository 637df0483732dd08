"""Finding event triggers in a parsed sentence: verbs, nominalisations and multiword phrases.

Matchers are built from ``plover.yaml``: one spaCy ``Matcher`` rule per type for verbs (by
lemma), one for nouns (by lemma or lower-cased form, since the small model sometimes tags
"Airstrikes" as a proper noun or lemmatises a rare plural badly) and one per phrase (each word
by lower-cased lemma). Overlapping matches are resolved longest first, one trigger per token.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from flashpoint.events.ontology import Ontology

__all__ = ["Trigger", "TriggerFinder"]

_VERB_POS = ["VERB"]
_NOUN_POS = ["NOUN", "PROPN"]
_NOUN_DEPS = ["pobj", "dobj", "nsubj", "nsubjpass", "appos", "attr"]


@dataclass(frozen=True)
class Trigger:
    """A trigger span and the type it suggests. ``head`` is the token arguments hang from."""

    span: Span
    event_type: str
    kind: str  # "verb" | "noun" | "phrase"

    @property
    def head(self) -> Token:
        return self.span.root

    @property
    def is_nominal(self) -> bool:
        return self.head.pos_ in _NOUN_POS or (self.kind == "noun" and self.head.dep_ in _NOUN_DEPS)


def _plurals(nouns: frozenset[str]) -> list[str]:
    forms = set(nouns)
    for noun in nouns:
        forms.add(noun + "s")
        forms.add(noun + "es")
    return sorted(forms)


class TriggerFinder:
    """All triggers in a span of a parsed document, per the ontology."""

    def __init__(self, vocab: Vocab, ontology: Ontology) -> None:
        self.ontology = ontology
        self.matcher = Matcher(vocab)
        for name, etype in ontology.types.items():
            if etype.verbs:
                self.matcher.add(
                    f"{name}|verb",
                    [[{"LEMMA": {"IN": sorted(etype.verbs)}, "POS": {"IN": _VERB_POS}}]],
                )
            if etype.nouns:
                self.matcher.add(
                    f"{name}|noun",
                    [
                        [{"LEMMA": {"IN": sorted(etype.nouns)}, "POS": {"IN": _NOUN_POS}}],
                        [{"LOWER": {"IN": _plurals(etype.nouns)}, "POS": {"IN": _NOUN_POS}}],
                        # a noun the tagger took for a verb ("the U.S. airstrikes" as VBZ)
                        [{"LOWER": {"IN": _plurals(etype.nouns)}, "DEP": {"IN": _NOUN_DEPS}}],
                    ],
                )
            patterns = [
                [{"LEMMA": {"REGEX": f"(?i)^{word}$"}} for word in phrase.split()]
                for phrase in etype.phrases
            ]
            if patterns:
                self.matcher.add(f"{name}|phrase", patterns)

    def find(self, sent: Span) -> list[Trigger]:
        """Triggers in ``sent``, in text order, at most one per token (longest match wins)."""
        doc = sent.doc
        candidates: list[Trigger] = []
        for match_id, start, end in self.matcher(sent):
            label = doc.vocab.strings[match_id]
            name, kind = label.split("|")
            span = doc[sent.start + start : sent.start + end]
            candidates.append(Trigger(span, name, kind))
        candidates.sort(key=lambda t: (-(t.span.end - t.span.start), t.span.start))
        taken: set[int] = set()
        chosen: list[Trigger] = []
        for trigger in candidates:
            tokens = set(range(trigger.span.start, trigger.span.end))
            if tokens & taken:
                continue
            taken |= tokens
            chosen.append(self._override(trigger))
        return sorted(chosen, key=lambda t: t.span.start)

    def _override(self, trigger: Trigger) -> Trigger:
        """Re-type a trigger whose object says it is another event ("withdrawal from a deal")."""
        lemma = trigger.head.lemma_.lower()
        for override in self.ontology.overrides:
            if lemma not in override.lemmas and trigger.head.lower_ not in override.lemmas:
                continue
            objects = [
                t.lemma_.lower()
                for child in trigger.head.children
                if child.dep_ in ("dobj", "prep", "pobj")
                for t in child.subtree
            ]
            if override.object_words.intersection(objects):
                return Trigger(trigger.span, override.event_type, trigger.kind)
        return trigger
