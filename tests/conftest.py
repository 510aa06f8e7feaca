"""Shared fixtures: real demo servers on 127.0.0.1, real SQLite files, the real CLI."""

from __future__ import annotations

import functools
import os
import shutil
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


PG_SERVER = os.environ.get(
    "SEASONNEWS_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
BACKENDS = ["sqlite", "postgresql"]


class Databases:
    """Fresh, empty databases of one kind: SQLite files in a folder, or databases on the test
    PostgreSQL server that `drop` removes (even with connections still open)."""

    def __init__(self, kind: str, folder: Path) -> None:
        self.kind, self.folder = kind, folder
        self._admin = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
        self._made: list[str] = []

    def new(self, name: str = "test", template: str | None = None) -> str:
        """A fresh database's URL; a copy of the database at `template` when given."""
        if self.kind == "sqlite":
            path = self.folder / f"{name}-{uuid.uuid4().hex[:8]}.db"
            if template is not None:
                shutil.copy(make_url(template).database or "", path)
            return f"sqlite:///{path}"
        database = f"{PG_PREFIX}{os.getpid()}_{uuid.uuid4().hex[:8]}"
        _drop_stale()
        with self._admin.connect() as conn:
            if template is None:
                conn.execute(text(f'CREATE DATABASE "{database}"'))
            else:  # a template must have no other connections
                source = make_url(template).database
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        " WHERE datname = :name AND pid <> pg_backend_pid()"
                    ),
                    {"name": source},
                )
                conn.execute(text(f'CREATE DATABASE "{database}" TEMPLATE "{source}"'))
        self._made.append(database)
        return make_url(PG_SERVER).set(database=database).render_as_string(hide_password=False)

    def drop(self) -> None:
        with self._admin.connect() as conn:
            for database in self._made:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        self._made.clear()
        self._admin.dispose()


PG_PREFIX = "seasonnews_test_"
"""Test databases are named PG_PREFIX + the test process's pid + a random suffix."""


@functools.cache
def _drop_stale() -> None:
    """Once per test process: drop the test databases left by killed test processes of this
    machine (their pid is gone)."""
    admin = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        names = conn.execute(
            text("SELECT datname FROM pg_database WHERE starts_with(datname, :prefix)"),
            {"prefix": PG_PREFIX},
        ).scalars()
        for name in list(names):
            pid = name.removeprefix(PG_PREFIX).split("_")[0]
            if pid.isdigit() and not Path(f"/proc/{pid}").exists():
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def databases(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Databases]:
    """Makes fresh databases for this test, once on SQLite and once on the real PostgreSQL
    (each PostgreSQL database is dropped when the test ends)."""
    made = Databases(request.param, tmp_path)
    yield made
    made.drop()


@pytest.fixture
def db_url(databases: Databases) -> str:
    """A fresh, empty database: the test runs on SQLite and on the real PostgreSQL."""
    return databases.new()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """A migrated Store on a fresh database, SQLite and PostgreSQL."""
    s = Store(db_url)
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
