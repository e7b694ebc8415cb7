"""Region moves: a cooperative that leaves a region leaves its coordinator's laptop.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BIG = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "region_moves",
        sa.Column("id", BIG, primary_key=True, autoincrement=True),
        sa.Column("coop_id", sa.String(64), nullable=False),
        sa.Column("from_region", sa.String(8)),
        sa.Column("seq", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_region_moves_seq", "region_moves", ["seq"])


def downgrade() -> None:
    op.drop_index("ix_region_moves_seq", table_name="region_moves")
    op.drop_table("region_moves")
