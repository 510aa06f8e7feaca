"""Score body extraction on the Article Extraction Benchmark (AEB) public set.

Run with ``python -m bench.aeb_eval [--data DIR]``. The data folder holds ``html/<id>.html.gz``
and ``ground-truth.json`` (see its SOURCE.md). Two extractors are compared: plain
``trafilatura.extract(html, include_comments=False)`` and the project's ``extract_body``.

Metric (as SOURCE.md describes it): tokens are ``\\w+`` runs, shingles are runs of 4 tokens
counted as a multiset (a shorter non-empty text is one shingle); precision is averaged over the
pages with a prediction, recall over the pages with an expectation, F1 is taken of the averages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from crawler.extract.body import extract_body

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "aeb"
DATA_ENV = "SEASONNEWS_AEB"
SHINGLE_SIZE = 4
_TOKEN_RE = re.compile(r"\w+")

Extractor = Callable[[str, str], str | None]


@dataclass(frozen=True, slots=True)
class Page:
    """One benchmark page: its id, URL, HTML text and expected body."""

    page_id: str
    url: str
    html: str
    expected: str


@dataclass(frozen=True, slots=True)
class Score:
    """Averaged precision and recall over a set of pages, and the F1 of the averages."""

    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class RunResult:
    """Score and timing of one extractor over the benchmark."""

    name: str
    score: Score
    seconds_per_page: float


def shingles(text: str | None) -> Counter[tuple[str, ...]]:
    """Multiset of the 4-token shingles of a text (one shingle when it has 1-3 tokens)."""
    tokens = _TOKEN_RE.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < SHINGLE_SIZE:
        return Counter([tuple(tokens)])
    return Counter(
        tuple(tokens[i : i + SHINGLE_SIZE]) for i in range(len(tokens) - SHINGLE_SIZE + 1)
    )


def page_precision_recall(predicted: str | None, expected: str | None) -> tuple[float, float]:
    """Precision and recall of one predicted body against the expected one."""
    pred, true = shingles(predicted), shingles(expected)
    tp = sum((pred & true).values())
    fp = sum(pred.values()) - tp
    fn = sum(true.values()) - tp
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def score_pages(pairs: Iterable[tuple[str | None, str | None]]) -> Score:
    """Score (predicted, expected) body pairs with the AEB metric."""
    precisions: list[float] = []
    recalls: list[float] = []
    for predicted, expected in pairs:
        precision, recall = page_precision_recall(predicted, expected)
        if shingles(predicted):
            precisions.append(precision)
        if shingles(expected):
            recalls.append(recall)
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Score(precision=p, recall=r, f1=f1)


def resolve_data_dir(cli_value: str | None = None) -> Path:
    """The benchmark folder: --data, else $SEASONNEWS_AEB, else ../shared/data/aeb."""
    return Path(cli_value or os.environ.get(DATA_ENV) or DEFAULT_DATA)


def load_pages(data_dir: Path) -> list[Page]:
    """Read every page with a ground truth; FileNotFoundError when the folder is incomplete."""
    truth_path = data_dir / "ground-truth.json"
    if not truth_path.is_file():
        raise FileNotFoundError(
            f"AEB data not found: {truth_path} is missing "
            f"(pass --data or set ${DATA_ENV} to the folder holding html/ and ground-truth.json)"
        )
    truth: Mapping[str, Mapping[str, str]] = json.loads(truth_path.read_text("utf-8"))
    pages = []
    for page_id, entry in sorted(truth.items()):
        raw = gzip.decompress((data_dir / "html" / f"{page_id}.html.gz").read_bytes())
        html = raw.decode("utf-8", errors="replace")
        pages.append(Page(page_id, entry["url"], html, entry.get("articleBody") or ""))
    return pages


def plain_trafilatura(html: str, url: str) -> str | None:
    """The reference: trafilatura with its defaults, comments off."""
    return trafilatura.extract(html, url=url, include_comments=False)


def project_extractor(html: str, url: str) -> str | None:
    """The project's pipeline: related-link and boilerplate removal, then trafilatura."""
    try:
        return extract_body(html, url).body
    except ValueError:
        return None


EXTRACTORS: dict[str, Extractor] = {
    "trafilatura": plain_trafilatura,
    "seasonnews": project_extractor,
}


def run_extractor(name: str, extractor: Extractor, pages: Sequence[Page]) -> RunResult:
    """Extract every page with one extractor; score it and time it."""
    predictions: list[str | None] = []
    start = time.perf_counter()
    for page in pages:
        predictions.append(extractor(page.html, page.url))
    elapsed = time.perf_counter() - start
    score = score_pages(zip(predictions, (p.expected for p in pages), strict=True))
    return RunResult(name, score, elapsed / max(len(pages), 1))


def evaluate(data_dir: Path, names: Sequence[str] = tuple(EXTRACTORS)) -> dict[str, RunResult]:
    """Run the named extractors over the benchmark folder."""
    pages = load_pages(data_dir)
    return {name: run_extractor(name, EXTRACTORS[name], pages) for name in names}


def format_result(result: RunResult) -> str:
    """One printable line per extractor."""
    s = result.score
    return (
        f"{result.name:<12} P {s.precision:.4f}  R {s.recall:.4f}  F1 {s.f1:.4f}  "
        f"{result.seconds_per_page * 1000:.1f} ms/page"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help=f"benchmark folder (default ${DATA_ENV} or {DEFAULT_DATA})")
    parser.add_argument("--only", choices=sorted(EXTRACTORS), action="append")
    args = parser.parse_args(argv)
    try:
        results = evaluate(resolve_data_dir(args.data), args.only or tuple(EXTRACTORS))
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 2
    for result in results.values():
        print(format_result(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
