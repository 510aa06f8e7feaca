"""Shared fixtures: real demo servers on 127.0.0.1, real SQLite files, the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from demo.server import DemoSites, start_servers

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def demo_sites() -> Iterator[DemoSites]:
    """The bundled demo sites a and b, served on free ports of 127.0.0.1."""
    with start_servers() as sites:
        yield sites


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh SQLite database file."""
    return f"sqlite:///{tmp_path / 'test.db'}"


# Fast, still polite to our own local server: no delay, short timeouts, small size limit.
FAST = (
    "-s", "DOWNLOAD_DELAY=0",
    "-s", "AUTOTHROTTLE_ENABLED=False",
    "-s", "DOWNLOAD_TIMEOUT=2",
    "-s", "RETRY_TIMES=1",
    "-s", "DOWNLOAD_MAXSIZE=1048576",
    "-s", "LOG_LEVEL=INFO",
)  # fmt: skip


def seasonnews(
    *args: str, timeout: float = 300, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run the real `seasonnews` command line in a subprocess."""
    env = dict(os.environ)
    env.pop("SEASONNEWS_DB", None)
    result = subprocess.run(
        [sys.executable, "-m", "crawler", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env=env,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"seasonnews {' '.join(args)} exited {result.returncode}\n{result.stderr[-5000:]}"
        )
    return result
