"""One call from HTML to everything seasonnews keeps about a page."""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from crawler.extract.body import extract_body_tree
from crawler.extract.claims import extract_claims, original_titles, summarize
from crawler.extract.html import parse_html, text_of
from crawler.extract.neardup import fingerprint
from crawler.extract.seasons import find_show_seasons, resolve_show_seasons, show_key
from crawler.extract.types import Claim, ExtractedPage, Metadata, RelatedLink, ShowSeason

MAX_HEADINGS = 6


def extract_page(html: str, url: str) -> ExtractedPage:
    """Body, metadata, "Also Read" links, show-seasons and followable links of one page."""
    try:
        tree = parse_html(html, url)
    except ValueError as exc:
        return ExtractedPage(url=url, metadata=Metadata(), body="", no_season_reason=str(exc))
    links = _links(tree, url)
    listing = listing_reason(tree, url)
    if listing:
        return ExtractedPage(url=url, metadata=Metadata(), body="", listing=listing, links=links)
    h1 = next((text_of(h) for h in tree.iter("h1") if text_of(h)), None)
    headings = [text_of(h) for h in tree.iter("h2", "h3")][:MAX_HEADINGS]
    body, metadata, related = extract_body_tree(tree, url)
    seasons, reason = resolve_show_seasons(
        metadata.title, h1, headings, metadata.canonical_url or url, metadata.sitename
    )
    claims: list[Claim] = []
    summary, aliases = None, []
    if seasons:
        main = seasons[0]
        claims = extract_claims(
            body, show=main.show, season=main.season, published=metadata.published,
            title=metadata.title,
        )  # fmt: skip
        summary = summarize(claims, published=metadata.published)
        aliases = original_titles(body, main.show)
    found = fingerprint(body)
    return ExtractedPage(
        url=url,
        metadata=metadata,
        body=body,
        related=[_with_season(link) for link in related],
        show_seasons=seasons,
        no_season_reason=reason,
        links=links,
        claims=claims,
        summary=summary,
        aliases=aliases,
        fingerprint=found.to_bytes() if found else None,
    )


# WordPress (and most blog engines) name the page type in <body class>.
_ARTICLE_BODY_CLASSES = frozenset({"single", "single-post", "postid", "post-template-default"})
_LISTING_BODY_CLASSES = frozenset(
    {"archive", "category", "tag", "author", "search", "search-results", "home", "blog", "paged",
     "date", "error404"}
)  # fmt: skip
_LISTING_LD_TYPES = frozenset({"CollectionPage", "SearchResultsPage", "ProfilePage", "ItemList"})
_LISTING_PATH = re.compile(r"/(?:category|tag|author|page|search)/|^/$", re.IGNORECASE)


def listing_reason(tree: HtmlElement, url: str) -> str | None:
    """Why a page is a listing of articles rather than an article, or None for an article.

    Decided from what blog engines declare (body classes, og:type, JSON-LD page type) and the
    URL shape of listings; a page that declares itself a single post is always an article.
    """
    body = tree.find("body")
    classes = set((body.get("class") or "").split()) if body is not None else set()
    if classes & _ARTICLE_BODY_CLASSES:
        return None
    found = classes & _LISTING_BODY_CLASSES
    if found:
        return f"listing page (body class {sorted(found)[0]})"
    og_type = tree.xpath('string(//meta[@property="og:type"]/@content)').strip().lower()
    path = urlsplit(url).path or "/"
    if _LISTING_PATH.search(path) and og_type != "article":
        return "listing page (URL)"
    ld_types = set(re.findall(r'"@type"\s*:\s*"(\w+)"', " ".join(_ld_scripts(tree))))
    if ld_types & _LISTING_LD_TYPES and not ld_types & _ARTICLE_LD_TYPES:
        return f"listing page ({sorted(ld_types & _LISTING_LD_TYPES)[0]})"
    if og_type != "article" and not ld_types & _ARTICLE_LD_TYPES and _is_card_grid(body):
        return "listing page (headline cards)"
    return None


_ARTICLE_LD_TYPES = frozenset(
    {"Article", "NewsArticle", "BlogPosting", "Report", "ReviewNewsArticle"}
)
# A hub or topic page of a JavaScript site declares nothing (no body class, og:type "website"):
# it is recognised by its shape, several headings that are each one link (article cards) and
# little text outside links. An article carries its own prose, whatever cards follow it.
_MIN_CARDS = 4
_MAX_UNLINKED_WORDS_PER_CARD = 40
_WORD_RE = re.compile(r"\w+")


def _is_card_grid(body: HtmlElement | None) -> bool:
    """True for a page made of headline cards ("<h3><a>Title</a></h3>" x N) and little else."""
    if body is None:
        return False
    cards = 0
    for heading in body.iter("h2", "h3", "h4"):
        anchors = heading.findall(".//a[@href]")
        if len(anchors) == 1 and text_of(anchors[0]) and text_of(anchors[0]) == text_of(heading):
            cards += 1
    if cards < _MIN_CARDS:
        return False
    linked = sum(len(_WORD_RE.findall(text_of(a))) for a in body.iter("a"))
    unlinked = len(_WORD_RE.findall(body.text_content())) - linked
    return unlinked <= _MAX_UNLINKED_WORDS_PER_CARD * cards


def _ld_scripts(tree: HtmlElement) -> list[str]:
    return [s.text or "" for s in tree.iter("script") if s.get("type") == "application/ld+json"]


def _links(tree: HtmlElement, base_url: str) -> list[tuple[str, str]]:
    """Every (absolute URL, anchor text) of the page, first occurrence of each URL."""
    seen: dict[str, str] = {}
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            continue
        absolute = href if href.startswith(("http://", "https://")) else urljoin(base_url, href)
        if absolute not in seen:
            seen[absolute] = text_of(anchor)
    return list(seen.items())


def _with_season(link: RelatedLink) -> RelatedLink:
    found = find_show_seasons(link.anchor)
    if not found:
        return link
    show, number = found[0]
    season = ShowSeason(show=show, show_key=show_key(show), season=number, source="anchor")
    return dataclasses.replace(link, season=season)
