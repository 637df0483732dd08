"""``POST /api/ingest``: articles sent as JSON go through the same pipeline as
``flashpoint ingest``.

The documents are handed to :func:`flashpoint.pipeline.run_ingest` as JSON Lines on its
standard-input path, so they are read by the same record reader as a ``.jsonl`` file (same
fields, same size limit, same rejections), cleaned, deduplicated against the database, coded
and written one transaction per document; then, when anything was new, ``run_ingest`` rebuilds
incidents and chains (as ``docs/API.md`` asks after every ingest) and reports it as ``analysis``.
The route is a plain ``def``: FastAPI runs it in
its thread pool, so a long ingest never blocks the reads being served.
"""

from __future__ import annotations

import io
import json
from typing import Any

from fastapi import APIRouter, Depends, Request

from flashpoint.pipeline import run_ingest
from flashpoint.serve.auth import require_writer
from flashpoint.serve.context import settings_of
from flashpoint.serve.models import IngestRequest, IngestSummary
from flashpoint.serve.routes import error_responses

router = APIRouter(tags=["ingest"])


@router.post(
    "/api/ingest",
    response_model=IngestSummary,
    responses=error_responses(401, 403, 422),
    dependencies=[Depends(require_writer)],
)
def ingest(body: IngestRequest, request: Request) -> dict[str, Any]:
    """Ingest articles; the summary says what was new, already stored, or skipped and why.
    Needs the write token."""
    lines = (
        json.dumps(doc.model_dump(exclude_none=True), ensure_ascii=False) for doc in body.documents
    )
    payload = io.BytesIO(("\n".join(lines) + "\n").encode("utf-8"))
    settings = settings_of(request).with_(quiet=True)
    return run_ingest(["-"], settings, stdin=payload).to_dict()
