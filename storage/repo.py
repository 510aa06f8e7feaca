"""The storage API shared by the pipelines, the CLI and the exports."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, delete, func, insert, inspect, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from storage.db import DatabaseError, describe, make_engine, resolve_db_url, safe_url, upgrade
from storage.models import (
    Article,
    ArticleSeason,
    ArticleUrl,
    CrawlError,
    CrawlRun,
    RelatedLink,
    Season,
    Show,
)
from storage.records import ArticleRecord, ErrorRecord, SaveResult, SeasonRef

CONTENT_FIELDS = (
    "canonical_url",
    "url",
    "site",
    "title",
    "author",
    "published",
    "modified",
    "sitename",
    "language",
    "categories",
    "tags",
    "image",
    "description",
    "body",
    "body_hash",
    "no_season_reason",
    "http_status",
    "variant",
)
CHUNK = 500


def utcnow() -> datetime:
    """Naive UTC now (all stored timestamps are naive UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class Filters:
    """Selection for queries and exports."""

    show_key: str | None = None
    season: int | None = None
    since: str | None = None
    """YYYY-MM-DD: articles published on or after it (first seen, when no date is known)."""
    include_all: bool = False
    """Also articles about no show-season."""


class Store:
    """One database: schema, writes and the queries behind the CLI and exports."""

    def __init__(self, url: str | None = None) -> None:
        self.url = resolve_db_url(url)
        self.engine = make_engine(self.url)
        self._session = sessionmaker(self.engine, expire_on_commit=False)
        self._ids: dict[tuple[str, int], int] = {}
        """(show key, season) -> season id and (show key, -1) -> show id, kept across batches
        while no show or season is deleted."""

    # -- lifecycle -----------------------------------------------------------------------

    def upgrade(self) -> None:
        """Create or migrate the schema (Alembic)."""
        try:
            upgrade(self.engine)
        except OperationalError as exc:
            raise DatabaseError(
                f"cannot reach database {safe_url(self.url)!r}: {describe(exc)}"
            ) from exc

    def check(self) -> None:
        """Raise DatabaseError unless the database is reachable and has the schema."""
        try:
            with self.engine.connect() as conn:
                tables = set(inspect(conn).get_table_names())
        except SQLAlchemyError as exc:
            raise DatabaseError(
                f"cannot reach database {safe_url(self.url)!r}: {describe(exc)}"
            ) from exc
        if "articles" not in tables:
            raise DatabaseError(
                f"database {safe_url(self.url)!r} has no seasonnews schema: "
                "run `seasonnews db upgrade` or a crawl first"
            )

    def close(self) -> None:
        """Release connections."""
        self.engine.dispose()

    # -- runs ----------------------------------------------------------------------------

    def start_run(self, spider: str, args: dict[str, Any]) -> int:
        """Record the start of a crawl run and return its id."""
        with self._session.begin() as s:
            run = CrawlRun(started_at=utcnow(), spider=spider, args=args, stats={})
            s.add(run)
            s.flush()
            return run.id

    def finish_run(self, run_id: int, reason: str, stats: dict[str, Any]) -> None:
        """Record how a run ended, with its stats (made JSON-safe)."""
        safe = {k: v if isinstance(v, int | float | str) else str(v) for k, v in stats.items()}
        with self._session.begin() as s:
            run = s.get(CrawlRun, run_id)
            if run is not None:
                run.finished_at = utcnow()
                run.finish_reason = reason
                run.stats = safe

    # -- writes --------------------------------------------------------------------------

    def save(
        self,
        articles: Sequence[ArticleRecord],
        errors: Sequence[ErrorRecord] = (),
        run_id: int | None = None,
    ) -> SaveResult:
        """Store a batch in one transaction. Idempotent: saving the same batch twice adds nothing.

        Exact duplicates (same URL, or same body under another URL) keep one article: the
        earliest published, then the smallest canonical URL, so the result does not depend on
        the order pages arrived in. The other URLs are remembered in `article_urls`.
        """
        result = SaveResult()
        with self._session.begin() as s:
            touched: set[int] = set()
            cache = dict(self._ids)
            for record in articles:
                self._save_article(s, record, result, touched, cache)
            for error in errors:
                s.add(
                    CrawlError(
                        run_id=run_id,
                        url=error.url,
                        reason=error.reason,
                        status=error.status,
                        detail=error.detail,
                        at=error.at,
                    )
                )
                result.errors += 1
            s.flush()
            removed = self._refresh_shows(s, touched)
        self._ids = {} if removed else cache  # only after the commit succeeded
        return result

    def _save_article(
        self,
        s: Session,
        record: ArticleRecord,
        result: SaveResult,
        touched: set[int],
        cache: dict[tuple[str, int], int],
    ) -> None:
        urls = list(dict.fromkeys([record.canonical_url, *record.other_urls]))
        article = s.scalars(
            select(Article).join(ArticleUrl).where(ArticleUrl.url.in_(urls)).limit(1)
        ).first()
        if article is None:
            article = s.scalars(
                select(Article).where(Article.canonical_url == record.canonical_url)
            ).first()
        if article is None and record.body_hash:
            article = s.scalars(
                select(Article).where(Article.body_hash == record.body_hash).order_by(Article.id)
            ).first()
        if article is None:
            article = Article(first_seen=record.seen_at, last_seen=record.seen_at)
            self._write_content(s, article, record, touched, cache)
            result.inserted += 1
        else:
            if article.canonical_url == record.canonical_url:
                replace = article.variant or not record.variant
                if replace and not article.variant and not record.variant:
                    # Two fetches of the page itself: show the cleanest URL, whatever the order.
                    record = dataclasses.replace(
                        record, url=min(article.url, record.url, key=lambda u: (len(u), u))
                    )
            else:
                replace = record.rank() < (article.published or "9999-99-99", article.canonical_url)
            if replace:
                self._write_content(s, article, record, touched, cache)
                result.updated += 1
            else:
                result.duplicates += 1
            article.first_seen = min(article.first_seen, record.seen_at)
            article.last_seen = max(article.last_seen, record.seen_at)
        known = set(s.scalars(select(ArticleUrl.url).where(ArticleUrl.url.in_(urls))).all())
        for url in urls:
            if url not in known:
                s.add(ArticleUrl(url=url, article_id=article.id, first_seen=record.seen_at))
        s.flush()

    def _write_content(
        self,
        s: Session,
        article: Article,
        record: ArticleRecord,
        touched: set[int],
        cache: dict[tuple[str, int], int],
    ) -> None:
        for name in CONTENT_FIELDS:
            setattr(article, name, getattr(record, name))
        if article.id is None:
            s.add(article)
            s.flush()
        else:
            old = s.scalars(
                select(Season.show_id)
                .join(ArticleSeason, ArticleSeason.season_id == Season.id)
                .where(ArticleSeason.article_id == article.id)
            ).all()
            touched.update(old)
            s.execute(delete(ArticleSeason).where(ArticleSeason.article_id == article.id))
            s.execute(delete(RelatedLink).where(RelatedLink.from_article_id == article.id))
        attached: set[int] = set()
        for ref in record.seasons:
            show_id, season_id = self._season_ids(s, ref, cache)
            if season_id in attached:
                continue
            s.add(
                ArticleSeason(
                    article_id=article.id,
                    season_id=season_id,
                    show_name=ref.show,
                    source=ref.source,
                    is_primary=not attached,
                )
            )
            attached.add(season_id)
            touched.add(show_id)
        links = [
            {
                "from_article_id": article.id,
                "to_url": link.to_url,
                "anchor": link.anchor,
                "kind": link.kind,
                "position": position,
                "anchor_show": link.anchor_season.show if link.anchor_season else None,
                "anchor_show_key": link.anchor_season.show_key if link.anchor_season else None,
                "anchor_season": link.anchor_season.season if link.anchor_season else None,
            }
            for position, link in enumerate(record.related)
        ]
        if links:  # one executemany instead of an ORM object per link
            s.execute(insert(RelatedLink), links)

    def _season_ids(
        self, s: Session, ref: SeasonRef, cache: dict[tuple[str, int], int]
    ) -> tuple[int, int]:
        key = (ref.show_key, ref.season)
        if key not in cache:
            _insert_ignore(s, Show, {"key": ref.show_key, "title": ref.show}, ["key"])
            show_id = s.scalars(select(Show.id).where(Show.key == ref.show_key)).one()
            _insert_ignore(
                s, Season, {"show_id": show_id, "number": ref.season}, ["show_id", "number"]
            )
            season_id = s.scalars(
                select(Season.id).where(Season.show_id == show_id, Season.number == ref.season)
            ).one()
            cache[key] = season_id
            cache[(ref.show_key, -1)] = show_id
        return cache[(ref.show_key, -1)], cache[key]

    def _refresh_shows(self, s: Session, show_ids: Iterable[int]) -> bool:
        """Display title = most common surface form; drop seasons and shows left empty.

        Returns whether anything was deleted.
        """
        removed = False
        for show_id in sorted(show_ids):
            used = (
                select(ArticleSeason.season_id)
                .join(Season, Season.id == ArticleSeason.season_id)
                .where(Season.show_id == show_id)
            )
            gone = s.execute(
                delete(Season).where(Season.show_id == show_id, Season.id.not_in(used))
            )
            removed = removed or bool(getattr(gone, "rowcount", 0))
            best = s.execute(
                select(ArticleSeason.show_name, func.count().label("n"))
                .join(Season, Season.id == ArticleSeason.season_id)
                .where(Season.show_id == show_id)
                .group_by(ArticleSeason.show_name)
                .order_by(func.count().desc(), ArticleSeason.show_name)
                .limit(1)
            ).first()
            show = s.get(Show, show_id)
            if show is None:
                continue
            if best is None:
                s.delete(show)
                removed = True
            else:
                show.title = best.show_name
        return removed

    # -- queries -------------------------------------------------------------------------

    def find_show(self, show_key: str) -> tuple[str, str] | None:
        """(key, display title) of a show, or None."""
        with self._session() as s:
            row = s.execute(select(Show.key, Show.title).where(Show.key == show_key)).first()
            return (row.key, row.title) if row else None

    def shows(self) -> list[dict[str, Any]]:
        """Every show with its seasons and article counts, by title."""
        shows: dict[str, dict[str, Any]] = {}
        for row in self.iter_seasons():
            entry = shows.setdefault(
                row["key"], {"show": row["show"], "key": row["key"], "seasons": {}, "articles": 0}
            )
            entry["seasons"][row["season"]] = row["articles"]
            entry["articles"] += row["articles"]
        return list(shows.values())

    def season_detail(self, show_key: str, number: int) -> dict[str, Any] | None:
        """A season's summary and its articles, or None when unknown."""
        summary = next(self.iter_seasons(Filters(show_key=show_key, season=number)), None)
        if summary is None:
            return None
        summary["items"] = list(self.iter_articles(Filters(show_key=show_key, season=number)))
        return summary

    def _article_query(self, filters: Filters) -> Select[Any]:
        primary = (
            select(
                ArticleSeason.article_id,
                ArticleSeason.show_name,
                Show.title.label("show"),
                Show.key.label("show_key"),
                Season.number.label("season"),
            )
            .join(Season, Season.id == ArticleSeason.season_id)
            .join(Show, Show.id == Season.show_id)
            .where(ArticleSeason.is_primary.is_(True))
            .subquery()
        )
        query = select(Article, primary.c.show, primary.c.season).outerjoin(
            primary, primary.c.article_id == Article.id
        )
        if not filters.include_all:
            query = query.where(primary.c.article_id.is_not(None))
        if filters.show_key is not None or filters.season is not None:
            matching = (
                select(ArticleSeason.article_id)
                .join(Season, Season.id == ArticleSeason.season_id)
                .join(Show, Show.id == Season.show_id)
            )
            if filters.show_key is not None:
                matching = matching.where(Show.key == filters.show_key)
            if filters.season is not None:
                matching = matching.where(Season.number == filters.season)
            query = query.where(Article.id.in_(matching))
        if filters.since:
            query = query.where(_since(filters.since))
        return query.order_by(Article.published.desc().nulls_last(), Article.canonical_url)

    def iter_articles(self, filters: Filters = Filters()) -> Iterator[dict[str, Any]]:
        """Article rows with their also-read links and duplicate URLs, streamed in chunks."""
        with self._session() as s:
            result = s.execute(self._article_query(filters).execution_options(yield_per=CHUNK))
            for chunk in result.partitions():
                ids = [row.Article.id for row in chunk]
                links: dict[int, list[dict[str, str]]] = {i: [] for i in ids}
                for link in s.execute(
                    select(RelatedLink.from_article_id, RelatedLink.to_url, RelatedLink.anchor)
                    .where(RelatedLink.from_article_id.in_(ids))
                    .order_by(RelatedLink.from_article_id, RelatedLink.position)
                ):
                    links[link.from_article_id].append({"url": link.to_url, "anchor": link.anchor})
                dups: dict[int, list[str]] = {i: [] for i in ids}
                for url in s.execute(
                    select(ArticleUrl.article_id, ArticleUrl.url)
                    .where(ArticleUrl.article_id.in_(ids))
                    .order_by(ArticleUrl.url)
                ):
                    dups[url.article_id].append(url.url)
                for row in chunk:
                    a = row.Article
                    yield {
                        "url": a.url,
                        "canonical_url": a.canonical_url,
                        "site": a.site,
                        "title": a.title,
                        "author": a.author,
                        "published": a.published,
                        "modified": a.modified,
                        "show": row.show,
                        "season": row.season,
                        "body": a.body,
                        "also_read": links[a.id],
                        "duplicate_urls": [u for u in dups[a.id] if u != a.canonical_url],
                        "first_seen": a.first_seen.isoformat(timespec="seconds"),
                        "last_seen": a.last_seen.isoformat(timespec="seconds"),
                        "no_season_reason": a.no_season_reason,
                    }

    def iter_seasons(self, filters: Filters = Filters()) -> Iterator[dict[str, Any]]:
        """One row per show-season with its article and site counts."""
        query = (
            select(
                Show.title.label("show"),
                Show.key,
                Season.number.label("season"),
                func.count(func.distinct(Article.id)).label("articles"),
                func.count(func.distinct(Article.site)).label("sites"),
                func.min(Article.first_seen).label("first_seen"),
                func.max(Article.last_seen).label("last_seen"),
            )
            .join(Season, Season.show_id == Show.id)
            .join(ArticleSeason, ArticleSeason.season_id == Season.id)
            .join(Article, Article.id == ArticleSeason.article_id)
            .group_by(Show.id, Show.title, Show.key, Season.id, Season.number)
            .order_by(Show.title, Season.number)
        )
        if filters.show_key is not None:
            query = query.where(Show.key == filters.show_key)
        if filters.season is not None:
            query = query.where(Season.number == filters.season)
        if filters.since:
            query = query.where(_since(filters.since))
        with self._session() as s:
            for row in s.execute(query):
                yield {
                    "show": row.show,
                    "key": row.key,
                    "season": row.season,
                    "articles": row.articles,
                    "sites": row.sites,
                    "first_seen": row.first_seen.isoformat(timespec="seconds"),
                    "last_seen": row.last_seen.isoformat(timespec="seconds"),
                }

    def iter_links(self, filters: Filters = Filters()) -> Iterator[dict[str, Any]]:
        """Also-read edges; the target's show-season is the crawled target's, else the anchor's."""
        target = (
            select(
                ArticleUrl.url.label("url"),
                Show.title.label("show"),
                Season.number.label("season"),
            )
            .join(ArticleSeason, ArticleSeason.article_id == ArticleUrl.article_id)
            .join(Season, Season.id == ArticleSeason.season_id)
            .join(Show, Show.id == Season.show_id)
            .where(ArticleSeason.is_primary.is_(True))
            .subquery()
        )
        anchor_show = Show.__table__.alias("anchor_show")
        articles = self._article_query(filters).with_only_columns(Article.id).subquery()
        query = (
            select(
                Article.canonical_url.label("from_url"),
                RelatedLink.to_url,
                RelatedLink.anchor,
                RelatedLink.kind,
                func.coalesce(target.c.show, anchor_show.c.title, RelatedLink.anchor_show).label(
                    "to_show"
                ),
                func.coalesce(target.c.season, RelatedLink.anchor_season).label("to_season"),
            )
            .join(Article, Article.id == RelatedLink.from_article_id)
            .outerjoin(target, target.c.url == RelatedLink.to_url)
            .outerjoin(anchor_show, anchor_show.c.key == RelatedLink.anchor_show_key)
            .where(Article.id.in_(select(articles.c.id)))
            .order_by(Article.canonical_url, RelatedLink.position)
        )
        with self._session() as s:
            for row in s.execute(query):
                yield dict(row._mapping)

    def counts(self) -> dict[str, int]:
        """Row counts per table (for summaries and tests)."""
        tables = {
            "shows": Show,
            "seasons": Season,
            "articles": Article,
            "article_urls": ArticleUrl,
            "article_seasons": ArticleSeason,
            "related_links": RelatedLink,
            "crawl_runs": CrawlRun,
            "crawl_errors": CrawlError,
        }
        with self._session() as s:
            return {
                name: s.scalar(select(func.count()).select_from(model)) or 0
                for name, model in tables.items()
            }

    def errors(self, run_id: int | None = None) -> list[dict[str, Any]]:
        """Recorded failures, newest run first."""
        query = select(CrawlError).order_by(CrawlError.id)
        if run_id is not None:
            query = query.where(CrawlError.run_id == run_id)
        with self._session() as s:
            return [
                {
                    "run_id": e.run_id,
                    "url": e.url,
                    "reason": e.reason,
                    "status": e.status,
                    "detail": e.detail,
                }
                for e in s.scalars(query)
            ]

    def runs(self) -> list[dict[str, Any]]:
        """Crawl runs, oldest first."""
        with self._session() as s:
            return [
                {
                    "id": r.id,
                    "started_at": r.started_at,
                    "finished_at": r.finished_at,
                    "finish_reason": r.finish_reason,
                    "stats": r.stats,
                }
                for r in s.scalars(select(CrawlRun).order_by(CrawlRun.id))
            ]


def _since(day: str) -> Any:
    """Published on or after `day`; first seen on or after it when the date is unknown."""
    return (Article.published >= day) | (
        Article.published.is_(None) & (Article.first_seen >= datetime.fromisoformat(day))
    )


def _insert_ignore(
    s: Session, model: type[Any], values: dict[str, Any], conflict: list[str]
) -> None:
    """INSERT ... ON CONFLICT DO NOTHING on SQLite and PostgreSQL."""
    dialect = s.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    s.execute(module.insert(model).values(**values).on_conflict_do_nothing(index_elements=conflict))
