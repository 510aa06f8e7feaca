"""Storage on real SQLite files: migrations, idempotent upserts, deterministic duplicates."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest
from sqlalchemy import inspect

from storage import DatabaseError, Store
from storage.records import ArticleRecord, ErrorRecord, LinkRecord, SeasonRef
from storage.repo import Filters
from tests.conftest import Databases

T0 = datetime(2024, 1, 1, 12, 0, 0)
T1 = datetime(2024, 1, 2, 12, 0, 0)


def record(url: str, **kw: object) -> ArticleRecord:
    base = dict(
        url=url,
        canonical_url=url,
        site="a.example",
        body=f"Body of {url}. " * 10,
        body_hash=f"hash-{url}",
        seen_at=T0,
        title="All Of Us Are Dead Season 2 Release Date",
        published="2023-02-01",
        seasons=[SeasonRef("All Of Us Are Dead", "all of us are dead", 2)],
    )
    base.update(kw)
    return ArticleRecord(**base)  # type: ignore[arg-type]


def test_upgrade_creates_schema_and_is_repeatable(store: Store) -> None:
    store.upgrade()
    tables = set(inspect(store.engine).get_table_names())
    assert {"shows", "seasons", "articles", "article_urls", "article_seasons"} <= tables
    assert {"related_links", "crawl_runs", "crawl_errors", "alembic_version"} <= tables


def test_check_refuses_empty_database(db_url: str) -> None:
    empty = Store(db_url)
    with pytest.raises(DatabaseError, match="no seasonnews schema"):
        empty.check()
    empty.close()


def test_bad_urls_give_clear_errors(tmp_path) -> None:
    with pytest.raises(DatabaseError, match="invalid database URL"):
        Store("not a url")
    with pytest.raises(DatabaseError, match="no folder"):
        Store(f"sqlite:///{tmp_path}/missing/dir/x.db")


def test_saving_twice_changes_no_counts(store: Store) -> None:
    batch = [
        record(
            "https://a.example/aoad-s2",
            related=[
                LinkRecord(
                    "https://a.example/money-heist-6",
                    "Money Heist Season 6 Release Date",
                    "also_read",
                    SeasonRef("Money Heist", "money heist", 6, "anchor"),
                )
            ],
        ),
        record("https://a.example/about", seasons=[], no_season_reason="no show-season"),
    ]
    first = store.save(batch, [ErrorRecord("https://a.example/x", "http_404", T0, 404)])
    counts = store.counts()
    second = store.save([dataclasses.replace(r, seen_at=T1) for r in batch])
    assert (first.inserted, second.inserted, second.unchanged) == (2, 0, 2)
    again = store.counts()
    assert {k: v for k, v in again.items() if k != "crawl_errors"} == {
        k: v for k, v in counts.items() if k != "crawl_errors"
    }
    assert counts["shows"] == 1 and counts["seasons"] == 1 and counts["related_links"] == 1
    # Anchors name the linked page's show; they create no show of their own.
    assert [s["show"] for s in store.shows()] == ["All Of Us Are Dead"]
    article = next(store.iter_articles())
    assert article["first_seen"] == T0.isoformat() and article["last_seen"] == T1.isoformat()


def test_same_body_under_another_url_keeps_one_article_in_any_order(databases: Databases) -> None:
    original = record("https://a.example/aoad-s2", body_hash="same", published="2023-01-01")
    copy = record("https://b.example/copy", body_hash="same", site="b.example",
                  published="2023-03-01", title="All of Us Are Dead season 2")  # fmt: skip
    results = []
    for name, order in (("one", [original, copy]), ("two", [copy, original])):
        s = Store(databases.new(name))
        s.upgrade()
        for r in order:
            s.save([r])
        results.append(list(s.iter_articles()))
        s.close()
    assert results[0] == results[1]
    (only,) = results[0]
    assert only["canonical_url"] == "https://a.example/aoad-s2"
    assert only["duplicate_urls"] == ["https://b.example/copy"]


def test_display_title_is_most_common_spelling(store: Store) -> None:
    spellings = ["All of Us Are Dead", "All Of Us Are Dead", "All Of Us Are Dead"]
    store.save(
        [
            record(f"https://a.example/{i}", seasons=[SeasonRef(name, "all of us are dead", 2)])
            for i, name in enumerate(spellings)
        ]
    )
    assert [s["show"] for s in store.shows()] == ["All Of Us Are Dead"]
    (season,) = store.iter_seasons()
    assert season["articles"] == 3 and season["sites"] == 1


def test_filters_and_links_resolve_target_season(store: Store) -> None:
    store.save(
        [
            record(
                "https://a.example/aoad-s2",
                related=[
                    LinkRecord("https://a.example/sg-2", "Squid Game 2 cast", "related", None),
                    LinkRecord(
                        "https://a.example/mh-6",
                        "Money Heist Season 6",
                        "also_read",
                        SeasonRef("Money Heist", "money heist", 6, "anchor"),
                    ),
                ],
            ),
            record(
                "https://a.example/sg-2",
                published="2022-01-01",
                seasons=[SeasonRef("Squid Game", "squid game", 2)],
            ),
        ]
    )
    links = list(store.iter_links())
    assert [(link["to_url"], link["to_show"], link["to_season"]) for link in links] == [
        ("https://a.example/sg-2", "Squid Game", 2),
        ("https://a.example/mh-6", "Money Heist", 6),
    ]
    assert [a["url"] for a in store.iter_articles(Filters(show_key="squid game"))] == [
        "https://a.example/sg-2"
    ]
    assert [a["url"] for a in store.iter_articles(Filters(since="2023-01-01"))] == [
        "https://a.example/aoad-s2"
    ]
    assert store.season_detail("squid game", 3) is None


def test_reparsed_article_moves_to_its_new_season(store: Store) -> None:
    store.save([record("https://a.example/x")])
    store.save([record("https://a.example/x", seasons=[SeasonRef("Kingdom", "kingdom", 3)])])
    assert [(s["show"], s["season"]) for s in store.iter_seasons()] == [("Kingdom", 3)]
    assert store.counts()["shows"] == 1
    # The emptied show was deleted: a later batch must recreate it, not reuse a stale id.
    store.save([record("https://a.example/y")])
    assert [(s["show"], s["season"]) for s in store.iter_seasons()] == [
        ("All Of Us Are Dead", 2),
        ("Kingdom", 3),
    ]


def test_runs_are_recorded(store: Store) -> None:
    run = store.start_run("season_news", {"urls": ["https://a.example/"]})
    store.save([], [ErrorRecord("https://a.example/boom", "http_500", T0, 500, "HTTP 500")], run)
    store.finish_run(run, "finished", {"item_scraped_count": 3, "start_time": T0})
    (row,) = store.runs()
    assert row["finish_reason"] == "finished" and row["stats"]["item_scraped_count"] == 3
    assert store.errors(run) == [
        {"run_id": run, "url": "https://a.example/boom", "reason": "http_500", "status": 500,
         "detail": "HTTP 500"}
    ]  # fmt: skip


def test_an_article_whose_url_now_answers_404_is_marked_gone_not_deleted(store: Store) -> None:
    url = "https://a.example/aoad-s2"
    store.save([record(url)])
    gone = ErrorRecord(url + "?utm_source=x", "http_404", T1, 404, url_key=url)
    store.save([], [gone])
    (article,) = store.iter_articles()
    assert article["gone_at"] == T1.isoformat(timespec="seconds")
    assert store.counts()["articles"] == 1
    store.save([], [ErrorRecord("https://a.example/never-stored", "http_404", T1, 404,
                                url_key="https://a.example/never-stored")])  # fmt: skip
    assert store.counts()["articles"] == 1
    store.save([dataclasses.replace(record(url), seen_at=T1)])  # served again
    assert next(store.iter_articles())["gone_at"] is None
