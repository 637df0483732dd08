"""The ``events`` stage: PLOVER event coding of parsed documents.

``load_coder(settings)`` gives a :class:`Coder`; ``Coder.code(document, parsed)`` returns the
document's :class:`~flashpoint.records.Event` records, each traced to its sentence and trigger.
The ontology and the actor dictionary are data files in ``flashpoint/data``.
"""

from __future__ import annotations

from flashpoint.events.coder import Coder, load_coder

__all__ = ["Coder", "load_coder"]
