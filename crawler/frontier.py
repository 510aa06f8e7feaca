"""A crash-safe crawl journal: resume after SIGKILL without losing or repeating pages.

Scrapy's own JOBDIR keeps its queue in files that are only consistent after a clean shutdown.
Here every scheduled request is written to a SQLite journal as *pending* when the scheduler
accepts it, and marked *done* only once what it produced is safely in the database. A restart
with the same job folder re-schedules exactly the pending requests; done ones stay filtered.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any, Self

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.dupefilters import BaseDupeFilter
from scrapy.http import Response

logger = logging.getLogger(__name__)

pages_stored = object()
"""Signal: the requests of these `urls` (a list) are done: what they produced is in the
database (or they produced nothing to store)."""
request_failed = object()
"""Signal: a request failed outside any callback or errback (`url`, `reason`, `detail`)."""


class Journal:
    """Seen-set of request fingerprints, with the pending ones persisted when a folder is set."""

    def __init__(self, path: Path | None) -> None:
        self.seen: set[str] = set()
        self._db: sqlite3.Connection | None = None
        self.resumed = False
        if path is None:
            return
        path.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path / "journal.sqlite", isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS requests (fp TEXT PRIMARY KEY, url TEXT NOT NULL,"
            " callback TEXT NOT NULL, depth INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0)"
        )
        self._db.execute("CREATE INDEX IF NOT EXISTS ix_requests_url ON requests (url)")
        if self._db.execute("SELECT 1 FROM requests WHERE done = 0 LIMIT 1").fetchone() is None:
            # The last crawl with this folder finished its work: this one is a new crawl (a
            # scheduled job may reuse one folder), not a resume with nothing left to do.
            self._db.execute("DELETE FROM requests")
        self.seen.update(fp for (fp,) in self._db.execute("SELECT fp FROM requests"))
        self.resumed = bool(self.seen)
        self._db.execute("BEGIN")

    @classmethod
    def for_crawler(cls, crawler: Crawler) -> Journal:
        """The crawler's one journal (created on first use)."""
        journal = getattr(crawler, "_seasonnews_journal", None)
        if journal is None:
            folder = crawler.settings.get("SEASONNEWS_JOBDIR") or ""
            journal = cls(Path(folder) if folder else None)
            crawler._seasonnews_journal = journal  # type: ignore[attr-defined]
        return journal

    def add(self, fp: str, request: Request) -> bool:
        """Record a request; False when it was seen before."""
        if fp in self.seen:
            return False
        self.seen.add(fp)
        if self._db is not None:
            callback = getattr(request.callback, "__name__", None) or "parse_page"
            self._db.execute(
                "INSERT OR IGNORE INTO requests (fp, url, callback, depth) VALUES (?, ?, ?, ?)",
                (fp, request.url, callback, int(request.meta.get("depth", 0))),
            )
        return True

    def mark_done(self, urls: Iterable[str]) -> None:
        """Mark requests for these URLs done, committing every pending insert with them."""
        if self._db is None:
            return
        self._db.executemany("UPDATE requests SET done = 1 WHERE url = ?", [(u,) for u in urls])
        self._db.execute("COMMIT")
        self._db.execute("BEGIN")

    def pending(self) -> list[tuple[str, str, int]]:
        """(url, callback name, depth) of every request not done yet, in scheduling order."""
        if self._db is None:
            return []
        return list(
            self._db.execute(
                "SELECT url, callback, depth FROM requests WHERE done = 0 ORDER BY rowid"
            )
        )

    def close(self) -> None:
        """Commit and close."""
        if self._db is not None:
            self._db.execute("COMMIT")
            self._db.close()
            self._db = None


class JournalDupeFilter(BaseDupeFilter):
    """Scrapy dupefilter backed by the journal (in memory when no job folder is set)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.journal = Journal.for_crawler(crawler)
        self.fingerprinter = crawler.request_fingerprinter

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def request_seen(self, request: Request) -> bool:
        fp = self.fingerprinter.fingerprint(request).hex()
        return not self.journal.add(fp, request)

    def log(self, request: Request, spider: Spider) -> None:
        """Count a filtered duplicate request (the scheduler calls this)."""
        report_filtered(self.crawler, request)

    def close(self, reason: str) -> None:
        self.journal.close()


def report_filtered(crawler: Crawler, request: Request) -> None:
    """Count a request the dupefilter dropped. A redirect back to a URL of its own chain is a
    redirect loop: Scrapy would drop it silently, so it is reported as a failure."""
    if crawler.stats is not None:
        crawler.stats.inc_value("dupefilter/filtered")
    chain = request.meta.get("redirect_urls") or []
    if request.url in chain:
        if crawler.stats is not None:
            crawler.stats.inc_value("seasonnews/failures/redirect_loop")
        crawler.signals.send_catch_log(
            signal=request_failed,
            url=chain[0],
            reason="redirect_loop",
            detail="redirect loop: " + " -> ".join([*chain, request.url]),
        )


class JournalSpiderMiddleware:
    """Marks a response done when its callback produced no item (listings, sitemaps, feeds).

    Responses that produced items are marked done by the store once the items are written.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.journal = Journal.for_crawler(crawler)
        crawler.signals.connect(self._stored, signal=pages_stored)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def _stored(self, urls: list[str]) -> None:
        self.journal.mark_done(urls)

    async def process_spider_output(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        produced = False
        async for output in result:
            produced = produced or not isinstance(output, Request)
            yield output
        if not produced:  # nothing to store: the request is done now
            self.crawler.signals.send_catch_log(signal=pages_stored, urls=request_urls(response))


def request_urls(response: Response) -> list[str]:
    """The URL a response answers and every URL that redirected to it."""
    return [*response.request.meta.get("redirect_urls", []), response.request.url]
