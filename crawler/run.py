"""Running the spider in-process with the project's settings."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.spiders.season_news import SeasonNewsSpider


def project_settings(overrides: dict[str, Any] | None = None) -> Settings:
    """crawler.settings with command-line overrides on top."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


def run_crawl(
    db_url: str,
    spider_args: dict[str, Any],
    jobdir: str | None = None,
    overrides: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Crawl until done; returns Scrapy's final stats (with `finish_reason`)."""
    settings = project_settings(overrides)
    settings.set("SEASONNEWS_DB", db_url, priority="cmdline")
    if jobdir:
        settings.set("SEASONNEWS_JOBDIR", jobdir, priority="cmdline")
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(SeasonNewsSpider)
    process.crawl(crawler, **{k: v for k, v in spider_args.items() if v})
    process.start()
    return crawler.stats.get_stats() if crawler.stats else {}
