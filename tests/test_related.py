"""strip_related on saved WordPress pages and on small variants of "Also Read" blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.extract.html import parse_html, text_of
from crawler.extract.related import label_kind, strip_related

PAGES = Path(__file__).parent / "fixtures" / "pages"
BASE = "https://seasondaily.example.com/some-show-season-2/"


def _links(html: str, url: str = BASE) -> tuple[list[tuple[str, str, str]], str]:
    tree = parse_html(html, url)
    links = strip_related(tree, url)
    return [(link.url, link.anchor, link.kind) for link in links], text_of(tree)


def _page(name: str, url: str) -> tuple[list[tuple[str, str, str]], str]:
    return _links((PAGES / name).read_text("utf-8"), url)


def _doc(body: str) -> str:
    return f"<html><head><title>t</title></head><body><article>{body}</article></body></html>"


BODY = (
    "<p>Netflix confirmed it, as reported by <a href='https://variety.com/x'>Variety</a>, "
    "that the second season will start filming in the spring.</p>"
)


def test_generatepress_inline_variants_and_jetpack() -> None:
    links, text = _page(
        "generatepress_aouad.html",
        "https://seasondaily.example.com/all-of-us-are-dead-season-2-release-date/",
    )
    site = "https://seasondaily.example.com"
    assert links == [
        (
            f"{site}/money-heist-season-6-release-date/",
            "Money Heist Season 6 Release Date & Latest Updates 2022",
            "also_read",
        ),
        (
            f"{site}/sweet-home-season-2-release-date/",
            "Sweet Home Season 2: Release Date, Cast and Plot",
            "also_read",
        ),
        (
            f"{site}/squid-game-season-2-cast/",
            "Squid Game Season 2 Cast: Who Is Coming Back?",
            "also_read",
        ),
        (
            f"{site}/the-witcher-season-3-trailer/",
            "The Witcher Season 3 Trailer Breakdown",
            "also_read",
        ),
        (f"{site}/hellbound-season-2-renewal/", "Hellbound Season 2 Renewal Status", "also_read"),
        (f"{site}/kingdom-season-3-release-date/", "Kingdom Season 3 Release Date", "related"),
    ]
    assert "Squid Game Season 2 Cast" not in text
    assert "Kingdom Season 3" not in text
    assert "as reported by Variety, that filming will begin" in text
    assert "Must Read" in text  # a menu entry, not a related block


def test_astra_heading_lists_sibling_labels_and_related_container() -> None:
    links, text = _page(
        "astra_vinland.html", "https://animeseasons.example.org/vinland-saga-season-3/"
    )
    site = "https://animeseasons.example.org"
    assert links == [
        (
            f"{site}/attack-on-titan-final-season-part-3/",
            "Attack on Titan Final Season Part 3 Release Date",
            "related",
        ),
        (f"{site}/chainsaw-man-season-2/", "Chainsaw Man Season 2: Everything We Know", "related"),
        (f"{site}/mushoku-tensei-season-3/", "Mushoku Tensei Season 3 Confirmed", "you_may_like"),
        (f"{site}/dr-stone-season-4/", "Dr. Stone Season 4 Release Date", "must_read"),
        (f"{site}/frieren-season-2/", "Frieren Season 2 Announced", "must_read"),
        (f"{site}/best-anime-of-2023/", "The Best Anime Of 2023 So Far", "recommended"),
        (
            f"{site}/jujutsu-kaisen-season-2-episode-guide/",
            "Jujutsu Kaisen Season 2 Episode Guide",
            "read_more",
        ),
        (f"{site}/spy-x-family-season-2/", "Spy x Family Season 2", "read_more"),
        (f"{site}/blue-lock-season-2/", "Blue Lock Season 2 Release Date", "related"),
    ]
    assert "You May Also Like" not in text
    assert "Related Posts" not in text
    assert "If you want to read more about the manga, Kodansha's official page lists" in text


def test_newspaper_embeds_and_td_related_block() -> None:
    links, text = _page(
        "newspaper_theboys.html", "https://tvseasonbuzz.example.net/the-boys-season-4/"
    )
    site = "https://tvseasonbuzz.example.net"
    assert links == [
        (f"{site}/gen-v-season-2/", "Gen V Season 2: Production Update", "related"),
        (
            f"{site}/invincible-season-2-part-2/",
            "Invincible Season 2 Part 2 Release Date Confirmed",
            "also_read",
        ),
        (f"{site}/reacher-season-3-cast/", "Reacher Season 3 Cast Revealed", "related"),
        (
            f"{site}/the-boys-season-3-recap/",
            "The Boys Season 3 Recap Before Season 4",
            "read_more",
        ),
        (
            f"{site}/fallout-season-2/",
            "Fallout Season 2: Renewal And Release Window",
            "related",
        ),
    ]
    assert "RELATED ARTICLES" not in text
    assert "Jeffrey Dean Morgan, who joined the series" in text


def test_elementor_heading_widget_and_card_grid() -> None:
    links, text = _page(
        "jannah_elementor_strangerthings.html",
        "https://bingecalendar.example.com/stranger-things-season-5-cast/",
    )
    site = "https://bingecalendar.example.com"
    assert links == [
        (
            f"{site}/wednesday-season-2-release-date/",
            "Wednesday Season 2 Release Date",
            "also_read",
        ),
        (
            f"{site}/the-umbrella-academy-season-4-review/",
            "The Umbrella Academy Season 4 Review",
            "also_read",
        ),
        (f"{site}/squid-game-season-3/", "Squid Game Season 3 Ending Explained", "must_read"),
        (f"{site}/dark-season-4/", "Is There A Dark Season 4?", "you_may_like"),
        (f"{site}/1899-season-2/", "1899 Season 2 Cancelled", "you_may_like"),
        (f"{site}/cobra-kai-season-6-part-3/", "Cobra Kai Season 6 Part 3 Release Date", "related"),
    ]
    assert "Also Read" not in text
    assert "According to Netflix Tudum, the Duffer Brothers" in text


@pytest.mark.parametrize(
    ("block", "anchor", "kind"),
    [
        (
            "<p>Also Read: <a href='/a/'>Money Heist Season 6</a></p>",
            "Money Heist Season 6",
            "also_read",
        ),
        (
            "<p>Also read - <a href='/a/'>Money Heist Season 6</a></p>",
            "Money Heist Season 6",
            "also_read",
        ),
        (
            "<p>ALSO READ:<br><a href='/a/'>Money Heist Season 6</a></p>",
            "Money Heist Season 6",
            "also_read",
        ),
        (
            "<p><a href='/a/'>Also Read: Money Heist Season 6</a></p>",
            "Money Heist Season 6",
            "also_read",
        ),
        (
            "<p>READ ALSO <a href='/a/'>Money Heist Season 6</a></p>",
            "Money Heist Season 6",
            "also_read",
        ),
        (
            "<p><b>Read More:</b> <a href='/a/'>Money Heist S6</a></p>",
            "Money Heist S6",
            "read_more",
        ),
        (
            "<p>Related: <a href='/a/'>Money Heist Season 6</a></p>",
            "Money Heist Season 6",
            "related",
        ),
        (
            "<p><em>Must Read:</em> <a href='/a/'>Money Heist S6</a></p>",
            "Money Heist S6",
            "must_read",
        ),
        ("<p>Recommended: <a href='/a/'>Money Heist S6</a></p>", "Money Heist S6", "recommended"),
        (
            "<h3>Related Posts</h3><ul><li><a href='/a/'>Money Heist S6</a></li></ul>",
            "Money Heist S6",
            "related",
        ),
        (
            "<h4>You May Also Like</h4><ol><li><a href='/a/'>Money Heist S6</a></li></ol>",
            "Money Heist S6",
            "you_may_like",
        ),
        (
            "<div id='jp-relatedposts' class='jp-relatedposts'><h3>Related</h3>"
            "<a href='/a/'>Money Heist S6</a> <p>In \"Netflix\"</p></div>",
            "Money Heist S6",
            "related",
        ),
        (
            "<div class='yarpp-related'><h3>Related posts:</h3><ol><li><a href='/a/'>Money Heist S6"
            "</a> <small>Netflix has renewed the show.</small></li></ol></div>",
            "Money Heist S6",
            "related",
        ),
        (
            "<div class='crp_related'><ul><li><a href='/a/'><span class='crp_title'>Money Heist S6"
            "</span></a></li></ul></div>",
            "Money Heist S6",
            "related",
        ),
        (
            "<blockquote class='wp-embedded-content'><a href='/a/'>Money Heist S6</a></blockquote>",
            "Money Heist S6",
            "related",
        ),
        # real-world variants (tests/fixtures/realworld)
        (
            "<p><strong>MORE: <a href='/a/'>Money Heist S6</a></strong></p>",
            "Money Heist S6",
            "read_more",
        ),
        (
            "<p><strong>READ: </strong><a href='/a/'>Money Heist S6</a></p>",
            "Money Heist S6",
            "read_more",
        ),
        (
            "<p>READ MORE ON MONEY HEIST</p><ul><li><a href='/a/'><span>FINAL HEIST</span> "
            "Money Heist S6 is coming</a></li></ul>",
            "Money Heist S6 is coming",
            "read_more",
        ),
        (
            "<h3>MORE ON MONEY HEIST</h3><ul><li><a href='/a/'>Money Heist S6</a></li></ul>",
            "Money Heist S6",
            "read_more",
        ),
        (
            "<h3>More Money Heist Coverage</h3><ul><li><a href='/a/'>Money Heist S6</a></li></ul>",
            "Money Heist S6",
            "read_more",
        ),
        (
            "<div class='embed-editorial-links'><span>Related Story</span><ul><li>"
            "<a href='/a/'>Money Heist S6</a></li></ul></div>",
            "Money Heist S6",
            "related",
        ),
        (
            "<p><strong>DON'T MISS...<br><a href='/a/'>Money Heist S6 [REACTION]</a></strong></p>",
            "Money Heist S6",
            "must_read",
        ),
        (
            "<div class='related-posts-widget'><h4>You might also like</h4><ul><li>"
            "<a href='/a/'>Money Heist S6</a></li></ul></div>",
            "Money Heist S6",
            "you_may_like",
        ),
    ],
)
def test_block_variants_are_found_and_removed(block: str, anchor: str, kind: str) -> None:
    links, text = _links(_doc(f"{BODY}{block}{BODY}"))
    assert links == [("https://seasondaily.example.com/a/", anchor, kind)]
    assert anchor not in text
    assert text.count("as reported by Variety") == 2


def test_ordinary_paragraphs_with_links_are_kept() -> None:
    html = _doc(
        BODY
        + "<p>Read more about the cast in <a href='/cast/'>our cast guide</a>, which we update "
        "every time Netflix confirms a new actor for the series.</p>"
        "<p>Related to the renewal, <a href='/b/'>the showrunner</a> said the story is done.</p>"
        "<p><a href='/c/'>Read more</a></p>"
        "<p>More on that later: <a href='/d/'>the director</a> said filming starts soon, and "
        "the cast will be announced in the spring.</p>"
        "<p>Read: the statement Netflix shared with <a href='/e/'>Variety</a> on Monday.</p>"
    )
    links, text = _links(html)
    assert links == []
    assert "Read more about the cast in our cast guide" in text
    assert "Related to the renewal, the showrunner said" in text
    assert "the director said filming starts soon" in text
    assert "Read: the statement Netflix shared with Variety" in text


def test_label_without_links_is_left_alone() -> None:
    links, text = _links(_doc("<h3>Related Posts</h3><p>" + BODY + "</p>"))
    assert links == []
    assert "Related Posts" in text


def test_links_are_deduplicated_and_absolute() -> None:
    html = _doc(
        "<p>Also Read: <a href='../a/'>First</a></p>"
        "<p>Read More: <a href='https://seasondaily.example.com/a/'>Again</a>"
        " and <a href='/b/?utm_source=x'>Other</a></p>"
    )
    links, _ = _links(html)
    assert links == [
        ("https://seasondaily.example.com/a/", "First", "also_read"),
        ("https://seasondaily.example.com/b/?utm_source=x", "Other", "read_more"),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Also Read:", "also_read"),
        ("» READ ALSO -", "also_read"),
        ("You Might Also Like", "you_may_like"),
        ("Related Articles:", "related"),
        ("Related to this story", None),
        ("Must-read: X", "must_read"),
        ("READ MORE ON RACE ACROSS THE WORLD", "read_more"),
        ("MORE:", "read_more"),
        ("More on that later, he said.", None),
        ("Read the full statement", None),
        ("Related Story", "related"),
    ],
)
def test_label_kind(text: str, kind: str | None) -> None:
    assert label_kind(text) == kind
