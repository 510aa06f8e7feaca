"""Regenerate the bundled demo sites under ``demo/site/`` from ``demo/content/``.

The generated files are checked in (the server only serves files); run this after editing an
article in ``demo/content/<site>/<slug>.html`` (a JSON front matter in a leading ``<!--meta``
comment, then the article body as an HTML fragment) or a template below::

    python -m demo.build_site            # rewrite demo/site/ and demo/site/MANIFEST.md

Site ``a`` ("Season Scoop") is themed like WordPress + GeneratePress + Yoast SEO + Jetpack; site
``b`` ("TV Season Buzz") like WordPress + Astra + Rank Math. Base URLs are written as the
markers ``{{SITE_A}}`` / ``{{SITE_B}}`` that :mod:`demo.server` replaces when serving.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

DEMO_DIR = Path(__file__).resolve().parent
CONTENT_DIR = DEMO_DIR / "content"
SITE_DIR = DEMO_DIR / "site"

A = "{{SITE_A}}"
B = "{{SITE_B}}"

AUTHORS: dict[str, dict[str, str]] = {
    "priya-sharma": {
        "name": "Priya Sharma",
        "bio": "Priya has been covering streaming TV since 2018, with a soft spot for K-dramas "
        "and anything with zombies. When she is not refreshing Netflix press releases, she is "
        "rewatching Reply 1988 for the tenth time.",
    },
    "daniel-okafor": {
        "name": "Daniel Okafor",
        "bio": "Daniel is a senior writer at Season Scoop. He covers fantasy, anime and British "
        "drama, and still believes Game of Thrones deserved a better final season.",
    },
    "rahul-verma": {"name": "Rahul Verma", "bio": "Rahul writes about web series and OTT."},
}
CATEGORIES: dict[str, str] = {
    "netflix": "Netflix",
    "k-drama": "K-Drama",
    "anime": "Anime",
    "entertainment": "Entertainment",
}
PER_PAGE_HOME = 10
PER_PAGE_CATEGORY = 6
RELATED_KIND = {
    "also_read_colon": "also_read",
    "also_read_dash": "also_read",
    "read_also_caps": "also_read",
    "label_in_anchor": "also_read",
    "read_more": "read_more",
    "related": "related",
    "jetpack": "related",
    "must_read": "must_read",
    "you_may_like": "you_may_like",
}


@dataclass
class Post:
    """One article of a demo site, read from ``demo/content/<site>/<slug>.html``."""

    site: str
    slug: str
    meta: dict[str, Any]
    body: str
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> str:
        return str(self.meta.get("path") or f"/{self.slug}/")

    @property
    def url(self) -> str:
        return (A if self.site == "a" else B) + self.path

    @property
    def title(self) -> str:
        return str(self.meta["title"])

    @property
    def published(self) -> str:
        return str(self.meta["published"])

    @property
    def modified(self) -> str:
        return str(self.meta["modified"])

    @property
    def author(self) -> dict[str, str]:
        return AUTHORS[self.meta["author"]]

    @property
    def private(self) -> bool:
        return bool(self.meta.get("private"))

    @property
    def encoding(self) -> str:
        return str(self.meta.get("encoding", "UTF-8"))

    @property
    def related(self) -> list[dict[str, Any]]:
        return list(self.meta.get("related", []))


_META_RE = re.compile(r"\A<!--meta\s*(\{.*?\})\s*-->\s*", re.DOTALL)


def load_posts(site: str) -> list[Post]:
    """Every article of a site, newest first."""
    posts = []
    for path in sorted((CONTENT_DIR / site).glob("*.html")):
        text = path.read_text(encoding="utf-8")
        match = _META_RE.match(text)
        if not match:
            raise ValueError(f"{path}: missing <!--meta {{...}} --> front matter")
        posts.append(Post(site, path.stem, json.loads(match.group(1)), text[match.end() :]))
    posts.sort(key=lambda p: p.published, reverse=True)
    return posts


# -- small helpers ---------------------------------------------------------------------------------


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def human_date(iso: str) -> str:
    d = datetime.fromisoformat(iso)
    return f"{d:%B} {d.day}, {d.year}"


def rfc822(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%a, %d %b %Y %H:%M:%S %z")


def plain_text(fragment: str) -> str:
    """Visible text of an HTML fragment (tags dropped, entities decoded, spaces collapsed)."""
    text = re.sub(r"<!--.*?-->", " ", fragment, flags=re.DOTALL)
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(html.unescape(text).split())


def first_paragraph(fragment: str) -> str:
    match = re.search(r"<p>(.*?)(?:</p>|\n<p>|\n<h2)", fragment, flags=re.DOTALL)
    return plain_text(match.group(1)) if match else ""


def excerpt(post: Post, words: int = 40) -> str:
    text = first_paragraph(post.body).split()
    return esc(" ".join(text[:words])) + ("&hellip;" if len(text) > words else "")


def word_count(post: Post) -> int:
    return len(plain_text(post.body).split())


# -- article body ----------------------------------------------------------------------------------


def render_related(block: dict[str, Any]) -> str:
    """One "Also Read"-style block, in the markup variant named by ``style``."""
    style = block["style"]
    links = [(esc(u), esc(a)) for u, a in block["links"]]
    u, a = links[0]
    if style == "also_read_colon":
        return f'<p><strong>Also Read:</strong> <a href="{u}">{a}</a></p>'
    if style == "also_read_dash":
        return f'<p>Also read - <a href="{u}" target="_blank" rel="noopener">{a}</a></p>'
    if style == "read_also_caps":
        return (
            f'<p style="text-align: center;"><strong>READ ALSO: <a href="{u}">{a}</a></strong></p>'
        )
    if style == "read_more":
        return (
            '<p><span style="color: #ff0000;"><strong>Read More:</strong></span> '
            f'<a href="{u}">{a}</a></p>'
        )
    if style == "related":
        return f'<p><em>Related:</em> <a href="{u}">{a}</a></p>'
    if style == "must_read":
        return f'<p><strong>Must Read</strong>: <a href="{u}">{a}</a></p>'
    if style == "label_in_anchor":
        label = esc(block.get("label", "ALSO READ: "))
        return f'<p><a href="{u}"><strong>{label}{a}</strong></a></p>'
    if style == "you_may_like":
        items = "\n".join(f'<li><a href="{u}">{a}</a></li>' for u, a in links)
        return (
            '<h3 class="wp-block-heading">You May Also Like</h3>\n'
            f'<ul class="wp-block-list">\n{items}\n</ul>'
        )
    raise ValueError(f"unknown related style {style!r}")


def render_jetpack_related(post: Post, block: dict[str, Any]) -> str:
    items = []
    for i, (url, anchor) in enumerate(block["links"]):
        img = f"{A}/wp-content/uploads/2023/01/related-{i}.jpg?resize=350%2C200&amp;ssl=1"
        items.append(
            f'<div class="jp-relatedposts-post jp-relatedposts-post{i} '
            f'jp-relatedposts-post-thumbs" data-post-id="{1000 + i}" data-post-format="false">'
            f'<a class="jp-relatedposts-post-a" href="{esc(url)}?relatedposts_hit=1&amp;'
            f'relatedposts_origin={post.meta["post_id"]}&amp;relatedposts_position={i}" '
            f'title="{esc(anchor)}" rel="nofollow" data-origin="{post.meta["post_id"]}" '
            f'data-position="{i}"><img loading="lazy" class="jp-relatedposts-post-img" '
            f'src="{img}" width="350" height="200" alt="{esc(anchor)}" /></a>'
            f'<h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" '
            f'href="{esc(url)}?relatedposts_hit=1&amp;relatedposts_origin='
            f'{post.meta["post_id"]}&amp;relatedposts_position={i}" title="{esc(anchor)}" '
            f'rel="nofollow" data-origin="{post.meta["post_id"]}" data-position="{i}">'
            f"{esc(anchor)}</a></h4>"
            f'<p class="jp-relatedposts-post-date" style="display: block;">'
            f"{human_date(post.published)}</p>"
            f'<p class="jp-relatedposts-post-context">In &quot;Netflix&quot;</p></div>'
        )
    return (
        "<div id='jp-relatedposts' class='jp-relatedposts' style='display: block;'>\n"
        '<h3 class="jp-relatedposts-headline"><em>Related</em></h3>\n'
        '<div class="jp-relatedposts-items jp-relatedposts-items-visual jp-relatedposts-grid">\n'
        + "\n".join(items)
        + "\n</div>\n</div>"
    )


def youtube(match: re.Match[str]) -> str:
    video, title = match.group(1), esc(match.group(2))
    return (
        '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube '
        'wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">\n'
        f'<iframe loading="lazy" title="{title}" width="740" height="416" '
        f'src="https://www.youtube.com/embed/{video}?feature=oembed" frameborder="0" '
        'allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; '
        'picture-in-picture; web-share" allowfullscreen></iframe>\n</div></figure>'
    )


AD_BLOCK = """<div class='code-block code-block-2' style='margin: 8px auto; text-align: center; \
display: block; clear: both;'>
<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?\
client=ca-pub-4315570911982640" crossorigin="anonymous"></script>
<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-4315570911982640"
     data-ad-slot="8120942371" data-ad-format="auto" data-full-width-responsive="true"></ins>
<script>
     (adsbygoogle = window.adsbygoogle || []).push({});
</script></div>"""


def with_toc(body: str) -> str:
    """Easy Table of Contents: anchors on every <h2> and the toggle box before the first."""
    entries = []

    def anchor(match: re.Match[str]) -> str:
        text = match.group(1)
        ident = re.sub(r"[^A-Za-z0-9]+", "_", plain_text(text)).strip("_")
        entries.append((ident, text))
        return (
            f'<h2><span class="ez-toc-section" id="{ident}"></span>{text}'
            '<span class="ez-toc-section-end"></span></h2>'
        )

    body = re.sub(r"<h2>(.*?)</h2>", anchor, body)
    if not entries:
        return body
    items = "".join(
        f"<li class='ez-toc-page-1 ez-toc-heading-level-2'><a class=\"ez-toc-link "
        f'ez-toc-heading-{n}" href="#{ident}" title="{esc(plain_text(text))}">{text}</a></li>'
        for n, (ident, text) in enumerate(entries, 1)
    )
    toc = (
        '<div id="ez-toc-container" class="ez-toc-v2_0_47_1 counter-hierarchy ez-toc-counter '
        'ez-toc-grey ez-toc-container-direction">\n<div class="ez-toc-title-container">\n'
        '<p class="ez-toc-title">Table of Contents</p>\n<span class="ez-toc-title-toggle">'
        '<a href="#" class="ez-toc-pull-right ez-toc-btn ez-toc-btn-xs ez-toc-btn-default '
        'ez-toc-toggle" aria-label="Toggle Table of Content">Toggle</a></span></div>\n'
        "<nav><ul class='ez-toc-list ez-toc-list-level-1 ' >" + items + "</ul></nav></div>\n"
    )
    first = body.index("<h2>")
    return body[:first] + toc + body[first:]


def render_body(post: Post, *, ads: bool = True, toc: bool | None = None) -> str:
    """The article fragment with related blocks, embeds, ads and table of contents filled in."""
    body = post.body

    def related(match: re.Match[str]) -> str:
        block = post.related[int(match.group(1))]
        return "" if block["style"] == "jetpack" else render_related(block)

    body = re.sub(r"<!--related:(\d+)-->", related, body)
    body = re.sub(r"<!--youtube:([^:]+):(.*?)-->", youtube, body)
    if ads:
        parts = body.split("</p>", 2)
        if len(parts) == 3:
            body = parts[0] + "</p>" + parts[1] + "</p>\n" + AD_BLOCK + parts[2]
    if post.meta.get("toc") if toc is None else toc:
        body = with_toc(body)
    return body.strip()


# -- site a: GeneratePress + Yoast + Jetpack ------------------------------------------------------

A_NAME = "Season Scoop"
A_TAGLINE = "Release dates, renewals and cast news for your favourite shows"


def a_nav(current: str = "") -> str:
    items = [
        ("21", f"{A}/", "Home", "menu-item-home"),
        ("22", f"{A}/category/netflix/", "Netflix", "menu-item-object-category"),
        ("23", f"{A}/category/k-drama/", "K-Drama", "menu-item-object-category"),
        ("24", f"{A}/category/anime/", "Anime", "menu-item-object-category"),
        ("25", f"{A}/about/", "About Us", "menu-item-object-page"),
        ("26", f"{A}/contact/", "Contact", "menu-item-object-page"),
    ]
    lis = []
    for ident, href, label, kind in items:
        cur = " current-menu-item" if href == current else ""
        lis.append(
            f'<li id="menu-item-{ident}" class="menu-item menu-item-type-custom {kind}'
            f'{cur} menu-item-{ident}"><a href="{href}">{label}</a></li>'
        )
    return "\n".join(lis)


def a_header(current: str = "") -> str:
    return f"""<a class="screen-reader-text skip-link" href="#content" title="Skip to content">\
Skip to content</a>
<header class="site-header has-inline-mobile-toggle" id="masthead" aria-label="Site"
  itemtype="https://schema.org/WPHeader" itemscope>
<div class="inside-header grid-container">
<div class="site-branding">
<p class="main-title" itemprop="headline"><a href="{A}/" rel="home">{A_NAME}</a></p>
<p class="site-description" itemprop="description">{A_TAGLINE}</p>
</div>
<nav class="main-navigation mobile-menu-control-wrapper" id="mobile-menu-control-wrapper"
  aria-label="Mobile Toggle"><button data-nav="site-navigation" class="menu-toggle"
  aria-controls="primary-menu" aria-expanded="false"><span class="screen-reader-text">Menu\
</span></button></nav>
<nav class="main-navigation sub-menu-right" id="site-navigation" aria-label="Primary"
  itemtype="https://schema.org/SiteNavigationElement" itemscope>
<div class="inside-navigation grid-container">
<div id="primary-menu" class="main-nav"><ul id="menu-main-menu" class=" menu sf-menu">
{a_nav(current)}
</ul></div></div>
</nav>
</div>
</header>"""


def a_sidebar(posts: list[Post]) -> str:
    recent = "\n".join(
        f'<li><a href="{p.url}">{esc(p.title)}</a></li>'
        for p in [p for p in posts if not p.private][:5]
    )
    counts = {slug: 0 for slug in ("netflix", "k-drama", "anime")}
    for p in posts:
        for c in p.meta["categories"]:
            if not p.private and c in counts:
                counts[c] += 1
    cats = "\n".join(
        f'<li class="cat-item cat-item-{n}"><a href="{A}/category/{slug}/">{CATEGORIES[slug]}</a>'
        f" ({count})</li>"
        for n, (slug, count) in enumerate(sorted(counts.items()), 3)
    )
    return f"""<div class="widget-area sidebar is-right-sidebar" id="right-sidebar">
<div class="inside-right-sidebar">
<aside id="search-2" class="widget inner-padding widget_search"><form method="get"
  class="search-form" action="{A}/"><label><span class="screen-reader-text">Search for:</span>
<input type="search" class="search-field" placeholder="Search &hellip;" value="" name="s"
  title="Search for:"></label><button class="search-submit" aria-label="Search">Search</button>
</form></aside>
<aside id="recent-posts-2" class="widget inner-padding widget_recent_entries">
<h2 class="widget-title">Recent Posts</h2>
<ul>
{recent}
</ul>
</aside>
<aside id="categories-2" class="widget inner-padding widget_categories">
<h2 class="widget-title">Categories</h2>
<ul>
{cats}
</ul>
</aside>
<aside id="text-3" class="widget inner-padding widget_text"><h2 class="widget-title">Follow Us\
</h2><div class="textwidget"><p>Follow Season Scoop on
<a href="https://twitter.com/seasonscoop" target="_blank" rel="noopener">Twitter</a> and
<a href="https://www.facebook.com/seasonscoop" target="_blank" rel="noopener">Facebook</a>
for instant updates on renewals and release dates.</p></div></aside>
</div>
</div>"""


def a_footer() -> str:
    return f"""<div class="site-footer">
<div id="footer-widgets" class="site footer-widgets">
<div class="footer-widgets-container grid-container"><div class="inside-footer-widgets">
<div class="footer-widget-1"><aside id="text-4" class="widget inner-padding widget_text">
<h2 class="widget-title">About {A_NAME}</h2><div class="textwidget"><p>{A_NAME} brings you the
latest news on TV show renewals, cancellations, release dates and cast announcements from
Netflix, Prime Video, Disney+ and more.</p></div></aside></div>
<div class="footer-widget-2"><aside id="nav_menu-2" class="widget inner-padding widget_nav_menu">
<div class="menu-footer-container"><ul id="menu-footer" class="menu">
<li class="menu-item"><a href="{A}/about/">About Us</a></li>
<li class="menu-item"><a href="{A}/contact/">Contact</a></li>
<li class="menu-item"><a rel="privacy-policy" href="{A}/privacy-policy/">Privacy Policy</a></li>
</ul></div></aside></div>
</div></div></div>
<footer class="site-info" aria-label="Site" itemtype="https://schema.org/WPFooter" itemscope>
<div class="inside-site-info grid-container">
<div class="copyright-bar">
<span class="copyright">&copy; 2023 {A_NAME}</span> &bull; Built with
<a href="https://generatepress.com" itemprop="url">GeneratePress</a></div>
</div>
</footer></div>
<a title="Scroll back to top" aria-label="Scroll back to top" rel="nofollow" href="#"
  class="generate-back-to-top" data-scroll-speed="400" data-start-scroll="300">
<span class="gp-icon icon-arrow-up"></span></a>
<script id="generate-a11y">!function(){{"use strict";if("querySelector"in document&&\
"addEventListener"in window){{var e=document.body;e.addEventListener("mousedown",function()\
{{e.classList.add("using-mouse")}})}}}}();</script>
<script src='{A}/wp-content/themes/generatepress/assets/js/menu.min.js?ver=3.3.0' \
id='generate-menu-js'></script>
<script src='{A}/wp-content/plugins/jetpack/_inc/build/likes/queuehandler.min.js?ver=12.0' \
id='jetpack_likes_queuehandler-js'></script>
<script src='https://stats.wp.com/e-202312.js' defer></script>
<script>_stq = window._stq || [];
_stq.push([ "view", {{v:'ext',blog:'201234567',post:'0',tz:'0',srv:'seasonscoop.example'}} ]);
_stq.push([ "clickTrackerInit", "201234567", "0" ]);</script>"""


def a_document(
    *,
    title: str,
    body_class: str,
    content: str,
    posts: list[Post],
    head: str = "",
    charset: str = "UTF-8",
    current: str = "",
    sidebar: bool = True,
) -> str:
    side = a_sidebar(posts) if sidebar else ""
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
\t<meta charset="{charset}">
\t<meta name="viewport" content="width=device-width, initial-scale=1">
{head}
<title>{esc(title)}</title>
<link rel='dns-prefetch' href='//stats.wp.com' />
<link rel='dns-prefetch' href='//i0.wp.com' />
<link rel="alternate" type="application/rss+xml" title="{A_NAME} &raquo; Feed" \
href="{A}/feed/" />
<link rel="alternate" type="application/rss+xml" title="{A_NAME} &raquo; Comments Feed" \
href="{A}/comments/feed/" />
<link rel='stylesheet' id='wp-block-library-css' \
href='{A}/wp-includes/css/dist/block-library/style.min.css?ver=6.2' media='all' />
<link rel='stylesheet' id='generate-style-css' \
href='{A}/wp-content/themes/generatepress/assets/css/main.min.css?ver=3.3.0' media='all' />
<link rel='stylesheet' id='ez-toc-css' \
href='{A}/wp-content/plugins/easy-table-of-contents/assets/css/screen.min.css?ver=2.0.47.1' \
media='all' />
<style id='generate-style-inline-css'>
body{{background-color:#f7f8f9;color:#222222;}}a{{color:#1e73be;}}\
.site-header{{background-color:#ffffff;}}.main-title a{{color:#d62828;}}
</style>
<script src='{A}/wp-includes/js/jquery/jquery.min.js?ver=3.6.3' id='jquery-core-js'></script>
<link rel="https://api.w.org/" href="{A}/wp-json/" />
<link rel="EditURI" type="application/rsd+xml" title="RSD" href="{A}/xmlrpc.php?rsd" />
<meta name="generator" content="WordPress 6.2" />
<link rel="icon" href="{A}/wp-content/uploads/2021/08/cropped-favicon-32x32.png" \
sizes="32x32" />
</head>

<body class="{body_class} wp-embed-responsive right-sidebar nav-float-right \
separate-containers header-aligned-left dropdown-hover" itemtype="https://schema.org/Blog" \
itemscope>
{a_header(current)}
<div class="site grid-container container hfeed" id="page">
<div class="site-content" id="content">
{content}
{side}
</div>
</div>
{a_footer()}
</body>
</html>
"""


def yoast_head(
    *,
    title: str,
    description: str,
    canonical: str,
    og_type: str,
    extra: str = "",
    schema: dict[str, Any] | None = None,
) -> str:
    schema_json = json.dumps(schema, ensure_ascii=False, separators=(",", ":")) if schema else ""
    script = (
        f'<script type="application/ld+json" class="yoast-schema-graph">{schema_json}</script>\n'
        if schema
        else ""
    )
    return f"""
\t<!-- This site is optimized with the Yoast SEO plugin v20.4 - \
https://yoast.com/wordpress/plugins/seo/ -->
\t<meta name="description" content="{esc(description)}" />
\t<meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1, \
max-video-preview:-1" />
\t<link rel="canonical" href="{canonical}" />
\t<meta property="og:locale" content="en_US" />
\t<meta property="og:type" content="{og_type}" />
\t<meta property="og:title" content="{esc(title)}" />
\t<meta property="og:description" content="{esc(description)}" />
\t<meta property="og:url" content="{canonical}" />
\t<meta property="og:site_name" content="{A_NAME}" />
{extra}\t<meta name="twitter:card" content="summary_large_image" />
\t<meta name="twitter:site" content="@seasonscoop" />
\t{script}\t<!-- / Yoast SEO plugin. -->
"""


def a_article_schema(post: Post) -> dict[str, Any]:
    url = post.url
    author = post.author["name"]
    return {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "@id": f"{url}#article",
                "isPartOf": {"@id": url},
                "author": {"name": author, "@id": f"{A}/#/schema/person/{post.meta['author']}"},
                "headline": post.title,
                "datePublished": post.published,
                "dateModified": post.modified,
                "mainEntityOfPage": {"@id": url},
                "wordCount": word_count(post),
                "commentCount": len(post.meta.get("comments", [])),
                "publisher": {"@id": f"{A}/#organization"},
                "image": {"@id": f"{url}#primaryimage"},
                "thumbnailUrl": f"{A}/wp-content/uploads/{post.meta['image']}",
                "articleSection": [CATEGORIES[c] for c in post.meta["categories"]],
                "inLanguage": "en-US",
            },
            {
                "@type": "WebPage",
                "@id": url,
                "url": url,
                "name": f"{post.title} - {A_NAME}",
                "isPartOf": {"@id": f"{A}/#website"},
                "datePublished": post.published,
                "dateModified": post.modified,
                "description": post.meta["description"],
                "breadcrumb": {"@id": f"{url}#breadcrumb"},
                "inLanguage": "en-US",
            },
            {
                "@type": "BreadcrumbList",
                "@id": f"{url}#breadcrumb",
                "itemListElement": [
                    {"@type": "ListItem", "position": 1, "name": "Home", "item": f"{A}/"},
                    {"@type": "ListItem", "position": 2, "name": post.title},
                ],
            },
            {
                "@type": "WebSite",
                "@id": f"{A}/#website",
                "url": f"{A}/",
                "name": A_NAME,
                "description": A_TAGLINE,
                "publisher": {"@id": f"{A}/#organization"},
                "inLanguage": "en-US",
            },
            {
                "@type": "Organization",
                "@id": f"{A}/#organization",
                "name": A_NAME,
                "url": f"{A}/",
                "logo": {"@type": "ImageObject", "url": f"{A}/wp-content/uploads/logo.png"},
            },
            {
                "@type": "Person",
                "@id": f"{A}/#/schema/person/{post.meta['author']}",
                "name": author,
                "url": f"{A}/author/{post.meta['author']}/",
            },
        ],
    }


def a_share_and_like(post: Post) -> str:
    pid = post.meta["post_id"]
    url = post.url
    return f"""<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block \
sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3>\
<div class="sd-content"><ul><li class="share-twitter"><a rel="nofollow noopener noreferrer" \
data-shared="sharing-twitter-{pid}" class="share-twitter sd-button share-icon" \
href="{url}?share=twitter&amp;nb=1" target="_blank" title="Click to share on Twitter" >\
<span>Twitter</span></a></li><li class="share-facebook"><a rel="nofollow noopener noreferrer" \
data-shared="sharing-facebook-{pid}" class="share-facebook sd-button share-icon" \
href="{url}?share=facebook&amp;nb=1" target="_blank" title="Click to share on Facebook" >\
<span>Facebook</span></a></li><li class="share-print"><a rel="nofollow noopener noreferrer" \
data-shared="" class="share-print sd-button share-icon" href="{url}#print" target="_blank" \
title="Click to print" ><span>Print</span></a></li><li class="share-end"></li></ul></div>\
</div></div><div class='sharedaddy sd-block sd-like jetpack-likes-widget-wrapper \
jetpack-likes-widget-unloaded' id='like-post-wrapper-201234567-{pid}-6412a' \
data-src='https://widgets.wp.com/likes/?ver=12.0#blog_id=201234567&amp;post_id={pid}' \
data-name='like-post-frame-201234567-{pid}-6412a' data-title='Like or Reblog'>\
<h3 class="sd-title">Like this:</h3><div class='likes-widget-placeholder \
post-likes-widget-placeholder' style='height: 55px;'><span class='button'><span>Like</span>\
</span> <span class="loading">Loading...</span></div><span class='sd-text-color'></span>\
<a class='sd-link-color'></a></div>"""


def a_comments(post: Post) -> str:
    url = post.url
    comments = post.meta.get("comments", [])
    listing = ""
    if comments:
        lis = []
        for c in comments:
            lis.append(
                f"""<li id="comment-{c["id"]}" class="comment even thread-even depth-1">
<article class="comment-body" id="div-comment-{c["id"]}" \
itemtype="https://schema.org/Comment" itemscope>
<footer class="comment-meta" aria-label="Comment meta">
<img alt='' src='https://secure.gravatar.com/avatar/0?s=50&#038;d=mm&#038;r=g' \
class='avatar avatar-50 photo' height='50' width='50' loading='lazy' decoding='async'/>
<div class="comment-author-info"><div class="comment-author vcard" itemprop="author" \
itemtype="https://schema.org/Person" itemscope><cite itemprop="name" class="fn">\
{esc(c["author"])}</cite></div>
<div class="entry-meta comment-metadata"><a href="{url}#comment-{c["id"]}"><time \
datetime="{c["date"]}" itemprop="datePublished">{human_date(c["date"])} at 10:21 am</time></a>\
</div></div>
<span class="reply"><a rel='nofollow' class='comment-reply-link' \
href='{url}?replytocom={c["id"]}#respond' data-commentid="{c["id"]}" data-postid=\
"{post.meta["post_id"]}" data-belowelement="div-comment-{c["id"]}" data-respondelement=\
"respond" data-replyto="Reply to {esc(c["author"])}" aria-label='Reply to \
{esc(c["author"])}'>Reply</a></span></footer>
<div class="comment-content" itemprop="text"><p>{esc(c["text"])}</p></div>
</article></li>"""
            )
        n = len(comments)
        listing = (
            f'<h3 class="comments-title">{n} thoughts on &ldquo;{esc(post.title)}&rdquo;</h3>\n'
            '<ol class="comment-list">\n' + "\n".join(lis) + "\n</ol>\n"
        )
    return f"""<div class="comments-area">
<div id="comments">
{listing}<div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">Leave a Reply <small><a rel="nofollow" \
id="cancel-comment-reply-link" href="{url}#respond" style="display:none;">Cancel reply</a>\
</small></h3><form action="{A}/wp-comments-post.php" method="post" id="commentform" \
class="comment-form" novalidate><p class="comment-notes"><span id="email-notes">Your email \
address will not be published.</span> <span class="required-field-message">Required fields \
are marked <span class="required">*</span></span></p><p class="comment-form-comment">\
<label for="comment" class="screen-reader-text">Comment</label><textarea id="comment" \
name="comment" cols="45" rows="8" required></textarea></p><label for="author" \
class="screen-reader-text">Name</label><input placeholder="Name *" id="author" name="author" \
type="text" value="" size="30" required />
<label for="email" class="screen-reader-text">Email</label><input placeholder="Email *" \
id="email" name="email" type="email" value="" size="30" required />
<label for="url" class="screen-reader-text">Website</label><input placeholder="Website" \
id="url" name="url" type="url" value="" size="30" />
<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" \
name="wp-comment-cookies-consent" type="checkbox" value="yes" /> <label \
for="wp-comment-cookies-consent">Save my name, email, and website in this browser for the \
next time I comment.</label></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" \
value="Post Comment" /> <input type='hidden' name='comment_post_ID' \
value='{post.meta["post_id"]}' id='comment_post_ID' />
<input type='hidden' name='comment_parent' id='comment_parent' value='0' /></p>\
<p style="display: none;"><input type="hidden" id="akismet_comment_nonce" \
name="akismet_comment_nonce" value="7d1a3c2b9e" /></p></form></div><!-- #respond -->
</div><!-- #comments -->
</div>"""


def a_author_box(post: Post) -> str:
    key = post.meta["author"]
    a = AUTHORS[key]
    return f"""<div class="saboxplugin-wrap" itemtype="http://schema.org/Person" itemscope \
itemprop="author"><div class="saboxplugin-tab"><div class="saboxplugin-gravatar"><img \
src="{A}/wp-content/uploads/2021/08/{key}.jpg" width="100" height="100" alt="{a["name"]}" \
itemprop="image"></div><div class="saboxplugin-authorname"><a href="{A}/author/{key}/" \
class="vcard author" rel="author"><span class="fn">{a["name"]}</span></a></div>\
<div class="saboxplugin-desc"><div itemprop="description"><p>{esc(a["bio"])}</p></div></div>\
<div class="clearfix"></div></div></div>"""


def a_post_page(post: Post, posts: list[Post]) -> str:
    url = post.url
    public = [p for p in posts if not p.private]
    cats = post.meta["categories"]
    tags = post.meta["tags"]
    image = f"{A}/wp-content/uploads/{post.meta['image']}"
    amp = f'<link rel="amphtml" href="{url}amp/" />\n' if post.meta.get("amp") else ""
    minutes = max(1, round(word_count(post) / 200))
    extra = f"""\t<meta property="article:publisher" \
content="https://www.facebook.com/seasonscoop" />
\t<meta property="article:published_time" content="{post.published}" />
\t<meta property="article:modified_time" content="{post.modified}" />
\t<meta property="og:image" content="{image}" />
\t<meta property="og:image:width" content="1200" />
\t<meta property="og:image:height" content="675" />
\t<meta property="og:image:type" content="image/jpeg" />
\t<meta name="author" content="{post.author["name"]}" />
\t<meta name="twitter:label1" content="Written by" />
\t<meta name="twitter:data1" content="{post.author["name"]}" />
\t<meta name="twitter:label2" content="Est. reading time" />
\t<meta name="twitter:data2" content="{minutes} minutes" />
"""
    head = (
        yoast_head(
            title=post.title,
            description=post.meta["description"],
            canonical=url,
            og_type="article",
            extra=extra,
            schema=a_article_schema(post),
        )
        + amp
    )
    body = render_body(post)
    jetpack = "".join(
        "\n" + render_jetpack_related(post, b) for b in post.related if b["style"] == "jetpack"
    )
    cat_links = ", ".join(
        f'<a href="{A}/category/{c}/" rel="category tag">{CATEGORIES[c]}</a>' for c in cats
    )
    tag_links = ", ".join(f'<a href="{A}/tag/{slugify(t)}/" rel="tag">{esc(t)}</a>' for t in tags)
    idx = public.index(post) if post in public else -1
    nav = ""
    if idx >= 0:
        older = public[idx + 1] if idx + 1 < len(public) else None
        newer = public[idx - 1] if idx > 0 else None
        prev_html = (
            f'<div class="nav-previous"><span class="prev"><a href="{older.url}" rel="prev">'
            f"{esc(older.title)}</a></span></div>"
            if older
            else ""
        )
        next_html = (
            f'<div class="nav-next"><span class="next"><a href="{newer.url}" rel="next">'
            f"{esc(newer.title)}</a></span></div>"
            if newer
            else ""
        )
        nav = (
            '<nav id="nav-below" class="post-navigation" aria-label="Posts">\n'
            f"{prev_html}{next_html}\n</nav>"
        )
    cls = (
        " ".join(f"category-{c}" for c in cats) + " " + " ".join(f"tag-{slugify(t)}" for t in tags)
    )
    pid = post.meta["post_id"]
    updated = (
        f'<time class="updated" datetime="{post.modified}" itemprop="dateModified">'
        f"{human_date(post.modified)}</time>"
        if post.modified != post.published
        else ""
    )
    content = f"""<div class="content-area" id="primary">
<main class="site-main" id="main">
<article id="post-{pid}" class="post-{pid} post type-post status-publish format-standard \
has-post-thumbnail hentry {cls}" itemtype="https://schema.org/CreativeWork" itemscope>
<div class="inside-article">
<header class="entry-header" aria-label="Content">
<h1 class="entry-title" itemprop="headline">{esc(post.title)}</h1>
<div class="entry-meta">
<span class="posted-on">{updated}<time class="entry-date published" \
datetime="{post.published}" itemprop="datePublished">{human_date(post.published)}</time>\
</span> <span class="byline">by <span class="author vcard" itemprop="author" \
itemtype="https://schema.org/Person" itemscope><a class="url fn n" \
href="{A}/author/{post.meta["author"]}/" title="View all posts by {post.author["name"]}" \
rel="author" itemprop="url"><span class="author-name" itemprop="name">\
{post.author["name"]}</span></a></span></span>
</div>
</header>
<div class="featured-image page-header-image-single grid-container grid-parent">
<img width="1200" height="675" src="{image}" class="attachment-full size-full wp-post-image" \
alt="{esc(post.title)}" decoding="async" itemprop="image" fetchpriority="high" />
</div>
<div class="entry-content" itemprop="text">
{body}
{a_share_and_like(post)}{jetpack}
</div>
<footer class="entry-meta" aria-label="Entry meta">
<span class="cat-links"><span class="screen-reader-text">Categories </span>{cat_links}</span> \
<span class="tags-links"><span class="screen-reader-text">Tags </span>{tag_links}</span>
{nav}
</footer>
{a_author_box(post)}
</div>
</article>
{a_comments(post)}
</main>
</div>"""
    return a_document(
        title=f"{post.title} - {A_NAME}",
        body_class=f"post-template-default single single-post postid-{pid} single-format-standard",
        content=content,
        posts=posts,
        head=head,
        charset=post.encoding,
    )


def a_archive_item(post: Post) -> str:
    pid = post.meta["post_id"]
    cats = ", ".join(
        f'<a href="{A}/category/{c}/" rel="category tag">{CATEGORIES[c]}</a>'
        for c in post.meta["categories"]
    )
    return f"""<article id="post-{pid}" class="post-{pid} post type-post status-publish \
format-standard has-post-thumbnail hentry" itemtype="https://schema.org/CreativeWork" itemscope>
<div class="inside-article">
<div class="post-image"><a href="{post.url}"><img width="1200" height="675" \
src="{A}/wp-content/uploads/{post.meta["image"]}" class="attachment-full size-full \
wp-post-image" alt="" decoding="async" itemprop="image" loading="lazy" /></a></div>
<header class="entry-header" aria-label="Content">
<h2 class="entry-title" itemprop="headline"><a href="{post.url}" rel="bookmark">\
{esc(post.title)}</a></h2>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" \
datetime="{post.published}" itemprop="datePublished">{human_date(post.published)}</time>\
</span> <span class="byline">by <span class="author vcard"><a class="url fn n" \
href="{A}/author/{post.meta["author"]}/" rel="author"><span class="author-name" \
itemprop="name">{post.author["name"]}</span></a></span></span></div>
</header>
<div class="entry-summary" itemprop="text">
<p>{excerpt(post)} <a title="{esc(post.title)}" class="read-more" href="{post.url}" \
aria-label="Read more about {esc(post.title)}">Read more</a></p>
</div>
<footer class="entry-meta" aria-label="Entry meta"><span class="cat-links">{cats}</span>\
</footer>
</div>
</article>"""


def paging(base: str, page: int, pages: int) -> str:
    if pages <= 1:
        return ""

    def href(n: int) -> str:
        return base if n == 1 else f"{base}page/{n}/"

    links = []
    if page > 1:
        links.append(f'<a class="prev page-numbers" href="{href(page - 1)}">&larr; Previous</a>')
    for n in range(1, pages + 1):
        if n == page:
            links.append(f'<span aria-current="page" class="page-numbers current">{n}</span>')
        else:
            links.append(f'<a class="page-numbers" href="{href(n)}">{n}</a>')
    if page < pages:
        links.append(f'<a class="next page-numbers" href="{href(page + 1)}">Next &rarr;</a>')
    return (
        '<nav id="nav-below" class="paging-navigation" aria-label="Archive Page">\n'
        '<div class="nav-links">' + "".join(links) + "</div></nav>"
    )


TRENDING = f"""<div class="gb-container gb-container-trending">
<h2 class="gb-headline">Trending Now</h2>
<ul class="trending-list">
<li><a href="{A}/huge/">Game of Thrones Season 9 Release Date Rumours: The Complete Archive</a></li>
<li><a href="{A}/loop/a/">Sherlock Series 5 Release Date: Will Benedict Cumberbatch Return?</a></li>
<li><a href="{A}/private/season-9-secret/">Exclusive: The Season 9 Secret Ending Leaked</a></li>
<li><a href="{A}/kingdom-season-3-release-date/">Kingdom Season 3: Will It Ever Happen?</a></li>
<li><a href="{A}/elite-season-7-release-date/">&Eacute;lite Season 7 Release Date</a></li>
</ul>
</div>"""


def a_listing(
    *,
    title: str,
    heading: str,
    base: str,
    page: int,
    pages: int,
    items: list[Post],
    posts: list[Post],
    body_class: str,
    intro: str = "",
    canonical: str,
) -> str:
    head = yoast_head(
        title=title,
        description=f"{heading} - {A_TAGLINE}",
        canonical=canonical,
        og_type="website",
    )
    if page > 1:
        head += f'<link rel="prev" href="{base if page == 2 else f"{base}page/{page - 1}/"}" />\n'
    if page < pages:
        head += f'<link rel="next" href="{base}page/{page + 1}/" />\n'
    header = (
        f'<header class="page-header" aria-label="Page"><h1 class="page-title">{heading}</h1>'
        f"{intro}</header>\n"
        if heading
        else ""
    )
    listing = "\n".join(a_archive_item(p) for p in items)
    content = f"""<div class="content-area" id="primary">
<main class="site-main" id="main">
{header}{listing}
{paging(base, page, pages)}
</main>
</div>"""
    return a_document(
        title=title, body_class=body_class, content=content, posts=posts, head=head, current=base
    )


def a_simple_page(title: str, path: str, text: str, posts: list[Post]) -> str:
    url = f"{A}{path}"
    head = yoast_head(title=title, description=text[:150], canonical=url, og_type="article")
    content = f"""<div class="content-area" id="primary">
<main class="site-main" id="main">
<article class="page type-page status-publish" itemtype="https://schema.org/CreativeWork" \
itemscope><div class="inside-article">
<header class="entry-header" aria-label="Content"><h1 class="entry-title" \
itemprop="headline">{esc(title)}</h1></header>
<div class="entry-content" itemprop="text">
<p>{text}</p>
</div></div></article>
</main>
</div>"""
    return a_document(
        title=f"{title} - {A_NAME}",
        body_class="page-template-default page",
        content=content,
        posts=posts,
        head=head,
        current=url,
    )


def a_404(posts: list[Post]) -> str:
    content = f"""<div class="content-area" id="primary">
<main class="site-main" id="main">
<div class="inside-article">
<header class="entry-header" aria-label="Content"><h1 class="entry-title" itemprop="headline">\
Oops! That page can&rsquo;t be found.</h1></header>
<div class="entry-content" itemprop="text">
<p>It looks like nothing was found at this location. Maybe try searching?</p>
<form method="get" class="search-form" action="{A}/"><label><span class="screen-reader-text">\
Search for:</span><input type="search" class="search-field" placeholder="Search &hellip;" \
value="" name="s" title="Search for:"></label><button class="search-submit" \
aria-label="Search">Search</button></form>
</div></div>
</main>
</div>"""
    head = '\t<meta name="robots" content="noindex, follow" />\n'
    return a_document(
        title=f"Page not found - {A_NAME}",
        body_class="error404",
        content=content,
        posts=posts,
        head=head,
    )


def a_amp_page(post: Post) -> str:
    body = render_body(post, ads=False, toc=False)
    body = re.sub(
        r"<figure class=\"wp-block-embed.*?src=\"https://www.youtube.com/embed/([^?\"]+).*?</figure>",
        lambda m: (
            f'<amp-youtube data-videoid="{m.group(1)}" layout="responsive" width="16" '
            'height="9"></amp-youtube>'
        ),
        body,
        flags=re.DOTALL,
    )
    cats = ", ".join(
        f'<a href="{A}/category/{c}/" rel="category tag">{CATEGORIES[c]}</a>'
        for c in post.meta["categories"]
    )
    schema = json.dumps(
        {
            "@context": "http://schema.org",
            "publisher": {"@type": "Organization", "name": A_NAME},
            "@type": "BlogPosting",
            "mainEntityOfPage": post.url,
            "headline": post.title,
            "datePublished": post.published,
            "dateModified": post.modified,
            "author": {"@type": "Person", "name": post.author["name"]},
        },
        separators=(",", ":"),
    )
    return f"""<!DOCTYPE html>
<html amp lang="en-US" data-amp-auto-lightbox-disable transformed="self;v=1" i-amphtml-layout="" \
i-amphtml-no-boilerplate="">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<link rel="preconnect" href="https://cdn.ampproject.org">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-youtube" \
src="https://cdn.ampproject.org/v0/amp-youtube-0.1.js"></script>
<style amp-custom>body{{font-family:Georgia,serif;color:#353535}}\
.amp-wp-header{{background:#d62828}}.amp-wp-header a{{color:#fff}}</style>
<title>{esc(post.title)} - {A_NAME}</title>
<link rel="canonical" href="{post.url}">
<meta name="generator" content="AMP Plugin v2.4.0; mode=reader; theme=legacy">
<script type="application/ld+json">{schema}</script>
</head>
<body class="">
<header id="top" class="amp-wp-header">
<div><a href="{A}/">{A_NAME}</a></div>
</header>
<article class="amp-wp-article">
<header class="amp-wp-article-header">
<h1 class="amp-wp-title">{esc(post.title)}</h1>
<div class="amp-wp-meta amp-wp-byline"><span class="amp-wp-author author vcard">\
{post.author["name"]}</span></div>
<div class="amp-wp-meta amp-wp-posted-on"><time datetime="{post.published}">\
{human_date(post.published)}</time></div>
</header>
<figure class="amp-wp-article-featured-image wp-caption"><amp-img width="1200" height="675" \
src="{A}/wp-content/uploads/{post.meta["image"]}" layout="intrinsic"></amp-img></figure>
<div class="amp-wp-article-content">
{body}
</div>
<footer class="amp-wp-article-footer">
<div class="amp-wp-meta amp-wp-tax-category">Categories: {cats}</div>
<div class="amp-wp-meta amp-wp-comments-link"><a href="{post.url}#respond">Leave a Comment</a>\
</div>
</footer>
</article>
<footer class="amp-wp-footer">
<div><h2>{A_NAME}</h2><a href="#top" class="back-to-top">Back to top</a></div>
</footer>
</body>
</html>
"""


def broken(page: str) -> str:
    """Damage a rendered page like a badly edited theme would (and drop the closing tags)."""
    page = page.replace(
        '<div class="entry-content" itemprop="text">',
        '</div>\n<div class="entry-content" itemprop="text">',
        1,
    )
    page = page.replace(
        '<aside id="search-2"', '<table class="ad-wrap"><tr><td>\n</span><aside id="search-2"', 1
    )
    page = page.replace("</footer></div>\n", "</footer>\n", 1)
    head, _, _ = page.rpartition("</body>")
    return head.rstrip() + "\n<!-- Dynamic page generated in 0.412 seconds. -->\n"


def a_feed(posts: list[Post]) -> str:
    items = []
    for p in [p for p in posts if not p.private][:5]:
        cats = "".join(
            f"\n\t\t<category><![CDATA[{CATEGORIES[c]}]]></category>" for c in p.meta["categories"]
        )
        content = render_body(p, ads=False, toc=False)
        items.append(
            f"""\t<item>
\t\t<title>{esc(p.title)}</title>
\t\t<link>{p.url}</link>
\t\t<comments>{p.url}#respond</comments>
\t\t<dc:creator><![CDATA[{p.author["name"]}]]></dc:creator>
\t\t<pubDate>{rfc822(p.published)}</pubDate>{cats}
\t\t<guid isPermaLink="false">{A}/?p={p.meta["post_id"]}</guid>
\t\t<description><![CDATA[{excerpt(p, 55)} [&#8230;]]]></description>
\t\t<content:encoded><![CDATA[{content}]]></content:encoded>
\t\t<wfw:commentRss>{p.url}feed/</wfw:commentRss>
\t\t<slash:comments>{len(p.meta.get("comments", []))}</slash:comments>
\t</item>"""
        )
    newest = max(p.modified for p in posts if not p.private)
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:atom="http://www.w3.org/2005/Atom"
\txmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
\txmlns:slash="http://purl.org/rss/1.0/modules/slash/"
\t>

<channel>
\t<title>{A_NAME}</title>
\t<atom:link href="{A}/feed/" rel="self" type="application/rss+xml" />
\t<link>{A}</link>
\t<description>{A_TAGLINE}</description>
\t<lastBuildDate>{rfc822(newest)}</lastBuildDate>
\t<language>en-US</language>
\t<sy:updatePeriod>hourly</sy:updatePeriod>
\t<sy:updateFrequency>1</sy:updateFrequency>
\t<generator>https://wordpress.org/?v=6.2</generator>
{chr(10).join(items)}
\t</channel>
</rss>
"""


SITEMAP_PI = f'<?xml-stylesheet type="text/xsl" href="{A}/main-sitemap.xsl"?>'


def a_sitemaps(posts: list[Post], categories: dict[str, list[Post]]) -> dict[str, str]:
    public = [p for p in posts if not p.private]
    newest = max(p.modified for p in public)
    index = f"""<?xml version="1.0" encoding="UTF-8"?>{SITEMAP_PI}
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
\t<sitemap>
\t\t<loc>{A}/post-sitemap.xml</loc>
\t\t<lastmod>{newest}</lastmod>
\t</sitemap>
\t<sitemap>
\t\t<loc>{A}/category-sitemap.xml</loc>
\t\t<lastmod>{newest}</lastmod>
\t</sitemap>
</sitemapindex>
<!-- XML Sitemap generated by Yoast SEO -->"""
    urls = [
        f"""\t<url>
\t\t<loc>{p.url}</loc>
\t\t<lastmod>{p.modified}</lastmod>
\t\t<image:image>
\t\t\t<image:loc>{A}/wp-content/uploads/{p.meta["image"]}</image:loc>
\t\t</image:image>
\t</url>"""
        for p in sorted(public, key=lambda p: p.modified)
    ]
    post_sitemap = f"""<?xml version="1.0" encoding="UTF-8"?>{SITEMAP_PI}
<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" \
xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 \
http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd \
http://www.google.com/schemas/sitemap-image/1.1 \
http://www.google.com/schemas/sitemap-image/1.1/sitemap-image.xsd" \
xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{chr(10).join(urls)}
</urlset>
<!-- XML Sitemap generated by Yoast SEO -->"""
    cats = [
        f"""\t<url>
\t\t<loc>{A}/category/{slug}/</loc>
\t\t<lastmod>{max(p.modified for p in items)}</lastmod>
\t</url>"""
        for slug, items in categories.items()
    ]
    category_sitemap = f"""<?xml version="1.0" encoding="UTF-8"?>{SITEMAP_PI}
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{chr(10).join(cats)}
</urlset>
<!-- XML Sitemap generated by Yoast SEO -->"""
    return {
        "sitemap_index.xml": index,
        "post-sitemap.xml": post_sitemap,
        "category-sitemap.xml": category_sitemap,
    }


SITEMAP_XSL = """<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="2.0" xmlns:html="http://www.w3.org/TR/REC-html40"
  xmlns:sitemap="http://www.sitemaps.org/schemas/sitemap/0.9"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="html" version="1.0" encoding="UTF-8" indent="yes"/>
<xsl:template match="/"><html><head><title>XML Sitemap</title></head><body>
<h1>XML Sitemap</h1><p>Generated by Yoast SEO.</p></body></html></xsl:template>
</xsl:stylesheet>
"""


def minimal_pdf(lines: list[str]) -> bytes:
    """A small, valid PDF 1.4 document (correct xref offsets) showing ``lines`` of text."""
    stream_lines = ["BT", "/F1 14 Tf", "72 740 Td", "18 TL"]
    for line in lines:
        text = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream_lines.append(f"({text}) Tj T*")
    stream_lines.append("ET")
    stream = "\n".join(stream_lines).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Title (The Witcher Season 5 Leaks) /Producer (Season Scoop) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


ROBOTS_A = f"""User-agent: *
Disallow: /private/
Disallow: /wp-admin/
Allow: /wp-admin/admin-ajax.php

Sitemap: {A}/sitemap_index.xml
"""


def build_a(out: Path) -> list[Post]:
    posts = load_posts("a")
    public = [p for p in posts if not p.private]
    files: dict[str, str | bytes] = {}
    for post in posts:
        page = a_post_page(post, posts)
        if post.meta.get("broken"):
            page = broken(page)
        files[post.path + "index.html"] = page.encode(post.encoding.replace("UTF-8", "utf-8"))
        if post.meta.get("amp"):
            files[post.path + "amp/index.html"] = a_amp_page(post)
    # home and its pagination
    pages = -(-len(public) // PER_PAGE_HOME)
    for n in range(1, pages + 1):
        items = public[(n - 1) * PER_PAGE_HOME : n * PER_PAGE_HOME]
        html_page = a_listing(
            title=A_NAME + (f" - Page {n} of {pages}" if n > 1 else f" - {A_TAGLINE}"),
            heading="" if n == 1 else f"Latest News - Page {n}",
            base=f"{A}/",
            page=n,
            pages=pages,
            items=items,
            posts=posts,
            body_class="home blog" if n == 1 else "blog paged paged-2",
            canonical=f"{A}/" if n == 1 else f"{A}/page/{n}/",
        )
        if n == 1:
            html_page = html_page.replace(
                '<main class="site-main" id="main">\n',
                '<main class="site-main" id="main">\n' + TRENDING + "\n",
                1,
            )
        files[("/" if n == 1 else f"/page/{n}/") + "index.html"] = html_page
    # categories
    categories: dict[str, list[Post]] = {}
    for slug in ("netflix", "k-drama", "anime"):
        items = [p for p in public if slug in p.meta["categories"]]
        categories[slug] = items
        cpages = -(-len(items) // PER_PAGE_CATEGORY)
        base = f"{A}/category/{slug}/"
        for n in range(1, cpages + 1):
            chunk = items[(n - 1) * PER_PAGE_CATEGORY : n * PER_PAGE_CATEGORY]
            suffix = "" if n == 1 else f"page/{n}/"
            files[f"/category/{slug}/{suffix}index.html"] = a_listing(
                title=f"{CATEGORIES[slug]} Archives"
                + (f" - Page {n} of {cpages}" if n > 1 else "")
                + f" - {A_NAME}",
                heading=CATEGORIES[slug],
                intro=f'<div class="taxonomy-description"><p>All the latest {CATEGORIES[slug]} '
                "season news: renewals, release dates and cast updates.</p></div>",
                base=base,
                page=n,
                pages=cpages,
                items=chunk,
                posts=posts,
                body_class=f"archive category category-{slug}",
                canonical=base + suffix,
            )
    # tags and authors
    tags: dict[str, tuple[str, list[Post]]] = {}
    for p in public:
        for t in p.meta["tags"]:
            tags.setdefault(slugify(t), (t, []))[1].append(p)
    for slug, (name, items) in tags.items():
        files[f"/tag/{slug}/index.html"] = a_listing(
            title=f"{name} Archives - {A_NAME}",
            heading=esc(name),
            base=f"{A}/tag/{slug}/",
            page=1,
            pages=1,
            items=items,
            posts=posts,
            body_class=f"archive tag tag-{slug}",
            canonical=f"{A}/tag/{slug}/",
        )
    for key in ("priya-sharma", "daniel-okafor"):
        items = [p for p in public if p.meta["author"] == key]
        files[f"/author/{key}/index.html"] = a_listing(
            title=f"{AUTHORS[key]['name']}, Author at {A_NAME}",
            heading=AUTHORS[key]["name"],
            intro=f'<div class="author-info"><p>{esc(AUTHORS[key]["bio"])}</p></div>',
            base=f"{A}/author/{key}/",
            page=1,
            pages=1,
            items=items,
            posts=posts,
            body_class=f"archive author author-{key}",
            canonical=f"{A}/author/{key}/",
        )
    simple = {
        "/about/": (
            "About Us",
            "Season Scoop is an independent blog about television. We track "
            "every renewal, cancellation and release date so you do not have to.",
        ),
        "/contact/": ("Contact", "Got a tip about a renewal? Write to tips@seasonscoop.example."),
        "/privacy-policy/": (
            "Privacy Policy",
            "We use cookies for analytics and advertising. "
            "By using this site you agree to our use of cookies.",
        ),
    }
    for path, (title, text) in simple.items():
        files[path + "index.html"] = a_simple_page(title, path, text, posts)
    files["/404.html"] = a_404(posts)
    files["/feed/index.xml"] = a_feed(posts)
    files.update({f"/{k}": v for k, v in a_sitemaps(posts, categories).items()})
    files["/main-sitemap.xsl"] = SITEMAP_XSL
    files["/robots.txt"] = ROBOTS_A
    files["/season-5-leaks.pdf"] = minimal_pdf(
        [
            "THE WITCHER - SEASON 5 - PRODUCTION NOTES (LEAKED)",
            "Block 1: Sigil shoot, Hungary. Block 2: Brokilon forest.",
            "Not a real document: part of the Season Scoop demo site.",
        ]
    )
    write_files(out, files)
    return posts


# -- site b: Astra + Rank Math ---------------------------------------------------------------------

B_NAME = "TV Season Buzz"


def b_document(*, title: str, head: str, body_class: str, content: str, posts: list[Post]) -> str:
    recent = "\n".join(f'<li><a href="{p.url}">{esc(p.title)}</a></li>' for p in posts)
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="profile" href="https://gmpg.org/xfn/11">
{head}
<link rel='stylesheet' id='astra-theme-css-css' \
href='{B}/wp-content/themes/astra/assets/css/minified/main.min.css?ver=4.1.5' media='all' />
<link rel='stylesheet' id='heateor_sss_frontend_css-css' \
href='{B}/wp-content/plugins/sassy-social-share/public/css/sassy-social-share-public.css' \
media='all' />
<script src='{B}/wp-includes/js/jquery/jquery.min.js?ver=3.6.4' id='jquery-core-js'></script>
</head>
<body itemtype='https://schema.org/Blog' itemscope='itemscope' class="{body_class} \
ast-desktop ast-separate-container ast-right-sidebar astra-4.1.5">
<a class="skip-link screen-reader-text" href="#content" role="link" title="Skip to content">\
Skip to content</a>
<div class="hfeed site" id="page">
<header class="site-header header-main-layout-1 ast-primary-menu-enabled ast-logo-title-inline \
ast-hide-custom-menu-mobile ast-builder-menu-toggle-icon ast-mobile-header-inline" \
id="masthead" itemtype="https://schema.org/WPHeader" itemscope="itemscope" itemid="#masthead">
<div id="ast-desktop-header" data-toggle-type="dropdown">
<div class="ast-main-header-wrap main-header-bar-wrap"><div class="ast-primary-header-bar \
ast-primary-header main-header-bar site-header-focus-item" \
data-section="section-primary-header-builder">
<div class="site-primary-header-wrap ast-builder-grid-row-container site-header-focus-item \
ast-container" data-section="section-primary-header-builder">
<div class="ast-site-identity" itemtype="https://schema.org/Organization" itemscope="itemscope">
<span class="site-logo-img"><a href="{B}/" class="custom-logo-link" rel="home"><img \
width="200" height="50" src="{B}/wp-content/uploads/2022/10/logo.png" class="custom-logo" \
alt="{B_NAME}" decoding="async" /></a></span></div>
<div class="main-header-bar-navigation"><nav class="site-navigation ast-flex-grow-1 \
navigation-accessibility site-header-focus-item" id="primary-site-navigation-desktop" \
aria-label="Site Navigation" itemtype="https://schema.org/SiteNavigationElement" \
itemscope="itemscope"><div class="main-navigation ast-inline-flex"><ul id="ast-hf-menu-1" \
class="main-header-menu ast-menu-shadow ast-nav-menu ast-flex submenu-with-border">
<li class="menu-item menu-item-home"><a href="{B}/" class="menu-link">Home</a></li>
<li class="menu-item"><a href="{B}/category/entertainment/" class="menu-link">Entertainment</a></li>
</ul></div></nav></div>
</div></div></div></div>
</header>
<div id="content" class="site-content">
<div class="ast-container">
{content}
<div class="widget-area secondary" id="secondary" itemtype="https://schema.org/WPSideBar" \
itemscope="itemscope"><div class="sidebar-main" >
<aside id="block-3" class="widget widget_block"><div class="wp-block-group"><div \
class="wp-block-group__inner-container"><h2 class="wp-block-heading">Latest Posts</h2>\
<ul class="wp-block-latest-posts__list wp-block-latest-posts">
{recent}
</ul></div></div></aside>
</div></div>
</div>
</div>
<footer class="site-footer" id="colophon" itemtype="https://schema.org/WPFooter" \
itemscope="itemscope" itemid="#colophon">
<div class="site-below-footer-wrap ast-builder-grid-row-container site-footer-focus-item \
ast-builder-grid-row-full ast-builder-grid-row-tablet-full ast-builder-grid-row-mobile-full \
ast-footer-row-stack ast-footer-row-tablet-stack ast-footer-row-mobile-stack" \
data-section="section-below-footer-builder"><div class="ast-builder-grid-row-container-inner">
<div class="ast-builder-footer-grid-columns site-below-footer-inner-wrap ast-builder-grid-row">
<div class="site-footer-below-section-1 site-footer-section site-footer-section-1">
<div class="ast-builder-layout-element ast-flex site-footer-focus-item ast-footer-copyright" \
data-section="section-footer-builder"><div class="ast-footer-copyright"><p>Copyright &copy; \
2023 {B_NAME} | Powered by {B_NAME}</p></div></div></div></div></div></div>
</footer>
</div>
<script src='{B}/wp-content/themes/astra/assets/js/minified/frontend.min.js?ver=4.1.5' \
id='astra-theme-js-js'></script>
</body>
</html>
"""


def rank_math_head(post: Post) -> str:
    schema = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "@id": f"{B}/#organization", "name": B_NAME},
            {
                "@type": "WebPage",
                "@id": f"{post.url}#webpage",
                "url": post.url,
                "name": post.title,
                "datePublished": post.published,
                "dateModified": post.modified,
                "inLanguage": "en-US",
            },
            {
                "@type": "Person",
                "@id": f"{B}/author/{post.meta['author']}/",
                "name": post.author["name"],
            },
            {
                "@type": "BlogPosting",
                "headline": post.title,
                "datePublished": post.published,
                "dateModified": post.modified,
                "author": {"@id": f"{B}/author/{post.meta['author']}/"},
                "publisher": {"@id": f"{B}/#organization"},
                "description": post.meta["description"],
                "@id": f"{post.url}#richSnippet",
                "isPartOf": {"@id": f"{post.url}#webpage"},
                "mainEntityOfPage": {"@id": f"{post.url}#webpage"},
                "inLanguage": "en-US",
            },
        ],
    }
    return f"""<!-- Search Engine Optimization by Rank Math - https://rankmath.com/ -->
<title>{esc(post.title)} | {B_NAME}</title>
<meta name="description" content="{esc(post.meta["description"])}"/>
<meta name="robots" content="follow, index, max-snippet:-1, max-video-preview:-1, \
max-image-preview:large"/>
<link rel="canonical" href="{post.url}" />
<meta property="og:locale" content="en_US" />
<meta property="og:type" content="article" />
<meta property="og:title" content="{esc(post.title)}" />
<meta property="og:description" content="{esc(post.meta["description"])}" />
<meta property="og:url" content="{post.url}" />
<meta property="og:site_name" content="{B_NAME}" />
<meta property="article:section" content="Entertainment" />
<meta property="og:updated_time" content="{post.modified}" />
<meta property="og:image" content="{B}/wp-content/uploads/{post.meta["image"]}" />
<meta property="article:published_time" content="{post.published}" />
<meta property="article:modified_time" content="{post.modified}" />
<meta name="twitter:card" content="summary_large_image" />
<meta name="twitter:title" content="{esc(post.title)}" />
<meta name="twitter:label1" content="Written by" />
<meta name="twitter:data1" content="{post.author["name"]}" />
<script type="application/ld+json" class="rank-math-schema">\
{json.dumps(schema, ensure_ascii=False, separators=(",", ":"))}</script>
<!-- /Rank Math WordPress SEO plugin -->"""


def b_share(post: Post) -> str:
    u = post.url
    return f"""<div class="heateor_sss_sharing_container heateor_sss_horizontal_sharing" \
data-heateor-sss-href="{u}"><div class="heateor_sss_sharing_title" style="font-weight:bold">\
Spread the love</div><div class="heateor_sss_sharing_ul"><a aria-label="Facebook" \
class="heateor_sss_facebook" href="https://www.facebook.com/sharer/sharer.php?u={u}" \
title="Facebook" rel="nofollow noopener" target="_blank">Facebook</a><a aria-label="Twitter" \
class="heateor_sss_button_twitter" href="https://twitter.com/intent/tweet?text=\
{quote(post.title)}&amp;url={u}" title="Twitter" rel="nofollow noopener" target="_blank">\
Twitter</a><a aria-label="Whatsapp" class="heateor_sss_whatsapp" \
href="https://api.whatsapp.com/send?text={u}" title="Whatsapp" rel="nofollow noopener" \
target="_blank">Whatsapp</a></div><div class="heateorSssClear"></div></div>"""


def b_post_page(post: Post, posts: list[Post], a_posts: list[Post]) -> str:
    if "copy_of" in post.meta:
        source = next(p for p in a_posts if p.slug == post.meta["copy_of"])
        body = re.sub(r"<!--related:\d+-->\n?", "", source.body)
        body = body.replace("Stay tuned to Season Scoop", f"Stay tuned to {B_NAME}")
        body = body.replace("<h2>", '<h2 class="wp-block-heading">')
        body = (
            body.rstrip()
            + "\n"
            + "\n".join(f"<!--related:{i}-->" for i in range(len(post.related)))
        )
        post.body = body
    content_html = render_body(post, ads=False, toc=False)
    pid = post.meta["post_id"]
    author = post.meta["author"]
    content = f"""<div id="primary" class="content-area primary">
<main id="main" class="site-main">
<article class="post-{pid} post type-post status-publish format-standard has-post-thumbnail \
hentry category-entertainment ast-article-single" id="post-{pid}" \
itemtype="https://schema.org/CreativeWork" itemscope="itemscope">
<div class="ast-post-format- single-layout-1 ast-no-date-box">
<div class="ast-single-post-order">
<header class="entry-header ">
<div class="post-thumb-img-content post-thumb"><img width="1024" height="576" \
src="{B}/wp-content/uploads/{post.meta["image"]}" class="attachment-large size-large \
wp-post-image" alt="" decoding="async" itemprop="image" /></div>
<h1 class="entry-title" itemprop="headline">{esc(post.title)}</h1>
<div class="entry-meta"><span class="posted-by vcard author" itemtype="https://schema.org/Person" \
itemscope="itemscope" itemprop="author"> <a title="View all posts by {post.author["name"]}" \
href="{B}/author/{author}/" rel="author" class="url fn n" itemprop="url"><span \
class="author-name" itemprop="name">{post.author["name"]}</span></a></span> / <span \
class="posted-on"><span class="published" itemprop="datePublished"> \
{human_date(post.published)}</span></span></div>
</header>
<div class="entry-content clear" itemprop="text">
{b_share(post)}
{content_html}
{b_share(post)}
</div>
</div>
</div>
</article>
<nav class="navigation post-navigation" aria-label="Post navigation"><span \
class="screen-reader-text">Post navigation</span></nav>
</main>
</div>"""
    return b_document(
        title=post.title,
        head=rank_math_head(post),
        body_class=f"post-template-default single single-post postid-{pid} single-format-standard",
        content=content,
        posts=posts,
    )


def b_listing(title: str, canonical: str, posts: list[Post], body_class: str) -> str:
    items = "\n".join(
        f"""<article class="post-{p.meta["post_id"]} post type-post ast-article-post" \
id="post-{p.meta["post_id"]}"><div class="ast-post-format- blog-layout-1 ast-no-date-box">
<div class="post-content ast-grid-common-col"><h2 class="entry-title" itemprop="headline">\
<a href="{p.url}" rel="bookmark">{esc(p.title)}</a></h2>
<header class="entry-header"><div class="entry-meta">{human_date(p.published)}</div></header>
<div class="ast-excerpt-container ast-blog-single-element"><p>{excerpt(p, 30)}</p></div>
<p class="ast-blog-single-element ast-read-more-container read-more"><a class="" \
href="{p.url}">Read More &raquo;<span class="screen-reader-text">{esc(p.title)}</span></a></p>
</div></div></article>"""
        for p in posts
    )
    head = f"""<title>{esc(title)}</title>
<link rel="canonical" href="{canonical}" />
<meta property="og:type" content="website" />
<meta property="og:site_name" content="{B_NAME}" />"""
    content = f"""<div id="primary" class="content-area primary">
<main id="main" class="site-main"><div class="ast-row">
{items}
</div></main>
</div>"""
    return b_document(title=title, head=head, body_class=body_class, content=content, posts=posts)


def build_b(out: Path, a_posts: list[Post]) -> list[Post]:
    posts = load_posts("b")
    files: dict[str, str | bytes] = {}
    for post in posts:
        files[post.path + "index.html"] = b_post_page(post, posts, a_posts)
    files["/index.html"] = b_listing(
        f"{B_NAME} - Web Series, OTT And TV Season Updates", f"{B}/", posts, "home blog"
    )
    files["/category/entertainment/index.html"] = b_listing(
        f"Entertainment - {B_NAME}",
        f"{B}/category/entertainment/",
        posts,
        "archive category category-entertainment",
    )
    files["/author/rahul-verma/index.html"] = b_listing(
        f"Rahul Verma, Author at {B_NAME}",
        f"{B}/author/rahul-verma/",
        posts,
        "archive author author-rahul-verma",
    )
    files["/404.html"] = b_document(
        title="Page not found",
        head=f"<title>Page not found - {B_NAME}</title>",
        body_class="error404",
        content='<div id="primary" class="content-area primary"><main id="main" '
        'class="site-main"><section class="error-404 not-found"><h1 class="page-title">'
        "This page doesn't seem to exist.</h1><p>It looks like the link pointing here was "
        "faulty. Maybe try searching?</p></section></main></div>",
        posts=posts,
    )
    files["/robots.txt"] = f"""User-agent: *
Disallow: /wp-admin/
Allow: /wp-admin/admin-ajax.php

Sitemap: {B}/sitemap.xml
"""
    urls = "\n".join(
        f"  <url>\n    <loc>{p.url}</loc>\n    <lastmod>{p.modified}</lastmod>\n  </url>"
        for p in posts
    )
    files["/sitemap.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{urls}\n</urlset>\n"
    )
    write_files(out, files)
    return posts


def write_files(out: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = out / rel.lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)


def main() -> None:
    """Rebuild ``demo/site/a``, ``demo/site/b`` and ``demo/site/MANIFEST.md``."""
    for name in ("a", "b"):
        if (SITE_DIR / name).exists():
            shutil.rmtree(SITE_DIR / name)
    a_posts = build_a(SITE_DIR / "a")
    b_posts = build_b(SITE_DIR / "b", a_posts)
    from demo import manifest  # imports this module

    (SITE_DIR / "MANIFEST.md").write_text(manifest.render(a_posts, b_posts), encoding="utf-8")
    print(f"wrote {SITE_DIR}")


if __name__ == "__main__":
    main()
