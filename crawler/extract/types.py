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
