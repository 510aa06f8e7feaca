"""Shared fixtures: real demo servers on 127.0.0.1, real SQLite files, the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from demo.server import DemoSites, start_servers
from storage import Store

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


PG_SERVER = os.environ.get(
    "SEASONNEWS_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session (dropped afterwards); its URL."""
    engine = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    name = f"seasonnews_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database on SQLite and on the real PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    url = request.getfixturevalue("pg_server")
    yield url
    engine = create_engine(url)
    with engine.begin() as conn:  # empty it for the next test
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def store(any_db_url: str) -> Iterator[Store]:
    """A migrated Store on a fresh database, SQLite and PostgreSQL."""
    s = Store(any_db_url)
    s.upgrade()
    yield s
    s.close()


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
