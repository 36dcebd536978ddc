"""privacy: the public side of a report's place, rate marks, block entries out of histories

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 09:00:00.000000
"""

import math
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base


revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A copy of bot/usecases/report/public.py at the time of writing (a migration never imports
# code that may change later), with [privacy] public_grid_m's default.
GRID_M = 200.0
METRES_PER_DEGREE = 111_320.0
_HOUSE_NUMBER = re.compile(r"\s+\d+\S*(\s+(m\.|lok\.)\s*\S+)?$", re.IGNORECASE)


def _coarse(lat: float, lon: float) -> tuple[float, float]:
    dlat = GRID_M / METRES_PER_DEGREE
    cell_lat = (math.floor(lat / dlat) + 0.5) * dlat
    dlon = GRID_M / (METRES_PER_DEGREE * max(math.cos(math.radians(cell_lat)), 0.01))
    cell_lon = (math.floor(lon / dlon) + 0.5) * dlon
    return round(cell_lat, 6), round(cell_lon, 6)


def _street_only(address: str | None) -> str | None:
    if not address:
        return None
    street, sep, rest = address.partition(",")
    bare = _HOUSE_NUMBER.sub("", street.strip())
    return f"{bare}{sep}{rest}" if bare else (rest.strip() or None)


def upgrade() -> None:
    op.create_table('rate_marks',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_rate_marks_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rate_marks'))
    )
    op.create_index('ix_rate_marks_user_kind_at', 'rate_marks', ['user_id', 'kind', 'at'], unique=False)
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.add_column(sa.Column('public_lat', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('public_lon', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('public_address', sa.String(length=300), nullable=True))

    conn = op.get_bind()
    reports = sa.table(
        'reports',
        sa.column('id', sa.Integer()),
        sa.column('lat', sa.Float()),
        sa.column('lon', sa.Float()),
        sa.column('location_source', sa.String()),
        sa.column('address', sa.String()),
        sa.column('public_lat', sa.Float()),
        sa.column('public_lon', sa.Float()),
        sa.column('public_address', sa.String()),
    )
    rows = conn.execute(
        sa.select(reports.c.id, reports.c.lat, reports.c.lon, reports.c.location_source, reports.c.address)
    ).all()
    for report_id, lat, lon, source, address in rows:
        point = _coarse(lat, lon) if lat is not None and lon is not None else (None, None)
        conn.execute(
            reports.update()
            .where(reports.c.id == report_id)
            .values(
                public_lat=point[0],
                public_lon=point[1],
                public_address=_street_only(address) if source == 'address' else None,
            )
        )
    # Blocks and unblocks leave reports' histories: /blokuj A then /odblokuj B showed in B's
    # history whether the two anonymous reports came from one person. The reference stays in
    # the audit row's data, for accountability.
    audit = sa.table(
        'audit_events',
        sa.column('id', sa.Integer()),
        sa.column('action', sa.String()),
        sa.column('report_id', sa.Integer()),
        sa.column('data', db.base.JsonDoc),
    )
    references = sa.table('reports', sa.column('id', sa.Integer()), sa.column('reference', sa.String()))
    moved = conn.execute(
        sa.select(audit.c.id, audit.c.data, references.c.reference)
        .join(references, references.c.id == audit.c.report_id)
        .where(audit.c.action.in_(['user_blocked', 'user_unblocked']))
    ).all()
    for audit_id, data, reference in moved:
        conn.execute(
            audit.update()
            .where(audit.c.id == audit_id)
            .values(report_id=None, data={**(data or {}), 'reference': reference})
        )


def downgrade() -> None:
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_column('public_address')
        batch_op.drop_column('public_lon')
        batch_op.drop_column('public_lat')
    op.drop_index('ix_rate_marks_user_kind_at', table_name='rate_marks')
    op.drop_table('rate_marks')
