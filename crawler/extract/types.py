"""Plain data produced by the pure extraction functions (no Scrapy, no database)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RelatedLink:
    """One "Also Read"-style link found in an article."""

    url: str
    """Absolute URL of the linked page (as written, not normalised)."""
    anchor: str
    """Anchor text, whitespace collapsed."""
    kind: str
    """Label family: also_read, read_more, related, must_read, you_may_like, recommended."""
    season: ShowSeason | None = None
    """Show-season the anchor names (the linked page's, per the anchor), when it names one."""


@dataclass(frozen=True, slots=True)
class ShowSeason:
    """The show and season a text is about."""

    show: str
    """Show name as written (surface form), e.g. "All Of Us Are Dead"."""
    show_key: str
    """Normalised identity of the show, e.g. "all of us are dead"."""
    season: int
    """Season (or British "series") number, >= 1."""
    source: str = "title"
    """Where it was found: title, h1, heading, url."""


STATUSES = ("renewed", "release_date_announced", "released", "cancelled", "unconfirmed")
"""Status vocabulary, from an official order to no official word at all."""

CLAIM_KINDS = ("status", "release_date", "platform", "cast", "trailer")


@dataclass(frozen=True, slots=True)
class Claim:
    """One thing an article says about the show-season it is about."""

    kind: str
    """One of CLAIM_KINDS."""
    value: str
    """status: one of STATUSES. release_date: "YYYY-MM-DD", "YYYY-MM", "YYYY", or a range of
    months "YYYY-MM/YYYY-MM". platform: canonical name ("Netflix", "Prime Video", ...).
    cast: "Actor as Character" (or just "Actor"). trailer: "released" or "not_released"."""
    sentence: str
    """The sentence that supports the claim, whitespace collapsed."""
    hedged: bool = False
    """Stated as speculation ("reportedly", "expected", "might", ...), not as fact."""
    precision: str | None = None
    """release_date only: day, month, year or range."""
    note: str | None = None
    """cast only: "returning" or "new" when the article says so."""


@dataclass(frozen=True, slots=True)
class ClaimSummary:
    """What one article says, all claims weighed: its answer for each field."""

    status: str = "unconfirmed"
    status_hedged: bool = True
    release_date: str | None = None
    release_precision: str | None = None
    release_hedged: bool = True
    platform: str | None = None


@dataclass(slots=True)
class Metadata:
    """Article metadata (from trafilatura and the page's own tags)."""

    title: str | None = None
    author: str | None = None
    published: str | None = None
    """ISO date YYYY-MM-DD."""
    modified: str | None = None
    """ISO date YYYY-MM-DD."""
    sitename: str | None = None
    language: str | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    canonical_url: str | None = None
    description: str | None = None


@dataclass(slots=True)
class ExtractedPage:
    """Everything extraction learns from one HTML page."""

    url: str
    metadata: Metadata
    body: str
    """Main text with related-link blocks and blog boilerplate removed."""
    related: list[RelatedLink] = field(default_factory=list)
    show_seasons: list[ShowSeason] = field(default_factory=list)
    """Show-seasons the headline is about, the main one first; empty when none."""
    no_season_reason: str | None = None
    """Why show_seasons is empty (None when it is not)."""
    listing: str | None = None
    """Why the page is a listing (home, category, tag, author, search), not an article."""
    links: list[tuple[str, str]] = field(default_factory=list)
    """Every (absolute URL, anchor text) in the page, for the spider to choose what to follow."""
    claims: list[Claim] = field(default_factory=list)
    """What the article says about its main show-season (empty when it has none)."""
    summary: ClaimSummary | None = None
    """The article's answer per field for its main show-season (None when it has none)."""
    aliases: list[str] = field(default_factory=list)
    """Other names the article gives its main show (an original-language title, ...)."""
    fingerprint: bytes | None = None
    """MinHash signature of the body for near-duplicate detection (None: too short)."""
