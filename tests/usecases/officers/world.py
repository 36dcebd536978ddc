"""A small police world for officers' tests: one station, two districts, officers, residents.

Rows are inserted directly (the `data import` command is another feature's); everything here is
synthetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import Answer, Choice
from bot.services import Services
from bot.turn import Turn
from bot.usecases.officers.buttons import PressOutcome, press_officer_button
from bot.usecases.officers.presses import REOPEN_SCOPE
from bot.usecases.officers.reopen import press_reopen
from bot.usecases.report.public import coarse_point
from db.models.directory import District, Officer, Station, StationChat
from db.models.people import Reporter, Role, User
from db.models.pipeline import OutboxMessage
from db.models.reports import AuditEvent, Report, ReportFollower, ReportPhoto, ReportStatus
from db.repositories.users import ensure_user
from tests.support import view_payload

# Telegram ids of the people in the stories.
JAN = 501  # dzielnicowy of KON-01
ANNA = 502  # dzielnicowa of KON-02
KASIA = 503  # coordinator of the station
RESIDENT = 601  # reports a threat
NEIGHBOUR = 602  # presses "I see it too"
STRANGER = 603  # a resident who presses an officer button
DUTY_GROUP = -100_500
OPS_CHAT = -100_900


@dataclass
class World:
    """Ids of the rows the stories use."""

    station: int
    kon1: int
    kon2: int
    jan: int
    anna: int
    kasia: int


async def build_world(session: AsyncSession) -> World:
    """Insert a station, two districts and three officers (none linked yet)."""
    station = Station(code="KMP-T", name="KMP Testowo", address="ul. Kolejowa 5", phone="47 1")
    session.add(station)
    await session.flush()
    kon1 = District(code="KON-01", name="Rejon 1 – Czarków", station_id=station.id, sample=True)
    kon2 = District(code="KON-02", name="Rejon 2 – Starówka", station_id=station.id, sample=True)
    session.add_all([kon1, kon2])
    await session.flush()
    jan = _officer("DZ-01", "st. asp.", "Jan", "Przykładowy", station.id)
    anna = _officer("DZ-02", "asp.", "Anna", "Testowa", station.id)
    kasia = _officer("KO-01", "kom.", "Katarzyna", "Koordynująca", station.id, coordinator=True)
    session.add_all([jan, anna, kasia])
    await session.flush()
    await session.refresh(jan, ["districts"])
    await session.refresh(anna, ["districts"])
    jan.districts.append(kon1)
    anna.districts.append(kon2)
    await session.flush()
    return World(station.id, kon1.id, kon2.id, jan.id, anna.id, kasia.id)


def _officer(
    code: str, rank: str, first: str, last: str, station_id: int, *, coordinator: bool = False
) -> Officer:
    return Officer(
        code=code,
        rank=rank,
        first_name=first,
        last_name=last,
        phone="+48 47 77 000 01",
        station_id=station_id,
        coordinator=coordinator,
    )


async def user(session: AsyncSession, telegram_id: int, language: str | None = "pl") -> User:
    """Insert a Telegram user with a private chat."""
    row = User(
        channel="telegram", external_id=str(telegram_id), chat_id=telegram_id, language=language
    )
    session.add(row)
    await session.flush()
    return row


async def link(session: AsyncSession, officer_id: int, telegram_id: int, now: datetime) -> User:
    """Link an officer to a Telegram user directly (tests of what comes after the invite)."""
    officer = await session.get(Officer, officer_id)
    assert officer is not None
    row = await user(session, telegram_id)
    row.role = Role.COORDINATOR if officer.coordinator else Role.OFFICER
    officer.user_id = row.id
    officer.linked_at = now
    await session.flush()
    return row


async def duty_group(session: AsyncSession, station_id: int, chat_id: int = DUTY_GROUP) -> None:
    """Register a duty group directly."""
    session.add(StationChat(station_id=station_id, chat_id=chat_id, title="Dyżurni"))
    await session.flush()


async def report(
    session: AsyncSession,
    district_id: int | None,
    *,
    number: int = 1,
    reporter: User | None = None,
    anonymous: bool = True,
    phone: str | None = None,
    consent_at: datetime | None = None,
    point: bool = True,
    photos: int = 0,
    description: str | None = "Ktoś wyrzuca gruz za garażami <b>co noc</b>",
    status: ReportStatus = ReportStatus.NEW,
    created_at: datetime | None = None,
) -> Report:
    """Insert a report as the report flow would have submitted it."""
    reporter_row = None
    if reporter is not None and not anonymous:
        reporter_row = Reporter(
            user_id=reporter.id, display_name="Zofia", phone=phone, phone_consent_at=consent_at
        )
        session.add(reporter_row)
        await session.flush()
    cell = coarse_point(52.2275, 18.2614, 200) if point else (None, None)
    row = Report(
        reference=f"KN-2026-{number:06d}",
        category="dzikie_wysypisko",
        status=status,
        district_id=district_id,
        lat=52.2275 if point else None,
        lon=18.2614 if point else None,
        location_source="point" if point else "address",
        address="ul. Kolejowa 12, Konin",
        # As submit_report stores them: the grid cell, and a typed street without its number.
        public_lat=cell[0],
        public_lon=cell[1],
        public_address=None if point else "ul. Kolejowa, Konin",
        occurred={"kind": "now"},
        description=description,
        anonymous=anonymous,
        reporter_id=reporter_row.id if reporter_row else None,
        user_id=reporter.id if reporter else None,
        language=(reporter.language or "pl") if reporter else "pl",
    )
    if created_at is not None:
        row.created_at = created_at
        row.updated_at = created_at
    session.add(row)
    await session.flush()
    for position in range(photos):
        session.add(
            ReportPhoto(
                report_id=row.id,
                position=position,
                content=b"\xff\xd8fake",
                sha256=f"{position:064d}",
                width=10,
                height=10,
            )
        )
    await session.flush()
    return row


async def follow(session: AsyncSession, report_id: int, user_id: int) -> None:
    """Subscribe a resident to a report ("I see it too")."""
    session.add(ReportFollower(report_id=report_id, user_id=user_id))
    await session.flush()


# ---- acting through the use cases ------------------------------------------------------------


async def press(
    services: Services, telegram_id: int, value: str, *, in_group: bool = False, scope: str = "o"
) -> PressOutcome:
    """Press an officer button (or, with scope "ro", a resident's "Still happening")."""
    async with services.uow() as uow:
        chat = None if in_group else telegram_id
        person = await ensure_user(uow.session, "telegram", str(telegram_id), chat)
        turn = Turn(
            user=person,
            step=Choice(value, 0, scope),
            lang=services.catalog.language(person.language),
            language_hint="pl",
            now=services.clock(),
        )
        if scope == REOPEN_SCOPE:
            outcome = await press_reopen(uow, services, turn)
        else:
            outcome = await press_officer_button(uow, services, turn, in_group=in_group)
        await uow.commit()
    return outcome


async def outbox(services: Services, after: int = 0) -> list[OutboxMessage]:
    """Return the queued messages with ids above `after`, in order."""
    async with services.uow() as uow:
        rows = await uow.session.scalars(
            select(OutboxMessage).where(OutboxMessage.id > after).order_by(OutboxMessage.id)
        )
        found = list(rows.all())
        # Detached as loaded: the unit of work's closing rollback would expire them.
        uow.session.expunge_all()
        for row in found:
            # Alert rows name a live view: show what it shows (not persisted).
            row.payload = await view_payload(uow.session, row.kind, row.payload)
        return found


async def last_outbox_id(services: Services) -> int:
    """Return the newest outbox id (0 when empty), to read only what comes after."""
    async with services.uow() as uow:
        return int(await uow.session.scalar(select(func.max(OutboxMessage.id))) or 0)


async def audit(services: Services, report_id: int | None = None) -> list[AuditEvent]:
    """Return the audit trail (of one report), oldest first."""
    async with services.uow() as uow:
        query = select(AuditEvent).order_by(AuditEvent.id)
        if report_id is not None:
            query = query.where(AuditEvent.report_id == report_id)
        found = list((await uow.session.scalars(query)).all())
        uow.session.expunge_all()
        return found


async def load_report(services: Services, report_id: int) -> Report:
    """Return a report as stored now."""
    async with services.uow() as uow:
        report = await uow.session.get(Report, report_id)
        assert report is not None
        uow.session.expunge_all()
        return report


def rendered(services: Services, row: OutboxMessage) -> str:
    """Render an "answer" outbox row as its chat would read it."""
    from handlers.render import render_text

    answer = Answer.from_json(row.payload["answer"])
    return render_text(services.catalog, row.payload.get("lang", "pl"), answer)


async def user_by_telegram_id(session: AsyncSession, telegram_id: int) -> User:
    """Return a user by Telegram id."""
    found = await session.scalar(select(User).where(User.external_id == str(telegram_id)))
    assert found is not None
    return found


async def shown_views(services: Services, after: int = 0) -> list[tuple[int, str, Answer]]:
    """Render the views queued after an outbox id, as they read now: (chat, view kind, answer)."""
    from bot.usecases.officers.views import render_view
    from db.models.reports import AlertMessage

    async with services.uow() as uow:
        rows = await uow.session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.id > after, OutboxMessage.kind == "alert")
            .order_by(OutboxMessage.id)
        )
        found = []
        for row in rows.all():
            view = await uow.session.get(AlertMessage, int(row.payload["view_id"]))
            assert view is not None
            answer = await render_view(uow, services, view)
            assert answer is not None
            found.append((row.chat_id, view.kind, answer))
        return found


async def shown_history(services: Services, after: int = 0, lang: str = "pl") -> str:
    """Render the newest history view queued after an outbox id, as its chat reads it now."""
    from handlers.render import render_text

    histories = [a for _, kind, a in await shown_views(services, after) if kind == "history"]
    assert histories, "no history view was queued"
    return render_text(services.catalog, lang, histories[-1])
