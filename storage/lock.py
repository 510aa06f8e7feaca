"""One crawl at a time per database: a lock the operating system or the server releases when the
holder dies (so a crawl killed with SIGKILL never leaves a stale lock behind).

* SQLite: an exclusive `flock` on `<database file>.crawl-lock`.
* PostgreSQL: a session-level advisory lock, held on a connection of its own.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from datetime import UTC, datetime

from sqlalchemy import Engine, text

from storage.db import DatabaseError

ADVISORY_KEY = 0x5EA5_0E55
"""The PostgreSQL advisory lock key of seasonnews crawls (any fixed 64-bit number)."""


class DatabaseBusy(DatabaseError):
    """Another crawl holds the database."""


@contextlib.contextmanager
def crawl_lock(engine: Engine, *, wait: bool = False) -> Iterator[None]:
    """Hold the database's crawl lock; raise DatabaseBusy when another crawl holds it (or wait
    for it when `wait`)."""
    if engine.dialect.name == "postgresql":
        with _advisory_lock(engine, wait=wait):
            yield
    elif engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        with _file_lock(f"{engine.url.database}.crawl-lock", wait=wait):
            yield
    else:
        yield


@contextlib.contextmanager
def _file_lock(path: str, *, wait: bool) -> Iterator[None]:
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise DatabaseBusy(_busy(holder)) from None
        handle.seek(0)
        handle.truncate()
        handle.write(_me())
        handle.flush()
        try:
            yield
        finally:
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def _advisory_lock(engine: Engine, *, wait: bool) -> Iterator[None]:
    with engine.connect() as conn:
        if wait:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": ADVISORY_KEY})
        elif not conn.execute(
            text("SELECT pg_try_advisory_lock(:key)"), {"key": ADVISORY_KEY}
        ).scalar():
            raise DatabaseBusy(_busy("another process"))
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_KEY})
            conn.commit()


def _me() -> str:
    since = datetime.now(UTC).isoformat(timespec="seconds")
    return f"pid {os.getpid()} on {os.uname().nodename}, since {since}"


def _busy(holder: str) -> str:
    return (
        f"another crawl is writing to this database ({holder}); "
        "try again when it ends, or pass --wait to wait for it"
    )
