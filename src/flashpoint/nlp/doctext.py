"""The text of a parsed document, computed once.

``Doc.text`` joins every token's text on each access: harmless once per document, quadratic
when a coder or the geo stage asks for it per event. Stages that need the text of a ``Doc``
repeatedly read it through :func:`text_of`, which keeps it in ``doc.user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["text_of"]

_KEY = "flashpoint.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, built on first use and kept with the document."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
