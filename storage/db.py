"""Engine set-up, database URL resolution and Alembic migrations."""

from __future__ import annotations

import contextlib
import importlib.resources
import os
import tempfile
from collections.abc import Iterator
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

DEFAULT_DB_URL = "sqlite:///seasonnews.db"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class DatabaseError(Exception):
    """The database cannot be used (bad URL, unreachable server, failed migration)."""


def describe(exc: BaseException) -> str:
    """The first line of a driver error, without SQLAlchemy's background link."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def safe_url(url: object) -> str:
    """A database URL fit for messages: the password hidden."""
    try:
        return make_url(str(url)).render_as_string(hide_password=True)
    except ArgumentError:
        return str(url)


def resolve_db_url(explicit: str | None = None) -> str:
    """`--db`, else `$SEASONNEWS_DB`, else the default SQLite file."""
    return explicit or os.environ.get("SEASONNEWS_DB") or DEFAULT_DB_URL


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for any SQLAlchemy URL; SQLite gets WAL and foreign keys, PostgreSQL no JIT
    (compiling the plans of the export queries cost more than running them: bench/pg_scale)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"invalid database URL {url!r}: {describe(exc)}") from exc
    options: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql" and "options" not in parsed.query:
        options["connect_args"] = {"options": "-c jit=off"}
    try:
        engine = create_engine(parsed, pool_pre_ping=True, **options)
    except (ArgumentError, ImportError, SQLAlchemyError) as exc:
        raise DatabaseError(f"cannot use database {safe_url(url)!r}: {describe(exc)}") from exc
    if engine.dialect.name == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            parent = Path(database).expanduser().resolve().parent
            if not parent.is_dir():
                raise DatabaseError(f"cannot open database {url!r}: no folder {parent}")
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(engine: Engine, migrations: Path = MIGRATIONS_DIR) -> Config:
    """Alembic configuration that runs the bundled migrations on `engine`."""
    config = Config()
    config.set_main_option("script_location", str(migrations))
    config.attributes["engine"] = engine
    return config


@contextlib.contextmanager
def migrations_dir() -> Iterator[Path]:
    """The bundled migrations as a folder. Alembic reads its scripts from the file system: from
    a zipped egg (a scrapyd deployment) they are copied to a temporary folder first."""
    if MIGRATIONS_DIR.is_dir():
        yield MIGRATIONS_DIR
        return
    with tempfile.TemporaryDirectory(prefix="seasonnews-migrations-") as folder:
        _copy_tree(importlib.resources.files(__package__) / "migrations", Path(folder))
        yield Path(folder)


def _copy_tree(source: Traversable, target: Path) -> None:
    for entry in source.iterdir():
        if entry.is_dir():
            if entry.name != "__pycache__":
                (target / entry.name).mkdir()
                _copy_tree(entry, target / entry.name)
        else:
            (target / entry.name).write_bytes(entry.read_bytes())


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema to `revision`."""
    try:
        with migrations_dir() as migrations:
            command.upgrade(alembic_config(engine, migrations), revision)
    except SQLAlchemyError as exc:
        raise DatabaseError(
            f"cannot migrate database {safe_url(engine.url)!r}: {describe(exc)}"
        ) from exc
