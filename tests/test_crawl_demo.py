"""Integration: crawl the bundled demo sites on 127.0.0.1 through the CLI and check, against the
demo content's own metadata, exactly what the database and the exports hold."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, update
from sqlalchemy.engine import make_url

from crawler.extract.seasons import show_key
from crawler.extract.urls import normalize_url
from demo.build_site import load_posts
from demo.manifest import must_contain, must_not_contain, related_rows
from storage import Store
from storage.models import Article, ArticleBand, ArticleSeason, Claim
from storage.repo import Filters
from tests.conftest import BACKENDS, FAST, ROOT, Databases, seasonnews
from tests.snapshot import snapshot


def _url(sites, template: str) -> str:
    return template.replace("{{SITE_A}}", sites.base("a")).replace("{{SITE_B}}", sites.base("b"))


def _posts(sites) -> dict[str, object]:
    """Expected articles by normalised URL (robots-disallowed posts excluded)."""
    posts = {}
    for site in ("a", "b"):
        for post in load_posts(site):
            if not post.private:
                posts[normalize_url(sites.url(site, post.path))] = post
    return posts


def _start(sites) -> list[str]:
    a, b = sites.base("a"), sites.base("b")
    return ["--url", f"{a}/", "--sitemap", f"{a}/robots.txt", "--feed", f"{a}/feed/",
            "--sitemap", f"{b}/sitemap.xml"]  # fmt: skip


@pytest.fixture(scope="module", params=BACKENDS)
def crawled(request, demo_sites, tmp_path_factory) -> Iterator[str]:
    """The demo sites crawled once into SQLite and once into PostgreSQL."""
    made = Databases(request.param, tmp_path_factory.mktemp("demo"))
    db = made.new("demo")
    demo_sites.reset_hits()
    result = seasonnews("crawl", *_start(demo_sites), "--db", db, *FAST)
    assert "ScrapyDeprecationWarning" not in result.stderr
    yield db
    made.drop()


@pytest.fixture
def like_crawled(crawled: str, tmp_path: Path) -> Iterator[Databases]:
    """Makes fresh databases of the crawled database's kind."""
    made = Databases(make_url(crawled).get_backend_name(), tmp_path)
    yield made
    made.drop()


def test_articles_are_exactly_the_demo_posts(crawled, demo_sites) -> None:
    expected = _posts(demo_sites)
    store = Store(crawled)
    articles = {a["canonical_url"]: a for a in store.iter_articles(Filters(include_all=True))}
    assert sorted(articles) == sorted(expected)
    for url, post in expected.items():
        article = articles[url]
        assert article["title"] == post.title
        assert article["published"] == post.published[:10]
        shows = post.meta.get("shows") or []
        if shows:
            assert (show_key(article["show"]), article["season"]) == (
                show_key(shows[0][0]),
                shows[0][1],
            )
        else:
            assert article["show"] is None and article["no_season_reason"]
        source = post
        if "copy_of" in post.meta:  # a copied post carries its original's paragraphs
            source = next(p for p in load_posts("a") if p.slug == post.meta["copy_of"])
        for text in must_contain(source):
            # The manifest's plain text keeps a space where a tag closed before punctuation.
            assert re.sub(r"\s+([,.;:!?])", r"\1", text) in article["body"], (url, text)
        for text in must_not_contain(post):
            assert text not in article["body"], (url, text)
    store.close()


def test_every_headline_show_season_and_only_those(crawled, demo_sites) -> None:
    expected = set()
    for post in _posts(demo_sites).values():
        for name, number in post.meta.get("shows") or []:
            expected.add((show_key(name), number))
    store = Store(crawled)
    got = {(show_key(s["show"]), s["season"]) for s in store.iter_seasons()}
    assert got == expected
    # The two-show headline is attached to both show-seasons, Squid Game first.
    two = next(
        a
        for a in store.iter_articles(Filters(show_key="alice in borderland", season=3))
        if "squid-game-season-2-and" in a["canonical_url"]
    )
    assert (two["show"], two["season"]) == ("Squid Game", 2)
    counts = store.counts()
    assert counts["shows"] == len({k for k, _ in expected})
    assert counts["articles"] == len(_posts(demo_sites))
    store.close()


def test_related_links_are_the_also_read_blocks(crawled, demo_sites) -> None:
    store = Store(crawled)
    links: dict[str, set[tuple[str, str, str]]] = {}
    for link in store.iter_links(Filters(include_all=True)):
        links.setdefault(link["from_url"], set()).add(
            (link["to_url"], link["anchor"], link["kind"])
        )
    for url, post in _posts(demo_sites).items():
        want = {
            (normalize_url(_url(demo_sites, href.replace("&relatedposts_position=N", ""))),
             anchor, kind)
            for kind, href, anchor, _ in related_rows(post)
        }  # fmt: skip
        assert links.get(url, set()) == want, url
    # A link to a page that answered 404 is still stored, with the anchor's show-season.
    dead = [
        link for link in store.iter_links() if link["to_url"].endswith("season-2-cast-revealed")
    ]
    assert [(d["to_show"], d["to_season"]) for d in dead] == [("Squid Game", 2)]
    store.close()


def test_duplicates_collapse_onto_one_article(crawled, demo_sites) -> None:
    store = Store(crawled)
    by_url = {a["canonical_url"]: a for a in store.iter_articles(Filters(include_all=True))}
    aoad = by_url[normalize_url(demo_sites.url("a", "/all-of-us-are-dead-season-2-release-date/"))]
    assert aoad["duplicate_urls"] == [
        demo_sites.url("a", "/all-of-us-are-dead-season-2-release-date/amp")
    ]
    assert aoad["url"] == demo_sites.url("a", "/all-of-us-are-dead-season-2-release-date/")
    witcher = by_url[normalize_url(demo_sites.url("a", "/the-witcher-season-4-release-date/"))]
    assert witcher["duplicate_urls"] == []
    store.close()


def test_failures_are_recorded_with_their_reason(crawled, demo_sites) -> None:
    store = Store(crawled)
    errors = {(e["reason"], e["url"].split("/", 3)[3]) for e in store.errors()}
    assert errors == {
        ("http_500", "error-500/"),
        ("http_404", "squid-game-season-2-cast-revealed/"),
        ("non_html", "season-5-leaks.pdf"),
        ("too_large", "huge/"),
        ("redirect_loop", "loop/a/"),
        ("robots_forbidden", "private/season-9-secret/"),
    }
    assert demo_sites.hits("a")["/private/season-9-secret/"] == 0
    (run,) = store.runs()
    assert run["finish_reason"] == "finished" and run["finished_at"] is not None
    assert run["stats"]["seasonnews/store/errors"] == len(errors)
    store.close()


def test_encodings_and_broken_html(crawled, demo_sites) -> None:
    store = Store(crawled)
    by_url = {a["canonical_url"]: a for a in store.iter_articles()}
    elite = by_url[normalize_url(demo_sites.url("a", "/elite-season-7-release-date/"))]
    assert elite["title"].startswith("Élite Season 7") and "Las Encinas" in elite["body"]
    assert "\ufffd" not in elite["body"]
    kingdom = by_url[normalize_url(demo_sites.url("a", "/kingdom-season-3-release-date/"))]
    assert (kingdom["show"], kingdom["season"]) == ("Kingdom", 3)
    store.close()


def test_exports_through_the_cli(crawled, demo_sites, tmp_path) -> None:
    posts = _posts(demo_sites)
    season_posts = [p for p in posts.values() if p.meta.get("shows")]
    out = tmp_path / "articles.csv"
    seasonnews("export", "--what", "articles", "--format", "csv", "-o", str(out), "--db", crawled)
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(season_posts)
    everything = seasonnews("export", "--all", "--format", "jsonl", "--db", crawled).stdout
    assert len(everything.splitlines()) == len(posts)
    squid = json.loads(
        seasonnews(
            "export",
            "--what",
            "seasons",
            "--format",
            "json",
            "--show",
            "squid game",
            "--season",
            "2",
            "--db",
            crawled,
        ).stdout
    )
    assert squid[0]["show"] == "Squid Game" and squid[0]["articles"] == sum(
        1 for p in posts.values() if ["Squid Game", 2] in (p.meta.get("shows") or [])
    )
    links = list(csv.DictReader(io.StringIO(
        seasonnews("export", "--what", "links", "--db", crawled).stdout)))  # fmt: skip
    assert links and set(links[0]) == {
        "from_url",
        "to_url",
        "anchor",
        "kind",
        "to_show",
        "to_season",
    }
    text = seasonnews("season", "squid game", "2", "--db", crawled).stdout
    assert text.startswith("Squid Game — season 2")
    shows = seasonnews("shows", "--db", crawled).stdout
    assert "Élite" in shows and "S7 (1, " in shows


def test_runs_lists_the_run_and_its_errors(crawled) -> None:
    lines = seasonnews("runs", "--db", crawled).stdout.splitlines()
    assert lines[0].startswith("RUN  STARTED")
    (run,) = lines[1:]
    assert run.startswith("1 ") and " finished " in run
    for reason in ("http_404 1", "http_500 1", "non_html 1", "redirect_loop 1",
                   "robots_forbidden 1", "too_large 1"):  # fmt: skip
        assert reason in run
    errors = seasonnews("runs", "--errors", "1", "--db", crawled).stdout.splitlines()
    assert len(errors) == 6
    assert any(e.startswith("http_404") and " 404 " in e and "squid-game" in e for e in errors)


def test_claims_and_verdicts_match_the_demo_posts(crawled, demo_sites) -> None:
    """Each post that states what it claims (meta "expect") is read that way, and a copy on
    another site is not an independent source."""
    posts = _posts(demo_sites)
    articles = {
        a["canonical_url"]: a
        for a in json.loads(seasonnews("export", "--format", "json", "--db", crawled).stdout)
    }
    checked = 0
    for url, post in posts.items():
        expect = post.meta.get("expect")
        if not expect:
            continue
        got = {field: articles[url][field] for field in expect}
        assert got == expect, url
        checked += 1
    assert checked >= 5
    seasons = seasonnews("export", "--what", "seasons", "--format", "json",
                         "--show", "All of Us Are Dead", "--db", crawled)  # fmt: skip
    (aouad,) = json.loads(seasons.stdout)
    assert (aouad["status"], aouad["sites"], aouad["sources"]) == ("renewed", 2, 1)
    out = seasonnews("export", "--what", "claims", "--show", "squid game", "--db", crawled)
    claims = list(csv.DictReader(io.StringIO(out.stdout)))
    assert {c["kind"] for c in claims} >= {"status", "release_date", "platform", "cast"}
    assert all(c["sentence"] and c["url"] for c in claims)


def test_reclaim_rederives_the_same_claims_and_verdicts(crawled, like_crawled) -> None:
    db = like_crawled.new("copy", template=crawled)
    store = Store(db)
    with store.engine.begin() as conn:  # wipe what the crawl derived
        conn.execute(delete(Claim))
        conn.execute(update(ArticleSeason).values(status=None, release_date=None))
        conn.execute(delete(ArticleBand))
        conn.execute(update(Article).values(fingerprint=None, copy_of_id=None))
    store.close()
    assert snapshot(db) != snapshot(crawled)
    result = seasonnews("db", "reclaim", "--db", db)
    assert "re-read the claims of" in result.stderr and "1 near-duplicate copies" in result.stderr
    assert snapshot(db) == snapshot(crawled)


def test_recrawl_asks_for_changes_only(demo_sites, db_url) -> None:
    """A full second crawl (re-crawl policy off) sends the stored ETags: unchanged articles
    answer 304, cost no extraction, and the database keeps the same content with a newer
    last_seen."""
    seasonnews("crawl", *_start(demo_sites), "--db", db_url, *FAST)
    before = snapshot(db_url)
    seen = {a["canonical_url"]: a["last_seen"] for a in Store(db_url).iter_articles()}
    second = seasonnews(
        "crawl", *_start(demo_sites), "--db", db_url, *FAST, "-s", "SEASONNEWS_RECRAWL=False"
    )
    assert "not modified" in second.stderr
    first_run, second_run = Store(db_url).runs()
    not_modified = second_run["stats"].get("seasonnews/store/not_modified", 0)
    assert not_modified >= 10
    assert second_run["stats"].get("seasonnews/conditional/sent", 0) >= not_modified
    assert second_run["stats"].get("response_received_count", 0) < first_run["stats"][
        "response_received_count"]  # fmt: skip
    assert snapshot(db_url) == before
    after = {a["canonical_url"]: a["last_seen"] for a in Store(db_url).iter_articles()}
    assert sum(after[u] > seen[u] for u in seen) >= not_modified - 2  # AMP twins share one


def test_recrawl_changes_no_counts(crawled, demo_sites) -> None:
    before = snapshot(crawled)
    seasonnews("crawl", *_start(demo_sites), "--db", crawled, *FAST)
    assert snapshot(crawled) == before


def test_scrapy_cli_crawls_the_same(crawled, demo_sites, like_crawled) -> None:
    db = like_crawled.new("scrapy")
    a, b = demo_sites.base("a"), demo_sites.base("b")
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "season_news",
         "-a", f"url={a}/", "-a", f"sitemap={a}/robots.txt,{b}/sitemap.xml",
         "-a", f"feed={a}/feed/", "-s", f"SEASONNEWS_DB={db}", *FAST],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert snapshot(db) == snapshot(crawled)


def test_timeouts_and_malformed_sources_are_recorded(demo_sites, db_url) -> None:
    a = demo_sites.base("a")
    seasonnews("crawl", "--url", f"{a}/slow/", "--sitemap", f"{a}/index.html",
               "--feed", f"{a}/robots.txt", "--db", db_url, *FAST,
               "-s", "DOWNLOAD_TIMEOUT=1", "-s", "RETRY_TIMES=0")  # fmt: skip
    store = Store(db_url)
    reasons = {(e["reason"], e["url"].split("/", 3)[3]) for e in store.errors()}
    assert reasons == {
        ("timeout", "slow/"),
        ("bad_sitemap", "index.html"),
        ("bad_feed", "robots.txt"),
    }
    assert store.counts()["articles"] == 0
    store.close()


def test_max_pages_and_sources_file(demo_sites, databases, db_url, tmp_path: Path) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text(
        "[[site]]\n"
        f'sitemaps = ["{demo_sites.base("a")}/sitemap_index.xml"]\n'
        'deny = ["squid-game"]\n'
    )
    seasonnews("crawl", "--sources", str(sources), "--db", db_url, *FAST)
    store = Store(db_url)
    urls = [a["canonical_url"] for a in store.iter_articles(Filters(include_all=True))]
    assert urls and not any("squid-game" in u for u in urls)
    store.close()
    limited = databases.new("limited")
    seasonnews("crawl", "--sources", str(sources), "--max-pages", "3", "--db", limited, *FAST)
    store = Store(limited)
    assert 1 <= store.counts()["articles"] <= 3
    store.close()


def test_the_copied_post_is_a_near_duplicate_of_its_original(crawled, demo_sites) -> None:
    """Site b republished site a's All of Us Are Dead article with light edits: it is stored,
    marked a copy of a's, counted once in the verdict, and left out by --collapse-copies."""
    posts = _posts(demo_sites)
    copied = {url: p for url, p in posts.items() if "copy_of" in p.meta}
    assert copied  # the demo has at least one
    store = Store(crawled)
    by_url = {a["canonical_url"]: a for a in store.iter_articles(Filters(include_all=True))}
    for url, post in copied.items():
        original = normalize_url(demo_sites.url("a", f"/{post.meta['copy_of']}/"))
        assert by_url[url]["copy_of"] == original
        assert by_url[original]["copies"] == 1
    assert sum(1 for a in by_url.values() if a["copy_of"]) == len(copied)  # nothing else
    host = {s: demo_sites.base(s).split("//")[1] for s in ("a", "b")}
    assert [(r["copier_site"], r["original_site"], r["copies"]) for r in store.site_copies()] == [
        (host["b"], host["a"], len(copied))
    ]
    store.close()
    table = seasonnews("copies", "--db", crawled).stdout.splitlines()
    assert table[1].split() == [host["b"], str(len(copied)), host["a"]]
    full = seasonnews("export", "--format", "jsonl", "--db", crawled).stdout.splitlines()
    collapsed = seasonnews(
        "export", "--format", "jsonl", "--collapse-copies", "--db", crawled
    ).stdout.splitlines()
    assert len(full) - len(collapsed) == len(copied)
    assert not any(json.loads(line)["copy_of"] for line in collapsed)
    copies = seasonnews("export", "--what", "copies", "--format", "jsonl", "--db", crawled)
    assert {json.loads(line)["url"] for line in copies.stdout.splitlines()} == set(copied)
