"""CPU seconds of `Store.save` on realistic records, the way the crawl's pipeline saves them.

    .venv/bin/python bench/save_cpu.py [--pages 5000] [--repo PATH] [--profile OUT] [--db URL]

1. generates `--pages` article pages with `bench.sitegen` and extracts them with
   `crawler.extract.page.extract_page` (in a process pool; cached in `--cache`, so every run
   and every checkout saves the very same pages);
2. builds the records as the crawl does (spider item -> NormalizePipeline -> `to_record`),
   with the code of `--repo` (default: this checkout), e.g. an old revision's worktree (one
   with `crawler.items.article_item`; older ones need that helper added);
3. saves them in batches of SEASONNEWS_BATCH_SIZE into a fresh database (SQLite by default)
   and prints the process CPU seconds of the saves alone (not wall time: a busy machine does
   not change it much). `--profile OUT` writes a cProfile of the saves.

Run as a file (not `-m`) so that `--repo` decides which `crawler` and `storage` are imported.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
BASE_URL = "http://127.0.0.1:8000"


def _extract(job: tuple[str, str]) -> tuple[str, Any]:
    from crawler.extract.page import extract_page

    path, url = job
    return url, extract_page(Path(path).read_text(encoding="utf-8"), url)


def extracted_pages(pages: int, cache: Path) -> list[tuple[str, Any]]:
    """(url, ExtractedPage) of every generated article page, cached."""
    if cache.exists():
        with cache.open("rb") as handle:
            found: list[tuple[str, Any]] = pickle.load(handle)
        return found
    from bench.sitegen import generate_site

    with tempfile.TemporaryDirectory(prefix="seasonnews-save-cpu-") as tmp:
        site = generate_site(Path(tmp), pages, BASE_URL)
        jobs = [
            (str(path), BASE_URL + article.path)
            for path, article in zip(site.article_files(), site.articles, strict=True)
        ]
        with ProcessPoolExecutor() as pool:
            found = list(pool.map(_extract, jobs, chunksize=20))
    with cache.open("wb") as handle:
        pickle.dump(found, handle)
    return found


def records(pages: list[tuple[str, Any]]) -> list[Any]:
    """The records the crawl's pipeline would hand to `Store.save`."""
    from crawler.items import article_item
    from crawler.pipelines import NormalizePipeline, to_record

    normalize = NormalizePipeline()
    start = datetime(2026, 1, 1)
    found = []
    for number, (url, page) in enumerate(pages):
        if page.listing:
            continue
        item = article_item(
            page, url=url, http_status=200, fetched_at=start + timedelta(seconds=number / 50)
        )
        found.append(to_record(normalize.process_item(item)))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--repo", type=Path, default=HERE, help="checkout whose code saves")
    parser.add_argument("--cache", type=Path, help="extracted pages (default: /tmp/...)")
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file)")
    parser.add_argument("--batch", type=int, default=50, help="records per save (default 50)")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the saves here")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))  # bench.sitegen, for the cache
    sys.path.insert(0, str(args.repo.resolve()))  # first: crawler and storage of --repo
    cache = args.cache or Path(tempfile.gettempdir()) / f"seasonnews-save-cpu-{args.pages}.pickle"
    pages = extracted_pages(args.pages, cache)

    import storage
    from storage import Store

    print(f"code: {Path(storage.__file__).parent.parent}", flush=True)
    items = records(pages)
    with tempfile.TemporaryDirectory(prefix="seasonnews-save-cpu-db-") as tmp:
        store = Store(args.db or f"sqlite:///{tmp}/save.db")
        store.upgrade()
        batches = [items[i : i + args.batch] for i in range(0, len(items), args.batch)]
        profiler = None
        if args.profile:
            import cProfile

            profiler = cProfile.Profile()
        cpu, wall = time.process_time(), time.perf_counter()
        if profiler:
            profiler.enable()
        for batch in batches:
            store.save(batch)
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.profile)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        counts = store.counts()
        store.close()
    print(
        f"saved {len(items)} records in {len(batches)} batches: {cpu:.2f} CPU s "
        f"({cpu / len(items) * 1000:.2f} ms/record), {wall:.2f} s wall; {counts}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
