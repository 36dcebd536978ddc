"""What the officers' outbox rows become when sent: read from the database at send time.

The senders in handlers/officers.py call these with a unit of work of their own; outbox rows
hold only ids, so an alert shows the report as it is when sent, and a phone is read only for
the officer who asked.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.conversation import Answer
from bot.services import Services
from bot.usecases.officers import queries, workflow
from bot.usecases.officers.alert_view import alert_answer
from bot.usecases.officers.permissions import reporter_phone
from db.models.directory import Officer
from db.models.people import Reporter
from db.models.reports import AuditEvent, Report
from db.uow import UnitOfWork


async def alert_to_send(
    uow: UnitOfWork,
    services: Services,
    report_id: int,
    chat_id: int,
    lang: str,
    reason: str | None,
) -> Answer | None:
    """Return the alert as it should read now (None: the report is gone)."""
    report = await uow.session.get(Report, report_id)
    if report is None:
        return None
    return await alert_answer(uow.session, services, report, chat_id, lang, reason)


@dataclass(frozen=True)
class Pin:
    """A report's shared point."""

    lat: float
    lon: float


async def pin_of(uow: UnitOfWork, report_id: int) -> Pin | None:
    """Return the point the resident shared (None for typed addresses)."""
    report = await uow.session.get(Report, report_id)
    if report is None or report.lat is None or report.lon is None:
        return None
    return Pin(report.lat, report.lon)


@dataclass(frozen=True)
class Photo:
    """A stored photo: bytes to upload, or Telegram's file id when this bot already has it."""

    id: int
    content: bytes
    file_id: str | None


# Telegram's albums hold at most ten photos.
ALBUM_LIMIT = 10


async def photos_of(
    uow: UnitOfWork, report_id: int, only: list[int] | None = None
) -> tuple[str, list[Photo]]:
    """Return the report's reference and its photos in order (`only` these ids, if given)."""
    report = await uow.session.get(Report, report_id)
    if report is None:
        return "", []
    rows = await queries.report_photos(uow.session, report_id, only, ALBUM_LIMIT)
    return report.reference, [Photo(p.id, p.content, p.telegram_file_id) for p in rows]


async def remember_file_ids(uow: UnitOfWork, file_ids: dict[int, str]) -> None:
    """Cache Telegram's file ids of uploaded photos (caller commits)."""
    for photo_id, file_id in file_ids.items():
        await queries.remember_file_id(uow.session, photo_id, file_id)


@dataclass(frozen=True)
class ContactCard:
    """The reporter's phone for one officer, with a name that says which report it is."""

    phone: str
    name: str
    reference: str


async def contact_to_send(uow: UnitOfWork, report_id: int) -> ContactCard | str | None:
    """Return the phone card (checked again now), the reference when it may no longer be shown."""
    session = uow.session
    report = await session.get(Report, report_id)
    if report is None:
        return None
    phone = await reporter_phone(session, report)
    if phone is None:
        return report.reference
    reporter = await session.get(Reporter, report.reporter_id) if report.reporter_id else None
    name = (reporter.display_name if reporter else None) or report.reference
    return ContactCard(phone, name, report.reference)


@dataclass(frozen=True)
class Note:
    """An officer's note (a question) or comment for the reporter."""

    reference: str
    text: str
    action: str
    report_id: int
    # Who wrote it, as the reporter is told (workflow.told_as): `district` or `police`.
    by: str


async def note_to_send(uow: UnitOfWork, audit_id: int) -> Note | None:
    """Return the note recorded in the audit trail."""
    event = await uow.session.get(AuditEvent, audit_id)
    if event is None or event.report_id is None or not event.note:
        return None
    report = await uow.session.get(Report, event.report_id)
    author = (
        await uow.session.get(Officer, event.actor_officer_id) if event.actor_officer_id else None
    )
    reference = report.reference if report else "—"
    return Note(reference, event.note, event.action, event.report_id, workflow.told_as(author))
