"""Conditional re-crawls: ask for a page only if it changed since we stored it.

For every URL that served a stored article, the database keeps the ETag and Last-Modified it
answered with; this downloader middleware sends them back as If-None-Match / If-Modified-Since.
A 304 answer reaches the spider as a NotModifiedItem: no extraction, and storage only moves the
article's last_seen. Off with SEASONNEWS_CONDITIONAL = False.
"""

from __future__ import annotations

import asyncio
from typing import Self

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.extract.urls import normalize_url
from storage import Store


class ConditionalRequestsMiddleware:
    """Adds the stored validators of a URL to its request."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("SEASONNEWS_CONDITIONAL"):
            raise NotConfigured("SEASONNEWS_CONDITIONAL is off")
        self.db_url = crawler.settings.get("SEASONNEWS_DB")
        self.stats = crawler.stats
        self.validators: dict[str, tuple[str | None, str | None]] = {}
        crawler.signals.connect(self._load, signal=signals.spider_opened)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def _load(self) -> None:
        # Off the event loop: one query, before the first request is scheduled.
        self.validators = await asyncio.to_thread(_read_validators, self.db_url)

    def process_request(self, request: Request) -> None:
        if not self.validators or request.method != "GET":
            return
        try:
            key = normalize_url(request.url, strip_amp=False)
        except ValueError:
            return
        found = self.validators.get(key)
        if found is None:
            return
        etag, last_modified = found
        if etag:
            request.headers.setdefault(b"If-None-Match", etag)
        if last_modified:
            request.headers.setdefault(b"If-Modified-Since", last_modified)
        if self.stats is not None:
            self.stats.inc_value("seasonnews/conditional/sent")


def _read_validators(db_url: str | None) -> dict[str, tuple[str | None, str | None]]:
    store = Store(db_url)
    try:  # StorePipeline.open_spider has migrated the schema already
        return store.validators()
    finally:
        store.close()
