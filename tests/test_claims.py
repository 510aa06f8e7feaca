"""Claims extraction (crawler/extract/claims.py) on sentences written the way season-news sites
write them: SEO blogs, trade press, British tabloids, K-drama and anime news."""

from __future__ import annotations

import pytest

from crawler.extract.claims import extract_claims, original_titles, summarize
from crawler.extract.types import Claim, ClaimSummary


def claims(
    body: str,
    *,
    show: str = "Squid Game",
    season: int = 2,
    published: str | None = "2024-06-01",
    title: str | None = None,
) -> list[Claim]:
    return extract_claims(body, show=show, season=season, published=published, title=title)


def summary(body: str, **kwargs: object) -> ClaimSummary:
    published = kwargs.get("published", "2024-06-01")
    return summarize(claims(body, **kwargs), published=published)  # type: ignore[arg-type]


def values(found: list[Claim], kind: str) -> list[str]:
    return [c.value for c in found if c.kind == kind]


def dates(body: str, **kwargs: object) -> list[tuple[str, str | None, bool]]:
    found = claims(body, **kwargs)  # type: ignore[arg-type]
    return [(c.value, c.precision, c.hedged) for c in found if c.kind == "release_date"]


# ---------------------------------------------------------------------------------------------
# status: renewed
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "show", "season"),
    [
        ("Netflix has officially renewed Squid Game for a second season.", "Squid Game", 2),
        ("HBO has greenlit a second season of The Last of Us.", "The Last of Us", 2),
        ("Apple TV+ has ordered a fifth season of Slow Horses.", "Slow Horses", 5),
        (
            "Wednesday season 2 is officially happening, Netflix confirmed on Tuesday.",
            "Wednesday",
            2,
        ),
        ("It's official: Sweet Home has been confirmed to return with season 3.", "Sweet Home", 3),
        (
            "The official website announced that a second season of the anime is in production.",
            "Frieren: Beyond Journey's End",
            2,
        ),
        ("Line of Duty is set to return for a seventh series, the BBC said.", "Line of Duty", 7),
        ("A sequel has been officially announced for Jujutsu Kaisen.", "Jujutsu Kaisen", 3),
    ],
)
def test_renewed_cues(body: str, show: str, season: int) -> None:
    result = summary(body, show=show, season=season)
    assert (result.status, result.status_hedged) == ("renewed", False)


def test_official_year_window_is_still_renewed() -> None:
    result = summary(
        "Netflix says the new season will be released in 2025.",
        show="Alice in Borderland",
        season=3,
    )
    assert (result.status, result.release_date, result.release_precision) == (
        "renewed",
        "2025",
        "year",
    )
    assert result.release_hedged is False


def test_renewal_date_is_not_a_release_date() -> None:
    found = claims("The show was renewed on June 5, 2022, two weeks after its debut.")
    assert values(found, "status") == ["renewed"]
    assert values(found, "release_date") == []


def test_coming_things_that_are_not_the_show() -> None:
    # Sentences with no season in sight whose subject is something else: no status, no date.
    body = (
        "Sentencing is scheduled for Feb. 14.\n"
        "Spain will be back in action on Wednesday against Croatia.\n"
        "Dragonfly is scheduled to reach Titan in 2034.\n"
        "Regular pricing will start at 71,350 euro with deliveries from spring 2025.\n"
        "Your email list will begin to grow.\n"
        "It begins with Buckley's voice cresting through an ocean of silence.\n"
        "The band closed out their November 18th concert in Nashville."
    )
    found = claims(body)
    assert values(found, "status") == []
    assert values(found, "release_date") == []
    unknowns = (
        "The causes of the rift are unclear.\n"
        "US pricing has not been confirmed at this stage.\n"
        "The status of quarterback Tanner Morgan is uncertain for Sunday's game."
    )
    assert values(claims(unknowns), "status") == []
    for body in (
        "The future of the series remains uncertain.",
        "Its renewal has not been confirmed.",
    ):
        assert values(claims(body), "status") == ["unconfirmed"], body
    # The show's episodes, a pronoun or a release noun still count.
    for body in (
        "All seven episodes will drop on December 26.",
        "It will premiere on December 26.",
        "Netflix has set a December 26 premiere.",
    ):
        assert values(claims(body), "release_date") == ["2024-12-26"], body


# ---------------------------------------------------------------------------------------------
# status: cancelled
# ---------------------------------------------------------------------------------------------


def test_cancelled_after_one_season() -> None:
    result = summary("Netflix has cancelled 1899 after just one season.", show="1899", season=2)
    assert (result.status, result.status_hedged) == ("cancelled", False)


def test_axed_no_more_seasons() -> None:
    body = "The streamer has axed the show, meaning there will be no season 3."
    assert summary(body, show="Warrior Nun", season=3).status == "cancelled"


def test_previous_season_was_the_final_one() -> None:
    body = (
        "The 100 Season 8: Renewed or Cancelled?\n"
        "The network announced in March 2020 that season 7 would be the final season."
    )
    result = summary(body, show="The 100", season=8, published="2023-08-02")
    assert result.status == "cancelled"
    assert result.release_date is None


def test_later_season_being_final_is_not_a_cancellation() -> None:
    body = "Netflix has also confirmed that Season 3 will be the final season, arriving in 2025."
    found = claims(body, published="2024-11-28")
    assert "cancelled" not in values(found, "status")
    assert values(found, "release_date") == []


def test_decided_not_to_renew_and_pulled_the_plug() -> None:
    assert (
        summary("Amazon decided not to renew the series.", show="The Peripheral").status
        == "cancelled"
    )
    body = "Sadly, HBO pulled the plug on the comedy in 2023."
    assert summary(body, show="Avenue 5", season=3).status == "cancelled"


def test_person_not_returning_is_not_a_cancellation() -> None:
    found = claims("Keiichiro Saito will not return as director.", show="Frieren", season=2)
    assert values(found, "status") == []


def test_rumoured_cancellation_is_unconfirmed() -> None:
    body = "The show has reportedly been cancelled, according to insiders."
    result = summary(body, show="Shadow and Bone")
    assert (result.status, result.status_hedged) == ("unconfirmed", True)
    assert [(c.value, c.hedged) for c in claims(body, show="Shadow and Bone")] == [
        ("cancelled", True)
    ]


# ---------------------------------------------------------------------------------------------
# status: negations, questions, unconfirmed
# ---------------------------------------------------------------------------------------------


def test_not_renewed_yet_is_unconfirmed_fact() -> None:
    result = summary(
        "Netflix has not renewed Kingdom for a third season yet.", show="Kingdom", season=3
    )
    assert (result.status, result.status_hedged) == ("unconfirmed", False)


def test_not_renewed_or_cancelled() -> None:
    found = claims(
        "Alice in Borderland hasn't been renewed or cancelled yet.",
        show="Alice in Borderland",
        season=3,
    )
    assert values(found, "status") == ["unconfirmed"]


@pytest.mark.parametrize(
    "body",
    [
        "Netflix is positively reviewing the offer for a second season.",
        "The production company is in talks with the cast about another season.",
        "There has been no official word from Netflix on a second season.",
        "JTBC is yet to announce whether the drama will return.",
        "The fate of the show remains uncertain.",
        "As of now, a second season has not been confirmed.",
    ],
)
def test_unconfirmed_cues(body: str) -> None:
    found = claims(body, show="Strong Girl Nam-soon")
    assert values(found, "status") == ["unconfirmed"]


def test_questions_are_not_claims() -> None:
    body = (
        "Will there be a Squid Game season 2?\n"
        "Has Squid Game season 2 been renewed?\n"
        "Is Squid Game Season 2 Cancelled?"
    )
    assert claims(body) == []


def test_question_word_inside_clause_is_not_asserted() -> None:
    body = "Fans have been eager to know when Denji will return, and whether season 2 is renewed."
    assert values(claims(body, show="Chainsaw Man"), "status") == []


# ---------------------------------------------------------------------------------------------
# status: released / release_date_announced and their dates
# ---------------------------------------------------------------------------------------------


def test_premiered_on_past_date_is_released() -> None:
    body = "Squid Game season 2 premiered on Netflix on December 26, 2024."
    result = summary(body, published="2025-01-05")
    assert (result.status, result.release_date, result.release_precision) == (
        "released",
        "2024-12-26",
        "day",
    )


def test_now_streaming_is_released() -> None:
    body = "The Boys season 4 is now streaming on Prime Video."
    assert summary(body, show="The Boys", season=4, published="2024-07-20").status == "released"


def test_will_premiere_on_future_date_is_announced() -> None:
    body = "Virgin River season 6 will premiere on Netflix on Thursday, December 19, 2024."
    result = summary(body, show="Virgin River", season=6, published="2024-11-22")
    assert (result.status, result.release_date, result.release_hedged) == (
        "release_date_announced",
        "2024-12-19",
        False,
    )


def test_announced_date_already_past_at_publication_is_released() -> None:
    body = "Squid Game Season 2 will be released on December 26, 2024."
    assert summary(body, published="2025-01-10").status == "released"


def test_month_precision_official_date_is_announced() -> None:
    body = "HBO confirmed that the seven-episode second season will arrive in April 2025."
    result = summary(body, show="The Last of Us", published="2024-08-19")
    assert (result.status, result.release_date, result.release_precision) == (
        "release_date_announced",
        "2025-04",
        "month",
    )


def test_release_date_confirmed_without_a_date_is_renewed() -> None:
    found = claims(
        '"Sweet Home" season 3 has confirmed its premiere date!', show="Sweet Home", season=3
    )
    assert "release_date_announced" in values(found, "status")
    assert summarize(found, published="2024-06-01").status == "renewed"


def test_announcement_date_before_premiere_date_is_skipped() -> None:
    body = (
        'On June 11, Netflix announced that the third and final season of "Sweet Home" will '
        "premiere on July 19."
    )
    assert dates(body, show="Sweet Home", season=3, published="2024-06-11") == [
        ("2024-07-19", "day", False)
    ]


def test_hedged_date_leaves_status_unconfirmed() -> None:
    body = "Squid Game season 2 is expected to arrive in late 2025."
    result = summary(body)
    assert (result.status, result.status_hedged) == ("unconfirmed", True)
    assert (result.release_date, result.release_precision, result.release_hedged) == (
        "2025-09/2025-12",
        "range",
        True,
    )


def test_official_date_beats_speculative_date() -> None:
    body = (
        "Our best guess is that Bridgerton season 4 will arrive in early 2026.\n"
        "Netflix has confirmed that Bridgerton season 4 will premiere on January 29, 2026."
    )
    result = summary(body, show="Bridgerton", season=4, published="2024-06-14")
    assert (result.release_date, result.release_hedged) == ("2026-01-29", False)


def test_first_of_two_years_counts() -> None:
    body = "We expect the new season to arrive in late 2025 or early 2026."
    assert dates(body, show="Jujutsu Kaisen", season=3) == [("2025-09/2025-12", "range", True)]
    assert dates("Season 2 could land in 2023 or 2024.") == [("2023", "year", True)]


def test_soon_and_tba_give_no_date() -> None:
    assert dates("Squid Game season 2 will arrive soon.") == []
    assert dates("Squid Game Season 2 Release Date: TBA") == []
    assert values(claims("Squid Game Season 2 Release Date: TBA"), "status") == ["unconfirmed"]


# ---------------------------------------------------------------------------------------------
# hedging
# ---------------------------------------------------------------------------------------------


def test_conditional_is_hedged() -> None:
    body = (
        "If the show follows the previous pattern, Ginny & Georgia season 3 will release in 2025."
    )
    assert dates(body, show="Ginny & Georgia", season=3) == [("2025", "year", True)]


def test_according_to_a_source_is_hedged() -> None:
    body = "Season 2 will premiere in March 2025, according to a source close to the production."
    assert dates(body) == [("2025-03", "month", True)]


def test_grain_of_salt_in_next_sentence_hedges() -> None:
    body = (
        "A leaker claims Squid Game season 2 arrives on Netflix in November 2024. "
        "Take this with a grain of salt."
    )
    assert [(c.value, c.hedged) for c in claims(body) if c.kind == "release_date"] == [
        ("2024-11", True)
    ]


def test_hedge_in_another_clause_does_not_hedge() -> None:
    body = (
        "Line of Duty is set to return for a seventh series, with Martin Compston and Vicky McClure"
        " expected to reprise their roles."
    )
    found = claims(body, show="Line of Duty", season=7)
    assert [(c.value, c.hedged) for c in found if c.kind == "status"] == [("renewed", False)]


def test_speculation_section_hedges_its_dates() -> None:
    body = (
        "Slow Horses season 5 release date speculation\n"
        "Previous seasons have arrived roughly a year apart, which points towards an autumn 2025 "
        "release."
    )
    assert dates(body, show="Slow Horses", season=5, published="2024-10-02") == [
        ("2025-09/2025-11", "range", True)
    ]


# ---------------------------------------------------------------------------------------------
# the vague-phrase range table and yearless dates
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("in early 2025", ("2025-01/2025-04", "range")),
        ("at the beginning of 2025", ("2025-01/2025-04", "range")),
        ("in mid-2025", ("2025-05/2025-08", "range")),
        ("in the middle of 2025", ("2025-05/2025-08", "range")),
        ("in late 2025", ("2025-09/2025-12", "range")),
        ("by the end of 2025", ("2025-10/2025-12", "range")),
        ("towards the end of the year", ("2024-10/2024-12", "range")),
        ("in the first half of 2026", ("2026-01/2026-06", "range")),
        ("in the second half of 2026", ("2026-07/2026-12", "range")),
        ("in Q1 2025", ("2025-01/2025-03", "range")),
        ("in Q4 2025", ("2025-10/2025-12", "range")),
        ("in spring 2025", ("2025-03/2025-05", "range")),
        ("in the summer of 2025", ("2025-06/2025-08", "range")),
        ("in fall 2025", ("2025-09/2025-11", "range")),
        ("in autumn 2025", ("2025-09/2025-11", "range")),
        ("in winter 2026", ("2026-01/2026-03", "range")),
        ("in the upcoming Winter 2026 anime season", ("2026-01/2026-03", "range")),
        ("in the holiday season of 2024", ("2024-11/2024-12", "range")),
        ("later this year", ("2024-07/2024-12", "range")),
        ("this fall", ("2024-09/2024-11", "range")),
        ("early next year", ("2025-01/2025-04", "range")),
        ("this year", ("2024", "year")),
        ("next year", ("2025", "year")),
        ("in March 2025", ("2025-03", "month")),
        ("on 14th March 2025", ("2025-03-14", "day")),
        ("on 2025-03-14", ("2025-03-14", "day")),
        ("on Friday, March 14, 2025", ("2025-03-14", "day")),
    ],
)
def test_release_phrase_values(phrase: str, expected: tuple[str, str]) -> None:
    body = f"Netflix confirmed that Squid Game season 2 will premiere {phrase}."
    assert [(v, p) for v, p, _ in dates(body, published="2024-06-01")] == [expected]


def test_later_this_year_in_december() -> None:
    body = "Squid Game season 2 will premiere later this year."
    assert dates(body, published="2024-12-03") == [("2024-12/2024-12", "range", False)]


def test_this_winter_in_november_is_the_coming_one() -> None:
    body = "Squid Game season 2 will premiere this winter."
    assert dates(body, published="2024-11-10") == [("2025-01/2025-03", "range", False)]


def test_yearless_month_resolves_forward() -> None:
    body = "Squid Game season 2 will premiere in March."
    assert dates(body, published="2024-06-01") == [("2025-03", "month", False)]
    assert dates(body, published="2024-02-01") == [("2024-03", "month", False)]


def test_yearless_day_resolves_forward_and_on_publication_day() -> None:
    body = "Squid Game season 2 will premiere on Jan. 28 on Netflix."
    assert dates(body, published="2024-11-20") == [("2025-01-28", "day", False)]
    same_day = "Race Across the World series 4 starts on Wednesday, March 20, at 9pm on BBC One."
    assert dates(same_day, show="Race Across the World", season=4, published="2024-03-20") == [
        ("2024-03-20", "day", False)
    ]


def test_yearless_day_after_past_verb_resolves_backward() -> None:
    body = "Season 2 premiered on March 28 with all eight episodes."
    result = summary(body, show="Tangerines", published="2025-03-29")
    assert (result.status, result.release_date) == ("released", "2025-03-28")


def test_no_publication_date_drops_relative_dates() -> None:
    assert dates("Squid Game season 2 will premiere later this year.", published=None) == []
    assert dates("Squid Game season 2 will premiere on Jan. 28.", published=None) == []
    assert dates("Squid Game season 2 will premiere in early 2025.", published=None) == [
        ("2025-01/2025-04", "range", False)
    ]


# ---------------------------------------------------------------------------------------------
# attribution: other seasons, other shows, non-release dates
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Season 1 premiered on January 28, 2022.",
        "The first season debuted on Netflix in September 2021.",
        "The previous season arrived in June 2023.",
        "Season 3 of the show came out in 2021.",
        "Squid Game seasons 1-3 are available to stream on Netflix.",
    ],
)
def test_other_season_dates_and_releases_are_ignored(body: str) -> None:
    found = claims(body, season=4, published="2024-06-01")
    assert values(found, "release_date") == []
    assert "released" not in values(found, "status")


def test_show_debut_without_season_is_not_the_new_season() -> None:
    body = "Squid Game was a worldwide phenomenon when it dropped on Netflix in 2021."
    found = claims(body, published="2024-11-28")
    assert values(found, "release_date") == []
    assert values(found, "status") == []


def test_sentence_mixing_seasons_takes_the_right_date() -> None:
    body = (
        "Since the second season premiered in July 2023, two and a half years after the first, "
        "we expect the new season to arrive in late 2025."
    )
    assert dates(body, show="Jujutsu Kaisen", season=3) == [("2025-09/2025-12", "range", True)]


@pytest.mark.parametrize(
    "body",
    [
        "Filming began in May 2023 in Seoul.",
        "The cast wrapped production on the new season in August 2024.",
        "The script reading took place on March 3, 2024.",
        "Lee Jung-jae, who was born on December 15, 1972, leads the cast.",
        "Volume 14 of the manga will be released on April 4, 2025.",
        "The Reze Arc movie will premiere in Japan in 2025.",
        "Season 2 will have 16 episodes.",
        "The eight-episode season will stream weekly through April 6.",
    ],
)
def test_non_release_dates_are_ignored(body: str) -> None:
    assert dates(body) == []


def test_byline_and_updated_lines_are_ignored() -> None:
    body = (
        "By John Smith | Published March 3, 2024\n"
        "Updated on March 5, 2024\n"
        "Also Read: Stranger Things Season 5 Release Date On Netflix\n"
        "Squid Game season 2 is coming."
    )
    found = claims(body)
    assert values(found, "release_date") == []
    assert values(found, "platform") == []
    assert values(found, "status") == ["renewed"]


def test_another_shows_season_is_ignored() -> None:
    body = "Meanwhile, Netflix's Wednesday season 2 will premiere on August 6, 2025."
    found = claims(body)
    assert values(found, "release_date") == []
    assert values(found, "status") == []


def test_another_shows_section_is_ignored() -> None:
    body = (
        "Squid Game Season 2 Release Date\n"
        "Squid Game season 2 will premiere on December 26, 2024.\n"
        "Stranger Things Season 5\n"
        "The final chapter will premiere on November 26, 2025, on Netflix."
    )
    assert dates(body) == [("2024-12-26", "day", False)]


def test_section_about_an_earlier_season_is_ignored() -> None:
    body = (
        "Squid Game Season 1 Recap\n"
        "It premiered on September 17, 2021, and became a global hit.\n"
        "Squid Game Season 2 Release Date\n"
        "It will be released on December 26, 2024."
    )
    assert dates(body) == [("2024-12-26", "day", False)]


def test_part_two_of_a_season() -> None:
    body = (
        "The fourth season has been split into two parts. Part 1 arrived on October 10, 2024.\n"
        "Outer Banks Season 4 Part 2 is set to release on November 7, 2024, on Netflix."
    )
    title = "Outer Banks Season 4 Part 2 Release Date, Cast, Plot And Everything We Know"
    result = summarize(
        claims(body, show="Outer Banks", season=4, published="2024-10-16", title=title),
        published="2024-10-16",
    )
    assert (result.status, result.release_date) == ("release_date_announced", "2024-11-07")


def test_sentence_split_keeps_abbreviations() -> None:
    body = "The show was a hit in the U.S. and Korea. Season 2 will premiere on Jan. 28, 2025."
    found = claims(body)
    assert [c.sentence for c in found if c.kind == "release_date"] == [
        "Season 2 will premiere on Jan. 28, 2025."
    ]


def test_review_title_means_released() -> None:
    title = "'Squid Game' Season 2 Review: A Bloody Return"
    found = claims("The new episodes are darker.", title=title, published="2024-12-27")
    assert values(found, "status") == ["released"]


# ---------------------------------------------------------------------------------------------
# platform
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "show", "expected"),
    [
        ("The Last of Us season 2 will stream on HBO Max.", "The Last of Us", "HBO"),
        ("The Boys season 4 is coming to Amazon Prime Video.", "The Boys", "Prime Video"),
        ("Andor season 2 streams on Disney Plus.", "Andor", "Disney+"),
        ("Happy Valley is available to watch on BBC iPlayer.", "Happy Valley", "BBC"),
        ("Vera airs on ITV1 and streams on ITVX.", "Vera", "ITV"),
        ("Slow Horses is available on Apple TV Plus.", "Slow Horses", "Apple TV+"),
        ("The drama airs on tvN every Saturday.", "Queen of Tears", "tvN"),
        ("The 100 ran for seven seasons on The CW.", "The 100", "The CW"),
    ],
)
def test_platform_aliases(body: str, show: str, expected: str) -> None:
    assert values(claims(body, show=show), "platform") == [expected]


def test_one_claim_per_platform() -> None:
    body = "The Last of Us season 2 will premiere on HBO and Max. HBO confirmed the date."
    assert values(claims(body, show="The Last of Us"), "platform") == ["HBO"]


def test_home_platform_is_the_presented_one() -> None:
    body = (
        "Fans who liked the show may also know the director's previous drama from JTBC.\n"
        "Kingdom is a Netflix original series."
    )
    found = claims(body, show="Kingdom", season=3)
    assert values(found, "platform") == ["Netflix", "JTBC"]
    assert summarize(found, published="2024-06-01").platform == "Netflix"


def test_home_platform_from_title() -> None:
    body = "The series also streams on Hulu in the US.\nNetflix has big plans for the show."
    found = claims(body, show="Wednesday", title="Netflix's 'Wednesday' Season 2: What We Know")
    assert values(found, "platform")[0] == "Netflix"


def test_ambiguous_platform_words() -> None:
    body = (
        "Max and Lucas return in season 5. Megan Fox is not in the cast. SKY Castle is a classic."
    )
    assert values(claims(body, show="Stranger Things", season=5), "platform") == []


def test_platform_companies_in_unrelated_prose() -> None:
    # The company, a news desk or a shop, in a sentence about neither the show nor TV.
    body = (
        "Amazon founder Jeff Bezos was in the audience.\n"
        "The headphones dropped to an all-time low on Amazon at just $139.\n"
        '"It was an attempt to mislead voters," the chief executive told the BBC.\n'
        "Caroline Hawley, BBC diplomatic correspondent, reports.\n"
        "The app works with an Apple TV box connected.\n"
        "In Europe, there'll be integrated Amazon Alexa support, too.\n"
        "The Last of Us season 2 will stream on HBO Max. It is also on Disney+ Hotstar in India."
    )
    found = claims(body, show="The Last of Us")
    assert values(found, "platform") == ["HBO", "Disney+"]


# ---------------------------------------------------------------------------------------------
# cast
# ---------------------------------------------------------------------------------------------


def test_cast_list_lines() -> None:
    body = (
        "All of Us Are Dead Season 2 Cast\n"
        "Lee Jae-wook as Lee Jae-gyu\n"
        "Park Ji-hu as Nam On-jo\n"
        "Yoon Chan-young (Lee Cheong-san)"
    )
    found = claims(body, show="All of Us Are Dead")
    assert values(found, "cast") == [
        "Lee Jae-wook as Lee Jae-gyu",
        "Park Ji-hu as Nam On-jo",
        "Yoon Chan-young as Lee Cheong-san",
    ]


def test_cast_sentences_with_notes() -> None:
    body = (
        "Karl Urban returns as Billy Butcher, Jack Quaid as Hughie and Erin Moriarty as Annie "
        "January. Jeffrey Dean Morgan joins the cast as Joe Kessler, while Susan Heyward plays "
        "Sister Sage."
    )
    found = [c for c in claims(body, show="The Boys", season=4) if c.kind == "cast"]
    assert [(c.value, c.note) for c in found] == [
        ("Karl Urban as Billy Butcher", "returning"),
        ("Jack Quaid as Hughie", "returning"),
        ("Erin Moriarty as Annie January", "returning"),
        ("Jeffrey Dean Morgan as Joe Kessler", "new"),
        ("Susan Heyward as Sister Sage", "new"),
    ]


def test_cast_who_played_and_paired_lists() -> None:
    body = (
        "Park Ji-hu, who played Nam On-jo, will return. Pedro Pascal and Bella Ramsey are back as "
        "Joel and Ellie."
    )
    assert values(claims(body, show="Show"), "cast") == [
        "Park Ji-hu as Nam On-jo",
        "Pedro Pascal as Joel",
        "Bella Ramsey as Ellie",
    ]


def test_cast_name_list_without_characters() -> None:
    body = (
        "Lee Jung-jae, Lee Byung-hun and Gong Yoo all return, alongside new faces such as "
        "Yim Si-wan and T.O.P."
    )
    found = [c for c in claims(body) if c.kind == "cast"]
    assert [(c.value, c.note) for c in found] == [
        ("Lee Jung-jae", "returning"),
        ("Lee Byung-hun", "returning"),
        ("Gong Yoo", "returning"),
        ("Yim Si-wan", "new"),
        ("T.O.P", "new"),
    ]


def test_cast_false_positives() -> None:
    body = (
        "As expected, the series performed well in Korea as well as abroad. "
        "Streaming services such as Netflix and Viki carry it. "
        "The anime is known in Japan as Sousou no Frieren. "
        "Director Shinsuke Sato is also back, serving as a supervisor."
    )
    assert values(claims(body, show="Show"), "cast") == []


def test_cast_not_abbreviations_datelines_or_numbers() -> None:
    # News prose: an abbreviation in parentheses, a dateline, "played 6 snaps", "Starry" (no
    # cast cue), "led by" with no cast noun.
    body = (
        "LONDON (AP) — The show's producers were accused Wednesday of misleading viewers.\n"
        "NASA said Sierra Nevada Corporation (SNC) had been selected to join.\n"
        "Hong Kong's Hang Seng Index (HSI) started in the red.\n"
        "Sione Takitaki played 6 snaps on defense.\n"
        "Ivana Jelić and Pavle Petrović (Serbia) found inspiration in Starry Night.\n"
        "The decision was led by Dr. Eric Esrailian, lead producer of the film.\n"
        "Lee Jung-jae returns as Seong Gi-hun, and Wi Ha-joon (Hwang Jun-ho) is back."
    )
    assert values(claims(body), "cast") == [
        "Lee Jung-jae as Seong Gi-hun",
        "Wi Ha-joon as Hwang Jun-ho",
    ]


def test_hedged_cast() -> None:
    body = (
        "Brianne Howey (Georgia) and Antonia Gentry (Ginny) will most likely reprise their roles."
    )
    found = [c for c in claims(body, show="Ginny & Georgia", season=3) if c.kind == "cast"]
    assert [(c.value, c.hedged, c.note) for c in found] == [
        ("Brianne Howey as Georgia", True, "returning"),
        ("Antonia Gentry as Ginny", True, "returning"),
    ]


# ---------------------------------------------------------------------------------------------
# trailer
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Netflix dropped the official trailer for season 2 on Monday.", [("released", False)]),
        ("Watch the trailer below.", [("released", False)]),
        ("The streamer announced the date with a first-look teaser.", [("released", False)]),
        ("There is no trailer for season 2 yet.", [("not_released", False)]),
        ("Netflix hasn't released a trailer yet.", [("not_released", False)]),
        ("A teaser could drop later this year.", [("not_released", True)]),
        ("The announcement came with a new teaser visual.", []),
        ("The season 1 trailer was released in 2021.", []),
    ],
)
def test_trailer(body: str, expected: list[tuple[str, bool]]) -> None:
    found = [c for c in claims(body) if c.kind == "trailer"]
    assert [(c.value, c.hedged) for c in found] == expected


# ---------------------------------------------------------------------------------------------
# original_titles
# ---------------------------------------------------------------------------------------------


def test_original_title_in_parentheses() -> None:
    body = "All of Us Are Dead (지금 우리 학교는) became a global hit in 2022."
    assert original_titles(body, "All of Us Are Dead") == ["지금 우리 학교는"]


def test_romanised_title_in_parentheses() -> None:
    body = "Frieren: Beyond Journey's End (Sousou no Frieren) returns in January."
    assert original_titles(body, "Frieren: Beyond Journey's End") == ["Sousou no Frieren"]


def test_labelled_titles() -> None:
    body = (
        "All of Us Are Dead (Korean: 지금 우리 학교는; RR: Jigeum Uri Hakgyoneun) is a zombie "
        "drama. Moving, also known as Mubing, is another."
    )
    assert original_titles(body, "All of Us Are Dead") == [
        "지금 우리 학교는",
        "Jigeum Uri Hakgyoneun",
    ]
    assert original_titles(body, "Moving") == ["Mubing"]


def test_original_titles_ignore_years_platforms_and_cast() -> None:
    body = (
        "All of Us Are Dead (2022) is on Netflix. All of Us Are Dead (Netflix) stars Park Ji-hu "
        "(Nam On-jo). Hellbound (지옥) is another show."
    )
    assert original_titles(body, "All of Us Are Dead") == []


def test_original_title_before_the_show() -> None:
    body = "葬送のフリーレン (Frieren: Beyond Journey's End) is a fantasy anime."
    assert original_titles(body, "Frieren: Beyond Journey's End") == ["葬送のフリーレン"]


# ---------------------------------------------------------------------------------------------
# summarize
# ---------------------------------------------------------------------------------------------


def test_summarize_precedence() -> None:
    renewed = Claim("status", "renewed", "Netflix renewed it.")
    cancelled = Claim("status", "cancelled", "Netflix cancelled it.")
    released = Claim("status", "released", "It is out now.")
    hedged_cancel = Claim("status", "cancelled", "It may be cancelled.", hedged=True)
    assert summarize([renewed, cancelled], published=None).status == "cancelled"
    assert summarize([renewed, released], published=None).status == "released"
    assert summarize([renewed, hedged_cancel], published=None).status == "renewed"
    assert summarize([cancelled, released, renewed], published=None).status == "cancelled"


def test_summarize_hedged_only() -> None:
    found = [
        Claim("status", "renewed", "It could return.", hedged=True),
        Claim("release_date", "2025", "It could return in 2025.", hedged=True, precision="year"),
        Claim("release_date", "2025-03", "Maybe March 2025.", hedged=True, precision="month"),
    ]
    assert summarize(found, published="2024-06-01") == ClaimSummary(
        status="unconfirmed",
        status_hedged=True,
        release_date="2025-03",
        release_precision="month",
        release_hedged=True,
        platform=None,
    )


def test_summarize_empty() -> None:
    assert summarize([], published=None) == ClaimSummary()


def test_summarize_announced_needs_a_precise_date() -> None:
    announced = Claim("status", "release_date_announced", "The date is set.")
    year = Claim("release_date", "2025", "Coming in 2025.", precision="year")
    day = Claim("release_date", "2025-03-14", "On March 14, 2025.", precision="day")
    assert summarize([announced, year], published="2024-06-01").status == "renewed"
    assert summarize([announced, day], published="2024-06-01").status == "release_date_announced"
    assert summarize([announced, day], published="2025-04-01").status == "released"
    renewed = Claim("status", "renewed", "Renewed.")
    assert summarize([renewed, day], published="2024-06-01").status == "release_date_announced"


# ---------------------------------------------------------------------------------------------
# more genre phrasings
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "show", "season", "expected"),
    [
        (
            "Netflix confirmed that season 3 would be the show's last.",
            "Vikings: Valhalla",
            4,
            "cancelled",
        ),
        (
            "Money Heist ended with its fifth season in December 2021.",
            "Money Heist",
            6,
            "cancelled",
        ),
        (
            "The BBC drama came to an end in February 2023 after three series.",
            "Happy Valley",
            4,
            "cancelled",
        ),
        ("The Crown has ended after six seasons on Netflix.", "The Crown", 7, "cancelled"),
        (
            "Squid Game season 3 will be the show's final season, Netflix confirmed.",
            "Squid Game",
            3,
            "renewed",
        ),
        ("Emily in Paris season 5 will film in Rome and Paris.", "Emily in Paris", 5, "renewed"),
        (
            "Netflix has yet to announce the release date for season 2.",
            "Squid Game",
            2,
            "unconfirmed",
        ),
        (
            "The Witcher season 4 won't be coming back until 2025, Netflix says.",
            "The Witcher",
            4,
            "unconfirmed",
        ),
    ],
)
def test_status_phrasings(body: str, show: str, season: int, expected: str) -> None:
    assert summary(body, show=show, season=season).status == expected


@pytest.mark.parametrize(
    "body",
    [
        "As per reports, the makers are planning to release season 2 by the end of 2025.",
        "According to an industry official, season 2 will premiere in March 2025.",
        "Squid Game season 2 may return in May 2025.",
    ],
)
def test_report_hedges(body: str) -> None:
    found = [c for c in claims(body) if c.kind == "release_date"]
    assert len(found) == 1 and found[0].hedged


def test_capitalised_may_is_a_month_not_a_hedge() -> None:
    assert dates("Squid Game season 2 will premiere in May 2025.") == [("2025-05", "month", False)]


def test_replacement_cast() -> None:
    body = "Liam Hemsworth will replace Henry Cavill as Geralt of Rivia in season 4."
    found = [c for c in claims(body, show="The Witcher", season=4) if c.kind == "cast"]
    assert [(c.value, c.note) for c in found] == [("Liam Hemsworth as Geralt of Rivia", "new")]


def test_max_and_hotstar_aliases() -> None:
    body = "The Last of Us season 2 is streaming on Max. In India, it is on Disney+ Hotstar."
    assert values(claims(body, show="The Last of Us"), "platform") == ["HBO", "Disney+"]


def test_long_sentence_is_cut() -> None:
    body = "Squid Game season 2 will premiere on December 26, 2024, " + "and more " * 80 + "."
    sentence = next(c.sentence for c in claims(body) if c.kind == "release_date")
    assert sentence.startswith("Squid Game season 2 will premiere on December 26, 2024, and more")
    assert len(sentence) <= 400


def test_originally_titled() -> None:
    body = 'Pachinko, originally titled "Pachinko: The Story", returns to Apple TV+.'
    assert original_titles(body, "Pachinko") == ["Pachinko: The Story"]


def test_cast_section_dash_lines_and_one_word_names() -> None:
    body = (
        "Cast\nLomon as Lee Su-hyeok\nPark Ji-hu - Nam On-jo\nWhere To Watch\nNetflix - Streaming"
    )
    assert values(claims(body, show="All of Us Are Dead"), "cast") == [
        "Lomon as Lee Su-hyeok",
        "Park Ji-hu as Nam On-jo",
    ]
    assert values(claims("Where To Watch - Netflix", show="Show"), "cast") == []
    assert values(claims("Lomon as Lee Su-hyeok, he said.", show="Show"), "cast") == []


# ---------------------------------------------------------------------------------------------
# attribution and status fixes found on the labelled pages
# ---------------------------------------------------------------------------------------------


def test_another_shows_section_keeps_its_season_numbers() -> None:
    body = (
        "The Last of Us Season 3\n"
        "HBO has not renewed The Last of Us for a third season yet.\n"
        "House of the Dragon Season 3\n"
        "House of the Dragon is in much better shape. HBO renewed it for a third season in "
        "June 2024. Season 3 is coming in summer 2026."
    )
    found = claims(body, show="The Last of Us", season=3, published="2025-02-20")
    assert values(found, "status") == ["unconfirmed"]
    assert values(found, "release_date") == []


def test_another_shows_paragraph_new_series_is_not_the_main_season() -> None:
    body = (
        "Tracker moves to Sundays for Season 2, premiering Oct. 13. The Justin Hartley drama "
        "launched in February and became the most-watched new series of the year."
    )
    found = claims(body, show="Fire Country", season=3, published="2024-07-10")
    assert values(found, "status") == []
    assert values(found, "release_date") == []


def test_not_cancelled_is_not_a_cancellation() -> None:
    body = "Lucasfilm and Disney have not cancelled The Mandalorian, nor confirmed season 4."
    found = claims(body, show="The Mandalorian", season=4)
    assert "cancelled" not in values(found, "status")
    assert summary(body, show="The Mandalorian", season=4).status == "unconfirmed"


def test_past_perfect_cancellation_by_a_former_network_is_background() -> None:
    body = (
        "9-1-1 has been picked up for a ninth season. The show moved to ABC in 2024 after six "
        "seasons on Fox, which had cancelled it over cost concerns."
    )
    assert summary(body, show="9-1-1", season=9, published="2025-05-13").status == "renewed"


def test_see_the_season_in_a_window_is_a_release_date() -> None:
    body = "If Apple renews it this year, then we might see Ted Lasso season 4 sometime in 2025."
    assert dates(body, show="Ted Lasso", season=4, published="2023-06-01") == [
        ("2025", "year", True)
    ]


def test_renewal_of_named_earlier_seasons_is_not_the_main_seasons() -> None:
    body = (
        "Netflix has not officially renewed Emily in Paris for a fifth season. The streamer "
        "renewed seasons 3 and 4 together back in January 2022."
    )
    found = claims(body, show="Emily in Paris", season=5, published="2024-09-20")
    assert values(found, "status") == ["unconfirmed"]


def test_generic_new_seasons_are_not_the_main_season() -> None:
    body = "Historically, new seasons have arrived at the end of the year."
    assert dates(body, show="Emily in Paris", season=5, published="2024-09-20") == []
    ordered = "Netflix renewed Emily in Paris for two new seasons, arriving in late 2025."
    assert values(claims(ordered, show="Emily in Paris", season=5), "status") == ["renewed"]


def test_schedule_is_not_the_subject_of_a_release_noun() -> None:
    body = (
        "If production follows a similar schedule, a release in 2027 looks most likely for "
        "season 3."
    )
    assert dates(body, show="The Last of Us", season=3, published="2025-02-20") == [
        ("2027", "year", True)
    ]


def test_the_shows_own_premiere_is_not_the_main_seasons_release() -> None:
    body = (
        "Netflix officially renewed The Night Agent for a second season on March 30, 2023, "
        "just one week after the show premiered."
    )
    assert summary(body, show="The Night Agent", published="2023-04-10").status == "renewed"


def test_relative_clause_date_of_another_work() -> None:
    body = (
        "The only firm date right now is for the movie, which Disney has scheduled for "
        "May 22, 2026."
    )
    assert dates(body, show="The Mandalorian", season=4, published="2024-01-12") == []


def test_a_person_confirmed_is_casting_not_a_renewal() -> None:
    body = (
        "Both are expected to appear in the film, though only Pascal has been officially confirmed"
    )
    assert values(claims(body, show="The Mandalorian", season=4), "status") == []
    official = "It has been officially confirmed by Disney."
    assert values(claims(official, show="The Mandalorian", season=4), "status") == ["renewed"]


def test_table_rows_of_other_shows() -> None:
    body = (
        "Where things stand.\n"
        "| Show | Status | Expected |\n"
        "| The Last of Us | Not renewed | 2027 (our guess) |\n"
        "| House of the Dragon | Renewed | Summer 2026 |"
    )
    found = claims(body, show="The Last of Us", season=3, published="2025-02-20")
    assert values(found, "status") == ["unconfirmed"]


def test_next_day_streaming_is_not_the_home() -> None:
    body = "The Rookie airs Tuesdays at 10/9c on ABC, with episodes streaming the next day on Hulu."
    found = claims(body, show="The Rookie", season=7)
    assert values(found, "platform") == ["ABC", "Hulu"]
    missed = (
        "Chicago Fire Season 10 premiered last night, Wednesday, September 22, on NBC. If you "
        "missed it, the episode is already streaming on Peacock."
    )
    assert summary(missed, show="Chicago Fire", season=10).platform == "NBC"


def test_summary_platform_follows_the_ranked_claims() -> None:
    # "Hulu's 'The Handmaid's Tale'" names the show: only the work text shows it.
    body = (
        "Hulu's 'The Handmaid's Tale' is a dystopian drama. In the U.K., the series airs on "
        "Channel 4."
    )
    found = claims(body, show="The Handmaid's Tale", season=6)
    assert values(found, "platform") == ["Hulu", "Channel 4"]
    assert summarize(found, published="2024-06-01").platform == "Hulu"


def test_sentence_naming_two_seasons_sets_no_paragraph_season() -> None:
    body = (
        "The Rings of Power season 2 has come to an end, so it's time to look ahead to season 3. "
        "Amazon's expensive fantasy series returned on August 29, 2024, on Prime Video."
    )
    found = claims(body, show="The Rings of Power", season=3, published="2024-10-08")
    assert values(found, "status") == []
    assert values(found, "release_date") == []


def test_relative_clause_belongs_to_the_season_before_it() -> None:
    body = "That is almost exactly a year after series 4, which premiered on 4th September 2024."
    found = claims(body, show="Slow Horses", season=5, published="2025-07-02")
    assert values(found, "status") == []
    assert values(found, "release_date") == []


def test_pushed_back_by_an_event_year_is_not_a_release_date() -> None:
    body = (
        "The show was renewed for a sixth season in September 2022, but production was pushed "
        "back by the 2023 strikes."
    )
    found = claims(body, show="The Handmaid's Tale", season=6, published="2024-12-11")
    assert values(found, "release_date") == []
    assert values(found, "status") == ["renewed"]
    assert dates("Season 2 will be back in 2025.") == [("2025", "year", False)]


def test_final_season_phrase_far_from_an_earlier_season_is_not_a_cancellation() -> None:
    body = (
        "The final season takes place in the fall of 1987, with Hawkins under quarantine after "
        "the Rifts opened at the end of season 4."
    )
    assert values(claims(body, show="Stranger Things", season=5), "status") == []
    ended = "Season 4 was the final season of the show."
    assert values(claims(ended, show="Stranger Things", season=5), "status") == ["cancelled"]


def test_renewal_for_an_earlier_final_season_is_another_shows() -> None:
    body = "Hulu also revealed that the show has been renewed for a seventh and final season."
    found = claims(body, show="Rick and Morty", season=9, published="2025-07-26")
    assert "cancelled" not in values(found, "status")


def test_due_to_an_event_is_not_a_release_cue() -> None:
    body = (
        "Filming on the fifth season didn't begin until January 2024 due to the 2023 Hollywood "
        "strikes."
    )
    assert dates(body, show="Stranger Things", season=5, published="2025-07-16") == []
    assert dates("Season 2 is due to premiere in March 2025.") == [("2025-03", "month", False)]


def test_movie_with_the_shows_name_and_a_subtitle_is_another_work() -> None:
    body = (
        "Black Clover season 5 has not been confirmed. The anime continued as the movie, Black "
        "Clover: Sword of the Wizard King, released on Netflix worldwide on June 16, 2023. All "
        "170 episodes of Black Clover are available to stream on Crunchyroll."
    )
    found = claims(body, show="Black Clover", season=5, published="2024-04-02")
    assert values(found, "release_date") == []
    assert "released" not in values(found, "status")
    assert summarize(found, published="2024-04-02").platform == "Crunchyroll"


@pytest.mark.parametrize(
    "sentence",
    [
        "Netflix confirmed in August 2023 that the final series will be released in two parts.",
        "The new season is set to be released in two parts.",
        "The new season is going to be released in two parts.",
        "The new season should be released in two parts.",
        "The new season will be out in two parts.",
    ],
)
def test_future_passive_release_is_not_released(sentence: str) -> None:
    body = f"The Crown Series 6 Release Date\n{sentence}"
    found = claims(body, show="The Crown", season=6, published="2023-09-01")
    assert "released" not in values(found, "status")


def test_future_passive_release_date_resolves_forward() -> None:
    body = "The Crown Series 6 Release Date\nSeason 6 is set to be released on March 3."
    found = claims(body, show="The Crown", season=6, published="2023-05-01")
    assert values(found, "release_date") == ["2024-03-03"]
    assert values(found, "status") == ["release_date_announced"]


@pytest.mark.parametrize(
    ("body", "show", "season"),
    [
        (
            "The Crown will come to a close with its sixth series. The cast of Series 5 returns "
            "for the final chapter, along with a handful of new faces.",
            "The Crown",
            6,
        ),
        ("The final season premieres in May.", "Stranger Things", 5),
        ("Season 5 will be the last.", "Stranger Things", 5),
        ("The show came to an end with season 5.", "Stranger Things", 5),
        ("Just like season 4, the last season will have eight episodes.", "Stranger Things", 5),
    ],
)
def test_main_season_being_the_final_one_is_not_cancelled(
    body: str, show: str, season: int
) -> None:
    found = claims(f"{show} Season {season} news\n{body}", show=show, season=season)
    assert "cancelled" not in values(found, "status")


@pytest.mark.parametrize(
    ("body", "season"),
    [
        ("Season 4 was the final season.", 5),
        ("The show ended with its fourth season.", 5),
        ("Netflix cancelled the show after two seasons.", 3),
        ("Netflix announced that season 4 would be the final season.", 5),
    ],
)
def test_an_earlier_final_season_is_cancelled(body: str, season: int) -> None:
    found = claims(
        f"Stranger Things Season {season} news\n{body}", show="Stranger Things", season=season
    )
    assert "cancelled" in values(found, "status")


def cast_values(body: str, **kwargs: object) -> list[str]:
    return values(claims(body, **kwargs), "cast")  # type: ignore[arg-type]


def test_cast_leading_adverb_is_not_part_of_the_name() -> None:
    body = "Sadly Yoon Chan-young, who played Lee Cheong-san, is unlikely to come back."
    assert cast_values(body, show="All of Us Are Dead") == ["Yoon Chan-young as Lee Cheong-san"]


@pytest.mark.parametrize(
    "body",
    [
        "In the teaser, the surviving characters, including Nam-ra, appear to be in danger.",
        "The show joins NBC's other recent cancellations, including Magnum P.I., this year.",
        "James, Helen, Siegfried and Tristan are back in the Dales this month.",
        "Gillian Jacobs is back as Atom Eve and Walton Goggins returns as Cecil Stedman.",
    ],
)
def test_characters_and_other_works_are_not_actors(body: str) -> None:
    found = cast_values(body)
    assert not any(
        v.split(" as ")[0] in ("Nam-ra", "Magnum P.I", "James", "Atom Eve") for v in found
    )


def test_including_list_next_to_a_cast_noun_is_cast() -> None:
    body = "Returning cast members include Millie Bobby Brown and Finn Wolfhard."
    assert cast_values(body, show="Stranger Things", season=5) == [
        "Millie Bobby Brown",
        "Finn Wolfhard",
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Jensen Ackles is expected to return as Colter's older brother Russell.", "Jensen Ackles"),
        ("Jenna Ortega returns as Wednesday Addams this fall.", "Jenna Ortega as Wednesday Addams"),
        (
            "Max Minghella (Nick Blaine) and Ann Dowd (Aunt Lydia) return.",
            "Max Minghella as Nick Blaine",
        ),
        ("Kenta Miyake returns as All Might.", "Kenta Miyake as All Might"),
    ],
)
def test_cast_character_cleaning(body: str, expected: str) -> None:
    assert cast_values(body, show="Tracker")[0] == expected


def test_character_actor_written_the_other_way_round_is_dropped() -> None:
    body = (
        "Jaz Sinclair returns as Marie Moreau. The teaser features Marie Moreau (Jaz Sinclair) "
        "back on campus."
    )
    assert cast_values(body, show="Gen V") == ["Jaz Sinclair as Marie Moreau"]


def test_comparing_earlier_seasons_sets_no_paragraph_season() -> None:
    body = (
        "Vikings Valhalla Season 4 Release Date\nThe Season 1 and Season 2 gap was around 11 "
        "months and Season 2 and Season 3 gap was 18 months. So if Netflix gives the green light "
        "soon, it might release in the mid of 2025."
    )
    found = dates(body, show="Vikings Valhalla", season=4, published="2024-08-19")
    assert found == [("2025-05/2025-08", "range", True)]


def test_explicit_number_beats_upcoming() -> None:
    body = (
        "The BBC announced that the upcoming fifth series, which airs on BBC One later this "
        "year, will be the last."
    )
    found = claims(body, show="Ghosts", season=6, published="2023-05-23")
    assert "renewed" not in values(found, "status")
    assert values(found, "release_date") == []


def test_there_will_be_no_show_season_is_cancelled() -> None:
    found = claims("There will be no Ghosts series 6.", show="Ghosts", season=6)
    assert values(found, "status") == ["cancelled"]


def test_reference_season_after_a_date_does_not_own_it() -> None:
    body = (
        "Cobra Kai season 5 delivered a satisfying ending. The ten-episode season was released "
        "on Netflix on September 9, 2022, less than a year after season 4."
    )
    found = dates(body, show="Cobra Kai", season=5, published="2022-09-12")
    assert found == [("2022-09-09", "day", False)]


@pytest.mark.parametrize(
    "body",
    [
        "Season 3 will return to Netflix, although as of March 2025 nothing is official.",
        "Season 3 will return to Netflix; at the time of writing in March 2025 there is no date.",
    ],
)
def test_as_of_date_is_a_reference_not_a_release_date(body: str) -> None:
    assert dates(body, show="Foo", season=3, published="2025-01-10") == []


@pytest.mark.parametrize(
    ("body", "show", "season", "published"),
    [
        (
            "Netflix has also released Money Heist: Korea – Joint Economic Area, a remake starring "
            "Yoo Ji-tae as the Professor, whose first part landed on June 24, 2022.",
            "Money Heist",
            6,
            "2022-01-08",
        ),
        (
            "Squid Game: The Challenge will premiere on November 22, 2023.",
            "Squid Game",
            2,
            "2023-10-01",
        ),
        (
            "The Witcher: Blood Origin arrives on Netflix on December 25, 2022.",
            "The Witcher",
            3,
            "2022-10-01",
        ),
    ],
)
def test_show_name_with_a_subtitle_is_another_work(
    body: str, show: str, season: int, published: str
) -> None:
    found = claims(body, show=show, season=season, published=published)
    assert values(found, "release_date") == []
    assert summarize(found, published=published).status == "unconfirmed"


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("Attack on Titan: The Final Season Part 3 will premiere on March 3, 2023.", None),
        (
            "Attack on Titan: Chronicle of Heroes returns on March 3, 2023.",
            "Attack on Titan: Chronicle of Heroes Season 4 release date",
        ),
    ],
)
def test_season_subtitle_or_headline_subtitle_is_the_show_itself(
    body: str, title: str | None
) -> None:
    found = claims(body, show="Attack on Titan", season=4, published="2023-01-01", title=title)
    assert values(found, "release_date") == ["2023-03-03"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Creator Álex Pina has said that Part 5 was designed as the ending.", "cancelled"),
        ("The main story is over, and the cast has moved on.", "cancelled"),
        ("The story has concluded with the heist at the Bank of Spain.", "cancelled"),
        ("The writers wrapped up the story in the fifth season.", "cancelled"),
        ("The last episode ties up every loose end.", "cancelled"),
        ("Netflix says there are no plans for Money Heist Season 6.", "cancelled"),
        ("There won't be a season 6, Netflix confirmed.", "cancelled"),
        ("There are no plans for season 6 yet.", "unconfirmed"),
        ("Netflix has no official plans for a sixth season.", "unconfirmed"),
        ("As of June 2022, there are no plans for Money Heist Season 6.", "unconfirmed"),
        ("Part 5 might be the end of the show.", "unconfirmed"),
        ("Season 6 wraps up the story of the Professor and his gang.", "unconfirmed"),
    ],
)
def test_ended_show_cues(body: str, expected: str) -> None:
    got = summary(body, show="Money Heist", season=6, published="2022-01-08", title=None)
    assert got.status == expected


def test_season_6_as_the_final_season_is_not_an_ended_show() -> None:
    body = "Season 6 will wrap up the story and premieres on March 3, 2022."
    got = summary(body, show="Money Heist", season=6, published="2022-01-08")
    assert got.status == "release_date_announced"


def test_negated_see_before_a_year_is_no_release_date() -> None:
    body = "Even if it were renewed, we would not see Money Heist Season 6 before 2024."
    assert dates(body, show="Money Heist", season=6, published="2022-01-08") == []


@pytest.mark.parametrize(
    "body",
    [
        "Squid Game star Oh Young-soo was due to be released from prison in March.",
        "The Squid Game actor was released from custody on Monday.",
        "The actor will be released from hospital next week, the series producers said.",
        "Netflix shares are dropping in premarket trading after the Squid Game season 2 news.",
        "Netflix shares dropped by 5% on May 2 after the Squid Game season 2 news.",
    ],
)
def test_release_from_custody_or_a_market_drop_is_not_a_release(body: str) -> None:
    got = summary(body)
    assert (got.status, got.release_date) == ("unconfirmed", None)


def test_released_from_a_date_is_still_a_release() -> None:
    got = summary("Squid Game season 2 will be released from December 26 on Netflix.")
    assert (got.status, got.release_date) == ("release_date_announced", "2024-12-26")


def test_a_chapter_in_the_saga_ending_is_not_a_cancellation() -> None:
    assert summary("With the finale, one long chapter in the saga is over.").status == (
        "unconfirmed"
    )


def test_ordinal_with_a_non_season_noun_is_not_a_coming_season() -> None:
    body = "In Squid Game, the doctor confirmed that a third instance of the plague will hit."
    assert summary(body, season=3).status == "unconfirmed"
    body = "In Squid Game news, Netflix confirmed that the third season will hit in 2025."
    assert summary(body, season=3).status == "renewed"


def test_platform_followed_by_price_words_is_a_shop_not_a_home() -> None:
    body = (
        "The Squid Game box set is a return to the Amazon all-time low price. "
        "Squid Game season 2 is coming to Netflix."
    )
    assert values(claims(body), "platform") == ["Netflix"]


def test_and_announced_that_starts_a_clause_of_the_same_subject() -> None:
    body = (
        "On June 20, the network unveiled a new teaser poster for its upcoming drama and "
        "announced that it will premiere on July 29."
    )
    got = summary(body, show="The Uncanny Counter", season=2, published="2023-06-20")
    assert (got.status, got.release_date) == ("release_date_announced", "2023-07-29")


def test_title_case_cue_inside_a_company_name_is_not_a_verb() -> None:
    body = (
        'Production company Egg Is Coming stated, "We have received an offer regarding a new '
        'season of Hospital Playlist, and we are positively reviewing it."'
    )
    got = summary(body, show="Hospital Playlist", season=3, published="2025-04-15")
    assert got.status == "unconfirmed"


def test_also_available_on_marks_a_secondary_platform() -> None:
    body = (
        "tvN unveiled a new poster for Squid Game season 2. "
        "The drama will also be available to stream on Netflix."
    )
    assert values(claims(body), "platform") == ["tvN", "Netflix"]


def test_platform_before_a_genre_noun_is_the_home() -> None:
    body = (
        "The beloved tvN medical drama might return for a third season. "
        "Hospital Playlist Seasons 1 and 2 are available to stream on Netflix."
    )
    found = claims(body, show="Hospital Playlist", season=3, published="2025-04-15")
    assert values(found, "platform")[0] == "tvN"
    other = "The Netflix series Stranger Things is back. Squid Game season 2 is coming to Hulu."
    assert values(claims(other), "platform")[0] == "Hulu"


def test_no_sentence_split_after_a_name_written_with_bangs() -> None:
    body = (
        "Haikyuu!! fans rejoice. The film Haikyuu!! The Dumpster Battle opened in theaters, "
        "and Haikyuu season 5 has been officially confirmed."
    )
    found = claims(body, show="Haikyuu", season=5, published="2024-02-20")
    sentence = next(c.sentence for c in found if c.kind == "status")
    assert sentence.startswith("The film Haikyuu!! The Dumpster Battle opened")
    # A plain "!" still ends a sentence.
    found = claims("What a show! Squid Game season 2 has been renewed.")
    assert next(c.sentence for c in found if c.kind == "status").startswith("Squid Game")


def test_back_in_the_spotlight_is_not_a_return() -> None:
    body = "Squid Game is back in the spotlight thanks to the release of a new documentary."
    assert summary(body).status == "unconfirmed"
