"""Claims, show aliases, merge/split and verdicts stored on real SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from crawler.extract.seasons import show_key
from crawler.extract.types import Claim, ClaimSummary
from storage import Store
from storage.records import ArticleRecord, SeasonRef
from storage.repo import Filters
from storage.shows import ShowError

T0 = datetime(2024, 1, 1, 12, 0, 0)


def ref(show: str, season: int) -> SeasonRef:
    return SeasonRef(show, show_key(show), season)


def article(url: str, show: str, season: int, published: str, summary: ClaimSummary,
            claims: list[Claim], **kw: object) -> ArticleRecord:  # fmt: skip
    return ArticleRecord(
        url=url,
        canonical_url=url,
        site=url.split("/")[2],
        body=f"Body of {url}. " * 10,
        body_hash=f"hash-{url}",
        seen_at=T0,
        title=f"{show} Season {season}",
        published=published,
        seasons=[ref(show, season)],
        claims=claims,
        summary=summary,
        **kw,  # type: ignore[arg-type]
    )


RENEWED = ClaimSummary(status="renewed", status_hedged=False, platform="Netflix")
GUESS = ClaimSummary(
    status="unconfirmed",
    release_date="2023-09/2023-12",
    release_precision="range",
    release_hedged=True,
    platform="Netflix",
)
DATED = ClaimSummary(
    status="release_date_announced",
    status_hedged=False,
    release_date="2099-03-10",
    release_precision="day",
    release_hedged=False,
    platform="Netflix",
)
RENEW_CLAIM = Claim(
    "status", "renewed", "Netflix officially renewed All of Us Are Dead for season 2."
)
DATE_CLAIM = Claim("release_date", "2099-03-10", "Season 2 premieres on March 10, 2099.",
                   precision="day")  # fmt: skip
CAST = Claim("cast", "Park Ji-hu as Nam On-jo", "Park Ji-hu as Nam On-jo", note="returning")


def test_claims_and_verdict_are_stored_and_exported(store: Store) -> None:
    store.save(
        [
            article(
                "https://a.example/aouad-2",
                "All of Us Are Dead",
                2,
                "2022-06-01",
                RENEWED,
                [RENEW_CLAIM, CAST],
            ),
            article(
                "https://b.example/aouad-2",
                "All Of Us Is Dead",
                2,
                "2022-03-01",
                GUESS,
                [
                    Claim(
                        "release_date",
                        "2023-09/2023-12",
                        "Expect it in late 2023.",
                        hedged=True,
                        precision="range",
                    )
                ],
            ),
            article(
                "https://c.example/aouad-2",
                "All of Us Are Dead",
                2,
                "2023-01-05",
                DATED,
                [DATE_CLAIM],
            ),
        ]
    )
    shows = store.shows()
    assert [s["show"] for s in shows] == ["All of Us Are Dead"]  # one identity, 2 spellings
    assert store.find_show("all of us was dead") == ("all of us are dead", "All of Us Are Dead")
    assert store.find_show("dead to me") is None
    (season,) = list(store.iter_seasons())
    assert season["status"] == "release_date_announced"
    assert (season["release_date"], season["release_precision"]) == ("2099-03-10", "day")
    assert season["platform"] == "Netflix"
    assert season["cast"] == ["Park Ji-hu as Nam On-jo (returning)"]
    assert season["sites"] == 3 and season["sources"] == 3
    assert {g["value"] for g in season["conflicts"]["status"]} == {
        "renewed", "unconfirmed", "release_date_announced"}  # fmt: skip
    answers = {a["canonical_url"]: a for a in store.iter_articles()}
    guess = answers["https://b.example/aouad-2"]
    assert (guess["status"], guess["release_date"], guess["release_precision"]) == (
        "unconfirmed",
        "2023-09/2023-12",
        "range",
    )
    claims = list(store.iter_claims())
    assert len(claims) == 4
    assert claims[0]["url"] == "https://c.example/aouad-2"  # newest article first
    assert {c["kind"] for c in claims} == {"status", "release_date", "cast"}
    detail = store.season_detail("all of us are dead", 2)
    assert detail is not None
    assert [t["value"] for t in detail["timeline"]] == ["2023-09/2023-12", "renewed",
                                                        "2099-03-10"]  # fmt: skip
    assert len(detail["evidence"]) == 3


def test_resaving_an_article_replaces_its_claims_and_updates_the_verdict(store: Store) -> None:
    first = article("https://a.example/x-3", "Xeno", 3, "2024-01-01", GUESS, [CAST])
    store.save([first])
    assert next(store.iter_seasons())["status"] == "unconfirmed"
    store.save([dataclasses.replace(first, summary=RENEWED, claims=[RENEW_CLAIM])])
    assert [c["kind"] for c in store.iter_claims()] == ["status"]
    assert next(store.iter_seasons())["status"] == "renewed"
    assert store.counts()["claims"] == 1


def test_original_title_alias_leads_to_the_show(store: Store) -> None:
    store.save(
        [
            article(
                "https://a.example/aouad-2",
                "All of Us Are Dead",
                2,
                "2022-06-01",
                RENEWED,
                [],
                aliases=[("지금 우리 학교는", show_key("지금 우리 학교는"))],
            ),
            article("https://k.example/jiguem-2", "지금 우리 학교는", 2, "2022-07-01", RENEWED, []),
        ]
    )
    assert [s["show"] for s in store.shows()] == ["All of Us Are Dead"]
    found = store.find_show(show_key("지금 우리 학교는"))
    assert found == ("all of us are dead", "All of Us Are Dead")
    sources = {a["name"]: a["source"] for a in store.aliases("all of us are dead")}
    assert sources == {"All of Us Are Dead": "title", "지금 우리 학교는": "original"}


def test_similar_names_of_different_shows_stay_apart(store: Store) -> None:
    store.save(
        [
            article("https://a.example/w-4", "The Witcher", 4, "2024-01-01", RENEWED, []),
            article(
                "https://a.example/wbo-2", "The Witcher: Blood Origin", 2, "2024-01-01", GUESS, []
            ),
            article("https://a.example/dtm-4", "Dead to Me", 4, "2024-01-01", RENEWED, []),
            article(
                "https://a.example/aouad-2", "All of Us Are Dead", 2, "2024-01-01", RENEWED, []
            ),
        ]
    )
    assert len(store.shows()) == 4


def test_operator_merge_and_split_stick_across_recrawls(store: Store) -> None:
    a = article("https://a.example/sh-3", "Sweet Home", 3, "2024-01-01", RENEWED, [RENEW_CLAIM])
    b = article("https://b.example/sh-3", "Sweet Home Korea", 3, "2024-02-01", DATED,
                [DATE_CLAIM])  # fmt: skip
    store.save([a, b])
    assert len(store.shows()) == 2
    assert store.merge_shows("sweet home", "sweet home korea") == "Sweet Home"
    (season,) = list(store.iter_seasons())
    assert season["articles"] == 2 and season["status"] == "release_date_announced"
    store.save([dataclasses.replace(b, seen_at=datetime(2024, 3, 1))])  # re-crawl
    assert len(store.shows()) == 1
    assert store.find_show("sweet home korea") == ("sweet home", "Sweet Home")

    new_key = store.split_show("sweet home", "sweet home korea", "Sweet Home Korea")
    assert new_key == "sweet home korea"
    rows = {r["show"]: r for r in store.iter_seasons()}
    assert rows["Sweet Home"]["status"] == "renewed" and rows["Sweet Home"]["articles"] == 1
    assert rows["Sweet Home Korea"]["status"] == "release_date_announced"
    store.save([dataclasses.replace(b, seen_at=datetime(2024, 4, 1))])  # re-crawl again
    assert {r["show"]: r["articles"] for r in store.iter_seasons()} == {
        "Sweet Home": 1, "Sweet Home Korea": 1}  # fmt: skip
    assert [c["url"] for c in store.iter_claims(Filters(show_key="sweet home korea"))] == [
        "https://b.example/sh-3"]  # fmt: skip


def test_merge_and_split_refuse_nonsense(store: Store) -> None:
    store.save([article("https://a.example/x-2", "Xeno", 2, "2024-01-01", RENEWED, [])])
    with pytest.raises(ShowError, match="no show known"):
        store.merge_shows("xeno", "nothing here")
    with pytest.raises(ShowError, match="only name"):
        store.split_show("xeno", "xeno", "Xeno")
    with pytest.raises(ShowError, match="not an alias"):
        store.split_show("xeno", "other", "Other")
    with pytest.raises(ShowError, match="into itself"):
        store.merge_shows("xeno", "xeno")
