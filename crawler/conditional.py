"""Conditional re-crawls: ask for a page only if it changed since we stored it.

For every URL that served a stored article, the database keeps the ETag and Last-Modified it
answered with; this downloader middleware sends them back as If-None-Match / If-Modified-Since.
A 304 answer reaches the spider as a NotModifiedItem: no extraction, and storage only moves the
article's last_seen. Off with SEASONNEWS_CONDITIONAL = False.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.recrawl import KnownPagesUser


class ConditionalRequestsMiddleware(KnownPagesUser):
    """Adds the stored validators of a URL to its request."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("SEASONNEWS_CONDITIONAL"):
            raise NotConfigured("SEASONNEWS_CONDITIONAL is off")
        super().__init__(crawler)
        self.stats = crawler.stats

    def process_request(self, request: Request) -> None:
        if not self.known or request.method != "GET":
            return
        found = self.known_page(request.url)
        if found is None:
            return
        page = found[1]
        if not (page.etag or page.last_modified):
            return
        if page.etag:
            request.headers.setdefault(b"If-None-Match", page.etag)
        if page.last_modified:
            request.headers.setdefault(b"If-Modified-Since", page.last_modified)
        if self.stats is not None:
            self.stats.inc_value("seasonnews/conditional/sent")
