"""extract_body on saved WordPress pages: body text, metadata, related links, boilerplate."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.extract.body import drop_related_lines, extract_body, is_dateline
from crawler.extract.boilerplate import strip_boilerplate
from crawler.extract.html import parse_html, text_of

PAGES = Path(__file__).parent / "fixtures" / "pages"

BOILERPLATE = [
    "Share this:",
    "Like this:",
    "Loading...",
    "bloggers like this",
    "Leave a Reply",
    "Leave a Comment",
    "LEAVE A REPLY",
    "About the author",
    "Click to share on Twitter",
    "Save my name, email",
    "Subscribe to our newsletter",
    "Sign up for the TV Season Buzz newsletter",
    "Recent Posts",
    "Previous article",
    "Powered by Astra",
    "Skip to content",
    "Kenji has been writing about seasonal anime",
    "keeps a spreadsheet of every renewal",
    "I really hope they adapt the Vinland arc",
]

CASES = {
    "generatepress_aouad.html": (
        "https://seasondaily.example.com/all-of-us-are-dead-season-2-release-date/",
        [
            "Netflix has officially renewed the Korean zombie thriller All Of Us Are Dead",
            "Netflix confirmed it, as reported by Variety, that filming will begin in the spring",
            "Lomon, who played Su-hyeok, said in an interview",
            "do not expect footage before the end of 2023.",
        ],
        [
            "Money Heist",
            "Sweet Home Season 2",
            "Squid Game",
            "The Witcher",
            "Hellbound",
            "Kingdom Season 3",
            "Stranger Things Season 5",
        ],
    ),
    "astra_vinland.html": (
        "https://animeseasons.example.org/vinland-saga-season-3/",
        [
            "Vinland Saga Season 2 wrapped up its farm arc last week",
            "a realistic guess for Vinland Saga Season 3 is sometime in 2026 or 2027.",
            "Both seasons are streaming on Netflix and Crunchyroll",
            "If you want to read more about the manga, Kodansha's official page lists",
        ],
        [
            "Attack on Titan",
            "Chainsaw Man",
            "Mushoku Tensei",
            "Dr. Stone",
            "Frieren",
            "Best Anime Of 2023",
            "Jujutsu Kaisen",
            "Blue Lock",
            "One Piece",
            "You May Also Like",
            "Must Read",
            "Related Posts",
        ],
    ),
    "newspaper_theboys.html": (
        "https://tvseasonbuzz.example.net/the-boys-season-4/",
        [
            "Prime Video has finally dropped the official trailer for The Boys Season 4",
            "Showrunner Eric Kripke has already revealed that the fifth season will be the last",
            "Karl Urban, Jack Quaid, Laz Alonso",
            "Jeffrey Dean Morgan, who joined the series in the third season",
        ],
        [
            "Gen V",
            "Invincible",
            "Reacher",
            "Season 3 Recap",
            "Fallout",
            "Yellowstone",
            "House Of The Dragon",
            "RELATED ARTICLES",
            "Also Read",
        ],
    ),
    "jannah_elementor_strangerthings.html": (
        "https://bingecalendar.example.com/stranger-things-season-5-cast/",
        [
            "Netflix has confirmed that the fifth and final season of Stranger Things",
            "New to the cast is Linda Hamilton",
            "According to Netflix Tudum, the Duffer Brothers wrote the last episode",
            "Production wrapped in December 2024",
        ],
        [
            "Wednesday Season 2",
            "Umbrella Academy",
            "Squid Game",
            "Dark Season 4",
            "1899",
            "Cobra Kai",
            "The Crown",
            "Arcane",
            "You Might Also Like",
            "Share via Email",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_body_keeps_the_article_and_drops_the_rest(name: str) -> None:
    url, present, absent = CASES[name]
    result = extract_body((PAGES / name).read_text("utf-8"), url)
    for sentence in present:
        assert sentence in result.body
    for unwanted in absent + BOILERPLATE:
        assert unwanted not in result.body, unwanted


@pytest.mark.parametrize("name", sorted(CASES))
def test_body_does_not_start_with_the_headline(name: str) -> None:
    url, _, _ = CASES[name]
    result = extract_body((PAGES / name).read_text("utf-8"), url)
    assert result.metadata.title
    assert result.metadata.title not in result.body


def test_related_links_come_with_the_body() -> None:
    url = "https://seasondaily.example.com/all-of-us-are-dead-season-2-release-date/"
    body, _, related = extract_body((PAGES / "generatepress_aouad.html").read_text("utf-8"), url)
    assert [link.kind for link in related] == ["also_read"] * 5 + ["related"]
    assert related[0].anchor == "Money Heist Season 6 Release Date & Latest Updates 2022"
    assert "Money Heist" not in body


def test_metadata_generatepress() -> None:
    url = "https://seasondaily.example.com/all-of-us-are-dead-season-2-release-date/"
    meta = extract_body((PAGES / "generatepress_aouad.html").read_text("utf-8"), url).metadata
    assert meta.title == "All Of Us Are Dead Season 2 Release Date Out!"
    assert meta.author == "Priya Raman"
    assert meta.published == "2022-06-07"
    assert meta.modified == "2022-06-09"
    assert meta.sitename == "Season Daily"
    assert meta.language == "en"
    assert meta.categories == ["Netflix"]
    assert meta.tags == ["All Of Us Are Dead", "K-Drama"]
    assert meta.image == "https://seasondaily.example.com/wp-content/uploads/2022/06/aouad-s2.jpg"
    assert meta.canonical_url == url  # relative <link rel=canonical> made absolute
    assert meta.description and meta.description.startswith("Netflix has renewed")


def test_metadata_from_json_ld_and_markup() -> None:
    url = "https://animeseasons.example.org/vinland-saga-season-3/?utm_source=feed"
    meta = extract_body((PAGES / "astra_vinland.html").read_text("utf-8"), url).metadata
    assert meta.published == "2023-06-20"
    assert meta.modified == "2023-07-02"
    assert meta.author == "Kenji Ito"
    assert meta.language == "en"
    assert meta.categories == ["Anime"]
    assert meta.canonical_url == "https://animeseasons.example.org/vinland-saga-season-3/"


def test_metadata_og_url_and_time_updated() -> None:
    url = "https://tvseasonbuzz.example.net/the-boys-season-4/amp/"
    meta = extract_body((PAGES / "newspaper_theboys.html").read_text("utf-8"), url).metadata
    assert meta.canonical_url == "https://tvseasonbuzz.example.net/the-boys-season-4/"
    assert meta.published == "2024-03-22"
    assert meta.modified == "2024-03-25"
    assert meta.author == "Marcus Webb"


def test_blogposting_json_ld_dates() -> None:
    url = "https://bingecalendar.example.com/stranger-things-season-5-cast/"
    page = (PAGES / "jannah_elementor_strangerthings.html").read_text("utf-8")
    meta = extract_body(page, url).metadata
    assert (meta.published, meta.modified) == ("2024-11-06", "2024-11-08")
    assert meta.tags == ["Stranger Things", "Netflix"]


def test_broken_and_empty_documents() -> None:
    broken = "<html><body><div><p>Unclosed <b>bold <table><tr><td>cell</p></div>"
    result = extract_body(broken, "https://example.com/x")
    assert isinstance(result.body, str)
    assert extract_body("<html><body></body></html>", "https://example.com/").body == ""
    with pytest.raises(ValueError, match="empty"):
        extract_body("   ", "https://example.com/")


def test_leftover_related_lines_are_dropped() -> None:
    text = (
        "Season 2 premieres on January 28, 2022.\n"
        "Also Read: Money Heist Season 6 Release Date & Latest Updates 2022\n"
        "Related Posts\n"
        "Read more: the showrunner explained at length why the story needed a second season, "
        "why the cast agreed to come back and how long the production is expected to take in "
        "total before the premiere.\n"
        "The end."
    )
    assert drop_related_lines(text).splitlines() == [
        "Season 2 premieres on January 28, 2022.",
        text.splitlines()[3],
        "The end.",
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("June 7, 2022", True),
        ("Updated: January 28, 2022 10:30 am", True),
        ("Tuesday, 19 November 2019 08:38 AM", True),
        ("Season 2 premieres on January 28, 2022.", False),
        ("The show returns in 2024", False),
    ],
)
def test_is_dateline(line: str, expected: bool) -> None:
    assert is_dateline(line) is expected


def test_strip_boilerplate_is_conservative() -> None:
    html = (
        "<html><body><article><div class='entry-content'>"
        "<p>Share this news with every fan: Netflix renewed the show for a third season.</p>"
        "<p>About the author of the books, George R. R. Martin, little needs to be said.</p>"
        "<div class='sharedaddy'><h3>Share this:</h3><a href='/x?share=twitter'>Twitter</a></div>"
        "<p class='share'>Share</p>"
        "</div></article></body></html>"
    )
    tree = parse_html(html, "https://example.com/")
    strip_boilerplate(tree)
    text = text_of(tree)
    assert "Share this news with every fan" in text
    assert "About the author of the books" in text
    assert "Twitter" not in text
    assert "Share this:" not in text
    assert not text.endswith("Share")
