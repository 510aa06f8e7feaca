"""Crawl sources: start URLs, sitemaps and feeds, from the command line or a TOML file."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crawler.extract.urls import site_of


class SourcesError(ValueError):
    """A sources file or a start URL is unusable."""


@dataclass(slots=True)
class Site:
    """One site to crawl and the URL patterns that bound it."""

    host: str
    allow: list[re.Pattern[str]] = field(default_factory=list)
    deny: list[re.Pattern[str]] = field(default_factory=list)


@dataclass(slots=True)
class Sources:
    """Everything a crawl starts from."""

    urls: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    sites: dict[str, Site] = field(default_factory=dict)

    def add(self, kind: str, urls: Iterable[str]) -> None:
        """Add start URLs of a kind (urls, sitemaps, feeds); their hosts become crawlable."""
        for url in urls:
            check_url(url)
            getattr(self, kind).append(url)
            self.sites.setdefault(site_of(url), Site(host=site_of(url)))

    def allow_hosts(self, hosts: Iterable[str]) -> None:
        """Also follow links to these hosts."""
        for host in hosts:
            self.sites.setdefault(host.lower(), Site(host=host.lower()))

    def is_empty(self) -> bool:
        return not (self.urls or self.sitemaps or self.feeds)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-safe), for the workers of a distributed crawl."""
        return {
            "urls": self.urls,
            "sitemaps": self.sitemaps,
            "feeds": self.feeds,
            "sites": [
                {
                    "host": site.host,
                    "allow": [p.pattern for p in site.allow],
                    "deny": [p.pattern for p in site.deny],
                }
                for site in self.sites.values()
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sources:
        """Inverse of `to_dict`."""
        return cls(
            urls=list(data.get("urls", [])),
            sitemaps=list(data.get("sitemaps", [])),
            feeds=list(data.get("feeds", [])),
            sites={
                site["host"]: Site(
                    host=site["host"],
                    allow=[re.compile(p) for p in site.get("allow", [])],
                    deny=[re.compile(p) for p in site.get("deny", [])],
                )
                for site in data.get("sites", [])
            },
        )


def check_url(url: str) -> str:
    """Raise SourcesError unless `url` is an absolute http(s) URL."""
    if not re.match(r"^https?://[^/\s]+", url):
        raise SourcesError(f"not an absolute http(s) URL: {url!r}")
    return url


def split_arg(value: str | Iterable[str] | None) -> list[str]:
    """`-a url=a,b` strings or lists from the CLI, as a list."""
    if value is None:
        return []
    if isinstance(value, str):
        return [v for v in re.split(r"[,\s]+", value) if v]
    return [v for v in value if v]


def load_sources(path: str | Path, into: Sources | None = None) -> Sources:
    """Read a TOML sources file::

    [[site]]
    urls = ["https://example.com/"]
    sitemaps = ["https://example.com/sitemap_index.xml"]
    feeds = ["https://example.com/feed/"]
    allow = ["/20\\d\\d/"]
    deny = ["/tag/"]
    """
    sources = into or Sources()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise SourcesError(f"cannot read sources file {path}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"invalid TOML in {path}: {exc}") from exc
    entries = data.get("site", [])
    if not isinstance(entries, list) or not entries:
        raise SourcesError(f"{path}: no [[site]] entries")
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise SourcesError(f"{path}: site #{number} is not a table")
        unknown = set(entry) - {"name", "urls", "sitemaps", "feeds", "allow", "deny"}
        if unknown:
            raise SourcesError(f"{path}: site #{number}: unknown keys {sorted(unknown)}")
        before = set(sources.sites)
        for kind in ("urls", "sitemaps", "feeds"):
            sources.add(kind, split_arg(entry.get(kind)))
        try:
            allow = [re.compile(p) for p in entry.get("allow", [])]
            deny = [re.compile(p) for p in entry.get("deny", [])]
        except re.error as exc:
            raise SourcesError(f"{path}: site #{number}: bad pattern: {exc}") from exc
        for host in set(sources.sites) - before or set():
            sources.sites[host].allow.extend(allow)
            sources.sites[host].deny.extend(deny)
    return sources
