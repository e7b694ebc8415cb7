"""The change history: every change the server accepts, field by field, append-only.

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

BIG = sa.BigInteger().with_variant(sa.Integer, "sqlite")

# Append-only in the database itself, not only in the code: an UPDATE or a
# DELETE on the table fails, whoever runs it (a script, a console, a bug).
_POSTGRES = [
    """CREATE FUNCTION history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'history is append-only: % refused', TG_OP; END $$""",
    """CREATE TRIGGER history_no_change BEFORE UPDATE OR DELETE ON history
       FOR EACH ROW EXECUTE FUNCTION history_append_only()""",
]
_SQLITE = [
    """CREATE TRIGGER history_no_update BEFORE UPDATE ON history
       BEGIN SELECT RAISE(ABORT, 'history is append-only: UPDATE refused'); END""",
    """CREATE TRIGGER history_no_delete BEFORE DELETE ON history
       BEGIN SELECT RAISE(ABORT, 'history is append-only: DELETE refused'); END""",
]


def upgrade() -> None:
    op.create_table(
        "history",
        sa.Column("id", BIG, primary_key=True, autoincrement=True),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("device_id", sa.String(40), nullable=False),
        sa.Column("tbl", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(64), nullable=False),
        sa.Column("coop_id", sa.String(64)),
        sa.Column("op", sa.String(8), nullable=False),
        sa.Column("field", sa.String(60)),
        sa.Column("old_value", sa.Text),
        sa.Column("new_value", sa.Text),
    )
    op.create_index("history_coop", "history", ["coop_id", "id"])
    for statement in _POSTGRES if op.get_bind().dialect.name == "postgresql" else _SQLITE:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER history_no_change ON history")
        op.execute("DROP FUNCTION history_append_only()")
    op.drop_index("history_coop", "history")
    op.drop_table("history")  # the SQLite triggers go with their table
