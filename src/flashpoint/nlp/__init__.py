"""The ``nlp`` stage: load the packaged spaCy model and parse documents in batches.

The model is the pip-installed package named by ``Settings.spacy_model``; nothing is ever
downloaded. Loading is lazy and cached per model name, so importing this package costs nothing.
"""

from __future__ import annotations

from flashpoint.nlp.pipeline import load_nlp, parse

__all__ = ["load_nlp", "parse"]
