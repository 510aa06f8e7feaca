"""Per-field accuracy of season intelligence on the labelled pages in tests/fixtures/claims/.

Each page runs through the real `extract_page` (body, headline, show-season, claims, summary)
and is compared with its labels (labels_*.toml, one [[page]] per file; docs/CLAIMS.md defines
the values):

* show+season: the main show-season found (same show by `storage.identity.same_show`, same
  number), or none for a page that is not season news; over every page.
* status, release date, platform: the article's summary, over the season-news pages.
* hedged: whether the release date is speculation, over pages whose date is right.

    python -m bench.claims_eval          # the table
    python -m bench.claims_eval -v       # and every miss
"""

from __future__ import annotations

import argparse
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crawler.extract.page import extract_page
from crawler.extract.seasons import show_key
from storage.identity import same_show

PAGES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "claims"
FIELDS = ("show_season", "status", "release_date", "platform", "hedged")


@dataclass
class Report:
    """Hits and totals per field, and the misses."""

    hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    totals: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0

    def accuracy(self, name: str) -> float:
        return self.hits[name] / self.totals[name] if self.totals[name] else 0.0

    def count(self, name: str, ok: bool, file: str, expected: Any, got: Any) -> None:
        self.totals[name] += 1
        if ok:
            self.hits[name] += 1
        else:
            self.misses.append((file, name, str(expected), str(got)))


def load_labels(folder: Path = PAGES) -> list[dict[str, Any]]:
    """Every labelled page, in file order."""
    pages: list[dict[str, Any]] = []
    for labels in sorted(folder.glob("labels_*.toml")):
        with labels.open("rb") as f:
            pages.extend(tomllib.load(f)["page"])
    return sorted(pages, key=lambda p: p["file"])


def evaluate(folder: Path = PAGES) -> Report:
    """Run extraction on every labelled page and score it."""
    report = Report()
    started = time.perf_counter()
    for label in load_labels(folder):
        html = (folder / label["file"]).read_text(encoding="utf-8", errors="replace")
        page = extract_page(html, label["url"])
        report.pages += 1
        main = page.show_seasons[0] if page.show_seasons else None
        file = label["file"]
        if not label["show"]:
            report.count("show_season", main is None, file, "not season news", main)
            continue
        got_show = f"{main.show} S{main.season}" if main else None
        right = (
            main is not None
            and main.season == label["season"]
            and same_show(main.show_key, show_key(label["show"]))
        )
        report.count("show_season", right, file, f"{label['show']} S{label['season']}", got_show)
        summary = page.summary
        status = summary.status if summary else None
        date = (summary.release_date if summary else None) or ""
        platform = (summary.platform if summary else None) or ""
        report.count("status", status == label["status"], file, label["status"], status)
        report.count("release_date", date == label["release_date"], file,
                     label["release_date"], date)  # fmt: skip
        report.count("platform", platform == label["platform"], file, label["platform"], platform)
        if date and date == label["release_date"]:
            hedged = bool(summary and summary.release_hedged)
            report.count("hedged", hedged == label["hedged_date"], file, label["hedged_date"],
                         hedged)  # fmt: skip
    report.seconds = time.perf_counter() - started
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--pages", type=Path, default=PAGES, help="folder of labelled pages")
    args = parser.parse_args()
    report = evaluate(args.pages)
    print(f"{report.pages} labelled pages ({report.seconds:.1f} s)")
    print(f"{'field':<14}{'right':>7}{'of':>6}{'accuracy':>10}")
    for name in FIELDS:
        print(
            f"{name:<14}{report.hits[name]:>7}{report.totals[name]:>6}"
            f"{report.accuracy(name):>10.1%}"
        )
    if args.verbose:
        for file, name, expected, got in report.misses:
            print(f"  {file:<45} {name:<13} expected {expected!r:<28} got {got!r}")


if __name__ == "__main__":
    main()
