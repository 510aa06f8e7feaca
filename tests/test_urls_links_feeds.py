"""Pure helpers: URL keys, which links are followed, feeds, listing pages."""

from __future__ import annotations

import pytest

from crawler.extract.feeds import feed_links
from crawler.extract.html import parse_html
from crawler.extract.page import listing_reason
from crawler.extract.urls import normalize_url, site_of
from crawler.links import is_crawlable, is_listing, is_season_link


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("HTTP://Example.com:80/a/b/?utm_source=tw&utm_medium=x#frag", "http://example.com/a/b"),
        ("https://site.com/show-season-2/amp/", "https://site.com/show-season-2"),
        ("https://site.com/amp/show-season-2/", "https://site.com/show-season-2"),
        ("https://site.com/show-season-2/?fbclid=abc&amp=1", "https://site.com/show-season-2"),
        ("https://site.com/", "https://site.com/"),
        ("https://site.com", "https://site.com/"),
        ("https://site.com/a b/é", "https://site.com/a%20b/%C3%A9"),
        ("https://site.com/?p=123", "https://site.com/?p=123"),
    ],
)
def test_normalize_url(url, key) -> None:
    assert normalize_url(url) == key


def test_normalize_url_keeps_amp_when_asked_and_rejects_non_http() -> None:
    assert normalize_url("https://s.com/x/amp/", strip_amp=False) == "https://s.com/x/amp"
    for bad in ("mailto:a@b.c", "/relative/path", "ftp://x.org/f"):
        with pytest.raises(ValueError):
            normalize_url(bad)
    assert site_of("https://www.Site.com:8080/x") == "site.com:8080"


@pytest.mark.parametrize(
    ("url", "anchor", "season"),
    [
        ("https://s.com/squid-game-season-2-release-date/", "", True),
        ("https://s.com/p/123", "Money Heist Season 6 Release Date", True),
        ("https://s.com/the-crown-series-6/", "", True),
        ("https://s.com/wednesday-renewed-netflix/", "", True),
        ("https://s.com/stranger-things-cast/", "", True),
        ("https://s.com/best-pizza-recipes/", "Best pizza recipes", False),
        ("https://s.com/about-us/", "About us", False),
    ],
)
def test_season_links(url, anchor, season) -> None:
    assert is_season_link(url, anchor) is season


def test_listings_and_crawlable() -> None:
    assert is_listing("https://s.com/category/netflix/page/2/")
    assert is_listing("https://s.com/tag/k-drama/")
    assert not is_listing("https://s.com/squid-game-season-2/")
    assert not is_crawlable("https://s.com/wp-admin/")
    assert not is_crawlable("https://s.com/post/?replytocom=12")
    assert not is_crawlable("https://s.com/post/?share=twitter")
    assert not is_crawlable("https://s.com/wp-content/uploads/a.jpg")
    assert not is_crawlable("https://s.com/feed/")
    assert is_crawlable("https://s.com/squid-game-season-2/")


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>A</title><link>https://s.com/a-season-2/</link></item>
<item><title>B</title><guid isPermaLink="true">https://s.com/b-season-3/</guid></item>
<item><title>C</title><link>/c-season-4/</link></item></channel></rss>"""
ATOM = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title>
<link rel="alternate" href="https://s.com/a/"/><link rel="replies" href="https://s.com/a/#c"/>
</entry><entry><link href="https://s.com/b/"/></entry></feed>"""


def test_feed_links() -> None:
    assert feed_links(RSS, "https://s.com/feed/") == [
        "https://s.com/a-season-2/",
        "https://s.com/b-season-3/",
        "https://s.com/c-season-4/",
    ]
    assert feed_links(ATOM, "https://s.com/feed/") == ["https://s.com/a/", "https://s.com/b/"]


@pytest.mark.parametrize("body", [b"<html><body>not a feed</body></html>", b"", b"\x00\x01"])
def test_malformed_feeds_raise(body) -> None:
    with pytest.raises(ValueError):
        feed_links(body, "https://s.com/feed/")


@pytest.mark.parametrize(
    ("html", "url", "listing"),
    [
        ('<body class="archive category"><h1>Netflix</h1></body>', "https://s.com/x/", True),
        ('<body class="home blog"><h1>Site</h1></body>', "https://s.com/", True),
        ('<body class="single single-post"><h1>S2</h1></body>', "https://s.com/tag/x/", False),
        ("<head><meta property='og:type' content='website'></head><body><h1>T</h1></body>",
         "https://s.com/category/netflix/", True),
        ("<head><meta property='og:type' content='article'></head><body><h1>T</h1></body>",
         "https://s.com/squid-game-season-2/", False),
        ('<script type="application/ld+json">{"@type": "CollectionPage"}</script><p>x</p>',
         "https://s.com/k-dramas/", True),
        ("<body><h1>Kingdom Season 3</h1><p>Text</p></body>", "https://s.com/kingdom-3/", False),
    ],
)  # fmt: skip
def test_listing_pages(html, url, listing) -> None:
    assert (listing_reason(parse_html(html, url), url) is not None) is listing
