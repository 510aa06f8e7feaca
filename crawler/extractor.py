"""Runs the pure extraction off the reactor, in a pool of processes sized to the CPUs."""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from crawler.extract.page import extract_page
from crawler.extract.types import ExtractedPage

logger = logging.getLogger(__name__)


def _warm_up(crawler_pid: int) -> None:
    """Import the heavy modules once per worker, before the first page arrives, and watch the
    crawler: a worker whose crawler was killed (SIGKILL gives it no chance to stop its pool)
    exits instead of lingering."""
    threading.Thread(target=_exit_with, args=(crawler_pid,), daemon=True).start()
    extract_page("<html><body><p>warm up</p></body></html>", "http://localhost/")


def _exit_with(pid: int) -> None:
    while True:
        time.sleep(WATCH_SECONDS)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:  # alive, another user's (pid reused): keep watching
            pass


WATCH_SECONDS = 2.0


class ExtractorPool:
    """`await pool.extract(html, url)` without blocking the event loop.

    A worker that dies (killed, out of memory) breaks a process pool for good; the pool is
    then replaced and the page tried once more, so one bad page cannot stop the crawl.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor = self._start()

    def _start(self) -> Executor:
        if self.workers <= 0:
            return ThreadPoolExecutor(max_workers=1)
        # forkserver: never fork the process that runs the reactor and its threads. Preload
        # nothing in it (the default re-imports the crawler's whole __main__ there): the workers
        # import what extraction needs themselves.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([])
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_warm_up,
            initargs=(os.getpid(),),
        )

    async def extract(self, html: str, url: str) -> ExtractedPage:
        """Extract one page in a worker."""
        executor = self._executor
        try:
            return await asyncio.wrap_future(executor.submit(extract_page, html, url))
        except BrokenProcessPool:
            if executor is self._executor:  # the first of the failed pages replaces the pool
                logger.warning("an extraction worker died (at %s); restarting the pool", url)
                executor.shutdown(wait=False, cancel_futures=True)
                self._executor = self._start()
            return await asyncio.wrap_future(self._executor.submit(extract_page, html, url))

    def close(self) -> None:
        """Stop the workers."""
        self._executor.shutdown(wait=True, cancel_futures=True)
