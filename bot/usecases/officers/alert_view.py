"""What an officer's alert says and offers, built from the database when it is sent or edited."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import Answer, Option
from bot.i18n import Dated, Raw
from bot.services import Services
from bot.usecases.officers import queries, workflow
from bot.usecases.officers.permissions import chat_may_act, phone_revealable
from bot.usecases.officers.presses import OFFICER_SCOPE, OfficerPress
from bot.usecases.officers.reporter_messages import RESIDENT_ACTIONS
from bot.usecases.operations.absences import standing_in_for_chat
from bot.usecases.operations.local_time import local_day
from bot.usecases.places import place_label
from db.models.directory import District, Officer
from db.models.people import Reporter
from db.models.reports import OPEN_STATUSES, Report, ReportStatus

REASSIGNED = "reassigned"
# Alert reasons whose paragraph is in operations.ftl (operations-reason-<code>): escalations
# and districts whose officers are on leave.
OPERATIONS_REASONS = frozenset({"overdue", "absent"})
# Reasons whose paragraph is in partners.ftl: a partner institution's silence or "Not ours".
PARTNER_REASONS = frozenset({"partner_silent", "partner_declined"})
# Reasons an alert went to a duty group or coordinator instead of the district's officer.
ROUTING_REASONS = frozenset(
    {"no_district", "no_officer", "not_linked", "unreachable", "absent", "overdue"}
)
WAITING_STATUSES = frozenset({ReportStatus.NEW, ReportStatus.REOPENED})


def local_time(services: Services, moment: datetime) -> Dated:
    """Return a moment in the bot's time zone, for the catalog to write (01.12.2026 14:05)."""
    return Dated.moment(moment.astimezone(ZoneInfo(services.config.bot.timezone)))


def officer_name(officer: Officer) -> str:
    """Return "st. asp. Jan Przykładowy"."""
    return f"{officer.rank} {officer.first_name} {officer.last_name}".strip()


def category_name(services: Services, report: Report, lang: str) -> str:
    """Return the category's name in a language (its code if the categories are not loaded)."""
    found = services.categories
    name = found.name(report.category, lang) if found is not None else report.category
    if report.category_other:
        return f"{name}: {report.category_other}"
    return name


def status_label(services: Services, report: Report, lang: str) -> str:
    """Return the status as officers read it (with the body for a forwarded report)."""
    label = services.catalog.render(lang, f"officers-status-{report.status.value}")
    if report.status is ReportStatus.FORWARDED and report.forwarded_to:
        if report.forwarded_to not in workflow.FORWARD_BODIES:
            # A partner institution (partners.csv): its own name, in every language.
            return f"{label}: {report.forwarded_to}"
        body = services.catalog.render(lang, f"officers-body-{report.forwarded_to}")
        return f"{label}: {body}"
    return label


def when_text(services: Services, report: Report, lang: str) -> Raw:
    """Describe when it happened, with the time the report was sent."""
    from bot.usecases.report.when import describe_when

    def text(key: str, **args: Any) -> str:
        return services.catalog.render(lang, key, args)

    described = describe_when(report.occurred, text)
    sent = services.catalog.render(
        lang, "officers-alert-sent-at", {"at": local_time(services, report.created_at)}
    )
    return Raw(f"{described} {sent}")


def place_text(services: Services, report: Report, lang: str) -> Raw:
    """Describe the report's place: the typed address, or the pin by its nearest street."""
    return place_label(
        services,
        lang,
        address=report.address,
        lat=report.lat,
        lon=report.lon,
        point=report.location_source == "point",
    )


async def alert_answer(
    session: AsyncSession,
    services: Services,
    report: Report,
    chat_id: int,
    lang: str,
    reason: str | None = None,
) -> Answer:
    """Build the alert for one chat: the report, its status, and the actions valid now."""
    district = await session.get(District, report.district_id) if report.district_id else None
    also: list[tuple[str, dict[str, Any]]] = []
    if report.description:
        also.append(("officers-alert-description", {"description": report.description}))
    said = await _resident_said(session, services, report)
    if said is not None:
        also.append(said)
    if report.anonymous or report.reporter_id is None:
        also.append(("officers-alert-anonymous", {}))
    else:
        reporter = await session.get(Reporter, report.reporter_id)
        if reporter is not None and reporter.display_name:
            also.append(("officers-alert-reporter", {"name": reporter.display_name}))
        else:
            also.append(("officers-alert-named", {}))
    moved = await queries.latest_event(session, report.id, REASSIGNED)
    if moved is not None:
        also.append(("officers-alert-reassigned", {"from": moved.data.get("from_name", "—")}))
    if reason and (reason not in ROUTING_REASONS or report.status in WAITING_STATUSES):
        # Why it came here ("the officer has not linked", "overdue") matters while it waits:
        # once someone took it, the line would only mislead.
        catalog = "operations" if reason in OPERATIONS_REASONS else "officers"
        if reason in PARTNER_REASONS:
            catalog = "partners"
        also.append((f"{catalog}-reason-{reason}", {}))
    today = local_day(services.config, services.clock())
    if report.district_id is not None:
        # A substitute is told whom they stand in for (the alert reaches them for that reason).
        absent = await standing_in_for_chat(session, chat_id, report.district_id, today)
        if absent:
            names = ", ".join(officer_name(officer) for officer in absent)
            also.append(("operations-alert-substitute", {"officers": names}))
    also.append(await _status_paragraph(session, services, report, lang))
    args = {
        "reference": report.reference,
        "category": category_name(services, report, lang),
        "when": when_text(services, report, lang),
        "place": place_text(services, report, lang),
        "district": district.name if district else "—",
        "confirmations": await queries.count_confirmations(session, report),
    }
    options: tuple[tuple[Option, ...], ...] = ()
    ops = services.config.telegram.ops_chat_id
    if await chat_may_act(session, report, chat_id, today, ops):
        options = await alert_options(session, report)
    return Answer(
        key="officers-alert", args=args, options=options, scope=OFFICER_SCOPE, also=tuple(also)
    )


SAID_CHARS = 300


async def _resident_said(
    session: AsyncSession, services: Services, report: Report
) -> tuple[str, dict[str, Any]] | None:
    """Describe the reporter's latest message and how many there are (None: none yet)."""
    count = await queries.count_events_among(session, report.id, RESIDENT_ACTIONS)
    if not count:
        return None
    latest = await queries.latest_event_among(session, report.id, RESIDENT_ACTIONS)
    assert latest is not None
    text = latest.note or ""
    if len(text) > SAID_CHARS:
        text = text[: SAID_CHARS - 1] + "…"
    return (
        "desk-alert-resident-said",
        {
            "count": count,
            "at": local_time(services, latest.at),
            "note": text,
            "has_text": "yes" if text else "no",
            "photos": len(latest.data.get("photo_ids") or []),
        },
    )


async def _status_paragraph(
    session: AsyncSession, services: Services, report: Report, lang: str
) -> tuple[str, dict[str, Any]]:
    status = status_label(services, report, lang)
    event = await queries.last_status_event(session, report.id)
    officer = None
    if event is not None and event.actor_officer_id is not None:
        officer = await session.get(Officer, event.actor_officer_id)
    if event is None or officer is None:
        return ("officers-alert-status", {"status": status})
    return (
        "officers-alert-status-by",
        {"status": status, "officer": officer_name(officer), "at": local_time(services, event.at)},
    )


def _button(report: Report, action: str) -> Option:
    return Option(f"officers-btn-{action}", OfficerPress(report.id, action).encode())


async def alert_options(session: AsyncSession, report: Report) -> tuple[tuple[Option, ...], ...]:
    """Return the alert's buttons: the valid next statuses, hand-overs, note, phone; a closed
    report keeps "Add a comment" (for the reporter and the history)."""
    if report.status not in OPEN_STATUSES:
        return ((_button(report, workflow.COMMENT),),)
    rows: list[tuple[Option, ...]] = []
    steps = [_button(report, action) for action in workflow.status_actions(report.status)]
    forward = OfficerPress(report.id, workflow.FORWARD).encode()
    steps = [b for b in steps if b.value != forward]
    if steps:
        rows.append(tuple(steps))
    rows.append((_button(report, workflow.FORWARD), _button(report, workflow.REASSIGN)))
    extra = [_button(report, workflow.NOTE)] if report.user_id is not None else []
    if await phone_revealable(session, report):
        extra.append(_button(report, workflow.PHONE))
    if extra:
        rows.append(tuple(extra))
    return tuple(rows)


def back_option(report: Report) -> Option:
    """Return Back, which redraws the pressed view with its own buttons (closing a menu)."""
    return Option("desk-btn-back", OfficerPress(report.id, workflow.BACK).encode())


def closing_menu(report: Report, action: str) -> Answer:
    """Ask once more before a closing step the resident is told of at once (workflow.ASK_FIRST)."""
    sure = OfficerPress(report.id, action, workflow.SURE).encode()
    return Answer(
        key=f"officers-sure-{action}",
        args={"reference": report.reference},
        options=((Option(f"officers-btn-sure-{action}", sure),), (back_option(report),)),
        scope=OFFICER_SCOPE,
    )


REASSIGN_PAGE = 10


def reassign_menu(report: Report, districts: list[District], page: int) -> Answer:
    """Ask which district the report goes to (paged: button data is small)."""
    start = page * REASSIGN_PAGE
    shown = districts[start : start + REASSIGN_PAGE]
    rows: list[tuple[Option, ...]] = [
        (
            Option(
                "officers-district",
                OfficerPress(report.id, workflow.REASSIGN_TO, str(d.id)).encode(),
                {"name": d.name},
            ),
        )
        for d in shown
    ]
    paging = []
    if page > 0:
        less = OfficerPress(report.id, workflow.REASSIGN, str(page - 1))
        paging.append(Option("desk-btn-less", less.encode()))
    if start + REASSIGN_PAGE < len(districts):
        more = OfficerPress(report.id, workflow.REASSIGN, str(page + 1))
        paging.append(Option("officers-btn-more", more.encode()))
    if paging:
        rows.append(tuple(paging))
    rows.append((back_option(report),))
    return Answer(
        key="officers-reassign-choose",
        args={"reference": report.reference},
        options=tuple(rows),
        scope=OFFICER_SCOPE,
    )
