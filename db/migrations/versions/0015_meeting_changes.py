"""community: a sent meeting can be cancelled; the officer's card of it is kept up to date; a
subscription keeps the language the resident used

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 10:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base


revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('announcements', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cancelled_at', db.base.UtcDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('view_row_id', sa.BigInteger(), nullable=True))
    with op.batch_alter_table('district_subscriptions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lang', sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('district_subscriptions', schema=None) as batch_op:
        batch_op.drop_column('lang')
    with op.batch_alter_table('announcements', schema=None) as batch_op:
        batch_op.drop_column('view_row_id')
        batch_op.drop_column('cancelled_at')
