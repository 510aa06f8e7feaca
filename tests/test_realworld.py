"""extract_page on pages imitating real season-news publishers (tests/fixtures/realworld/).

Each fixture copies the markup and wording of one kind of publisher: Valnet's Next.js sites
(ScreenRant, Game Rant, Collider), Dexerto, British papers (Express, The Sun, Radio Times,
Digital Spy), the WordPress "release date" SEO blogs (The Cinemaholic, OtakuKart, Netflix Junkie,
What's on Netflix, TVAcute, Trending News Buzz, TV Series Finale), EpicStream, Soompi, Crunchyroll
News, Deadline/TVLine (PMC), a Blogger blog, an AMP reader page, a list page, a movie article,
an episode recap, a category archive and a Next.js hub page.

Decisions written down here:

* An episode recap ("Squid Game Season 2 Episode 3 Recap") is about that season of the show.
* A page about many shows ("Upcoming K-Dramas In December 2024: ...") has no show-season, even
  when one of its headings names one.
* "One Piece Live-Action Season 2", "Frieren TV Anime Season 2": the medium is not part of the name.
* A related link's anchor is the linked headline without the label ("Also Read:") or a trailing
  tabloid tag ("[REACTION]") or a leading kicker ("MEET THE CAST").
* A web-story promo ("Watch This Story: ...") is removed from the body but is not a related article.
* A related-posts container takes the kind of the label it opens with ("More Stories": read_more,
  "You might also like": you_may_like); its class only decides when it has no label.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

from crawler.extract.page import extract_page
from crawler.extract.seasons import show_key
from crawler.extract.types import ExtractedPage

PAGES = Path(__file__).parent / "fixtures" / "realworld"


@dataclass(frozen=True)
class Case:
    """Expected extraction of one saved page."""

    file: str
    url: str
    show: tuple[str, int] | None
    """Main (show, season); None for a page about no single show-season."""
    related: list[tuple[str, str, str]] = field(default_factory=list)
    """(url, anchor, kind) of every related link, in document order."""
    must: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    listing: bool = False
    reason: str | None = None
    """Expected no_season_reason when ``show`` is None (unchecked when None)."""
    link_seasons: dict[str, tuple[str, int] | None] = field(default_factory=dict)
    """Season named by the anchor of some related links (url -> (show, season) or None)."""


SR = "https://screenrant.com"
GR = "https://gamerant.com"
CL = "https://collider.com"
DX = "https://www.dexerto.com/tv-movies"
EX = "https://www.express.co.uk/showbiz/tv-radio"
SUN = "https://www.thesun.co.uk/tv"
RT = "https://www.radiotimes.com/tv/drama"
DS = "https://www.digitalspy.com/tv/ustv"
CH = "https://thecinemaholic.com"
OK = "https://otakukart.com"
NJ = "https://netflixjunkie.com"
WON = "https://www.whats-on-netflix.com/news"
TVA = "https://tvacute.com"
TNB = "https://trendingnewsbuzz.com"
ES = "https://epicstream.com/article"
CR = "https://www.crunchyroll.com/news"
BS = "https://dramaseasonupdates.blogspot.com/2024"
KD = "https://kdramaseasonreport.com"
DL = "https://deadline.com/2024"
TSF = "https://tvseriesfinale.com/tv-show"
PV = "https://www.pinkvilla.com/entertainment/hollywood"
MI = "https://www.mirror.co.uk/tv/tv-news"

CASES = [
    Case(
        "screenrant_the_boys.html",
        f"{SR}/the-boys-season-4-release-date-cast-story-details/",
        ("The Boys", 4),
        [
            (
                f"{SR}/the-boys-season-3-ending-explained/",
                "The Boys Season 3 Ending Explained (In Detail)",
                "related",
            ),
            (
                f"{SR}/the-boys-season-5-final-season-confirmed/",
                "The Boys Season 5 Will Be The Show's Last",
                "related",
            ),
            (
                f"{SR}/gen-v-season-2-release-date/",
                "Gen V Season 2: Confirmation, Cast & Everything We Know",
                "related",
            ),
            (
                f"{SR}/the-boys-homelander-strongest-moments/",
                "10 Strongest Homelander Moments In The Boys",
                "related",
            ),
            (
                f"{SR}/the-boys-season-4-trailer-breakdown/",
                "The Boys Season 4 Trailer Breakdown: 20 Story Reveals",
                "related",
            ),
        ],
        must=(
            "Prime Video has confirmed that The Boys season 4 will premiere on June 13, 2024",
            "Jeffrey Dean Morgan joins the cast as Joe Kessler",
        ),
        must_not=(
            "RELATED",
            "Will Be The Show's Last",
            "Eric Kripke has confirmed the superhero satire will end",
            "Where To Watch",
            "Streaming Service(s)",
            "House Of The Dragon",
        ),
        link_seasons={
            f"{SR}/gen-v-season-2-release-date/": ("Gen V", 2),
            f"{SR}/the-boys-season-5-final-season-confirmed/": ("The Boys", 5),
            f"{SR}/the-boys-homelander-strongest-moments/": None,
        },
    ),
    Case(
        "gamerant_one_piece.html",
        f"{GR}/one-piece-live-action-season-2-cast-story-news/",
        ("One Piece", 2),
        [
            (
                f"{GR}/one-piece-live-action-season-1-ending-explained/",
                "One Piece Live-Action: Season 1 Ending, Explained",
                "related",
            ),
            (
                f"{GR}/one-piece-live-action-netflix-changes-manga/",
                "One Piece: Biggest Changes The Netflix Series Made To The Manga",
                "read_more",
            ),
        ],
        must=("Katey Sagal as Dr. Kureha", "Loguetown and Drum Island arcs"),
        must_not=("RELATED:", "MORE:", "Biggest Changes"),
    ),
    Case(
        "collider_last_of_us.html",
        f"{CL}/the-last-of-us-season-2-release-date-cast/",
        ("The Last of Us", 2),
        [
            (
                f"{CL}/the-last-of-us-season-2-trailer-kaitlyn-dever-abby/",
                "'The Last of Us' Season 2 Trailer Gives Us Our First Look at Abby",
                "related",
            ),
            (
                f"{CL}/the-last-of-us-part-2-biggest-changes-hbo/",
                "Neil Druckmann Teases the Biggest Changes From 'The Last of Us Part II'",
                "related",
            ),
        ],
        must=("Kaitlyn Dever has been cast as Abby", "seven-episode second season"),
        must_not=("Quick Links", "First Look at Abby", "RELATED"),
        link_seasons={
            f"{CL}/the-last-of-us-season-2-trailer-kaitlyn-dever-abby/": ("The Last of Us", 2),
            f"{CL}/the-last-of-us-part-2-biggest-changes-hbo/": None,
        },
    ),
    Case(
        "dexerto_squid_game.html",
        f"{DX}/squid-game-season-2-release-date-cast-plot-1956412/",
        ("Squid Game", 2),
        [
            (
                f"{DX}/squid-game-season-1-ending-explained-1652903/",
                "Squid Game Season 1 ending explained: What happened to Gi-hun?",
                "related",
            ),
        ],
        must=(
            "Lee Jung-jae, Lee Byung-hun, Wi Ha-joon",
            "All seven episodes will drop",
            "best K-dramas on Netflix",
        ),
        must_not=("Subscribe to our newsletter", "Related Topics", "Related:"),
    ),
    Case(
        "express_happy_valley.html",
        f"{EX}/1731987/happy-valley-series-4-bbc-sally-wainwright-catherine-cawood",
        ("Happy Valley", 4),
        [
            (
                f"{EX}/1731801/happy-valley-ending-explained-tommy-lee-royce",
                "Happy Valley ending explained: What happened to Tommy Lee Royce?",
                "read_more",
            ),
            (
                f"{EX}/1731650/happy-valley-cast-ryan-actor-rhys-connah",
                "Happy Valley cast: Who plays Ryan?",
                "related",
            ),
            (
                f"{EX}/1730022/happy-valley-filming-locations-hebden-bridge",
                "Happy Valley filming locations: Where is it filmed?",
                "related",
            ),
            (
                f"{EX}/1731700/happy-valley-alison-hargreaves-viewers-fume",
                "Happy Valley viewers fume over 'ridiculous' scene",
                "must_read",
            ),
            (
                f"{EX}/1731655/happy-valley-sarah-lancashire-age-husband",
                "Sarah Lancashire age: How old is the Happy Valley star?",
                "must_read",
            ),
            (
                f"{EX}/1731500/the-responder-series-2-bbc-martin-freeman",
                "The Responder series 2 release date, cast and plot",
                "must_read",
            ),
        ],
        must=("Sarah Lancashire, who won a Bafta", "Please don't let this be the end"),
        must_not=(
            "READ MORE",
            "DON'T MISS",
            "Related articles",
            "Sign up for our Showbiz newsletter",
            "[REACTION]",
            "viewers fume",
        ),
        link_seasons={
            f"{EX}/1731500/the-responder-series-2-bbc-martin-freeman": ("The Responder", 2)
        },
    ),
    Case(
        "thesun_race_across.html",
        f"{SUN}/25301122/race-across-the-world-series-4-start-date/",
        ("Race Across the World", 4),
        [
            (
                f"{SUN}/25299001/race-across-the-world-cast-2024/",
                "Race Across the World 2024 cast revealed",
                "read_more",
            ),
            (
                f"{SUN}/25290002/race-across-the-world-winners/",
                "Race Across the World winners who went on to become stars",
                "read_more",
            ),
        ],
        must=("Newfoundland to the Yukon", "Narrator John Hannah"),
        must_not=("READ MORE ON", "MEET THE CAST", "Most Read in TV", "Emmerdale", "click here"),
    ),
    Case(
        "radiotimes_slow_horses.html",
        f"{RT}/slow-horses-season-5-release-date/",
        ("Slow Horses", 5),
        [
            (
                f"{RT}/slow-horses-season-4-episode-6-ending-explained/",
                "Slow Horses season 4 ending explained: What happened to River?",
                "read_more",
            ),
            (
                f"{RT}/slow-horses-filming-locations/",
                "Where is Slow Horses filmed? Locations for the Apple TV+ series",
                "read_more",
            ),
            (
                f"{RT}/bad-sisters-season-2-release-date/",
                "Bad Sisters season 2 release date: When is it on Apple TV+?",
                "you_may_like",
            ),
            (
                f"{RT}/the-diplomat-season-2/",
                "The Diplomat season 2: Release date, cast and plot",
                "you_may_like",
            ),
        ],
        must=("London Rules, the fifth book", "Gary Oldman, Kristin Scott Thomas"),
        must_not=("Read more:", "Check out more of our", "Bad Sisters", "You might also like"),
        link_seasons={f"{RT}/the-diplomat-season-2/": ("The Diplomat", 2)},
    ),
    Case(
        "digitalspy_virgin_river.html",
        f"{DS}/a42210012/virgin-river-season-6-release-date-cast-plot/",
        ("Virgin River", 6),
        [
            (
                f"{DS}/a42201111/virgin-river-season-5-part-2-ending-explained/",
                "Virgin River boss explains big season 5 ending",
                "related",
            ),
            (
                f"{DS}/a42190000/virgin-river-prequel-series-netflix/",
                "Virgin River confirms prequel plans",
                "related",
            ),
            (
                f"{DS}/a42180000/sweet-magnolias-season-4/",
                "Sweet Magnolias season 4 release date confirmed",
                "related",
            ),
            (
                f"{DS}/a42212222/ginny-and-georgia-season-3/",
                "Ginny & Georgia season 3: Release date, cast and plot",
                "related",
            ),
        ],
        must=("Alexandra Breckenridge and Martin Henderson", "all ten episodes arriving at once"),
        must_not=("Related Story", "Sweet Magnolias", "Watch Next"),
        link_seasons={f"{DS}/a42180000/sweet-magnolias-season-4/": ("Sweet Magnolias", 4)},
    ),
    Case(
        "cinemaholic_ginny_georgia.html",
        f"{CH}/ginny-and-georgia-season-3/",
        ("Ginny & Georgia", 3),
        [
            (
                f"{CH}/where-is-ginny-and-georgia-filmed/",
                "Where Is Ginny & Georgia Filmed?",
                "read_more",
            ),
            (f"{CH}/shows-like-ginny-and-georgia/", "Shows Like Ginny & Georgia", "read_more"),
            (
                f"{CH}/virgin-river-season-6/",
                "Virgin River Season 6: Renewed or Cancelled?",
                "read_more",
            ),
            (
                f"{CH}/ginny-and-georgia-season-2-ending/",
                "Ginny & Georgia Season 2 Ending, Explained",
                "related",
            ),
        ],
        must=(
            "Brianne Howey (Georgia) and Antonia Gentry (Ginny)",
            "renewed the show for two more",
        ),
        must_not=("Read More", 'In "TV"', "Season 2 Ending, Explained", "Tagged"),
        link_seasons={f"{CH}/virgin-river-season-6/": ("Virgin River", 6)},
    ),
    Case(
        "otakukart_jjk.html",
        f"{OK}/jujutsu-kaisen-season-3-release-date/",
        ("Jujutsu Kaisen", 3),
        [
            (
                f"{OK}/jujutsu-kaisen-chapter-271-release-date/",
                "Jujutsu Kaisen Chapter 271 Release Date, Spoilers & Raw Scans",
                "also_read",
            ),
            (
                f"{OK}/chainsaw-man-season-2-release-date/",
                "Chainsaw Man Season 2 Release Date: Will There Be Another Season?",
                "also_read",
            ),
            (
                f"{OK}/demon-slayer-season-4-hashira-training/",
                "Demon Slayer Season 4: Hashira Training Arc Episode 1 Release Date",
                "also_read",
            ),
            (
                f"{OK}/solo-leveling-season-2/",
                "Solo Leveling Season 2 Release Date Confirmed",
                "related",
            ),
            (
                f"{OK}/oshi-no-ko-2nd-season/",
                "Oshi no Ko 2nd Season: Release Date & Key Visual",
                "related",
            ),
        ],
        must=("Shota Goshozono", "Crunchyroll and Netflix in select regions"),
        must_not=("Also Read", "ALSO READ", "RELATED ARTICLES", "Solo Leveling"),
        link_seasons={
            f"{OK}/oshi-no-ko-2nd-season/": ("Oshi no Ko", 2),
            f"{OK}/demon-slayer-season-4-hashira-training/": ("Demon Slayer", 4),
            f"{OK}/jujutsu-kaisen-chapter-271-release-date/": None,
        },
    ),
    Case(
        "netflixjunkie_wednesday.html",
        f"{NJ}/wednesday-season-2-jenna-ortega-reveals-major-change/",
        ("Wednesday", 2),
        [
            (
                f"{NJ}/stranger-things-season-5-filming-update/",
                "'Stranger Things' Season 5 Filming Wraps After 18 Months, Confirms Netflix",
                "also_read",
            ),
            (
                f"{NJ}/wednesday-season-1-ending-explained/",
                "Wednesday Ending Explained: Who Is the Hyde?",
                "also_read",
            ),
            (f"{NJ}/bridgerton-season-4-cast/", "Bridgerton Season 4 Cast", "related"),
        ],
        must=("getting rid of any romantic love interest", "Production on the second season began"),
        must_not=("ALSO READ", "Watch This Story", "Iconic Looks", "18 Months"),
        link_seasons={f"{NJ}/stranger-things-season-5-filming-update/": ("Stranger Things", 5)},
    ),
    Case(
        "whatsonnetflix_bridgerton.html",
        "https://www.whats-on-netflix.com/coming-soon/"
        "bridgerton-season-4-netflix-release-date-what-we-know-so-far/",
        ("Bridgerton", 4),
        [
            (
                f"{WON}/bridgerton-season-3-part-2-viewership/",
                "Bridgerton Season 3 Part 2 Becomes the Biggest Season Yet",
                "related",
            ),
            (
                f"{WON}/bridgerton-spinoff-queen-charlotte-season-2/",
                "Will There Be a Queen Charlotte Season 2?",
                "read_more",
            ),
            (
                f"{WON}/bridgerton-season-5-and-6-renewal/",
                "Bridgerton Season 5 and 6: Netflix Renewal Status",
                "read_more",
            ),
        ],
        must=("Luke Thompson leads the fourth season", "renewed Bridgerton for seasons 3 and 4"),
        must_not=("More Bridgerton Coverage", "Queen Charlotte", "Top 10 Report", "Related:"),
        link_seasons={
            f"{WON}/bridgerton-spinoff-queen-charlotte-season-2/": ("Queen Charlotte", 2),
            f"{WON}/bridgerton-season-3-part-2-viewership/": ("Bridgerton", 3),
        },
    ),
    Case(
        "tvacute_outer_banks.html",
        f"{TVA}/outer-banks-season-4-part-2-release-date/",
        ("Outer Banks", 4),
        [
            (
                f"{TVA}/outer-banks-season-5/",
                "Outer Banks Season 5: Renewed Or Cancelled?",
                "also_read",
            ),
            (
                f"{TVA}/cobra-kai-season-6-part-2/",
                "Cobra Kai Season 6 Part 2 Release Date & Time",
                "must_read",
            ),
            (
                f"{TVA}/the-night-agent-season-2/",
                "The Night Agent Season 2 Release Date",
                "you_may_like",
            ),
            (
                f"{TVA}/ginny-and-georgia-season-3/",
                "Ginny And Georgia Season 3 Release Date",
                "related",
            ),
            (
                f"{TVA}/the-umbrella-academy-season-5/",
                "The Umbrella Academy Season 5: Is It Happening?",
                "related",
            ),
        ],
        must=("All five episodes will be available to stream at 3 AM ET", "Chase Stokes (John B)"),
        must_not=("Must Read", "You May Also Like", "Related Posts", "Cobra Kai", "Umbrella"),
        link_seasons={
            f"{TVA}/cobra-kai-season-6-part-2/": ("Cobra Kai", 6),
            f"{TVA}/ginny-and-georgia-season-3/": ("Ginny & Georgia", 3),
        },
    ),
    Case(
        "trendingnewsbuzz_the_100.html",
        f"{TNB}/the-100-season-8/",
        ("The 100", 8),
        [
            (
                f"{TNB}/9-1-1-season-8-release-date/",
                "9-1-1 Season 8 Release Date, Cast And Plot",
                "also_read",
            ),
            (
                f"{TNB}/1923-season-2-release-date/",
                "1923 Season 2 Release Date: When Will It Premiere On Paramount+?",
                "also_read",
            ),
            (
                f"{TNB}/the-walking-dead-daryl-dixon-season-3/",
                "The Walking Dead: Daryl Dixon Season 3 Release Date",
                "also_read",
            ),
            (
                f"{TNB}/stranger-things-season-five-release-date/",
                "Stranger Things Season Five: Everything We Know So Far",
                "also_read",
            ),
            (f"{TNB}/manifest-season-5/", "Manifest Season 5: Is It Happening?", "related"),
        ],
        must=("Jason Rothenberg confirmed", "A prequel series was in development"),
        must_not=("Also Read", "Related Articles", "Manifest", "Facebook"),
        link_seasons={
            f"{TNB}/9-1-1-season-8-release-date/": ("9-1-1", 8),
            f"{TNB}/1923-season-2-release-date/": ("1923", 2),
            f"{TNB}/the-walking-dead-daryl-dixon-season-3/": ("The Walking Dead: Daryl Dixon", 3),
            f"{TNB}/stranger-things-season-five-release-date/": ("Stranger Things", 5),
        },
    ),
    Case(
        "epicstream_chainsaw_man.html",
        f"{ES}/chainsaw-man-season-2-release-date-latest-news-trailer",
        ("Chainsaw Man", 2),
        [
            (
                f"{ES}/chainsaw-man-reze-arc-movie-release-date",
                "Chainsaw Man Reze Arc Movie Release Date Confirmed",
                "read_more",
            ),
            (
                f"{ES}/jujutsu-kaisen-season-3-release-date",
                "Jujutsu Kaisen Season 3 Release Date Latest News",
                "read_more",
            ),
            (
                f"{ES}/solo-leveling-season-2-episode-1",
                "Solo Leveling Season 2 Episode 1 Release Date & Time",
                "read_more",
            ),
            (
                f"{ES}/dandadan-season-2",
                "Dandadan Season 2: Release Date, Trailer & More",
                "read_more",
            ),
        ],
        must=(
            "The Movie: Reze Arc, which continues the story",
            "Crunchyroll, Hulu and Prime Video",
        ),
        must_not=("READ:", "Dandadan", "Movie Release Date Confirmed", "More Stories"),
        link_seasons={f"{ES}/solo-leveling-season-2-episode-1": ("Solo Leveling", 2)},
    ),
    Case(
        "soompi_sweet_home.html",
        "https://www.soompi.com/article/1650123wpp/"
        "sweet-home-3-confirms-premiere-date-with-intense-new-poster",
        ("Sweet Home", 3),
        [],
        must=("the third and final season of “Sweet Home” will premiere on July 19",),
        must_not=("Trending Now", "Queen Of Tears"),
    ),
    Case(
        "crunchyroll_frieren.html",
        f"{CR}/announcements/2024/9/28/frieren-beyond-journeys-end-tv-anime-season-2-announced",
        ("Frieren: Beyond Journey's End", 2),
        [
            (
                f"{CR}/latest/2024/9/20/dr-stone-science-future-cour-2-premiere",
                "Dr. STONE SCIENCE FUTURE Cour 2 Premieres in July 2025",
                "related",
            ),
            (
                f"{CR}/announcements/2024/9/18/oshi-no-ko-tv-anime-3rd-season",
                "[Oshi no Ko] TV Anime 3rd Season Announced",
                "related",
            ),
        ],
        must=("Tomoya Kitagawa will direct the second season at Madhouse",),
        must_not=("Related News", "Cour 2 Premieres"),
        link_seasons={
            f"{CR}/announcements/2024/9/18/oshi-no-ko-tv-anime-3rd-season": ("Oshi no Ko", 3),
            f"{CR}/latest/2024/9/20/dr-stone-science-future-cour-2-premiere": None,
        },
    ),
    Case(
        "blogspot_alice_in_borderland.html",
        f"{BS}/09/alice-in-borderland-season-3-release.html",
        ("Alice in Borderland", 3),
        [
            (
                f"{BS}/08/squid-game-season-2-release-date.html",
                "Squid Game Season 2 Release Date And Cast Revealed",
                "also_read",
            ),
            (
                f"{BS}/07/all-of-us-are-dead-season-2.html",
                "All Of Us Are Dead Season 2 Release Date Out!",
                "you_may_like",
            ),
            (
                f"{BS}/06/kingdom-season-3.html",
                "Kingdom Season 3: Is It Happening?",
                "you_may_like",
            ),
        ],
        must=("Kento Yamazaki and Tao Tsuchiya", "Joker card that appeared in the final scene"),
        must_not=(
            "Read Also",
            "Posted by",
            "Labels:",
            "Email This",
            "Newer Post",
            "Post Comments (Atom)",
            "No comments",
            "You might also like",
        ),
        link_seasons={f"{BS}/07/all-of-us-are-dead-season-2.html": ("All Of Us Are Dead", 2)},
    ),
    Case(
        "amp_kingdom.html",
        f"{KD}/kingdom-season-3-netflix-release-date/amp/",
        ("Kingdom", 3),
        [
            (
                f"{KD}/all-of-us-are-dead-season-2/amp/",
                "All Of Us Are Dead Season 2 Release Date Out!",
                "also_read",
            ),
            (
                f"{KD}/hellbound-season-2-review/amp/",
                "Hellbound Season 2 Review: Is It Worth Watching?",
                "also_read",
            ),
            (
                f"{KD}/sweet-home-season-3/amp/",
                "Sweet Home Season 3 Review: A Messy Finale",
                "related",
            ),
        ],
        must=("Writer Kim Eun Hee", "Ju Ji Hoon has also said"),
        must_not=("Also Read", "Leave a Comment", "Back to top", "Categories:", "Messy Finale"),
    ),
    Case(
        "deadline_1923.html",
        f"{DL}/11/1923-season-2-premiere-date-paramount-plus-1236185432/",
        ("1923", 2),
        [
            (
                f"{DL}/11/yellowstone-season-5-part-2-ratings-1236180000/",
                "‘Yellowstone’ Season 5 Part 2 Premiere Draws Record Ratings",
                "related",
            ),
            (
                f"{DL}/10/landman-premiere-date-paramount-plus-1236150000/",
                "‘Landman’: Billy Bob Thornton Taylor Sheridan Series Sets Premiere",
                "related",
            ),
            (
                f"{DL}/09/9-1-1-season-8-premiere-abc-1236120000/",
                "‘9-1-1’ Season 8 Premiere Ratings: ABC Drama Opens Strong",
                "related",
            ),
        ],
        must=("Brandon Sklenar, Julia Schlaepfer", "biggest premiere ever for Paramount+"),
        must_not=("Related Stories", "Landman", "Share on Facebook", "RELATED"),
        link_seasons={
            f"{DL}/11/yellowstone-season-5-part-2-ratings-1236180000/": ("Yellowstone", 5),
            f"{DL}/09/9-1-1-season-8-premiere-abc-1236120000/": ("9-1-1", 8),
        },
    ),
    Case(
        "tvseriesfinale_logo_h1.html",
        f"{TSF}/the-rookie-season-seven-abc-premiere-date/",
        ("The Rookie", 7),
        [
            (f"{TSF}/the-rookie-season-six-ratings/", "The Rookie: Season Six Ratings", "related"),
            (
                f"{TSF}/will-trent-season-three-abc-premiere/",
                "Will Trent: Season Three; ABC Sets Premiere Date",
                "related",
            ),
            (
                f"{TSF}/the-rookie-feds-cancelled/",
                "The Rookie: Feds Cancelled by ABC, No Season Two",
                "related",
            ),
            (
                f"{TSF}/9-1-1-lone-star-season-five-final/",
                "9-1-1: Lone Star: Season Five to Be the Last",
                "related",
            ),
        ],
        must=("oldest rookie at the LAPD", "two-hour premiere"),
        must_not=("Related posts", "More about The Rookie", "Love this show", "Lone Star"),
        link_seasons={
            f"{TSF}/the-rookie-season-six-ratings/": ("The Rookie", 6),
            f"{TSF}/will-trent-season-three-abc-premiere/": ("Will Trent", 3),
            f"{TSF}/9-1-1-lone-star-season-five-final/": ("9-1-1: Lone Star", 5),
        },
    ),
    Case(
        "pinkvilla_tangerines.html",
        f"{PV}/when-life-gives-you-tangerines-season-2-will-iu-park-bo-gum-netflix-k-drama-return"
        "-1398765",
        ("When Life Gives You Tangerines", 2),
        [
            (
                f"{PV}/squid-game-season-3-release-date-1398001",
                "Squid Game Season 3 release date, time, where to watch and more",
                "also_read",
            ),
            (
                f"{PV}/weak-hero-class-2-review-1398222",
                "Weak Hero Class 2 Review: Park Ji Hoon returns with a bang",
                "also_read",
            ),
            (f"{PV}/best-iu-k-dramas-1398333", "Best IU K-dramas to watch", "must_read"),
        ],
        must=("planned as a limited series", "Jeju Island follows Ae Sun and Gwan Sik"),
        must_not=("ALSO READ", "Must Read", "Follow Us", "Trending Stories", "BTS"),
        link_seasons={f"{PV}/squid-game-season-3-release-date-1398001": ("Squid Game", 3)},
    ),
    Case(
        "mirror_line_of_duty.html",
        f"{MI}/line-duty-series-7-confirmed-33123456",
        ("Line of Duty", 7),
        [
            (f"{MI}/vigil-series-3-bbc-33100000", "Vigil series 3 confirmed by BBC", "read_more"),
            (
                f"{MI}/bodyguard-series-2-update-33100001",
                "Bodyguard series 2 update from Richard Madden",
                "read_more",
            ),
            (
                f"{MI}/line-duty-cast-now-33100002",
                "Line of Duty cast now - from Hollywood roles to huge BBC dramas",
                "read_more",
            ),
        ],
        must=("Ian Buckells was the fourth man", "Lindsay Salt told reporters"),
        must_not=("Read More", "READ MORE", "MORE ON", "Most Read", "Coronation Street"),
        link_seasons={f"{MI}/vigil-series-3-bbc-33100000": ("Vigil", 3)},
    ),
    Case(
        "list_upcoming_kdramas.html",
        "https://kdramaseasons.example.com/upcoming-k-dramas-december-2024/",
        None,
        [
            (
                "https://kdramaseasons.example.com/squid-game-season-2-cast/",
                "Squid Game Season 2 Cast: Every New Player",
                "also_read",
            ),
        ],
        must=("Yoo Yeon Seok and Chae Soo Bin",),
        must_not=("Every New Player",),
        reason="list of many shows",
    ),
    Case(
        "movie_news_deadpool.html",
        "https://bingereport.example.com/deadpool-wolverine-box-office-1-billion/",
        None,
        [
            (
                "https://bingereport.example.com/agatha-all-along-season-2/",
                "Agatha All Along Season 2: Will Marvel Renew The Series?",
                "also_read",
            ),
            (
                "https://bingereport.example.com/daredevil-born-again-season-2/",
                "Daredevil: Born Again Season 2 Filming Update",
                "also_read",
            ),
        ],
        must=("Inside Out 2 became the highest-grossing animated film ever",),
        must_not=("Also Read", "Agatha"),
        reason="no show-season in headline",
        link_seasons={
            "https://bingereport.example.com/agatha-all-along-season-2/": ("Agatha All Along", 2),
            "https://bingereport.example.com/daredevil-born-again-season-2/": (
                "Daredevil: Born Again",
                2,
            ),
        },
    ),
    Case(
        "tvline_squid_game_recap.html",
        "https://tvline.com/recaps/squid-game-season-2-episode-3-recap-mingle-1235345678/",
        ("Squid Game", 2),
        [
            (
                "https://tvline.com/news/squid-game-season-3-release-date-netflix-1235340000/",
                "Squid Game Season 3 Release Date Set for June",
                "related",
            ),
        ],
        must=("a deadly new game called Mingle", "splits the room almost exactly in half"),
        must_not=("RELATED", "Set for June"),
    ),
    Case(
        "category_listing_otakukart.html",
        "https://otakukart.com/category/anime/",
        None,
        listing=True,
    ),
    Case("hub_page_nextjs.html", "https://screenbuzz.example.com/tv/", None, listing=True),
]
IDS = [case.file.removesuffix(".html") for case in CASES]


@cache
def _extract(file: str, url: str) -> ExtractedPage:
    return extract_page((PAGES / file).read_text("utf-8"), url)


def _page(case: Case) -> ExtractedPage:
    return _extract(case.file, case.url)


def test_there_are_enough_real_world_pages() -> None:
    assert len(CASES) >= 20
    assert {case.file for case in CASES} == {path.name for path in PAGES.glob("*.html")}


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_listing(case: Case) -> None:
    assert bool(_page(case).listing) is case.listing, _page(case).listing


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_show_season(case: Case) -> None:
    page = _page(case)
    found = [(ss.show, ss.season) for ss in page.show_seasons]
    if case.show is None:
        assert found == []
        if case.reason:
            assert page.no_season_reason == case.reason
        return
    assert found, page.no_season_reason
    show, season = case.show
    assert (show_key(found[0][0]), found[0][1]) == (show_key(show), season), found


@pytest.mark.parametrize("case", [c for c in CASES if not c.listing], ids=lambda c: c.file[:-5])
def test_related_links(case: Case) -> None:
    got = [(link.url, link.anchor, link.kind) for link in _page(case).related]
    assert got == case.related


@pytest.mark.parametrize("case", [c for c in CASES if c.link_seasons], ids=lambda c: c.file[:-5])
def test_related_link_seasons(case: Case) -> None:
    by_url = {link.url: link.season for link in _page(case).related}
    for url, expected in case.link_seasons.items():
        season = by_url.get(url)
        got = (show_key(season.show), season.season) if season else None
        want = (show_key(expected[0]), expected[1]) if expected else None
        assert got == want, url


@pytest.mark.parametrize("case", [c for c in CASES if c.must], ids=lambda c: c.file[:-5])
def test_body_keeps_the_article(case: Case) -> None:
    body = _page(case).body
    missing = [snippet for snippet in case.must if snippet not in body]
    assert not missing, body


@pytest.mark.parametrize("case", [c for c in CASES if c.must_not], ids=lambda c: c.file[:-5])
def test_body_drops_the_rest(case: Case) -> None:
    body = _page(case).body
    present = [snippet for snippet in case.must_not if snippet in body]
    assert not present, body
