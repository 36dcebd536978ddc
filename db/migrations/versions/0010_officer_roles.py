"""officers' desk: officer roles (officer, coordinator, duty); every message showing a report is a live view

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 03:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base


revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('officers', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('role', sa.String(length=24), nullable=False, server_default='officer')
        )
    # The flag said "coordinator" or nothing: every other officer is a dzielnicowy.
    op.execute("UPDATE officers SET role = 'coordinator' WHERE coordinator")
    with op.batch_alter_table('officers', schema=None) as batch_op:
        batch_op.drop_column('coordinator')
    # Alerts, cards and histories: several views of one report may live in one chat.
    with op.batch_alter_table('alert_messages', schema=None) as batch_op:
        batch_op.drop_constraint('uq_alert_messages_report_id_chat_id', type_='unique')
        batch_op.add_column(
            sa.Column('kind', sa.String(length=16), nullable=False, server_default='alert')
        )
        batch_op.add_column(sa.Column('reason', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('lang', sa.String(length=8), nullable=True))
        batch_op.add_column(
            sa.Column('retired_at', db.base.UtcDateTime(timezone=True), nullable=True)
        )
        batch_op.create_index('ix_alert_messages_report', ['report_id', 'chat_id'], unique=False)
        batch_op.create_index('ix_alert_messages_chat', ['chat_id', 'id'], unique=False)


def downgrade() -> None:
    # Only the newest view of a report per chat fits the old unique constraint.
    op.execute(
        "DELETE FROM alert_messages WHERE id NOT IN "
        "(SELECT MAX(id) FROM alert_messages GROUP BY report_id, chat_id)"
    )
    with op.batch_alter_table('alert_messages', schema=None) as batch_op:
        batch_op.drop_index('ix_alert_messages_chat')
        batch_op.drop_index('ix_alert_messages_report')
        batch_op.drop_column('retired_at')
        batch_op.drop_column('lang')
        batch_op.drop_column('reason')
        batch_op.drop_column('kind')
        batch_op.create_unique_constraint(
            'uq_alert_messages_report_id_chat_id', ['report_id', 'chat_id']
        )
    with op.batch_alter_table('officers', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('coordinator', sa.Boolean(), nullable=False, server_default=sa.false())
        )
    # A duty officer had no flag of their own before: they go back to being an officer.
    op.execute("UPDATE officers SET coordinator = (role = 'coordinator')")
    with op.batch_alter_table('officers', schema=None) as batch_op:
        batch_op.drop_column('role')
