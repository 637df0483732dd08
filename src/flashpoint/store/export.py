"""Writers for ``flashpoint export``: JSON Lines (the spec's shape), CSV and Parquet.

All three take the same records from :func:`flashpoint.store.queries.iter_export_records`, so a
field added to the export appears in every format. JSON Lines keeps the nested actor and
location objects exactly as ``shared/spec/event-record.md`` defines them; CSV flattens them to
``source_country``-style columns because spreadsheets have no nesting; Parquet keeps them as
structs.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from flashpoint.errors import ConfigError

__all__ = ["EXPORT_FORMATS", "write_export", "flatten_record"]

EXPORT_FORMATS = ("jsonl", "csv", "parquet")


def write_export(records: Iterable[dict[str, Any]], fmt: str, out: Path | None, stdout: TextIO) -> int:
    """Write ``records`` in ``fmt`` to ``out`` (or ``stdout``); return how many were written."""
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "parquet":
        if out is None:
            raise ConfigError("parquet is binary: give an output file with -o FILE")
        return _write_parquet(records, out)
    if out is None:
        return _write_text(records, fmt, stdout)
    with open(out, "w", encoding="utf-8", newline="") as handle:
        return _write_text(records, fmt, handle)


def _write_text(records: Iterable[dict[str, Any]], fmt: str, handle: TextIO) -> int:
    if fmt == "jsonl":
        count = 0
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        return count
    return _write_csv(records, handle)


def _write_csv(records: Iterable[dict[str, Any]], handle: TextIO) -> int:
    writer: csv.DictWriter[str] | None = None
    count = 0
    for record in records:
        row = flatten_record(record)
        if writer is None:
            writer = csv.DictWriter(handle, fieldnames=list(row), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(row)
        count += 1
    return count


def flatten_record(record: dict[str, Any]) -> dict[str, Any]:
    """``{"source": {"country": "USA"}}`` becomes ``{"source_country": "USA"}``; lists become JSON."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        if key in ("source", "target", "location"):
            for sub in _SUBFIELDS[key]:
                flat[f"{key}_{sub}"] = (value or {}).get(sub)
        elif isinstance(value, (list, dict)):
            flat[key] = json.dumps(value, ensure_ascii=False)
        else:
            flat[key] = value
    return flat


_SUBFIELDS = {
    "source": ("text", "name", "country", "sector", "id"),
    "target": ("text", "name", "country", "sector", "id"),
    "location": ("name", "country", "lat", "lon", "precision"),
}


def _write_parquet(records: Iterable[dict[str, Any]], out: Path) -> int:
    """Parquet with explicit struct types, so an all-null column still has its schema."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(records)
    table = pa.Table.from_pylist(rows, schema=_parquet_schema(rows))
    pq.write_table(table, out)
    return len(rows)


def _parquet_schema(rows: list[dict[str, Any]]) -> Any:
    import pyarrow as pa

    actor = pa.struct([(name, pa.string()) for name in _SUBFIELDS["source"]])
    location = pa.struct(
        [("name", pa.string()), ("country", pa.string()), ("lat", pa.float64()),
         ("lon", pa.float64()), ("precision", pa.string())]
    )
    known = {
        "source": actor, "target": actor, "location": location,
        "char_start": pa.int64(), "char_end": pa.int64(), "fatalities": pa.int64(),
        "injuries": pa.int64(), "quad_class": pa.int64(), "mentions": pa.int64(),
        "confidence": pa.float64(), "goldstein": pa.float64(), "doc_ids": pa.list_(pa.string()),
    }
    names = list(rows[0]) if rows else list(known)
    return pa.schema([(name, known.get(name, pa.string())) for name in names])

