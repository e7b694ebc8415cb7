"""Mutations set aside: one the server could not apply, kept with its reason
instead of blocking its laptop's queue.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "set_aside",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("device_id", sa.String(40), nullable=False),
        sa.Column("n", sa.BigInteger, nullable=False),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("tbl", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(64), nullable=False),
        sa.Column("op", sa.String(8), nullable=False),
        sa.Column("region", sa.String(8)),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("device_id", "n", name="set_aside_once"),
    )
    op.create_index("ix_set_aside_user_id", "set_aside", ["user_id"])
    op.create_index("ix_set_aside_region", "set_aside", ["region"])


def downgrade() -> None:
    op.drop_index("ix_set_aside_region", table_name="set_aside")
    op.drop_index("ix_set_aside_user_id", table_name="set_aside")
    op.drop_table("set_aside")
