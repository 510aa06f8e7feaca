"""A crawl shared by worker processes over the real Redis, into the real PostgreSQL.

The site is a generated WordPress-like site of a few hundred pages on 127.0.0.1; the workers are
real `seasonnews crawl --redis` processes, seeded by `seasonnews seed`.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from redis import Redis

from bench.sitegen import generate_site
from demo.server import DemoSites
from storage import Store
from tests.conftest import FAST, ROOT, Databases, seasonnews
from tests.snapshot import snapshot, stored_articles

REDIS = os.environ.get("SEASONNEWS_TEST_REDIS", "redis://127.0.0.1:6379/0")
PAGES = 240
# Few requests at a time per worker, so the shared queue fills and both workers take from it.
WORKER = ("-s", "SEASONNEWS_REDIS_IDLE_CLOSE=4", "-s", "SEASONNEWS_EXTRACT_WORKERS=1",
          "-s", "CONCURRENT_REQUESTS=4")  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[DemoSites]:
    """A generated season-news site of PAGES articles, served with per-path hit counts."""
    root = tmp_path_factory.mktemp("shared")
    (root / "s").mkdir()
    generate_site(root / "s", PAGES, "{{SITE_S}}")
    with DemoSites(["s"], root=root) as sites:
        yield sites


@pytest.fixture
def new_db(tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Makes fresh PostgreSQL databases on the test server; drops them afterwards."""
    made = Databases("postgresql", tmp_path)
    yield made.new
    made.drop()


@pytest.fixture
def prefix() -> Iterator[str]:
    """A Redis key prefix of this test's own; its keys are deleted afterwards."""
    name = f"seasonnews-test-{uuid.uuid4().hex[:10]}"
    yield name
    server = Redis.from_url(REDIS)
    for key in server.scan_iter(match=f"{name}:*"):
        server.delete(key)


def _worker(db: str, prefix: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "crawler", "crawl", "--redis", REDIS, "--redis-prefix", prefix,
         "--db", db, *FAST, *WORKER, *extra],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _finish(worker: subprocess.Popen[str]) -> str:
    _, err = worker.communicate(timeout=300)
    assert worker.returncode == 0, err[-3000:]
    return err


def _single(site: DemoSites, db: str) -> dict[str, object]:
    seasonnews("crawl", "--sitemap", f"{site.base('s')}/robots.txt", "--db", db, *FAST)
    return snapshot(db)


def test_two_workers_fetch_every_page_once_and_store_what_one_process_stores(
    site: DemoSites, new_db, prefix: str
) -> None:
    shared = new_db()
    site.reset_hits()
    seasonnews("seed", "--redis", REDIS, "--redis-prefix", prefix,
               "--sitemap", f"{site.base('s')}/robots.txt")  # fmt: skip
    workers = [_worker(shared, prefix), _worker(shared, prefix)]
    logs = [_finish(w) for w in workers]
    hits = site.hits("s")
    # robots.txt: read by each worker's RobotsTxtMiddleware, and once as the seeded source.
    assert hits["/robots.txt"] <= 3
    twice = {path: n for path, n in hits.items() if n > 1 and path != "/robots.txt"}
    assert twice == {}
    assert sum(1 for path in hits if path.count("/") == 2 and "-season-" in path) >= PAGES * 0.9
    store = Store(shared)
    runs = store.runs()
    store.close()
    assert len(runs) == 2 and all(r["pages_fetched"] > 0 for r in runs), logs
    assert snapshot(shared) == _single(site, new_db())


def test_a_worker_killed_midway_loses_no_page(site: DemoSites, new_db, prefix: str) -> None:
    shared = new_db()
    seasonnews("seed", "--redis", REDIS, "--redis-prefix", prefix,
               "--sitemap", f"{site.base('s')}/robots.txt")  # fmt: skip
    slow = ("-s", "DOWNLOAD_DELAY=0.05", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2")
    doomed = _worker(shared, prefix, *slow, "-s", "SEASONNEWS_BATCH_SIZE=5")
    survivor = _worker(shared, prefix, *slow, "-s", "SEASONNEWS_REDIS_IDLE_CLOSE=20")
    server = Redis.from_url(REDIS)
    held = f"{prefix}:season_news:inflight:{socket.gethostname()}-{doomed.pid}-*"
    deadline = time.monotonic() + 120
    stored = holding = 0
    while time.monotonic() < deadline and doomed.poll() is None:
        time.sleep(0.2)
        if stored_articles(shared) < 30:
            continue
        doomed.send_signal(signal.SIGSTOP)  # frozen: what it holds cannot change now
        holding, stored = (
            sum(server.hlen(k) for k in server.scan_iter(match=held)),
            stored_articles(shared),
        )
        if holding:
            break
        doomed.send_signal(signal.SIGCONT)
    # Killed while it holds requests it has not stored yet.
    assert holding and 30 <= stored < PAGES * 0.9, "the crawl ended before the kill"
    doomed.send_signal(signal.SIGKILL)
    doomed.wait(timeout=30)
    assert doomed.stderr is not None
    doomed.stderr.close()  # its extraction workers may hold the pipe a little longer
    err = _finish(survivor)
    assert "requeued" in err  # the dead worker's requests went back to the queue
    got, want = snapshot(shared), _single(site, new_db())
    for part in want:
        assert got[part] == want[part], (part, set(map(str, got[part])) ^ set(map(str, want[part])))
