"""ETag and Last-Modified of every URL that served an article (conditional re-crawls), and
when an article's URL started answering 404/410 (gone)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("article_urls") as batch:
        batch.add_column(sa.Column("etag", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("last_modified", sa.String(length=100), nullable=True))
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("gone_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("gone_at")
    with op.batch_alter_table("article_urls") as batch:
        batch.drop_column("last_modified")
        batch.drop_column("etag")
