"""Tests for crawler.extract.seasons: show keys, season phrases in headlines, slugs, resolution."""

from __future__ import annotations

import pytest

from crawler.extract.seasons import (
    display_title,
    find_in_slug,
    find_show_seasons,
    resolve_show_seasons,
    show_key,
)
from crawler.extract.types import ShowSeason

# ---------------------------------------------------------------------------------------------
# show_key
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Witcher", "Witcher"),
        ("The Witcher", "the witcher"),
        ("Law & Order", "Law and Order"),
        ("Grey's Anatomy", "Greys Anatomy"),
        ("Grey’s Anatomy", "Grey's Anatomy"),
        ("Pokémon", "Pokemon"),
        ("Money  Heist", "money heist"),
        ("Marvel's Agents of S.H.I.E.L.D.", "Marvels Agents of SHIELD"),
        ("Love, Death & Robots", "Love Death and Robots"),
        ("Spy x Family", "SPY x FAMILY"),
        ("Ｓｑｕｉｄ Ｇａｍｅ", "Squid Game"),  # full-width (NFKD)
    ],
)
def test_show_key_equivalences(a: str, b: str) -> None:
    assert show_key(a) == show_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Dead to Me", "All of Us Are Dead"),
        ("The Witcher", "The Witcher: Blood Origin"),
        ("Money Heist", "Money Heist: Korea"),
        ("Law & Order", "Law & Order: SVU"),
        ("Kingdom", "The Last Kingdom"),
        ("The Boys", "Boys Over Flowers"),
    ],
)
def test_show_key_differences(a: str, b: str) -> None:
    assert show_key(a) != show_key(b)


def test_show_key_values() -> None:
    assert show_key("All Of Us Are Dead") == "all of us are dead"
    assert show_key("Grey's Anatomy") == "greys anatomy"
    assert show_key("  The  Crown ") == "crown"
    assert show_key("Law & Order: SVU") == "law and order svu"
    assert show_key("") == ""


# ---------------------------------------------------------------------------------------------
# display_title
# ---------------------------------------------------------------------------------------------


def test_display_title_most_common() -> None:
    names = ["Squid game", "Squid Game", "Squid Game", "SQUID GAME"]
    assert display_title(names) == "Squid Game"


def test_display_title_tie_first_seen() -> None:
    assert display_title(["All Of Us Are Dead", "All of Us Are Dead"]) == "All Of Us Are Dead"
    assert display_title(iter(["b", "a", "a", "b"])) == "b"


def test_display_title_empty() -> None:
    assert display_title([]) == ""
    assert display_title(["", "  "]) == ""


# ---------------------------------------------------------------------------------------------
# find_show_seasons: one show-season per headline
# ---------------------------------------------------------------------------------------------

SINGLE = [
    # the genre's staple forms
    ("All Of Us Are Dead Season 2 Release Date Out!", "All Of Us Are Dead", 2),
    ("Money Heist Season 6 Release Date & Latest Updates 2022", "Money Heist", 6),
    ("Money Heist Season 6 Release Date &amp; Latest Updates 2022", "Money Heist", 6),
    ("Dead to Me Season 3 Release Date", "Dead to Me", 3),
    ("Squid Game Season Two Release Date", "Squid Game", 2),
    ("The Umbrella Academy 4th season release date", "The Umbrella Academy", 4),
    ("Squid Game S2 cast", "Squid Game", 2),
    ("Squid Game S02E01 recap", "Squid Game", 2),
    ("Squid Game: Season 2", "Squid Game", 2),
    ("Squid Game (Season 2) Review", "Squid Game", 2),
    ("Squid Game Season 2 (2024): Cast, Plot", "Squid Game", 2),
    ("Wednesday season 2 — release date, cast", "Wednesday", 2),
    ("Outer Banks Season 4: Release Date, Cast, Plot", "Outer Banks", 4),
    ("Demon Slayer Season 4 Release Date, Cast, Plot And More", "Demon Slayer", 4),
    ("The Boys Season 4 Release Date, Cast, Trailer and Everything We Know", "The Boys", 4),
    ("Yellowstone Season 5 Part 2 Release Date Is Finally Here", "Yellowstone", 5),
    ("Bridgerton Season 3 Part 2 Release Date", "Bridgerton", 3),
    ("'Bridgerton' season 3, part 2: release date", "Bridgerton", 3),
    ("Stranger Things Season 5 Volume 2", "Stranger Things", 5),
    ("Outer Banks Gets Fourth and Final Season", "Outer Banks", 4),
    # "of" forms and questions
    ("Is There Going To Be A Season 3 Of Bridgerton?", "Bridgerton", 3),
    ("Season 2 of Squid Game", "Squid Game", 2),
    ("the second season of Squid Game is coming", "Squid Game", 2),
    ("Season 3 of 'The White Lotus' Is Heading to Thailand", "The White Lotus", 3),
    ("Will There Be a Squid Game Season 2?", "Squid Game", 2),
    ("When Is Squid Game Season 2 Coming Out?", "Squid Game", 2),
    ("When Will Jujutsu Kaisen Season 3 Come Out?", "Jujutsu Kaisen", 3),
    ("Is Ginny & Georgia Season 3 Cancelled?", "Ginny & Georgia", 3),
    ("Has The Witcher Season 4 Been Cancelled?", "The Witcher", 4),
    ("Is Netflix's Dead to Me Season 3 Cancelled or Renewed?", "Dead to Me", 3),
    ("Where Was Dead to Me Season 3 Filmed?", "Dead to Me", 3),
    ("Who Dies in Squid Game Season 2?", "Squid Game", 2),
    ("Why Squid Game Season 2 Will Be Darker", "Squid Game", 2),
    ("How to Watch Squid Game Season 2", "Squid Game", 2),
    ("Money Heist Season 6: Will It Ever Happen? Everything You Need to Know", "Money Heist", 6),
    ("Kingdom Season 3: Will There Be Another Season?", "Kingdom", 3),
    # news verbs around the name
    ("Squid Game renewed for Season 2", "Squid Game", 2),
    ("Wednesday Renewed for Season 2 at Netflix", "Wednesday", 2),
    ("Squid Game Is Coming Back For Season 2", "Squid Game", 2),
    ("Squid Game Gets Season 2 Release Date", "Squid Game", 2),
    ("Squid Game's Second Season Gets Teaser", "Squid Game", 2),
    ("Bridgerton’s Third Season Gets Release Date", "Bridgerton", 3),
    ("Breaking: Netflix Renews Squid Game For Season 2", "Squid Game", 2),
    ("Confirmed: Squid Game Season 2 Is Happening", "Squid Game", 2),
    ("Netflix confirms Wednesday season 2", "Wednesday", 2),
    ("Netflix Has Officially Renewed 'Wednesday' for a Second Season", "Wednesday", 2),
    ("Hwang Dong-hyuk Confirms Squid Game Season 2 Will Release In 2024", "Squid Game", 2),
    ("Fans Are Desperate For Squid Game Season 2", "Squid Game", 2),
    ("Everything we know about Squid Game season 2", "Squid Game", 2),
    ("Here's Everything We Know About The Witcher Season 4", "The Witcher", 4),
    ("Everything we know about Netflix's One Piece season 2", "One Piece", 2),
    # platform possessives and quotes
    ("Netflix's 'Wednesday' Season 2: Everything We Know", "Wednesday", 2),
    ("HBO's The Last of Us Season 2 Trailer", "The Last of Us", 2),
    ("Apple TV+'s Severance Season 2 Release Date Finally Announced", "Severance", 2),
    ("Hulu's The Bear Season 3: Everything We Know So Far", "The Bear", 3),
    ("Prime Video's The Boys Season 4 Trailer Is Here", "The Boys", 4),
    ("“Squid Game” Season 2 Release Date", "Squid Game", 2),
    ("'Squid Game' Season 2 Cast", "Squid Game", 2),
    ("K-Drama 'Kingdom' Season 3 Release Date", "Kingdom", 3),
    ("Is 'Kingdom' Season 3 Happening? Netflix K-Drama Update", "Kingdom", 3),
    # colons, apostrophes, ampersands, abbreviations inside names
    ("Grey's Anatomy Season 20 Release Date", "Grey's Anatomy", 20),
    ("Grey’s Anatomy Season 20 Episode 1 Recap", "Grey's Anatomy", 20),
    ("Marvel's Daredevil: Born Again Season 2", "Marvel's Daredevil: Born Again", 2),
    ("The Witcher: Blood Origin Season 2", "The Witcher: Blood Origin", 2),
    ("Money Heist: Korea Season 2 Renewed or Cancelled?", "Money Heist: Korea", 2),
    ("Law & Order: SVU Season 25", "Law & Order: SVU", 25),
    ("Avatar: The Last Airbender Season 2", "Avatar: The Last Airbender", 2),
    ("Star Trek: Strange New Worlds Season 3", "Star Trek: Strange New Worlds", 3),
    ("It's Always Sunny in Philadelphia Season 16", "It's Always Sunny in Philadelphia", 16),
    ("The Marvelous Mrs. Maisel Season 5 Review", "The Marvelous Mrs. Maisel", 5),
    ("Marvel's Agents of S.H.I.E.L.D. Season 8?", "Marvel's Agents of S.H.I.E.L.D.", 8),
    ("Love, Death & Robots Season 4", "Love, Death & Robots", 4),
    ("Will & Grace Season 12", "Will & Grace", 12),
    ("Will Trent Season 2 Release Date", "Will Trent", 2),
    ("What We Do in the Shadows Season 6 Release Date", "What We Do in the Shadows", 6),
    ("When Calls the Heart Season 11", "When Calls the Heart", 11),
    ("1923 Season 2 Release Date", "1923", 2),
    ("9-1-1 Season 7", "9-1-1", 7),
    # K-drama and anime
    ("Extraordinary Attorney Woo Season 2 Confirmed", "Extraordinary Attorney Woo", 2),
    ("Crash Landing on You Season 2 release date", "Crash Landing on You", 2),
    ("Sweet Home Season 3 Release Date & Time On Netflix", "Sweet Home", 3),
    ("Vincenzo Season 2: Is it Happening?", "Vincenzo", 2),
    ("Attack on Titan Season 4 Part 3 Release Date", "Attack on Titan", 4),
    ("Jujutsu Kaisen Season 2 Episode 5", "Jujutsu Kaisen", 2),
    ("Kingdom Season 3: Will There Be Another Season?", "Kingdom", 3),
    ("Demon Slayer: Kimetsu no Yaiba Season 4", "Demon Slayer: Kimetsu no Yaiba", 4),
    (
        "Mushoku Tensei: Jobless Reincarnation Season 2 Part 2",
        "Mushoku Tensei: Jobless Reincarnation",
        2,
    ),
    (
        "That Time I Got Reincarnated as a Slime Season 3",
        "That Time I Got Reincarnated as a Slime",
        3,
    ),
    ("Spy x Family Season 2", "Spy x Family", 2),
    ("Re:Zero Season 3 Release Date", "Re:Zero", 3),
    ("Dr. Stone Season 4", "Dr. Stone", 4),
    ("Solo Leveling Season 2 -Arise from the Shadow- Release Date", "Solo Leveling", 2),
    # British "series"
    ("The Crown Series 6 Release Date", "The Crown", 6),
    ("Line of Duty Series 7: Everything We Know", "Line of Duty", 7),
    ("Doctor Who Series 14", "Doctor Who", 14),
    ("Happy Valley series three", "Happy Valley", 3),
    ("Peaky Blinders Series 7: Will It Happen?", "Peaky Blinders", 7),
    ("The Great British Bake Off series 14", "The Great British Bake Off", 14),
    # bare "Show N" only before release/date/cast/trailer words
    ("Stranger Things 5 Release Date", "Stranger Things", 5),
    ("Squid Game 2 release date", "Squid Game", 2),
    ("Alice in Borderland 3 release date", "Alice in Borderland", 3),
    ("Squid Game 2: Release Date", "Squid Game", 2),
    # real-world forms (tests/fixtures/realworld): the medium is not part of the name
    ("One Piece Live-Action Season 2: Cast, Story & Everything We Know", "One Piece", 2),
    (
        "Frieren: Beyond Journey's End TV Anime Season 2 Announced",
        "Frieren: Beyond Journey's End",
        2,
    ),
    ("Oshi no Ko Anime Season 2 Key Visual", "Oshi no Ko", 2),
    ("[Oshi no Ko] TV Anime 3rd Season Announced", "Oshi no Ko", 3),
    ("[Exclusive] Squid Game Season 2 Cast", "Squid Game", 2),
    ("The 100 Season 8: Renewed or Cancelled?", "The 100", 8),
    ("Kaiju No. 8 Season 2 Release Date", "Kaiju No. 8", 2),
    # K-drama season numbers inside the quoted title
    ("“Sweet Home 3” Confirms Premiere Date With Intense New Poster", "Sweet Home", 3),
    ("“Taxi Driver 3” Holds Script Reading", "Taxi Driver", 3),
]


@pytest.mark.parametrize(("text", "show", "season"), SINGLE)
def test_single_show_season(text: str, show: str, season: int) -> None:
    assert find_show_seasons(text) == [(show, season)]


# "Also Read" anchors describe the linked page; the same function must read them.
ANCHORS = [
    ("Also Read: Alice In Borderland Season 3: Renewed or Cancelled?", "Alice In Borderland", 3),
    ("ALSO READ: MONEY HEIST SEASON 6 RELEASE DATE", "MONEY HEIST", 6),
    ("Also Read – Money Heist Season 6 Release Date", "Money Heist", 6),
    ("Read More: The Witcher Season 4 Release Date Confirmed", "The Witcher", 4),
    ("Related: Is There Going to Be Squid Game Season 2?", "Squid Game", 2),
    ("You May Also Like: Kingdom Season 3 Release Date", "Kingdom", 3),
    ("7 Shows Like Dead to Me Season 3 You Must Watch", "Dead to Me", 3),
]


@pytest.mark.parametrize(("text", "show", "season"), ANCHORS)
def test_anchor_texts(text: str, show: str, season: int) -> None:
    assert find_show_seasons(text) == [(show, season)]


def test_two_shows_in_headline_order() -> None:
    text = "Squid Game Season 2 and Alice in Borderland Season 3: What We Know"
    assert find_show_seasons(text) == [("Squid Game", 2), ("Alice in Borderland", 3)]


def test_same_show_two_seasons() -> None:
    assert find_show_seasons("The Witcher Season 3 and Season 4") == [
        ("The Witcher", 3),
        ("The Witcher", 4),
    ]
    assert find_show_seasons("Squid Game Season 2 vs Squid Game Season 1") == [
        ("Squid Game", 2),
        ("Squid Game", 1),
    ]


def test_repeated_mention_is_reported_once() -> None:
    text = "Squid Game Season 2: When Will Squid Game Season 2 Release?"
    assert find_show_seasons(text) == [("Squid Game", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "Stranger Things 5",  # bare number without release/date/cast words: not trusted
        "Best K-dramas of 2023",
        "Top 10 shows of 2022",
        "Top 10 release dates",
        "5 things we learned from Squid Game",
        "Top Gun 2 review",
        "Money Heist Part 5 Release Date",
        "Season 2 Release Date Announced",  # no show name
        "Squid Game Seasons 1 and 2",  # plural: not one season
        "Oppenheimer Review: Nolan's Best Film",
        "The 2023 Emmys: Full list of winners",
        "Holiday season 2023 TV guide",
        "About Us",
        "",
        "The Rookie: Feds Cancelled by ABC, No Season Two",  # "No" is not a show
        "Dr. STONE SCIENCE FUTURE Cour 2 Premieres in July 2025",  # a cour is not a season
    ],
)
def test_no_show_season(text: str) -> None:
    assert find_show_seasons(text) == []


def test_lowercase_show_name_is_a_known_limit() -> None:
    # Sentence-case headlines with the show in lower case give no title-ish run.
    assert find_show_seasons("Why fans think squid game season 2 will be darker") == []


# ---------------------------------------------------------------------------------------------
# find_in_slug
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/all-of-us-are-dead-season-2-release-date/", [("All of Us Are Dead", 2)]),
        ("https://example.com/squid-game-s2-cast/", [("Squid Game", 2)]),
        ("https://example.com/2023/05/the-crown-series-6/", [("The Crown", 6)]),
        (
            "https://example.com/is-there-going-to-be-a-season-3-of-bridgerton/amp/",
            [("Bridgerton", 3)],
        ),
        ("https://example.com/netflix-renews-squid-game-for-season-2-123456", [("Squid Game", 2)]),
        ("https://example.com/tv/squid-game-season-2.html?utm_source=x", [("Squid Game", 2)]),
        ("https://example.com/when-is-squid-game-season-2-coming-out/", [("Squid Game", 2)]),
        ("https://example.com/greys-anatomy-season-20/", [("Greys Anatomy", 20)]),
        (
            "https://example.com/money-heist-season-6-release-date-latest-updates-2022/",
            [("Money Heist", 6)],
        ),
        ("https://example.com/attack-on-titan-season-4-part-3/", [("Attack on Titan", 4)]),
        # A bare number in a slug is as often a film sequel: only a headline may use one.
        ("https://example.com/stranger-things-5-release-date/", []),
        ("https://example.com/knives-out-3-release-date-netflix/", []),
        ("https://example.com/stranger-things-s5-release-date/", [("Stranger Things", 5)]),
        ("https://example.com/squid-game-second-season/", [("Squid Game", 2)]),
        ("https://example.com/best-kdramas-2023/", []),
        ("https://example.com/", []),
        ("", []),
    ],
)
def test_find_in_slug(url: str, expected: list[tuple[str, int]]) -> None:
    assert find_in_slug(url) == expected


# ---------------------------------------------------------------------------------------------
# resolve_show_seasons
# ---------------------------------------------------------------------------------------------


def test_resolve_prefers_h1_and_strips_site_name() -> None:
    found, reason = resolve_show_seasons(
        "Squid Game Season 2 Release Date - The Cinemaholic",
        "Squid Game Season 2 Release Date",
        [],
        "https://x.com/squid-game-season-2/",
        "The Cinemaholic",
    )
    assert reason is None
    assert found == [ShowSeason("Squid Game", "squid game", 2, "h1")]


@pytest.mark.parametrize(
    "title",
    [
        "Dead to Me Season 3 Release Date | Dexerto",
        "Dead to Me Season 3 Release Date – Dexerto",
        "Dead to Me Season 3 Release Date » Dexerto",
        "Dead to Me Season 3 Release Date - Dexerto",
    ],
)
def test_resolve_title_site_suffixes(title: str) -> None:
    found, reason = resolve_show_seasons(title, None, [], "https://dexerto.com/p/123", "Dexerto")
    assert reason is None
    assert [(s.show, s.season, s.source) for s in found] == [("Dead to Me", 3, "title")]


def test_resolve_title_when_h1_is_the_logo() -> None:
    found, _ = resolve_show_seasons(
        "Kingdom Season 3: Will There Be Another Season? | K-Drama Buzz",
        "K-Drama Buzz",
        [],
        "https://x.com/p/1",
    )
    assert [(s.show, s.season, s.source) for s in found] == [("Kingdom", 3, "title")]


def test_resolve_same_show_fuller_form_wins() -> None:
    found, _ = resolve_show_seasons(
        "The Witcher Season 4 | Site", "Witcher Season 4: Everything We Know", [], "https://x.com/"
    )
    assert [(s.show, s.show_key, s.season) for s in found] == [("The Witcher", "witcher", 4)]


def test_resolve_two_shows() -> None:
    found, reason = resolve_show_seasons(
        "Squid Game Season 2 and Alice in Borderland Season 3: What to Expect",
        None,
        [],
        "https://x.com/a/",
    )
    assert reason is None
    assert [(s.show, s.season) for s in found] == [("Squid Game", 2), ("Alice in Borderland", 3)]


def test_resolve_falls_back_to_slug() -> None:
    found, reason = resolve_show_seasons(
        "Site Name", "Site Name", [], "https://x.com/kingdom-season-3-release-date/", "Site Name"
    )
    assert reason is None
    assert found == [ShowSeason("Kingdom", "kingdom", 3, "url")]


def test_resolve_heading_only_when_headline_names_the_show() -> None:
    headings = ["Squid Game Season 2 Release Date", "Squid Game Season 2 Cast"]
    found, _ = resolve_show_seasons(
        "Squid Game: Everything We Know | Site",
        "Squid Game: Everything We Know",
        headings,
        "https://x.com/squid-game-news/",
        "Site",
    )
    assert found == [ShowSeason("Squid Game", "squid game", 2, "heading")]
    # A heading about another show is not what the article is about.
    found, reason = resolve_show_seasons(
        "Best K-dramas of 2023", None, ["Kingdom Season 3"], "https://x.com/best-kdramas/"
    )
    assert found == []
    assert reason == "no show-season in headline"


@pytest.mark.parametrize(
    "title",
    [
        "10 Netflix Shows Renewed For Season 2 In 2023",
        "Every show renewed or cancelled this week",
        "TV Shows Renewed and Cancelled in 2023",
        "25 Best K-Dramas on Netflix Right Now",
        "Which Netflix Shows Are Getting Season 2?",
        "Top 10 Netflix Shows This Week: Squid Game Leads",
        "Seven Anime Series Returning in 2024",
        "Squid Game Season 2 and 9 Other Shows Coming in 2024",
        "Upcoming K-Dramas In December 2024: 'Squid Game 2', 'When The Phone Rings' And More",
        "Returning Netflix Shows in 2025",
    ],
)
def test_resolve_list_pages(title: str) -> None:
    assert resolve_show_seasons(title, None, [], "https://x.com/list/") == (
        [],
        "list of many shows",
    )


@pytest.mark.parametrize(
    ("title", "h1", "url", "reason"),
    [
        ("Best K-dramas of 2023 - Site", None, "https://x.com/best-kdramas-2023/", None),
        ("Oppenheimer Review: Nolan's Best Film", None, "https://x.com/oppenheimer-review/", None),
        ("About Us - Site", "About Us", "https://x.com/about/", "not an article"),
        (
            "Season 2 Release Date Announced",
            None,
            "https://x.com/news/",
            "season without a show name",
        ),
        (None, None, "", "no headline"),
    ],
)
def test_resolve_no_season(title: str | None, h1: str | None, url: str, reason: str | None) -> None:
    found, why = resolve_show_seasons(title, h1, [], url, "Site")
    assert found == []
    assert why == (reason or "no show-season in headline")


def test_resolve_squid_game_season_2_things_list_is_not_a_list_page() -> None:
    found, reason = resolve_show_seasons(
        "Squid Game season 2: 5 things we want to see", None, [], "https://x.com/p/"
    )
    assert reason is None
    assert [(s.show, s.season) for s in found] == [("Squid Game", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("squid game season 2 release date", [("Squid Game", 2)]),
        ("also read: money heist season 6 release date", [("Money Heist", 6)]),
        ("Is There a Season 2 for Squid Game?", [("Squid Game", 2)]),
        ("Squid Game Season 2 for Apple TV+", [("Squid Game", 2)]),
        ("Watch the Trailer for Squid Game Season 2", [("Squid Game", 2)]),
        ("Frieren: Beyond Journey's End Season 2", [("Frieren: Beyond Journey's End", 2)]),
        ("Survivor 45 cast", [("Survivor", 45)]),
        ("Squid Game: The Challenge Season 2", [("Squid Game: The Challenge", 2)]),
    ],
)
def test_more_forms(text: str, expected: list[tuple[str, int]]) -> None:
    assert find_show_seasons(text) == expected


def test_resolve_guillemet_site_suffix_and_all_the_shows() -> None:
    assert resolve_show_seasons(
        "All the Shows Renewed for 2024 » Site", None, [], "https://x/"
    ) == (
        [],
        "list of many shows",
    )


def test_pathological_input_is_fast() -> None:
    import time

    start = time.perf_counter()
    find_show_seasons("Is Is Is " * 3000 + "Season 2")
    find_show_seasons("renewed for " * 3000 + "Season 2")
    resolve_show_seasons("Is " * 20000, "Is " * 20000, ["Is Season 2 " * 2000] * 10, "https://x/")
    assert time.perf_counter() - start < 2.0


def test_headline_subject_before_a_verb_clause_is_the_show() -> None:
    assert find_show_seasons(
        "'Quantum Leap' Canceled By NBC After Two Seasons, Won't Return For Season 3"
    ) == [("Quantum Leap", 3)]
    assert find_show_seasons("Reacher Renewed At Prime Video, Returning For Season 4") == [
        ("Reacher", 4)
    ]


def test_series_number_is_not_a_list_of_shows() -> None:
    ss, reason = resolve_show_seasons(
        "All Creatures Great and Small series 5 release date confirmed for Channel 5",
        None, [], "https://www.radiotimes.com/tv/drama/acgas-series-5/", "Radio Times",
    )  # fmt: skip
    assert (ss[0].show, ss[0].season, reason) == ("All Creatures Great and Small", 5, None)
    assert find_show_seasons("Solo Leveling Season 3 TV Anime Officially Announced") == [
        ("Solo Leveling", 3)
    ]


def test_numbered_title_joined_to_a_season_phrase_is_two_shows() -> None:
    assert find_show_seasons(
        "Stranger Things 5 and Wednesday Season 2: Netflix Confirms Dates"
    ) == [
        ("Stranger Things", 5),
        ("Wednesday", 2),
    ]
