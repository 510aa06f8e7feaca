"""The re-crawl policy: pure rules, then real re-crawls of the demo site on 127.0.0.1."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crawler.recrawl import Policy, parse_lastmod, skip_reason
from crawler.run import project_settings
from demo.server import SITE_ROOT, DemoSites
from storage import Store
from storage.models import ArticleVersion, ClaimChange
from storage.records import KnownPage
from storage.repo import Filters
from tests.conftest import FAST, seasonnews
from tests.snapshot import snapshot

NOW = datetime(2026, 6, 1, 12, 0, 0)
POLICY = Policy()


def page(last_seen: timedelta, published: str | None = None, **kw: object) -> KnownPage:
    return KnownPage(
        first_seen=NOW - timedelta(days=900), last_seen=NOW - last_seen, published=published,
        **kw,  # type: ignore[arg-type]
    )  # fmt: skip


def test_recent_pages_come_back_sooner_than_old_ones() -> None:
    recent, stable, old = "2026-05-25", "2026-01-10", "2023-03-01"
    assert skip_reason(page(timedelta(hours=21), recent), NOW, POLICY) is None
    assert skip_reason(page(timedelta(hours=12), recent), NOW, POLICY) == "not_due"
    assert skip_reason(page(timedelta(days=3), stable), NOW, POLICY) == "not_due"
    assert skip_reason(page(timedelta(days=8), stable), NOW, POLICY) is None
    assert skip_reason(page(timedelta(days=8), old), NOW, POLICY) == "not_due"
    assert skip_reason(page(timedelta(days=31), old), NOW, POLICY) is None


def test_a_recent_change_makes_an_old_page_recent_again() -> None:
    changed = page(timedelta(days=1), "2022-01-01", changed_at=NOW - timedelta(days=2))
    assert skip_reason(changed, NOW, POLICY) is None
    assert skip_reason(page(timedelta(days=1), "2022-01-01"), NOW, POLICY) == "not_due"


def test_sitemap_lastmod_overrides_the_interval() -> None:
    fetched = page(timedelta(days=40), "2022-01-01")  # due by interval
    assert skip_reason(fetched, NOW, POLICY, "2022-01-01T10:00:00+00:00") == "lastmod"
    fresh = page(timedelta(hours=1), "2026-05-31")  # not due by interval
    changed = (NOW - timedelta(minutes=10)).isoformat() + "Z"
    assert skip_reason(fresh, NOW, POLICY, changed) is None
    assert skip_reason(fresh, NOW, POLICY, "not a date") == "not_due"


def test_lastmod_forms() -> None:
    assert parse_lastmod("2024-05-01") == datetime(2024, 5, 1)
    assert parse_lastmod("2024-05-01T10:00:00+02:00") == datetime(2024, 5, 1, 8)
    assert parse_lastmod(" 2024-05-01T10:00:00Z ") == datetime(2024, 5, 1, 10)
    assert parse_lastmod("yesterday") is None


def test_settings_set_the_intervals() -> None:
    policy = Policy.from_settings(project_settings({"SEASONNEWS_RECRAWL_OLD_HOURS": "5"}))
    assert policy.old_hours == 5 and policy.recent_hours == 20


# -- real re-crawls ----------------------------------------------------------------------


@pytest.fixture
def site(tmp_path: Path):
    """Demo site a served from a copy the test may edit."""
    root = tmp_path / "site"
    shutil.copytree(SITE_ROOT / "a", root / "a")
    with DemoSites(["a"], root=root) as sites:
        yield sites, root / "a"


def _start(base: str) -> list[str]:
    return ["--url", f"{base}/", "--sitemap", f"{base}/robots.txt", "--feed", f"{base}/feed/"]


ARTICLE = re.compile(r"^/(?!page/|category/|tag/|author/|feed/)[a-z0-9-]+-(?:season|series)-")


def _article_hits(sites: DemoSites) -> set[str]:
    return {p for p in sites.hits("a") if ARTICLE.match(p) and not p.endswith("/amp/")}


def test_a_second_run_over_an_unchanged_site_fetches_no_article_and_writes_nothing(
    site, db_url
) -> None:
    sites, _ = site
    seasonnews("crawl", *_start(sites.base("a")), "--db", db_url, *FAST)
    fetched_first = _article_hits(sites)
    assert len(fetched_first) >= 8
    before = snapshot(db_url)
    sites.reset_hits()
    second = seasonnews("crawl", *_start(sites.base("a")), "--db", db_url, *FAST)
    assert _article_hits(sites) == set()  # not one known article page asked for again
    assert {"/", "/feed/", "/robots.txt", "/sitemap_index.xml"} <= set(sites.hits("a"))
    assert snapshot(db_url) == before
    store = Store(db_url)
    first_run, second_run = store.runs()
    stored = len(list(store.iter_articles(Filters(include_all=True))))
    assert second_run["skipped"] >= stored >= 8
    assert (second_run["new"], second_run["changed"], second_run["copies"]) == (0, 0, 0)
    assert second_run["pages_fetched"] < first_run["pages_fetched"]
    assert "known pages not due" in second.stderr
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(ArticleVersion)) == 0
    store.close()


def test_a_changed_page_is_refetched_and_its_claim_changes_recorded(site, db_url) -> None:
    sites, root = site
    seasonnews("crawl", *_start(sites.base("a")), "--db", db_url, *FAST)
    store = Store(db_url)
    kingdom = next(a for a in store.iter_articles() if a["show"] == "Kingdom")
    assert kingdom["status"] != "renewed"
    # The blog updates its post and its sitemap's lastmod, as WordPress does.
    post = root / "kingdom-season-3-release-date" / "index.html"
    html = post.read_text(encoding="utf-8")
    old = re.search(r"<p>Not officially\..*?</p>", html, re.S)
    assert old is not None
    post.write_text(
        html.replace(
            old.group(0),
            "<p>Yes! Netflix has officially renewed Kingdom for a third season, and the "
            "streamer confirmed that filming starts this spring.</p>",
        ),
        encoding="utf-8",
    )
    sitemap = root / "post-sitemap.xml"
    now = datetime.now(UTC).isoformat()  # after the first crawl's fetch, to the microsecond
    sitemap.write_text(
        re.sub(
            r"(kingdom-season-3-release-date/</loc>.*?<lastmod>)[^<]+",
            lambda m: m.group(1) + now,
            sitemap.read_text(encoding="utf-8"),
            count=1,
            flags=re.S,
        ),
        encoding="utf-8",
    )
    sites.reset_hits()
    seasonnews("crawl", *_start(sites.base("a")), "--db", db_url, *FAST)
    assert _article_hits(sites) == {"/kingdom-season-3-release-date/"}
    run = store.runs()[-1]
    assert (run["changed"], run["new"]) == (1, 0)
    assert run["stats"]["seasonnews/recrawl/skipped_lastmod"] >= 8
    changes = list(store.iter_changes())
    assert [(c["show"], c["field"], c["old"], c["new"]) for c in changes] == [
        ("Kingdom", "status", kingdom["status"], "renewed")
    ]
    with store.engine.connect() as conn:
        (version,) = conn.execute(select(ArticleVersion)).all()
        assert conn.scalar(select(func.count()).select_from(ClaimChange)) == 1
    assert "Not officially." in version.body and version.summary["status"] == kingdom["status"]
    after = next(a for a in store.iter_articles() if a["show"] == "Kingdom")
    assert after["status"] == "renewed" and "Yes! Netflix" in after["body"]
    store.close()
