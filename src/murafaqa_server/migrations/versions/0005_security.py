"""Devices' revocation reason, token expiry and key escrow; sign-in
failures kept in the database; the audit log of administrative actions.

Revision ID: 0005
Revises: 0003
"""
import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None

BIG = sa.BigInteger().with_variant(sa.Integer, "sqlite")

# The tokens enrolled before expiry existed get a full lifetime from now
# (the default TOKEN_DAYS): none stops working on the day of the upgrade.
GRACE_DAYS = 90


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("revoked_why", sa.String(16)))
        batch.add_column(sa.Column("token_expires_at", sa.String(32)))
        batch.add_column(sa.Column("escrow", sa.Text))
        batch.add_column(sa.Column("escrowed_at", sa.String(32)))
        batch.add_column(sa.Column("recovery_hash", sa.Text))
        batch.add_column(sa.Column("recovery_expires_at", sa.String(32)))
    until = (dt.datetime.now(dt.UTC) + dt.timedelta(days=GRACE_DAYS)).isoformat(timespec="seconds")
    op.execute(sa.text("UPDATE devices SET token_expires_at = :until").bindparams(until=until))
    op.create_table(
        "sign_in_failures",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_failure_at", sa.String(32), nullable=False),
        sa.Column("blocked_until", sa.String(32)),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", BIG, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(160), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("details", sa.Text, nullable=False),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_at", "audit_log")
    op.drop_table("audit_log")
    op.drop_table("sign_in_failures")
    with op.batch_alter_table("devices") as batch:
        for name in ("recovery_expires_at", "recovery_hash", "escrowed_at", "escrow", "token_expires_at",
                     "revoked_why"):
            batch.drop_column(name)
