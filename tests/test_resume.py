"""A crawl killed with SIGKILL and resumed with its --jobdir ends with the same database."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from scrapy import Request

from crawler.frontier import Journal
from storage import Store
from tests.conftest import FAST, ROOT, Databases, seasonnews
from tests.snapshot import snapshot, stored_articles

SLOW = ("-s", "DOWNLOAD_DELAY=0.25", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
        "-s", "SEASONNEWS_BATCH_SIZE=2", "-s", "SEASONNEWS_FLUSH_SECONDS=0.2")  # fmt: skip


def test_sigkill_then_resume_matches_uninterrupted_crawl(
    demo_sites, databases: Databases, tmp_path: Path
) -> None:
    start = ("--url", demo_sites.url("a", "/"), "--sitemap", demo_sites.url("a", "/robots.txt"))
    reference = databases.new("reference")
    seasonnews("crawl", *start, "--db", reference, *FAST)
    expected = snapshot(reference)
    assert expected["counts"]["articles"] >= 10

    killed = databases.new("killed")
    jobdir = str(tmp_path / "job")
    command = [sys.executable, "-m", "crawler", "crawl", *start, "--db", killed,
               "--jobdir", jobdir, *FAST, *SLOW]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while stored_articles(killed) < 4 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the crawl ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    stored = stored_articles(killed)
    assert 4 <= stored < expected["counts"]["articles"]

    seasonnews("crawl", *start, "--db", killed, "--jobdir", jobdir, *FAST)
    assert snapshot(killed) == expected
    # A third run on the finished job folder (a daily job reusing it) is a new crawl, not an
    # empty resume: it reads the start pages again, and on an unchanged site changes nothing.
    seasonnews("crawl", *start, "--db", killed, "--jobdir", jobdir, *FAST)
    assert snapshot(killed) == expected
    last = Store(killed).runs()[-1]
    assert last["pages_fetched"] > 0 and (last["new"], last["changed"]) == (0, 0)


def test_a_finished_journal_starts_a_new_crawl(tmp_path) -> None:
    request = Request("http://127.0.0.1/a")
    journal = Journal(tmp_path)
    assert journal.add("fp-a", request) and journal.add("fp-b", Request("http://127.0.0.1/b"))
    journal.mark_done(["http://127.0.0.1/a"])
    journal.close()
    resumed = Journal(tmp_path)  # killed with /b pending: resume it
    assert resumed.resumed and resumed.pending() == [("http://127.0.0.1/b", "parse_page", 0)]
    assert not resumed.add("fp-a", request)
    resumed.mark_done(["http://127.0.0.1/b"])
    resumed.close()
    fresh = Journal(tmp_path)  # everything done: the next crawl starts over
    assert not fresh.resumed and fresh.pending() == [] and fresh.add("fp-a", request)
    fresh.close()
