"""One crawl shared by many worker processes: a frontier on Redis (scrapy-redis), one database.

Switched on by SEASONNEWS_REDIS_URL (`seasonnews crawl --redis URL`): the add-on below then puts
scrapy-redis's scheduler and dupefilter in place, and every worker pops requests from one shared
queue and checks one shared seen-set. Without it nothing changes.

What scrapy-redis lacks, added here:

* **No lost pages.** A popped request is also written to this worker's in-flight hash, and
  removed once what it produced is in the database (the `pages_stored` signal). Each worker keeps
  a heartbeat key alive; when one dies (even SIGKILL), another worker moves its in-flight
  requests back to the queue (`HDEL` decides who), so nothing it held is lost.
* **Seeding.** `seasonnews seed` stores the sources (sites, allow/deny patterns) in Redis and
  pushes their start requests; workers read the sources when they open and whenever they idle.
* **Idling and stopping.** A worker with nothing to do waits while the queue or any live
  worker's in-flight requests may still bring work, and stops once everything has been empty
  for SEASONNEWS_REDIS_IDLE_CLOSE seconds, or at once after `seasonnews seed --stop`.
* **Re-crawls.** A new seed starts a new crawl: when nothing is queued or in flight it empties
  the seen-set (scrapy-redis's never expires), so the re-crawl policy (crawler.recrawl), not the
  seen-set of an earlier crawl, decides what is fetched again.

Keys (PREFIX = SEASONNEWS_REDIS_PREFIX, default `seasonnews`; `season_news` is the spider):
PREFIX:season_news:requests (queue), :seen (fingerprints), :sources (JSON), :stop,
:inflight:WORKER (hash fingerprint -> request), :alive:WORKER (heartbeat, expires).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
import uuid
from collections.abc import Iterable
from typing import Any, Self

from redis import Redis
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.settings import BaseSettings
from scrapy.utils.misc import load_object
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from crawler.extract.urls import site_of
from crawler.frontier import pages_stored, report_filtered
from crawler.sources import Sources

logger = logging.getLogger(__name__)

POLL_SECONDS = 0.5
"""How often an idle worker looks at the shared queue."""
HEARTBEAT_SECONDS = 2.0
"""How often a worker renews its heartbeat and looks for dead workers' requests."""
ALIVE_SECONDS = 10
"""A worker whose heartbeat is older than this is dead: its in-flight requests go back."""


def keys(prefix: str, spider: str = "season_news") -> dict[str, str]:
    """The Redis keys of one distributed crawl."""
    base = f"{prefix}:{spider}"
    return {
        "requests": f"{base}:requests",
        "seen": f"{base}:seen",
        "sources": f"{base}:sources",
        "stop": f"{base}:stop",
        "inflight": f"{base}:inflight:",
        "alive": f"{base}:alive:",
    }


def in_flight(server: Redis, names: dict[str, str]) -> bool:
    """Whether any worker holds requests it has not finished."""
    return any(server.hlen(key) for key in server.scan_iter(match=names["inflight"] + "*"))


PRIORITY = "spider"
"""Above the project's settings (its own DUPEFILTER_CLASS), below the command line's."""


class SharedFrontier:
    """Scrapy add-on: with SEASONNEWS_REDIS_URL set, the scheduler and dupefilter are shared."""

    def update_settings(self, settings: BaseSettings) -> None:
        url = settings.get("SEASONNEWS_REDIS_URL")
        if not url:
            return
        names = keys(settings.get("SEASONNEWS_REDIS_PREFIX"), "%(spider)s")
        settings.set("REDIS_URL", url, priority=PRIORITY)
        settings.set("SCHEDULER", "crawler.distributed.SharedScheduler", priority=PRIORITY)
        settings.set("DUPEFILTER_CLASS", "crawler.distributed.SharedDupeFilter", priority=PRIORITY)
        settings.set("SCHEDULER_QUEUE_CLASS", "scrapy_redis.queue.PriorityQueue", priority=PRIORITY)
        settings.set("SCHEDULER_QUEUE_KEY", names["requests"], priority=PRIORITY)
        settings.set("SCHEDULER_DUPEFILTER_KEY", names["seen"], priority=PRIORITY)
        # With several workers the queue and seen-set must outlive each of them.
        settings.set("SCHEDULER_PERSIST", True, priority=PRIORITY)
        settings.set("SEASONNEWS_JOBDIR", "", priority=PRIORITY)  # the queue is in Redis


class SharedDupeFilter(RFPDupeFilter):
    """scrapy-redis's seen-set, with Scrapy's request fingerprints and seasonnews' reporting."""

    crawler: Crawler

    @classmethod
    def from_spider(cls, spider: Spider) -> Self:
        settings = spider.settings
        server = Redis.from_url(settings.get("REDIS_URL"))
        key = settings.get("SCHEDULER_DUPEFILTER_KEY") % {"spider": spider.name}
        found = cls(server, key=key, debug=settings.getbool("DUPEFILTER_DEBUG"))
        found.crawler = spider.crawler
        return found

    def request_fingerprint(self, request: Request) -> str:
        return self.crawler.request_fingerprinter.fingerprint(request).hex()

    def log(self, request: Request, spider: Spider) -> None:
        report_filtered(self.crawler, request)


class SharedScheduler(Scheduler):
    """scrapy-redis's scheduler, plus in-flight tracking, recovery, sources and idling."""

    crawler: Crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        scheduler = cls.from_settings(crawler.settings)
        scheduler.stats = crawler.stats
        scheduler.crawler = crawler
        settings = crawler.settings
        scheduler.keys = keys(settings.get("SEASONNEWS_REDIS_PREFIX"))
        scheduler.idle_close = settings.getfloat("SEASONNEWS_REDIS_IDLE_CLOSE")
        scheduler.worker = f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        scheduler.held: dict[str, str] = {}  # URL -> fingerprint of this worker's requests
        scheduler.idle_since: float | None = None
        scheduler.stopping = False
        # The engine asks an empty scheduler again only every 5 s: with a shared queue that
        # other workers fill, that leaves this worker idle for seconds. (Private attribute, read
        # when the engine starts, after the scheduler is built.)
        if crawler.engine is not None:
            crawler.engine._SLOT_HEARTBEAT_INTERVAL = POLL_SECONDS
        crawler.signals.connect(scheduler._done, signal=pages_stored)
        crawler.signals.connect(scheduler._idle, signal=signals.spider_idle)
        return scheduler

    # -- lifecycle -------------------------------------------------------------------------

    def open(self, spider: Spider) -> None:
        # scrapy-redis's open(), without its deprecated Spider.log call.
        self.spider = spider
        self.queue = load_object(self.queue_cls)(
            server=self.server, spider=spider, key=self.queue_key % {"spider": spider.name}
        )
        if not self.df:
            self.df = load_object(self.dupefilter_cls).from_spider(spider)
        self.inflight = self.keys["inflight"] + self.worker
        self.alive = self.keys["alive"] + self.worker
        self._beat()
        self.heart = task.LoopingCall(self._beat)
        self.heart.start(HEARTBEAT_SECONDS, now=False)
        self.load_sources()
        logger.info("worker %s sharing the queue %s", self.worker, self.queue.key)

    def close(self, reason: str) -> None:
        if self.heart.running:
            self.heart.stop()
        # Requests still held (a stop mid-crawl): back to the queue, never lost.
        self._requeue(self.inflight)
        self.server.delete(self.alive)
        super().close(reason)

    def _beat(self) -> None:
        self.server.set(self.alive, str(time.time()), ex=ALIVE_SECONDS)
        if not self.stopping and self.server.exists(self.keys["stop"]):
            logger.info("told to stop (`seasonnews seed --stop`): taking no new requests")
            self.stopping = True
        self.recover()

    # -- requests --------------------------------------------------------------------------

    def has_pending_requests(self) -> bool:
        return not self.stopping and super().has_pending_requests()

    def enqueue_request(self, request: Request) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            added = False
        else:
            self.queue.push(request)
            self._count("scheduler/enqueued/redis")
            added = True
        # A redirect's next hop is in the shared queue now (or was seen before): the hops
        # that led to it are done.
        self._done(request.meta.get("redirect_urls", []))
        return added

    def next_request(self) -> Request | None:
        if self.stopping:
            return None
        request = self.queue.pop()
        if request is not None:
            self._count("scheduler/dequeued/redis")
            if site_of(request.url) not in self.spider.sources.sites:
                self.load_sources()  # seeded after this worker started
            fp = self.crawler.request_fingerprinter.fingerprint(request).hex()
            self.server.hset(self.inflight, fp, self.queue._encode_request(request))
            self.held[request.url] = fp
        return request

    def _count(self, name: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(name)

    def _done(self, urls: Iterable[str]) -> None:
        fps = [fp for fp in (self.held.pop(url, None) for url in urls) if fp]
        if fps:
            self.server.hdel(self.inflight, *fps)

    def recover(self) -> int:
        """Move the in-flight requests of dead workers back to the queue; how many."""
        moved = 0
        for key in self.server.scan_iter(match=self.keys["inflight"] + "*"):
            name = key.decode() if isinstance(key, bytes) else key
            worker = name.removeprefix(self.keys["inflight"])
            if worker != self.worker and not self.server.exists(self.keys["alive"] + worker):
                moved += self._requeue(name)
        if moved:
            logger.warning("requeued %d requests of dead workers", moved)
            if self.stats is not None:
                self.stats.inc_value("seasonnews/distributed/recovered", moved)
        return moved

    def _requeue(self, inflight: str) -> int:
        moved = 0
        for fp, data in self.server.hgetall(inflight).items():
            if self.server.hdel(inflight, fp):  # only the worker that removes it requeues it
                self.server.zadd(self.queue.key, {data: 0})
                moved += 1
        return moved

    # -- sources and idling ----------------------------------------------------------------

    def load_sources(self) -> None:
        """Add the shared sources (sites and their patterns) to the spider's."""
        data = self.server.get(self.keys["sources"])
        if data:
            shared = Sources.from_dict(json.loads(data))
            for host, site in shared.sites.items():
                self.spider.sources.sites.setdefault(host, site)

    def _idle(self) -> None:
        self.load_sources()
        if self.stopping or self.server.exists(self.keys["stop"]):
            logger.info("stopping: told to by `seasonnews seed --stop`")
            return
        busy = len(self.queue) > 0 or in_flight(self.server, self.keys)
        now = time.monotonic()
        if busy or self.idle_since is None:
            self.idle_since = now
        if self.idle_close and now - self.idle_since >= self.idle_close:
            logger.info("stopping: no work for %.0f s", now - self.idle_since)
            return
        raise DontCloseSpider


def seed(
    redis_url: str, prefix: str, spider: Any, sources: Sources, *, new_crawl: bool = True
) -> dict[str, int]:
    """Store `sources` for the workers and push their start requests (`spider` builds them).

    `new_crawl`: when nothing is queued or in flight, empty the seen-set first, so that the
    re-crawl policy decides what is fetched again. Returns what was done.
    """
    server = Redis.from_url(redis_url)
    names = keys(prefix, spider.name)
    server.delete(names["stop"])
    running = server.zcard(names["requests"]) > 0 or in_flight(server, names)
    forgotten = 0
    if new_crawl and not running:
        forgotten = int(server.scard(names["seen"]))
        server.delete(names["seen"])
    known = server.get(names["sources"])
    merged = Sources.from_dict(json.loads(known)) if known else Sources()
    for host, site in sources.sites.items():
        merged.sites[host] = site
    server.set(names["sources"], json.dumps(merged.to_dict()))
    queue = PriorityQueue(server, spider, names["requests"])
    pushed = 0
    for request in spider.start_requests_of(sources, again=True):
        queue.push(request)
        pushed += 1
    return {"pushed": pushed, "forgotten": forgotten, "running": int(running)}


def stop(redis_url: str, prefix: str, spider: str = "season_news") -> None:
    """Tell every worker to stop when it next idles."""
    Redis.from_url(redis_url).set(keys(prefix, spider)["stop"], "1")
