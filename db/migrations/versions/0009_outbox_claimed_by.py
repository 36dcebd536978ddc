"""pipeline: the process sending an outbox row (its advisory-lock owner id)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 10:00:00.000000

Only adds a nullable column: a process of the previous release, still running during a rolling
upgrade, ignores it (and leaves it NULL; those rows fall back to the lease in not_before).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimed_by', sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('claimed_by')
