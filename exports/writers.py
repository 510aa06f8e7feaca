"""Streaming CSV / JSON / JSONL writers with the documented, stable columns."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "url",
        "canonical_url",
        "site",
        "title",
        "author",
        "published",
        "modified",
        "show",
        "season",
        "status",
        "release_date",
        "release_precision",
        "platform",
        "body",
        "also_read",
        "duplicate_urls",
        "copy_of",
        "copy_similarity",
        "copies",
        "first_seen",
        "last_seen",
        "gone_at",
    ),
    "seasons": (
        "show",
        "season",
        "status",
        "status_confidence",
        "release_date",
        "release_precision",
        "release_confidence",
        "platform",
        "articles",
        "sites",
        "sources",
        "first_seen",
        "last_seen",
        "cast",
        "trailer",
        "conflicts",
    ),
    "claims": (
        "show",
        "season",
        "kind",
        "value",
        "precision",
        "hedged",
        "note",
        "sentence",
        "url",
        "site",
        "published",
    ),
    "links": ("from_url", "to_url", "anchor", "kind", "to_show", "to_season"),
    "copies": (
        "show",
        "season",
        "url",
        "site",
        "published",
        "original_url",
        "original_site",
        "original_published",
        "similarity",
        "first_seen",
    ),
    "changes": ("show", "season", "field", "old", "new", "at", "url", "site"),
}
FORMATS = ("csv", "json", "jsonl")

# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A CSV-safe cell: lists/dicts as JSON, None as empty, formula-like text neutralised."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_rows(rows: Iterable[Mapping[str, Any]], what: str, fmt: str, out: TextIO) -> int:
    """Write `rows` of kind `what` to `out` in `fmt`; returns the number of rows."""
    columns = COLUMNS[what]
    count = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_cell(row.get(c)) for c in columns])
            count += 1
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
            count += 1
    elif fmt == "json":
        out.write("[")
        for row in rows:
            out.write(",\n" if count else "\n")
            out.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False))
            count += 1
        out.write("\n]\n" if count else "]\n")
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return count
