"""Write ``demo/site/MANIFEST.md``: every demo page and what a correct crawler stores from it.

Called by :mod:`demo.build_site`. Reachability is not written by hand: the sites are served with
:func:`demo.server.start_servers` and walked with the link rule stated in the manifest, so the
lists always match the files.
"""

from __future__ import annotations

import html
import http.client
import re
import unicodedata
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import lxml.html

from demo.build_site import RELATED_KIND, Post, plain_text
from demo.server import DemoSites, start_servers

SEASONISH = re.compile(r"season|series|renewed|release[ -]date|cast|trailer", re.IGNORECASE)
LISTING = re.compile(r"^/(?:category|tag)/|/page/\d+/$")
DISALLOWED = ("/private/", "/wp-admin/")


def show_key(show: str) -> str:
    """Expected normalised show identity: accents stripped, lower case, punctuation to spaces."""
    ascii_text = unicodedata.normalize("NFKD", show).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).split())


@dataclass
class Fetched:
    path: str
    status: int
    content_type: str = ""
    location: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Walk:
    """Pages fetched from some seeds with the manifest's link rule."""

    fetched: dict[str, Fetched] = field(default_factory=dict)
    blocked: set[str] = field(default_factory=set)
    offsite: set[str] = field(default_factory=set)


def fetch(sites: DemoSites, site: str, path: str) -> Fetched:
    host, port = urlsplit(sites.base(site)).netloc.split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        body = resp.read()
    finally:
        conn.close()
    ctype = resp.getheader("Content-Type", "")
    result = Fetched(path, resp.status, ctype, resp.getheader("Location", "") or "")
    if ctype.startswith("text/html") and body and resp.status == 200:
        charset = ctype.partition("charset=")[2] or "utf-8"
        tree = lxml.html.document_fromstring(body.decode(charset, errors="replace"))
        base = sites.base(site) + path
        for a in tree.iter("a"):
            href = a.get("href")
            if href and not href.startswith(("#", "mailto:", "javascript:")):
                result.links.append((urljoin(base, href), " ".join(a.text_content().split())))
    return result


def walk(sites: DemoSites, site: str, seeds: Iterable[str], *, follow: bool) -> Walk:
    """Breadth-first walk of one site from ``seeds`` (paths).

    Rule: stay on the site; obey robots.txt; follow a link when it points to a listing
    (``/category/``, ``/tag/``, ``.../page/N/``) or when its anchor text or URL
    looks like season news (:data:`SEASONISH`); follow redirects. The query string and fragment
    are dropped before de-duplication (the server ignores them).
    """
    base = sites.base(site)
    result = Walk()
    queue = deque(seeds)
    while queue:
        path = queue.popleft()
        if path in result.fetched or path in result.blocked:
            continue
        if path.startswith(DISALLOWED):
            result.blocked.add(path)
            continue
        page = fetch(sites, site, path)
        result.fetched[path] = page
        if page.location:
            queue.append(urlsplit(page.location).path)
        if not follow:
            continue
        for url, anchor in page.links:
            if not url.startswith(base + "/"):
                if SEASONISH.search(anchor + " " + url) and url.startswith("http://127."):
                    result.offsite.add(url)
                continue
            target = urlsplit(url).path
            if LISTING.search(target) or SEASONISH.search(anchor + " " + target):
                queue.append(target)
    return result


def get_text(sites: DemoSites, site: str, path: str) -> str:
    host, port = urlsplit(sites.base(site)).netloc.split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        conn.request("GET", path)
        return conn.getresponse().read().decode("utf-8")
    finally:
        conn.close()


def sitemap_urls(sites: DemoSites, site: str, path: str) -> list[str]:
    """Paths listed by a sitemap or sitemap index (recursively)."""
    text = get_text(sites, site, path)
    locs = [urlsplit(html.unescape(m)).path for m in re.findall(r"<loc>(.*?)</loc>", text)]
    if "<sitemapindex" in text:
        return [p for loc in locs for p in sitemap_urls(sites, site, loc)]
    return locs


def feed_urls(sites: DemoSites, site: str) -> list[str]:
    """Paths of the items of the site's RSS feed."""
    text = get_text(sites, site, "/feed/")
    return [urlsplit(m).path for m in re.findall(r"<link>(.*?)</link>", text)[1:]]


# -- rendering -------------------------------------------------------------------------------------


def related_rows(post: Post) -> list[tuple[str, str, str, str]]:
    """(kind, href as written, expected anchor, target path) in page order."""
    rows = []
    blocks = [b for b in post.related if b["style"] != "jetpack"]
    blocks += [b for b in post.related if b["style"] == "jetpack"]
    for block in blocks:
        for href, anchor in block["links"]:
            written = href
            if block["style"] == "jetpack":
                written = f"{href}?relatedposts_hit=1&relatedposts_origin={post.meta['post_id']}"
                written += "&relatedposts_position=N"
            target = urlsplit(href.replace("{{", "").replace("}}", "")).path
            rows.append((RELATED_KIND[block["style"]], written, anchor, target))
    return rows


def inline_links(post: Post) -> list[str]:
    body = re.sub(r"<!--related:\d+-->", "", post.body)
    return re.findall(r'href="([^"]+)"', body)


def must_contain(post: Post) -> list[str]:
    paras = [plain_text(p) for p in re.split(r"<p>", post.body)[1:]]
    paras = [p for p in paras if len(p.split()) > 12]
    first = " ".join(paras[0].split()[:12])
    last = " ".join(paras[-1].split()[:10])
    return [first, last]


def must_not_contain(post: Post) -> list[str]:
    body = plain_text(re.sub(r"<!--related:\d+-->", "", post.body))
    items = [anchor for _, _, anchor, _ in related_rows(post)]
    if post.site == "a":
        items += ["Share this:", "Like this:", "Leave a Reply", "Recent Posts", "Post Comment"]
        items += [c["text"] for c in post.meta.get("comments", [])]
        if post.meta.get("toc"):
            items.append("Table of Contents")
    else:
        items += ["Spread the love", "Latest Posts"]
    for item in items:
        assert item not in body, (post.slug, item)
    return items


def show_cell(post: Post) -> str:
    shows = post.meta.get("shows") or []
    if not shows:
        return "none"
    return "; ".join(f"{s} S{n} (`{show_key(s)}`)" for s, n in shows)


def article_section(post: Post, site_marker: str) -> str:
    lines = [f"### `{post.path}`", ""]
    lines.append(f"- Title: {post.title}")
    lines.append(
        f"- Published / modified: {post.published[:10]} / {post.modified[:10]}  "
        f"(`{post.published}` / `{post.modified}`)"
    )
    lines.append(f"- Author: {post.author['name']}")
    lines.append(f"- Canonical URL: `{site_marker}{post.path}`")
    shows = post.meta.get("shows") or []
    if shows:
        lines.append(
            "- Show-seasons (main first): "
            + "; ".join(f'"{s}" season {n}, key `{show_key(s)}`' for s, n in shows)
        )
    else:
        lines.append(f"- Show-seasons: none. Reason: {post.meta.get('no_season', 'n/a')}")
    notes = []
    if post.meta.get("encoding"):
        notes.append(
            f"served as `text/html; charset={post.encoding.lower()}` with `<meta charset="
            f'"{post.encoding}">`; bytes are windows-1252 (É = 0xC9, ’ = 0x92, “ ” = 0x93 0x94). '
            "Stored title must read `Élite Season 7 ...` (no mojibake like `Ã‰lite`)"
        )
    if post.meta.get("broken"):
        notes.append(
            "broken markup: unclosed `<p>`/`<li>`/`<strong>`, stray `</div>` in the body and "
            "before `.entry-content`, an unclosed `<table>` in the sidebar, no `</body></html>`. "
            "Must still be stored like any other article"
        )
    if post.meta.get("amp"):
        notes.append(f"also served as `{post.path}amp/` (AMP, `rel=canonical` to this URL)")
    if post.meta.get("comments"):
        notes.append("has reader comments (they mention other seasons: not the article's)")
    if "copy_of" in post.meta:
        notes.append(
            f"COPY of site a `/{post.meta['copy_of']}/`: same body paragraphs, other theme, "
            "later date, different title capitalisation"
        )
    for note in notes:
        lines.append(f"- Note: {note}")
    rows = related_rows(post)
    if rows:
        lines += ["- Related links, in page order:", ""]
        lines.append("  | kind | href as written | anchor (label removed) |")
        lines.append("  |---|---|---|")
        for kind, written, anchor, _ in rows:
            lines.append(f"  | {kind} | `{written}` | {anchor} |")
        lines.append("")
    inline = inline_links(post)
    if inline:
        lines.append(
            "- In-body links that are NOT related links: " + ", ".join(f"`{u}`" for u in inline)
        )
    lines.append("- Body must contain: " + "; ".join(f"“{s}”" for s in must_contain(post)))
    lines.append("- Body must not contain: " + "; ".join(f"“{s}”" for s in must_not_contain(post)))
    lines.append("")
    return "\n".join(lines)


def bullet_paths(paths: Iterable[str]) -> str:
    return "\n".join(f"- `{p}`" for p in sorted(paths))


def statuses(w: Walk) -> str:
    rows = ["| path | status | content type / location |", "|---|---|---|"]
    for path in sorted(w.fetched):
        f = w.fetched[path]
        extra = f.location.split(":", 2)[-1] if f.location else f.content_type
        if f.location:
            extra = "-> `" + urlsplit(f.location).path + "`"
        rows.append(f"| `{path}` | {f.status} | {extra} |")
    return "\n".join(rows)


HEADER = """# Demo sites: pages and what a correct crawler stores

Generated by `python -m demo.build_site` from `demo/content/` (do not edit by hand: edit the
content or the generator and rebuild). Served by `demo.server.start_servers()`; in every URL below
`{{SITE_A}}` / `{{SITE_B}}` stand for `DemoSites.base("a")` / `DemoSites.base("b")` (e.g.
`http://127.0.0.1:40123`). Both sites run on 127.0.0.1 and differ only by port: an
`allowed_domains` / OffsiteMiddleware check by host name alone treats them as one site.

## What "stored" means here

- An **article** is a page with `og:type=article` and an `<h1>` headline: one row per canonical
  URL, whatever URL variant it was fetched through (`?utm_*`, `?share=`, `?replytocom=`,
  `?relatedposts_hit=`, `/amp/`, no trailing slash, `/moved/` redirect). Its fields: canonical
  URL, title, published and modified dates, author, body text, related links, show-seasons.
- **Show-seasons** are what the *headline* is about, main one first. Shows named in related-link
  anchors, in comments, in the sidebar or in the body only must NOT be attached. Spelling
  variants of one show (`All Of Us Are Dead` / `All of Us Are Dead`, `Alice In Borderland` /
  `Alice in Borderland`, `Élite` / `Elite`, British "Series 6" = season 6) share one key.
- **Related links** are the "Also Read"-style links (every variant below), with the label
  ("Also Read:", "ALSO READ:", ...) removed from the anchor. Ordinary in-body links are not
  related links. Related blocks must be removed from the body text.
- **Listings** (home, `/page/N/`, `/category/...`, `/tag/...`, `/author/...`), the feed, the
  sitemaps, `/about/`, `/contact/`, `/privacy-policy/` store nothing.
- Pages with no show-season in the headline (the two marked "none") are articles but create no
  show/season row; they are recorded with their no-season reason (or skipped, if the pipeline
  keeps season news only).
"""


def render(a_posts: list[Post], b_posts: list[Post]) -> str:
    """The full MANIFEST.md text."""
    with start_servers(("a", "b")) as sites:
        home_a = walk(sites, "a", ["/"], follow=True)
        smap_a = sitemap_urls(sites, "a", "/sitemap_index.xml")
        smap_a_walk = walk(sites, "a", smap_a, follow=True)
        feed_a = feed_urls(sites, "a")
        feed_a_walk = walk(sites, "a", feed_a, follow=True)
        home_b = walk(sites, "b", ["/"], follow=True)
        smap_b = sitemap_urls(sites, "b", "/sitemap.xml")
        hits_private = sites.hits("a")["/private/season-9-secret/"]
        base_a, base_b = sites.base("a"), sites.base("b")
    assert hits_private == 0

    public_a = [p for p in a_posts if not p.private]
    article_paths = {p.path for p in public_a}
    out = [HEADER]

    out.append("## Site a: “Season Scoop” (WordPress, GeneratePress, Yoast, Jetpack)\n")
    out.append(
        "robots.txt disallows `/private/` (and `/wp-admin/`) and names "
        "`{{SITE_A}}/sitemap_index.xml` (Yoast index -> `post-sitemap.xml`, "
        "`category-sitemap.xml`). `/feed/` is RSS 2.0 with the newest 5 posts (full "
        "`content:encoded`). Home lists 10 posts per page (`/page/2/`), categories 6 "
        "(`/category/netflix/page/2/`).\n"
    )
    out.append("### Articles (one stored row each)\n")
    out.append("| path | published | show-seasons | notes |")
    out.append("|---|---|---|---|")
    for p in public_a:
        note = []
        if p.meta.get("broken"):
            note.append("broken HTML")
        if p.meta.get("encoding"):
            note.append("windows-1252")
        if p.meta.get("amp"):
            note.append("has AMP twin")
        out.append(f"| `{p.path}` | {p.published[:10]} | {show_cell(p)} | {', '.join(note)} |")
    out.append("")

    out.append("### Duplicates (must collapse onto the canonical article, never a second row)\n")
    out.append(
        """| URL variant | linked from | same as |
|---|---|---|
| `/all-of-us-are-dead-season-2-release-date/amp/` (AMP, `rel=canonical`) | \
`/netflix-shows-renewed-for-season-2-in-2023/` (in-body) and `<link rel=amphtml>` | \
`/all-of-us-are-dead-season-2-release-date/` |
| `/money-heist-season-6-release-date/?utm_source=twitter&utm_medium=social` | \
`/is-there-going-to-be-a-season-3-of-bridgerton/` (Also Read) | \
`/money-heist-season-6-release-date/` |
| `/the-witcher-season-4-release-date` (no trailing slash, answers 301 to the slash URL) | \
`/the-crown-series-6-release-date/` (Also Read) | `/the-witcher-season-4-release-date/` |
| `/moved/the-witcher-season-4-release-date/` (301) | \
`/alice-in-borderland-season-3-release-date/` (Read More) | \
`/the-witcher-season-4-release-date/` |
| `<post>?share=twitter&nb=1`, `<post>?share=facebook&nb=1` (Jetpack share buttons) | every \
article | `<post>` |
| `<post>?replytocom=112#respond`, `?replytocom=118` (comment reply links) | \
`/all-of-us-are-dead-season-2-release-date/` | that article |
| `<post>?relatedposts_hit=1&relatedposts_origin=...` (Jetpack related posts) | articles with a \
`#jp-relatedposts` block | `<post>` |
| `{{SITE_B}}/2023/03/all-of-us-are-dead-season-2-release-date-out/` (other host, \
copied body, published 2023-03-18) | `{{SITE_B}}/` | near-duplicate of \
`{{SITE_A}}/all-of-us-are-dead-season-2-release-date/` (published 2022-06-14): a separate \
URL/row, but a content de-duplicator must link it to the site a original (earliest) |
"""
    )

    out.append("### Bad pages (each linked from a page the crawler reaches)\n")
    out.append(
        """| URL | linked from (anchor) | answer | expected outcome |
|---|---|---|---|
| `/error-500/` | `/money-heist-season-6-release-date/` (Read More: “Peaky Blinders Season \
7 Release Date: Is It Happening?”) | 500 | failure: HTTP 500 (after retries); nothing stored |
| `/season-5-leaks.pdf` | `/the-witcher-season-4-release-date/` (in-body “leaked The Witcher \
season 5 production notes (PDF)”) | 200 `application/pdf` (valid 1-page PDF) | skipped: not \
HTML; nothing stored |
| `/huge/` | home “Trending Now” (“Game of Thrones Season 9 Release Date Rumours: The Complete \
Archive”) | 200 `text/html`, exactly 3,145,728 bytes with Content-Length | failure: over the \
download size limit (`DOWNLOAD_MAXSIZE` < 3 MiB); nothing stored |
| `/loop/a/` | home “Trending Now” (“Sherlock Series 5 Release Date: Will Benedict Cumberbatch \
Return?”) | 302 -> `/loop/b/` -> 302 -> `/loop/a/` | failure: redirect loop (dupe-filtered or \
max redirects); nothing stored |
| `/squid-game-season-2-cast-revealed/` | `/squid-game-season-2-release-date/` (Also Read) | \
404 (themed “Oops! That page can’t be found.”) | failure: HTTP 404; the related link itself \
IS stored on the Squid Game article |
| `/private/season-9-secret/` | home “Trending Now” (“Exclusive: The Season 9 Secret Ending \
Leaked”) | would be 200 (a real article) | never requested: robots.txt disallows it \
(`sites.hits("a")["/private/season-9-secret/"] == 0`); nothing stored |
| `/kingdom-season-3-release-date/` | home, `/category/k-drama/`, sitemap, several Also Read | \
200, broken markup | STORED normally (Kingdom S3) |
| `/elite-season-7-release-date/` | home “Trending Now”, `/category/netflix/`, sitemap, Money \
Heist (label-in-anchor) | 200 `text/html; charset=windows-1252` | STORED normally, decoded \
correctly (Élite S7) |
| `/slow/` | not linked (for timeout tests) | 200 after `DemoSites.slow_seconds` (5 s) | with a \
shorter `DOWNLOAD_TIMEOUT`: failure: timeout |
| `/squid-game-season-2-cast/` | `/squid-game-season-2-release-date/` (in-body) and listings | \
200 | the *existing* sibling of the 404 above: STORED (Squid Game S2) |
"""
    )

    out.append("### Related-link variants, where to find each\n")
    variants: dict[str, list[str]] = {}
    labels = {
        "also_read_colon": "`<p><strong>Also Read:</strong> <a>…</a></p>`",
        "also_read_dash": "`<p>Also read - <a>…</a></p>`",
        "read_also_caps": "`<strong>READ ALSO: <a>…</a></strong>`",
        "label_in_anchor": "`<a><strong>ALSO READ: …</strong></a>` (label inside the anchor)",
        "read_more": "`<strong>Read More:</strong> <a>…</a>` (inside a red span)",
        "related": "`<p><em>Related:</em> <a>…</a></p>`",
        "must_read": "`<strong>Must Read</strong>: <a>…</a>`",
        "you_may_like": "`<h3>You May Also Like</h3><ul><li><a>…</a></li>…</ul>`",
        "jetpack": "Jetpack `div#jp-relatedposts` (“Related”, titles in `h4`, nofollow, "
        "`?relatedposts_hit=` URLs)",
    }
    for p in a_posts + b_posts:
        for b in p.related:
            where = variants.setdefault(b["style"], [])
            if f"{p.site}:`{p.path}`" not in where:
                where.append(f"{p.site}:`{p.path}`")
    out.append("| markup | kind | pages |")
    out.append("|---|---|---|")
    for style, label in labels.items():
        out.append(f"| {label} | {RELATED_KIND[style]} | {', '.join(variants.get(style, []))} |")
    out.append("")

    out.append("### Reachability (site a)\n")
    out.append(
        "Link rule used below: stay on the site, obey robots.txt, follow a link when it points to "
        "a listing (`/category/`, `/tag/`, `…/page/N/`) or when its anchor text or "
        "URL matches `season|series|renewed|release[ -]date|cast|trailer` (case-insensitive), "
        "follow redirects, ignore query strings and fragments for de-duplication.\n"
    )
    home_articles = article_paths & set(home_a.fetched)
    out.append(
        f"**From the home URL alone** (`{{{{SITE_A}}}}/`, following the rule): all "
        f"{len(home_articles)} of {len(article_paths)} articles. "
        f"Fetched paths and answers:\n"
    )
    out.append(statuses(home_a) + "\n")
    out.append(
        "Blocked by robots.txt (never requested): "
        + ", ".join(f"`{p}`" for p in sorted(home_a.blocked))
        + ". Seen but on the other site (not followed when crawling site a only): "
        + ", ".join(f"`{u.replace(base_b, '{{SITE_B}}')}`" for u in sorted(home_a.offsite))
        + ".\n"
    )
    out.append(
        f"**From the sitemap alone** (`{{{{SITE_A}}}}/sitemap_index.xml`, no link following): "
        f"the {len(smap_a)} URLs listed, i.e. {len(set(smap_a) & article_paths)} articles "
        "and the category pages:\n"
    )
    out.append(bullet_paths(smap_a) + "\n")
    out.append(
        "With link following from those seeds the crawl reaches the same articles as from the "
        f"home URL ({len(article_paths & set(smap_a_walk.fetched))} of {len(article_paths)}).\n"
    )
    out.append(
        "**From the feed alone** (`{{SITE_A}}/feed/`, no link following): the newest 5 posts:\n"
    )
    out.append(bullet_paths(feed_a) + "\n")
    out.append(
        "With link following from those seeds: "
        f"{len(article_paths & set(feed_a_walk.fetched))} of {len(article_paths)} articles.\n"
    )
    missing = article_paths - set(home_a.fetched)
    assert not missing, missing

    out.append("### Site a articles in detail\n")
    for p in public_a:
        out.append(article_section(p, "{{SITE_A}}"))

    out.append("## Site b: “TV Season Buzz” (WordPress, Astra, Rank Math): a copycat\n")
    out.append(
        "robots.txt (`Disallow: /wp-admin/`, `Sitemap: {{SITE_B}}/sitemap.xml`); a plain "
        "`sitemap.xml` (urlset) listing the 3 posts; home and `/category/entertainment/` list "
        "them. Dates carry a +05:30 offset: the dates below are the local dates as written "
        "(the copy's `2023-03-18T04:10:00+05:30` is 2023-03-17 in UTC).\n"
    )
    out.append("| path | published | show-seasons | notes |")
    out.append("|---|---|---|---|")
    for p in b_posts:
        note = "copy of site a AOUAD article" if "copy_of" in p.meta else "original"
        out.append(f"| `{p.path}` | {p.published[:10]} | {show_cell(p)} | {note} |")
    out.append("")
    out.append("**From the sitemap alone:**\n\n" + bullet_paths(smap_b) + "\n")
    out.append("**From the home URL alone (rule above):**\n\n" + statuses(home_b) + "\n")
    out.append(
        "Links from site b back to site a (followed only when site a is also allowed): "
        + ", ".join(f"`{u.replace(base_a, '{{SITE_A}}')}`" for u in sorted(home_b.offsite))
        + ".\n"
    )
    out.append("### Site b articles in detail\n")
    for p in b_posts:
        out.append(article_section(p, "{{SITE_B}}"))
    return "\n".join(out).rstrip() + "\n"
