"""One crawl per database on every crawl path: `scrapy crawl`, scrapyd jobs and the CLI.

The lock is `storage.lock.crawl_lock` (an `flock` for SQLite, an advisory lock for PostgreSQL),
taken when Scrapy builds its extensions: after the spider is created, before the engine and the
item pipelines exist, so before `StorePipeline.open_spider` migrates the schema or records a run.
It is released once the engine has stopped, after every `spider_closed` handler (the run row is
finished) has run.

* Free: the crawl runs, holding the lock.
* Busy, `SEASONNEWS_LOCK_WAIT = False` (default): one error line, then the spider closes with
  the finish reason `database_busy` before it crawls anything. The components that touch the
  database or the job folder are switched off first, so a refused crawl writes nothing.
* Busy, `SEASONNEWS_LOCK_WAIT = True`: blocks until the other crawl ends. The wait happens while
  the crawler is being built, before the reactor runs (as in `scrapy crawl` and scrapyd jobs);
  a program that runs crawls under a running reactor should take the lock itself and set
  `SEASONNEWS_LOCK_HELD`.
* `SEASONNEWS_LOCK_HELD = True`: the caller holds the lock already (the `seasonnews` CLI does):
  the extension is off.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider, NotConfigured

from storage import Store
from storage.lock import DatabaseBusy, crawl_lock

logger = logging.getLogger(__name__)

BUSY_REASON = "database_busy"
"""The finish reason of a crawl refused because another crawl holds the database."""

OFF_WHEN_BUSY = {
    "ITEM_PIPELINES": {},  # StorePipeline migrates, records the run and writes articles
    "SEASONNEWS_CONDITIONAL": False,  # reads validators from the database
    "SEASONNEWS_JOBDIR": "",  # the running crawl's journal may be this one
}
"""Settings that keep a refused crawl away from the database and the job folder."""


class CrawlLock:
    """Holds the database's crawl lock from before the spider opens until the engine stops."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        if settings.getbool("SEASONNEWS_LOCK_HELD"):
            raise NotConfigured  # the caller holds the lock (no message: Scrapy would warn)
        self.crawler = crawler
        self.shared = bool(settings.get("SEASONNEWS_REDIS_URL"))  # a worker of a shared crawl
        self.busy = False
        self._held = contextlib.ExitStack()
        self._engine_started = False
        self.store = Store(settings.get("SEASONNEWS_DB"))
        try:
            self._acquire(wait=settings.getbool("SEASONNEWS_LOCK_WAIT"))
        except DatabaseBusy as exc:
            self.busy = True
            self.store.close()
            # A refused crawl closes before it crawls and writes nothing.
            for name, value in OFF_WHEN_BUSY.items():
                settings.set(name, value, priority="cmdline")
            holder = str(exc).split(";")[0]
            logger.error(
                "%s: %s; this crawl stops without crawling "
                "(-s SEASONNEWS_LOCK_WAIT=True waits for it instead)",
                BUSY_REASON,
                holder,
            )
            crawler.signals.connect(self._refuse, signal=signals.spider_opened)
            return
        except BaseException:
            self.store.close()
            raise
        crawler.signals.connect(self._started, signal=signals.engine_started)
        crawler.signals.connect(self._spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(self.release, signal=signals.engine_stopped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def _acquire(self, *, wait: bool) -> None:
        try:
            self._held.enter_context(crawl_lock(self.store.engine, wait=False, shared=self.shared))
        except DatabaseBusy:
            if not wait:
                raise
            logger.info("another crawl is writing to this database: waiting for it to end")
            self._held.enter_context(crawl_lock(self.store.engine, wait=True, shared=self.shared))
        logger.info("holding the crawl lock of this database")

    def _refuse(self) -> None:
        raise CloseSpider(BUSY_REASON)

    def _started(self) -> None:
        self._engine_started = True

    def _spider_closed(self) -> None:
        # Without a started engine no engine_stopped follows (the spider closed while opening).
        if not self._engine_started:
            self.release()

    def release(self) -> None:
        """Give the lock back (idempotent)."""
        self._held.close()
        self.store.close()
