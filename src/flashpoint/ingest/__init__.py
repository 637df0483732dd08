"""The ingest stage: paths and standard input in, :class:`~flashpoint.records.SourceItem` out.

Ingest only reads: it expands paths, decodes bytes strictly and takes metadata that sits outside
the text (JSON fields). Turning HTML into text, removing boilerplate and choosing a publication
date belong to ``flashpoint.clean``; ``infer_published`` lives here because it reads raw text
and is useful on its own. Bad input never raises out of :func:`iter_sources`: each bad item is a
:class:`~flashpoint.records.Rejection` whose ``kind`` is that of a
:class:`~flashpoint.errors.InputError` subclass.
"""

from __future__ import annotations

from flashpoint.ingest.dates import infer_published, normalise_date
from flashpoint.ingest.readers import FORMAT_BY_EXTENSION
from flashpoint.ingest.sources import iter_sources

__all__ = ["iter_sources", "infer_published", "normalise_date", "FORMAT_BY_EXTENSION"]
