"""End-to-end benchmark: crawl a generated season-news site through the real `seasonnews crawl`.

    .venv/bin/python -m bench.e2e [--pages 3000] [--workers W] [--raw-sample N] [--keep]

1. generates `--pages` article pages with `bench.sitegen` (WordPress-like themes, sitemap index);
2. serves them on 127.0.0.1 from a static file server in a separate process;
3. times plain `trafilatura.extract(html)` over the pages, read from disk first, in this one
   process: the single-core reference rate;
4. runs the crawl as a subprocess (discovery through the sitemap index), sampling every 0.2 s the
   summed RSS of the crawler and its children (the extraction workers) and the CPU use;
5. reads the database and prints the figures; exits 1 when the crawl failed or stored fewer
   articles than pages were generated.

Goals (from the issue): end-to-end rate >= 1.5x the single-process raw extraction rate on a 2-core
machine, and a peak RSS of the crawler tree under 400 MB for 5000 pages.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import psutil

from bench.sitegen import Site, generate_site

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("articles", "article_urls", "article_seasons", "related_links", "shows", "seasons")
"""Tables whose rows count as "database rows written"."""
SAMPLE_SECONDS = 0.2
GOAL_RATIO = 1.5
GOAL_RSS_MB = 400.0
MB = 1024 * 1024


# -- static file server (runs in its own process) ----------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like any real web server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def list_directory(self, path: Any) -> None:
        # A web server answers 404, not a listing, for a folder without index.html.
        self.send_error(404, "Not Found")


def serve(directory: str) -> None:
    """Serve `directory` on 127.0.0.1, a free port; print the port, then serve forever."""

    def handler(*args: Any, **kwargs: Any) -> _QuietHandler:
        return _QuietHandler(*args, directory=directory, **kwargs)

    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()


def start_server(directory: Path) -> tuple[subprocess.Popen[str], int]:
    """The file server process and its port."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.e2e", "--serve", str(directory)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.strip().isdigit():
        process.kill()
        raise RuntimeError(f"file server did not start: {line!r}")
    return process, int(line)


# -- raw extraction ----------------------------------------------------------------------


def raw_rate(files: Sequence[Path]) -> tuple[float, int]:
    """Pages/s of plain `trafilatura.extract(html)` (default options) in this process."""
    import trafilatura

    pages = [f.read_text(encoding="utf-8") for f in files]  # I/O excluded from the timing
    trafilatura.extract(pages[0])  # imports and lazy initialisation excluded too
    start = time.perf_counter()
    for html in pages:
        trafilatura.extract(html)
    return len(pages) / (time.perf_counter() - start), len(pages)


# -- crawl -------------------------------------------------------------------------------


@dataclass
class Sampled:
    """What the sampler saw during the crawl."""

    root_pid: int = 0
    peak_rss: int = 0
    peak_main_rss: int = 0
    peak_children_rss: int = 0
    peak_children: int = 0
    cpu_samples: list[float] = field(default_factory=list)
    busy_seconds: float = 0.0
    """CPU seconds the whole machine spent (all processes) during the crawl."""
    cpu_seconds: dict[int, float] = field(default_factory=dict)
    """Last seen user+system CPU seconds of every process of the crawler tree, by pid."""
    names: dict[int, str] = field(default_factory=dict)

    def main_cpu(self) -> float:
        return self.cpu_seconds.get(self.root_pid, 0.0)

    def children_cpu(self) -> float:
        return sum(v for k, v in self.cpu_seconds.items() if k not in (self.root_pid, -1))


def _cpu(proc: psutil.Process) -> float:
    times = proc.cpu_times()
    return float(times.user + times.system)


def run_crawl(
    command: list[str], log: Path, server: psutil.Process, cwd: Path = ROOT
) -> tuple[int, float, Sampled]:
    """Run the crawl; (exit status, wall seconds, samples)."""
    sampled = Sampled()
    psutil.cpu_percent(interval=None)
    machine = psutil.cpu_times()
    server_cpu = _cpu(server)
    with log.open("w") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        root = psutil.Process(process.pid)
        sampled.root_pid = process.pid
        while process.poll() is None:
            time.sleep(SAMPLE_SECONDS)
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            total = main = 0
            for proc in tree:
                try:
                    with proc.oneshot():
                        rss = proc.memory_info().rss
                        sampled.cpu_seconds[proc.pid] = _cpu(proc)
                        if proc.pid not in sampled.names:
                            sampled.names[proc.pid] = " ".join(proc.cmdline()[-2:])[:60]
                except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
                    continue
                total += rss
                if proc.pid == root.pid:
                    main = rss
            sampled.peak_rss = max(sampled.peak_rss, total)
            sampled.peak_main_rss = max(sampled.peak_main_rss, main)
            sampled.peak_children_rss = max(sampled.peak_children_rss, total - main)
            sampled.peak_children = max(sampled.peak_children, len(tree) - 1)
            sampled.cpu_samples.append(psutil.cpu_percent(interval=None))
        status = process.wait()
        wall = time.perf_counter() - start
    after = psutil.cpu_times()
    sampled.busy_seconds = sum(
        getattr(after, f) - getattr(machine, f)
        for f in ("user", "system", "nice", "irq", "softirq")
    )
    sampled.names[-1] = "file server"
    sampled.cpu_seconds[-1] = _cpu(server) - server_cpu
    return status, wall, sampled


# -- database ----------------------------------------------------------------------------


@dataclass
class DbFigures:
    counts: dict[str, int]
    errors_by_reason: dict[str, int]
    missing: list[str]
    missing_errors: dict[str, int]
    stats: dict[str, Any]


def read_db(path: Path, site: Site) -> DbFigures:
    """Row counts, errors, and which generated articles are not stored."""
    db = sqlite3.connect(path)
    try:
        counts = {
            table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in (*TABLES, "crawl_errors", "crawl_runs")
        }
        errors = dict(
            db.execute("SELECT reason, count(*) FROM crawl_errors GROUP BY reason ORDER BY 2 DESC")
        )
        stored = {url for (url,) in db.execute("SELECT url FROM article_urls")}
        missing = [u for u in site.article_urls() if u.rstrip("/") not in stored]
        missing_errors: dict[str, int] = {}
        for url in missing:
            for (reason,) in db.execute(
                "SELECT reason FROM crawl_errors WHERE url IN (?, ?)", (url, url.rstrip("/"))
            ):
                missing_errors[reason] = missing_errors.get(reason, 0) + 1
        row = db.execute("SELECT stats FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()
        stats = json.loads(row[0]) if row and row[0] else {}
    finally:
        db.close()
    return DbFigures(counts, errors, missing, missing_errors, stats)


# -- main --------------------------------------------------------------------------------


def crawl_command(
    sitemap: str,
    db_path: Path,
    workers: int | None,
    repo: Path | None = None,
    extra: Sequence[str] = (),
) -> list[str]:
    """The crawl command; with `repo`, `python -m crawler` run from that checkout instead."""
    exe = [str(Path(sys.executable).with_name("seasonnews"))]
    if repo is not None:
        exe = [sys.executable, "-m", "crawler"]
    settings = [
        "DOWNLOAD_DELAY=0",
        "AUTOTHROTTLE_ENABLED=False",
        "ROBOTSTXT_OBEY=True",
        "LOG_LEVEL=WARNING",
        "CONCURRENT_REQUESTS_PER_DOMAIN=32",
        "CONCURRENT_REQUESTS=32",
        "DEPTH_LIMIT=0",
    ]
    if workers is not None:
        settings.append(f"SEASONNEWS_EXTRACT_WORKERS={workers}")
    settings.extend(extra)
    command = [*exe, "crawl", "--sitemap", sitemap, "--db", f"sqlite:///{db_path}"]
    for setting in settings:
        command += ["-s", setting]
    return command


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.e2e", description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=3000, help="article pages (default 3000)")
    parser.add_argument("--workers", type=int, help="SEASONNEWS_EXTRACT_WORKERS (default: unset)")
    parser.add_argument(
        "--raw-sample",
        type=int,
        default=1000,
        help="pages timed with plain trafilatura, evenly spread (0: all; default 1000)",
    )
    parser.add_argument("--seed", type=int, default=20240501, help="site generator seed")
    parser.add_argument("--keep", action="store_true", help="keep the site, database and log")
    parser.add_argument(
        "--repo",
        type=Path,
        help="crawl with `python -m crawler` from this checkout (to measure a change on a copy)",
    )
    parser.add_argument(
        "-s",
        dest="settings",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extra Scrapy setting for the crawl (repeatable)",
    )
    parser.add_argument("--serve", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.serve)
        return 0

    tmp = Path(tempfile.mkdtemp(prefix="seasonnews-bench-"))
    site_dir, db_path, log = tmp / "site", tmp / "bench.db", tmp / "crawl.log"
    site_dir.mkdir()
    server, port = start_server(site_dir)
    try:
        started = time.perf_counter()
        site = generate_site(site_dir, args.pages, f"http://127.0.0.1:{port}", args.seed)
        print(
            f"site: {len(site.articles)} articles about {len({a.show for a in site.articles})} "
            f"shows, {site.total_bytes / len(site.articles) / 1024:.0f} KB per page, "
            f"generated in {time.perf_counter() - started:.1f} s in {tmp}",
            flush=True,
        )
        files = site.article_files()
        if 0 < args.raw_sample < len(files):
            step = len(files) / args.raw_sample
            files = [files[int(i * step)] for i in range(args.raw_sample)]
        raw, raw_pages = raw_rate(files)
        print(f"raw trafilatura.extract: {raw:.1f} pages/s over {raw_pages} pages", flush=True)

        command = crawl_command(site.sitemap_url, db_path, args.workers, args.repo, args.settings)
        cwd = args.repo.resolve() if args.repo else ROOT
        print(f"command: (cd {cwd} && {shlex.join(command)})", flush=True)
        status, wall, sampled = run_crawl(command, log, psutil.Process(server.pid), cwd)
    finally:
        server.terminate()
        server.wait()

    if not db_path.exists():
        print(f"crawl failed (exit {status}), no database; log {log}:")
        print(log.read_text()[-3000:])
        return 1
    figures = read_db(db_path, site)
    report(args.pages, raw, wall, status, sampled, figures)
    log_tail = log.read_text().strip().splitlines()[-15:]
    if log_tail:
        print("crawl log (last lines):")
        print("\n".join(f"  {line}" for line in log_tail))

    failed = status != 0 or figures.missing
    if figures.missing:
        why = ", ".join(f"{r}: {n}" for r, n in figures.missing_errors.items()) or "no error row"
        print(f"FAILED: {len(figures.missing)} of {args.pages} articles not stored ({why})")
        for url in figures.missing[:5]:
            print(f"  missing {url}")
    if status != 0:
        print(f"FAILED: the crawl exited with status {status}; log {log}")
    if args.keep or failed:
        print(f"kept {tmp}")
    else:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


def report(
    pages: int, raw: float, wall: float, status: int, sampled: Sampled, db: DbFigures
) -> None:
    rate = db.counts["articles"] / wall
    rows = sum(db.counts[t] for t in TABLES)
    cpu = sum(sampled.cpu_samples) / len(sampled.cpu_samples) if sampled.cpu_samples else 0.0
    ratio = rate / raw
    peak_mb = sampled.peak_rss / MB
    stats = db.stats
    ours = sampled.main_cpu() + sampled.children_cpu() + sampled.cpu_seconds.get(-1, 0.0)
    other = max(0.0, sampled.busy_seconds - ours)
    lines = [
        ("pages generated", f"{pages}"),
        ("articles stored", f"{db.counts['articles']}"),
        ("crawl exit status", f"{status}"),
        ("crawl wall time", f"{wall:.1f} s"),
        ("end-to-end rate", f"{rate:.1f} pages/s"),
        ("raw trafilatura rate", f"{raw:.1f} pages/s (one process)"),
        (
            "ratio e2e/raw",
            f"{ratio:.2f}x (goal >= {GOAL_RATIO}x: {'met' if ratio >= GOAL_RATIO else 'NOT met'})",
        ),
        (
            "peak RSS crawler tree",
            f"{peak_mb:.0f} MB (goal < {GOAL_RSS_MB:.0f} MB for 5000 pages: "
            f"{'met' if peak_mb < GOAL_RSS_MB else 'NOT met'})",
        ),
        (
            "  of which",
            f"main process {sampled.peak_main_rss / MB:.0f} MB, children "
            f"{sampled.peak_children_rss / MB:.0f} MB ({sampled.peak_children} processes)",
        ),
        ("db rows written", f"{rows} ({rows / wall:.0f} rows/s)"),
        ("  per table", ", ".join(f"{t} {db.counts[t]}" for t in TABLES)),
        ("average CPU", f"{cpu:.0f}% of {psutil.cpu_count()} cores"),
        (
            "CPU seconds",
            f"crawler main {sampled.main_cpu():.1f}, extraction workers "
            f"{sampled.children_cpu():.1f}, file server {sampled.cpu_seconds.get(-1, 0.0):.1f}, "
            f"other processes {other:.1f} (wall x cores = {wall * (psutil.cpu_count() or 1):.1f})",
        ),
        (
            "requests",
            f"{stats.get('downloader/request_count', '?')} sent, "
            f"{stats.get('downloader/response_count', '?')} responses, "
            f"{stats.get('item_scraped_count', '?')} items, "
            f"{stats.get('item_dropped_count', 0)} dropped",
        ),
        (
            "crawl_errors",
            ", ".join(f"{r} {n}" for r, n in db.errors_by_reason.items()) or "none",
        ),
    ]
    width = max(len(name) for name, _ in lines)
    for name, value in lines:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    sys.exit(main())
