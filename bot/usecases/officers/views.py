"""Live views: every message that shows a report to an officer is recorded and kept current.

An alert, an escalation, the card of /zgloszenie (or of a list entry) and its history are rows
of `alert_messages` (db.models.reports.AlertMessage). Each is queued as an outbox row holding
only the view's id; the sender renders it from the database when it is sent, and every change
of the report queues an edit of every live view, so all of them show the status and the
buttons valid now. A chat keeps at most LIVE_PER_CHAT live views of one report: opening the
card again retires the oldest one (its buttons go, a line says a newer view is below).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Literal

from bot.conversation import Answer
from bot.outbox import PRIORITY_NOTICE, PRIORITY_REPLY, queue_kind
from bot.services import Services
from bot.usecases.officers import queries
from db.models.reports import AlertMessage, Report
from db.uow import UnitOfWork

# Outbox kinds sent by handlers/officers.py.
KIND_ALERT = "alert"
KIND_ALERT_EDIT = "alert_edit"
# Replaces a view's buttons with a menu (forward to an institution, another district).
KIND_VIEW_MENU = "alert_menu"

ViewKind = Literal["alert", "card", "history"]
ALERT: ViewKind = "alert"
CARD: ViewKind = "card"
HISTORY: ViewKind = "history"
# Live views of one report in one chat; older ones are retired when a new one is shown.
LIVE_PER_CHAT = 4
# Views redrawn when a chat's rights change (revoked, new role, group disabled): the newest.
# Older ones keep their buttons, but every press is checked against the database anyway.
CHAT_REDRAW_LIMIT = 200


async def add_view(
    uow: UnitOfWork,
    report: Report,
    chat_id: int,
    kind: ViewKind,
    lang: str,
    *,
    reason: str | None = None,
    officer_id: int | None = None,
    now: datetime | None = None,
    priority: int = PRIORITY_NOTICE,
) -> AlertMessage:
    """Record a new view of a report in a chat and queue it (rendered when sent)."""
    session = uow.session
    view = AlertMessage(
        report_id=report.id,
        chat_id=chat_id,
        kind=kind,
        lang=lang,
        reason=reason,
        officer_id=officer_id,
    )
    if now is not None:
        view.created_at = now
    session.add(view)
    await session.flush()
    row = queue_kind(uow, chat_id, KIND_ALERT, {"view_id": view.id}, priority=priority)
    await session.flush()
    view.outbox_id = row.id
    await _retire_old(uow, report.id, chat_id, now)
    return view


async def _retire_old(uow: UnitOfWork, report_id: int, chat_id: int, now: datetime | None) -> None:
    """Keep LIVE_PER_CHAT live views of a report in a chat; retire (and redraw) the older."""
    live = await queries.live_views_in_chat_newest_first(uow.session, report_id, chat_id)
    for view in live[LIVE_PER_CHAT:]:
        view.retired_at = now or view.created_at
        if view.kind != HISTORY:
            # Once more, without buttons: "a newer view of this report is below".
            queue_view_edit(uow, view)


def queue_view_edit(uow: UnitOfWork, view: AlertMessage) -> None:
    """Queue an edit of one view (rendered when sent)."""
    queue_kind(uow, view.chat_id, KIND_ALERT_EDIT, {"view_id": view.id}, priority=PRIORITY_NOTICE)


async def queue_view_edits(
    uow: UnitOfWork, report_id: int, *, except_chats: Sequence[int] = ()
) -> int:
    """Queue an edit of every live view of a report (rendered when sent); return how many."""
    count = 0
    for view in await queries.live_views(uow.session, report_id):
        if view.chat_id in except_chats:
            continue
        queue_view_edit(uow, view)
        count += 1
    return count


async def queue_chat_view_edits(uow: UnitOfWork, chat_id: int) -> int:
    """Redraw the newest live views in a chat whose rights changed; return how many."""
    count = 0
    for view in await queries.newest_chat_views_but(
        uow.session, chat_id, HISTORY, CHAT_REDRAW_LIMIT
    ):
        queue_view_edit(uow, view)
        count += 1
    return count


async def view_at(uow: UnitOfWork, chat_id: int, message_id: int) -> AlertMessage | None:
    """Return the view shown by a message (a pressed button's message), if it is one."""
    return await queries.view_at(uow.session, chat_id, message_id)


def queue_menu(uow: UnitOfWork, chat_id: int, message_id: int, menu: Answer, lang: str) -> None:
    """Show a menu in place of a view's buttons (Back brings the view's own buttons back)."""
    queue_kind(
        uow,
        chat_id,
        KIND_VIEW_MENU,
        {"message_id": message_id, "answer": menu.to_json(), "lang": lang},
        priority=PRIORITY_REPLY,
    )


async def render_view(uow: UnitOfWork, services: Services, view: AlertMessage) -> Answer | None:
    """Render a view as it should read now (None: the report is gone)."""
    from bot.usecases.officers.alert_view import alert_answer
    from bot.usecases.officers.report_commands import history_answer

    session = uow.session
    report = await session.get(Report, view.report_id)
    if report is None:
        return None
    lang = services.catalog.language(view.lang)
    if view.kind == HISTORY:
        return await history_answer(session, services, report, lang)
    answer = await alert_answer(session, services, report, view.chat_id, lang, view.reason)
    if view.retired_at is None:
        return answer
    return Answer(
        key=answer.key,
        args=answer.args,
        scope=answer.scope,
        also=(*answer.also, ("desk-view-retired", {})),
    )


async def view_by_outbox(uow: UnitOfWork, outbox_id: int) -> AlertMessage | None:
    """Return the view an outbox row sends (the row's id is kept on the view)."""
    return await queries.view_by_outbox(uow.session, outbox_id)


async def views_to_edit(
    uow: UnitOfWork, payload: dict[str, Any], chat_id: int
) -> list[AlertMessage]:
    """Return the views an edit row names: one view, or (rows queued before views existed)
    every live view of the report in the chat."""
    session = uow.session
    if "view_id" in payload:
        view = await session.get(AlertMessage, int(payload["view_id"]))
        return [view] if view is not None else []
    return await queries.live_views_in_chat(session, int(payload.get("report_id", 0)), chat_id)


async def remember_message(uow: UnitOfWork, view_id: int, message_id: int) -> None:
    """Note the sent view's message id, so that later changes edit it (caller commits)."""
    view = await uow.session.get(AlertMessage, view_id)
    if view is not None:
        view.message_id = message_id
