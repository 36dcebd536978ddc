"""operations: officers' leave and substitutes, quiet hours, job runs, report deadlines/retention

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base


revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('officer_absences',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('officer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('substitute_officer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_by_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('cancelled_at', db.base.UtcDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by_user_id'], ['users.id'], name=op.f('fk_officer_absences_created_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['officer_id'], ['officers.id'], name=op.f('fk_officer_absences_officer_id_officers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['substitute_officer_id'], ['officers.id'], name=op.f('fk_officer_absences_substitute_officer_id_officers'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_officer_absences'))
    )
    op.create_index('ix_officer_absences_officer', 'officer_absences', ['officer_id', 'ends_on'], unique=False)
    op.create_table('job_runs',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('name', sa.String(length=48), nullable=False),
    sa.Column('period', sa.String(length=32), nullable=False),
    sa.Column('ran_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_runs')),
    sa.UniqueConstraint('name', 'period', name=op.f('uq_job_runs_name_period'))
    )
    with op.batch_alter_table('officers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('quiet_from', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('quiet_to', sa.Integer(), nullable=True))
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deadline_from', db.base.UtcDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('anonymised_at', db.base.UtcDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_column('anonymised_at')
        batch_op.drop_column('deadline_from')
    with op.batch_alter_table('officers', schema=None) as batch_op:
        batch_op.drop_column('quiet_to')
        batch_op.drop_column('quiet_from')
    op.drop_table('job_runs')
    op.drop_index('ix_officer_absences_officer', table_name='officer_absences')
    op.drop_table('officer_absences')
