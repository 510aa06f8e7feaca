"""Database layer: SQLAlchemy models, engine set-up, migrations, upserts and queries.

Nothing here imports Scrapy; the crawler, the CLI and the exports all use `storage.repo.Store`.
"""

from storage.db import DEFAULT_DB_URL, DatabaseError, resolve_db_url
from storage.repo import Store

__all__ = ["DEFAULT_DB_URL", "DatabaseError", "Store", "resolve_db_url"]
