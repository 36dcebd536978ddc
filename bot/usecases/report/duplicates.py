"""Similar open reports nearby ("I see it too"), so one problem is not reported ten times."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config, ReportsSection
from bot.usecases.places import Place
from bot.usecases.report import queries
from bot.usecases.report.public import METRES_PER_DEGREE, coarse_point, metres_between
from db.models.reports import AuditEvent, Report, ReportFollower, ReportStatus
from db.repositories.rate_marks import add_mark, count_marks

# Shown at most, nearest first: more would not fit a phone screen.
MAX_SHOWN = 3
CONFIRMED_ACTION = "resident_confirmed"
# Rate mark of one search for similar reports (db/repositories/rate_marks.py).
LOOKUP_MARK = "duplicates"


@dataclass(frozen=True)
class Duplicate:
    """An open report that may describe the same problem (never how far it is: see public.py)."""

    report_id: int
    reference: str
    category: str
    status: ReportStatus
    created_at: datetime
    # True when matched by street and house number (typed addresses), else "nearby".
    same_street: bool


def may_show_duplicates(config: Config, category: str) -> bool:
    """Tell whether a category takes part in "I see it too" at all."""
    return category not in config.privacy.sensitive_categories


async def lookup_allowed(
    session: AsyncSession, config: Config, user_id: int, now: datetime
) -> bool:
    """Count one search for similar reports; False once the resident's daily searches are used.

    Each search tells whether a report of a category exists around a pin: limited, so that
    nobody can map where other residents' reports are by moving a pin around.
    """
    since = now - timedelta(hours=24)
    done = await count_marks(session, user_id, LOOKUP_MARK, since)
    if done >= config.privacy.duplicate_lookups_per_day:
        return False
    add_mark(session, user_id, LOOKUP_MARK, now)
    return True


async def find_duplicates(
    session: AsyncSession,
    config: Config,
    category: str,
    place: Place,
    now: datetime,
    user_id: int,
) -> list[Duplicate]:
    """List open reports of the category near the place, newer than the configured age.

    Points are compared by their coarsened public points only (both sides), so a match says
    "somewhere in this or a nearby grid cell", never how far.
    """
    settings = config.reports
    if not may_show_duplicates(config, category):
        return []
    since = now - timedelta(days=settings.duplicate_max_age_days)
    cell: tuple[float, float] | None = None
    box: queries.Box | None = None
    if place.lat is not None and place.lon is not None:
        cell = coarse_point(place.lat, place.lon, config.privacy.public_grid_m)
        # A bounding box first; the distance is checked below.
        dlat = settings.duplicate_radius_m / METRES_PER_DEGREE
        dlon = dlat / max(math.cos(math.radians(cell[0])), 0.01)
        box = (cell[0] - dlat, cell[0] + dlat, cell[1] - dlon, cell[1] + dlon)
    if box is None and not place.street_key:
        return []
    rows = await queries.open_reports_near(
        session, category, since, user_id, box, place.street_key or None
    )
    found: list[tuple[float, Duplicate]] = []
    for report in rows:
        match = _match(settings, place, cell, report)
        if match is not None:
            order, same_street = match
            found.append(
                (
                    order,
                    Duplicate(
                        report.id,
                        report.reference,
                        report.category,
                        report.status,
                        report.created_at,
                        same_street,
                    ),
                )
            )
    found.sort(key=lambda pair: (pair[0], -pair[1].created_at.timestamp()))
    return [dup for _, dup in found[:MAX_SHOWN]]


def _match(
    settings: ReportsSection, place: Place, cell: tuple[float, float] | None, report: Report
) -> tuple[float, bool] | None:
    """Return (sort order, same street) for a matching report, None for no match."""
    both_typed = place.source == "address" and report.location_source == "address"
    if both_typed and place.street_key and place.street_key == report.street_key:
        # Typed addresses share their street's representative point, so the distance between
        # them says nothing: compare house numbers instead (unknown numbers: same street).
        if place.house_number is None or report.house_number is None:
            return 0.0, True
        if abs(place.house_number - report.house_number) <= settings.duplicate_house_numbers:
            return 0.0, True
        return None
    if both_typed and place.street_key and report.street_key:
        return None
    if cell is None or report.public_lat is None or report.public_lon is None:
        return None
    metres = metres_between(cell, (report.public_lat, report.public_lon))
    return (metres, False) if metres <= settings.duplicate_radius_m else None


async def confirm_report(
    session: AsyncSession, report: Report, user_id: int, now: datetime
) -> bool:
    """Add "I see it too" from a resident (once) and follow the report; False if already done."""
    existing = await queries.follower_row(session, report.id, user_id)
    if existing is not None:
        # Left from My reports earlier, seen again: followed again, not counted twice.
        existing.left_at = None
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


async def follower_numbers(session: AsyncSession, report_id: int) -> dict[int, int]:
    """Number a report's followers 1, 2, ... in the order they confirmed it, by user id.

    Coordinators name a follower by this number (history: "resident #2"; /blokuj REF #2),
    never by an account.
    """
    followers = await queries.follower_user_ids(session, report_id)
    return {user_id: number for number, user_id in enumerate(followers, start=1)}
