"""Article body, metadata and related links of one HTML page.

The page is parsed once. Metadata that cleaning could destroy (canonical URL, dates, tags) is read
first, then related-article blocks and blog boilerplate are removed from the tree, and trafilatura
extracts the body text from the cleaned tree. A last pass drops any "Also Read: ..." line left.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import suppress
from copy import deepcopy
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Any, NamedTuple
from urllib.parse import urljoin

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.metadata import examine_meta, extract_meta_json, extract_title
from trafilatura.settings import Document

from crawler.extract.boilerplate import strip_boilerplate
from crawler.extract.html import parse_html
from crawler.extract.related import LABEL_LEAD_RE, LABEL_ONLY_RE, collapse, strip_related
from crawler.extract.types import Metadata, RelatedLink

TRAFILATURA_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "fast": True,
    "favor_recall": True,
}
"""Keyword arguments of the body extraction (chosen on the AEB benchmark, see bench/aeb_eval)."""
SHORT_BODY_RATIO = 0.5
"""A fast-path body shorter than this share of the page's prose is re-extracted in full."""
PROSE_PARAGRAPH_CHARS = 80
SAME_ARTICLE_SHARE = 0.8
DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}
"""htmldate parameters: the fast search, publication rather than update date."""

INERT_TAGS = ("style", "svg", "noscript", "template", "iframe", "link", "object", "embed")
INERT_TAGS += ("canvas", "video", "audio", "picture")
"""Elements removed before trafilatura runs (it would discard them anyway)."""
MAX_RELATED_LINE_WORDS = 25
HEADLINE_LINES = 3
MAX_DATELINE_WORDS = 15
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_RE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2})\b",
    re.I,
)
_DATELINE_MARKER_RE = re.compile(
    r"\b(?:published|updated|posted|modified|last updated|written by|by)\b", re.I
)
_DATE_FILLER_RE = re.compile(
    r"\d+|am|pm|[ap]\.m|utc|gmt|et|ist|(?:mon|tues|wednes|thurs|fri|satur|sun)day|on|at", re.I
)
_SCRIPT_XPATH = etree.XPath("//script[not(@type='application/ld+json')]")
_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_LANG_RE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")
_WORD_RE = re.compile(r"\w+")
_ARTICLE_TYPES = ("article", "posting", "report", "review")

_PUBLISHED_XPATH = etree.XPath(
    "//head/meta[@property='article:published_time' or @name='article:published_time'"
    " or @property='og:published_time' or @itemprop='datePublished' or @name='pubdate'"
    " or @name='publish-date' or @name='date' or @name='dc.date.issued'][@content]/@content"
    " | //*[@itemprop='datePublished'][@datetime or @content]/@*[name()='datetime' or "
    "name()='content'] | //time[contains(concat(' ', @class, ' '), ' published ')]/@datetime"
)
_MODIFIED_XPATH = etree.XPath(
    "//head/meta[@property='article:modified_time' or @name='article:modified_time'"
    " or @property='og:updated_time' or @itemprop='dateModified' or @name='last-modified'"
    " or @name='dc.date.modified'][@content]/@content"
    " | //*[@itemprop='dateModified'][@datetime or @content]/@*[name()='datetime' or "
    "name()='content'] | //time[contains(concat(' ', @class, ' '), ' updated ')]/@datetime"
)
_JSON_LD_XPATH = etree.XPath("//script[@type='application/ld+json']/text()")
_CANONICAL_XPATH = etree.XPath(
    "//link[contains(concat(' ', translate(normalize-space(@rel), 'CANONICAL', 'canonical'),"
    " ' '), ' canonical ')]/@href"
)
_OG_URL_XPATH = etree.XPath("//head/meta[@property='og:url']/@content")
_LANG_XPATH = etree.XPath(
    "/html/@lang | /html/@xml:lang | //head/meta[translate(@http-equiv, 'CONTENT-LANGUAGE',"
    " 'content-language')='content-language']/@content"
    " | //head/meta[@property='og:locale']/@content"
)
_AUTHOR_XPATH = etree.XPath(
    "(//a[contains(concat(' ', @rel, ' '), ' author ')] | //*[@itemprop='author']"
    " | //*[contains(concat(' ', @class, ' '), ' byline ')]"
    " | //*[contains(concat(' ', @class, ' '), ' author-name ')]"
    " | //*[contains(concat(' ', @class, ' '), ' fn ')][ancestor::*[contains(@class, 'author')]]"
    " | //a[contains(@href, '/author/')])"
)
_CATEGORY_LINK_XPATH = etree.XPath("//a[contains(concat(' ', @rel, ' '), ' category ')]")
_TAG_LINK_XPATH = etree.XPath("//a[normalize-space(@rel)='tag']")
_MAX_AUTHOR_LENGTH = 80


class BodyResult(NamedTuple):
    """What :func:`extract_body` returns (unpacks as ``body, metadata, related``)."""

    body: str
    """Main text, related-link blocks and blog boilerplate removed; "" when none was found."""
    metadata: Metadata
    """Title, author, dates, site name, language, categories, tags, image, canonical URL."""
    related: list[RelatedLink]
    """"Also Read"-style links in document order, one per URL."""


def extract_body(html: str | bytes, url: str) -> BodyResult:
    """Body text, metadata and related links of an HTML page.

    Raises ValueError only for a document without any markup (see ``parse_html``).
    """
    return extract_body_tree(parse_html(html, url), url)


def extract_body_tree(tree: HtmlElement, url: str) -> BodyResult:
    """Like :func:`extract_body` on an already parsed tree, which is cleaned in place."""
    metadata = read_metadata(tree, url)
    headlines = [metadata.title or "", *(collapse(h1.text_content()) for h1 in tree.iter("h1"))]
    related = strip_related(tree, url)
    strip_boilerplate(tree)
    prune_inert(tree)
    body = drop_dateline(drop_headline(body_text(tree, url), headlines))
    body = drop_lines(body, {url, metadata.canonical_url or url})
    return BodyResult(body, metadata, related)


def prune_inert(tree: HtmlElement) -> None:
    """Drop scripts (JSON-LD kept), styles, SVG, embeds and media: never body text.

    Trafilatura discards them too, but only after copying the tree several times; removing
    them first makes every copy and pass cheaper.
    """
    for script in _SCRIPT_XPATH(tree):
        script.drop_tree()
    etree.strip_elements(tree, *INERT_TAGS, with_tail=False)


def body_text(tree: HtmlElement, url: str) -> str:
    """Trafilatura's main text of a (cleaned) tree, without leftover related-link lines."""
    paragraphs = _prose_paragraphs(tree)
    text = _trafilatura_text(tree, url, fast=True)
    if len(text) < SHORT_BODY_RATIO * sum(len(t) for _, t in paragraphs):
        # Broken markup (a stray </div>, an unclosed table) can hide most of the article from
        # the fast path; trafilatura's fallback extractors recover it. Their extra text is
        # taken only when it is prose of the same <article> as what the fast path found, not
        # teasers of other posts.
        fuller = _trafilatura_text(tree, url, fast=False)
        if _adds_same_article_prose(paragraphs, text, fuller):
            text = fuller
    return drop_related_lines(text)


def _adds_same_article_prose(
    paragraphs: list[tuple[HtmlElement, str]], text: str, fuller: str
) -> bool:
    found, more = " ".join(text.split()), " ".join(fuller.split())
    covered = [p for p, t in paragraphs if t[:60] in found]
    added = [(p, t) for p, t in paragraphs if t[:60] in more and t[:60] not in found]
    if not covered or not added:
        return False
    home = next((a for a in covered[0].iterancestors("article")), None)
    if home is None:
        return False
    inside = sum(len(t) for p, t in added if home in set(p.iterancestors("article")))
    return inside >= SAME_ARTICLE_SHARE * sum(len(t) for _, t in added)


def _trafilatura_text(tree: HtmlElement, url: str, *, fast: bool) -> str:
    options = {**TRAFILATURA_OPTIONS, "fast": fast}
    try:
        document = trafilatura.bare_extraction(deepcopy(tree), url=url, **options)
    except (TypeError, ValueError, etree.LxmlError):
        return ""
    return getattr(document, "text", None) or ""


def _prose_paragraphs(tree: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """The page's prose paragraphs (<p> of 80 characters or more) with their text."""
    found = []
    for paragraph in tree.iter("p"):
        text = " ".join(paragraph.text_content().split())
        if len(text) >= PROSE_PARAGRAPH_CHARS:
            found.append((paragraph, text))
    return found


def drop_related_lines(text: str) -> str:
    """Remove lines that are a related-link label ("Related Posts") or "Also Read: <title>"."""
    kept = [line for line in text.splitlines() if not _is_related_line(line)]
    return "\n".join(kept).strip()


def drop_headline(text: str, headlines: list[str]) -> str:
    """Remove the headline (title or h1) when it opens the body: it is metadata, not body."""
    keys = {key for key in map(_words_key, headlines) if key}
    lines = text.splitlines()
    head = [line for line in lines[:HEADLINE_LINES] if _words_key(line) not in keys]
    return "\n".join(head + lines[HEADLINE_LINES:]).strip()


def drop_lines(text: str, unwanted: set[str]) -> str:
    """Remove the lines equal to one of ``unwanted`` (such as the page's own URL)."""
    return "\n".join(line for line in text.splitlines() if line.strip() not in unwanted)


def drop_dateline(text: str) -> str:
    """Remove date/byline lines ("Updated: January 28, 2022 10:30 am") opening the body."""
    lines = text.splitlines()
    head = [line for line in lines[:HEADLINE_LINES] if not is_dateline(line)]
    return "\n".join(head + lines[HEADLINE_LINES:]).strip()


def is_dateline(line: str) -> bool:
    """A short line made of a date plus at most a byline marker, time or weekday."""
    words = _WORD_RE.findall(line)
    if not words or len(words) > MAX_DATELINE_WORDS or not _DATE_RE.search(line):
        return False
    if _DATELINE_MARKER_RE.search(line):
        return True
    rest = _WORD_RE.findall(_DATE_RE.sub(" ", line))
    return sum(1 for word in rest if not _DATE_FILLER_RE.fullmatch(word)) == 0


def _words_key(text: str) -> str:
    """Comparison key of a text: its lowercase words."""
    return " ".join(_WORD_RE.findall(text.lower()))


def _is_related_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if LABEL_ONLY_RE.match(stripped):
        return True
    lead = LABEL_LEAD_RE.match(stripped)
    return bool(lead) and len(_WORD_RE.findall(stripped[lead.end() :])) <= MAX_RELATED_LINE_WORDS


def read_metadata(tree: HtmlElement, url: str) -> Metadata:
    """Metadata from meta tags, JSON-LD and markup; read before the tree is cleaned."""
    document = _trafilatura_meta(tree)
    json_ld = list(_json_ld_nodes(tree))
    published = _first_date(_PUBLISHED_XPATH(tree)) or _json_ld_date(json_ld, "datePublished")
    if published is None:
        published = _iso_date(find_date(tree, url=url, **DATE_PARAMS) or "")
    modified = _first_date(_MODIFIED_XPATH(tree)) or _json_ld_date(json_ld, "dateModified")
    return Metadata(
        title=document.title or None,
        author=document.author or _author_fallback(tree),
        published=published,
        modified=modified,
        sitename=document.sitename or None,
        language=_language(tree),
        categories=list(document.categories or []) or _link_texts(_CATEGORY_LINK_XPATH(tree)),
        tags=list(document.tags or []) or _link_texts(_TAG_LINK_XPATH(tree)),
        image=urljoin(url, document.image) if document.image else None,
        canonical_url=canonical_url(tree, url),
        description=document.description or None,
    )


def canonical_url(tree: HtmlElement, url: str) -> str | None:
    """Absolute URL of <link rel=canonical>, else of og:url, else None."""
    for href in [*_CANONICAL_XPATH(tree), *_OG_URL_XPATH(tree)]:
        if href.strip():
            return urljoin(url, href.strip())
    return None


def _trafilatura_meta(tree: HtmlElement) -> Document:
    """Trafilatura's cheap metadata readers: meta tags, JSON-LD, then the title markup."""
    document = examine_meta(tree)
    if document.author and " " not in document.author:
        document.author = None  # a handle or a single word, as trafilatura does
    with suppress(Exception):  # trafilatura's JSON-LD reader has known crashes
        document = extract_meta_json(tree, document)
    if not document.title:
        document.title = extract_title(tree)
    document.clean_and_trim()
    return document


def _author_fallback(tree: HtmlElement) -> str | None:
    """Author from byline markup (rel=author, itemprop=author, .byline, /author/ links)."""
    for element in _AUTHOR_XPATH(tree):
        text = collapse(element.text_content())
        text = re.sub(r"^(?:by|written by|posted by|author:?)\s+", "", text, flags=re.I)
        if 2 < len(text) <= _MAX_AUTHOR_LENGTH:
            return text
    return None


def _link_texts(elements: list[HtmlElement]) -> list[str]:
    """Distinct non-empty link texts in document order."""
    texts = (collapse(element.text_content()) for element in elements)
    return list(dict.fromkeys(text for text in texts if text))


def _language(tree: HtmlElement) -> str | None:
    """Primary language subtag from <html lang>, Content-Language or og:locale."""
    for value in _LANG_XPATH(tree):
        match = _LANG_RE.match(value.strip().split(",")[0].strip())
        if match:
            return match[1].lower()
    return None


def _json_ld_nodes(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Every JSON object found in the page's JSON-LD scripts (@graph flattened)."""
    for script in _JSON_LD_XPATH(tree):
        try:
            data = json.loads(script, strict=False)
        except ValueError:
            continue
        yield from _walk_json(data)


def _walk_json(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _walk_json(item)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _walk_json(graph)


def _json_ld_date(nodes: list[dict[str, Any]], key: str) -> str | None:
    """A JSON-LD date, from an Article-like node first, then from any node."""
    article_nodes = [node for node in nodes if _is_article(node)]
    for node in [*article_nodes, *nodes]:
        value = node.get(key)
        if isinstance(value, str) and (found := _iso_date(value)):
            return found
    return None


def _is_article(node: dict[str, Any]) -> bool:
    types = node.get("@type")
    names = types if isinstance(types, list) else [types]
    return any(isinstance(n, str) and n.lower().endswith(_ARTICLE_TYPES) for n in names)


def _first_date(values: list[str]) -> str | None:
    return next((found for value in values if (found := _iso_date(value))), None)


def _iso_date(value: str) -> str | None:
    """YYYY-MM-DD of an ISO 8601 or RFC 2822 date string, None when it is not a valid date."""
    value = value.strip()
    match = _ISO_DATE_RE.match(value)
    try:
        if match:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        return parsedate_to_datetime(value).date().isoformat() if value else None
    except (ValueError, TypeError, IndexError):
        return None
