"""Upgrading a database that holds data keeps every row (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text

from storage import Store
from storage.db import upgrade

ROWS = (
    "INSERT INTO shows (id, key, title) VALUES (1, 'kingdom', 'Kingdom')",
    "INSERT INTO seasons (id, show_id, number) VALUES (1, 1, 3)",
    "INSERT INTO articles (id, canonical_url, url, site, body, body_hash, first_seen, last_seen,"
    " categories, tags, variant) VALUES (1, 'https://a.example/k3', 'https://a.example/k3',"
    " 'a.example', 'Kingdom season 3 body', 'h1', :at, :at, '[]', '[]', false)",
    "INSERT INTO article_urls (url, article_id, first_seen)"
    " VALUES ('https://a.example/k3', 1, :at)",
    "INSERT INTO article_seasons (article_id, season_id, show_name, source, is_primary)"
    " VALUES (1, 1, 'Kingdom', 'title', true)",
    "INSERT INTO claims (article_id, season_id, position, kind, value, hedged, sentence)"
    " VALUES (1, 1, 0, 'status', 'renewed', false, 'Kingdom was renewed.')",
    "INSERT INTO related_links (from_article_id, to_url, anchor, kind, position)"
    " VALUES (1, 'https://a.example/x', 'Also Read: X', 'also_read', 0)",
)
TABLES = ("shows", "seasons", "articles", "article_urls", "article_seasons", "claims",
          "related_links")  # fmt: skip


def test_upgrading_from_0003_keeps_every_row(db_url: str) -> None:
    store = Store(db_url)
    upgrade(store.engine, "0003")
    with store.engine.begin() as conn:
        for statement in ROWS:
            conn.execute(text(statement), {"at": datetime(2024, 1, 1)})
    store.upgrade()  # 0004 re-creates `articles` on SQLite: nothing may cascade
    with store.engine.connect() as conn:
        counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}
        assert counts == dict.fromkeys(TABLES, 1)
        assert conn.execute(text("SELECT count(*) FROM site_copies")).scalar() == 0
        if conn.dialect.name == "sqlite":  # and foreign keys are enforced again afterwards
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    (article,) = store.iter_articles()
    assert (article["show"], article["season"], article["copy_of"]) == ("Kingdom", 3, None)
    store.close()
