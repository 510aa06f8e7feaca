"""Alembic environment: runs on the engine handed over in `config.attributes`."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from alembic import context
from sqlalchemy import Connection, func, select

from storage.lock import file_lock
from storage.models import Base

config = context.config
target_metadata = Base.metadata

MIGRATION_LOCK = 0x5EA5_0E56
"""PostgreSQL advisory lock key of schema upgrades."""


@contextlib.contextmanager
def _one_at_a_time(connection: Connection) -> Iterator[None]:
    """Serialise concurrent upgrades (workers of a distributed crawl start together): each
    reads the schema's revision only once the one before it committed."""
    database = connection.engine.url.database
    if connection.dialect.name == "postgresql":
        connection.execute(select(func.pg_advisory_xact_lock(MIGRATION_LOCK)))
        yield
    elif connection.dialect.name == "sqlite" and database not in (None, "", ":memory:"):
        with file_lock(f"{database}.migrate-lock", wait=True):
            yield
    else:
        yield


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from storage.db import make_engine, resolve_db_url

        engine = make_engine(config.get_main_option("sqlalchemy.url") or resolve_db_url())
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Batch migrations re-create a table (copy, DROP, rename): with foreign keys on, the
            # DROP would cascade to every row that references the table. Off while migrating,
            # checked afterwards. (A pragma cannot change inside a transaction.)
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin(), _one_at_a_time(connection):
                context.configure(
                    connection=connection,
                    target_metadata=target_metadata,
                    render_as_batch=sqlite,
                )
                context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                connection.commit()
                if broken:
                    raise RuntimeError(f"migration left broken foreign keys: {broken[:5]}")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


run_migrations_online()
