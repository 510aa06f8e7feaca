"""Conditional re-crawls: ask for a page only if it changed since we stored it.

For every URL that served a stored article, the database keeps the ETag and Last-Modified it
answered with; this downloader middleware sends them back as If-None-Match / If-Modified-Since.
A 304 answer reaches the spider as a NotModifiedItem: no extraction, and storage only moves the
article's last_seen. Off with SEASONNEWS_CONDITIONAL = False.
"""

from __future__ import annotations

from typing import Self

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.recrawl import known_pages, url_key
from storage.records import KnownPage


class ConditionalRequestsMiddleware:
    """Adds the stored validators of a URL to its request."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("SEASONNEWS_CONDITIONAL"):
            raise NotConfigured("SEASONNEWS_CONDITIONAL is off")
        self.crawler = crawler
        self.stats = crawler.stats
        self.known: dict[str, KnownPage] = {}
        crawler.signals.connect(self._load, signal=signals.spider_opened)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def _load(self) -> None:
        self.known = await known_pages(self.crawler)

    def process_request(self, request: Request) -> None:
        if not self.known or request.method != "GET":
            return
        key = url_key(request.url)
        page = self.known.get(key) if key else None
        if page is None or not (page.etag or page.last_modified):
            return
        if page.etag:
            request.headers.setdefault(b"If-None-Match", page.etag)
        if page.last_modified:
            request.headers.setdefault(b"If-Modified-Since", page.last_modified)
        if self.stats is not None:
            self.stats.inc_value("seasonnews/conditional/sent")
