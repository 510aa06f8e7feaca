"""Item pipelines, one job each: validate -> normalise -> deduplicate -> store."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import hashlib
import logging
import re
from datetime import UTC, datetime
from typing import Any, Self

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.extract.seasons import show_key
from crawler.extract.urls import normalize_url, site_of, url_key
from crawler.frontier import pages_stored, request_failed
from crawler.items import ArticleItem, FailureItem, NotModifiedItem
from storage import Store
from storage.records import ArticleRecord, ErrorRecord, LinkRecord, SaveResult, SeasonRef

STORE_COUNTS = [f.name for f in dataclasses.fields(SaveResult)]
"""Counted in the stats as seasonnews/store/<name>."""

logger = logging.getLogger(__name__)

MIN_BODY_CHARS = 80
"""Shorter bodies are no article (error pages, empty templates)."""


class Dropped(DropItem):
    """A dropped item with a short machine-readable reason."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


class ValidatePipeline:
    """Drops articles that cannot be stored, counting each reason in the stats."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        if not isinstance(item, ArticleItem):
            return item
        reason = None
        body = adapter.get("body") or ""
        if not re.match(r"^https?://", adapter.get("url") or ""):
            reason = ("bad_url", f"not an http(s) URL: {adapter.get('url')!r}")
        elif len(body.strip()) < MIN_BODY_CHARS:
            reason = ("no_body", f"body of {len(body.strip())} characters")
        if reason:
            assert self.stats is not None
            self.stats.inc_value(f"seasonnews/dropped/{reason[0]}")
            raise Dropped(*reason)
        return item


class NormalizePipeline:
    """Key forms: canonical URL, the URL keys the page answers to, link URLs, body hash.

    `url` and `redirect_urls` stay as fetched (they name the requests); keys go to `url_keys`.
    """

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        if not isinstance(item, ArticleItem):
            return item
        key = normalize_url(adapter["url"])
        canonical = _canonical(adapter.get("canonical_url"), key)
        adapter["canonical_url"] = canonical
        # Redirect sources are not kept: whether a redirect is followed or dupe-filtered
        # depends on crawl order, and the database must not.
        fetched = normalize_url(adapter["url"], strip_amp=False)
        adapter["url_keys"] = [fetched]
        adapter["variant"] = fetched != canonical
        adapter["body_hash"] = body_hash(adapter["body"])
        related = []
        for link in adapter.get("related") or []:
            with contextlib.suppress(ValueError):
                related.append(dataclasses.replace(link, url=normalize_url(link.url)))
        adapter["related"] = list({link.url: link for link in reversed(related)}.values())[::-1]
        return item


def _canonical(canonical: str | None, url: str) -> str:
    """The page's canonical URL unless it is missing, broken, or points at a site's home page
    (a common theme bug that would merge every article into one)."""
    if not canonical:
        return url
    try:
        key = normalize_url(canonical)
    except ValueError:
        return url
    home = key.split("/", 3)[-1] == "" and key.count("/") <= 3
    return url if home and key != url else key


def body_hash(body: str) -> str:
    """Hash of the body with case and whitespace folded: equal for the same text."""
    return hashlib.sha256(" ".join(body.casefold().split()).encode("utf-8")).hexdigest()


class DedupePipeline:
    """Marks articles already seen in this run under another URL or with the same body.

    The duplicate still reaches storage, which keeps one article (deterministically) and
    remembers the other URL; this stage counts duplicates and names what they duplicate.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.by_canonical: dict[str, str] = {}
        self.by_hash: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, ArticleItem):
            return item
        adapter = ItemAdapter(item)
        canonical, digest = adapter["canonical_url"], adapter["body_hash"]
        assert self.stats is not None
        if canonical in self.by_canonical and self.by_canonical[canonical] != adapter["url"]:
            adapter["duplicate_of"] = canonical
            self.stats.inc_value("seasonnews/duplicates/canonical")
        elif digest in self.by_hash and self.by_hash[digest] != canonical:
            adapter["duplicate_of"] = self.by_hash[digest]
            self.stats.inc_value("seasonnews/duplicates/body")
        self.by_canonical.setdefault(canonical, adapter["url"])
        self.by_hash.setdefault(digest, canonical)
        return item


class StorePipeline:
    """Writes articles and failures in batches, off the event loop, and records the run."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.store = Store(settings.get("SEASONNEWS_DB"))
        self.batch_size = settings.getint("SEASONNEWS_BATCH_SIZE")
        self.flush_seconds = settings.getfloat("SEASONNEWS_FLUSH_SECONDS")
        self.articles: list[ArticleRecord] = []
        self.errors: list[ErrorRecord] = []
        self.urls: list[str] = []
        self.not_modified: list[tuple[str, datetime]] = []
        self.lock = asyncio.Lock()
        self.run_id: int | None = None
        self._timer: asyncio.Task[None] | None = None
        crawler.signals.connect(self._dropped, signal=signals.item_dropped)
        crawler.signals.connect(self._failed, signal=request_failed)
        crawler.signals.connect(self._spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def open_spider(self) -> None:
        await asyncio.to_thread(self.store.upgrade)
        spider = self.crawler.spider
        args = {
            "urls": spider.sources.urls,
            "sitemaps": spider.sources.sitemaps,
            "feeds": spider.sources.feeds,
        }
        self.run_id = await asyncio.to_thread(self.store.start_run, spider.name, args)
        self._timer = asyncio.create_task(self._flush_periodically())

    async def process_item(self, item: Any) -> Any:
        if isinstance(item, ArticleItem):
            self.articles.append(to_record(item))
            self.urls.extend([item.url, *item.redirect_urls])
        elif isinstance(item, FailureItem):
            self.errors.append(
                ErrorRecord(
                    url=item.url,
                    reason=item.reason,
                    status=item.status,
                    detail=item.detail,
                    at=item.fetched_at,
                    url_key=url_key(item.url),
                )
            )
            self.urls.append(item.url)
        elif isinstance(item, NotModifiedItem):
            self.not_modified.append((normalize_url(item.url, strip_amp=False), item.fetched_at))
            self.urls.append(item.url)
        pending = len(self.articles) + len(self.errors) + len(self.not_modified)
        if pending >= self.batch_size:
            await self.flush()
        return item

    def _dropped(self, item: Any, exception: BaseException) -> None:
        if isinstance(item, ArticleItem):
            reason = getattr(exception, "reason", "dropped")
            self.errors.append(
                ErrorRecord(url=item.url, reason=reason, detail=str(exception), at=item.fetched_at)
            )
            self.urls.extend([item.url, *item.redirect_urls])

    def _failed(self, url: str, reason: str, detail: str) -> None:
        self.errors.append(ErrorRecord(url=url, reason=reason, detail=detail, at=_utcnow()))
        self.urls.append(url)

    async def _flush_periodically(self) -> None:
        while True:
            await asyncio.sleep(self.flush_seconds)
            await self.flush()

    async def flush(self) -> None:
        """Write what is pending in one transaction, then mark those pages done."""
        async with self.lock:
            articles, errors, urls = self.articles, self.errors, self.urls
            not_modified = self.not_modified
            self.articles, self.errors, self.urls, self.not_modified = [], [], [], []
            if not (articles or errors or not_modified):
                return
            result = await asyncio.to_thread(
                self.store.save, articles, errors, self.run_id, not_modified
            )
            stats = self.crawler.stats
            assert stats is not None
            for name in STORE_COUNTS:
                stats.inc_value(f"seasonnews/store/{name}", getattr(result, name))
            self.crawler.signals.send_catch_log(signal=pages_stored, urls=urls)

    async def close_spider(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        await self.flush()

    async def _spider_closed(self, reason: str) -> None:
        # Called after every pipeline closed: the stats are final but for finish_time.
        await self.flush()
        if self.run_id is not None:
            stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
            await asyncio.to_thread(
                self.store.finish_run, self.run_id, reason, stats, run_figures(stats)
            )
        self.store.close()


def run_figures(stats: dict[str, Any]) -> dict[str, int]:
    """The figures a run row keeps (storage.models.CrawlRun), from a crawl's stats."""
    store = {
        "new" if name == "inserted" else name: int(stats.get(f"seasonnews/store/{name}", 0))
        for name in STORE_COUNTS
    }
    return {
        "pages_fetched": int(stats.get("response_received_count", 0)),
        "skipped": int(stats.get("seasonnews/recrawl/skipped", 0)),
        **store,
    }


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def to_record(item: ArticleItem) -> ArticleRecord:
    """The storage record of a normalised article item."""
    canonical = item.canonical_url or item.url
    return ArticleRecord(
        url=item.url,
        canonical_url=canonical,
        site=site_of(canonical),
        body=item.body,
        body_hash=item.body_hash or body_hash(item.body),
        seen_at=item.fetched_at,
        title=item.title,
        author=item.author,
        published=item.published,
        modified=item.modified,
        sitename=item.sitename,
        language=item.language,
        categories=list(item.categories),
        tags=list(item.tags),
        image=item.image,
        description=item.description,
        http_status=item.http_status,
        variant=item.variant,
        seasons=[SeasonRef(s.show, s.show_key, s.season, s.source) for s in item.show_seasons],
        no_season_reason=item.no_season_reason,
        related=[
            LinkRecord(
                to_url=link.url,
                anchor=link.anchor,
                kind=link.kind,
                anchor_season=SeasonRef(
                    link.season.show, link.season.show_key, link.season.season, "anchor"
                )
                if link.season
                else None,
            )
            for link in item.related
        ],
        other_urls=list(item.url_keys),
        etag=item.etag,
        last_modified=item.last_modified,
        fingerprint=bytes.fromhex(item.fingerprint) if item.fingerprint else None,
        claims=list(item.claims),
        summary=item.summary,
        aliases=[(name, show_key(name)) for name in item.aliases],
    )
