"""Find "Also Read"-style related-article blocks in an HTML tree, collect and remove them.

Blogs interleave their article with link blocks such as ``<p>Also Read: <a>Money Heist Season 6
Release Date</a></p>``, a "Related Posts" heading over a list of links, or a plugin container
(Jetpack, YARPP, Contextual Related Posts, ...). :func:`strip_related` returns the links of those
blocks and removes the blocks from the tree so that they do not end up in the article body.

A block qualifies only when its text is essentially a label plus link anchors: an ordinary
paragraph that merely contains a link is never touched.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Any
from urllib.parse import urldefrag, urljoin

from lxml import etree
from lxml.html import HtmlElement

from crawler.extract.types import RelatedLink

_LABELS: tuple[tuple[str, str], ...] = (
    (r"also[\s-]+read|read[\s-]+also", "also_read"),
    (
        # "READ MORE ON RACE ACROSS THE WORLD" (British tabloids), Valnet's "MORE:", a bare
        # "READ:" (only with a colon: both words are ordinary otherwise), "More Bridgerton
        # Coverage" / "More Stories" headings over a list of links.
        r"read[\s-]+more(?:\s+(?:on|from|about)(?:\s+[\w'’&.+-]+){1,6}?)?|see[\s-]+more"
        r"|(?:read|more)(?=\s*:)|more\s+(?:[\w'’&+-]+\s+){0,3}?(?:coverage|news|stories|articles)"
        r"|more\s+on(?:\s+[\w'’&.+-]+){1,5}?(?=\s*$)",  # "MORE ON EASTENDERS" (Mirror)
        "read_more",
    ),
    (r"must[\s-]+reads?|don[’']?t[\s-]+miss", "must_read"),
    (r"you\s+(?:may|might|will|could)\s+(?:also\s+)?(?:like|enjoy)", "you_may_like"),
    (
        r"recommended(?:\s+(?:for\s+you|reading|reads|posts?|articles?|stories|videos?))?",
        "recommended",
    ),
    (
        r"related(?:\s+(?:posts?|articles?|stor(?:y|ies)|news|reads?|reading|content|links?|coverage"
        r"|topics?|videos?))?|see[\s-]+also",
        "related",
    ),
)
_LABEL_ALTERNATION = "|".join(f"(?P<{kind}>{pattern})" for pattern, kind in _LABELS)
_SEPARATOR = r"\s*(?:[:\-–—|»>›]+|\.{3}|…)"
# A label at the start of a text node, followed by a separator or by the end of the node.
LABEL_PREFIX_RE = re.compile(rf"^[\W_]*(?:{_LABEL_ALTERNATION})(?:{_SEPARATOR}|\s*$)", re.I)
# A label with an explicit separator, at the start of an anchor or a line of text.
LABEL_LEAD_RE = re.compile(rf"^[\W_]*(?:{_LABEL_ALTERNATION}){_SEPARATOR}\s*", re.I)
# A text that is nothing but a label.
LABEL_ONLY_RE = re.compile(rf"^[\W_]*(?:{_LABEL_ALTERNATION})[\W_]*$", re.I)
_WORD_RE = re.compile(r"\w+")

_LABEL_STEMS = ("also read", "read also", "also-read", "read more", "must read", "must-read")
_LABEL_STEMS += ("related", "recommended", "also like", "may like", "might like", "also enjoy")
_LABEL_STEMS += ("see more", "see also", "t miss", "read:", "read :", "more:", "more :")
_LABEL_STEMS += ("coverage", "more news", "more stories", "more articles", "more on ")
_MAX_LABEL_TEXT = 400
_ALL_TEXT_EXPR = "//body//text()"
_ALL_MARKERS_EXPR = "//body//@class | //body//@id"
_ALL_TEXT = etree.XPath(_ALL_TEXT_EXPR, smart_strings=False)
_ALL_MARKERS = etree.XPath(_ALL_MARKERS_EXPR, smart_strings=False)
_MAX_POSITIONS = 40
_NON_TEXT_TAGS = frozenset({"script", "style", "noscript", "template"})

# Class/id tokens of related-post containers: WordPress core embeds and common plugins/themes.
_CONTAINER_TOKEN_RE = re.compile(
    r"related|also[-_]?read|read[-_]?also|you[-_]?may[-_]?(?:also[-_]?)?like|must[-_]?read"
    r"|recommended[-_](?:posts?|articles?|stories|reads?)",
    re.I,
)
_CONTAINER_STEMS = ("related", "alsoread", "also-read", "also_read", "readalso", "read-also")
_CONTAINER_STEMS += ("read_also", "you-may", "you_may", "youmay", "must-read", "must_read")
_CONTAINER_STEMS += ("mustread", "recommended", "wp-embedded-content")
_CONTAINER_TAGS = frozenset(
    ["div", "section", "aside", "ul", "ol", "nav", "blockquote", "figure", "p", "footer"]
)
_CONTAINER_KINDS: tuple[tuple[str, str], ...] = (
    ("also", "also_read"),
    ("must", "must_read"),
    ("like", "you_may_like"),
    ("recommended", "recommended"),
)

BLOCK_TAGS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "aside"}
    | {"td", "dd", "dt", "header", "footer", "figure", "figcaption", "ul", "ol", "nav"}
    | {"center", "article", "main", "body"}
)
_NEVER_REMOVE = frozenset({"html", "body", "main", "article"})
_LIST_TAGS = frozenset({"ul", "ol"})
_SKIP_HREF_PREFIXES = ("#", "javascript:", "mailto:", "tel:", "whatsapp:", "sms:")
_ARCHIVE_PATH_RE = re.compile(r"/(?:category|tag|tags|author|page|topics?)/", re.I)
# A tabloid tag closing an anchor: "Happy Valley viewers fume over scene [REACTION]" (Express).
_TRAILING_TAG_RE = re.compile(r"\s*\[[A-Z0-9][A-Z0-9 '’&!-]*\]$")
_MIN_KICKER_REST_WORDS = 3
_MAX_RESIDUAL_WORDS = 3
_MAX_EMPTY_SIBLINGS = 2


@dataclass(slots=True)
class _Group:
    """A set of elements forming one related block, with the label family of its links."""

    elements: list[HtmlElement]
    kind: str


def find_text_nodes(
    tree: HtmlElement, stems: tuple[str, ...], max_length: int
) -> list[etree._ElementUnicodeResult]:
    """Text nodes of <body> shorter than ``max_length`` containing one of the lowercase stems.

    The search runs as plain substring scans over one joined string, far cheaper than an XPath
    string test or a regex per node; only the matching nodes are then materialised.
    """
    texts = _ALL_TEXT(tree)
    indices = [i for i in _matching_indices(texts, stems) if len(texts[i]) < max_length]
    nodes = _select(tree, _ALL_TEXT_EXPR, indices)
    return [node for node in nodes if text_owner(node).tag not in _NON_TEXT_TAGS]


def find_marked_elements(tree: HtmlElement, stems: tuple[str, ...]) -> list[HtmlElement]:
    """Elements of <body> whose class or id contains one of the lowercase stems, in order."""
    indices = _matching_indices(_ALL_MARKERS(tree), stems)
    nodes = _select(tree, _ALL_MARKERS_EXPR, indices)
    elements = {id(el): el for el in (node.getparent() for node in nodes) if el is not None}
    return list(elements.values())


def _matching_indices(strings: list[str], stems: tuple[str, ...]) -> list[int]:
    """Sorted indices of the strings containing at least one stem (case-insensitive)."""
    joined = "\x00".join(strings)
    lowered = joined.lower()
    if len(lowered) != len(joined):  # a rare character whose lowercase is longer
        strings = [string.lower() for string in strings]
        lowered = "\x00".join(strings)
    starts = list(accumulate((len(string) + 1 for string in strings), initial=0))
    hits: set[int] = set()
    for stem in stems:
        position = lowered.find(stem)
        while position != -1:
            index = bisect_right(starts, position) - 1
            hits.add(index)
            position = lowered.find(stem, starts[index + 1])
    return sorted(hits)


def _select(tree: HtmlElement, expression: str, indices: list[int]) -> list[Any]:
    """The nodes at ``indices`` (0-based) of an XPath node-set, in one pass, in order."""
    if not indices:
        return []
    if len(indices) > _MAX_POSITIONS:
        nodes = tree.xpath(expression)
        return [nodes[i] for i in indices]
    positions = " or ".join(f"position() = {i + 1}" for i in indices)
    return tree.xpath(f"({expression})[{positions}]")


def text_owner(node: etree._ElementUnicodeResult) -> HtmlElement:
    """The element whose content a text node is (the parent of a tail's element)."""
    element = node.getparent()
    if node.is_tail and element.getparent() is not None:
        return element.getparent()
    return element


def strip_related(tree: HtmlElement, base_url: str) -> list[RelatedLink]:
    """Collect the links of related-article blocks and remove those blocks from ``tree``.

    Returns the links in document order, one per URL (the first occurrence wins), with
    absolute URLs and whitespace-collapsed anchors.
    """
    containers = _find_containers(tree)
    groups = list(_label_groups(tree, containers))
    consumed = {id(el) for group in groups for el in group.elements}
    groups += [
        group
        for group in containers
        if id(group.elements[0]) not in consumed
        and not _has_ancestor_in(group.elements[0], consumed)
    ]
    groups.sort(key=lambda group: _document_position(group.elements[0]))
    links: dict[str, RelatedLink] = {}
    for group in groups:
        for link in _group_links(group, base_url):
            links.setdefault(link.url, link)
        for element in group.elements:
            _remove(element)
    return list(links.values())


def label_kind(text: str) -> str | None:
    """Label family of a text starting with a related-link label ("Also Read:"), else None."""
    match = LABEL_PREFIX_RE.match(text)
    return match.lastgroup if match else None


def collapse(text: str) -> str:
    """Whitespace-collapsed text."""
    return " ".join(text.split())


def _text(element: HtmlElement) -> str:
    return collapse(element.text_content())


def _find_containers(tree: HtmlElement) -> list[_Group]:
    """Outermost plugin/theme related-post containers that are mostly links."""
    groups: list[_Group] = []
    taken: set[int] = set()
    for element in find_marked_elements(tree, _CONTAINER_STEMS):
        if element.tag not in _CONTAINER_TAGS or _has_ancestor_in(element, taken):
            continue
        kind = _container_kind(element)
        if kind is None or not is_link_dense(element):
            continue
        kind = _heading_kind(element) or kind
        taken.add(id(element))
        groups.append(_Group([element], kind))
    return groups


def _container_kind(element: HtmlElement) -> str | None:
    """Label family of a container from its class/id tokens, None when it is not one."""
    if element.tag == "blockquote" and "wp-embedded-content" in (element.get("class") or ""):
        return "related"
    tokens = f"{element.get('class') or ''} {element.get('id') or ''}".split()
    for token in tokens:
        if not _CONTAINER_TOKEN_RE.search(token):
            continue
        lowered = token.lower()
        if "related" in lowered:
            return "related"
        return next((kind for stem, kind in _CONTAINER_KINDS if stem in lowered), "related")
    return None


def _heading_kind(container: HtmlElement) -> str | None:
    """Label family of the label a container opens with ("You might also like"), if any.

    The visible label is more specific than a plugin's class ("related-posts-widget").
    """
    first = next((text for text in container.itertext() if text.strip()), "")
    return label_kind(first) if LABEL_ONLY_RE.match(first) else None


def _has_ancestor_in(element: HtmlElement, ids: set[int]) -> bool:
    return bool(ids) and any(id(parent) in ids for parent in element.iterancestors())


def _label_groups(tree: HtmlElement, containers: list[_Group]) -> Iterator[_Group]:
    """Blocks introduced by a label text ("Also Read:", "Related Posts", ...)."""
    container_ids = {id(group.elements[0]) for group in containers}
    used: set[int] = set()
    for text in find_text_nodes(tree, _LABEL_STEMS, _MAX_LABEL_TEXT):
        kind = label_kind(str(text))
        if kind is None:
            continue
        block = _block_of(text_owner(text))
        if id(block) in used or _has_ancestor_in(block, used | container_ids):
            continue
        if id(block) in container_ids:
            continue
        group = _group_for_label(block, kind)
        if group is not None:
            used.update(id(el) for el in group.elements)
            yield group


def _block_of(element: HtmlElement) -> HtmlElement:
    """The element itself or its nearest block-level ancestor."""
    current: HtmlElement | None = element
    while current is not None and current.tag not in BLOCK_TAGS:
        current = current.getparent()
    return current if current is not None else element


def _group_for_label(block: HtmlElement, kind: str) -> _Group | None:
    """The related block a label belongs to, or None when the label is ordinary text."""
    if block.tag in _NEVER_REMOVE:
        return None
    text = _text(block)
    if LABEL_ONLY_RE.match(text):
        if block.tag == "li":  # a menu entry such as "Must Read", not a heading
            return None
        label = _climb_label(block, text)
        following = _following_link_blocks(label)
        return _Group([label, *following], kind) if following else None
    if _is_labelled_link_block(block, text):
        return _Group([block], kind)
    return None


def _climb_label(block: HtmlElement, text: str) -> HtmlElement:
    """The outermost wrapper holding nothing but the label (for a heading in a widget box)."""
    current = block
    while current.getnext() is None:
        parent = current.getparent()
        if parent is None or parent.tag in _NEVER_REMOVE or _text(parent) != text:
            break
        current = parent
    return current


def _following_link_blocks(label: HtmlElement) -> list[HtmlElement]:
    """The link-only siblings right after a label block (a list, link paragraphs, a card)."""
    found: list[HtmlElement] = []
    empty = 0
    if _has_words(label.tail):
        return found
    for sibling in label.itersiblings():
        if not isinstance(sibling, HtmlElement):
            continue
        if not _text(sibling) and not _anchors(sibling):
            empty += 1
            if empty > _MAX_EMPTY_SIBLINGS:
                break
            continue
        if not _is_link_only(sibling):
            break
        found.append(sibling)
        if sibling.tag in _LIST_TAGS or _has_words(sibling.tail):
            break
    return found


def _has_words(text: str | None) -> bool:
    return bool(text and _WORD_RE.search(text))


def _is_labelled_link_block(block: HtmlElement, text: str) -> bool:
    """A block made of a label and link anchors only ("Also Read: <a>X</a>")."""
    lead = LABEL_LEAD_RE.match(text) or LABEL_PREFIX_RE.match(text)
    rest = text[lead.end() :] if lead else text
    return _only_anchors(block, rest)


def _is_link_only(element: HtmlElement) -> bool:
    """A block whose text is link anchors only (a list of links, a link paragraph, a card)."""
    if element.tag in _NEVER_REMOVE or element.tag in {"h1", "table"}:
        return False
    if element.tag in _LIST_TAGS or element.tag == "div":
        return is_link_dense(element) and bool(_anchors(element))
    return _only_anchors(element, _text(element))


def _only_anchors(element: HtmlElement, text: str) -> bool:
    """True when ``text`` minus the anchors of ``element`` leaves at most a few words."""
    anchors = [_text(a) for a in _anchors(element)]
    anchors = [a for a in anchors if a and not LABEL_ONLY_RE.match(a)]
    if not anchors:
        return False
    rest = text
    for anchor in anchors:
        rest = rest.replace(LABEL_LEAD_RE.sub("", anchor), " ", 1)
    return len(_WORD_RE.findall(rest)) <= _MAX_RESIDUAL_WORDS


def is_link_dense(element: HtmlElement) -> bool:
    """Mostly links: text outside anchors is small next to the anchor text (cards allowed)."""
    if element.find(".//h1") is not None:
        return False
    total = len(_text(element))
    linked = sum(len(_text(a)) for a in _anchors(element))
    return linked > 0 and total - linked <= max(300, 2 * linked)


def _anchors(element: HtmlElement) -> list[HtmlElement]:
    found = element.findall(".//a[@href]")
    if element.tag == "a" and element.get("href"):
        found.insert(0, element)
    return found


def _group_links(group: _Group, base_url: str) -> Iterator[RelatedLink]:
    """Links of a block: absolute URL, anchor without its label, in document order."""
    page = urldefrag(base_url)[0]
    for element in group.elements:
        for url, anchor in _element_links(element, base_url):
            if url != page:
                yield RelatedLink(url=url, anchor=anchor, kind=group.kind)


def _element_links(element: HtmlElement, base_url: str) -> Iterable[tuple[str, str]]:
    """(absolute URL, anchor) per article link, the first non-empty anchor of each URL."""
    found: dict[str, str] = {}
    for anchor in _anchors(element):
        href = (anchor.get("href") or "").strip()
        if not href or href.lower().startswith(_SKIP_HREF_PREFIXES):
            continue
        url = urljoin(base_url, href)
        if _ARCHIVE_PATH_RE.search(url.split("?", 1)[0]):
            continue
        text = _TRAILING_TAG_RE.sub("", LABEL_LEAD_RE.sub("", _anchor_text(anchor))).strip()
        if LABEL_ONLY_RE.match(text):
            text = ""
        if not text:
            text = collapse(anchor.get("title") or _image_alt(anchor))
        if not found.get(url):
            found[url] = text
    return found.items()


def _anchor_text(anchor: HtmlElement) -> str:
    """Anchor text without a leading all-caps kicker element ("<span>MEET THE CAST</span> ...").

    Tabloids (The Sun, Mirror) open each related headline with a shouted kicker in its own
    element; it is a label, not part of the linked headline.
    """
    text = _text(anchor)
    if (anchor.text or "").strip() or not len(anchor):
        return text
    kicker = _text(anchor[0])
    rest = text[len(kicker) :].strip() if text.startswith(kicker) else ""
    if kicker.isupper() and len(rest.split()) >= _MIN_KICKER_REST_WORDS and not rest.isupper():
        return rest
    return text


def _image_alt(anchor: HtmlElement) -> str:
    image = anchor.find(".//img[@alt]")
    return image.get("alt", "") if image is not None else ""


def _document_position(element: HtmlElement) -> float:
    """Index of an element in document order (count of elements opened before it)."""
    return float(element.xpath("count(preceding::*) + count(ancestor::*)"))


def _remove(element: HtmlElement) -> None:
    """Detach an element from the tree, keeping its tail text in place."""
    if element.getparent() is not None:
        element.drop_tree()
