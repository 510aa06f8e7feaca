"""One crawl at a time per database: a lock the operating system or the server releases when the
holder dies (so a crawl killed with SIGKILL never leaves a stale lock behind).

* SQLite: an exclusive `flock` on `<database file>.crawl-lock`.
* PostgreSQL: a session-level advisory lock, held on a connection of its own.

Also the transaction-level advisory locks that concurrent writers take (`lock_keys`), and the
file lock that serialises schema upgrades on SQLite (`file_lock`).

The workers of one distributed crawl (crawler.distributed) share the database on purpose: they
hold the lock *shared*, so they run together while a lone crawl (exclusive) waits or refuses.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from hashlib import blake2b

from sqlalchemy import Engine, Integer, bindparam, cast, func, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from storage.db import DatabaseError

ADVISORY_KEY = 0x5EA5_0E55
"""The PostgreSQL advisory lock key of seasonnews crawls (any fixed 64-bit number)."""


class DatabaseBusy(DatabaseError):
    """Another crawl holds the database."""


@contextlib.contextmanager
def crawl_lock(engine: Engine, *, wait: bool = False, shared: bool = False) -> Iterator[None]:
    """Hold the database's crawl lock; raise DatabaseBusy when another crawl holds it (or wait
    for it when `wait`). `shared`: the lock of a worker of a distributed crawl, compatible with
    the other workers' and not with a lone crawl's."""
    if engine.dialect.name == "postgresql":
        with _advisory_lock(engine, wait=wait, shared=shared):
            yield
    elif engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        with file_lock(f"{engine.url.database}.crawl-lock", wait=wait, shared=shared):
            yield
    else:
        yield


@contextlib.contextmanager
def file_lock(path: str, *, wait: bool, shared: bool = False) -> Iterator[None]:
    """An flock on the file at `path` (created if missing), released when the holder dies."""
    with open(path, "a+", encoding="utf-8") as handle:
        mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        try:
            fcntl.flock(handle, mode | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise DatabaseBusy(_busy(holder)) from None
        if not shared:  # the holder's name, for the refusal message
            handle.seek(0)
            handle.truncate()
            handle.write(_me())
            handle.flush()
        try:
            yield
        finally:
            if not shared:
                handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def _advisory_lock(engine: Engine, *, wait: bool, shared: bool) -> Iterator[None]:
    kind = "_shared" if shared else ""
    lock, try_lock, unlock = (
        getattr(func, f"pg_advisory_lock{kind}"),
        getattr(func, f"pg_try_advisory_lock{kind}"),
        getattr(func, f"pg_advisory_unlock{kind}"),
    )
    with engine.connect() as conn:
        if wait:
            conn.execute(select(lock(ADVISORY_KEY)))
        elif not conn.execute(select(try_lock(ADVISORY_KEY))).scalar():
            raise DatabaseBusy(_busy("another process"))
        conn.commit()
        try:
            yield
        finally:
            conn.execute(select(unlock(ADVISORY_KEY)))
            conn.commit()


def _me() -> str:
    since = datetime.now(UTC).isoformat(timespec="seconds")
    return f"pid {os.getpid()} on {os.uname().nodename}, since {since}"


def _busy(holder: str) -> str:
    return (
        f"another crawl is writing to this database ({holder}); "
        "try again when it ends, or pass --wait to wait for it"
    )


def lock_key(text: str) -> int:
    """A stable 32-bit advisory lock key for a string (a collision only serialises more)."""
    return int.from_bytes(blake2b(text.encode(), digest_size=4).digest(), "big", signed=True)


def lock_keys(s: Session, space: int, keys: Iterable[int]) -> None:
    """Take PostgreSQL transaction-level advisory locks (`space`, key) for each distinct key, in
    key order, in one statement; they are held until the transaction ends. No-op elsewhere
    (SQLite has one writer at a time). Keys are 32-bit ints."""
    if s.get_bind().dialect.name != "postgresql":
        return
    ordered = sorted(set(keys))
    if not ordered:
        return
    found = (
        func.unnest(bindparam("keys", type_=postgresql.ARRAY(Integer)))
        .table_valued("key")
        .render_derived("k")
    )
    s.execute(
        select(func.pg_advisory_xact_lock(cast(space, Integer), found.c.key))
        .select_from(found)
        .order_by(found.c.key),
        {"keys": ordered},
    )
