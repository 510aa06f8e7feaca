"""The season-news spider: reads start pages, sitemaps and feeds, follows season-news links."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any, Self

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from crawler.errors import failure_reason
from crawler.extract.feeds import feed_links
from crawler.extract.urls import site_of
from crawler.extractor import ExtractorPool
from crawler.frontier import Journal
from crawler.items import FailureItem, NotModifiedItem, article_item
from crawler.links import is_crawlable, is_listing, is_season_link, matches
from crawler.sources import Sources, load_sources, split_arg


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class SeasonNewsSpider(Spider):
    """Crawl season news from `url`, `sitemap`, `feed` and/or a `sources` TOML file.

    Arguments (comma-separated with `scrapy crawl -a`, lists from the seasonnews CLI):
    url, sitemap, feed, sources, max_pages, allow_hosts.
    """

    name = "season_news"
    handle_httpstatus_list = (304,)  # answers to our conditional requests (crawler.conditional)

    def __init__(
        self,
        url: str | list[str] | None = None,
        sitemap: str | list[str] | None = None,
        feed: str | list[str] | None = None,
        sources: str | None = None,
        max_pages: str | int | None = None,
        allow_hosts: str | list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.sources = Sources()
        if sources:
            load_sources(sources, into=self.sources)
        self.sources.add("urls", split_arg(url))
        self.sources.add("sitemaps", split_arg(sitemap))
        self.sources.add("feeds", split_arg(feed))
        self.sources.allow_hosts(split_arg(allow_hosts))
        self.max_pages = int(max_pages) if max_pages else 0
        self.pages = 0
        self.requested: set[str] = set()
        """URLs this process already asked for (a cheap pre-filter before the dupefilter)."""
        self.allowed_domains = sorted({h.split(":")[0] for h in self.sources.sites})

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.shared = bool(crawler.settings.get("SEASONNEWS_REDIS_URL"))
        if spider.sources.is_empty() and not spider.shared:
            raise ValueError("nothing to crawl: give url, sitemap, feed or sources")
        spider.extractor = ExtractorPool(crawler.settings.getint("SEASONNEWS_EXTRACT_WORKERS"))
        spider.follow_all = crawler.settings.getbool("SEASONNEWS_FOLLOW_ALL")
        crawler.signals.connect(spider._closed, signal=signals.spider_closed)
        return spider

    def _closed(self) -> None:
        self.extractor.close()

    # -- discovery ---------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Request]:
        if self.shared:  # a worker of a distributed crawl: `seasonnews seed` starts it
            return
        journal = Journal.for_crawler(self.crawler)
        if journal.resumed:
            pending = journal.pending()
            self.logger.info("resuming: %d pending requests", len(pending))
            for url, callback, depth in pending:
                yield self._request(url, getattr(self, callback), depth=depth, dont_filter=True)
            return
        for request in self.start_requests_of(self.sources):
            yield request

    def start_requests_of(self, sources: Sources, *, again: bool = False) -> Iterator[Request]:
        """The requests that start a crawl of `sources`: start pages, sitemaps (or the
        robots.txt naming them) and feeds. `again`: never filtered as seen (a distributed
        crawl's seen-set outlives one crawl; these are re-read on every crawl)."""
        for url in sources.urls:
            yield self._request(url, self.parse_page, dont_filter=again)
        for url in sources.sitemaps:
            callback = self.parse_robots if url.endswith("/robots.txt") else self.parse_sitemap
            yield self._request(url, callback, dont_filter=again)
        for url in sources.feeds:
            yield self._request(url, self.parse_feed, dont_filter=again)

    def _request(
        self,
        url: str,
        callback: Any,
        depth: int = 0,
        lastmod: str | None = None,
        **kwargs: Any,
    ) -> Request:
        # Sitemaps and feeds list content directly: their entries start at depth 0, so
        # DEPTH_LIMIT bounds link-following only (depth_reset, Scrapy >= 2.18).
        meta: dict[str, Any] = {"depth": depth, "depth_reset": depth == 0}
        if lastmod:  # the re-crawl policy skips a known page its sitemap says is unchanged
            meta["lastmod"] = lastmod
        self.requested.add(url)
        return Request(url, callback=callback, errback=self.on_error, meta=meta, **kwargs)

    def _allowed(self, url: str) -> bool:
        site = self.sources.sites.get(site_of(url))
        return site is not None and is_crawlable(url) and matches(url, site.allow, site.deny)

    def _should_follow(self, url: str, anchor: str) -> bool:
        if not self._allowed(url):
            return False
        return self.follow_all or is_season_link(url, anchor) or is_listing(url)

    # -- callbacks ---------------------------------------------------------------------

    async def parse_page(self, response: Response) -> AsyncIterator[Any]:
        """An HTML page: follow its season-news links, then yield the article."""
        if response.status == 304:  # unchanged since the validators we sent
            yield NotModifiedItem(url=response.url, fetched_at=_now())
            return
        if not isinstance(response, HtmlResponse):
            content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
            yield self._failure(response, "non_html", f"content type {content_type or 'unknown'}")
            return
        if self.max_pages and self.pages >= self.max_pages:
            raise CloseSpider("max_pages")
        self.pages += 1
        try:
            page = await self.extractor.extract(response.text, response.url)
        except Exception as exc:  # a worker crash or a bug must not stop the crawl
            yield self._failure(response, "extract_error", f"{type(exc).__name__}: {exc}")
            return
        for url, anchor in page.links:
            # Most links of a page were requested already (sitemap, other pages): skipping
            # them here saves building and fingerprinting a request the dupefilter would drop.
            if url not in self.requested and self._should_follow(url, anchor):
                self.requested.add(url)
                yield response.follow(url, callback=self.parse_page, errback=self.on_error)
        if page.listing:
            self.crawler.stats.inc_value("seasonnews/listings")
            return
        yield article_item(
            page,
            url=response.url,
            redirect_urls=list(response.request.meta.get("redirect_urls", [])),
            http_status=response.status,
            fetched_at=_now(),
            etag=_header(response, b"ETag"),
            last_modified=_header(response, b"Last-Modified"),
        )

    def parse_robots(self, response: Response) -> Iterator[Any]:
        """robots.txt given as a sitemap source: read the sitemaps it names."""
        if not isinstance(response, TextResponse):
            yield self._failure(response, "bad_sitemap", "robots.txt is not text")
            return
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            yield self._request(url, self.parse_sitemap)

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        """A sitemap index (follow its sitemaps) or a URL set (crawl its pages)."""
        body = response.body
        if body[:2] == gzip_magic_number:
            try:
                body = gunzip(body, max_size=self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
            except (OSError, ValueError) as exc:
                yield self._failure(response, "bad_sitemap", f"bad gzip: {exc}")
                return
        try:
            sitemap = Sitemap(body)
        except Exception as exc:  # lxml raises several types on garbage
            yield self._failure(response, "bad_sitemap", f"{type(exc).__name__}: {exc}")
            return
        if sitemap.type not in ("sitemapindex", "urlset"):
            yield self._failure(response, "bad_sitemap", f"root element <{sitemap.type}>")
            return
        for entry in sitemap:
            loc = (entry.get("loc") or "").strip()
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                yield self._request(response.urljoin(loc), self.parse_sitemap)
            elif self._allowed(response.urljoin(loc)):
                yield self._request(
                    response.urljoin(loc), self.parse_page, lastmod=entry.get("lastmod")
                )

    def parse_feed(self, response: Response) -> Iterator[Any]:
        """An RSS or Atom feed: crawl the articles it lists."""
        try:
            urls = feed_links(response.body, response.url)
        except ValueError as exc:
            yield self._failure(response, "bad_feed", str(exc))
            return
        for url in urls:
            if self._allowed(url):
                yield self._request(url, self.parse_page)

    def on_error(self, failure: Failure) -> Iterator[FailureItem]:
        """Any failed request becomes a recorded failure; the crawl goes on."""
        reason, status, detail = failure_reason(failure)
        request = failure.request  # type: ignore[attr-defined]
        self.crawler.stats.inc_value(f"seasonnews/failures/{reason}")
        yield FailureItem(
            url=request.url, reason=reason, status=status, detail=detail, fetched_at=_now()
        )

    def _failure(self, response: Response, reason: str, detail: str) -> FailureItem:
        self.crawler.stats.inc_value(f"seasonnews/failures/{reason}")
        return FailureItem(
            url=response.url,
            reason=reason,
            status=response.status,
            detail=detail,
            fetched_at=_now(),
        )


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1")[:200] if value else None
