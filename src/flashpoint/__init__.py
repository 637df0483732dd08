"""flashpoint: news and policy articles in, a database of political and military events out.

The public API is small and listed in ``__all__``; everything else is internal. Importing the
package does no work: stages load their models and data files when first used.
"""

from __future__ import annotations

from flashpoint.errors import FlashpointError
from flashpoint.records import Actor, Document, Event, Location, Rejection, SourceItem
from flashpoint.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "Settings",
    "FlashpointError",
    "SourceItem",
    "Rejection",
    "Document",
    "Actor",
    "Location",
    "Event",
    "run_ingest",
]


def run_ingest(paths, settings=None, **kwargs):  # type: ignore[no-untyped-def]
    """Ingest ``paths`` into the database of ``settings``; see :func:`flashpoint.pipeline.run_ingest`."""
    from flashpoint.pipeline import run_ingest as _run_ingest

    return _run_ingest(paths, settings or Settings.from_env(), **kwargs)
