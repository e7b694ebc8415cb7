"""What each laptop told at its last sync: when, its application's version, its waiting changes.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch: SQLite cannot drop a column in place (downgrade); PostgreSQL
    # gets plain ALTER TABLE statements.
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("last_sync_at", sa.String(32)))
        batch.add_column(sa.Column("app_version", sa.String(32)))
        batch.add_column(sa.Column("pending_at_last_sync", sa.BigInteger))


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("pending_at_last_sync")
        batch.drop_column("app_version")
        batch.drop_column("last_sync_at")
