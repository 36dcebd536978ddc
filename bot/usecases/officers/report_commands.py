"""Officers' commands: /zgloszenia (open reports of my district or station) and /zgloszenie REF."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import Answer, Option
from bot.outbox import PRIORITY_REPLY, queue_kind
from bot.services import Services
from bot.usecases.alerts import KIND_LOCATION, KIND_PHOTOS
from bot.usecases.officers import queries, staff_queries
from bot.usecases.officers.alert_view import (
    category_name,
    local_time,
    officer_name,
    place_text,
)
from bot.usecases.officers.permissions import may_act, refusal
from bot.usecases.officers.presses import QUERY_SCOPE, QueryPress
from bot.usecases.officers.views import CARD, HISTORY, add_view
from bot.usecases.operations.absences import substituted_district_ids
from bot.usecases.operations.deadlines import overdue_kind
from bot.usecases.operations.local_time import local_day
from bot.usecases.report.duplicates import follower_numbers
from db.models.directory import Officer
from db.models.people import User
from db.models.reports import Report
from db.repositories.reports import count_photos
from db.uow import UnitOfWork

# Presses on the list's buttons: "p.<page>" (page) and "d.<report id>" (details).
PAGE_SIZE = 8
# Audit rows that are not part of a report's story for officers.
HIDDEN_ACTIONS = ("refused",)
# History lines shown, and characters of a note in one line (a message holds 4096).
HISTORY_LINES = 20
NOTE_CHARS = 120


@dataclass(frozen=True)
class Page:
    """One page of open reports."""

    reports: list[Report]
    number: int
    pages: int
    total: int


async def visible_district_ids(
    session: AsyncSession, officer: Officer, day: date | None = None
) -> set[int]:
    """Return the districts whose reports an officer sees: theirs, or the station's (station-wide).

    With `day`, also the districts of officers they substitute that day.
    """
    own = await staff_queries.officer_district_ids(session, officer.id)
    if day is not None:
        own |= await substituted_district_ids(session, officer.id, day)
    if officer.station_wide:
        return await queries.station_district_ids(session, officer.station_id) | own
    return own


async def open_reports(
    session: AsyncSession, officer: Officer, page: int, day: date | None = None
) -> Page:
    """Return a page of the officer's open reports, oldest first."""
    districts = await visible_district_ids(session, officer, day)
    # Reports outside every district are the coordinators' and duty officers' to sort out.
    unassigned = officer.station_wide
    total = await queries.count_open_reports(session, districts, unassigned=unassigned)
    pages = max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    number = min(max(page, 0), pages - 1)
    reports = await queries.open_reports_page(
        session, districts, unassigned=unassigned, offset=number * PAGE_SIZE, limit=PAGE_SIZE
    )
    return Page(reports, number, pages, total)


async def waiting_unseen(
    session: AsyncSession, officer: Officer, chat_id: int, day: date | None = None
) -> Page:
    """Return the officer's open reports that were never shown in their chat (oldest first).

    They were sent to the duty group or a coordinator while the officer had not linked yet.
    """
    districts = await visible_district_ids(session, officer, day)
    total = await queries.count_unseen_reports(session, districts, chat_id)
    reports = await queries.unseen_reports(session, districts, chat_id, PAGE_SIZE)
    return Page(reports, 0, 1, total)


def _age_days(now: datetime, created: datetime) -> int:
    return max((now - created).days, 0)


def list_answer(
    services: Services, lang: str, page: Page, now: datetime, *, key: str = "officers-list"
) -> Answer:
    """Render a page: one line per report, a button per report, and paging."""
    if not page.total:
        return Answer(key="officers-list-empty")
    # One paragraph per report: a catalog text each, so nothing pre-rendered goes to the outbox.
    lines = [
        (
            "officers-list-line",
            {
                "reference": report.reference,
                "category": category_name(services, report, lang),
                "status": _status(services, report, lang, now),
                "days": _age_days(now, report.created_at),
                "place": place_text(services, report, lang),
            },
        )
        for report in page.reports
    ]
    rows: list[tuple[Option, ...]] = []
    buttons = [
        Option(
            "officers-list-open",
            QueryPress(QueryPress.DETAILS, r.id).encode(),
            {"reference": r.reference},
        )
        for r in page.reports
    ]
    rows += [tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]
    paging = []
    if page.number > 0:
        paging.append(
            Option("officers-list-prev", QueryPress(QueryPress.PAGE, page.number - 1).encode())
        )
    if page.number + 1 < page.pages:
        paging.append(
            Option("officers-list-next", QueryPress(QueryPress.PAGE, page.number + 1).encode())
        )
    if paging:
        rows.append(tuple(paging))
    return Answer(
        key=key,
        args={"total": page.total, "page": page.number + 1, "pages": page.pages},
        options=tuple(rows),
        scope=QUERY_SCOPE,
        also=tuple(lines),
    )


def _status(services: Services, report: Report, lang: str, now: datetime) -> str:
    """Return the status, marked when a deadline passed (bot/usecases/operations/deadlines.py)."""
    status = services.catalog.render(lang, f"officers-status-{report.status.value}")
    kind = overdue_kind(report, now, services.config.deadlines)
    if kind is None:
        return status
    return services.catalog.render(
        lang, "operations-overdue-status", {"status": status, "kind": kind}
    )


async def show_report(
    uow: UnitOfWork,
    services: Services,
    user: User,
    officer: Officer,
    report: Report,
    chat_id: int,
    lang: str,
) -> list[Answer]:
    """Show the whole report: its card (a live view with the actions valid now), the map pin,
    the photos (uploaded again from the stored files) and the history (also kept current)."""
    session = uow.session
    today = local_day(services.config, services.clock())
    if not await may_act(session, officer, report, today):
        key, args = await refusal(session, user, report)
        return [Answer(key=key, args=args)]
    now = services.clock()
    await add_view(
        uow, report, chat_id, CARD, lang, officer_id=officer.id, now=now, priority=PRIORITY_REPLY
    )
    media = {"report_id": report.id, "lang": lang}
    if report.location_source == "point" and report.lat is not None and report.lon is not None:
        queue_kind(uow, chat_id, KIND_LOCATION, media)
    photos = await count_photos(session, report.id)
    if photos:
        queue_kind(uow, chat_id, KIND_PHOTOS, {**media, "upload": True})
    await add_view(
        uow, report, chat_id, HISTORY, lang, officer_id=officer.id, now=now, priority=PRIORITY_REPLY
    )
    return []


async def history_answer(
    session: AsyncSession, services: Services, report: Report, lang: str
) -> Answer:
    """List who did what and when (status changes, hand-overs, notes, phone reveals)."""
    shown = await queries.history_events(session, report.id, HIDDEN_ACTIONS)
    lines: list[tuple[str, dict[str, Any]]] = []
    if len(shown) > HISTORY_LINES:
        # A message holds 4096 characters: the newest lines matter most.
        lines.append(("officers-history-more", {"count": len(shown) - HISTORY_LINES}))
        shown = shown[-HISTORY_LINES:]
    # Followers are named by number ("resident #2"), never by account: a coordinator can block
    # the one who acted (/blokuj REF #2) without learning who they are.
    followers = await follower_numbers(session, report.id)
    for event in shown:
        who = "—"
        if event.actor_officer_id is not None:
            officer = await session.get(Officer, event.actor_officer_id)
            who = officer_name(officer) if officer else "—"
        elif event.actor_user_id is not None and event.actor_user_id == report.user_id:
            who = services.catalog.render(lang, "officers-history-reporter")
        elif event.actor_user_id in followers:
            number = followers[event.actor_user_id]
            who = services.catalog.render(lang, "privacy-history-follower", {"number": number})
        status = (
            services.catalog.render(lang, f"officers-status-{event.to_status}")
            if event.to_status
            else ""
        )
        action = event.action
        if services.catalog.has(f"desk-history-{action}", lang):
            # Comments and the reporter's answers: described in desk.ftl, with their text.
            photos = len(event.data.get("photo_ids") or [])
            action = services.catalog.render(
                lang,
                f"desk-history-{action}",
                {
                    "note": _shorten(event.note or "", NOTE_CHARS),
                    "has_text": "yes" if event.note else "no",
                    "photos": photos,
                },
            )
        elif services.catalog.has(f"partners-history-{action}", lang):
            # A partner institution's answers (partners.ftl), with its name.
            name = str(event.data.get("name", "—"))
            action = services.catalog.render(lang, f"partners-history-{action}", {"name": name})
        elif services.catalog.has(f"operations-history-{action}", lang):
            # Deadlines, bans, retention: described in operations.ftl (shown by *[other]).
            action = services.catalog.render(lang, f"operations-history-{action}")
        lines.append(
            (
                "officers-history-line",
                {
                    "at": local_time(services, event.at),
                    "action": action,
                    "status": status,
                    "who": who,
                    "note": _shorten(event.note or "", NOTE_CHARS),
                },
            )
        )
    return Answer(key="officers-history", args={"reference": report.reference}, also=tuple(lines))


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
