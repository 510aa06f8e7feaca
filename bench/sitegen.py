"""A deterministic synthetic WordPress site of TV season-news articles, for benchmarks.

`generate_site(folder, pages, base_url, seed)` writes `pages` article pages (each at
`/<slug>/index.html`, served as `/<slug>/`), the archive pages a blog links to (home, 8
categories, a dozen authors; tag archives are disallowed in robots.txt), `robots.txt` and a
Yoast-style sitemap index (`/sitemap_index.xml` -> `post-sitemapN.xml` of at most 1000 URLs each,
plus `category-sitemap.xml`). The same seed always gives the same site byte for byte.

Three theme markups alternate: GeneratePress/Astra-like, Newspaper (tagDiv)-like and Jannah-like,
each with header, navigation, sidebar, footer, share bars, "Also Read" paragraphs (several
spellings) linking to other generated articles, a "You May Also Like" list, Jetpack related posts,
a comments section, inline CSS/JS and JSON-LD, so that pages weigh 30-120 KB like real ones.

Run alone: `python -m bench.sitegen FOLDER --pages 100 --base-url http://127.0.0.1:8000`.
"""

from __future__ import annotations

import argparse
import html
import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

SITE_NAME = "ScreenBuzz Daily"
SITE_TAGLINE = "Renewals, release dates and cast news for every show"
SITEMAP_MAX_URLS = 1000
"""URLs per post sitemap (Yoast's default is 1000)."""
MIN_PAGE_BYTES = 30_000
MAX_PAGE_BYTES = 120_000
THEMES = ("generatepress", "newspaper", "jannah")


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# -- word lists --------------------------------------------------------------------------

_ADJECTIVES = _words(
    "Silent Broken Hidden Crimson Golden Last Dark Wild Lost Frozen Burning Hollow Secret Savage "
    "Iron Velvet Midnight Scarlet Endless Fallen Bitter Electric Wicked Gilded Restless Quiet "
    "Forgotten Blue Black White Northern Southern Little Perfect Dead Royal Rogue Lucky Glass "
    "Shattered Sacred Cursed Final Neon Paper Stone Twisted Bright Sweet"
)
_NOUNS = _words(
    "Harbor Kingdom Empire Crown Throne Witness Signal Garden River Shadows Academy Legacy "
    "Highway Hospital Station Frontier Detective Orchard Assembly Inheritance Vow Circle Tides "
    "Ashes Mirror Island Border Lies Sisters Brothers Hunters Dynasty Republic Society Summit "
    "Bloodline Harvest Paradise Outpost Tower Passage Covenant Engine Lantern Desert Rebellion "
    "Verdict Protocol Office Motel Ranch Orbit Sanctuary Code"
)
_PLACES = _words(
    "Avalon Brooklyn Seoul Tokyo Atlanta Dublin Oslo Ridgewood Cedar Falls Westmoor Haven "
    "Kingsbridge Eldoria Marlowe Bay Pine Hollow Sunset Valley Blackwater Redmond Mistral"
)
_FIRST_NAMES = _words(
    "Emma Olivia Ava Mia Chloe Lily Grace Hannah Zoe Nora Ruby Ivy Jade Maya Leah Sofia Elena "
    "Liam Noah Ethan Lucas Mason Logan James Daniel Henry Jack Owen Ryan Adam Leo Caleb Isaac "
    "Min-jun Seo-yeon Ji-ho Haruto Yui Ren Sakura Arjun Priya Mateo Camila Omar Layla"
)
_LAST_NAMES = _words(
    "Walker Bennett Hayes Morgan Reed Carter Brooks Foster Price Sullivan Ward Coleman Hughes "
    "Fisher Gibson Kim Park Lee Choi Tanaka Sato Nakamura Patel Sharma Garcia Lopez Rossi Silva "
    "Novak Larsen Okafor Mensah Dubois Moreau Schmidt Becker Kowalski Ivanova Murphy Kelly"
)
_PLATFORMS = (
    "Netflix",
    "Prime Video",
    "Hulu",
    "Disney+",
    "HBO Max",
    "Apple TV+",
    "Peacock",
    "Paramount+",
    "Crunchyroll",
    "AMC+",
    "BBC One",
    "tvN",
)
_GENRES = (
    "crime drama",
    "fantasy series",
    "zombie thriller",
    "romantic comedy",
    "anime",
    "K-drama",
    "sci-fi series",
    "period drama",
    "teen drama",
    "docuseries",
    "mystery thriller",
    "sitcom",
)
_MONTHS = _words(
    "January February March April May June July August September October November December"
)
_CATEGORIES = (
    ("news", "News"),
    ("renewals", "Renewals"),
    ("release-dates", "Release Dates"),
    ("netflix", "Netflix"),
    ("anime", "Anime"),
    ("k-drama", "K-Drama"),
    ("trailers", "Trailers"),
    ("cast", "Cast"),
)
_TITLE_TEMPLATES = (
    "{show} Season {n} Release Date Out!",
    "{show} Season {n}: Release Date, Cast, Plot And Everything We Know",
    "Is {show} Season {n} Renewed Or Cancelled?",
    "{show} Season {n} Trailer Finally Drops",
    "{show} Season {n} Cast: Who Is Returning?",
    "{show} Season {n} Officially Confirmed By {platform}",
    "When Will {show} Season {n} Come Out On {platform}?",
    "{show} Season {n} Episode 1 Release Date And Time",
    "{show} Season {n} Renewal Status: Everything We Know So Far",
    "{show} Season {n} Is Coming: Release Window, Story And Spoilers",
    "{show} Season {n} Ending Explained And What Comes Next",
    "{show} Season {n} Premiere Date Announced",
)
_SECTION_HEADINGS = (
    "{show} Season {n} Release Date",
    "Has {show} Been Renewed For Season {n}?",
    "{show} Season {n} Cast",
    "Is There A Trailer For {show} Season {n}?",
    "What Will Happen In {show} Season {n}?",
    "Where To Watch {show}?",
    "How Many Episodes Will {show} Season {n} Have?",
    "{show} Season {prev} Recap",
)
_SENTENCES = (
    "Fans of {show} have been waiting for news about season {n} ever since season {prev} "
    "wrapped up on {platform}.",
    "The {genre} became one of the most streamed titles of {year}, spending {weeks} weeks in "
    "the global top ten.",
    "{platform} has officially renewed {show} for season {n}, and production is expected to "
    "begin in {month} {year}.",
    "According to a report from Deadline, filming for season {n} started in {month} and is "
    "scheduled to wrap before the end of {year}.",
    "We expect {show} season {n} to premiere around {month} {year1}, roughly two years after "
    "the previous season.",
    "Showrunner {person} told Variety that the story was always planned as a {seasons}-season "
    "arc, so there is plenty left to tell.",
    "Season {prev} ended on a massive cliffhanger, leaving the fate of {character} completely "
    "up in the air.",
    "The official trailer for season {n} was released on {platform}'s YouTube channel and has "
    "already crossed {views} million views.",
    "In the teaser, {character} returns to {place} to face the consequences of the season "
    "{prev} finale.",
    "No official release date has been announced yet, but insiders suggest a {month} premiere "
    "is likely.",
    "The previous season consisted of {episodes} episodes, each running for about {minutes} "
    "minutes.",
    "Season {n} is also expected to have {episodes} episodes, released weekly every {weekday}.",
    "{person} is set to direct several episodes, while {person2} returns as head writer.",
    "The series is based on the bestselling novel by {person}, which has sold more than "
    "{views} million copies worldwide.",
    "Critics praised season {prev} for its pacing, and it currently holds a {score}% score on "
    "Rotten Tomatoes.",
    "Viewers in the UK can stream every episode on {platform}, while US audiences can catch it "
    "on {platform2}.",
    "The cast recently reunited for a table read, which {person} shared on Instagram with the "
    "caption 'we are back'.",
    "It is still unclear whether {character} will survive after the events in {place}.",
    "The writers have hinted at a time jump, which could introduce several new characters.",
    "A spin-off set in {place} is also in early development at {platform}.",
    "Keep checking back, as we will update this article as soon as more information about "
    "season {n} becomes available.",
    "Ratings for the season {prev} premiere were the highest in the network's history, with "
    "{views} million viewers in the first week.",
    "{show} follows {character}, a {job} who discovers a dark secret about {place}.",
    "The first {prev} seasons are available to stream on {platform} right now.",
    "In an interview with Collider, {person} teased that season {n} will be 'bigger, darker and "
    "far more emotional'.",
    "The production moved from {place} to a new studio, which caused a delay of several months.",
    "Several fan theories suggest that {character} has been alive all along.",
    "The official synopsis for season {n} has not been revealed, but set photos show the cast "
    "filming in {place}.",
)
_JOBS = (
    "detective",
    "nurse",
    "high school teacher",
    "lawyer",
    "former soldier",
    "journalist",
    "chef",
    "young witch",
    "rookie cop",
    "surgeon",
)
_WEEKDAYS = ("Monday", "Wednesday", "Thursday", "Friday", "Sunday")
_COMMENTS = (
    "Can't wait for the new season, the last episode was insane!",
    "I hope they bring back the original cast, it won't be the same without them.",
    "Two years is way too long to wait for a show like this.",
    "Does anyone know if it will be on {platform} in Canada?",
    "Best show of the year, no doubt about it.",
    "They better not cancel it after that cliffhanger.",
    "Thanks for the update, very helpful article.",
)
_ALSO_READ_FORMS = (
    '<p><strong>Also Read: </strong><a href="{url}">{title}</a></p>',
    '<p><strong>Also Read:</strong> <a href="{url}" target="_blank" rel="noopener">{title}</a></p>',
    '<p>ALSO READ &#8211; <a href="{url}"><strong>{title}</strong></a></p>',
    '<p><strong>Must Read: <a href="{url}">{title}</a></strong></p>',
    '<p><b>Read More:</b> <a href="{url}">{title}</a></p>',
    '<p><span style="color: #ff0000;"><strong>Also Read | </strong></span>'
    '<a href="{url}">{title}</a></p>',
    '<h4><strong>Also Read: <a href="{url}">{title}</a></strong></h4>',
)
_CSS_SELECTORS = (
    "body",
    ".site-header",
    ".main-navigation a",
    ".entry-content p",
    ".entry-title",
    ".widget-title",
    ".sidebar .widget",
    ".site-footer",
    ".comment-list li",
    ".wp-block-image img",
    ".share-links a",
    ".related-posts h3",
    ".post-meta",
    ".breadcrumb",
    ".button",
    ".has-text-align-center",
    ".wp-block-quote",
    ".menu-item",
    ".td-post-content",
    ".tie-icon",
)
_CSS_PROPERTIES = (
    "color: #{hex}",
    "background-color: #{hex}",
    "margin: {px}px {px2}px",
    "padding: {px}px",
    "font-size: {px}px",
    "line-height: 1.{px}",
    "border-bottom: 1px solid #{hex}",
    "font-weight: {weight}",
    "max-width: {wide}px",
    "letter-spacing: 0.0{px}em",
    "text-transform: uppercase",
    "display: flex",
    "border-radius: {px}px",
)


def _css_rules(rng: random.Random, size: int = MAX_PAGE_BYTES) -> list[str]:
    """Plausible CSS rules, `size` bytes in all."""
    rules: list[str] = []
    total = 0
    while total < size:
        selector = rng.choice(_CSS_SELECTORS)
        if rng.random() < 0.5:
            selector = f"{selector} .{rng.choice(('is-', 'has-', 'wp-', 'td-', 'tie-'))}"
            selector += f"{rng.choice(_NOUNS).lower()}-{rng.randint(1, 99)}"
        props = ";".join(
            rng.choice(_CSS_PROPERTIES).format(
                hex=f"{rng.randrange(16**6):06x}",
                px=rng.randint(1, 9),
                px2=rng.randint(0, 40),
                weight=rng.choice((400, 500, 600, 700)),
                wide=rng.choice((640, 768, 1024, 1200)),
            )
            for _ in range(rng.randint(2, 6))
        )
        rule = f"{selector}{{{props}}}"
        if rng.random() < 0.1:
            rule = f"@media (max-width:{rng.choice((480, 768, 1024))}px){{{rule}}}"
        rules.append(rule)
        total += len(rule)
    return rules


# -- model -------------------------------------------------------------------------------


@dataclass
class Article:
    """One generated article page."""

    index: int
    show: str
    season: int
    title: str
    slug: str
    theme: str
    category: tuple[str, str]
    published: datetime
    author: str
    tags: list[str] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"/{self.slug}/"


@dataclass
class Site:
    """What `generate_site` wrote."""

    folder: Path
    base_url: str
    articles: list[Article]
    category_paths: list[str]
    sitemap_url: str
    total_bytes: int

    def article_urls(self) -> list[str]:
        return [self.base_url + a.path for a in self.articles]

    def article_files(self) -> list[Path]:
        return [self.folder / a.slug / "index.html" for a in self.articles]


def slugify(text: str) -> str:
    """WordPress-style slug: lower case, ASCII letters and digits, single hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def make_shows(rng: random.Random, count: int) -> list[str]:
    """`count` distinct show names built from the word lists."""
    patterns = (
        lambda: f"The {rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}",
        lambda: f"{rng.choice(_NOUNS)} of {rng.choice(_PLACES)}",
        lambda: f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}",
        lambda: f"All Of Us Are {rng.choice(_ADJECTIVES)}",
        lambda: f"{rng.choice(_FIRST_NAMES)}'s {rng.choice(_NOUNS)}",
        lambda: f"{rng.choice(_PLACES)} {rng.choice(_NOUNS)}",
        lambda: f"The {rng.choice(_NOUNS)}",
        lambda: f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)} {rng.choice(_PLACES)}",
    )
    shows: list[str] = []
    seen: set[str] = set()
    while len(shows) < count:
        name = rng.choice(patterns)()
        if name.lower() not in seen:
            seen.add(name.lower())
            shows.append(name)
    return shows


def plan_articles(rng: random.Random, pages: int) -> list[Article]:
    """Titles, slugs, themes and dates of every article (before any page is written)."""
    shows = make_shows(rng, max(60, pages // 8))
    # A blog has a dozen writers, each with an author archive.
    authors = sorted({f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}" for _ in range(12)})
    start = datetime(2021, 1, 4, 8, 0)
    slugs: set[str] = set()
    articles = []
    for index in range(pages):
        show = rng.choice(shows)
        season = rng.randint(2, 10)
        title = rng.choice(_TITLE_TEMPLATES).format(
            show=show, n=season, platform=rng.choice(_PLATFORMS)
        )
        slug = base = slugify(title)
        suffix = 2
        while slug in slugs:
            slug = f"{base}-{suffix}"
            suffix += 1
        slugs.add(slug)
        # Spread over about three and a half years, newest last.
        published = start + timedelta(minutes=index * 1_800_000 // pages + rng.randint(0, 600))
        articles.append(
            Article(
                index=index,
                show=show,
                season=season,
                title=title,
                slug=slug,
                theme=THEMES[index % len(THEMES)],
                category=rng.choice(_CATEGORIES),
                published=published,
                author=rng.choice(authors),
                tags=[show, rng.choice(_PLATFORMS)],
            )
        )
    return articles


# -- rendering ---------------------------------------------------------------------------


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


class _Renderer:
    """Renders one article page; all randomness comes from the page's own generator."""

    def __init__(self, site: list[Article], base_url: str, seed: int) -> None:
        self.site = site
        self.base = base_url
        self.seed = seed
        self._css_rules: dict[str, list[str]] = {}
        self.menu_shows = list(dict.fromkeys(a.show for a in site))[:48]
        self._nav = ""

    def url(self, article: Article) -> str:
        return self.base + article.path

    def others(self, rng: random.Random, article: Article, count: int) -> list[Article]:
        picks: list[Article] = []
        while len(picks) < min(count, len(self.site) - 1):
            other = rng.choice(self.site)
            if other is not article and other not in picks:
                picks.append(other)
        return picks

    def same_show(self, rng: random.Random, article: Article, count: int) -> list[Article]:
        # Related posts prefer the same show, like real "related" plugins.
        near = [
            a
            for a in self.site[max(0, article.index - 400) : article.index + 400]
            if a.show == article.show and a is not article
        ]
        rng.shuffle(near)
        return (near + self.others(rng, article, count))[:count]

    # -- text ------------------------------------------------------------------------------

    def fill(self, rng: random.Random, article: Article, template: str) -> str:
        year = article.published.year
        return template.format(
            show=article.show,
            n=article.season,
            prev=article.season - 1,
            platform=rng.choice(_PLATFORMS),
            platform2=rng.choice(_PLATFORMS),
            genre=rng.choice(_GENRES),
            year=year,
            year1=year + 1,
            weeks=rng.randint(3, 14),
            month=rng.choice(_MONTHS),
            person=f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}",
            person2=f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}",
            seasons=article.season + rng.randint(0, 3),
            character=f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}",
            place=rng.choice(_PLACES),
            views=rng.randint(2, 90),
            episodes=rng.choice((6, 8, 10, 12, 16, 24)),
            minutes=rng.choice((25, 45, 55, 60, 70)),
            weekday=rng.choice(_WEEKDAYS),
            score=rng.randint(70, 99),
            job=rng.choice(_JOBS),
        )

    def paragraph(self, rng: random.Random, article: Article) -> str:
        sentences = [self.fill(rng, article, t) for t in rng.sample(_SENTENCES, rng.randint(3, 6))]
        return " ".join(sentences)

    def body(self, rng: random.Random, article: Article) -> tuple[str, int]:
        """Entry content: paragraphs, headings, cast list, embeds, "Also Read" lines."""
        target_words = rng.randint(400, 1200)
        words = 0
        parts: list[str] = []
        headings = rng.sample(_SECTION_HEADINGS, len(_SECTION_HEADINGS))
        also_read = self.others(rng, article, 4)
        block = 0
        while words < target_words:
            text = self.paragraph(rng, article)
            words += len(text.split())
            parts.append(f"<p>{_esc(text)}</p>")
            block += 1
            if block % 3 == 0 and headings:
                heading = self.fill(rng, article, headings.pop())
                parts.append(f'<h2 class="wp-block-heading">{_esc(heading)}</h2>')
            if block == 2:
                parts.append(self.image(rng, article))
            if block % 4 == 1 and also_read:
                other = also_read.pop()
                form = rng.choice(_ALSO_READ_FORMS)
                parts.append(form.format(url=self.url(other), title=_esc(other.title)))
            if block == 5:
                parts.append(self.cast_list(rng, article))
            if block == 7:
                parts.append(self.trailer(rng, article))
        return "\n".join(parts), words

    def cast_list(self, rng: random.Random, article: Article) -> str:
        rows = []
        for _ in range(rng.randint(4, 9)):
            actor = f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}"
            character = f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}"
            rows.append(f"<li><strong>{_esc(actor)}</strong> as {_esc(character)}</li>")
        lead = f"The following cast members are expected to return for season {article.season}:"
        return f'<p>{_esc(lead)}</p>\n<ul class="wp-block-list">{"".join(rows)}</ul>'

    def trailer(self, rng: random.Random, article: Article) -> str:
        video = "".join(rng.choice("abcdefghijkLMNOPQ0123456789_-") for _ in range(11))
        title = _esc(f"{article.show} Season {article.season} | Official Trailer")
        return (
            '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube'
            ' wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">'
            f'<iframe title="{title}" width="696" height="392" '
            f'src="https://www.youtube.com/embed/{video}?feature=oembed" frameborder="0" '
            'allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; '
            'picture-in-picture; web-share" allowfullscreen></iframe></div></figure>'
        )

    def image(self, rng: random.Random, article: Article) -> str:
        stem = f"{self.base}/wp-content/uploads/{article.published:%Y/%m}/{article.slug[:40]}"
        ident = rng.randint(1000, 99999)
        srcset = ", ".join(f"{stem}-{w}x{w * 9 // 16}.jpg {w}w" for w in (300, 768, 1024, 1200))
        alt = _esc(f"{article.show} Season {article.season}")
        return (
            f'<figure class="wp-block-image size-large"><img decoding="async" loading="lazy" '
            f'width="1024" height="576" src="{stem}-1024x576.jpg" alt="{alt}" '
            f'class="wp-image-{ident}" srcset="{srcset}" sizes="(max-width: 1024px) 100vw, '
            f'1024px" /><figcaption class="wp-element-caption">{alt} (Credits: '
            f"{_esc(rng.choice(_PLATFORMS))})</figcaption></figure>"
        )

    def you_may_like(self, rng: random.Random, article: Article) -> str:
        items = "".join(
            f'<li><a href="{self.url(a)}">{_esc(a.title)}</a></li>'
            for a in self.others(rng, article, rng.randint(3, 6))
        )
        return (
            '<h3 class="wp-block-heading">You May Also Like</h3>'
            f'<ul class="wp-block-list">{items}</ul>'
        )

    def jetpack_related(self, rng: random.Random, article: Article) -> str:
        posts = []
        for position, other in enumerate(self.same_show(rng, article, 3)):
            posts.append(
                f'<div class="jp-relatedposts-post jp-relatedposts-post{position} '
                f'jp-relatedposts-post-thumbs" data-post-id="{1000 + other.index}" '
                'data-post-format="false">'
                f'<a class="jp-relatedposts-post-a" href="{self.url(other)}" '
                f'title="{_esc(other.title)}" rel="nofollow" data-origin="{1000 + article.index}"'
                f' data-position="{position}"><img loading="lazy" '
                f'class="jp-relatedposts-post-img" src="{self.base}/wp-content/uploads/'
                f'{other.slug[:30]}-350x200.jpg" width="350" height="200" alt="" /></a>'
                f'<h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" '
                f'href="{self.url(other)}" rel="nofollow">{_esc(other.title)}</a></h4>'
                f'<p class="jp-relatedposts-post-excerpt">{_esc(other.show)} is back. Here is '
                f"everything we know.</p>"
                f'<p class="jp-relatedposts-post-date">{other.published:%B %-d, %Y}</p>'
                f'<p class="jp-relatedposts-post-context">In &quot;{other.category[1]}&quot;'
                "</p></div>"
            )
        return (
            "<div id='jp-relatedposts' class='jp-relatedposts' >"
            '<h3 class="jp-relatedposts-headline"><em>Related</em></h3>'
            '<div class="jp-relatedposts-items jp-relatedposts-items-visual '
            f'jp-relatedposts-grid">{"".join(posts)}</div></div>'
        )

    def jetpack_sharing(self, article: Article) -> str:
        url = self.url(article)
        items = "".join(
            f'<li class="share-{name}"><a rel="nofollow noopener noreferrer" '
            f'data-shared="sharing-{name}-{1000 + article.index}" class="share-{name} sd-button '
            f'share-icon" href="{url}?share={name}&amp;nb=1" target="_blank" '
            f'title="Click to share on {label} (Opens in new window)"><span>{label}</span></a>'
            "</li>"
            for name, label in (
                ("facebook", "Facebook"),
                ("twitter", "X"),
                ("whatsapp", "WhatsApp"),
                ("reddit", "Reddit"),
                ("email", "Email"),
                ("print", "Print"),
            )
        )
        return (
            '<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block '
            'sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3>'
            f'<div class="sd-content"><ul>{items}<li class="share-end"></li></ul></div></div>'
            '</div><div class="sharedaddy sd-block sd-like jetpack-likes-widget-wrapper '
            f'jetpack-likes-widget-unloaded" id="like-post-wrapper-{article.index}" '
            'data-src="https://widgets.wp.com/likes/" data-name="like-post-frame">'
            '<h3 class="sd-title">Like this:</h3><div class="likes-widget-placeholder '
            'post-likes-widget-placeholder" style="height: 55px;"><span class="button">'
            '<span>Like</span></span> <span class="loading">Loading...</span></div>'
            '<span class="sd-text-color"></span><a class="sd-link-color"></a></div>'
        )

    def share_bar(self, article: Article, css: str) -> str:
        url = self.url(article)
        links = []
        for name, href in (
            ("facebook", f"https://www.facebook.com/sharer.php?u={url}"),
            ("twitter", f"https://twitter.com/intent/tweet?text={slugify(article.title)}"),
            ("linkedin", f"https://www.linkedin.com/shareArticle?mini=true&amp;url={url}"),
            ("pinterest", f"https://pinterest.com/pin/create/button/?url={url}"),
            ("whatsapp", f"https://api.whatsapp.com/send?text={url}"),
            ("telegram", f"https://t.me/share/url?url={url}"),
        ):
            links.append(
                f'<a href="{href}" rel="external noopener nofollow" title="{name.title()}" '
                f'target="_blank" class="{name}-share-btn {css}"><span class="share-btn-icon '
                f'tie-icon-{name}"><svg viewBox="0 0 24 24" width="18" height="18" '
                'aria-hidden="true"><path d="M12 2C6.5 2 2 6.5 2 12c0 5 3.7 9.1 8.4 9.9v-7H7.9'
                "V12h2.5V9.8c0-2.5 1.5-3.9 3.8-3.9 1.1 0 2.2.2 2.2.2v2.5h-1.3c-1.2 0-1.6.8-1.6 "
                '1.6V12h2.8l-.4 2.9h-2.3v7C18.3 21.1 22 17 22 12c0-5.5-4.5-10-10-10z"/></svg>'
                f'</span> <span class="screen-reader-text">{name.title()}</span></a>'
            )
        return f'<div class="share-links {css}">{"".join(links)}</div>'

    def comments(self, rng: random.Random, article: Article) -> str:
        url = self.url(article)
        items = []
        count = rng.randint(0, 6)
        for i in range(count):
            ident = article.index * 10 + i
            name = f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)[0]}."
            text = self.fill(rng, article, rng.choice(_COMMENTS))
            when = article.published + timedelta(hours=rng.randint(2, 400))
            items.append(
                f'<li id="comment-{ident}" class="comment even thread-even depth-1">'
                f'<article id="div-comment-{ident}" class="comment-body">'
                '<footer class="comment-meta"><div class="comment-author vcard">'
                "<img alt='' src='https://secure.gravatar.com/avatar/0?s=50&#038;d=mm&#038;r=g'"
                " class='avatar avatar-50 photo' height='50' width='50' loading='lazy'/>"
                f'<b class="fn">{_esc(name)}</b> <span class="says">says:</span></div>'
                f'<div class="comment-metadata"><a href="{url}#comment-{ident}">'
                f'<time datetime="{when:%Y-%m-%dT%H:%M:%S}+00:00">{when:%B %-d, %Y at %-I:%M %p}'
                "</time></a></div></footer>"
                f'<div class="comment-content"><p>{_esc(text)}</p></div>'
                f"<div class=\"reply\"><a rel='nofollow' class='comment-reply-link' "
                f"href='{url}?replytocom={ident}#respond' data-commentid=\"{ident}\" "
                f"aria-label='Reply to {_esc(name)}'>Reply</a></div></article></li>"
            )
        title = (
            f'<h2 class="comments-title">{count} thoughts on &ldquo;{_esc(article.title)}'
            "&rdquo;</h2>"
            if count
            else ""
        )
        return (
            f'<div id="comments" class="comments-area">{title}'
            f'<ol class="comment-list">{"".join(items)}</ol>'
            '<div id="respond" class="comment-respond"><h3 id="reply-title" '
            'class="comment-reply-title">Leave a Reply <small><a rel="nofollow" '
            'id="cancel-comment-reply-link" href="#respond" style="display:none;">Cancel reply'
            f'</a></small></h3><form action="{self.base}/wp-comments-post.php" method="post" '
            'id="commentform" class="comment-form" novalidate><p class="comment-notes">'
            '<span id="email-notes">Your email address will not be published.</span> Required '
            'fields are marked <span class="required">*</span></p><p class="comment-form-comment">'
            '<label for="comment">Comment <span class="required">*</span></label><textarea '
            'id="comment" name="comment" cols="45" rows="8" maxlength="65525" required>'
            '</textarea></p><p class="comment-form-author"><label for="author">Name</label>'
            '<input id="author" name="author" type="text" value="" size="30" /></p>'
            '<p class="comment-form-email"><label for="email">Email</label><input id="email" '
            'name="email" type="email" value="" size="30" /></p><p class="form-submit">'
            '<input name="submit" type="submit" id="submit" class="submit" value="Post Comment" />'
            f"<input type='hidden' name='comment_post_ID' value='{1000 + article.index}' />"
            "</p></form></div></div>"
        )

    def nav(self) -> str:
        """The main menu: categories with a mega-menu of shows each (the same on every page)."""
        if self._nav:
            return self._nav
        items = []
        for number, (slug, label) in enumerate(_CATEGORIES):
            shows = self.menu_shows[number * 6 : number * 6 + 6]
            sub = "".join(
                '<li class="menu-item menu-item-type-taxonomy menu-item-object-post_tag">'
                f'<a href="{self.base}/tag/{slugify(show)}/">{_esc(show)}</a></li>'
                for show in shows
            )
            items.append(
                '<li class="menu-item menu-item-type-taxonomy menu-item-object-category '
                f'menu-item-has-children"><a href="{self.base}/category/{slug}/">{label}</a>'
                f'<ul class="sub-menu">{sub}</ul></li>'
            )
        self._nav = (
            f'<ul id="menu-main" class="menu"><li class="menu-item menu-item-home">'
            f'<a href="{self.base}/">Home</a></li>{"".join(items)}'
            f'<li class="menu-item"><a href="{self.base}/about-us/">About Us</a></li>'
            f'<li class="menu-item"><a href="{self.base}/contact/">Contact</a></li></ul>'
        )
        return self._nav

    def sidebar_lists(self, rng: random.Random, article: Article) -> str:
        recent = "".join(
            f'<li><a href="{self.url(a)}">{_esc(a.title)}</a>'
            f'<span class="post-date">{a.published:%B %-d, %Y}</span></li>'
            for a in self.site[max(0, article.index - 6) : article.index][::-1]
        )
        popular = "".join(
            f'<li><a href="{self.url(a)}">{_esc(a.title)}</a></li>'
            for a in self.others(rng, article, 5)
        )
        cats = "".join(
            f'<li class="cat-item"><a href="{self.base}/category/{slug}/">{label}</a> '
            f"({rng.randint(20, 900)})</li>"
            for slug, label in _CATEGORIES
        )
        return (
            '<aside class="widget widget_search"><form role="search" method="get" '
            f'class="search-form" action="{self.base}/"><input type="search" class="search-field"'
            ' placeholder="Search &hellip;" name="s" /><button class="search-submit">Search'
            "</button></form></aside>"
            '<aside class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts'
            f"</h2><ul>{recent}</ul></aside>"
            '<aside class="widget widget_popular"><h2 class="widget-title">Trending Now</h2>'
            f"<ul>{popular}</ul></aside>"
            '<aside class="widget widget_categories"><h2 class="widget-title">Categories</h2>'
            f"<ul>{cats}</ul></aside>"
        )

    def tag_links(self, article: Article, css: str = "") -> str:
        return "".join(
            f'<a href="{self.base}/tag/{slugify(tag)}/" rel="tag"{css}>{_esc(tag)}</a>'
            for tag in article.tags
        )

    def tag_cloud(self) -> str:
        tags = "".join(
            f'<a href="{self.base}/tag/{slugify(show)}/" class="tag-cloud-link" '
            f'style="font-size: {8 + i % 14}pt;">{_esc(show)}</a> '
            for i, show in enumerate(self.menu_shows[:36])
        )
        return (
            '<div class="widget widget_tag_cloud"><h2 class="widget-title">Popular Shows</h2>'
            f'<div class="tagcloud">{tags}</div></div>'
        )

    def footer(self, rng: random.Random) -> str:
        links = "".join(
            f'<li><a href="{self.base}/{p}/">{p.replace("-", " ").title()}</a></li>'
            for p in ("about-us", "contact", "privacy-policy", "disclaimer", "dmca")
        )
        return (
            f'<div class="footer-widgets"><div class="footer-about"><p>{SITE_NAME} covers '
            "renewals, cancellations, release dates and cast news for TV shows and anime. "
            "All trademarks belong to their owners.</p></div>"
            f'<ul class="footer-menu">{links}</ul>{self.tag_cloud()}<div class="social-icons">'
            '<a href="https://facebook.com/seasonwire" rel="nofollow">Facebook</a> '
            '<a href="https://twitter.com/seasonwire" rel="nofollow">Twitter</a> '
            '<a href="https://instagram.com/seasonwire" rel="nofollow">Instagram</a></div>'
            f'</div><div class="copyright">&copy; {2021 + rng.randint(2, 4)} {SITE_NAME}. All '
            'rights reserved. Powered by <a href="https://wordpress.org/">WordPress</a>.</div>'
        )

    def css(self, size: int, ident: str) -> str:
        """An inline stylesheet of about `size` bytes: the start of the site's one big theme
        stylesheet, the same on every page (themes inline tens of KB of CSS)."""
        rules = self._css_rules.get(ident)
        if rules is None:
            rules = self._css_rules[ident] = _css_rules(random.Random(f"{self.seed}:{ident}"))
        out: list[str] = []
        total = 0
        for rule in rules:
            if total >= size:
                break
            out.append(rule)
            total += len(rule)
        return f"<style id='{ident}-inline-css'>\n{''.join(out)}\n</style>"

    def head(self, rng: random.Random, article: Article, description: str, css_size: int) -> str:
        url = self.url(article)
        published = f"{article.published:%Y-%m-%dT%H:%M:%S}+00:00"
        modified_dt = article.published + timedelta(days=rng.randint(0, 60))
        modified = f"{modified_dt:%Y-%m-%dT%H:%M:%S}+00:00"
        image = f"{self.base}/wp-content/uploads/{article.published:%Y/%m}/{article.slug[:40]}.jpg"
        title = _esc(article.title)
        json_ld = (
            '{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","@id":"'
            f'{url}#article","isPartOf":{{"@id":"{url}"}},"author":{{"name":"{article.author}",'
            f'"@id":"{self.base}/#/schema/person/{slugify(article.author)}"}},"headline":'
            f'"{title}","datePublished":"{published}","dateModified":"{modified}",'
            f'"mainEntityOfPage":{{"@id":"{url}"}},"wordCount":{rng.randint(400, 1200)},'
            f'"publisher":{{"@id":"{self.base}/#organization"}},"image":{{"@id":"{url}'
            f'#primaryimage"}},"thumbnailUrl":"{image}","keywords":["{_esc(article.show)}"],'
            f'"articleSection":["{article.category[1]}"],"inLanguage":"en-US"}},'
            f'{{"@type":"WebPage","@id":"{url}","url":"{url}","name":"{title} - {SITE_NAME}",'
            f'"datePublished":"{published}","dateModified":"{modified}","breadcrumb":{{"@id":'
            f'"{url}#breadcrumb"}},"inLanguage":"en-US"}},{{"@type":"BreadcrumbList","@id":"'
            f'{url}#breadcrumb","itemListElement":[{{"@type":"ListItem","position":1,"name":'
            f'"Home","item":"{self.base}/"}},{{"@type":"ListItem","position":2,"name":"{title}"'
            f'}}]}},{{"@type":"Organization","@id":"{self.base}/#organization","name":'
            f'"{SITE_NAME}","url":"{self.base}/"}}]}}'
        )
        styles = "".join(
            f"<link rel='stylesheet' id='{name}-css' href='{self.base}/wp-content/{name}.css"
            f"?ver=6.4.{rng.randint(1, 5)}' media='all' />\n"
            for name in ("wp-block-library", f"{article.theme}-style", "jetpack_css", "ez-toc")
        )
        return (
            f"<head>\n<meta charset=\"UTF-8\">\n<meta name='robots' content='index, follow, "
            "max-image-preview:large, max-snippet:-1, max-video-preview:-1' />\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{title} - {SITE_NAME}</title>\n"
            f'<meta name="description" content="{_esc(description)}" />\n'
            f'<link rel="canonical" href="{url}" />\n'
            '<meta property="og:locale" content="en_US" />\n'
            '<meta property="og:type" content="article" />\n'
            f'<meta property="og:title" content="{title}" />\n'
            f'<meta property="og:description" content="{_esc(description)}" />\n'
            f'<meta property="og:url" content="{url}" />\n'
            f'<meta property="og:site_name" content="{SITE_NAME}" />\n'
            f'<meta property="article:published_time" content="{published}" />\n'
            f'<meta property="article:modified_time" content="{modified}" />\n'
            f'<meta property="article:section" content="{article.category[1]}" />\n'
            + "".join(
                f'<meta property="article:tag" content="{_esc(t)}" />\n' for t in article.tags
            )
            + f'<meta property="og:image" content="{image}" />\n'
            '<meta property="og:image:width" content="1200" />\n'
            '<meta property="og:image:height" content="675" />\n'
            f'<meta name="author" content="{_esc(article.author)}" />\n'
            '<meta name="twitter:card" content="summary_large_image" />\n'
            f'<meta name="twitter:label1" content="Written by" />\n'
            f'<meta name="twitter:data1" content="{_esc(article.author)}" />\n'
            f'<script type="application/ld+json" class="yoast-schema-graph">{json_ld}</script>\n'
            f"<link rel='dns-prefetch' href='//stats.wp.com' />\n"
            f'<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} &raquo; Feed"'
            f' href="{self.base}/feed/" />\n'
            f'<link rel="alternate" type="application/rss+xml" title="{title} Comments Feed" '
            f'href="{url}feed/" />\n'
            f"{styles}"
            f"{self.css(css_size // 3, 'global-styles')}\n"
            f"{self.css(css_size - css_size // 3, article.theme + '-style')}\n"
            f"<script src='{self.base}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1' "
            "id='jquery-core-js'></script>\n"
            f'<link rel="https://api.w.org/" href="{self.base}/wp-json/" />'
            f'<link rel="EditURI" type="application/rsd+xml" title="RSD" '
            f'href="{self.base}/xmlrpc.php?rsd" />\n'
            f"<link rel='shortlink' href='{self.base}/?p={1000 + article.index}' />\n"
            f'<link rel="amphtml" href="{url}amp/">\n'
            "</head>"
        )

    def scripts(self, rng: random.Random, article: Article) -> str:
        settings = ",".join(
            f'"{rng.choice(_NOUNS).lower()}_{i}":"{rng.randrange(16**8):08x}"' for i in range(40)
        )
        return (
            f"<script id='{article.theme}-main-js-extra'>\nvar themeSettings = {{{settings}}};\n"
            "</script>\n"
            f"<script src='{self.base}/wp-content/themes/{article.theme}/main.min.js?ver=3.4' "
            f"id='{article.theme}-main-js'></script>\n"
            "<script src='https://stats.wp.com/e-202419.js' id='jetpack-stats-js' "
            "data-wp-strategy='defer'></script>\n"
            '<script id="jetpack-stats-js-after">_stq = window._stq || [];'
            f'_stq.push([ "view", {{"v":"ext","blog":"1234567","post":"{1000 + article.index}",'
            '"tz":"0","srv":"screenbuzz.example"}]);</script>'
        )

    # -- themes ----------------------------------------------------------------------------

    def render(self, article: Article, page_bytes: int) -> str:
        rng = random.Random(f"{self.seed}:{article.index}")
        body, _words = self.body(rng, article)
        description = self.paragraph(rng, article)[:155]
        content = (
            f"{body}\n{self.you_may_like(rng, article)}\n{self.jetpack_sharing(article)}\n"
            f"{self.jetpack_related(rng, article)}"
        )
        theme = getattr(self, f"_theme_{article.theme}")

        def page(css_size: int) -> str:
            # Same generators both times: only the inline CSS differs between the two passes.
            head_rng = random.Random(f"{self.seed}:{article.index}:head")
            chrome_rng = random.Random(f"{self.seed}:{article.index}:chrome")
            head = self.head(head_rng, article, description, css_size)
            return str(theme(chrome_rng, article, content, head))

        bare = len(page(0).encode("utf-8"))
        return page(max(2_000, page_bytes - bare))

    def _prev_next(self, article: Article, cls: str) -> str:
        links = []
        if article.index > 0:
            prev = self.site[article.index - 1]
            links.append(
                f'<div class="nav-previous"><span class="prev">&laquo; Previous</span> '
                f'<a href="{self.url(prev)}" rel="prev">{_esc(prev.title)}</a></div>'
            )
        if article.index + 1 < len(self.site):
            nxt = self.site[article.index + 1]
            links.append(
                f'<div class="nav-next"><span class="next">Next &raquo;</span> '
                f'<a href="{self.url(nxt)}" rel="next">{_esc(nxt.title)}</a></div>'
            )
        return f'<nav class="{cls}" aria-label="Posts">{"".join(links)}</nav>'

    def _author_box(self, article: Article, cls: str) -> str:
        return (
            f'<div class="{cls}"><img alt="" src="https://secure.gravatar.com/avatar/1?s=96" '
            'class="avatar avatar-96 photo" height="96" width="96" loading="lazy"/>'
            f'<div class="author-info"><h4 class="author-title"><a href="{self.base}/author/'
            f'{slugify(article.author)}/">{_esc(article.author)}</a></h4>'
            f"<p>{_esc(article.author)} is an entertainment writer who has covered streaming "
            "TV and anime for over five years. When not binge-watching, they review books.</p>"
            "</div></div>"
        )

    def _theme_generatepress(
        self, rng: random.Random, article: Article, content: str, head: str
    ) -> str:
        when = article.published
        cat_slug, cat_label = article.category
        return (
            '<!DOCTYPE html>\n<html lang="en-US">\n'
            f"{head}\n"
            f'<body class="post-template-default single single-post postid-{1000 + article.index}'
            " single-format-standard wp-embed-responsive right-sidebar nav-float-right "
            'separate-containers header-aligned-left dropdown-hover featured-image-active" '
            'itemtype="https://schema.org/Blog" itemscope>\n'
            '<a class="skip-link screen-reader-text" href="#content">Skip to content</a>'
            '<header class="site-header has-inline-mobile-toggle" id="masthead" '
            'aria-label="Site" itemtype="https://schema.org/WPHeader" itemscope>'
            '<div class="inside-header grid-container"><div class="site-branding">'
            f'<p class="main-title" itemprop="headline"><a href="{self.base}/" rel="home">'
            f'{SITE_NAME}</a></p><p class="site-description" itemprop="description">'
            f"{SITE_TAGLINE}</p></div>"
            '<nav class="main-navigation sub-menu-right" id="site-navigation" '
            'aria-label="Primary" itemtype="https://schema.org/SiteNavigationElement" itemscope>'
            '<div class="inside-navigation grid-container"><button class="menu-toggle" '
            'aria-controls="primary-menu" aria-expanded="false"><span class="mobile-menu">Menu'
            f'</span></button><div id="primary-menu" class="main-nav">{self.nav()}</div></div>'
            "</nav></div></header>\n"
            '<div class="site grid-container container hfeed" id="page">'
            '<div class="site-content" id="content"><div class="content-area" id="primary">'
            '<main class="site-main" id="main">'
            f'<article id="post-{1000 + article.index}" class="post-{1000 + article.index} post '
            f"type-post status-publish format-standard has-post-thumbnail hentry "
            f'category-{cat_slug}" itemtype="https://schema.org/CreativeWork" itemscope>'
            '<div class="inside-article"><div class="featured-image page-header-image-single">'
            f'<img width="1200" height="675" src="{self.base}/wp-content/uploads/'
            f'{article.slug[:40]}.jpg" class="attachment-full size-full wp-post-image" alt="" '
            'itemprop="image" decoding="async" fetchpriority="high" /></div>'
            '<header class="entry-header"><h1 class="entry-title" itemprop="headline">'
            f'{_esc(article.title)}</h1><div class="entry-meta"><span class="posted-on">'
            f'<time class="entry-date published" datetime="{when:%Y-%m-%dT%H:%M:%S}+00:00" '
            f'itemprop="datePublished">{when:%B %-d, %Y}</time></span> <span class="byline">by '
            '<span class="author vcard" itemprop="author" itemtype="https://schema.org/Person" '
            f'itemscope><a class="url fn n" href="{self.base}/author/{slugify(article.author)}/"'
            f' title="View all posts by {_esc(article.author)}" rel="author" itemprop="url">'
            f'<span class="author-name" itemprop="name">{_esc(article.author)}</span></a></span>'
            "</span></div></header>"
            f'<div class="entry-content" itemprop="text">\n{content}\n</div>'
            '<footer class="entry-meta" aria-label="Entry meta"><span class="cat-links">'
            '<span class="screen-reader-text">Categories </span><a href="'
            f'{self.base}/category/{cat_slug}/" rel="category tag">{cat_label}</a></span> '
            '<span class="tags-links"><span class="screen-reader-text">Tags </span>'
            f"{self.tag_links(article)}</span>"
            f"{self._prev_next(article, 'post-navigation')}</footer></div></article>"
            f"{self.comments(rng, article)}</main></div>"
            '<div class="widget-area sidebar is-right-sidebar" id="right-sidebar">'
            f'<div class="inside-right-sidebar">{self.sidebar_lists(rng, article)}</div></div>'
            "</div></div>\n"
            '<div class="site-footer"><footer class="site-info" aria-label="Site" '
            'itemtype="https://schema.org/WPFooter" itemscope><div class="inside-site-info '
            f'grid-container">{self.footer(rng)}</div></footer></div>\n'
            f"{self.scripts(rng, article)}\n</body>\n</html>\n"
        )

    def _theme_newspaper(
        self, rng: random.Random, article: Article, content: str, head: str
    ) -> str:
        when = article.published
        cat_slug, cat_label = article.category
        related = "".join(
            '<div class="td-related-span4"><div class="td_module_related_posts '
            'td-animation-stack td_mod_related_posts"><div class="td-module-image">'
            f'<div class="td-module-thumb"><a href="{self.url(a)}" rel="bookmark" '
            f'class="td-image-wrap" title="{_esc(a.title)}"><img class="entry-thumb" '
            f'src="{self.base}/wp-content/uploads/{a.slug[:30]}-218x150.jpg" alt="" '
            'width="218" height="150" /></a></div></div><div class="item-details">'
            '<h3 class="entry-title td-module-title"><a href="'
            f'{self.url(a)}" rel="bookmark" title="{_esc(a.title)}">{_esc(a.title)}</a></h3>'
            "</div></div></div>"
            for a in self.same_show(rng, article, 6)
        )
        return (
            '<!doctype html >\n<!--[if IE 8]><html class="ie8" lang="en"> <![endif]-->\n'
            '<html lang="en-US">\n'
            f"{head}\n"
            f'<body class="post-template-default single single-post postid-{1000 + article.index}'
            " single-format-standard td-standard-pack global-block-template-1 "
            'td-full-layout" itemscope="itemscope" itemtype="https://schema.org/WebPage">\n'
            '<div class="td-scroll-up"><i class="td-icon-menu-up"></i></div>'
            '<div class="td-menu-background"></div><div id="td-mobile-nav"><div '
            f'class="td-mobile-content">{self.nav()}</div></div>'
            '<div id="td-outer-wrap" class="td-theme-wrap"><div class="tdc-header-wrap">'
            '<div class="td-header-wrap td-header-style-1"><div class="td-header-top-menu-full">'
            '<div class="td-header-row td-header-top-menu"><div class="td-header-sp-top-menu">'
            f'<div class="td_data_time">{when:%A, %B %-d, %Y}</div></div></div></div>'
            '<div class="td-banner-wrap-full"><div class="td-header-sp-logo"><h1 '
            f'class="td-logo"><a class="td-main-logo" href="{self.base}/">{SITE_NAME}</a></h1>'
            '</div></div><div class="td-header-menu-wrap-full"><div class="td-header-menu-wrap">'
            '<div id="td-header-menu" role="navigation"><div class="menu-main-container">'
            f"{self.nav()}</div></div></div></div></div></div>\n"
            '<div class="td-main-content-wrap td-container-wrap"><div class="td-container '
            'td-post-template-default"><div class="td-crumb-container"><div class="entry-crumbs">'
            f'<span><a title="" class="entry-crumb" href="{self.base}/">Home</a></span> '
            f'<i class="td-icon-right td-bread-sep"></i> <span><a class="entry-crumb" href="'
            f'{self.base}/category/{cat_slug}/">{cat_label}</a></span></div></div>'
            '<div class="td-pb-row"><div class="td-pb-span8 td-main-content" role="main">'
            '<div class="td-ss-main-content">'
            f'<article id="post-{1000 + article.index}" class="post-{1000 + article.index} post '
            f'type-post status-publish format-standard category-{cat_slug}" '
            'itemscope itemtype="https://schema.org/Article"><div class="td-post-header">'
            '<ul class="td-category"><li class="entry-category"><a href="'
            f'{self.base}/category/{cat_slug}/">{cat_label}</a></li></ul>'
            '<header class="td-post-title"><h1 class="entry-title">'
            f"{_esc(article.title)}</h1>"
            '<div class="td-module-meta-info"><div class="td-post-author-name">'
            '<div class="td-author-by">By</div> <a href="'
            f'{self.base}/author/{slugify(article.author)}/">{_esc(article.author)}</a>'
            '<div class="td-author-line"> - </div></div><span class="td-post-date">'
            f'<time class="entry-date updated td-module-date" datetime="'
            f'{when:%Y-%m-%dT%H:%M:%S}+00:00">{when:%B %-d, %Y}</time></span>'
            '<div class="td-post-comments"><a href="#comments"><i class="td-icon-comments"></i>'
            f'{rng.randint(0, 9)}</a></div><div class="td-post-views"><i class="td-icon-views">'
            f'</i><span class="td-nr-views-{1000 + article.index}">{rng.randint(100, 90000)}'
            "</span></div></div></header></div>"
            '<div class="td-post-sharing-top"><div class="td-post-sharing-classic"></div>'
            '<div class="td-post-sharing td-ps-bg td-ps-notext td-post-sharing-style1">'
            '<div class="td-post-sharing-visible"><span class="td-social-but-text">Share</span>'
            f"{self.share_bar(article, 'td-social-sharing-button')}</div></div></div>"
            '<div class="td-post-featured-image"><a href="'
            f'{self.base}/wp-content/uploads/{article.slug[:40]}.jpg" data-caption="">'
            f'<img class="entry-thumb td-modal-image" src="{self.base}/wp-content/uploads/'
            f'{article.slug[:40]}-696x392.jpg" alt="" width="696" height="392" /></a></div>'
            f'<div class="td-post-content tagdiv-type">\n{content}\n</div>'
            '<footer><div class="td-post-source-tags"><ul class="td-tags td-post-small-box '
            'clearfix"><li><span>TAGS</span></li>'
            + "".join(
                f'<li><a href="{self.base}/tag/{slugify(t)}/">{_esc(t)}</a></li>'
                for t in article.tags
            )
            + '</ul></div><div class="td-post-sharing-bottom">'
            f"{self.share_bar(article, 'td-social-sharing-button')}</div>"
            f'<div class="td-block-row td-post-next-prev">'
            f"{self._prev_next(article, 'td-post-next-prev-content')}</div>"
            f"{self._author_box(article, 'author-box-wrap')}</footer></article>"
            '<div class="td_block_wrap td_block_related_posts tdi_3 td_with_ajax_pagination '
            'td-pb-border-top td_block_template_1"><h4 class="td-related-title td-block-title">'
            '<a id="tdi_4" class="td-related-left td-cur-simple-item" href="#">RELATED ARTICLES'
            '</a><a id="tdi_5" class="td-related-right" href="#">MORE FROM AUTHOR</a></h4>'
            '<div id="tdi_3" class="td_block_inner"><div class="td-related-row">'
            f"{related}</div></div></div>"
            f"{self.comments(rng, article)}</div></div>"
            '<div class="td-pb-span4 td-main-sidebar" role="complementary">'
            f'<div class="td-ss-main-sidebar">{self.sidebar_lists(rng, article)}</div></div>'
            "</div></div></div>\n"
            '<div class="td-footer-wrapper td-footer-container td-container-wrap">'
            f'<div class="td-container"><div class="td-pb-row">{self.footer(rng)}</div></div>'
            "</div></div>\n"
            f"{self.scripts(rng, article)}\n</body>\n</html>\n"
        )

    def _theme_jannah(self, rng: random.Random, article: Article, content: str, head: str) -> str:
        when = article.published
        cat_slug, cat_label = article.category
        related = "".join(
            f'<div class="related-item tie-standard"><a aria-label="{_esc(a.title)}" '
            f'href="{self.url(a)}" class="post-thumb"><img width="390" height="220" '
            f'src="{self.base}/wp-content/uploads/{a.slug[:30]}-390x220.jpg" '
            'class="attachment-jannah-image-large size-jannah-image-large wp-post-image" alt="" '
            f'/></a><h3 class="post-title"><a href="{self.url(a)}">{_esc(a.title)}</a></h3>'
            '<div class="post-meta clearfix"><span class="date meta-item tie-icon">'
            f"{a.published:%B %-d, %Y}</span></div></div>"
            for a in self.same_show(rng, article, 4)
        )
        return (
            '<!DOCTYPE html>\n<html lang="en-US" class="" data-skin="light">\n'
            f"{head}\n"
            '<body id="tie-body" class="post-template-default single single-post '
            f"postid-{1000 + article.index} single-format-standard wrapper-has-shadow "
            "block-head-4 magazine2 is-thumb-overlay-disabled is-desktop is-header-layout-3 "
            'sidebar-right has-sidebar post-layout-1 narrow-title-narrow-media">\n'
            '<div class="background-overlay"><div id="tie-container" class="site '
            'tie-container"><div id="tie-wrapper"><header id="theme-header" class="theme-header '
            "header-layout-3 main-nav-dark main-nav-default-dark main-nav-below no-stream-item "
            'has-shadow has-normal-width-logo mobile-header-default">'
            '<div class="container header-container"><div class="tie-row logo-row">'
            '<div class="logo-wrapper"><div class="tie-col-md-4 logo-container clearfix">'
            f'<div id="logo" class="image-logo"><a title="{SITE_NAME}" href="{self.base}/">'
            f'<img src="{self.base}/wp-content/uploads/logo.png" alt="{SITE_NAME}" '
            'class="logo_normal" width="300" height="49" /><h1 class="h1-off">'
            f"{SITE_NAME}</h1></a></div></div></div></div></div>"
            '<div class="main-nav-wrapper"><nav id="main-nav" data-skin="search-in-main-nav" '
            'class="main-nav header-nav" aria-label="Primary Navigation"><div class="container">'
            f'<div class="main-menu-wrapper"><div id="menu-components-wrap">{self.nav()}</div>'
            "</div></div></nav></div></header>\n"
            '<div id="content" class="site-content container"><div id="main-content-row" '
            'class="tie-row main-content-row"><div class="main-content tie-col-md-8 '
            'tie-col-xs-12" role="main">'
            '<article id="the-post" class="container-wrapper post-content tie-standard">'
            '<header class="entry-header-outer"><nav id="breadcrumb"><a href="'
            f'{self.base}/"><span class="tie-icon-home" aria-hidden="true"></span> Home</a>'
            '<em class="delimiter">/</em><a href="'
            f'{self.base}/category/{cat_slug}/">{cat_label}</a><em class="delimiter">/</em>'
            f'<span class="current">{_esc(article.title)}</span></nav>'
            '<div class="entry-header"><span class="post-cat-wrap"><a class="post-cat '
            f'tie-cat-{rng.randint(2, 40)}" href="{self.base}/category/{cat_slug}/">'
            f'{cat_label}</a></span><h1 class="post-title entry-title">{_esc(article.title)}'
            '</h1><div class="single-post-meta post-meta clearfix"><span class="author-meta '
            'single-author with-avatars"><span class="meta-item meta-author-wrapper">'
            '<span class="meta-author"><a href="'
            f'{self.base}/author/{slugify(article.author)}/" class="author-name tie-icon" '
            f'title="{_esc(article.author)}">{_esc(article.author)}</a></span></span></span>'
            f'<span class="date meta-item tie-icon">{when:%B %-d, %Y}</span>'
            '<div class="tie-alignright"><span class="meta-comment tie-icon meta-item '
            f'fa-before">{rng.randint(0, 9)}</span><span class="meta-views meta-item">'
            '<span class="tie-icon-fire" aria-hidden="true"></span> '
            f'{rng.randint(100, 9000):,} </span><span class="meta-reading-time meta-item">'
            '<span class="tie-icon-bookmark" aria-hidden="true"></span> '
            f"{rng.randint(2, 6)} minutes read</span></div></div></div></header>"
            '<div class="featured-area"><div class="featured-area-inner"><figure '
            f'class="single-featured-image"><img width="780" height="470" src="{self.base}/'
            f'wp-content/uploads/{article.slug[:40]}-780x470.jpg" class="attachment-jannah-'
            'image-post size-jannah-image-post wp-post-image" alt="" decoding="async" />'
            "</figure></div></div>"
            '<div id="share-buttons-top" class="share-buttons share-buttons-top">'
            f"{self.share_bar(article, 'icons-only')}</div>"
            f'<div class="entry-content entry clearfix">\n{content}\n</div>'
            '<div id="post-extra-info"><div class="theiaStickySidebar"><div '
            'class="single-post-meta post-meta clearfix"></div></div></div>'
            '<div class="post-bottom-meta post-bottom-tags post-tags-modern">'
            '<div class="post-bottom-meta-title"><span class="tie-icon-tags" aria-hidden="true">'
            f'</span> Tags</div><span class="tagcloud">{self.tag_links(article)}</span></div>'
            '<div id="share-buttons-bottom" class="share-buttons share-buttons-bottom">'
            f"{self.share_bar(article, 'icons-text')}</div></article>"
            '<div class="post-components">'
            f"{self._author_box(article, 'about-author container-wrapper about-author-1')}"
            '<div class="prev-next-post-nav container-wrapper media-overlay">'
            f"{self._prev_next(article, 'tie-col-xs-12 prev-next-post-nav')}</div>"
            '<div id="related-posts" class="container-wrapper has-extra-post">'
            '<div class="mag-box-title the-global-title"><h3>Related Articles</h3></div>'
            f'<div class="related-posts-list">{related}</div></div>'
            f"{self.comments(rng, article)}</div></div>"
            '<aside class="sidebar tie-col-md-4 tie-col-xs-12 normal-sidebar is-sticky" '
            'aria-label="Primary Sidebar"><div class="theiaStickySidebar">'
            f"{self.sidebar_lists(rng, article)}</div></aside></div></div>\n"
            '<footer id="footer" class="site-footer dark-skin dark-widgetized-area">'
            f'<div id="footer-widgets-container"><div class="container">{self.footer(rng)}'
            "</div></div></footer></div></div></div>\n"
            f"{self.scripts(rng, article)}\n</body>\n</html>\n"
        )

    # -- listings --------------------------------------------------------------------------

    def listing_page(self, path: str, label: str, posts: list[Article]) -> str:
        """An archive page (home, category, author): its 20 newest posts."""
        items = "".join(
            f'<article class="post type-post"><h2 class="entry-title"><a href="{self.url(a)}" '
            f'rel="bookmark">{_esc(a.title)}</a></h2><div class="entry-meta">By <a href="'
            f'{self.base}/author/{slugify(a.author)}/">{_esc(a.author)}</a></div>'
            f'<div class="entry-summary"><p>{_esc(a.show)} season {a.season}: here is everything '
            "we know so far about the release date, cast and story.</p></div></article>"
            for a in posts[-20:][::-1]
        )
        return (
            f'<!DOCTYPE html>\n<html lang="en-US"><head><meta charset="UTF-8"><title>{label} - '
            f'{SITE_NAME}</title><link rel="canonical" href="{self.base}{path}" /></head>'
            f'<body class="archive"><header>{self.nav()}</header><main id="main">'
            f'<h1 class="page-title">{_esc(label)}</h1>{items}</main></body></html>\n'
        )


# -- site --------------------------------------------------------------------------------


def _sitemap(urls: list[tuple[str, str]]) -> str:
    rows = "".join(
        f"\t<url>\n\t\t<loc>{_esc(loc)}</loc>\n\t\t<lastmod>{lastmod}</lastmod>\n\t</url>\n"
        for loc, lastmod in urls
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" '
        'href="/main-sitemap.xsl"?>\n<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" '
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{rows}</urlset>\n<!-- XML Sitemap generated by Yoast SEO -->\n"
    )


def generate_site(folder: Path, pages: int, base_url: str, seed: int = 20240501) -> Site:
    """Write the whole site under `folder` (which must exist); `base_url` has no trailing /."""
    base_url = base_url.rstrip("/")
    rng = random.Random(seed)
    articles = plan_articles(rng, pages)
    renderer = _Renderer(articles, base_url, seed)
    total = 0
    for article in articles:
        size_rng = random.Random(f"{seed}:{article.index}:size")
        target = size_rng.randint(MIN_PAGE_BYTES + 2_000, MAX_PAGE_BYTES - 8_000)
        page = renderer.render(article, target).encode("utf-8")
        (folder / article.slug).mkdir(parents=True, exist_ok=True)
        (folder / article.slug / "index.html").write_bytes(page)
        total += len(page)

    listings: dict[str, tuple[str, list[Article]]] = {"/": ("Latest News", articles)}
    for slug, label in _CATEGORIES:
        posts = [a for a in articles if a.category[0] == slug]
        listings[f"/category/{slug}/"] = (f"{label} Archives", posts)
    for author in sorted({a.author for a in articles}):
        posts = [a for a in articles if a.author == author]
        listings[f"/author/{slugify(author)}/"] = (f"{author}, Author at {SITE_NAME}", posts)
    for path, (label, posts) in listings.items():
        (folder / path.strip("/")).mkdir(parents=True, exist_ok=True)
        (folder / path.strip("/") / "index.html").write_text(
            renderer.listing_page(path, label, posts), encoding="utf-8"
        )
    category_paths = [p for p in listings if p.startswith("/category/")]

    # Yoast: newest posts first, at most SITEMAP_MAX_URLS per sitemap.
    newest = sorted(articles, key=lambda a: a.published, reverse=True)
    sitemaps: list[tuple[str, str]] = []
    for number, start in enumerate(range(0, len(newest), SITEMAP_MAX_URLS), start=1):
        chunk = newest[start : start + SITEMAP_MAX_URLS]
        name = "post-sitemap.xml" if number == 1 else f"post-sitemap{number}.xml"
        urls = [(renderer.url(a), f"{a.published:%Y-%m-%dT%H:%M:%S}+00:00") for a in chunk]
        (folder / name).write_text(_sitemap(urls), encoding="utf-8")
        sitemaps.append((f"{base_url}/{name}", urls[0][1]))
    last = sitemaps[0][1] if sitemaps else "2024-01-01T00:00:00+00:00"
    categories = [(base_url + p, last) for p in category_paths]
    (folder / "category-sitemap.xml").write_text(_sitemap(categories), encoding="utf-8")
    sitemaps.append((f"{base_url}/category-sitemap.xml", last))
    index_rows = "".join(
        f"\t<sitemap>\n\t\t<loc>{loc}</loc>\n\t\t<lastmod>{lastmod}</lastmod>\n\t</sitemap>\n"
        for loc, lastmod in sitemaps
    )
    (folder / "sitemap_index.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" '
        'href="/main-sitemap.xsl"?>\n<sitemapindex '
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{index_rows}</sitemapindex>\n<!-- XML Sitemap generated by Yoast SEO -->\n",
        encoding="utf-8",
    )
    # Tag archives are disallowed, as many WordPress sites do to save crawl budget.
    (folder / "robots.txt").write_text(
        "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"
        "Disallow: /tag/\nDisallow: /?s=\nDisallow: /search/\n\n"
        f"Sitemap: {base_url}/sitemap_index.xml\n",
        encoding="utf-8",
    )
    return Site(
        folder=folder,
        base_url=base_url,
        articles=articles,
        category_paths=category_paths,
        sitemap_url=f"{base_url}/sitemap_index.xml",
        total_bytes=total,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Generate a synthetic season-news site.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--seed", type=int, default=20240501)
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    site = generate_site(args.folder, args.pages, args.base_url, args.seed)
    shows = len({a.show for a in site.articles})
    print(
        f"{len(site.articles)} articles about {shows} shows, "
        f"{site.total_bytes / len(site.articles) / 1024:.0f} KB per page on average, "
        f"sitemap {site.sitemap_url}"
    )


if __name__ == "__main__":
    main()
