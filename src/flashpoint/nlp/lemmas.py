"""The model's rule lemmatizer, called once per distinct word form rather than once per token.

spaCy's rule lemmatizer visits every token from Python and sets ``token.lemma_`` one at a time;
its result depends only on the token's form, part of speech and morphology (its own cache is
keyed on exactly those). :class:`LemmaComponent` asks the model's lemmatizer once for each such
triple, keeps the answer, and writes a whole document's lemmas with ``Doc.from_array``: the
same lemmas (``overwrite`` respected: tokens the attribute rules gave a lemma keep it), for a
fraction of the Python work.

The lemmatizer it asks is a twin of the model's whose word index (``lemma_index``) holds sets:
the model's holds lists, which the rule lemmatizer searches word by word for every candidate
form (57,000 nouns), the larger part of its time. Membership is all it asks of them.
"""

from __future__ import annotations

from typing import Iterable, Iterator

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token
from spacy.util import minibatch

from flashpoint.errors import ModelError

__all__ = ["LemmaComponent", "LEMMA_COMPONENT"]

LEMMA_COMPONENT = "flashpoint_lemmas"
#: Lemmas kept (about a vocabulary's worth; then the memo starts again, so that a long-running
#: process does not grow it for ever).
_MAX_MEMO = 500_000


class LemmaComponent:
    """The pipeline step that lemmatizes with a bound rule-mode ``Lemmatizer`` (see module)."""

    def __init__(self, name: str = LEMMA_COMPONENT) -> None:
        self.name = name
        self.lemmatizer: Lemmatizer | None = None
        self._memo: dict[tuple[int, int, int], int] = {}

    def bind(self, lemmatizer: Lemmatizer) -> "LemmaComponent":
        """Use ``lemmatizer``, which must be in rule mode (lookup mode depends on the text only,
        and is cheap already)."""
        if lemmatizer.mode != "rule":
            raise ModelError(f"{self.name} reproduces rule-mode lemmatizers only, not {lemmatizer.mode!r}")
        self.lemmatizer = _indexed_twin(lemmatizer)
        return self

    @property
    def lookups(self) -> object:
        """The bound lemmatizer's tables (its exceptions tell irregular forms apart)."""
        return self.lemmatizer.lookups if self.lemmatizer is not None else None

    def __call__(self, doc: Doc) -> Doc:
        """Lemmatize ``doc``: one call of the lemmatizer per new (form, POS, morphology)."""
        lemmatizer = self.lemmatizer
        if lemmatizer is None:
            raise ModelError(f"{self.name} is not bound to a lemmatizer (see LemmaComponent.bind)")
        if len(doc) == 0:
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        todo = numpy.ones(len(doc), dtype=bool) if lemmatizer.overwrite else rows[:, 3] == 0
        if not todo.any():
            return doc
        positions = numpy.flatnonzero(todo)
        keys, first, inverse = numpy.unique(rows[todo, :3], axis=0, return_index=True, return_inverse=True)
        lemmas = numpy.array(
            [self._lemma(lemmatizer, tuple(key), doc[int(positions[i])])
             for key, i in zip(keys.tolist(), first.tolist())],
            dtype="uint64",
        )
        out = rows[:, 3].copy()
        out[todo] = lemmas[inverse.reshape(-1)]
        doc.from_array([LEMMA], out)
        return doc

    def _lemma(self, lemmatizer: Lemmatizer, key: tuple[int, int, int], token: Token) -> int:
        """The lemma (as a string id) of ``token``, whose (form, POS, morphology) is ``key``."""
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= _MAX_MEMO:
                self._memo.clear()
            found = self._memo[key] = token.vocab.strings.add(lemmatizer.lemmatize(token)[0])
        return found

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            yield from (self(doc) for doc in batch)


def _indexed_twin(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A lemmatizer of the same class, mode and tables, but with the word index as sets."""
    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        if name == "lemma_index":  # (given its data, a Table sizes its Bloom filter to it)
            table = Table(name, {key: frozenset(words) if isinstance(words, list) else words
                                 for key, words in table.items()})
        lookups.set_table(name, table)
    twin = type(lemmatizer)(lemmatizer.vocab, lemmatizer.model, lemmatizer.name,
                            mode=lemmatizer.mode, overwrite=lemmatizer.overwrite)
    twin.initialize(lookups=lookups)
    return twin


@Language.factory(LEMMA_COMPONENT)
def make_lemma_component(nlp: Language, name: str) -> LemmaComponent:
    """An unbound :class:`LemmaComponent`; ``flashpoint.nlp.pipeline`` binds it."""
    return LemmaComponent(name)
