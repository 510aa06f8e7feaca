"""Exports: stable columns, spreadsheet-safe CSV that pandas reads with the right types."""

from __future__ import annotations

import io
import json
from datetime import datetime

import pandas as pd
import pytest

from exports import COLUMNS, write_rows
from exports.writers import csv_cell
from storage import Store
from storage.records import ArticleRecord, LinkRecord, SeasonRef


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Squid Game", "Squid Game"),
        (-3, -3),
        (None, ""),
        ([{"url": "u", "anchor": "=a"}], '[{"url": "u", "anchor": "=a"}]'),
    ],
)
def test_csv_cells_are_neutralised(value, expected) -> None:
    assert csv_cell(value) == expected


def _store(db_url: str) -> Store:
    store = Store(db_url)
    store.upgrade()
    body = "Netflix renewed the show. " * 8
    store.save(
        [
            ArticleRecord(
                url="https://a.example/squid-game-season-2",
                canonical_url="https://a.example/squid-game-season-2",
                site="a.example",
                body="=cmd|' /C calc'!A0 " + body,
                body_hash="h1",
                seen_at=datetime(2024, 5, 1, 8, 30),
                title="-Squid Game Season 2: Release Date",
                published="2024-04-30",
                seasons=[SeasonRef("Squid Game", "squid game", 2)],
                related=[
                    LinkRecord("https://a.example/kingdom-3", "Kingdom Season 3", "also_read")
                ],
            ),
            ArticleRecord(
                url="https://a.example/kingdom-3",
                canonical_url="https://a.example/kingdom-3",
                site="a.example",
                body=body,
                body_hash="h2",
                seen_at=datetime(2024, 5, 2, 8, 30),
                title="Kingdom Season 3",
                seasons=[SeasonRef("Kingdom", "kingdom", 3)],
            ),
        ]
    )
    return store


def test_csv_opens_in_pandas_with_types(db_url: str) -> None:
    store = _store(db_url)
    out = io.StringIO()
    assert write_rows(store.iter_articles(), "articles", "csv", out) == 2
    frame = pd.read_csv(io.StringIO(out.getvalue()), parse_dates=["first_seen", "last_seen"])
    assert tuple(frame.columns) == COLUMNS["articles"]
    assert frame["season"].dtype.kind == "i"
    assert frame["first_seen"].dtype.kind == "M"
    row = frame.set_index("canonical_url").loc["https://a.example/squid-game-season-2"]
    assert row["title"] == "'-Squid Game Season 2: Release Date"
    assert row["body"].startswith("'=cmd")
    assert json.loads(row["also_read"]) == [
        {"url": "https://a.example/kingdom-3", "anchor": "Kingdom Season 3"}
    ]
    seasons = io.StringIO()
    write_rows(store.iter_seasons(), "seasons", "csv", seasons)
    frame = pd.read_csv(io.StringIO(seasons.getvalue()))
    assert tuple(frame.columns) == COLUMNS["seasons"]
    counted = ["show", "season", "articles", "sites", "first_seen", "last_seen"]
    assert frame[counted].to_dict("records") == [
        {"show": "Kingdom", "season": 3, "articles": 1, "sites": 1,
         "first_seen": "2024-05-02T08:30:00", "last_seen": "2024-05-02T08:30:00"},
        {"show": "Squid Game", "season": 2, "articles": 1, "sites": 1,
         "first_seen": "2024-05-01T08:30:00", "last_seen": "2024-05-01T08:30:00"},
    ]  # fmt: skip
    store.close()


def test_json_and_jsonl_carry_the_same_rows(db_url: str) -> None:
    store = _store(db_url)
    as_json, as_jsonl = io.StringIO(), io.StringIO()
    write_rows(store.iter_links(), "links", "json", as_json)
    write_rows(store.iter_links(), "links", "jsonl", as_jsonl)
    rows = json.loads(as_json.getvalue())
    assert rows == [json.loads(line) for line in as_jsonl.getvalue().splitlines()]
    assert rows == [
        {"from_url": "https://a.example/squid-game-season-2", "to_url": "https://a.example/kingdom-3",
         "anchor": "Kingdom Season 3", "kind": "also_read", "to_show": "Kingdom", "to_season": 3}
    ]  # fmt: skip
    empty = io.StringIO()
    assert write_rows(iter(()), "links", "json", empty) == 0
    assert json.loads(empty.getvalue()) == []
    store.close()
