"""Which links a season-news crawl follows (pure functions, used by the spider)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

# A link is season news when its URL or its anchor says so.
_SEASON_WORDS = re.compile(
    r"\b(?:season|series|s\d{1,2}|renew(?:ed|al|s)?|cancel(?:led|ed|s)?|release[- ]date|"
    r"premiere|returning|return|trailer|cast|episodes?|part[- ]\d|spin[- ]?off|sequel)\b",
    re.IGNORECASE,
)
# Listings that lead to more articles.
_LISTING = re.compile(
    r"/(?:category|categories|tag|tags|topics?|section|archives?|author|news|page)/|[?&]page=\d",
    re.IGNORECASE,
)
# Never worth fetching.
_SKIP_PATH = re.compile(
    r"/(?:wp-admin|wp-login\.php|wp-json|xmlrpc\.php|cart|checkout|login|register|"
    r"my-account|comments/feed|trackback|embed)(?:/|$)|/feed/?$|"
    r"\.(?:jpe?g|png|gif|webp|svg|ico|css|js|mp[34]|zip|gz|woff2?|ttf)$",
    re.IGNORECASE,
)
_SKIP_QUERY = re.compile(r"(?:^|&)(?:replytocom|share|action|s)=", re.IGNORECASE)


def is_crawlable(url: str) -> bool:
    """http(s) and not an admin, login, share, comment-feed or static-asset URL."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return False
    return not (_SKIP_PATH.search(parts.path) or _SKIP_QUERY.search(parts.query))


def is_season_link(url: str, anchor: str) -> bool:
    """The URL slug or the anchor text is about a season, renewal, release date, cast..."""
    slug = urlsplit(url).path.replace("-", " ").replace("_", " ")
    return bool(_SEASON_WORDS.search(slug) or _SEASON_WORDS.search(anchor))


def is_listing(url: str) -> bool:
    """A category, tag, archive or pagination page."""
    return bool(_LISTING.search(urlsplit(url).path + "?" + urlsplit(url).query))


def matches(url: str, allow: Sequence[re.Pattern[str]], deny: Sequence[re.Pattern[str]]) -> bool:
    """Per-site allow/deny patterns: denied when any deny matches; else allowed when no
    allow pattern is set or one matches."""
    if any(p.search(url) for p in deny):
        return False
    return not allow or any(p.search(url) for p in allow)
