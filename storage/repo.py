"""The storage API shared by the pipelines, the CLI and the exports."""

from __future__ import annotations

import dataclasses
import functools
import random
import time
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    DateTime,
    Executable,
    Integer,
    Select,
    String,
    bindparam,
    column,
    delete,
    exists,
    func,
    inspect,
    select,
    table,
    true,
    union_all,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, aliased, sessionmaker

from crawler.extract.neardup import BANDS, THRESHOLD, Fingerprint, fingerprint, similarity
from storage import shows as identity
from storage.db import DatabaseError, describe, make_engine, resolve_db_url, safe_url, upgrade
from storage.identity import best_match
from storage.lock import lock_key, lock_keys
from storage.models import (
    Article,
    ArticleBand,
    ArticleSeason,
    ArticleUrl,
    ArticleVersion,
    Claim,
    ClaimChange,
    CrawlError,
    CrawlRun,
    RelatedLink,
    Season,
    Show,
    ShowAlias,
)
from storage.records import (
    ArticleRecord,
    ClaimSummary,
    ErrorRecord,
    KnownPage,
    SaveResult,
    SeasonRef,
)
from storage.records import Claim as ClaimData
from storage.shows import ShowError, insert_ignore
from storage.verdict import as_of, timeline

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
RUN_FIGURES = (
    "pages_fetched",
    "skipped",
    "not_modified",
    "new",
    "changed",
    "unchanged",
    "duplicates",
    "copies",
    "errors",
)
"""The counted figures of a run, one column each in `crawl_runs`."""
SITE_COPIES = table(
    "site_copies",
    column("copier_site", String),
    column("original_site", String),
    column("copies", Integer),
    column("first_copy_seen", DateTime),
    column("last_copy_seen", DateTime),
)
"""The view of which sites copy which (migration 0004)."""
CROWDED_BAND = 100
"""A band key shared by more stored articles than this is boilerplate: skipped as evidence."""
INDEX_SIMILARITY = 0.8
"""A copy at least this close to its cluster is not indexed itself: new copies find the
cluster through its original, and a viral article's band keys do not become crowded."""
GONE_STATUSES = (404, 410)
"""An article URL answering these is gone: the article is marked, never deleted."""
SAVE_ATTEMPTS = 5
"""Tries of one batch when the database asks for a retry (`_retryable`); then the error."""
RETRY_DELAY = 0.05
"""Seconds before the second try, doubled before each next one, jittered by +-50%."""
RETRY_SQLSTATES = frozenset({"40001", "40P01", "23505", "23503"})
"""PostgreSQL errors a concurrent writer causes and a new try of the batch resolves:
serialization failure, deadlock, a unique key another writer inserted first (the new try finds
its row), a foreign key to a season or show another writer deleted (the new try recreates it)."""
SQLITE_BUSY = frozenset({5, 6})
"""SQLITE_BUSY and SQLITE_LOCKED ("database is locked" after the busy timeout)."""
SQLITE_CONSTRAINT_FOREIGNKEY = 787
"""A cached season or show another process deleted (the new try, its cache emptied, recreates
it)."""
IDENTITY_LOCKS = 0x534E0001
"""Advisory lock space of article identities (URLs, body hash): two writers saving the same
article, or the same body under two URLs, take turns (PostgreSQL)."""
BAND_LOCKS = 0x534E0002
"""Advisory lock space of LSH band keys, folded into BAND_LOCK_SLOTS slots: two writers saving
near-duplicates of each other (they share a band key, hence a slot) take turns."""
BAND_LOCK_SLOTS = 512
"""Band keys are folded into this many locks: advisory locks live in PostgreSQL's shared lock
table (max_locks_per_transaction x max_connections, 6,400 by default) until the commit, and a
batch of 50 articles has 2,100 band keys. The price: unrelated batches often take turns too."""


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
    collapse_copies: bool = False
    """Leave out near-duplicate copies: each cluster is its original only."""


class Store:
    """One database: schema, writes and the queries behind the CLI and exports."""

    def __init__(self, url: str | None = None) -> None:
        self.url = resolve_db_url(url)
        self.engine = make_engine(self.url)
        # A Store dropped without close() still closes its pooled connections.
        weakref.finalize(self, self.engine.dispose)
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

    def finish_run(
        self,
        run_id: int,
        reason: str,
        stats: dict[str, Any],
        figures: dict[str, int] | None = None,
    ) -> None:
        """Record how a run ended, with its stats (made JSON-safe) and its figures (pages
        fetched, skipped, not modified, new, changed, unchanged, duplicates, copies, errors)."""
        safe = {k: v if isinstance(v, int | float | str) else str(v) for k, v in stats.items()}
        columns = set(RUN_FIGURES)
        with self._session.begin() as s:
            run = s.get(CrawlRun, run_id)
            if run is not None:
                run.finished_at = utcnow()
                run.finish_reason = reason
                run.stats = safe
                for name, value in (figures or {}).items():
                    if name in columns:
                        setattr(run, name, value)

    # -- writes --------------------------------------------------------------------------

    def save(
        self,
        articles: Sequence[ArticleRecord],
        errors: Sequence[ErrorRecord] = (),
        run_id: int | None = None,
        not_modified: Sequence[tuple[str, datetime]] = (),
    ) -> SaveResult:
        """Store a batch in one transaction. Idempotent: saving the same batch twice adds nothing.

        Exact duplicates (same URL, or same body under another URL) keep one article: the
        earliest published, then the smallest canonical URL, so the result does not depend on
        the order pages arrived in. The other URLs are remembered in `article_urls`.

        Safe with concurrent writers (processes saving the same articles, shows or seasons at
        the same moment): on PostgreSQL the batch first takes advisory locks on its articles'
        identities and band keys, in order, and locks the rows it rewrites; on SQLite it takes
        the write lock first (BEGIN IMMEDIATE). What the database still asks to retry (a
        deadlock, a serialization failure, a key another writer inserted first, a busy SQLite
        file) runs the whole batch again, at most SAVE_ATTEMPTS times, with nothing kept from
        the failed try; then the error is raised.
        """
        for attempt in range(1, SAVE_ATTEMPTS + 1):
            try:
                result, cache = self._save_batch(articles, errors, run_id, not_modified)
            except DBAPIError as exc:
                if attempt == SAVE_ATTEMPTS or not _retryable(exc):
                    raise
                self._ids = {}  # another writer may have deleted a cached show or season
                time.sleep(RETRY_DELAY * 2 ** (attempt - 1) * random.uniform(0.5, 1.5))
            else:
                self._ids = cache  # only after the commit succeeded
                return result
        raise AssertionError("unreachable")  # the last attempt returned or raised

    def _save_batch(
        self,
        articles: Sequence[ArticleRecord],
        errors: Sequence[ErrorRecord],
        run_id: int | None,
        not_modified: Sequence[tuple[str, datetime]],
    ) -> tuple[SaveResult, dict[tuple[str, int], int]]:
        """One try of `save`: the batch's result and the show-season ids cache to keep."""
        result = SaveResult()
        with self._session.begin() as s:
            self._lock_batch(s, articles)
            touched: set[int] = set()
            seasons: set[int] = set()
            cache = dict(self._ids)
            for record in articles:
                self._save_article(s, record, result, (touched, seasons), cache)
            for error in errors:
                if error.url_key and error.status in GONE_STATUSES:
                    self._mark_gone(s, error.url_key, error.at)
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
            for url, seen_at in not_modified:  # a 304: the article was seen, nothing else
                found = s.scalar(select(ArticleUrl.article_id).where(ArticleUrl.url == url))
                if found is not None:
                    s.execute(
                        update(Article)
                        .where(Article.id == found, Article.last_seen < seen_at)
                        .values(last_seen=seen_at)
                    )
                    result.not_modified += 1
            s.flush()
            removed = self._refresh_shows(s, touched)
            identity.refresh_verdicts(s, seasons)
        return result, {} if removed else cache

    @staticmethod
    def _lock_batch(s: Session, articles: Sequence[ArticleRecord]) -> None:
        """Serialise this batch with concurrent writers of the same articles or near-duplicates.

        SQLite: take the database's write lock now (waiting up to its busy timeout), so that
        what the batch reads stays true until it commits. PostgreSQL: advisory locks on every
        URL and body hash of the batch, then on the band slots of its fingerprints, each set in
        key order and all before any write, so that these locks never deadlock each other.
        """
        if s.get_bind().dialect.name == "sqlite":
            s.connection().exec_driver_sql("BEGIN IMMEDIATE")
            return
        lock_keys(
            s,
            IDENTITY_LOCKS,
            (
                lock_key(key)
                for record in articles
                for key in (record.canonical_url, *record.other_urls, record.body_hash)
            ),
        )
        lock_keys(
            s,
            BAND_LOCKS,
            (
                slot
                for record in articles
                if record.fingerprint is not None
                for slot in _band_slots(Fingerprint.from_bytes(record.fingerprint).bands())
            ),
        )

    def _save_article(
        self,
        s: Session,
        record: ArticleRecord,
        result: SaveResult,
        touched: tuple[set[int], set[int]],
        cache: dict[tuple[str, int], int],
    ) -> None:
        urls = list(dict.fromkeys([record.canonical_url, *record.other_urls]))
        # The row found is locked until the commit, and read as a concurrent writer left it.
        article = s.scalars(
            _locked(select(Article).join(ArticleUrl).where(ArticleUrl.url.in_(urls)).limit(1))
        ).first()
        if article is None:
            article = s.scalars(
                _locked(select(Article).where(Article.canonical_url == record.canonical_url))
            ).first()
        if article is None and record.body_hash:
            article = s.scalars(
                _locked(
                    select(Article)
                    .where(Article.body_hash == record.body_hash)
                    .order_by(Article.id)
                    .limit(1)
                )
            ).first()
        if article is None:
            article = Article(first_seen=record.seen_at, last_seen=record.seen_at)
            self._write_content(s, article, record, touched, cache)
            self._cluster(s, article, record.fingerprint, result, touched[1])
            result.inserted += 1
        else:
            if article.canonical_url == record.canonical_url:
                replace = article.variant or not record.variant
                same_source = article.variant == record.variant
                if replace and same_source and not record.variant:
                    # Two fetches of the page itself: show the cleanest URL, whatever the order.
                    record = dataclasses.replace(
                        record, url=min(article.url, record.url, key=lambda u: (len(u), u))
                    )
            else:
                replace = record.rank() < (article.published or "9999-99-99", article.canonical_url)
                same_source = False
            if replace and same_source and _same_content(article, record):
                article.url = record.url  # seen again, same page: no version
                article.gone_at = None
                result.unchanged += 1
                if article.derived_hash != record.derived_hash():  # a newer extractor
                    self._write_content(s, article, record, touched, cache)
                    self._cluster(s, article, record.fingerprint, result, touched[1])
            elif replace and same_source:  # the page itself changed: keep what it said before
                before = self._archive(s, article, record.seen_at)
                season_id = self._write_content(s, article, record, touched, cache)
                article.changed_at = record.seen_at
                self._record_changes(s, article.id, before, season_id, record)
                self._cluster(s, article, record.fingerprint, result, touched[1])
                result.changed += 1
            elif replace:  # a better source of the same content (canonical over AMP, earlier)
                self._write_content(s, article, record, touched, cache)
                self._cluster(s, article, record.fingerprint, result, touched[1])
                result.duplicates += 1
            else:
                result.duplicates += 1
            article.first_seen = min(article.first_seen, record.seen_at)
            article.last_seen = max(article.last_seen, record.seen_at)
        known = set(s.scalars(select(ArticleUrl.url).where(ArticleUrl.url.in_(urls))).all())
        for url in urls:
            if url not in known:
                s.add(ArticleUrl(url=url, article_id=article.id, first_seen=record.seen_at))
        s.flush()
        if record.other_urls and (record.etag or record.last_modified):
            s.execute(
                update(ArticleUrl)
                .where(ArticleUrl.url == record.other_urls[0])
                .values(etag=record.etag, last_modified=record.last_modified)
            )

    def _write_content(
        self,
        s: Session,
        article: Article,
        record: ArticleRecord,
        touched: tuple[set[int], set[int]],
        cache: dict[tuple[str, int], int],
    ) -> int | None:
        """Write the record's content, show-seasons, claims and links over the article's.

        `touched` collects the shows and the seasons whose articles changed. Returns the
        primary season's id (None: the article is about no show-season)."""
        shows_touched, seasons_touched = touched
        for name in CONTENT_FIELDS:
            setattr(article, name, getattr(record, name))
        article.derived_hash = record.derived_hash()
        article.gone_at = None
        if article.id is None:
            s.add(article)
            s.flush()
        else:
            for show_id, season_id in s.execute(
                select(Season.show_id, Season.id)
                .join(ArticleSeason, ArticleSeason.season_id == Season.id)
                .where(ArticleSeason.article_id == article.id)
            ):
                shows_touched.add(show_id)
                seasons_touched.add(season_id)
            s.execute(delete(Claim).where(Claim.article_id == article.id))
            s.execute(delete(ArticleSeason).where(ArticleSeason.article_id == article.id))
            s.execute(delete(RelatedLink).where(RelatedLink.from_article_id == article.id))
        attached: list[int] = []  # primary first
        for ref in record.seasons:
            show_id, season_id = self._season_ids(s, ref, cache)
            if season_id in attached:
                continue
            primary = not attached
            answer = record.summary if primary else None
            s.add(
                ArticleSeason(
                    article_id=article.id,
                    season_id=season_id,
                    show_name=ref.show,
                    name_key=ref.show_key,
                    source=ref.source,
                    is_primary=primary,
                    **(dataclasses.asdict(answer) if answer else {}),
                )
            )
            if primary:
                self._write_claims(s, article.id, season_id, record.claims)
                identity.add_aliases(s, show_id, record.aliases)
            attached.append(season_id)
            shows_touched.add(show_id)
            seasons_touched.add(season_id)
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
            s.execute(RelatedLink.__table__.insert(), links)
        return attached[0] if attached else None

    @staticmethod
    def _archive(s: Session, article: Article, replaced_at: datetime) -> ArticleVersion:
        """Keep the article's current content, claims and answer as a version."""
        primary = s.execute(
            select(
                ArticleSeason.season_id,
                ArticleSeason.show_name,
                Season.number,
                ArticleSeason.status,
                ArticleSeason.release_date,
                ArticleSeason.release_precision,
                ArticleSeason.platform,
            )
            .join(Season, Season.id == ArticleSeason.season_id)
            .where(ArticleSeason.article_id == article.id, ArticleSeason.is_primary.is_(True))
        ).first()
        claims = s.execute(
            select(
                Claim.kind, Claim.value, Claim.precision, Claim.hedged, Claim.note, Claim.sentence
            )
            .where(Claim.article_id == article.id)
            .order_by(Claim.position)
        )
        version = ArticleVersion(
            article_id=article.id,
            body_hash=article.body_hash,
            title=article.title,
            published=article.published,
            modified=article.modified,
            body=article.body,
            fetched_at=article.last_seen,
            replaced_at=replaced_at,
            claims=[dict(c._mapping) for c in claims],
            summary=dict(primary._mapping) if primary else None,
        )
        s.add(version)
        s.flush()
        return version

    @staticmethod
    def _record_changes(
        s: Session,
        article_id: int,
        before: ArticleVersion,
        season_id: int | None,
        record: ArticleRecord,
    ) -> None:
        """Store what changed in the article's answer between its last version and now."""
        old = before.summary or {}
        new = dataclasses.asdict(record.summary) if record.summary and season_id else {}
        changes: list[tuple[str, Any, Any]] = []
        if old.get("season_id") != season_id:
            ref = record.seasons[0] if season_id and record.seasons else None
            changes.append(
                (
                    "season",
                    f"{old['show_name']} season {old['number']}" if old else None,
                    f"{ref.show} season {ref.season}" if ref else None,
                )
            )
        changes += [
            (name, old.get(name), new.get(name))
            for name in ("status", "release_date", "platform")
            if old.get(name) != new.get(name)
        ]
        for name, was, now in changes:
            s.add(
                ClaimChange(
                    article_id=article_id,
                    version_id=before.id,
                    season_id=season_id,
                    field=name,
                    old=was,
                    new=now,
                    at=before.replaced_at,
                )
            )

    @staticmethod
    def _cluster(
        s: Session,
        article: Article,
        data: bytes | None,
        result: SaveResult,
        seasons: set[int],
    ) -> None:
        """Put the article in its near-duplicate cluster and index its fingerprint.

        Candidates come from the LSH band index (`near_duplicates`); the cluster's original is
        its earliest published member (else the earliest seen), and every copy points at it
        directly. A near-exact copy is not indexed (INDEX_SIMILARITY).
        """
        s.execute(delete(ArticleBand).where(ArticleBand.article_id == article.id))
        article.fingerprint = data
        article.copy_of_id = article.copy_similarity = None
        if data is None:
            return
        mine = Fingerprint.from_bytes(data)
        bands = mine.bands()
        # Near-duplicates share a band key: a concurrent writer of one waits for this commit,
        # then finds this article (PostgreSQL; already held when `save` locked the batch).
        lock_keys(s, BAND_LOCKS, _band_slots(bands))
        closest = near_duplicates(s, mine, exclude=article.id)
        if closest:
            Store._join_cluster(s, article, closest, result, seasons)
        if (article.copy_similarity or 0.0) < INDEX_SIMILARITY:
            s.execute(
                ArticleBand.__table__.insert(),
                [{"band": band, "article_id": article.id} for band in set(bands)],
            )

    @staticmethod
    def _join_cluster(
        s: Session,
        article: Article,
        closest: dict[int, float],
        result: SaveResult,
        seasons: set[int],
    ) -> None:
        """Join (and merge) the clusters an article is a near-duplicate of, under the earliest.

        `seasons` gains every season whose articles were in two of the merged clusters: their
        sources changed (a cluster counts once in a verdict), so their verdicts are redone.
        It must hold the article's own seasons already (`_write_content` put them there)."""
        roots = {*closest, article.id}
        members = s.execute(
            select(
                Article.id,
                Article.published,
                Article.first_seen,
                Article.canonical_url,
                exists().where(_COPY.copy_of_id == Article.id).label("has_copies"),
            ).where(Article.id.in_(roots))
        ).all()
        own_copies = any(m.has_copies for m in members if m.id == article.id)
        # Only when two clusters that may each have articles about a season other than the
        # article's own come together (two other clusters, or one and the article's copies)
        # are the clusters' seasons read. Joining one cluster alone (the common case) only adds
        # the article, whose seasons are redone anyway: no need to read the seasons of the
        # whole cluster (thousands of articles for a site's boilerplate, at every article).
        others = len(closest.keys() - {article.id})
        if others > 1 or (others == 1 and own_copies):
            group = func.coalesce(Article.copy_of_id, Article.id)
            seasons.update(
                s.scalars(
                    select(ArticleSeason.season_id)
                    .join(Article, Article.id == ArticleSeason.article_id)
                    .where(Article.copy_of_id.in_(roots) | Article.id.in_(roots))  # indexed
                    .group_by(ArticleSeason.season_id)
                    .having(func.count(group.distinct()) > 1)
                )
            )
        first = min(members, key=_original_rank).id
        merged = [root for root in closest if root != first]
        if article.id != first:
            merged.append(article.id)  # its own copies, if it had any, follow it
        if merged:
            s.execute(
                update(Article)
                .where(Article.copy_of_id.in_(merged) | Article.id.in_(merged))
                .values(copy_of_id=first)
                .execution_options(synchronize_session="fetch")
            )
        if article.id != first:
            article.copy_of_id = first
            article.copy_similarity = round(max(closest.values()), 3)
            result.copies += 1
        for root in merged:  # an original that became a copy: how close it was
            if root != article.id and root in closest:
                result.copies += 1
                s.execute(
                    update(Article)
                    .where(Article.id == root)
                    .values(copy_similarity=round(closest[root], 3))
                    .execution_options(synchronize_session="fetch")
                )

    @staticmethod
    def _mark_gone(s: Session, url: str, at: datetime) -> None:
        found = s.scalar(select(ArticleUrl.article_id).where(ArticleUrl.url == url))
        if found is not None:
            s.execute(
                update(Article)
                .where(Article.id == found, Article.gone_at.is_(None))
                .values(gone_at=at)
            )

    @staticmethod
    def _write_claims(
        s: Session, article_id: int, season_id: int, claims: Sequence[ClaimData]
    ) -> None:
        rows = [
            {
                "article_id": article_id,
                "season_id": season_id,
                "position": position,
                "kind": claim.kind,
                "value": claim.value[:300],
                "precision": claim.precision,
                "hedged": claim.hedged,
                "note": claim.note,
                "sentence": claim.sentence,
            }
            for position, claim in enumerate(claims)
        ]
        if rows:
            s.execute(Claim.__table__.insert(), rows)  # Core: no ORM bookkeeping per row

    def _season_ids(
        self, s: Session, ref: SeasonRef, cache: dict[tuple[str, int], int]
    ) -> tuple[int, int]:
        """(show id, season id) of a show-season as named, resolving the show's spelling."""
        key = (ref.show_key, ref.season)
        if key not in cache:
            show_id = cache.get((ref.show_key, -1)) or identity.resolve_show(
                s, ref.show_key, ref.show
            )
            insert_ignore(
                s, Season, {"show_id": show_id, "number": ref.season}, ["show_id", "number"]
            )
            season_id = s.scalars(
                select(Season.id).where(Season.show_id == show_id, Season.number == ref.season)
            ).one()
            cache[key] = season_id
            cache[(ref.show_key, -1)] = show_id
        return cache[(ref.show_key, -1)], cache[key]

    def _refresh_shows(self, s: Session, show_ids: Iterable[int]) -> bool:
        """Display title = most common surface form (ties: the spelling that created the show);
        drop seasons and shows left empty.

        Returns whether anything was deleted.

        With concurrent writers (PostgreSQL, read committed): the show is locked (in id order)
        before its title is computed, so a concurrent writer's title waits and counts this
        batch's articles too. A season or show is deleted only after locking it and looking
        again: the lock waits for writers that attached an article to it (their foreign keys
        hold a key-share lock on it), and the second look sees their articles.
        """
        removed = False
        for show_id in sorted(show_ids):
            show = s.scalars(
                select(Show)
                .where(Show.id == show_id)
                .with_for_update(key_share=True)
                .execution_options(populate_existing=True)
            ).first()
            if show is None:
                continue
            removed = self._drop_unused_seasons(s, show_id) or removed
            best = self._show_title(s, show)
            if best is None:  # wait for writers adding a season or alias to it, look again
                s.execute(select(Show.id).where(Show.id == show_id).with_for_update())
                best = self._show_title(s, show)
            if best is None:
                s.delete(show)
                removed = True
            else:
                show.title = best
        return removed

    @staticmethod
    def _drop_unused_seasons(s: Session, show_id: int) -> bool:
        """Delete the show's seasons no article is about; whether any was deleted."""
        unused = s.scalars(
            select(Season.id)
            .where(
                Season.show_id == show_id,
                ~exists().where(ArticleSeason.season_id == Season.id),
            )
            .order_by(Season.id)
        ).all()
        if not unused:
            return False
        s.execute(
            select(Season.id).where(Season.id.in_(unused)).order_by(Season.id).with_for_update()
        )
        gone = s.execute(
            delete(Season).where(
                Season.id.in_(unused),
                Season.id.not_in(
                    select(ArticleSeason.season_id).where(ArticleSeason.season_id.in_(unused))
                ),
            )
        )
        return bool(getattr(gone, "rowcount", 0))

    @staticmethod
    def _show_title(s: Session, show: Show) -> str | None:
        """The show's most common surface form (ties: the spelling that created the show), or
        None when no article is about it."""
        best = s.execute(
            select(ArticleSeason.show_name, func.count().label("n"))
            .join(Season, Season.id == ArticleSeason.season_id)
            .where(Season.show_id == show.id)
            .group_by(ArticleSeason.show_name, ArticleSeason.name_key)
            .order_by(
                func.count().desc(),
                (ArticleSeason.name_key == show.key).desc(),
                ArticleSeason.show_name,
            )
            .limit(1)
        ).first()
        return best.show_name if best else None

    # -- queries -------------------------------------------------------------------------

    def find_show(self, show_key: str) -> tuple[str, str] | None:
        """(key, display title) of the show an alias key names, or that the spelling rules
        match it to ("All Of Us Is Dead" finds "All of Us Are Dead"), or None."""
        with self._session() as s:
            query = select(Show.key, Show.title).join(ShowAlias, ShowAlias.show_id == Show.id)
            row = s.execute(query.where(ShowAlias.key == show_key)).first()
            if row is None:
                match = best_match(show_key, s.scalars(select(ShowAlias.key)).all())
                if match is not None:
                    row = s.execute(query.where(ShowAlias.key == match)).first()
            return (row.key, row.title) if row else None

    def aliases(self, show_key: str) -> list[dict[str, str]]:
        """The spellings that lead to a show: key, name and who decided (title, rule,
        original, operator)."""
        with self._session() as s:
            show_id = self._show_id(s, show_key)
            return identity.aliases(s, show_id)

    def merge_shows(self, keep_key: str, other_key: str) -> str:
        """Merge show `other_key` into `keep_key` (aliases, seasons, articles, claims); the
        rules never undo it. Returns the merged show's title."""
        with self._session.begin() as s:
            keep, other = self._show_id(s, keep_key), self._show_id(s, other_key)
            seasons = identity.merge(s, keep, other)
            s.flush()
            self._refresh_shows(s, [keep])
            identity.refresh_verdicts(s, seasons)
            title = s.scalars(select(Show.title).where(Show.id == keep)).one()
        self._ids = {}
        return title

    def split_show(self, show_key: str, alias_key: str, name: str) -> str:
        """Make alias `alias_key` of a show a show of its own, taking the articles spelled that
        way; later articles spelled that way go to it too. Returns the new show's key."""
        with self._session.begin() as s:
            show_id = self._show_id(s, show_key)
            new_id, seasons = identity.split(s, show_id, alias_key, name)
            s.flush()
            self._refresh_shows(s, [show_id, new_id])
            identity.refresh_verdicts(s, seasons)
            key = s.scalars(select(Show.key).where(Show.id == new_id)).one()
        self._ids = {}
        return key

    def near_duplicates(self, text: str) -> list[dict[str, Any]]:
        """The stored clusters a text is a near-duplicate of: each original's URL, site and the
        best similarity to one of its members, closest first (empty for a short text)."""
        found = fingerprint(text)
        if found is None:
            return []
        with self._session() as s:
            closest = near_duplicates(s, found)
            rows = s.execute(
                select(Article.id, Article.canonical_url, Article.site).where(
                    Article.id.in_(closest)
                )
            )
            matches = [
                {"url": r.canonical_url, "site": r.site, "similarity": round(closest[r.id], 3)}
                for r in rows
            ]
        return sorted(matches, key=lambda m: (-m["similarity"], m["url"]))

    def known_pages(self) -> dict[str, KnownPage]:
        """Every URL that served an article -> when it was fetched, published and last changed,
        and the ETag / Last-Modified it answered with (re-crawl policy, conditional requests)."""
        with self._session() as s:
            rows = s.execute(
                select(
                    ArticleUrl.url,
                    Article.first_seen,
                    Article.last_seen,
                    Article.published,
                    Article.changed_at,
                    ArticleUrl.etag,
                    ArticleUrl.last_modified,
                ).join(Article, Article.id == ArticleUrl.article_id)
            )
            return {url: KnownPage(*rest) for url, *rest in rows}

    def iter_claim_inputs(self) -> Iterator[dict[str, Any]]:
        """What claims are extracted from, per article with a primary season: article and
        season ids, body, title, published date, the show as the headline spells it, season."""
        query = (
            select(
                Article.id.label("article_id"),
                ArticleSeason.season_id,
                Article.body,
                Article.title,
                Article.published,
                ArticleSeason.show_name,
                Season.number.label("season"),
            )
            .join(ArticleSeason, ArticleSeason.article_id == Article.id)
            .join(Season, Season.id == ArticleSeason.season_id)
            .where(ArticleSeason.is_primary.is_(True))
            .order_by(Article.id)
        )
        with self._session() as s:
            for row in s.execute(query.execution_options(yield_per=CHUNK)):
                yield dict(row._mapping)

    def recluster(self, batch: int = CHUNK) -> int:
        """Fingerprint every stored body again and rebuild the near-duplicate clusters from
        scratch, oldest article first (after a change to crawler.extract.neardup, or on a
        database from before migration 0004). Returns the number of copies found."""
        with self._session.begin() as s:
            s.execute(delete(ArticleBand))
            s.execute(update(Article).values(copy_of_id=None, copy_similarity=None))
            ids = s.scalars(
                select(Article.id).order_by(
                    Article.published.asc().nulls_last(), Article.first_seen, Article.id
                )
            ).all()
        result = SaveResult()
        for start in range(0, len(ids), batch):
            chunk = ids[start : start + batch]
            with self._session.begin() as s:
                articles = {
                    a.id: a for a in s.scalars(select(Article).where(Article.id.in_(chunk)))
                }
                for article_id in chunk:  # in age order: an original is placed before its copies
                    article = articles[article_id]
                    found = fingerprint(article.body)
                    self._cluster(s, article, found.to_bytes() if found else None, result, set())
        return result.copies

    def replace_claims(
        self, batch: Sequence[tuple[int, int, list[ClaimData], ClaimSummary | None]]
    ) -> set[int]:
        """Replace the claims and answers of (article id, season id, claims, summary) and
        recompute the verdicts of those seasons, in one transaction; returns the seasons."""
        with self._session.begin() as s:
            ids = [article_id for article_id, _, _, _ in batch]
            s.execute(delete(Claim).where(Claim.article_id.in_(ids)))
            for article_id, season_id, claims, summary in batch:
                self._write_claims(s, article_id, season_id, claims)
                s.execute(
                    update(ArticleSeason)
                    .where(
                        ArticleSeason.article_id == article_id,
                        ArticleSeason.season_id == season_id,
                    )
                    .values(**dataclasses.asdict(summary or ClaimSummary()))
                )
            seasons = {season_id for _, season_id, _, _ in batch}
            identity.refresh_verdicts(s, seasons)
        return seasons

    @staticmethod
    def _show_id(s: Session, show_key: str) -> int:
        show_id = identity.show_of_alias(s, show_key)
        if show_id is None:
            raise ShowError(f"no show known as {show_key!r}")
        return show_id

    def shows(self) -> list[dict[str, Any]]:
        """Every show with its seasons' article counts and verdict statuses, by title.

        Counted from `article_seasons` alone, per season first (one row per article and season:
        its primary key), then joined to the 60,000-odd seasons: the articles table is not read
        (bench.pg_scale: 3.2 s -> 0.3 s at 1,000,000 articles on PostgreSQL)."""
        counts = (
            select(ArticleSeason.season_id, func.count().label("articles"))
            .group_by(ArticleSeason.season_id)
            .subquery()
        )
        query = (
            select(
                Show.title,
                Show.key,
                Season.number,
                counts.c.articles,
                Season.status,
                Season.release_date,
                Season.release_precision,
            )
            .join(Season, Season.show_id == Show.id)
            .join(counts, counts.c.season_id == Season.id)
            .order_by(Show.title, Season.number)
        )
        day = identity.today()
        shows: dict[str, dict[str, Any]] = {}
        with self._session() as s:
            for row in s.execute(query):
                entry = shows.setdefault(
                    row.key, {"show": row.title, "key": row.key, "seasons": {}, "articles": 0}
                )
                entry["seasons"][row.number] = row.articles
                entry.setdefault("status", {})[row.number] = as_of(
                    row.status, row.release_date, row.release_precision, day
                )
                entry["articles"] += row.articles
        return list(shows.values())

    def season_detail(self, show_key: str, number: int) -> dict[str, Any] | None:
        """A season's summary and its articles, or None when unknown."""
        summary = next(self.iter_seasons(Filters(show_key=show_key, season=number)), None)
        if summary is None:
            return None
        summary["items"] = list(self.iter_articles(Filters(show_key=show_key, season=number)))
        with self._session() as s:
            season_id = s.scalars(
                select(Season.id)
                .join(Show, Show.id == Season.show_id)
                .where(Show.key == show_key, Season.number == number)
            ).one()
            evidence, claims = identity.seasons_evidence(s, [season_id])[season_id]
        summary["evidence"] = [dataclasses.asdict(e) for e in evidence]
        summary["timeline"] = timeline(claims)
        return summary

    def _article_query(self, filters: Filters) -> Select[Any]:
        primary = (
            select(
                ArticleSeason.article_id,
                ArticleSeason.show_name,
                Show.title.label("show"),
                Show.key.label("show_key"),
                Season.number.label("season"),
                ArticleSeason.status,
                ArticleSeason.release_date,
                ArticleSeason.release_precision,
                ArticleSeason.platform,
            )
            .join(Season, Season.id == ArticleSeason.season_id)
            .join(Show, Show.id == Season.show_id)
            .where(ArticleSeason.is_primary.is_(True))
            .subquery()
        )
        query = select(
            Article,
            primary.c.show,
            primary.c.season,
            primary.c.status,
            primary.c.release_date,
            primary.c.release_precision,
            primary.c.platform,
        ).outerjoin(primary, primary.c.article_id == Article.id)
        if not filters.include_all:
            query = query.where(primary.c.article_id.is_not(None))
        if filters.show_key is not None or filters.season is not None:
            query = query.where(Article.id.in_(_articles_of(filters)))
        if filters.since:
            query = query.where(_since(filters.since))
        if filters.collapse_copies:
            query = query.where(Article.copy_of_id.is_(None))
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
                copies = dict(
                    s.execute(
                        select(Article.copy_of_id, func.count())
                        .where(Article.copy_of_id.in_(ids))
                        .group_by(Article.copy_of_id)
                    ).all()
                )
                originals = dict(
                    s.execute(
                        select(Article.id, Article.canonical_url).where(
                            Article.id.in_({r.Article.copy_of_id for r in chunk} - {None})
                        )
                    ).all()
                )
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
                        "status": row.status,
                        "release_date": row.release_date,
                        "release_precision": row.release_precision,
                        "platform": row.platform,
                        "body": a.body,
                        "also_read": links[a.id],
                        "duplicate_urls": [u for u in dups[a.id] if u != a.canonical_url],
                        "copy_of": originals.get(a.copy_of_id) if a.copy_of_id else None,
                        "copy_similarity": a.copy_similarity,
                        "copies": copies.get(a.id, 0),
                        "first_seen": a.first_seen.isoformat(timespec="seconds"),
                        "last_seen": a.last_seen.isoformat(timespec="seconds"),
                        "gone_at": a.gone_at.isoformat(timespec="seconds") if a.gone_at else None,
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
                Season.status,
                Season.status_confidence,
                Season.release_date,
                Season.release_precision,
                Season.release_confidence,
                Season.platform,
                Season.verdict,
            )
            .join(Season, Season.show_id == Show.id)
            .join(ArticleSeason, ArticleSeason.season_id == Season.id)
            .join(Article, Article.id == ArticleSeason.article_id)
            .group_by(Show.id, Show.title, Show.key, Season.id, Season.number)
            .order_by(Show.title, Season.number)
        )
        query = _where_season(query, filters)
        day = identity.today()
        with self._session() as s:
            for row in s.execute(query):
                extra = row.verdict or {}
                yield {
                    "show": row.show,
                    "key": row.key,
                    "season": row.season,
                    "articles": row.articles,
                    "sites": row.sites,
                    "first_seen": row.first_seen.isoformat(timespec="seconds"),
                    "last_seen": row.last_seen.isoformat(timespec="seconds"),
                    "status": as_of(row.status, row.release_date, row.release_precision, day),
                    "status_confidence": row.status_confidence,
                    "release_date": row.release_date,
                    "release_precision": row.release_precision,
                    "release_confidence": row.release_confidence,
                    "platform": row.platform,
                    "sources": extra.get("sources"),
                    "cast": extra.get("cast", []),
                    "trailer": extra.get("trailer"),
                    "conflicts": extra.get("conflicts", {}),
                }

    def iter_claims(self, filters: Filters = Filters()) -> Iterator[dict[str, Any]]:
        """Every claim with its show-season and article, newest article first."""
        query = (
            select(
                Show.title.label("show"),
                Season.number.label("season"),
                Claim.kind,
                Claim.value,
                Claim.precision,
                Claim.hedged,
                Claim.note,
                Claim.sentence,
                Article.canonical_url.label("url"),
                Article.site,
                Article.published,
            )
            .join(Season, Season.id == Claim.season_id)
            .join(Show, Show.id == Season.show_id)
            .join(Article, Article.id == Claim.article_id)
            .order_by(
                Show.title,
                Season.number,
                Article.published.desc().nulls_last(),
                Article.canonical_url,
                Claim.position,
            )
        )
        query = _where_season(query, filters)
        if filters.collapse_copies:
            query = query.where(Article.copy_of_id.is_(None))
        with self._session() as s:
            for row in s.execute(query.execution_options(yield_per=CHUNK)):
                yield dict(row._mapping)

    def iter_copies(self, filters: Filters = Filters()) -> Iterator[dict[str, Any]]:
        """Every near-duplicate copy with its original, newest copy first."""
        original = aliased(Article)
        primary = (
            select(ArticleSeason.article_id, Show.title.label("show"), Season.number)
            .join(Season, Season.id == ArticleSeason.season_id)
            .join(Show, Show.id == Season.show_id)
            .where(ArticleSeason.is_primary.is_(True))
            .subquery()
        )
        query = (
            select(
                primary.c.show,
                primary.c.number.label("season"),
                Article.canonical_url.label("url"),
                Article.site,
                Article.published,
                original.canonical_url.label("original_url"),
                original.site.label("original_site"),
                original.published.label("original_published"),
                Article.copy_similarity.label("similarity"),
                Article.first_seen,
            )
            .join(original, original.id == Article.copy_of_id)
            .outerjoin(primary, primary.c.article_id == Article.id)
            .where(Article.copy_of_id.is_not(None))  # implied by the join; lets
            # ix_articles_copies (a partial index of the copies) serve it
            .order_by(Article.first_seen.desc(), Article.canonical_url)
        )
        if filters.show_key is not None or filters.season is not None:
            query = query.where(Article.id.in_(_articles_of(filters)))
        if filters.since:
            query = query.where(_since(filters.since))
        with self._session() as s:
            for row in s.execute(query.execution_options(yield_per=CHUNK)):
                found = dict(row._mapping)
                found["first_seen"] = row.first_seen.isoformat(timespec="seconds")
                yield found

    def iter_changes(self, filters: Filters = Filters()) -> Iterator[dict[str, Any]]:
        """What re-crawls found changed in articles' answers, oldest first."""
        query = (
            select(
                Show.title.label("show"),
                Season.number.label("season"),
                ClaimChange.field,
                ClaimChange.old,
                ClaimChange.new,
                ClaimChange.at,
                Article.canonical_url.label("url"),
                Article.site,
            )
            .join(Article, Article.id == ClaimChange.article_id)
            .outerjoin(Season, Season.id == ClaimChange.season_id)
            .outerjoin(Show, Show.id == Season.show_id)
            .order_by(ClaimChange.at, ClaimChange.id)
        )
        if filters.show_key is not None or filters.season is not None:
            query = query.where(Article.id.in_(_articles_of(filters)))
        if filters.since:
            query = query.where(ClaimChange.at >= datetime.fromisoformat(filters.since))
        with self._session() as s:
            for row in s.execute(query.execution_options(yield_per=CHUNK)):
                yield {**row._mapping, "at": row.at.isoformat(timespec="seconds")}

    def site_copies(self) -> list[dict[str, Any]]:
        """Which sites copy which: copier site, original site, number of copies, most first
        (the `site_copies` view)."""
        with self._session() as s:
            rows = s.execute(
                select(SITE_COPIES).order_by(SITE_COPIES.c.copies.desc(), SITE_COPIES.c.copier_site)
            )
            return [dict(r._mapping) for r in rows]

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
            "claims": Claim,
            "show_aliases": ShowAlias,
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
        """Crawl runs, oldest first: their figures (RUN_FIGURES) and their recorded errors
        counted by reason (`errors_by_reason`)."""
        with self._session() as s:
            errors: dict[int, dict[str, int]] = {}
            for run_id, reason, n in s.execute(
                select(CrawlError.run_id, CrawlError.reason, func.count())
                .group_by(CrawlError.run_id, CrawlError.reason)
                .order_by(CrawlError.reason)
            ):
                errors.setdefault(run_id, {})[reason] = n
            return [
                {
                    "id": r.id,
                    "started_at": r.started_at,
                    "finished_at": r.finished_at,
                    "finish_reason": r.finish_reason,
                    "stats": r.stats,
                    **{name: getattr(r, name) for name in RUN_FIGURES},
                    "errors_by_reason": errors.get(r.id, {}),
                }
                for r in s.scalars(select(CrawlRun).order_by(CrawlRun.id))
            ]


def near_duplicates(
    s: Session, fingerprint: Fingerprint, exclude: int | None = None
) -> dict[int, float]:
    """The clusters a body is a near-duplicate of: cluster original id -> best similarity to
    one of its members.

    Candidates are the articles sharing an LSH band key: one bounded index look-up per band
    (at most CROWDED_BAND + 1 rows), whatever the database size. A key shared by more than
    CROWDED_BAND articles is made of boilerplate (a site template's intro, a stock closing line),
    not evidence of copying, and is skipped: otherwise its bucket, and the check's cost, would
    grow with the database. Candidates are then checked on their signatures.
    """
    candidates = {
        other
        for members in band_buckets(s, fingerprint).values()
        if len(members) <= CROWDED_BAND
        for other in members
        if other != exclude
    }
    closest: dict[int, float] = {}
    if not candidates:
        return closest
    for other, other_data, original in s.execute(
        select(Article.id, Article.fingerprint, Article.copy_of_id).where(
            Article.id.in_(candidates)
        )
    ):
        if other_data is None:
            continue
        score = similarity(fingerprint, Fingerprint.from_bytes(other_data))
        if score >= THRESHOLD:
            root = original or other
            closest[root] = max(score, closest.get(root, 0.0))
    return closest


def _band_slots(bands: Iterable[int]) -> Iterator[int]:
    """The advisory locks (in BAND_LOCKS) of band keys; lazy, as lock_keys reads them only on
    PostgreSQL."""
    return (band % BAND_LOCK_SLOTS for band in bands)


def _locked(query: Select[Any]) -> Select[Any]:
    """`query` locking the articles it returns (FOR NO KEY UPDATE OF articles: foreign keys
    to them stay possible), refreshing any already loaded. SQLite ignores it."""
    return query.with_for_update(of=Article, key_share=True).execution_options(
        populate_existing=True
    )


def _retryable(exc: DBAPIError) -> bool:
    """Whether a failed `save` should run again: an error a concurrent writer causes."""
    if exc.connection_invalidated:
        return False
    orig = exc.orig
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if state is not None:
        return state in RETRY_SQLSTATES
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in SQLITE_BUSY or code == SQLITE_CONSTRAINT_FOREIGNKEY
    return isinstance(exc, OperationalError) and "database is locked" in str(orig)


def band_buckets(s: Session, fingerprint: Fingerprint) -> dict[int, set[int]]:
    """Band key -> the stored articles that share it, at most CROWDED_BAND + 1 per key."""
    bands = fingerprint.bands()
    dialect = s.get_bind().dialect.name
    params: dict[str, Any] = (
        {"bands": bands} if dialect == "postgresql" else {f"b{i}": b for i, b in enumerate(bands)}
    )
    buckets: dict[int, set[int]] = {}
    for band, other in s.execute(_band_lookup(dialect), {**params, "k": CROWDED_BAND + 1}):
        buckets.setdefault(band, set()).add(other)
    return buckets


@functools.cache
def _band_lookup(dialect: str) -> Executable:
    """Every band key's articles, at most `:k` per key, in one statement built once.

    PostgreSQL: a LATERAL look-up per element of the `:bands` array (one small plan); elsewhere
    a UNION ALL of one look-up per `:bN` parameter (planning 42 branches costs PostgreSQL more
    than running them)."""
    if dialect == "postgresql":
        keys = (
            func.unnest(bindparam("bands", type_=ARRAY(BigInteger)))
            .table_valued("band")
            .render_derived("keys")
        )
        found = (
            select(ArticleBand.article_id)
            .where(ArticleBand.band == keys.c.band)
            .limit(bindparam("k"))
            .lateral("found")
        )
        return select(keys.c.band, found.c.article_id).select_from(keys).join(found, true())
    per_band = [
        select(ArticleBand.band, ArticleBand.article_id)
        .where(ArticleBand.band == bindparam(f"b{i}"))
        .limit(bindparam("k"))
        .subquery(f"band{i}")
        for i in range(BANDS)
    ]
    return union_all(*(select(band.c.band, band.c.article_id) for band in per_band))


SAME_CONTENT_FIELDS = (
    "body_hash",
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
    "no_season_reason",
)
"""What makes a re-fetched page "changed" (the URL it came from and its HTTP status do not)."""


_COPY = aliased(Article, name="copies")
"""Another article, as a copy of the one a query reads (built once: an alias built per call costs
milliseconds per comparison)."""


def _original_rank(member: Any) -> tuple[str, datetime, str]:
    """Order of a cluster's members: the earliest published is the original; undated ones
    after the dated, the earliest seen first; ties by URL, so the original does not depend on
    the order (or the worker) the articles were stored in."""
    if member.published:
        return (member.published, datetime.min, member.canonical_url)
    return ("9999-99-99", member.first_seen, member.canonical_url)


def _same_content(article: Article, record: ArticleRecord) -> bool:
    return all(getattr(article, f) == getattr(record, f) for f in SAME_CONTENT_FIELDS)


def _where_season(query: Select[Any], filters: Filters) -> Select[Any]:
    """Restrict a query joining shows, seasons and articles to the filters' show, season and
    publication window."""
    if filters.show_key is not None:
        query = query.where(Show.key == filters.show_key)
    if filters.season is not None:
        query = query.where(Season.number == filters.season)
    if filters.since:
        query = query.where(_since(filters.since))
    return query


def _articles_of(filters: Filters) -> Select[Any]:
    """Ids of the articles about the filters' show and/or season number."""
    matching = (
        select(ArticleSeason.article_id)
        .join(Season, Season.id == ArticleSeason.season_id)
        .join(Show, Show.id == Season.show_id)
    )
    if filters.show_key is not None:
        matching = matching.where(Show.key == filters.show_key)
    if filters.season is not None:
        matching = matching.where(Season.number == filters.season)
    return matching


def _since(day: str) -> Any:
    """Published on or after `day`; first seen on or after it when the date is unknown."""
    return (Article.published >= day) | (
        Article.published.is_(None) & (Article.first_seen >= datetime.fromisoformat(day))
    )
