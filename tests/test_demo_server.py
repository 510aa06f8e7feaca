"""The bundled demo sites are served as demo/site/MANIFEST.md describes."""

from __future__ import annotations

import email.message
import http.client
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from demo import build_site
from demo.server import HUGE_BYTES, SITE_ROOT, DemoSites, start_servers

ROOT = Path(__file__).resolve().parents[1]
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@dataclass
class Resp:
    status: int
    headers: email.message.Message
    body: bytes

    @property
    def ctype(self) -> str:
        return self.headers.get("Content-Type", "")

    @property
    def text(self) -> str:
        charset = self.ctype.partition("charset=")[2] or "utf-8"
        return self.body.decode(charset)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def get(
    url: str,
    *,
    method: str = "GET",
    headers: dict | None = None,
    timeout: float = 10,
    follow: bool = False,
) -> Resp:
    handlers = [] if follow else [_NoRedirect()]
    opener = urllib.request.build_opener(*handlers)
    req = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with opener.open(req, timeout=timeout) as r:
            return Resp(r.status, r.headers, r.read())
    except urllib.error.HTTPError as e:
        with e:
            return Resp(e.code, e.headers, e.read())


@pytest.fixture(scope="module")
def sites():
    with start_servers() as running:
        yield running


@pytest.fixture
def fresh_sites():
    with start_servers(("a", "b")) as running:
        yield running


def test_base_urls(sites: DemoSites):
    assert sites.names == ["a", "b"]
    for name in ("a", "b"):
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", sites.base(name))
    assert sites.base("a") != sites.base("b")
    assert sites.url("a", "/feed/") == sites.base("a") + "/feed/"


def test_unknown_site_is_refused():
    with pytest.raises(ValueError, match="no demo site"):
        start_servers(("a", "nope"))


def test_home_is_templated_html(sites: DemoSites):
    r = get(sites.url("a"))
    assert r.status == 200
    assert r.ctype == "text/html; charset=utf-8"
    assert "{{SITE_" not in r.text
    assert f'href="{sites.base("a")}/category/netflix/"' in r.text
    assert int(r.headers["Content-Length"]) == len(r.body)


def test_cross_site_markers(sites: DemoSites):
    r = get(sites.url("b", "/2023/04/stranger-things-season-5-release-date/"))
    assert r.status == 200
    assert f'href="{sites.base("a")}/the-witcher-season-4-release-date/"' in r.text
    r = get(sites.url("a", "/the-witcher-season-4-release-date/"))
    assert f"{sites.base('b')}/2023/04/stranger-things-season-5-release-date/" in r.text


def test_missing_site_marker_becomes_invalid_host():
    with start_servers(("a",)) as only_a:
        r = get(only_a.url("a", "/the-witcher-season-4-release-date/"))
        assert "http://site-b.invalid/2023/04/stranger-things-season-5-release-date/" in r.text


def test_robots_txt(sites: DemoSites):
    r = get(sites.url("a", "/robots.txt"))
    assert r.status == 200
    assert r.ctype.startswith("text/plain")
    assert "User-agent: *" in r.text
    assert "Disallow: /private/" in r.text
    assert f"Sitemap: {sites.base('a')}/sitemap_index.xml" in r.text
    assert f"Sitemap: {sites.base('b')}/sitemap.xml" in get(sites.url("b", "/robots.txt")).text


def _locs(resp: Resp) -> list[str]:
    root = ET.fromstring(resp.body)
    return [el.text or "" for el in root.iter(f"{SM}loc")]


def test_sitemaps_list_live_articles(sites: DemoSites):
    index = get(sites.url("a", "/sitemap_index.xml"))
    assert index.status == 200
    assert index.ctype.startswith("application/xml")
    children = _locs(index)
    assert children == [
        f"{sites.base('a')}/post-sitemap.xml",
        f"{sites.base('a')}/category-sitemap.xml",
    ]
    posts = _locs(get(children[0]))
    assert len(posts) == 14
    for url in posts:
        page = get(url)
        assert page.status == 200, url
        assert '<meta property="og:type" content="article" />' in page.text
        assert f'<link rel="canonical" href="{url}" />' in page.text
    assert len(_locs(get(children[1]))) == 3
    assert len(_locs(get(sites.url("b", "/sitemap.xml")))) == 3


def test_feed(sites: DemoSites):
    r = get(sites.url("a", "/feed/"))
    assert r.status == 200
    assert r.ctype.startswith("application/rss+xml")
    channel = ET.fromstring(r.body).find("channel")
    assert channel is not None
    items = channel.findall("item")
    assert len(items) == 5
    assert items[0].findtext("link") == f"{sites.base('a')}/squid-game-season-2-cast/"


def test_pdf(sites: DemoSites):
    r = get(sites.url("a", "/season-5-leaks.pdf"))
    assert r.status == 200
    assert r.ctype == "application/pdf"
    assert r.body.startswith(b"%PDF-1.4") and r.body.rstrip().endswith(b"%%EOF")
    startxref = int(r.body.rsplit(b"startxref", 1)[1].split()[0])
    assert r.body[startxref:].startswith(b"xref")


def test_windows_1252_page(sites: DemoSites):
    r = get(sites.url("a", "/elite-season-7-release-date/"))
    assert r.ctype == "text/html; charset=windows-1252"
    assert b"\xc9lite Season 7" in r.body  # É in windows-1252
    with pytest.raises(UnicodeDecodeError):
        r.body.decode("utf-8")
    assert "<title>Élite Season 7 Release Date" in r.text
    assert "Netflix’s most reliable hits" in r.text


def test_query_string_is_ignored(sites: DemoSites):
    plain = get(sites.url("a", "/money-heist-season-6-release-date/"))
    tagged = get(sites.url("a", "/money-heist-season-6-release-date/?utm_source=twitter&x=1"))
    assert tagged.status == 200
    assert tagged.body == plain.body


def test_directory_without_slash_redirects(sites: DemoSites):
    r = get(sites.url("a", "/the-witcher-season-4-release-date?utm_source=x"))
    assert r.status == 301
    assert r.headers["Location"] == sites.url(
        "a", "/the-witcher-season-4-release-date/?utm_source=x"
    )


def test_moved_prefix_redirects(sites: DemoSites):
    r = get(sites.url("a", "/moved/the-witcher-season-4-release-date/?a=1"))
    assert r.status == 301
    assert r.headers["Location"] == sites.url("a", "/the-witcher-season-4-release-date/?a=1")
    followed = get(sites.url("a", "/moved/the-witcher-season-4-release-date/"), follow=True)
    assert followed.status == 200
    assert '<h1 class="entry-title" itemprop="headline">The Witcher Season 4' in followed.text


def test_amp_twin_points_to_canonical(sites: DemoSites):
    r = get(sites.url("a", "/all-of-us-are-dead-season-2-release-date/amp/"))
    assert r.status == 200
    assert "<html amp" in r.text
    canonical = sites.url("a", "/all-of-us-are-dead-season-2-release-date/")
    assert f'<link rel="canonical" href="{canonical}">' in r.text


def test_error_500(sites: DemoSites):
    assert get(sites.url("a", "/error-500/")).status == 500


def test_missing_page_is_themed_404(sites: DemoSites):
    r = get(sites.url("a", "/squid-game-season-2-cast-revealed/"))
    assert r.status == 404
    assert "Oops! That page can&rsquo;t be found." in r.text
    assert get(sites.url("a", "/robots.txt/")).status == 404
    assert get(sites.url("b", "/nothing-here/")).status == 404


def test_path_traversal_is_refused(sites: DemoSites):
    netloc = urlsplit(sites.base("a")).netloc
    conn = http.client.HTTPConnection(netloc, timeout=10)
    try:
        conn.request("GET", "/../../server.py")
        resp = conn.getresponse()
        resp.read()
    finally:
        conn.close()
    assert resp.status == 404


def test_redirect_loop(sites: DemoSites):
    a = get(sites.url("a", "/loop/a/"))
    assert (a.status, a.headers["Location"]) == (302, sites.url("a", "/loop/b/"))
    b = get(sites.url("a", "/loop/b/"))
    assert (b.status, b.headers["Location"]) == (302, sites.url("a", "/loop/a/"))
    looped = get(sites.url("a", "/loop/a/"), follow=True)  # urllib gives up on the loop
    assert looped.status == 302


def test_huge_page(sites: DemoSites):
    head = get(sites.url("a", "/huge/"), method="HEAD")
    assert head.status == 200
    assert int(head.headers["Content-Length"]) == HUGE_BYTES == 3 * 1024 * 1024
    assert head.body == b""
    r = get(sites.url("a", "/huge/"))
    assert len(r.body) == HUGE_BYTES
    assert r.ctype == "text/html; charset=utf-8"
    assert r.body.startswith(b"<!DOCTYPE html>") and r.body.endswith(b"</html>\n")


def test_slow_page_times_out_then_answers(fresh_sites: DemoSites):
    fresh_sites.slow_seconds = 1.0
    with pytest.raises((TimeoutError, urllib.error.URLError)):
        get(fresh_sites.url("a", "/slow/"), timeout=0.2)
    fresh_sites.slow_seconds = 0.1
    assert get(fresh_sites.url("a", "/slow/"), timeout=5).status == 200


def test_conditional_get(sites: DemoSites):
    first = get(sites.url("a", "/squid-game-season-2-cast/"))
    etag = first.headers["ETag"]
    assert etag and first.headers["Cache-Control"] == "no-cache"
    again = get(sites.url("a", "/squid-game-season-2-cast/"), headers={"If-None-Match": etag})
    assert again.status == 304
    assert again.body == b""


def test_hits_are_counted_per_path(fresh_sites: DemoSites):
    assert fresh_sites.hits("a") == {}
    get(fresh_sites.url("a", "/robots.txt"))
    get(fresh_sites.url("a", "/squid-game-season-2-cast/"))
    get(fresh_sites.url("a", "/squid-game-season-2-cast/?share=twitter&nb=1"))
    get(fresh_sites.url("a", "/nope/"))
    hits = fresh_sites.hits("a")
    assert hits["/squid-game-season-2-cast/"] == 2
    assert hits["/robots.txt"] == 1 and hits["/nope/"] == 1
    assert hits["/private/season-9-secret/"] == 0
    assert fresh_sites.requests("a")[2] == "/squid-game-season-2-cast/?share=twitter&nb=1"
    assert fresh_sites.hits("b") == {}
    fresh_sites.reset_hits()
    assert fresh_sites.hits("a") == {} and fresh_sites.requests("a") == []


def test_private_page_exists_but_is_disallowed(sites: DemoSites):
    # The file is real, so a crawler that ignores robots.txt would store it.
    assert (SITE_ROOT / "a" / "private" / "season-9-secret" / "index.html").is_file()
    home = get(sites.url("a")).text
    assert f'href="{sites.base("a")}/private/season-9-secret/"' in home


def test_every_local_link_resolves_as_documented(sites: DemoSites):
    """Every same-site link on every page answers 200, or is one of the documented bad pages."""
    documented = {
        "/error-500/": 500,
        "/squid-game-season-2-cast-revealed/": 404,
        "/loop/a/": 302,
        "/the-witcher-season-4-release-date": 301,
        "/moved/the-witcher-season-4-release-date/": 301,
        "/private/season-9-secret/": 200,
        "/comments/feed/": 404,
        "/xmlrpc.php": 404,
        "/wp-json/": 404,
        "/wp-comments-post.php": 404,
    }
    seen: dict[str, int] = {}
    for name in ("a", "b"):
        base = sites.base(name)
        for page in (SITE_ROOT / name).rglob("index.html"):
            text = sites.render(page).decode("utf-8", errors="replace")
            for href in re.findall(r'<a [^>]*?href="([^"#]+)', text):
                if not href.startswith(base) or "/wp-content/" in href:
                    continue
                path = urlsplit(href).path
                if path not in seen:
                    seen[path] = get(base + path).status
    bad = {p: s for p, s in seen.items() if s != documented.get(p, 200)}
    assert bad == {}
    assert seen["/error-500/"] == 500


def test_quiet_stderr(fresh_sites: DemoSites, capfd: pytest.CaptureFixture[str]):
    get(fresh_sites.url("a"))
    get(fresh_sites.url("a", "/nope/"))
    fresh_sites.slow_seconds = 0.3
    with pytest.raises((TimeoutError, urllib.error.URLError)):
        get(fresh_sites.url("a", "/slow/"), timeout=0.05)
    fresh_sites.close()  # waits for nothing: handler threads are daemons
    _out, err = capfd.readouterr()
    assert err == ""


def test_close_releases_ports():
    running = start_servers(("b",))
    url = running.url("b", "/robots.txt")
    assert get(url).status == 200
    running.close()
    running.close()  # idempotent
    with pytest.raises(urllib.error.URLError):
        get(url, timeout=2)


def test_checked_in_site_matches_generator(tmp_path: Path):
    """demo/site/{a,b} are exactly what `python -m demo.build_site` writes."""
    a_posts = build_site.build_a(tmp_path / "a")
    build_site.build_b(tmp_path / "b", a_posts)
    for name in ("a", "b"):
        built = {
            p.relative_to(tmp_path / name): p.read_bytes()
            for p in (tmp_path / name).rglob("*")
            if p.is_file()
        }
        checked_in = {
            p.relative_to(SITE_ROOT / name): p.read_bytes()
            for p in (SITE_ROOT / name).rglob("*")
            if p.is_file()
        }
        assert sorted(built) == sorted(checked_in)
        stale = [str(p) for p in built if built[p] != checked_in[p]]
        assert stale == [], "run: python -m demo.build_site"


def test_manifest_lists_every_article():
    manifest = (SITE_ROOT / "MANIFEST.md").read_text(encoding="utf-8")
    for post in build_site.load_posts("a") + build_site.load_posts("b"):
        if not post.private:
            assert f"### `{post.path}`" in manifest
    assert "Élite Season 7" in manifest


def test_module_main_serves_until_interrupted():
    proc = subprocess.Popen(
        [sys.executable, "-m", "demo.server"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(2)]
        urls = [line.split(": ", 1)[1].strip() for line in lines]
        assert [line.split(":", 1)[0] for line in lines] == ["site a", "site b"]
        assert get(urls[0] + "robots.txt").status == 200
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
        assert "stopped" in out
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0
    assert err == ""
