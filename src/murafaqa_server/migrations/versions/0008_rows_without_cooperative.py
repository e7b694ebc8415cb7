"""An index of the rows with no cooperative (training sessions, their
attendance, a call's places), by region.

A coach's pull asks for their cooperatives' rows or the rows with no
cooperative in their regions. Through the region index, PostgreSQL reads
every row of those regions (a region of the national programme holds
hundreds of thousands) to keep the few with no cooperative; this partial
index holds only those few.

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    no_cooperative = sa.text("coop_id IS NULL")
    op.create_index("records_no_coop", "records", ["region"], postgresql_where=no_cooperative,
                    sqlite_where=no_cooperative)


def downgrade() -> None:
    op.drop_index("records_no_coop", table_name="records")
