"""Store a finished report in one transaction: report, reporter, photos, audit, officers' alert."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import Services
from bot.usecases.alerts import queue_new_report_alerts
from bot.usecases.report import queries
from bot.usecases.report.draft import ReportDraft
from bot.usecases.report.media import MediaTooLarge, MediaUnavailable, media_fetcher
from bot.usecases.report.photos import CleanPhoto, NotAnImage, clean_photo, decode_slots
from bot.usecases.report.public import coarse_point, street_only
from db.errors import Contention
from db.models.people import Reporter, User
from db.models.reports import AuditEvent, Report, ReportPhoto, ReportStatus
from db.uow import UnitOfWork

log = logging.getLogger(__name__)

# Photos prepared ahead (services.prepared_photos) kept at most, the oldest dropped first.
MAX_PREPARED = 30

CREATED_ACTION = "report_created"
# Attempts at a free reference number when another process took the same one (PostgreSQL).
REFERENCE_ATTEMPTS = 5


@dataclass(frozen=True)
class Submitted:
    """The report is stored; the resident gets its reference."""

    report: Report
    # Who was alerted, as the resident is told: "district" (her dzielnicowy) or "police".
    read_by: str = "district"


@dataclass(frozen=True)
class LimitReached:
    """The resident sent the allowed number of reports in 24 hours; the draft is kept."""

    until: datetime


@dataclass(frozen=True)
class PhotosRefused:
    """Some photos could not be read or were too large; they were taken out of the draft."""

    positions: tuple[int, ...]


Outcome = Submitted | LimitReached | PhotosRefused


async def limit_reached_until(
    session: AsyncSession, services: Services, user_id: int, now: datetime
) -> datetime | None:
    """Return when the resident may send again, or None if they may send now."""
    window = now - timedelta(hours=24)
    recent = await queries.sent_since(session, user_id, window)
    limit = services.config.reports.max_reports_per_day
    if len(recent) < limit:
        return None
    # The oldest report that must leave the window before one more fits.
    return recent[len(recent) - limit] + timedelta(hours=24)


async def next_reference(session: AsyncSession, prefix: str, year: int) -> str:
    """Return the next free reference of the year: KN-2026-000123.

    Counting in SQL (the highest number of the year, plus one) is portable and gap-free. On
    SQLite write transactions begin immediately, so no one else can take the number before we
    commit. On PostgreSQL two transactions may compute the same number; the unique index then
    refuses the second, which retries (see `store_with_reference`) rather than locking a
    counter row that every report of the year would queue on.
    """
    stem = f"{prefix}-{year}-"
    highest = await queries.highest_reference(session, stem)
    number = int(highest.rsplit("-", 1)[1]) + 1 if highest else 1
    return f"{stem}{number:06d}"


async def store_with_reference(
    session: AsyncSession, report: Report, prefix: str, year: int
) -> None:
    """Add the report under the next free reference, retrying if another process took it."""
    for attempt in range(REFERENCE_ATTEMPTS):
        report.reference = await next_reference(session, prefix, year)
        try:
            async with session.begin_nested():
                session.add(report)
                await session.flush()
            return
        except IntegrityError:
            log.info("reference %s taken concurrently (attempt %d)", report.reference, attempt + 1)
    # Busy moments (many residents pressing Send at once): the whole turn runs again, unseen.
    raise Contention("no free reference number after several attempts")


def decoding_slots(services: Services) -> asyncio.Semaphore:
    """Return the process's photo-decoding semaphore (one per core, within the memory budget)."""
    slots = services.photo_decoding
    if slots is None:
        budget = services.config.reports.photo_decode_memory_mb * 1_000_000
        slots = services.photo_decoding = asyncio.Semaphore(decode_slots(budget))
    return slots


async def prepare_photo(services: Services, ref: str) -> CleanPhoto:
    """Download one photo and re-encode it; raise MediaTooLarge, MediaUnavailable, NotAnImage."""
    settings = services.config.reports
    data = await media_fetcher(services).fetch(ref)
    if len(data) > settings.max_photo_bytes:
        raise MediaTooLarge(ref)
    # Decoding and encoding a 2560 px JPEG takes a while: keep the event loop free, and let
    # only a few run at once, so that a burst of albums cannot exhaust the memory or the cores.
    async with decoding_slots(services):
        return await asyncio.to_thread(clean_photo, data, settings.photo_max_side)


async def prepare_photos(services: Services, refs: Sequence[str]) -> None:
    """Prepare photos ahead of the Send turn, outside its transaction (failures: left to Send)."""
    prepared = services.prepared_photos
    for ref in refs:
        if ref in prepared:
            continue
        try:
            prepared[ref] = await prepare_photo(services, ref)
        except (MediaTooLarge, MediaUnavailable, NotAnImage) as exc:
            log.info("a photo could not be prepared ahead: %s", type(exc).__name__)
    # A Send that never came (the process stopped) must not pin memory for long.
    while len(prepared) > MAX_PREPARED:
        prepared.pop(next(iter(prepared)))


async def _fetch_photos(
    services: Services, draft: ReportDraft
) -> tuple[list[CleanPhoto], tuple[int, ...]]:
    """Take every photo prepared ahead, else download and re-encode it; list refused positions."""
    prepared = services.prepared_photos
    clean: list[CleanPhoto] = []
    refused: list[int] = []
    for position, photo in enumerate(draft.photos, start=1):
        ready = prepared.pop(photo.ref, None)
        if ready is not None:
            clean.append(ready)
            continue
        try:
            clean.append(await prepare_photo(services, photo.ref))
        except (MediaTooLarge, MediaUnavailable, NotAnImage) as exc:
            log.info("photo %d of a draft refused: %s", position, type(exc).__name__)
            refused.append(position)
    return clean, tuple(refused)


async def submit_report(
    uow: UnitOfWork,
    services: Services,
    user: User,
    draft: ReportDraft,
    lang: str,
    now: datetime,
    *,
    display_name: str | None = None,
) -> Outcome:
    """Store the report with its photos, reporter, audit event and alert, or say why not."""
    session = uow.session
    until = await limit_reached_until(session, services, user.id, now)
    if until is not None:
        return LimitReached(until)
    photos, refused = await _fetch_photos(services, draft)
    if refused:
        return PhotosRefused(refused)
    place = draft.place_obj
    if draft.category is None or place is None:
        raise ValueError("submit_report needs a category and a place")
    settings = services.config.reports
    district_id = None
    if place.district_code:
        district_id = await queries.district_id_by_code(session, place.district_code)
    reporter_id = None
    if draft.anonymous is False:
        # Identity lives apart from the report, so it can be unlinked or erased on its own.
        reporter = Reporter(
            user_id=user.id,
            # "With my details": the officer sees who reported (never for anonymous reports).
            display_name=(display_name or "")[:200] or None,
            phone=draft.phone,
            phone_consent_at=(
                datetime.fromisoformat(draft.phone_consent_at) if draft.phone_consent_at else None
            ),
            created_at=now,
        )
        session.add(reporter)
        await session.flush()
        reporter_id = reporter.id
    local = now.astimezone(ZoneInfo(services.config.bot.timezone))
    public_lat, public_lon = None, None
    if place.lat is not None and place.lon is not None:
        public_lat, public_lon = coarse_point(
            place.lat, place.lon, services.config.privacy.public_grid_m
        )
    report = Report(
        reference="",
        category=draft.category,
        category_other=draft.category_other,
        status=ReportStatus.NEW,
        district_id=district_id,
        lat=place.lat,
        lon=place.lon,
        location_source=place.source,
        address=place.address,
        street_key=place.street_key,
        house_number=place.house_number,
        public_lat=public_lat,
        public_lon=public_lon,
        # A venue's title and address come from the app: only a typed street is public.
        public_address=street_only(place.address) if place.source == "address" else None,
        occurred=draft.when or {"kind": "unknown"},
        description=draft.description,
        anonymous=draft.anonymous is not False,
        reporter_id=reporter_id,
        user_id=user.id,
        language=lang,
        created_at=now,
        updated_at=now,
    )
    # The reference year is the local one: a report sent on 1 January at 00:30 is the new year's.
    await store_with_reference(session, report, settings.reference_prefix, local.year)
    for position, photo in enumerate(photos, start=1):
        session.add(
            ReportPhoto(
                report_id=report.id,
                position=position,
                content=photo.content,
                mime_type=photo.mime_type,
                sha256=photo.sha256,
                width=photo.width,
                height=photo.height,
            )
        )
    session.add(
        AuditEvent(
            at=now,
            action=CREATED_ACTION,
            actor_user_id=user.id,
            report_id=report.id,
            to_status=ReportStatus.NEW.value,
            # The consent itself is Reporter.phone_consent_at; the trail says it was given here.
            data={
                "photos": len(photos),
                "anonymous": report.anonymous,
                "phone_shared": draft.phone is not None and draft.anonymous is False,
            },
        )
    )
    await session.flush()
    read_by = await queue_new_report_alerts(uow, services, report)
    return Submitted(report, read_by)
