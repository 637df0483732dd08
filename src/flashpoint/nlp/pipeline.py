"""Model loading and batched parsing.

Two small choices matter downstream:

* A ``paragraph_breaks`` component runs before the parser and starts a new sentence after every
  line break. News text from ``clean`` keeps one paragraph (or bullet) per line; without this the
  small English model happily glues a heading onto the next paragraph's first sentence, and the
  event coder would then quote a "sentence" that spans two paragraphs.
* ``parse`` passes each :class:`Document` as the ``as_tuples`` context, so ids travel with their
  parse even when ``n_process > 1`` (documents are plain dataclasses and pickle fine).

The model's attribute ruler and rule lemmatizer are replaced, under their own names, by
components that give exactly the same annotation in a fraction of the time
(:mod:`flashpoint.nlp.attribute_rules`, :mod:`flashpoint.nlp.lemmas`): together they cost the
small English model nearly a fifth of a parse, nearly all of it Python work per token. The
layers' matrix products go to numpy's BLAS on one thread (:mod:`flashpoint.nlp.ops`), about
three times as fast as thinc's BLIS here and nearly half of what is left of a parse.

With ``Settings.selective_parse`` (on by default; nearly 90% of conflict-news tokens sit in
sentences with a trigger word, so the gain is the NER and parse of the rest: ``bench/throughput.py``
measures it a little faster than a full parse) ``parse`` runs a second, light pipeline that shares the loaded model's vocabulary and components:
paragraph breaks and the model's ``senter`` over whole documents, then
:mod:`flashpoint.nlp.selective`, which gives the tagger, parser, lemmatizer and NER only the
sentences that may hold an event. ``load_nlp`` itself returns the full pipeline.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Iterable, Iterator

import spacy
import yaml
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

from flashpoint.errors import ModelError, UnsupportedRules
from flashpoint.nlp.attribute_rules import RULES_COMPONENT, compile_rules
from flashpoint.nlp.lemmas import LEMMA_COMPONENT
from flashpoint.nlp.ops import use_numpy_blas
from flashpoint.nlp.selective import SELECTIVE_COMPONENT, SelectiveParser, lemma_exceptions, trigger_forms
from flashpoint.records import Document
from flashpoint.settings import Settings

__all__ = ["load_nlp", "parse", "selective_pipeline", "PARAGRAPH_COMPONENT"]

PARAGRAPH_COMPONENT = "flashpoint_paragraph_breaks"


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start (the parser respects it)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or "\n" in previous.text:
            token.is_sent_start = True
    return doc


def load_nlp(settings: Settings) -> Language:
    """The spaCy pipeline named by ``settings.spacy_model``, loaded once per model name."""
    return _load(settings.spacy_model)


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as exc:  # spaCy's "can't find model" is an OSError (E050)
        raise ModelError(
            f"spaCy model {model!r} is not installed; install the package "
            f"(e.g. `pip install {model}`) or set FLASHPOINT_SPACY_MODEL. "
            "flashpoint never downloads models at run time."
        ) from exc
    except (ImportError, ValueError) as exc:
        raise ModelError(f"spaCy model {model!r} could not be loaded: {exc}") from exc
    if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    keep_titles_whole(nlp)
    _compile_rule_components(nlp)
    use_numpy_blas(nlp)
    return nlp


def keep_titles_whole(nlp: Language) -> None:
    """Rank titles ("Col.", "Lt.") stay one token (``data/tokenizer.yaml``): split at their
    stop, they end the sentence or break its parse in the middle of a name."""
    try:
        spec = yaml.safe_load(resources.files("flashpoint.data").joinpath("tokenizer.yaml").read_text("utf-8"))
        titles = [str(t) for t in spec["title_abbreviations"]]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise ModelError(f"data/tokenizer.yaml is unreadable: {exc!r}") from exc
    for title in titles:
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])


def _compile_rule_components(nlp: Language) -> None:
    """Put faster equivalents in place of the model's attribute ruler and rule lemmatizer (same
    names, same annotation: see :mod:`flashpoint.nlp.attribute_rules`, :mod:`flashpoint.nlp.lemmas`).
    A ruler whose rules cannot be compiled, or a lemmatizer not in rule mode, stays as it is."""
    names = set(nlp.pipe_names)
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in names else None
    if isinstance(ruler, AttributeRuler):
        try:
            rules = compile_rules(ruler)
        except UnsupportedRules:
            rules = None
        if rules is not None:
            nlp.replace_pipe("attribute_ruler", RULES_COMPONENT).bind(rules)
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in names else None
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule":
        nlp.replace_pipe("lemmatizer", LEMMA_COMPONENT).bind(lemmatizer)


def parse(
    docs: Iterable[Document], nlp: Language, settings: Settings
) -> Iterator[tuple[Document, Doc]]:
    """Parse documents in batches, yielding each document with its parse, in input order.

    Each parse covers the whole ``document.text``; with ``settings.selective_parse`` only the
    sentences that may hold an event carry the model's analysis (see ``flashpoint.nlp.selective``).
    """
    if settings.selective_parse:
        nlp = selective_pipeline(nlp, settings.extra.get("plover_path"))
    stream = ((document.text, document) for document in docs)
    for parsed, document in nlp.pipe(
        stream,
        as_tuples=True,
        batch_size=settings.batch_size,
        n_process=settings.n_process,
    ):
        yield document, parsed


@lru_cache(maxsize=8)
def selective_pipeline(
    nlp: Language, plover_path: str | None = None, ner_everywhere: bool = False
) -> Language:
    """A light pipeline over ``nlp``'s vocabulary and components that parses candidates only.

    ``plover_path`` names the ontology whose trigger lexicon decides which sentences are
    candidates: the coder's (``settings.extra["plover_path"]``, else the packaged one). NER
    runs with the other components, on candidates only, unless ``ner_everywhere``: then over
    whole documents, after the sentence splitter as in a full parse, for the places named
    outside the events' sentences. Place resolution weighs those too, but the gazetteer and
    country-name matches over the whole text find most of them; on the demo corpus, the seeds
    and the gold texts both ways code the same 843 events, field for field, and NER on
    candidates only saves a tenth of the model's time (it is the model's costliest component).
    """
    from flashpoint.events.ontology import load_ontology

    if "senter" not in nlp.component_names:
        raise ModelError(f"spaCy model {nlp.meta.get('name')!r} has no senter; set selective_parse=False")
    light = spacy.blank(nlp.lang, vocab=nlp.vocab)
    light.tokenizer = nlp.tokenizer
    light.add_pipe(PARAGRAPH_COMPONENT)
    light.add_pipe("senter", source=nlp)
    done = ["ner"] if ner_everywhere and "ner" in nlp.pipe_names else []
    for name in done:
        light.add_pipe(name, source=nlp)
    selective: SelectiveParser = light.add_pipe(SELECTIVE_COMPONENT)
    selective.bind(nlp, trigger_forms(load_ontology(plover_path), lemma_exceptions(nlp)), done)
    use_numpy_blas(light)  # the sourced senter is nlp's own; this only makes sure of it
    return light
