"""Regression gate: body extraction on the AEB benchmark (181 real pages, takes a few seconds).

Fails, never skips, when the benchmark folder is missing: see bench/aeb_eval.py for the paths.
"""

from __future__ import annotations

import pytest

from bench.aeb_eval import (
    DATA_ENV,
    Score,
    evaluate,
    load_pages,
    page_precision_recall,
    resolve_data_dir,
    score_pages,
)

ACHIEVED_F1 = 0.9711
"""F1 of extract_body measured when the gate was set (python -m bench.aeb_eval)."""
TOLERANCE = 0.002


def test_scorer_follows_the_benchmark_metric() -> None:
    assert page_precision_recall("a b c d e", "a b c d e") == (1.0, 1.0)
    assert page_precision_recall("", "") == (1.0, 1.0)
    precision, recall = page_precision_recall("a b c d x", "a b c d e f")
    assert (precision, recall) == (0.5, 1 / 3)
    assert page_precision_recall("a b", "a b") == (1.0, 1.0)  # short text: one shingle
    score = score_pages([("a b c d", "a b c d"), (None, "x y z w"), ("p q r s", "")])
    assert score.precision == pytest.approx(0.5)  # averaged over the 2 predicted pages
    assert score.recall == pytest.approx(0.5)  # averaged over the 2 expected pages
    assert score.f1 == pytest.approx(0.5)


def test_aeb_f1_gate() -> None:
    data_dir = resolve_data_dir()
    try:
        load_pages(data_dir)
    except FileNotFoundError as exc:
        pytest.fail(f"AEB benchmark data missing, set ${DATA_ENV}: {exc}")
    results = evaluate(data_dir)
    ours: Score = results["seasonnews"].score
    plain: Score = results["trafilatura"].score
    assert ours.f1 >= ACHIEVED_F1 - TOLERANCE, f"F1 dropped: {ours} (plain {plain})"
    assert ours.f1 >= plain.f1, f"below plain trafilatura: {ours} vs {plain}"
