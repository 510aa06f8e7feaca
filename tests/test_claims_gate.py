"""Regression gate: season intelligence on the 90 labelled pages of tests/fixtures/claims/.

Runs the real `extract_page` on every page (bench/claims_eval.py) and fails when a field's
accuracy falls below its floor. Floors only go up: raise them when the extractor improves.
"""

from __future__ import annotations

import pytest

from bench.claims_eval import FIELDS, evaluate, load_labels

FLOORS = {
    "show_season": 0.988,
    "status": 0.987,
    "release_date": 0.975,
    "platform": 0.987,
    "hedged": 1.0,
}
"""Accuracy measured when the floors were last raised (python -m bench.claims_eval)."""


@pytest.fixture(scope="module")
def report():
    return evaluate()


def test_labelled_set_covers_the_genre() -> None:
    labels = load_labels()
    assert len(labels) >= 80
    news = [p for p in labels if p["show"]]
    assert {p["status"] for p in news} == {
        "renewed", "release_date_announced", "released", "cancelled", "unconfirmed"}  # fmt: skip
    assert {p["season"] for p in news} >= set(range(2, 11))
    assert len(labels) - len(news) >= 5  # pages that are not season news
    assert any("series" in p["url"] for p in news)  # British "series"
    assert len({p["url"].split("/")[2] for p in labels}) >= 30  # many sites


@pytest.mark.parametrize("field", FIELDS)
def test_accuracy_stays_above_its_floor(report, field: str) -> None:
    assert report.accuracy(field) >= FLOORS[field], (
        f"{field}: {report.accuracy(field):.3f} < {FLOORS[field]}; misses: "
        + "; ".join(f"{f} expected {e!r} got {g!r}" for f, n, e, g in report.misses if n == field)
    )
