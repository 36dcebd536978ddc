"""Officers' alerts about reports: queue them for the right chats, and keep them up to date.

Outbox rows hold ids only (kind "alert" and "alert_edit": {"view_id"}, see
bot/usecases/officers/views.py; "location" and "photos": {"report_id", "lang"});
handlers/officers.py renders them from the database when they are sent, so an edit always
shows the report as it is then.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from bot.outbox import PRIORITY_NOTICE, queue_kind
from bot.services import Services
from bot.usecases.officers.reachability import AlertTarget, Reason, plan_alert
from bot.usecases.officers.views import (
    ALERT,
    add_view,
    queue_view_edits,
)
from bot.usecases.operations.local_time import local_day
from db.models.reports import OPEN_STATUSES, AlertMessage, Report
from db.repositories import reports
from db.uow import UnitOfWork

log = logging.getLogger(__name__)

# Outbox kinds sent by handlers/officers.py (alerts and their edits: bot/usecases/officers/views).
KIND_LOCATION = "location"
KIND_PHOTOS = "photos"

# Reasons an alert is sent again, beside the reachability ones (officers-reason-<code>).
AlertReason = Reason | str


async def queue_new_report_alerts(uow: UnitOfWork, services: Services, report: Report) -> str:
    """Queue the alert of a just-submitted report for the district's officers (or the fallback).

    Returns who reads it, as the reporter is told: "district" when the district's officers (or
    their substitutes) are alerted, "police" when the station's fallback is or no one can be."""
    # Officers on leave today are replaced by their substitutes.
    today = local_day(services.config, services.clock())
    plan = await plan_alert(
        uow.session, report.district_id, services.config.telegram.ops_chat_id, today
    )
    if not plan.targets:
        # Nobody at all: `data check` lists such districts; the report stays NEW in the database.
        log.warning("report %s: no chat can receive its alert (%s)", report.id, plan.reason)
        return "police"
    if plan.reason is not None:
        log.info("report %s: alert goes to the fallback (%s)", report.id, plan.reason)
    await queue_alerts(uow, report, plan.targets, plan.reason)
    return "district" if plan.reason is None else "police"


async def notify_confirmation(uow: UnitOfWork, services: Services, report: Report) -> None:
    """Queue edits of the report's alerts to show the new number of "I see it too"."""
    await queue_alert_edits(uow, report.id)


async def queue_alerts(
    uow: UnitOfWork,
    report: Report,
    targets: Sequence[AlertTarget],
    reason: AlertReason | None,
) -> list[AlertMessage]:
    """Queue the alert (text, then pin, then photos) for each target chat, as live views."""
    session = uow.session
    await session.flush()
    photos = await reports.count_photos(session, report.id)
    linked: list[AlertMessage] = []
    for target in targets:
        view = await add_view(
            uow, report, target.chat_id, ALERT, target.lang, reason=reason,
            officer_id=target.officer_id,
        )  # fmt: skip
        media_payload = {"report_id": report.id, "lang": target.lang}
        if report.location_source == "point" and report.lat is not None and report.lon is not None:
            queue_kind(uow, target.chat_id, KIND_LOCATION, media_payload, priority=PRIORITY_NOTICE)
        if photos:
            queue_kind(uow, target.chat_id, KIND_PHOTOS, media_payload, priority=PRIORITY_NOTICE)
        linked.append(view)
    await session.flush()
    return linked


async def queue_alert_edits(
    uow: UnitOfWork, report_id: int, *, except_chats: Sequence[int] = ()
) -> int:
    """Queue an edit of every live view of a report (alerts, cards, histories); return how many."""
    return await queue_view_edits(uow, report_id, except_chats=except_chats)


async def reroute_alert(uow: UnitOfWork, services: Services, chat_id: int, report_id: int) -> int:
    """An alert could not be delivered (the chat blocked the bot): alert whoever else is due.

    The delivery worker has already marked the chat's user undeliverable, so planning again
    leaves them out; chats already alerted are not alerted twice. Return how many were added.
    """
    from bot.usecases.officers.reachability import deactivate_group

    session = uow.session
    await deactivate_group(session, chat_id)
    await reports.forget_alert_in_chat(session, report_id, chat_id)
    report = await session.get(Report, report_id)
    if report is None or report.status not in OPEN_STATUSES:
        return 0
    today = local_day(services.config, services.clock())
    plan = await plan_alert(
        session, report.district_id, services.config.telegram.ops_chat_id, today
    )
    alerted = await reports.alerted_chats(session, report_id)
    fresh = [t for t in plan.targets if t.chat_id not in alerted and t.chat_id != chat_id]
    if fresh:
        log.info("report %s: alert rerouted to %d chat(s) (%s)", report_id, len(fresh), plan.reason)
        await queue_alerts(uow, report, fresh, plan.reason or "unreachable")
    elif not alerted:
        log.warning("report %s: nobody left to alert after an undeliverable chat", report_id)
    return len(fresh)
