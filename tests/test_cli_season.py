"""`seasonnews season`, `show aliases/merge/split` and `export --what claims` on a real database."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

from crawler.extract.seasons import show_key
from crawler.extract.types import Claim, ClaimSummary
from storage import Store
from storage.records import ArticleRecord, SeasonRef
from tests.conftest import seasonnews


def _article(url: str, show: str, published: str, summary: ClaimSummary,
             claims: list[Claim]) -> ArticleRecord:  # fmt: skip
    return ArticleRecord(
        url=url,
        canonical_url=url,
        site=url.split("/")[2],
        body=f"Body of {url}. " * 10,
        body_hash=f"hash-{url}",
        seen_at=datetime(2024, 1, 1),
        title=f"{show} Season 3 Release Date",
        published=published,
        seasons=[SeasonRef(show, show_key(show), 3)],
        claims=claims,
        summary=summary,
    )


def _fill(db_url: str) -> None:
    store = Store(db_url)
    store.upgrade()
    guess = (
        "We expect Bridgerton Season 3 to arrive in late 2023, but take it with a grain of salt."
    )
    store.save(
        [
            _article(
                "https://guess.example/bridgerton-3",
                "Bridgerton",
                "2022-05-01",
                ClaimSummary("unconfirmed", True, "2023-09/2023-12", "range", True, "Netflix"),
                [
                    Claim("release_date", "2023-09/2023-12", guess, hedged=True, precision="range"),
                    Claim("platform", "Netflix", guess),
                ],
            ),
            _article(
                "https://news.example/bridgerton-3",
                "Bridgerten",
                "2023-07-10",
                ClaimSummary(
                    "release_date_announced", False, "2024-05-16", "day", False, "Netflix"
                ),
                [
                    Claim(
                        "status",
                        "release_date_announced",
                        "Netflix announced that Bridgerton Season 3 premieres on May 16, 2024.",
                    ),
                    Claim(
                        "release_date",
                        "2024-05-16",
                        "Netflix announced that Bridgerton Season 3 premieres on May 16, 2024.",
                        precision="day",
                    ),
                    Claim(
                        "cast",
                        "Nicola Coughlan as Penelope Featherington",
                        "Nicola Coughlan as Penelope Featherington",
                        note="returning",
                    ),
                ],
            ),
        ]
    )
    store.close()


def test_season_shows_verdict_evidence_and_timeline(db_url: str) -> None:
    _fill(db_url)
    out = seasonnews("season", "bridgerton", "3", "--db", db_url).stdout
    assert "Bridgerton — season 3" in out
    assert "status:       released (confidence 100%)" in out  # the announced day has passed
    assert "release date: 2024-05-16 (day, confidence" in out
    assert "platform:     Netflix" in out
    assert "Nicola Coughlan as Penelope Featherington (returning)" in out
    assert "2 from 2 site(s), 2 independent source(s)" in out
    assert "conflicting release date claims:" in out
    timeline = out.split("timeline (first appearance of each claim):")[1]
    assert timeline.index(
        "2022-05-01  release_date 2023-09/2023-12 (speculation)"
    ) < timeline.index("2023-07-10  status       release_date_announced")


def test_export_claims_and_seasons(db_url: str) -> None:
    _fill(db_url)
    rows = list(csv.DictReader(io.StringIO(
        seasonnews("export", "--what", "claims", "--db", db_url).stdout)))  # fmt: skip
    assert len(rows) == 5
    assert set(rows[0]) == {"show", "season", "kind", "value", "precision", "hedged", "note",
                            "sentence", "url", "site", "published"}  # fmt: skip
    guess = next(r for r in rows if r["url"] == "https://guess.example/bridgerton-3"
                 and r["kind"] == "release_date")  # fmt: skip
    assert (guess["value"], guess["precision"], guess["hedged"]) == (
        "2023-09/2023-12", "range", "True")  # fmt: skip
    seasons = json.loads(seasonnews("export", "--what", "seasons", "--format", "json", "--db",
                                    db_url).stdout)  # fmt: skip
    assert seasons[0]["status"] == "released"
    assert seasons[0]["release_date"] == "2024-05-16"
    assert seasons[0]["conflicts"]["release_date"][0]["value"] == "2024-05-16"


def test_show_aliases_merge_and_split(db_url: str) -> None:
    _fill(db_url)
    out = seasonnews("show", "aliases", "Bridgerton", "--db", db_url).stdout
    assert "'bridgerten'" in out and "rule" in out  # the misspelling was merged by the rules
    seasonnews("show", "split", "Bridgerton", "Bridgerten", "--db", db_url)
    listed = seasonnews("shows", "--db", db_url).stdout
    assert "Bridgerten" in listed and "2 shows" in listed
    result = seasonnews("show", "merge", "Bridgerton", "Bridgerten", "--db", db_url)
    assert "merged 'Bridgerten' into 'Bridgerton'" in result.stderr
    assert "1 shows" in seasonnews("shows", "--db", db_url).stdout
    bad = seasonnews("show", "split", "Bridgerton", "Nothing", "--db", db_url, check=False)
    assert bad.returncode == 1
    assert bad.stderr.strip() == "seasonnews: error: 'Nothing' is not an alias of that show"
