"""directory: street rules keep the other names residents use (aliases)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 23:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('street_rules', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                'aliases',
                sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'),
                nullable=False,
                # Rules imported before this column existed have no aliases.
                server_default=sa.text("'[]'"),
            )
        )


def downgrade() -> None:
    with op.batch_alter_table('street_rules', schema=None) as batch_op:
        batch_op.drop_column('aliases')
