"""resident: a report draft put aside during a look-up; followers who left a report

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import db.base


revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        # An unfinished report kept while /dzielnicowy runs: {"flow", "step", "draft"}.
        batch_op.add_column(
            sa.Column(
                'parked',
                sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'),
                nullable=True,
            )
        )
    with op.batch_alter_table('report_followers', schema=None) as batch_op:
        # Left from My reports: no more updates; the "I see it too" itself still counts.
        batch_op.add_column(sa.Column('left_at', db.base.UtcDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('report_followers', schema=None) as batch_op:
        batch_op.drop_column('left_at')
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.drop_column('parked')
