"""Plain records the storage layer accepts: what the crawler hands over, free of Scrapy."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

# Claims are plain, Scrapy-free data defined once, beside the extractor that makes them.
from crawler.extract.types import Claim, ClaimSummary

__all__ = [
    "ArticleRecord",
    "Claim",
    "ClaimSummary",
    "ErrorRecord",
    "KnownPage",
    "LinkRecord",
    "SaveResult",
    "SeasonRef",
]


@dataclass(frozen=True, slots=True)
class SeasonRef:
    """A show-season as named somewhere (headline, URL, or an anchor)."""

    show: str
    show_key: str
    season: int
    source: str = "title"


@dataclass(frozen=True, slots=True)
class LinkRecord:
    """An "Also Read" link to store."""

    to_url: str
    anchor: str
    kind: str
    anchor_season: SeasonRef | None = None


@dataclass(slots=True)
class ArticleRecord:
    """One extracted, normalised article ready to be stored."""

    url: str
    """The URL the content was fetched from, as served."""
    canonical_url: str
    """Normalised canonical URL: the article's identity."""
    site: str
    body: str
    body_hash: str
    seen_at: datetime
    title: str | None = None
    author: str | None = None
    published: str | None = None
    modified: str | None = None
    sitename: str | None = None
    language: str | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    description: str | None = None
    http_status: int | None = None
    seasons: list[SeasonRef] = field(default_factory=list)
    no_season_reason: str | None = None
    related: list[LinkRecord] = field(default_factory=list)
    variant: bool = False
    """Fetched from a URL other than its canonical one (AMP, a copy naming its original):
    its content never replaces content fetched from the canonical URL itself."""
    other_urls: list[str] = field(default_factory=list)
    """Other URLs that served this same article (duplicates found during the crawl)."""
    claims: list[Claim] = field(default_factory=list)
    """What the article says about its primary season (`seasons[0]`)."""
    summary: ClaimSummary | None = None
    """The article's answer per field for its primary season."""
    aliases: list[tuple[str, str]] = field(default_factory=list)
    """(name, key) of other names the article gives its primary show."""
    etag: str | None = None
    """The ETag the fetched URL answered with."""
    last_modified: str | None = None
    """The Last-Modified the fetched URL answered with."""
    fingerprint: bytes | None = None
    """The body's MinHash signature (crawler.extract.neardup), None when too short to judge."""

    def derived_hash(self) -> str:
        """Digest of what extraction derived from the page (show-seasons, claims, answer,
        links, aliases): an unchanged page re-read by a newer extractor still gets rewritten."""
        derived = (self.seasons, self.claims, self.summary, self.related, self.aliases)
        return hashlib.sha256(repr(derived).encode()).hexdigest()

    def rank(self) -> tuple[str, str]:
        """Order among exact duplicates: the earliest published, then the smallest URL, wins."""
        return (self.published or "9999-99-99", self.canonical_url)


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """A URL that failed, and why."""

    url: str
    reason: str
    at: datetime
    status: int | None = None
    detail: str | None = None
    url_key: str | None = None
    """Normalised form of `url` (as `ArticleRecord.other_urls`): a stored article's URL that
    now answers 404/410 marks the article gone."""


@dataclass(frozen=True, slots=True)
class KnownPage:
    """What the database knows about a URL that served an article, for re-crawling it."""

    first_seen: datetime
    last_seen: datetime
    """The last time the URL was fetched (200 or 304)."""
    published: str | None = None
    changed_at: datetime | None = None
    """The last time a re-crawl found new content."""
    etag: str | None = None
    last_modified: str | None = None


@dataclass(slots=True)
class SaveResult:
    """What one `Store.save` call changed."""

    inserted: int = 0
    """New articles."""
    changed: int = 0
    """Stored articles whose page now says something else (the old content became a version)."""
    unchanged: int = 0
    """Stored articles fetched again with the same content (only last_seen moved)."""
    duplicates: int = 0
    """Pages whose content an article already has (another URL, AMP, an earlier copy)."""
    copies: int = 0
    """New or changed articles that are near-duplicates of an earlier article."""
    errors: int = 0
    not_modified: int = 0
    """304 answers (only last_seen moved)."""
