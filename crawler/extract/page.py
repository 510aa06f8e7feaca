"""One call from HTML to everything seasonnews keeps about a page."""

from __future__ import annotations

import dataclasses
from urllib.parse import urljoin

from crawler.extract.body import extract_body_tree
from crawler.extract.html import parse_html, text_of
from crawler.extract.seasons import find_show_seasons, resolve_show_seasons, show_key
from crawler.extract.types import ExtractedPage, Metadata, RelatedLink, ShowSeason

MAX_HEADINGS = 6


def extract_page(html: str, url: str) -> ExtractedPage:
    """Body, metadata, "Also Read" links, show-seasons and followable links of one page."""
    try:
        tree = parse_html(html, url)
    except ValueError as exc:
        return ExtractedPage(url=url, metadata=Metadata(), body="", no_season_reason=str(exc))
    links = _links(tree, url)
    h1 = next((text_of(h) for h in tree.iter("h1") if text_of(h)), None)
    headings = [text_of(h) for h in tree.iter("h2", "h3")][:MAX_HEADINGS]
    body, metadata, related = extract_body_tree(tree, url)
    seasons, reason = resolve_show_seasons(
        metadata.title, h1, headings, metadata.canonical_url or url, metadata.sitename
    )
    return ExtractedPage(
        url=url,
        metadata=metadata,
        body=body,
        related=[_with_season(link) for link in related],
        show_seasons=seasons,
        no_season_reason=reason,
        links=links,
    )


def _links(tree: object, base_url: str) -> list[tuple[str, str]]:
    """Every (absolute URL, anchor text) of the page, first occurrence of each URL."""
    seen: dict[str, str] = {}
    for anchor in tree.iter("a"):  # type: ignore[attr-defined]
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            continue
        absolute = urljoin(base_url, href)
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
