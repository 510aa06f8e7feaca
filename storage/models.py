"""SQLAlchemy 2 models. Keyed by show and season; every crawled page is an article."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base of all seasonnews tables."""


class Show(Base):
    """One show, whatever the spelling: `key` is the normalised identity."""

    __tablename__ = "shows"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    seasons: Mapped[list[Season]] = relationship(back_populates="show")


class ShowAlias(Base):
    """A spelling of a show (normalised `key`) and the show it names.

    Every key a headline used is an alias of exactly one show. `source` says who decided:
    `title` (the first spelling, which created the show), `rule` (merged by the spelling rules),
    `original` (an original-language title the text gives), `operator` (set by `seasonnews show
    merge/split`, never changed by the rules).
    """

    __tablename__ = "show_aliases"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("shows.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    source: Mapped[str] = mapped_column(String(20))


class Season(Base):
    """A show's season (or British series), unique per show and number."""

    __tablename__ = "seasons"
    __table_args__ = (UniqueConstraint("show_id", "number", name="uq_seasons_show_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("shows.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    show: Mapped[Show] = relationship(back_populates="seasons")

    # The verdict over all its articles (storage.verdict), refreshed whenever they change.
    status: Mapped[str | None] = mapped_column(String(30), index=True)
    status_confidence: Mapped[float | None] = mapped_column(Float)
    release_date: Mapped[str | None] = mapped_column(String(20))
    """YYYY-MM-DD, YYYY-MM, YYYY or a month range YYYY-MM/YYYY-MM."""
    release_precision: Mapped[str | None] = mapped_column(String(10))
    release_confidence: Mapped[float | None] = mapped_column(Float)
    platform: Mapped[str | None] = mapped_column(String(100))
    verdict: Mapped[dict[str, object] | None] = mapped_column(JSON)
    """The rest of the verdict: conflicting claims with their sources, cast, trailer."""


class Article(Base):
    """One stored article, unique by canonical URL; copies under other URLs are `ArticleUrl`s."""

    __tablename__ = "articles"
    __table_args__ = (
        # Export order (newest published first, undated last); SQLite: "published DESC".
        Index("ix_articles_published_order", text("published DESC NULLS LAST"), "canonical_url"),
        # The near-duplicate copies only (iter_copies, the site_copies view).
        Index(
            "ix_articles_copies",
            "first_seen",
            "copy_of_id",
            "site",
            postgresql_where=text("copy_of_id IS NOT NULL"),
            sqlite_where=text("copy_of_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    canonical_url: Mapped[str] = mapped_column(String(2000), unique=True)
    url: Mapped[str] = mapped_column(String(2000))
    site: Mapped[str] = mapped_column(String(300), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(500))
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    modified: Mapped[str | None] = mapped_column(String(10))
    sitename: Mapped[str | None] = mapped_column(String(300))
    language: Mapped[str | None] = mapped_column(String(20))
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    image: Mapped[str | None] = mapped_column(String(2000))
    description: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    body_hash: Mapped[str] = mapped_column(String(64), index=True)
    no_season_reason: Mapped[str | None] = mapped_column(String(200))
    http_status: Mapped[int | None] = mapped_column(Integer)
    variant: Mapped[bool] = mapped_column(Boolean, default=False)
    """The content was fetched from a variant (AMP, a copy naming another canonical URL)."""
    first_seen: Mapped[datetime] = mapped_column(DateTime, index=True)
    last_seen: Mapped[datetime] = mapped_column(DateTime)
    gone_at: Mapped[datetime | None] = mapped_column(DateTime)
    """When its URL started answering 404/410 (None while it is served): kept, not deleted."""
    derived_hash: Mapped[str | None] = mapped_column(String(64))
    """Digest of what extraction derived from the content (ArticleRecord.derived_hash)."""
    changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    """When a re-crawl last found new content (the old one is an `ArticleVersion`)."""
    fingerprint: Mapped[bytes | None] = mapped_column(LargeBinary)
    """MinHash signature of the body (crawler.extract.neardup); None when too short."""
    copy_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True
    )
    """The original of this article's near-duplicate cluster (None: not a copy). Always the
    cluster's original itself, never a copy of a copy."""
    copy_similarity: Mapped[float | None] = mapped_column(Float)
    """Estimated Jaccard similarity to the closest article of its cluster."""

    urls: Mapped[list[ArticleUrl]] = relationship(back_populates="article")


class ArticleBand(Base):
    """One LSH band key of an article's fingerprint: articles sharing a key are candidates."""

    __tablename__ = "article_bands"

    band: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ArticleVersion(Base):
    """An earlier content of an article, kept when a re-crawl found it changed."""

    __tablename__ = "article_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    body_hash: Mapped[str] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10))
    modified: Mapped[str | None] = mapped_column(String(10))
    body: Mapped[str] = mapped_column(Text)
    fetched_at: Mapped[datetime] = mapped_column(DateTime)
    """The last time this content was fetched."""
    replaced_at: Mapped[datetime] = mapped_column(DateTime)
    """When the next content was fetched."""
    claims: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    """The claims this content made about its primary season."""
    summary: Mapped[dict[str, object] | None] = mapped_column(JSON)
    """Its answer per field (status, release date, platform) and the season it was about."""


class ClaimChange(Base):
    """What changed in an article's answer between two versions (status unconfirmed -> renewed,
    release date 2023 -> 2023-11-10)."""

    __tablename__ = "claim_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    version_id: Mapped[int | None] = mapped_column(
        ForeignKey("article_versions.id", ondelete="CASCADE")
    )
    """The version that held the old value."""
    season_id: Mapped[int | None] = mapped_column(
        ForeignKey("seasons.id", ondelete="SET NULL"), index=True
    )
    field: Mapped[str] = mapped_column(String(30))
    """status, release_date, platform, or season (the article now names another season)."""
    old: Mapped[str | None] = mapped_column(String(300))
    new: Mapped[str | None] = mapped_column(String(300))
    at: Mapped[datetime] = mapped_column(DateTime)


class ArticleUrl(Base):
    """Every URL that served an article (its canonical URL and any duplicates)."""

    __tablename__ = "article_urls"

    url: Mapped[str] = mapped_column(String(2000), primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    first_seen: Mapped[datetime] = mapped_column(DateTime)
    etag: Mapped[str | None] = mapped_column(String(200))
    """The ETag this URL last answered with (sent back as If-None-Match on re-crawl)."""
    last_modified: Mapped[str | None] = mapped_column(String(100))
    """The Last-Modified this URL last answered with (sent back as If-Modified-Since)."""
    article: Mapped[Article] = relationship(back_populates="urls")


class ArticleSeason(Base):
    """The show-season(s) an article's headline is about; `is_primary` marks the main one."""

    __tablename__ = "article_seasons"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    season_id: Mapped[int] = mapped_column(
        ForeignKey("seasons.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    show_name: Mapped[str] = mapped_column(String(300))
    source: Mapped[str] = mapped_column(String(20))
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    name_key: Mapped[str | None] = mapped_column(String(300))
    """Normalised `show_name`: the alias this article reached its show through."""

    # What the article says about this season, all its claims weighed (primary season only).
    status: Mapped[str | None] = mapped_column(String(30))
    status_hedged: Mapped[bool | None] = mapped_column(Boolean)
    release_date: Mapped[str | None] = mapped_column(String(20))
    release_precision: Mapped[str | None] = mapped_column(String(10))
    release_hedged: Mapped[bool | None] = mapped_column(Boolean)
    platform: Mapped[str | None] = mapped_column(String(100))


class Claim(Base):
    """One claim an article makes about its primary season, with its supporting sentence."""

    __tablename__ = "claims"
    __table_args__ = (Index("ix_claims_season_kind", "season_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    season_id: Mapped[int] = mapped_column(ForeignKey("seasons.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20))
    """status, release_date, platform, cast or trailer (see docs/CLAIMS.md)."""
    value: Mapped[str] = mapped_column(String(300))
    precision: Mapped[str | None] = mapped_column(String(10))
    hedged: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(String(30))
    sentence: Mapped[str] = mapped_column(Text)


class RelatedLink(Base):
    """An "Also Read" edge from an article to another URL."""

    __tablename__ = "related_links"
    __table_args__ = (UniqueConstraint("from_article_id", "to_url", name="uq_related_from_to"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    from_article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    to_url: Mapped[str] = mapped_column(String(2000), index=True)
    anchor: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(30))
    position: Mapped[int] = mapped_column(Integer, default=0)
    anchor_show: Mapped[str | None] = mapped_column(String(300))
    """Show named by the anchor text (the linked page's show, per the anchor)."""
    anchor_show_key: Mapped[str | None] = mapped_column(String(300), index=True)
    anchor_season: Mapped[int | None] = mapped_column(Integer)


class CrawlRun(Base):
    """One run of the crawler: when, how it ended, and Scrapy's stats."""

    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    finish_reason: Mapped[str | None] = mapped_column(String(100))
    spider: Mapped[str] = mapped_column(String(100))
    args: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    stats: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    """Scrapy's stats; the figures below are copied from them when the run ends."""
    pages_fetched: Mapped[int | None] = mapped_column(Integer)
    """Responses received (any status)."""
    skipped: Mapped[int | None] = mapped_column(Integer)
    """Known pages the re-crawl policy did not ask for (not due, or sitemap lastmod unchanged)."""
    not_modified: Mapped[int | None] = mapped_column(Integer)
    new: Mapped[int | None] = mapped_column(Integer)
    changed: Mapped[int | None] = mapped_column(Integer)
    unchanged: Mapped[int | None] = mapped_column(Integer)
    duplicates: Mapped[int | None] = mapped_column(Integer)
    copies: Mapped[int | None] = mapped_column(Integer)
    """New or changed articles found to be near-duplicates of an earlier one."""
    errors: Mapped[int | None] = mapped_column(Integer)


class CrawlError(Base):
    """A URL that could not be stored in a run, with the reason."""

    __tablename__ = "crawl_errors"
    __table_args__ = (Index("ix_crawl_errors_run_url", "run_id", "url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id", ondelete="SET NULL"))
    url: Mapped[str] = mapped_column(String(2000))
    reason: Mapped[str] = mapped_column(String(100), index=True)
    status: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)
