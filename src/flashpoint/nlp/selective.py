"""Selective parsing: only sentences that could hold an event get the model's syntax.

The coder only starts an event from a trigger word, so a sentence without one needs no
dependency parse. Each document is

1. tokenised and split into sentences cheaply: the paragraph-break rule, then the model's own
   ``senter`` (a small tagger that ships disabled with the model), and optionally NER over the
   whole document (see ``flashpoint.nlp.pipeline.selective_pipeline``);
2. filtered sentence by sentence: a sentence is a *candidate* when one of its tokens is a form
   of one of ``Ontology.trigger_lemmas``. The forms are generated from the lemmas: regular
   inflections plus the lemmatizer's own exception table ("struck", "held"). A false "yes"
   only costs time, so the filter needs no tagger and over-generates freely;
3. on candidates only, ``tok2vec``, tagger, parser, attribute ruler, lemmatizer and NER run: each
   run of consecutive candidate sentences, with ``CONTEXT`` tokens either side, becomes a small
   ``Doc``, batched with the runs of the other documents of the batch. Its sentence boundaries
   are preset, which the parser respects, so the coder sees exactly the ``senter`` boundaries;
4. written back into the whole document's ``Doc``. Other sentences get flat annotation (lemma =
   lower-case form, first token the root, the rest attached to it as ``dep``, no entities):
   enough for ``doc.sents`` and a ``Matcher``, and by construction nothing there is a trigger.

The sentence boundaries are the ``senter``'s, not the parser's: on news text they agree with a
full parse's on about 95% of boundaries (``tests/test_selective.py`` holds them to 90%).
Whether this pays depends on how many sentences hold no trigger word at all: see
``bench/throughput.py``, which measures the pipeline with and without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, LOWER, MORPH, NORM, ORTH, POS, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from flashpoint.errors import ModelError

if TYPE_CHECKING:
    from flashpoint.events.ontology import Ontology

__all__ = ["SelectiveParser", "trigger_forms", "lemma_exceptions", "SELECTIVE_COMPONENT", "FLAT_DEP"]

SELECTIVE_COMPONENT = "flashpoint_selective_parse"
#: The dependency label of a token in a sentence that was not parsed (attached to its first token).
FLAT_DEP = "dep"
#: Components that run on candidate sentences only, in pipeline order, when the model has them.
HEAVY_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
_INSIDE, _OUTSIDE, _BEGIN = 1, 2, 3  # ENT_IOB values "I", "O", "B"
#: Tokens of context parsed along on each side of a run of candidates: the receptive field of
#: the small English model's convolutional ``tok2vec`` (depth 4, window 1).
CONTEXT = 4


def trigger_forms(ontology: "Ontology", exceptions: Iterable[tuple[str, str]] = ()) -> frozenset[str]:
    """Every lower-case surface form that may carry a trigger lemma.

    The lemmas are ``Ontology.trigger_lemmas``: everything the coder can start an event from
    (trigger verbs and nouns, each phrase's first word, frame words, casualty verbs), kept by
    the ontology's owners as the contract of this filter.

    ``exceptions`` are ``(form, lemma)`` pairs of irregular forms (the lemmatizer's exception
    table), which the regular inflections below cannot produce.
    """
    words = ontology.trigger_lemmas
    forms: set[str] = set()
    for word in words:
        forms |= _inflections(word)
    forms |= {form.lower() for form, lemma in exceptions if lemma.lower() in words}
    return frozenset(forms)


def _inflections(word: str) -> set[str]:
    """Regular English inflections of ``word``, generously (over-generation is harmless)."""
    forms = {word, word + "s", word + "es", word + "d", word + "ed", word + "ing", word + "'s"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word[:-1] + "ed"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word[-1:].isalpha() and word[-1] not in "aeiouwxy":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def lemma_exceptions(nlp: Language) -> list[tuple[str, str]]:
    """``(form, lemma)`` pairs of the rule lemmatizer's exception table, if the model has one."""
    if "lemmatizer" not in nlp.component_names:
        return []
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return []
    table = lookups.get_table("lemma_exc")
    pairs: list[tuple[str, str]] = []
    for pos in ("verb", "noun"):
        if pos in table:
            pairs.extend((form, lemma) for form, lemmas in table[pos].items() for lemma in lemmas)
    return pairs


class SelectiveParser:
    """The pipeline step that parses candidate sentences and writes the result back.

    Built unbound by its factory; :meth:`bind` gives it the full pipeline's components and the
    trigger forms (the factory's config can only hold JSON, and the components live in another
    ``Language`` object).
    """

    def __init__(self, name: str = SELECTIVE_COMPONENT) -> None:
        self.name = name
        self.stages: list[tuple[str, object]] = []
        self.attrs: list[int] = []
        self.forms: frozenset[str] = frozenset()
        self._form_ids: frozenset[int] = frozenset()  # the forms' string hashes, as LOWER holds them

    def bind(
        self, full: Language, forms: frozenset[str], done: Iterable[str] = ()
    ) -> "SelectiveParser":
        """Use ``full``'s heavy components, except those in ``done`` (already run on the whole
        document), on the candidates of documents with the trigger ``forms``."""
        skip = set(done)
        self.stages = [
            (n, full.get_pipe(n)) for n in full.pipe_names if n in HEAVY_COMPONENTS and n not in skip
        ]
        self.attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
        if any(n == "ner" for n, _ in self.stages):
            self.attrs += [ENT_IOB, ENT_TYPE]
        self.forms = forms
        self._form_ids = frozenset(hash_string(form) for form in forms)
        return self

    def is_candidate(self, sent: Span) -> bool:
        """Whether ``sent`` holds a token that may be a trigger (by its lower-case form)."""
        return not self._form_ids.isdisjoint(token.lower for token in sent)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            yield from self._process(list(batch))

    def _process(self, docs: list[Doc]) -> list[Doc]:
        """Parse the candidate runs of a batch of documents together, then write back."""
        if not self.attrs:
            raise ModelError(f"{self.name} is not bound to a pipeline (see SelectiveParser.bind)")
        runs = [self.candidate_runs(doc) for doc in docs]
        subdocs = [sub for doc, doc_runs in zip(docs, runs) for sub in _run_docs(doc, doc_runs)]
        for _name, proc in self.stages:
            subdocs = list(proc.pipe(subdocs, batch_size=max(len(subdocs), 1)))  # type: ignore[attr-defined]
        parsed = iter(subdocs)
        for doc, doc_runs in zip(docs, runs):
            _write_back(doc, [(run, next(parsed)) for run in doc_runs], self.attrs)
        return docs

    def candidate_runs(self, doc: Doc) -> list[_Run]:
        """Maximal runs of consecutive candidate sentences, each with a little context around it.

        Parsing a run rather than each sentence alone keeps the context that the model sees
        across a sentence boundary (its convolutions look ``CONTEXT`` tokens either way) the
        same as in a full parse, except at the edges of a run, where ``CONTEXT`` tokens of the
        neighbouring sentences are parsed along and thrown away.
        """
        runs: list[_Run] = []
        lowers = doc.to_array([LOWER]).tolist()
        for sent in doc.sents:
            if self._form_ids.isdisjoint(lowers[sent.start : sent.end]):
                continue
            if runs and runs[-1].end == sent.start:
                runs[-1].end = sent.end
            else:
                runs.append(_Run(sent.start, sent.end))
        for run in runs:
            run.left = max(0, run.start - CONTEXT)
            run.right = min(len(doc), run.end + CONTEXT)
        return runs


@dataclass
class _Run:
    """Tokens ``start:end`` of a document are candidates; ``left:right`` is what gets parsed."""

    start: int
    end: int
    left: int = 0
    right: int = 0


def _run_docs(doc: Doc, runs: list[_Run]) -> Iterator[Doc]:
    """Each run with its context as a document of its own, keeping the sentence boundaries.

    The parser respects preset boundaries, so every sentence (and each context fragment) comes
    back as one tree, and the coder sees exactly the boundaries the ``senter`` drew. (Built
    from arrays: ``Span.as_doc`` copies the whole document's arrays for every span.)
    """
    rows = doc.to_array([ORTH, SPACY, NORM])  # NORM: the tokenizer's exceptions set it per token
    sent_starts = doc.to_array([SENT_START]).view("int64")  # 1, -1 (not a start) or 0 (unset)
    strings = doc.vocab.strings
    for run in runs:
        part = rows[run.left : run.right]
        starts = (sent_starts[run.left : run.right] == 1).tolist()
        starts[0] = True
        starts[run.start - run.left] = True
        if run.end < run.right:
            starts[run.end - run.left] = True
        sub = Doc(
            doc.vocab,
            words=[strings[orth] for orth in part[:, 0].tolist()],
            spaces=[bool(space) for space in part[:, 1].tolist()],
            sent_starts=starts,
        )
        sub.from_array([NORM], part[:, 2:3])
        yield sub


def _write_back(doc: Doc, parsed: Sequence[tuple[_Run, Doc]], attrs: list[int]) -> None:
    """Give ``doc`` the parsed runs' ``attrs`` and flat annotation everywhere else."""
    if len(doc) == 0:
        return
    col = {attr: j for j, attr in enumerate(attrs)}
    strings = doc.vocab.strings
    array = numpy.zeros((len(doc), len(attrs)), dtype="uint64")
    array[:, col[LEMMA]] = doc.to_array([LOWER])
    array[:, col[DEP]] = strings.add(FLAT_DEP)
    heads = numpy.zeros(len(doc), dtype="int64")
    root = strings.add("ROOT")
    for sent in doc.sents:
        heads[sent.start : sent.end] = sent.start - numpy.arange(sent.start, sent.end)
        array[sent.start, col[DEP]] = root
    array[:, col[HEAD]] = heads.view("uint64")
    if ENT_IOB in col:
        array[:, col[ENT_IOB]] = _OUTSIDE
    for run, sub in parsed:
        offset = run.start - run.left
        array[run.start : run.end] = sub.to_array(attrs)[offset : offset + run.end - run.start]
        if ENT_IOB in col and array[run.start, col[ENT_IOB]] == _INSIDE:
            array[run.start, col[ENT_IOB]] = _BEGIN  # an entity begun in the discarded context
    doc.from_array(attrs, array)


@Language.factory(SELECTIVE_COMPONENT)
def make_selective_parser(nlp: Language, name: str) -> SelectiveParser:
    """An unbound :class:`SelectiveParser`; ``flashpoint.nlp.pipeline`` binds it."""
    return SelectiveParser(name)
