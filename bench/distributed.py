"""Pages/s of a crawl shared by 1, 2 and 4 workers over Redis, into PostgreSQL.

`python -m bench.distributed [--pages 1200] [--latency 0.3] [--concurrency 4] [--workers 1,2,4]`

A generated season-news site (bench.sitegen) is served from another process on 127.0.0.1 by a
server that answers every request after a fixed `--latency`, as a remote site does. For each
worker count: a fresh PostgreSQL database and Redis key prefix, `seasonnews seed`, then that many
`seasonnews crawl --redis` workers, each with `--concurrency` requests at a time (the politeness
one worker keeps towards a site) and one extraction process. The time is from the seed until the
database holds every article (the workers' idle wait at the end is not counted; they are then
told to stop). The workers are started first and the clock starts at the seed, as with
long-running workers waiting for work. Goal: 2 workers at least 1.8x one.
"""

from __future__ import annotations

import argparse
import functools
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from redis import Redis
from sqlalchemy import create_engine, text

from bench.pgdb import pg_database
from bench.sitegen import generate_site

ROOT = Path(__file__).resolve().parents[1]
PG = os.environ.get("SEASONNEWS_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("SEASONNEWS_BENCH_REDIS", "redis://127.0.0.1:6379/0")


class _SlowHandler(SimpleHTTPRequestHandler):
    latency = 0.3

    def do_GET(self) -> None:
        time.sleep(self.latency)
        super().do_GET()

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(directory: str, latency: float) -> None:
    """Serve `directory` with a fixed latency; print the port, then serve forever."""
    handler = functools.partial(_SlowHandler, directory=directory)
    _SlowHandler.latency = latency
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()


def seasonnews(*args: str) -> list[str]:
    return [sys.executable, "-m", "crawler", *args]


def run(workers: int, base: str, articles: int, concurrency: int) -> float:
    """Seconds until `workers` workers stored every article of the site."""
    with pg_database(PG, f"seasonnews_bench_dist_{os.getpid()}_{workers}") as db:
        return _timed(workers, base, articles, concurrency, db)


def _timed(workers: int, base: str, articles: int, concurrency: int, db: str) -> float:
    prefix = f"seasonnews-bench-{uuid.uuid4().hex[:8]}"
    settings = [
        "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING",
        "-s", f"CONCURRENT_REQUESTS={concurrency}",
        "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={concurrency}",
        "-s", "SEASONNEWS_EXTRACT_WORKERS=1", "-s", "SEASONNEWS_REDIS_IDLE_CLOSE=600",
    ]  # fmt: skip
    redis = ["--redis", REDIS, "--redis-prefix", prefix]
    engine = create_engine(db)
    try:
        # The schema first, so that polling the article count never races the migration.
        subprocess.run(seasonnews("db", "upgrade", "--db", db), cwd=ROOT, check=True,
                       capture_output=True)  # fmt: skip
        logs = [tempfile.TemporaryFile("w+") for _ in range(workers)]  # noqa: SIM115 (closed below)
        procs = [
            subprocess.Popen(seasonnews("crawl", *redis, "--db", db, *settings), cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=log)
            for log in logs
        ]  # fmt: skip
        # Workers run for good and wait for work: time the crawl, not their start-up.
        server = Redis.from_url(REDIS)
        while len(list(server.scan_iter(match=f"{prefix}:season_news:alive:*"))) < workers:
            time.sleep(0.1)
            if any(p.poll() is not None for p in procs):
                raise RuntimeError("a worker ended before the crawl:\n" + _tail(logs))
        start = time.perf_counter()
        subprocess.run(seasonnews("seed", *redis, "--sitemap", f"{base}/robots.txt"),
                       cwd=ROOT, check=True, capture_output=True)  # fmt: skip
        stored = 0
        while stored < articles:
            time.sleep(0.2)
            with engine.connect() as conn:
                stored = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
            if all(p.poll() is not None for p in procs):
                raise RuntimeError(
                    f"the workers ended with {stored}/{articles} articles:\n" + _tail(logs)
                )
        seconds = time.perf_counter() - start
        subprocess.run(seasonnews("seed", *redis, "--stop"), cwd=ROOT, check=True,
                       capture_output=True)  # fmt: skip
        for proc in procs:
            proc.wait(timeout=120)
        for log in logs:
            log.close()
        return seconds
    finally:
        engine.dispose()
        server = Redis.from_url(REDIS)
        for key in server.scan_iter(match=f"{prefix}:*"):
            server.delete(key)


def _tail(logs: Sequence[Any]) -> str:
    logs[0].seek(0)
    return str(logs[0].read()[-3000:])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.distributed", description=__doc__)
    parser.add_argument("--pages", type=int, default=1200)
    parser.add_argument("--latency", type=float, default=0.3, help="seconds per response")
    parser.add_argument("--concurrency", type=int, default=4, help="requests at a time per worker")
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--serve", nargs=2, metavar=("DIR", "LATENCY"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.serve[0], float(args.serve[1]))
        return 0
    with tempfile.TemporaryDirectory(prefix="seasonnews-bench-dist-") as folder:
        server = subprocess.Popen(
            [sys.executable, "-m", "bench.distributed", "--serve", folder, str(args.latency)],
            cwd=ROOT, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            assert server.stdout is not None
            base = f"http://127.0.0.1:{int(server.stdout.readline())}"
            site = generate_site(Path(folder), args.pages, base)
            print(
                f"site: {len(site.articles)} articles, {args.latency * 1000:.0f} ms per response; "
                f"{args.concurrency} requests at a time per worker, 1 extraction process each; "
                f"{os.cpu_count()} CPUs",
                flush=True,
            )
            rows = []
            for count in (int(n) for n in args.workers.split(",")):
                seconds = run(count, base, len(site.articles), args.concurrency)
                rows.append((count, seconds, len(site.articles) / seconds))
                print(f"  {count} worker(s): {seconds:.1f} s", flush=True)
        finally:
            server.kill()
            server.wait()
    one = rows[0][2]
    print("\n| workers | seconds | pages/s | vs 1 worker |\n|---|---|---|---|")
    for count, seconds, rate in rows:
        print(f"| {count} | {seconds:.1f} | {rate:.1f} | {rate / one:.2f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
