"""Model loading and batched parsing.

Two small choices matter downstream:

* A ``paragraph_breaks`` component runs before the parser and starts a new sentence after every
  line break. News text from ``clean`` keeps one paragraph (or bullet) per line; without this the
  small English model happily glues a heading onto the next paragraph's first sentence, and the
  event coder would then quote a "sentence" that spans two paragraphs.
* ``parse`` passes each :class:`Document` as the ``as_tuples`` context, so ids travel with their
  parse even when ``n_process > 1`` (documents are plain dataclasses and pickle fine).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.errors import ModelError
from flashpoint.records import Document
from flashpoint.settings import Settings

__all__ = ["load_nlp", "parse", "PARAGRAPH_COMPONENT"]

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
    return nlp


def parse(
    docs: Iterable[Document], nlp: Language, settings: Settings
) -> Iterator[tuple[Document, Doc]]:
    """Parse documents in batches, yielding each document with its parse, in input order."""
    stream = ((document.text, document) for document in docs)
    for parsed, document in nlp.pipe(
        stream,
        as_tuples=True,
        batch_size=settings.batch_size,
        n_process=settings.n_process,
    ):
        yield document, parsed
