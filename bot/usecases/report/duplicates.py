"""Similar open reports nearby ("I see it too"), so one problem is not reported ten times."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from geopy.distance import geodesic
from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import ReportsSection
from bot.usecases.places import Place
from db.models.reports import OPEN_STATUSES, AuditEvent, Report, ReportFollower, ReportStatus

# Shown at most, nearest first: more would not fit a phone screen.
MAX_SHOWN = 3
METRES_PER_DEGREE = 111_320.0
CONFIRMED_ACTION = "resident_confirmed"


@dataclass(frozen=True)
class Duplicate:
    """An open report that may describe the same problem."""

    report_id: int
    reference: str
    category: str
    status: ReportStatus
    created_at: datetime
    # None when matched by street and house number only (a typed address has no exact point).
    distance_m: float | None


async def find_duplicates(
    session: AsyncSession,
    settings: ReportsSection,
    category: str,
    place: Place,
    now: datetime,
    user_id: int,
) -> list[Duplicate]:
    """List open reports of the category near the place, newer than the configured age."""
    since = now - timedelta(days=settings.duplicate_max_age_days)
    near = []
    if place.lat is not None and place.lon is not None:
        # A bounding box in SQL (portable, index-friendly); the exact distance is checked below.
        dlat = settings.duplicate_radius_m / METRES_PER_DEGREE
        dlon = dlat / max(math.cos(math.radians(place.lat)), 0.01)
        near.append(
            and_(
                Report.lat.between(place.lat - dlat, place.lat + dlat),
                Report.lon.between(place.lon - dlon, place.lon + dlon),
            )
        )
    if place.street_key:
        near.append(Report.street_key == place.street_key)
    if not near:
        return []
    rows = await session.scalars(
        select(Report).where(
            Report.category == category,
            Report.status.in_(OPEN_STATUSES),
            Report.created_at >= since,
            # Your own report is in "My reports"; confirming it would count you twice.
            or_(Report.user_id.is_(None), Report.user_id != user_id),
            or_(*near),
        )
    )
    found: list[Duplicate] = []
    for report in rows:
        distance = _distance(settings, place, report)
        if distance is not False:
            found.append(
                Duplicate(
                    report.id,
                    report.reference,
                    report.category,
                    report.status,
                    report.created_at,
                    distance,
                )
            )
    found.sort(key=lambda d: (d.distance_m or 0.0, -d.created_at.timestamp()))
    return found[:MAX_SHOWN]


def _distance(settings: ReportsSection, place: Place, report: Report) -> float | bool | None:
    """Return the distance in metres, None for a same-street match, False for no match."""
    both_typed = place.source == "address" and report.location_source == "address"
    if both_typed and place.street_key and place.street_key == report.street_key:
        # Typed addresses share their street's representative point, so the distance between
        # them says nothing: compare house numbers instead (unknown numbers: same street).
        if place.house_number is None or report.house_number is None:
            return None
        if abs(place.house_number - report.house_number) <= settings.duplicate_house_numbers:
            return None
        return False
    if both_typed and place.street_key and report.street_key:
        return False
    if None in (place.lat, place.lon, report.lat, report.lon):
        return False
    metres = float(geodesic((place.lat, place.lon), (report.lat, report.lon)).meters)
    return metres if metres <= settings.duplicate_radius_m else False


async def confirm_report(
    session: AsyncSession, report: Report, user_id: int, now: datetime
) -> bool:
    """Add "I see it too" from a resident (once) and follow the report; False if already done."""
    existing = await session.scalar(
        select(ReportFollower).where(
            ReportFollower.report_id == report.id, ReportFollower.user_id == user_id
        )
    )
    if existing is not None:
        return False
    session.add(ReportFollower(report_id=report.id, user_id=user_id, created_at=now))
    session.add(
        AuditEvent(
            at=now,
            action=CONFIRMED_ACTION,
            actor_user_id=user_id,
            report_id=report.id,
        )
    )
    await session.flush()
    return True
