"""Scrapy settings for seasonnews: polite, bounded and safe by default.

Every seasonnews component is switched on here; override any of them with `-s NAME=VALUE`.
"""

from __future__ import annotations

import os

BOT_NAME = "seasonnews"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# -- seasonnews --------------------------------------------------------------------------
SEASONNEWS_DB = os.environ.get("SEASONNEWS_DB", "sqlite:///seasonnews.db")
"""Database URL (any SQLAlchemy URL); the CLI's --db overrides it."""
SEASONNEWS_CONTACT_URL = "https://github.com/seasonnews/seasonnews"
"""Where site owners learn who crawls them; part of the user agent."""
SEASONNEWS_JOBDIR = ""
"""Folder of the crash-safe crawl journal (resume after a kill); empty: no journal."""
SEASONNEWS_EXTRACT_WORKERS = os.cpu_count() or 1
"""Extraction processes (0: extract in a thread of the crawler process)."""
SEASONNEWS_BATCH_SIZE = 50
"""Articles written per database transaction."""
SEASONNEWS_FLUSH_SECONDS = 2.0
"""Longest time an extracted article waits before it is written."""
SEASONNEWS_FOLLOW_ALL = False
"""Follow every same-site link, not only season-news links and listings."""
SEASONNEWS_CONDITIONAL = True
"""Send stored ETag / Last-Modified back on re-crawl; a 304 costs no extraction (conditional.py)."""
SEASONNEWS_REDIS_URL = ""
"""Redis URL of a crawl shared by many workers (crawler/distributed.py); empty: one process."""
SEASONNEWS_REDIS_PREFIX = "seasonnews"
"""Prefix of the shared crawl's Redis keys (one per independent distributed crawl)."""
SEASONNEWS_REDIS_IDLE_CLOSE = 300
"""A worker stops once the queue and every worker's in-flight requests stayed empty this long
(seconds; 0: never)."""
SEASONNEWS_RECRAWL = True
"""Re-crawl policy (recrawl.py): fetch a known article page again only when it is due; a sitemap
<lastmod> no newer than our last fetch skips it. False: fetch every page (conditionally)."""
SEASONNEWS_RECRAWL_RECENT_DAYS = 30
"""Pages published or changed fewer days ago than this are "recent"..."""
SEASONNEWS_RECRAWL_RECENT_HOURS = 20
"""...and are fetched again after this many hours (a daily schedule revisits them every run)."""
SEASONNEWS_RECRAWL_OLD_DAYS = 365
"""Pages older than recent but younger than this are "stable"..."""
SEASONNEWS_RECRAWL_STABLE_HOURS = 7 * 24
"""...and are fetched again after this many hours (a week)."""
SEASONNEWS_RECRAWL_OLD_HOURS = 30 * 24
"""Older pages are fetched again after this many hours (a month)."""
SEASONNEWS_LOCK_WAIT = False
"""When another crawl holds the database: wait for it (True) or stop at once with the finish
reason `database_busy` (False). See crawler/lockext.py."""
SEASONNEWS_LOCK_HELD = False
"""Set by a caller that holds the database's crawl lock itself (the seasonnews CLI), never by
hand: the lock extension is then off."""

# -- manners -----------------------------------------------------------------------------
USER_AGENT = f"seasonnews/0.1 (+{SEASONNEWS_CONTACT_URL})"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 8
DOWNLOAD_DELAY = 0.5
DOWNLOAD_DELAY_JITTER = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 5 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 5
DEPTH_LIMIT = 4
DEPTH_PRIORITY = 1
# Items of one response are few (links become requests, one article); Scrapy's default of 100
# concurrent item tasks per response costs more CPU than it saves.
CONCURRENT_ITEMS = 4
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
# 4xx/5xx responses reach the spider's errback as HttpError and are recorded with their status.

# -- components --------------------------------------------------------------------------
DUPEFILTER_CLASS = "crawler.frontier.JournalDupeFilter"
DOWNLOADER_MIDDLEWARES = {
    "crawler.conditional.ConditionalRequestsMiddleware": 580,
}
SPIDER_MIDDLEWARES = {
    "crawler.recrawl.RecrawlPolicyMiddleware": 900,
    "crawler.frontier.JournalSpiderMiddleware": 950,
}
ITEM_PIPELINES = {
    "crawler.pipelines.ValidatePipeline": 100,
    "crawler.pipelines.NormalizePipeline": 200,
    "crawler.pipelines.DedupePipeline": 300,
    "crawler.pipelines.StorePipeline": 900,
}
SCHEDULER_PRIORITY_QUEUE = "scrapy.pqueues.DownloaderAwarePriorityQueue"
ADDONS = {"crawler.distributed.SharedFrontier": 0}  # the Redis frontier, when switched on
EXTENSIONS = {
    "crawler.lockext.CrawlLock": 0,  # one crawl per database, on every crawl path
}

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
