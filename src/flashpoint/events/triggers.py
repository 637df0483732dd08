"""Finding event triggers in a parsed sentence: verbs, nominalisations and multiword phrases.

Built from ``plover.yaml``: verbs by lemma; nouns by lemma or lower-cased form (the small model
sometimes tags "Airstrikes" as a proper noun or lemmatises a rare plural badly, so a known plural
form in a noun's syntactic slot counts too); multiword phrases word by word on the lemma. Overlapping
matches are resolved longest first, one trigger per token.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
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
    """All triggers in a span of a parsed document, per the ontology.

    Single-word triggers are dictionary look-ups by lemma (verbs) or by lemma or lower-cased
    form (nouns); only multiword phrases go through a spaCy ``Matcher``. A matcher rule with a
    long ``IN`` list is tested against every token of a document, which cost more than the
    parser on news text; a look-up costs one hash per token.
    """

    def __init__(self, vocab: Vocab, ontology: Ontology) -> None:
        self.ontology = ontology
        self._verbs: dict[str, list[str]] = {}
        self._noun_lemmas: dict[str, list[str]] = {}
        self._noun_forms: dict[str, list[str]] = {}
        self.matcher = Matcher(vocab)
        for name, etype in ontology.types.items():
            for lemma in etype.verbs:
                self._verbs.setdefault(lemma, []).append(name)
            for lemma in etype.nouns:
                self._noun_lemmas.setdefault(lemma, []).append(name)
            for form in _plurals(etype.nouns):
                self._noun_forms.setdefault(form, []).append(name)
            patterns = [
                [{"LEMMA": {"IN": _cases(word)}} for word in phrase.split()]
                for phrase in etype.phrases
            ]
            if patterns:
                self.matcher.add(f"{name}|phrase", patterns)

    def find(self, sent: Span) -> list[Trigger]:
        """Triggers in ``sent``, in text order, at most one per token (longest match wins)."""
        doc = sent.doc
        candidates: list[Trigger] = []
        for name, kind, start, end in self._doc_matches(doc):
            if start < sent.start or end > sent.end:
                continue
            candidates.append(Trigger(doc[start:end], name, kind))
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

    def _doc_matches(self, doc: Doc) -> list[tuple[str, str, int, int]]:
        """``(type, kind, start, end)`` of every trigger match in the document, computed once.

        Kept in ``doc.user_data`` under this finder's id, so a new finder never reuses it.
        """
        key = ("flashpoint.triggers", id(self))
        if key not in doc.user_data:
            matches = list(self._word_matches(doc))
            for match_id, start, end in self.matcher(doc):
                name, kind = doc.vocab.strings[match_id].split("|")
                matches.append((name, kind, start, end))
            doc.user_data[key] = matches
        return doc.user_data[key]

    def _word_matches(self, doc: Doc) -> Iterator[tuple[str, str, int, int]]:
        """Single-token verb and noun triggers (the rules of the module docstring)."""
        for token in doc:
            i = token.i
            if token.pos_ in _VERB_POS:
                for name in self._verbs.get(token.lemma_, ()):
                    yield name, "verb", i, i + 1
            nominal = token.pos_ in _NOUN_POS
            names = self._noun_lemmas.get(token.lemma_, []) if nominal else []
            if nominal or token.dep_ in _NOUN_DEPS:
                names = names + self._noun_forms.get(token.lower_, [])
            for name in dict.fromkeys(names):
                yield name, "noun", i, i + 1

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


def _cases(word: str) -> list[str]:
    """A phrase word as the matcher compares lemmas: lower, capitalised and upper case."""
    return sorted({word.lower(), word.capitalize(), word.upper(), word})
