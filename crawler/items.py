"""Items the spider yields; pipelines read them through ItemAdapter."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from crawler.extract.types import Claim, ClaimSummary, ExtractedPage, RelatedLink, ShowSeason


@attrs.define(kw_only=True)
class ArticleItem:
    """One HTML page, extracted."""

    url: str
    """URL the page was served from (after redirects)."""
    redirect_urls: list[str] = attrs.field(factory=list)
    """URLs that redirected to `url`."""
    http_status: int | None = None
    """HTTP status of the response."""
    fetched_at: datetime
    """When the page was downloaded (naive UTC)."""
    title: str | None = None
    """Headline (trafilatura's title)."""
    author: str | None = None
    """Author name(s)."""
    published: str | None = None
    """Publication date, YYYY-MM-DD."""
    modified: str | None = None
    """Last modification date, YYYY-MM-DD."""
    sitename: str | None = None
    """Site name as the page states it."""
    language: str | None = None
    """Language code of the page."""
    categories: list[str] = attrs.field(factory=list)
    """Blog categories."""
    tags: list[str] = attrs.field(factory=list)
    """Blog tags."""
    image: str | None = None
    """Lead image URL."""
    description: str | None = None
    """Meta description."""
    canonical_url: str | None = None
    """The page's own canonical URL (link rel=canonical / og:url), before normalisation."""
    body: str = ""
    """Main text, without "Also Read" blocks and blog boilerplate."""
    related: list[RelatedLink] = attrs.field(factory=list)
    """"Also Read"-style links found in the page."""
    show_seasons: list[ShowSeason] = attrs.field(factory=list)
    """Show-seasons the headline is about, main first."""
    no_season_reason: str | None = None
    """Why `show_seasons` is empty."""
    claims: list[Claim] = attrs.field(factory=list)
    """What the article says about its main show-season (docs/CLAIMS.md)."""
    summary: ClaimSummary | None = None
    """The article's answer per field (status, release date, platform) for that season."""
    aliases: list[str] = attrs.field(factory=list)
    """Other names the article gives its main show (an original-language title)."""
    url_keys: list[str] = attrs.field(factory=list)
    """Normalised form of `url`, AMP segment kept (set by NormalizePipeline)."""
    variant: bool = False
    """Fetched from a URL other than its canonical one, e.g. AMP (set by NormalizePipeline)."""
    body_hash: str | None = None
    """Hash of the normalised body (set by NormalizePipeline)."""
    duplicate_of: str | None = None
    """Canonical URL of an article this one duplicates in this run (set by DedupePipeline)."""
    etag: str | None = None
    """The response's ETag header (sent back as If-None-Match on the next crawl)."""
    last_modified: str | None = None
    """The response's Last-Modified header (sent back as If-Modified-Since)."""
    fingerprint: str | None = None
    """MinHash signature of the body (crawler.extract.neardup) in hex, None when too short."""


def article_item(page: ExtractedPage, **response: Any) -> ArticleItem:
    """The item of an extracted article page; `response`: what the response tells (url,
    fetched_at, http_status, redirect_urls, etag, last_modified)."""
    meta = page.metadata
    return ArticleItem(
        title=meta.title,
        author=meta.author,
        published=meta.published,
        modified=meta.modified,
        sitename=meta.sitename,
        language=meta.language,
        categories=meta.categories,
        tags=meta.tags,
        image=meta.image,
        description=meta.description,
        canonical_url=meta.canonical_url,
        body=page.body,
        related=page.related,
        show_seasons=page.show_seasons,
        no_season_reason=page.no_season_reason,
        claims=page.claims,
        summary=page.summary,
        aliases=page.aliases,
        fingerprint=page.fingerprint.hex() if page.fingerprint else None,
        **response,
    )


@attrs.define(kw_only=True)
class NotModifiedItem:
    """A page that answered 304 Not Modified to a conditional request: seen, unchanged."""

    url: str
    """The URL requested."""
    fetched_at: datetime
    """When it answered (naive UTC)."""


@attrs.define(kw_only=True)
class FailureItem:
    """A URL that could not be turned into an article, and why."""

    url: str
    """The URL requested."""
    reason: str
    """Short machine-readable reason: http_404, timeout, non_html, redirect_loop, ..."""
    fetched_at: datetime
    """When the failure happened (naive UTC)."""
    status: int | None = None
    """HTTP status, when there was a response."""
    detail: str | None = None
    """Human-readable detail."""
