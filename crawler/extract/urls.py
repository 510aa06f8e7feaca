"""URL normalisation: one key per article URL (pure, no network)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

import courlan
from w3lib.url import canonicalize_url, safe_url_string

# "/post/amp/", "/post/amp", "/amp/post/": AMP variants of the same article.
_AMP_SEGMENT = re.compile(r"(?:/amp)+(?=/|$)", re.IGNORECASE)


def normalize_url(url: str, *, strip_amp: bool = True) -> str:
    """Key form of a URL: lower-case host, no default port, fragment, tracking parameters
    (utm_*, fbclid, ...), AMP segment or trailing slash; query arguments sorted.

    Raises ValueError for anything that is not an absolute http(s) URL.
    """
    url = safe_url_string(url.strip())
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an absolute http(s) URL: {url!r}")
    cleaned = courlan.normalize_url(url, strict=True, trailing_slash=False)
    parts = urlsplit(canonicalize_url(cleaned, keep_fragments=False))
    path = (_AMP_SEGMENT.sub("", parts.path) if strip_amp else parts.path) or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


def url_key(url: str) -> str | None:
    """A fetched URL as `article_urls` stores it (AMP segment kept), or None when unusable."""
    try:
        return normalize_url(url, strip_amp=False)
    except ValueError:
        return None


def site_of(url: str) -> str:
    """The host (with port when not the default) an URL belongs to."""
    parts = urlsplit(url)
    return (parts.netloc or "").lower().removeprefix("www.")


def same_site(url: str, other: str) -> bool:
    """Whether two URLs are on the same host (ignoring a leading www.)."""
    return site_of(url) == site_of(other)
