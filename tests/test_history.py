"""Versions, claim changes and near-duplicate clusters, stored on real SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from sqlalchemy import func, select

from crawler.extract.neardup import fingerprint
from crawler.extract.seasons import show_key
from crawler.extract.types import Claim, ClaimSummary
from storage import Store, repo
from storage.models import Article, ArticleBand, ArticleVersion
from storage.records import ArticleRecord, SeasonRef
from storage.repo import Filters

T0 = datetime(2024, 1, 1, 12, 0, 0)

ORIGINAL = """\
Netflix has not yet confirmed whether Kingdom will return for a third season, but the cast and
crew have dropped plenty of hints over the last few months. Director Kim Seong-hun told a Korean
newspaper that the story of the crown prince is far from over and that the writers already have
an outline for the next chapter.

Filming for the second season wrapped in the spring of 2019 and the episodes reached the service
a year later, so if production started this winter we would expect new episodes around the end
of next year at the earliest. The special episode Ashin of the North was meant as a bridge
between the seasons and introduced a new villain played by Jun Ji-hyun.

Ju Ji-hoon and Bae Doona are both expected to return, although neither actor has signed a new
contract publicly. Fans have also asked for more of the resurrection plant and its origins in
the northern border villages, which the special only began to explain.
"""

# A rewrite: a new intro, then the original's paragraphs in another order.
_PARAGRAPHS = ORIGINAL.split("\n\n")
COPY = "\n\n".join(
    [
        "Are you waiting for more zombies in Joseon? Here is everything we know so far.",
        _PARAGRAPHS[2].rstrip(),
        _PARAGRAPHS[0],
        _PARAGRAPHS[1],
    ]
)

OTHER = """\
The Crown will end with its sixth series, Netflix confirmed, and the final episodes will cover
the years between the death of Diana and the wedding of Prince Charles and Camilla in 2005.
Imelda Staunton returns as the Queen for a second and last time, with Jonathan Pryce as Prince
Philip and Lesley Manville as Princess Margaret.

Peter Morgan originally planned five series but changed his mind while writing the fifth,
saying the story needed more room to reach the present day. Filming took place across England
and Spain, and the production was paused for two days after the death of the Queen in 2022 as a
mark of respect. The first part arrives in November and the second a month later.
"""


def record(url: str, body: str, published: str | None, **kw: object) -> ArticleRecord:
    found = fingerprint(body)
    return ArticleRecord(
        url=url,
        canonical_url=url,
        site=url.split("/")[2],
        body=body,
        body_hash=f"{hash(body)}",
        seen_at=kw.pop("seen_at", T0),  # type: ignore[arg-type]
        title="Kingdom Season 3 Release Date",
        published=published,
        seasons=[SeasonRef("Kingdom", show_key("Kingdom"), 3)],
        fingerprint=found.to_bytes() if found else None,
        **kw,  # type: ignore[arg-type]
    )


def _copies(store: Store) -> dict[str, str | None]:
    return {
        a["canonical_url"]: a["copy_of"] for a in store.iter_articles(Filters(include_all=True))
    }


def test_a_rewrite_is_a_copy_of_the_earliest_published_whatever_the_order(store: Store) -> None:
    # The copy is crawled first; the original, published earlier, arrives later.
    store.save([record("https://copier.example/k3", COPY, "2024-02-01")])
    assert _copies(store) == {"https://copier.example/k3": None}
    result = store.save([record("https://origin.example/k3", ORIGINAL, "2024-01-10")])
    assert result.copies == 1  # the newcomer is the original: the other one became its copy
    assert _copies(store) == {
        "https://copier.example/k3": "https://origin.example/k3",
        "https://origin.example/k3": None,
    }
    third = store.save([record("https://third.example/k3", COPY + "\nAlso Read: Kingdom", None)])
    assert third.copies == 1
    assert _copies(store)["https://third.example/k3"] == "https://origin.example/k3"
    unrelated = store.save([record("https://crown.example/c6", OTHER, "2023-11-01")])
    assert unrelated.copies == 0 and _copies(store)["https://crown.example/c6"] is None
    assert store.site_copies() == [
        {"copier_site": s, "original_site": "origin.example", "copies": 1,
         "first_copy_seen": T0, "last_copy_seen": T0}
        for s in ("copier.example", "third.example")
    ]  # fmt: skip
    assert [m["url"] for m in store.near_duplicates(COPY)] == ["https://origin.example/k3"]
    (spun,) = store.near_duplicates(OTHER.replace("The Crown", "The Throne"))
    assert spun["url"] == "https://crown.example/c6" and 0.5 < spun["similarity"] < 1
    assert store.near_duplicates("too short") == []
    rows = list(store.iter_copies())
    assert {(r["site"], r["original_site"]) for r in rows} == {
        ("copier.example", "origin.example"),
        ("third.example", "origin.example"),
    }
    assert all(0.3 <= r["similarity"] <= 1 for r in rows)
    collapsed = store.iter_articles(Filters(include_all=True, collapse_copies=True))
    by_url = {a["canonical_url"]: a for a in collapsed}
    assert sorted(by_url) == ["https://crown.example/c6", "https://origin.example/k3"]
    assert by_url["https://origin.example/k3"]["copies"] == 2


def test_copies_count_once_in_the_verdict(store: Store) -> None:
    guess = ClaimSummary(status="unconfirmed", status_hedged=True)
    claim = Claim("status", "unconfirmed", "Netflix has not yet confirmed a third season.")
    kw = {"summary": guess, "claims": [claim]}
    store.save(
        [
            record("https://origin.example/k3", ORIGINAL, "2024-01-10", **kw),
            record("https://copier.example/k3", COPY, "2024-02-01", **kw),
        ]
    )
    (season,) = store.iter_seasons()
    assert (season["articles"], season["sources"]) == (2, 1)


def test_two_clusters_merge_under_the_earliest(store: Store) -> None:
    # Two unrelated-looking halves, each copied; then an article carrying both joins them.
    first, second = _PARAGRAPHS[0], "\n\n".join(_PARAGRAPHS[1:])
    store.save(
        [
            record("https://a.example/1", first * 3, "2024-01-05"),
            record("https://b.example/1", first * 3 + "\nStay tuned.", "2024-01-06"),
            record("https://c.example/2", second * 2, "2024-01-01"),
            record("https://d.example/2", second * 2 + "\nStay tuned.", "2024-01-02"),
        ]
    )
    before = _copies(store)
    assert before["https://b.example/1"] == "https://a.example/1"
    assert before["https://d.example/2"] == "https://c.example/2"
    store.save([record("https://e.example/both", first * 3 + second * 2, "2024-01-09")])
    after = _copies(store)
    assert {url for url, original in after.items() if original is None} == {"https://c.example/2"}


def test_short_bodies_are_never_clustered(store: Store) -> None:
    short = "Kingdom season 3 is coming. Stay tuned for more."
    store.save(
        [
            record("https://a.example/s", short, None),
            record("https://b.example/s", short + "!", None),
        ]
    )
    assert set(_copies(store).values()) == {None}
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(ArticleBand)) == 0


def test_a_changed_page_keeps_its_old_version_and_the_claim_changes(store: Store) -> None:
    url = "https://a.example/kingdom-3"
    guess = ClaimSummary(
        status="unconfirmed", status_hedged=True, release_date="2023", release_precision="year"
    )
    dated = ClaimSummary(
        status="release_date_announced",
        status_hedged=False,
        release_date="2023-11-10",
        release_precision="day",
        platform="Netflix",
    )
    old_claim = Claim("status", "unconfirmed", "Netflix has not yet confirmed a third season.")
    first = record(url, ORIGINAL, "2023-01-10", summary=guess, claims=[old_claim])
    assert store.save([first]).inserted == 1
    again = store.save([dataclasses.replace(first, seen_at=T0 + timedelta(days=1))])
    assert (again.unchanged, again.changed) == (1, 0)
    new_body = ORIGINAL + "\nUpdate: Netflix announced that season 3 arrives on November 10, 2023."
    changed = store.save(
        [
            record(url, new_body, "2023-01-10", summary=dated, seen_at=T0 + timedelta(days=2),
                   claims=[Claim("release_date", "2023-11-10", "Update: ...", precision="day")])
        ]
    )  # fmt: skip
    assert (changed.changed, changed.inserted, changed.unchanged) == (1, 0, 0)
    with store.engine.connect() as conn:
        versions = conn.execute(select(ArticleVersion)).all()
    assert len(versions) == 1
    (version,) = versions
    assert version.body == ORIGINAL and version.body_hash == first.body_hash
    assert version.fetched_at == T0 + timedelta(days=1)  # the last time the old body was seen
    assert version.replaced_at == T0 + timedelta(days=2)
    assert version.claims[0]["value"] == "unconfirmed"
    assert version.summary["status"] == "unconfirmed"
    changes = [(c["field"], c["old"], c["new"]) for c in store.iter_changes()]
    assert changes == [
        ("status", "unconfirmed", "release_date_announced"),
        ("release_date", "2023", "2023-11-10"),
        ("platform", None, "Netflix"),
    ]
    assert all(c["show"] == "Kingdom" and c["season"] == 3 for c in store.iter_changes())
    (article,) = store.iter_articles()
    assert article["body"] == new_body and article["status"] == "release_date_announced"


def test_a_page_now_about_another_season_records_it(store: Store) -> None:
    url = "https://a.example/kingdom"
    store.save([record(url, ORIGINAL, "2023-01-10")])
    moved = dataclasses.replace(
        record(url, ORIGINAL + "\nUpdated for season 4.", "2023-01-10"),
        seasons=[SeasonRef("Kingdom", show_key("Kingdom"), 4)],
        title="Kingdom Season 4 Release Date",
    )
    assert store.save([moved]).changed == 1
    assert [(c["field"], c["old"], c["new"]) for c in store.iter_changes()] == [
        ("season", "Kingdom season 3", "Kingdom season 4")
    ]


def test_near_exact_copies_are_not_indexed_but_later_copies_still_find_the_cluster(
    store: Store,
) -> None:
    store.save([record("https://origin.example/k3", ORIGINAL, "2024-01-10")])
    store.save([record("https://mirror.example/k3", ORIGINAL + "\nShare this article.", None)])
    store.save([record("https://copier.example/k3", COPY, None)])
    copies = _copies(store)
    assert copies["https://mirror.example/k3"] == "https://origin.example/k3"
    assert copies["https://copier.example/k3"] == "https://origin.example/k3"
    with store.engine.connect() as conn:
        indexed = {
            url
            for (url,) in conn.execute(
                select(Article.canonical_url).where(Article.id.in_(select(ArticleBand.article_id)))
            )
        }
    close = {c["url"] for c in store.iter_copies() if c["similarity"] >= repo.INDEX_SIMILARITY}
    assert "https://mirror.example/k3" in close
    assert indexed == set(copies) - close and "https://origin.example/k3" in indexed


def test_band_keys_shared_by_too_many_articles_are_skipped(store: Store, monkeypatch) -> None:
    store.save(
        [
            record("https://origin.example/k3", ORIGINAL, "2024-01-10"),
            record("https://crown.example/1", OTHER, None),
            record("https://crown.example/2", OTHER + "\nMore to come.", None),
        ]
    )
    with store.engine.begin() as conn:  # every band key of the original is now shared by 3
        ids = dict(conn.execute(select(Article.canonical_url, Article.id)).all())
        bands = fingerprint(ORIGINAL).bands()  # type: ignore[union-attr]
        conn.execute(
            ArticleBand.__table__.insert(),
            [
                {"band": band, "article_id": ids[url]}
                for band in set(bands)
                for url in ("https://crown.example/1", "https://crown.example/2")
            ],
        )
    monkeypatch.setattr(repo, "CROWDED_BAND", 3)
    assert [m["url"] for m in store.near_duplicates(ORIGINAL)] == ["https://origin.example/k3"]
    monkeypatch.setattr(repo, "CROWDED_BAND", 2)  # now every key is boilerplate
    assert store.near_duplicates(ORIGINAL) == []


def test_merging_clusters_redoes_the_verdicts_that_counted_them_apart(store: Store) -> None:
    first, second = _PARAGRAPHS[0], "\n\n".join(_PARAGRAPHS[1:])
    guess = {"summary": ClaimSummary(status="unconfirmed", status_hedged=True)}
    store.save(
        [
            record("https://a.example/1", first * 3, "2024-01-05", **guess),
            record("https://c.example/2", second * 2, "2024-01-01", **guess),
        ]
    )
    (season,) = store.iter_seasons()
    assert (season["articles"], season["sources"]) == (2, 2)
    # An article about another show carries both texts: one cluster now, so one source.
    bridge = dataclasses.replace(
        record("https://e.example/both", first * 3 + second * 2, "2024-01-09"),
        seasons=[SeasonRef("Other Show", show_key("Other Show"), 1)],
        title="Other Show Season 1",
    )
    store.save([bridge])
    kingdom = next(s for s in store.iter_seasons() if s["show"] == "Kingdom")
    assert (kingdom["articles"], kingdom["sources"]) == (2, 1)
