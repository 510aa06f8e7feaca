"""Remove blog boilerplate that trafilatura tends to keep in the article body.

Share bars, Jetpack "Like this:" blocks, author boxes, comment sections and forms, newsletter
sign-ups, post navigation, tag clouds and breadcrumbs. Removal is keyed on class/id tokens of
well-known themes and plugins, and on exact short label texts ("Share this:", "Leave a Reply");
long paragraphs are never inspected, so article text cannot be removed by accident.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from crawler.extract.related import (
    find_marked_elements,
    find_text_nodes,
    is_link_dense,
    text_owner,
)
from crawler.extract.text import word_set as _words

# Exact class/id tokens (lowercase) of boilerplate containers.
_EXACT_TOKENS = _words(
    """
    sharedaddy sd-sharing-enabled sd-sharing sd-like sd-block sd-social share-this
    jetpack-likes-widget-wrapper post-likes-widget-placeholder likes-widget-placeholder
    addtoany_share_save_accessible addtoany_list addtoany_content a2a_kit
    social-share social-sharing social-share-buttons share-buttons sharing-buttons share-bar
    post-share entry-share share-post share-links share-box sharebox td-post-sharing
    td-post-sharing-top td-post-sharing-bottom jeg_share_button jeg_share_top_container
    jeg_share_bottom_container tie-share-buttons share-buttons-bottom share-buttons-top
    shared-counts-wrap post-social wp-block-jetpack-sharing-buttons
    author-box author-bio about-author authorbox author-info-box post-author-box
    td-author-box author-box-wrap saboxplugin-wrap abh_box entry-author-box
    ast-author-box gp-author-box jeg_authorbox
    comments comments-area comment-respond comment-list commentlist comment-form
    comments-section comments-wrapper comments-title comment-reply-title comments-link
    respond reply-title commentform disqus_thread wpdiscuz_top_clearing td-comments-title
    jeg_comments leave-comment
    newsletter newsletter-signup newsletter-form newsletter-box subscribe-box
    subscription-form jetpack_subscription_widget wp-block-jetpack-subscriptions
    post-navigation posts-navigation nav-links nav-previous nav-next post-nav
    single-post-nav post-nav-links td-post-next-prev jeg_prevnext_post navigation-post
    tagcloud tag-cloud wp-block-tag-cloud tags-links post-tags entry-tags tag-links
    td-post-source-tags td-tags jeg_post_tags post-tags-wrap tagged-with
    breadcrumb breadcrumbs yoast-breadcrumbs rank-math-breadcrumb td-crumb-container
    entry-crumbs jeg_breadcrumbs
    entry-meta post-meta single-post-meta td-module-meta-info
    toc_container lwptoc wp-block-rank-math-toc-block table-of-contents
    """
)
# Token prefixes of plugin namespaces that only ever mark boilerplate.
_TOKEN_PREFIXES = (
    "sharedaddy",
    "addtoany",
    "a2a_",
    "heateor",
    "essb_",
    "swp_social_panel",
    "mashsb",
    "jp-sharing",
    "saboxplugin",
    "wpdiscuz",
    "mc4wp",
    "newsletter-",
    "social-share",
    "share-buttons",
    "breadcrumb",
    "ez-toc",
)
_TOKEN_STEMS = tuple(sorted(_EXACT_TOKENS)) + _TOKEN_PREFIXES
"""Substrings searched in class/id values: the tokens themselves (then checked exactly)."""
# Class/id tokens of link-list widgets ("Latest News", "Trending"), removed when mostly links.
_LINK_WIDGET_RE = re.compile(
    r"latest[-_]?(?:news|posts|stories|articles)|recent[-_]?(?:posts|entries|news|articles)"
    r"|popular[-_]?(?:posts|news|stories|articles)|most[-_]?(?:popular|read|viewed|shared)"
    r"|trending|more[-_]?(?:stories|news|articles)|read[-_]?next|up[-_]?next",
    re.I,
)
_WIDGET_WORDS = ("latest", "recent", "popular", "most", "more", "read", "up")
_LINK_WIDGET_STEMS = (
    *(f"{word}{sep}" for word in _WIDGET_WORDS for sep in "-_"),
    *("trending", "latestnews", "recentposts", "popularposts", "mostpopular", "readnext"),
)

# Exact texts (lowercase, whitespace collapsed) of boilerplate labels.
_LABEL_TEXTS = frozenset(
    """
    share this:|share this|share:|share|share on:|share this article|share this post|share post
    like this:|like this|like|like loading...|like loading…|loading...|loading…
    leave a reply|leave a reply cancel reply|leave a comment|leave a comment cancel reply
    post a comment|post comment|cancel reply|no comments|about the author|about author
    about the author:|post navigation|posts navigation|tags:|tags|tagged:|tagged with:
    subscribe to our newsletter|sign up for our newsletter|join our newsletter
    """.replace("\n", "|")
    .strip("|")
    .split("|")
) - {""}
_LABEL_PATTERNS = (
    re.compile(r"^click to (?:share|email|print)\b.{0,60}\(opens in new window\)$"),
    re.compile(r"^(?:%d|\d+) bloggers? likes? this:?$"),
    re.compile(r"^(?:\d+ )?(?:comments?|responses?|replies)$"),
)
_LABEL_STEMS = (
    "share",
    "like",
    "loading",
    "leave a",
    "comment",
    "reply",
    "about",
    "navigation",
    "tag",
    "newsletter",
    "new window",
    "bloggers",
)
_MAX_LABEL_TEXT = 80
# Calls to action that news sites append to articles, as the whole text of a short block:
# "For the latest news on X, click here." (The Sun, Mirror), "Check out more of our Drama coverage
# or visit our TV Guide" (Radio Times), "Watch This Story: ..." (EssentiallySports network),
# "Read more X spoilers on our dedicated homepage" (Digital Spy), newsletter and social pitches.
_PROMO_PATTERNS = (
    re.compile(r"^for (?:the latest|all the latest|more)\b.{0,120}\bclick here\W*$"),
    re.compile(r"^check out more of our\b.{0,400}$"),
    re.compile(r"^watch this (?:web )?story\b.{0,200}$"),
    re.compile(r"^read more\b.{0,80}\bon our dedicated\b.{0,30}$"),
    re.compile(r"^(?:subscribe|sign up) (?:to|for) (?:our|the)\b.{0,40}\bnewsletter\b.{0,160}$"),
    re.compile(
        r"^(?:follow|join) us on (?:twitter|x|facebook|instagram|google news|telegram|whatsapp"
        r"|threads|bluesky)\b.{0,160}$"
    ),
    re.compile(r"^follow us\s*:.{0,160}$"),  # "Follow Us: Facebook | Instagram | ..." (India)
)
_PROMO_STEMS = ("click here", "check out more of our", "watch this", "our dedicated")
_PROMO_STEMS += ("newsletter", "follow us", "join us on")
_MAX_PROMO_TEXT = 500
_PROMO_BLOCK_TAGS = _words("p div li blockquote h2 h3 h4 h5 h6")
_LABEL_BLOCK_TAGS = _words("p div h2 h3 h4 h5 h6 span a li label strong em b small")
_AUTHOR_BOX_DEPTH = 3
_NEVER_REMOVE = frozenset({"html", "body", "main", "article"})
_PROTECTED_XPATH = etree.XPath(
    "boolean(.//h1 or .//article or .//*[@itemprop='articleBody'] or "
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-content ')])"
)


def strip_boilerplate(tree: HtmlElement) -> None:
    """Remove share bars, likes, author boxes, comments, newsletters, navigation, tags, crumbs."""
    marked = find_marked_elements(tree, _TOKEN_STEMS + _LINK_WIDGET_STEMS)
    for element in _boilerplate_containers(marked):
        _remove(element)
    for element in _link_widgets(marked):
        _remove(element)
    for element in _label_elements(tree):
        _remove(element)
    for element in _promo_blocks(tree):
        _remove(element)


def is_boilerplate_token(token: str) -> bool:
    """True for a class/id token that marks blog boilerplate (share bar, author box, ...)."""
    lowered = token.lower()
    return lowered in _EXACT_TOKENS or lowered.startswith(_TOKEN_PREFIXES)


def is_boilerplate_label(text: str) -> bool:
    """True for the exact short text of a boilerplate label ("Share this:", "Leave a Reply")."""
    lowered = " ".join(text.split()).lower()
    return lowered in _LABEL_TEXTS or any(p.match(lowered) for p in _LABEL_PATTERNS)


def _boilerplate_containers(marked: list[HtmlElement]) -> list[HtmlElement]:
    """Outermost elements carrying a boilerplate class/id token (article wrappers excluded)."""
    found: list[HtmlElement] = []
    taken: set[int] = set()
    for element in marked:
        if element.tag in _NEVER_REMOVE:
            continue
        tokens = f"{element.get('class') or ''} {element.get('id') or ''}".split()
        if not any(is_boilerplate_token(token) for token in tokens):
            continue
        if _inside(element, taken) or _PROTECTED_XPATH(element):
            continue
        taken.add(id(element))
        found.append(element)
    return found


def _link_widgets(marked: list[HtmlElement]) -> list[HtmlElement]:
    """Outermost "latest/popular/trending" link-list widgets (checked to be mostly links)."""
    found: list[HtmlElement] = []
    taken: set[int] = set()
    for element in marked:
        if element.tag in _NEVER_REMOVE or element.getparent() is None or _inside(element, taken):
            continue
        marker = f"{element.get('class') or ''} {element.get('id') or ''}"
        if not _LINK_WIDGET_RE.search(marker) or not is_link_dense(element):
            continue
        if _PROTECTED_XPATH(element):
            continue
        taken.add(id(element))
        found.append(element)
    return found


def _label_elements(tree: HtmlElement) -> list[HtmlElement]:
    """Elements whose whole text is a boilerplate label (or the author box it heads)."""
    found: list[HtmlElement] = []
    for text in find_text_nodes(tree, _LABEL_STEMS, _MAX_LABEL_TEXT):
        if not is_boilerplate_label(str(text)):
            continue
        element = text_owner(text)
        if element.tag not in _LABEL_BLOCK_TAGS or not is_boilerplate_label(element.text_content()):
            continue
        element = _widest_with_same_text(element)
        if " ".join(element.text_content().split()).lower().startswith("about"):
            element = _author_box_of(element)
        found.append(element)
    return found


def _promo_blocks(tree: HtmlElement) -> list[HtmlElement]:
    """Short blocks whose whole text is a call to action ("For the latest news, click here")."""
    found: list[HtmlElement] = []
    for text in find_text_nodes(tree, _PROMO_STEMS, _MAX_PROMO_TEXT):
        owner = text_owner(text)
        blocks = (el for el in owner.iterancestors() if el.tag in _PROMO_BLOCK_TAGS)
        block = owner if owner.tag in _PROMO_BLOCK_TAGS else next(blocks, None)
        if block is None or any(block is el for el in found) or _PROTECTED_XPATH(block):
            continue
        whole = " ".join(block.text_content().split()).lower()
        if len(whole) <= _MAX_PROMO_TEXT and any(p.match(whole) for p in _PROMO_PATTERNS):
            found.append(block)
    return found


def _widest_with_same_text(element: HtmlElement) -> HtmlElement:
    """Climb wrappers that hold exactly the same text (a label in <h3><span>..</span></h3>)."""
    text = element.text_content().strip()
    current = element
    while True:
        parent = current.getparent()
        if parent is None or parent.tag not in _LABEL_BLOCK_TAGS:
            return current
        if parent.text_content().strip() != text:
            return current
        current = parent


def _author_box_of(heading: HtmlElement) -> HtmlElement:
    """The author box an "About the author" heading opens, or the heading alone."""
    for depth, ancestor in enumerate(heading.iterancestors()):
        if depth >= _AUTHOR_BOX_DEPTH or ancestor.tag in {"body", "main", "article"}:
            break
        marker = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}".lower()
        if "author" in marker and not _PROTECTED_XPATH(ancestor):
            return ancestor
    return heading


def _inside(element: HtmlElement, ids: set[int]) -> bool:
    return bool(ids) and any(id(parent) in ids for parent in element.iterancestors())


def _remove(element: HtmlElement) -> None:
    """Detach an element from the tree, keeping its tail text in place."""
    if element.getparent() is not None:
        element.drop_tree()
