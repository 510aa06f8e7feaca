"""Runs the pure extraction off the reactor, in a pool of processes sized to the CPUs."""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

from crawler.extract.page import extract_page
from crawler.extract.types import ExtractedPage


def _warm_up() -> None:
    """Import the heavy modules once per worker, before the first page arrives."""
    extract_page("<html><body><p>warm up</p></body></html>", "http://localhost/")


class ExtractorPool:
    """`await pool.extract(html, url)` without blocking the event loop."""

    def __init__(self, workers: int) -> None:
        self._executor: Executor
        if workers > 0:
            # forkserver: never fork the process that runs the reactor and its threads.
            context = multiprocessing.get_context("forkserver")
            self._executor = ProcessPoolExecutor(
                max_workers=workers, mp_context=context, initializer=_warm_up
            )
        else:
            self._executor = ThreadPoolExecutor(max_workers=1)

    async def extract(self, html: str, url: str) -> ExtractedPage:
        """Extract one page in a worker."""
        future = self._executor.submit(extract_page, html, url)
        return await asyncio.wrap_future(future)

    def close(self) -> None:
        """Stop the workers."""
        self._executor.shutdown(wait=True, cancel_futures=True)
