"""What a database holds, without ids and timestamps: for comparing crawls."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from storage import Store
from storage.repo import Filters


def snapshot(db_url: str) -> dict[str, Any]:
    """Articles, seasons and links of a database, comparable across crawls."""
    store = Store(db_url)
    try:
        articles = sorted(
            (
                a["canonical_url"],
                a["url"],
                a["title"],
                a["show"],
                a["season"],
                a["body"],
                tuple(a["duplicate_urls"]),
                tuple((x["url"], x["anchor"]) for x in a["also_read"]),
                a["copy_of"],
            )
            for a in store.iter_articles(Filters(include_all=True))
        )
        seasons = sorted(
            (s["show"], s["season"], s["articles"], s["sites"], s["status"], s["release_date"])
            for s in store.iter_seasons()
        )
        links = sorted(tuple(link.values()) for link in store.iter_links(Filters(include_all=True)))
        claims = sorted(
            tuple(str(v) for v in c.values()) for c in store.iter_claims(Filters(include_all=True))
        )
        aliases = sorted(
            (s["key"], a["key"], a["source"])
            for s in store.shows()
            for a in store.aliases(s["key"])
        )
        counts = {
            k: v for k, v in store.counts().items() if k not in ("crawl_runs", "crawl_errors")
        }
    finally:
        store.close()
    return {
        "articles": articles,
        "seasons": seasons,
        "links": links,
        "claims": claims,
        "aliases": aliases,
        "counts": counts,
    }


def stored_articles(db_url: str) -> int:
    """How many articles a database holds (0 before the schema exists): for watching a crawl."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
    except (OperationalError, ProgrammingError):  # no such table yet
        return 0
    finally:
        engine.dispose()
