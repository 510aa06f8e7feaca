"""The per-season verdict over many articles (storage.verdict), pure."""

from __future__ import annotations

from storage.verdict import ClaimEvidence, Evidence, as_of, compatible, decide, timeline

TODAY = "2024-06-01"


def ev(i: int, day: str, status: str, *, hedged: bool = False, date: str | None = None,
       precision: str | None = None, date_hedged: bool | None = None,
       platform: str | None = None, site: str | None = None) -> Evidence:  # fmt: skip
    return Evidence(
        article_id=i,
        url=f"https://s{i}.example/a",
        site=site or f"s{i}.example",
        day=day,
        status=status,
        status_hedged=hedged,
        release_date=date,
        release_precision=precision,
        release_hedged=hedged if date_hedged is None else date_hedged,
        platform=platform,
    )


def claim(i: int, day: str, kind: str, value: str, sentence: str, *, hedged: bool = False,
          note: str | None = None) -> ClaimEvidence:  # fmt: skip
    return ClaimEvidence(
        article_id=i, kind=kind, value=value, sentence=sentence, hedged=hedged,
        url=f"https://s{i}.example/a", site=f"s{i}.example", day=day, note=note,
    )  # fmt: skip


def test_newer_official_statement_outweighs_older_speculation() -> None:
    evidence = [
        ev(1, "2023-01-10", "unconfirmed", hedged=True, date="2023-09/2023-12", precision="range"),
        ev(2, "2023-02-01", "unconfirmed", hedged=True, date="2024", precision="year"),
        ev(3, "2023-05-03", "release_date_announced", date="2024-08-15", precision="day"),
        ev(4, "2023-05-04", "release_date_announced", date="2024-08-15", precision="day"),
    ]
    v = decide(evidence, [], TODAY)
    assert v.status == "release_date_announced"
    assert v.status_confidence == 1.0  # the speculation predates the announcement
    assert (v.release_date, v.release_precision) == ("2024-08-15", "day")
    assert v.release_confidence is not None and 0.5 < v.release_confidence < 1.0
    assert next(g["value"] for g in v.conflicts["release_date"]) == "2024-08-15"


def test_ten_copies_of_one_spun_article_count_as_one_source() -> None:
    sentence = "According to insiders, Netflix might release the third season in late 2024 or so."
    evidence = [ev(1, "2024-01-01", "renewed", date="2025", precision="year")]
    claims = []
    for i in range(2, 12):
        evidence.append(
            ev(i, f"2024-02-{i:02d}", "unconfirmed", hedged=True, date="2024-09/2024-12",
               precision="range")
        )  # fmt: skip
        claims.append(claim(i, f"2024-02-{i:02d}", "release_date", "2024-09/2024-12", sentence,
                            hedged=True))  # fmt: skip
    v = decide(evidence, claims, TODAY)
    assert v.sources == 2
    assert v.status == "renewed"
    assert v.release_date == "2025"  # one official source beats ten copies of a guess
    groups = {g["value"]: g for g in v.conflicts["release_date"]}
    assert groups["2024-09/2024-12"]["sources"] == 1
    assert len(groups["2024-09/2024-12"]["sites"]) == 10


def test_cancellation_outranks_renewal_but_a_newer_revival_wins() -> None:
    assert decide([ev(1, "2023-01-01", "renewed"), ev(2, "2023-06-01", "cancelled")], [],
                  TODAY).status == "cancelled"  # fmt: skip
    revived = [ev(1, "2023-06-01", "cancelled"), ev(2, "2024-02-01", "renewed")]
    assert decide(revived, [], TODAY).status == "renewed"


def test_speculation_only_is_unconfirmed_with_capped_confidence() -> None:
    v = decide(
        [ev(1, "2024-01-01", "unconfirmed", hedged=True, date="2025", precision="year"),
         ev(2, "2024-02-01", "unconfirmed", hedged=True, date="2025", precision="year")],
        [], TODAY,
    )  # fmt: skip
    assert v.status == "unconfirmed"
    assert v.status_confidence <= 0.5
    assert (v.release_date, v.release_confidence) == ("2025", 0.5)


def test_announced_day_that_has_passed_is_released() -> None:
    v = decide([ev(1, "2024-01-01", "release_date_announced", date="2024-03-01",
                   precision="day")], [], TODAY)  # fmt: skip
    assert v.status == "released"
    assert as_of("release_date_announced", "2024-07-01", "day", TODAY) == "release_date_announced"
    assert as_of("release_date_announced", "2024-05", "month", TODAY) == "release_date_announced"


def test_newest_official_date_wins_when_dates_move() -> None:
    evidence = [
        ev(1, "2023-01-01", "release_date_announced", date="2023-11-10", precision="day"),
        ev(2, "2023-08-01", "release_date_announced", date="2024-02", precision="month"),
    ]
    assert decide(evidence, [], "2023-09-01").release_date == "2024-02"


def test_platform_cast_trailer_and_timeline() -> None:
    evidence = [ev(1, "2024-01-01", "renewed", platform="Netflix"),
                ev(2, "2024-02-01", "renewed", platform="Netflix"),
                ev(3, "2024-03-01", "renewed", platform="tvN")]  # fmt: skip
    claims = [
        claim(1, "2024-01-01", "cast", "Park Ji-hu as Nam On-jo", "Park Ji-hu as Nam On-jo"),
        claim(
            2,
            "2024-02-01",
            "cast",
            "Park Ji-hu as Nam On-jo",
            "Park Ji-hu returns.",
            note="returning",
        ),
        claim(3, "2024-03-01", "cast", "Yoon Chan-young as Lee Cheong-san", "Yoon Chan-young"),
        claim(1, "2024-01-01", "status", "renewed", "Netflix renewed it for a second season."),
        claim(3, "2024-03-01", "status", "renewed", "tvN renewed the show for season two."),
        claim(2, "2024-02-01", "trailer", "released", "Watch the teaser trailer below."),
    ]
    v = decide(evidence, claims, TODAY)
    assert v.platform == "Netflix"
    assert v.cast[0] == "Park Ji-hu as Nam On-jo (returning)"
    assert v.trailer == "released"
    t = timeline(claims)
    assert [(x["kind"], x["day"]) for x in t] == [("status", "2024-01-01"),
                                                  ("trailer", "2024-02-01")]  # fmt: skip


def test_compatible_dates() -> None:
    assert compatible("2024", "2024-08-15")
    assert compatible("2024-09/2024-12", "2024-10-04")
    assert not compatible("2024-09/2024-12", "2025-01")
    assert not compatible("2024-08", "2024-09-01")
