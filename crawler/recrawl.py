"""The re-crawl policy: which known article pages a crawl asks for again.

A page the database already holds is fetched again only when it is *due*:

* a sitemap gave it a `<lastmod>`: due when that is newer than our last fetch, else skipped
  (whatever the interval says);
* otherwise by age, counted from its last change (publication, or a re-crawl that found new
  content): pages younger than SEASONNEWS_RECRAWL_RECENT_DAYS are due after
  SEASONNEWS_RECRAWL_RECENT_HOURS, pages younger than SEASONNEWS_RECRAWL_OLD_DAYS after
  SEASONNEWS_RECRAWL_STABLE_HOURS, older ones after SEASONNEWS_RECRAWL_OLD_HOURS.

Start URLs, sitemaps, feeds and listings are never article pages, so they are always read
again; new URLs are always fetched. SEASONNEWS_RECRAWL = False fetches every page (each still
asks conditionally, see crawler.conditional).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Self

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.settings import BaseSettings

from crawler.extract.urls import url_key
from storage import Store
from storage.records import KnownPage


@dataclass(frozen=True, slots=True)
class Policy:
    """Re-crawl intervals (see the module docstring)."""

    recent_days: float = 30
    recent_hours: float = 20
    old_days: float = 365
    stable_hours: float = 7 * 24
    old_hours: float = 30 * 24

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> Self:
        return cls(
            recent_days=settings.getfloat("SEASONNEWS_RECRAWL_RECENT_DAYS"),
            recent_hours=settings.getfloat("SEASONNEWS_RECRAWL_RECENT_HOURS"),
            old_days=settings.getfloat("SEASONNEWS_RECRAWL_OLD_DAYS"),
            stable_hours=settings.getfloat("SEASONNEWS_RECRAWL_STABLE_HOURS"),
            old_hours=settings.getfloat("SEASONNEWS_RECRAWL_OLD_HOURS"),
        )

    def interval(self, page: KnownPage, now: datetime) -> timedelta:
        """How long a page stays fresh, from how long ago it last changed."""
        age = now - last_change(page)
        if age <= timedelta(days=self.recent_days):
            return timedelta(hours=self.recent_hours)
        if age <= timedelta(days=self.old_days):
            return timedelta(hours=self.stable_hours)
        return timedelta(hours=self.old_hours)


def last_change(page: KnownPage) -> datetime:
    """When the page last changed, as far as we know: its latest re-crawl that found new
    content, its publication date, or when we first saw it."""
    moments = [page.first_seen if page.published is None else _day(page.published)]
    if page.changed_at is not None:
        moments.append(page.changed_at)
    return max(m for m in moments if m is not None)


def skip_reason(
    page: KnownPage, now: datetime, policy: Policy, lastmod: str | None = None
) -> str | None:
    """Why a known page is not fetched now (`lastmod`: its sitemap says it has not changed
    since our last fetch; `not_due`: its interval has not passed), or None when it is due."""
    stamp = parse_lastmod(lastmod) if lastmod else None
    if stamp is not None:
        return None if stamp > page.last_seen else "lastmod"
    return None if now - page.last_seen >= policy.interval(page, now) else "not_due"


def parse_lastmod(value: str) -> datetime | None:
    """A sitemap <lastmod> (W3C datetime: a day, or a time with an offset) as naive UTC, or
    None when it is unusable."""
    try:
        stamp = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(UTC).replace(tzinfo=None)
    return stamp


def _day(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


async def known_pages(crawler: Crawler) -> dict[str, KnownPage]:
    """What the database knows about every article URL, loaded once per crawl (off the event
    loop) and shared by the components that need it."""
    task = getattr(crawler, "_seasonnews_known", None)
    if task is None:
        task = asyncio.ensure_future(
            asyncio.to_thread(_read_known, crawler.settings.get("SEASONNEWS_DB"))
        )
        crawler._seasonnews_known = task  # type: ignore[attr-defined]
    return await task


def _read_known(db_url: str | None) -> dict[str, KnownPage]:
    store = Store(db_url)
    try:  # StorePipeline.open_spider has migrated the schema already
        return store.known_pages()
    finally:
        store.close()


class KnownPagesUser:
    """Base of the crawl components that read what the database knows about article URLs."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.known: dict[str, KnownPage] = {}
        crawler.signals.connect(self._load, signal=signals.spider_opened)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def _load(self) -> None:
        self.known = await known_pages(self.crawler)

    def known_page(self, url: str) -> tuple[str, KnownPage] | None:
        """(storage key, what is known) of a URL that served a stored article, else None."""
        key = url_key(url)
        page = self.known.get(key) if key else None
        return (key, page) if key and page else None


class RecrawlPolicyMiddleware(KnownPagesUser):
    """Spider middleware: drops requests for known article pages that are not due."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("SEASONNEWS_RECRAWL"):
            raise NotConfigured("SEASONNEWS_RECRAWL is off")
        super().__init__(crawler)
        self.policy = Policy.from_settings(crawler.settings)
        self.skipped: dict[str, str] = {}
        """Known URLs skipped so far -> why; listed again without a lastmod they stay skipped,
        with one (another sitemap) they are judged again."""

    async def process_spider_output(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        now = datetime.now(UTC).replace(tzinfo=None)
        async for output in result:
            if isinstance(output, Request) and self.known and self._skip(output, now):
                continue
            yield output

    def _skip(self, request: Request, now: datetime) -> bool:
        found = self.known_page(request.url)
        if found is None:
            return False
        key, page = found
        lastmod = request.meta.get("lastmod")
        before = self.skipped.get(key)
        if before and not lastmod:  # listed again (a link, a feed), nothing new to judge
            return True
        stats = self.crawler.stats
        assert stats is not None
        reason = skip_reason(page, now, self.policy, lastmod)
        if reason is None:
            if before:
                self._count(before, -1)
                del self.skipped[key]
            stats.inc_value("seasonnews/recrawl/due")
            return False
        if before:
            self._count(before, -1)
        self.skipped[key] = reason
        self._count(reason, 1)
        return True

    def _count(self, reason: str, step: int) -> None:
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value("seasonnews/recrawl/skipped", step)
        stats.inc_value(f"seasonnews/recrawl/skipped_{reason}", step)
