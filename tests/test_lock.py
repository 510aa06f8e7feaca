"""One crawl per database at a time, on SQLite and PostgreSQL; the lock dies with its holder."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from storage import Store
from storage.lock import DatabaseBusy, crawl_lock
from tests.conftest import FAST, ROOT, seasonnews

HOLDER = """
import sys, time
from storage import Store
from storage.lock import crawl_lock
store = Store(sys.argv[1])
with crawl_lock(store.engine):
    print("locked", flush=True)
    time.sleep(600)
"""


def test_second_crawl_refuses_with_one_line(db_url: str, demo_sites) -> None:
    store = Store(db_url)
    store.upgrade()
    start = ("--url", f"{demo_sites.base('a')}/", "--max-pages", "3")
    with crawl_lock(store.engine):
        other = Store(store.url)
        with pytest.raises(DatabaseBusy), crawl_lock(other.engine):
            pass
        other.close()
        result = seasonnews("crawl", *start, "--db", store.url, *FAST, check=False)
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "another crawl is writing to this database" in lines[0]
        assert store.runs() == []  # refused before anything was written
    seasonnews("crawl", *start, "--db", store.url, *FAST)
    assert len(store.runs()) == 1
    store.close()


def test_wait_runs_after_the_holder_ends(store: Store, demo_sites) -> None:
    with crawl_lock(store.engine):
        waiting = subprocess.Popen(
            [sys.executable, "-m", "crawler", "crawl", "--url", f"{demo_sites.base('a')}/",
             "--max-pages", "2", "--wait", "--db", store.url, *FAST],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        time.sleep(3)  # give it time to reach the lock: it must still be waiting
        assert waiting.poll() is None
        assert store.runs() == []
    _, err = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, err[-2000:]
    assert len(store.runs()) == 1


def test_a_killed_holder_leaves_no_lock(store: Store) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, store.url], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    with pytest.raises(DatabaseBusy, match="another crawl"), crawl_lock(store.engine):
        pass
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    holder.stdout.close()
    with crawl_lock(store.engine):  # free again
        pass
