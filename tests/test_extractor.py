"""The extraction pool survives a worker that dies."""

from __future__ import annotations

import asyncio
import os
import signal
from concurrent.futures import ThreadPoolExecutor

from crawler.extractor import ExtractorPool

PAGE = """<html><head><title>Kingdom Season 3 Release Date - Site</title></head><body>
<article><h1>Kingdom Season 3 Release Date</h1>
<p>Netflix has not renewed Kingdom for a third season yet, but the cast keeps hinting at it.</p>
<p>Also Read: <a href="/squid-game-season-2/">Squid Game Season 2 Release Date</a></p>
</article></body></html>"""


async def _scenario() -> tuple[str, str, list[str], bool]:
    pool = ExtractorPool(workers=1)
    try:
        first = await pool.extract(PAGE, "https://s.com/kingdom-season-3/")
        broken = pool._executor
        for pid in list(pool._executor._processes):  # type: ignore[attr-defined]
            os.kill(pid, signal.SIGKILL)
        await asyncio.sleep(0.5)
        second = await pool.extract(PAGE, "https://s.com/kingdom-season-3/")
    finally:
        pool.close()
    related = [r.url for r in second.related]
    return (
        first.show_seasons[0].show,
        second.show_seasons[0].show,
        related,
        broken is not pool._executor,
    )


def test_pool_restarts_after_a_worker_is_killed() -> None:
    # asyncio.run in a thread of its own: the test process runs Twisted's reactor.
    with ThreadPoolExecutor(1) as runner:
        first, second, related, replaced = runner.submit(asyncio.run, _scenario()).result(120)
    assert replaced, "the dead pool was not replaced"
    assert first == second == "Kingdom"
    assert related == ["https://s.com/squid-game-season-2/"]
