"""Users, laptops, the global sequence, synced records, assignments, conflicts.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

BIG = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(80), nullable=False, unique=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("region", sa.String(8)),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "devices",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False, index=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("label", sa.String(120), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("revoked_at", sa.String(32)),
        sa.Column("last_n", sa.BigInteger, nullable=False),
        sa.Column("last_seen", sa.String(32)),
    )
    op.create_table(
        "counters",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.execute("INSERT INTO counters (name, value) VALUES ('seq', 0)")
    op.create_table(
        "records",
        sa.Column("pk", BIG, primary_key=True, autoincrement=True),
        sa.Column("tbl", sa.String(40), nullable=False),
        sa.Column("id", sa.String(64), nullable=False, unique=True),
        sa.Column("coop_id", sa.String(64)),
        sa.Column("region", sa.String(8)),
        sa.Column("ukey", sa.Text, unique=True),
        sa.Column("author_id", sa.Integer),
        sa.Column("origin", sa.String(40)),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("versions", sa.Text, nullable=False),
        sa.Column("writers", sa.Text, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("cseq", sa.BigInteger, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
    )
    op.create_index("records_seq", "records", ["seq"])
    op.create_index("records_coop", "records", ["coop_id"])
    op.create_index("records_region", "records", ["region"])
    op.create_table(
        "assignments",
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), primary_key=True),
        sa.Column("coop_id", sa.String(64), primary_key=True),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
    )
    op.create_index("assignments_coop", "assignments", ["coop_id"])
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("seq", sa.BigInteger, nullable=False, index=True),
        sa.Column("device_id", sa.String(40), nullable=False),
        sa.Column("n", sa.BigInteger, nullable=False),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("tbl", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(64), nullable=False),
        sa.Column("coop_id", sa.String(64)),
        sa.Column("region", sa.String(8)),
        sa.Column("field", sa.String(60)),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("server_value", sa.Text),
        sa.Column("client_value", sa.Text),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("resolved", sa.Boolean, nullable=False),
        sa.UniqueConstraint("device_id", "n", "field", "kind", name="conflicts_once"),
    )


def downgrade() -> None:
    for name in ("conflicts", "assignments", "records", "counters", "devices", "users"):
        op.drop_table(name)
