"""The gatekeeper (handler group -1): every update passes here first; most pass on untouched.

It stays cheap: no DB access for dropped floods and groups, one small read (the user row) for
a private message or press, and a write only when it answers or a chat's state changed.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.ext import ApplicationHandlerStop, TypeHandler

from bot.conversation import Answer, Choice, Command, Option
from bot.outbox import PRIORITY_BACKGROUND, PRIORITY_REPLY, queue_answer, reply_priority
from bot.pipeline import AnyApplication
from bot.services import Services
from bot.usecases.gatekeeper import MESSAGE, PRESS, Flood, Gate, Person
from bot.usecases.gatekeeper_queries import (
    blocked_notice_due,
    note_blocked_notice,
    read_person,
    set_deliverable,
)
from handlers.context import BotContext
from handlers.turn_runner import CHANNEL, step_from_update

log = logging.getLogger(__name__)

# Handler group: before every feature's handlers (group 0).
GROUP = -1
# What officers' features need from groups and supergroups; everything else there is refused.
# Duty groups ("grp", "o") and partner institutions' chats ("prt", "pa").
GROUP_DEEP_LINKS = frozenset({"grp", "prt"})
GROUP_SCOPES = frozenset({"o", "pa"})


def gate_of(services: Services) -> Gate:
    """Return the process's gate (set up by app.assembly.prepare)."""
    gate = services.gate
    if gate is None:
        raise RuntimeError("no gate (app.assembly.prepare did not run)")
    return gate


async def gatekeeper(update: Update, context: BotContext) -> None:
    """Let an update pass, answer it here, or drop it (ApplicationHandlerStop).

    Every message, edit and press with a sender counts towards that person's flood allowance,
    in private chats and in groups alike; what is over it never reaches a flow.
    """
    services = context.services
    gate = gate_of(services)
    # Set for every update (the handlers after us read it): replies go first unless flooding.
    reply_priority.set(PRIORITY_REPLY)
    tg_user, chat = update.effective_user, update.effective_chat
    if tg_user is None or chat is None:
        gate.counters.without_sender += 1
        log.debug("update %s without a user or chat dropped", update.update_id)
        raise ApplicationHandlerStop
    if update.my_chat_member is not None:
        if chat.type == ChatType.PRIVATE:
            await _membership_changed(update, context)
            raise ApplicationHandlerStop
        # A group the bot joined or left: the officers' feature may follow its duty groups.
        return
    # Reactions and the like cost no work and are not counted; everything a person says is.
    said = any((update.message, update.edited_message, update.callback_query))
    verdict = _count(update, services, gate) if said else Flood.ALLOW
    if verdict is Flood.SLOW:
        reply_priority.set(PRIORITY_BACKGROUND)
    if chat.type != ChatType.PRIVATE:
        if not verdict.passes:
            # Never "slow down" in a group: the group did not flood, one member did.
            gate.counters.flood_dropped += 1
            raise ApplicationHandlerStop
        if _for_officers(update):
            return
        await _refuse_group(update, context)
        raise ApplicationHandlerStop
    if not said:
        return
    if verdict is Flood.DROP:
        gate.counters.flood_dropped += 1
        raise ApplicationHandlerStop
    if update.edited_message is not None:
        if verdict is Flood.WARN:
            await _check_person(update, context, verdict)  # warns once, or drops: stops
        if await _edited(update, context):
            raise ApplicationHandlerStop
        return
    await _check_person(update, context, verdict)


def _count(update: Update, services: Services, gate: Gate) -> Flood:
    """Count the update towards its sender's allowance (presses have their own)."""
    tg_user = update.effective_user
    assert tg_user is not None
    kind = PRESS if update.callback_query is not None else MESSAGE
    album = update.message.media_group_id if update.message is not None else None
    return gate.flood.check(tg_user.id, services.clock(), album, kind)


def _for_officers(update: Update) -> bool:
    """Tell whether a group update is a duty-group or partner link, or an officers' or
    partners' button."""
    if update.message is None and update.callback_query is None:
        return False
    step = step_from_update(update)
    if isinstance(step, Command):
        prefix = step.args.split("_", 1)[0]
        return step.name == "start" and bool(step.args) and prefix in GROUP_DEEP_LINKS
    return isinstance(step, Choice) and step.scope in GROUP_SCOPES


def _hint(update: Update) -> str | None:
    """Return the app's language (2 letters), a suggestion when the person chose none."""
    tg_user = update.effective_user
    if tg_user is None or not tg_user.language_code:
        return None
    return tg_user.language_code.split("-", 1)[0]


async def _refuse_group(update: Update, context: BotContext) -> None:
    """Tell a group to write privately, at most once an hour; drop everything else there."""
    services = context.services
    gate = gate_of(services)
    chat = update.effective_chat
    assert chat is not None
    if update.message is None or not gate.group_hints.due(chat.id, services.clock()):
        gate.counters.group_dropped += 1
        return
    link = f"https://t.me/{context.bot.username}"
    answer = Answer(
        "gate-group-private",
        {"link": link},
        options=((Option("gate-open-private", kind="url", url=link),),),
    )
    async with services.uow() as uow:
        lang = services.catalog.language(_hint(update))
        # Nobody waits for it in the group: behind officers' alerts.
        queue_answer(uow, chat.id, answer, lang, priority=PRIORITY_BACKGROUND)
        await uow.commit()
    gate.counters.group_hints += 1


async def _membership_changed(update: Update, context: BotContext) -> None:
    """Note that a person blocked the bot ("kicked") or came back ("member")."""
    change = update.my_chat_member
    tg_user = update.effective_user
    assert change is not None and tg_user is not None
    status = change.new_chat_member.status
    # "kicked" (BANNED) in a private chat: the person blocked the bot; "member": unblocked it.
    if status not in (ChatMemberStatus.BANNED, ChatMemberStatus.MEMBER):
        return
    works = status == ChatMemberStatus.MEMBER
    async with context.services.uow() as uow:
        if await set_deliverable(uow.session, CHANNEL, str(tg_user.id), works):
            await uow.commit()
            log.info("a user %s the bot", "unblocked" if works else "blocked")


def _language(services: Services, person: Person | None, update: Update) -> str:
    chosen = person.language if person is not None else None
    return services.catalog.language(chosen or _hint(update))


async def _edited(update: Update, context: BotContext) -> bool:
    """Say that edits are not read, unless the person's flow answers them; tell which."""
    services = context.services
    tg_user, chat = update.effective_user, update.effective_chat
    assert tg_user is not None and chat is not None
    async with services.uow() as uow:
        person = await read_person(uow.session, CHANNEL, str(tg_user.id))
        if person is not None and person.blocked:
            return True
        if person is not None and person.answers_edits_itself(services.clock()):
            return False
        user_id = person.user_id if person is not None else None
        answer = Answer("gate-edited")
        lang = _language(services, person, update)
        queue_answer(uow, chat.id, answer, lang, user_id=user_id, priority=reply_priority.get())
        await uow.commit()
    gate_of(services).counters.edits_answered += 1
    return True


async def _check_person(update: Update, context: BotContext, verdict: Flood) -> None:
    """Drop blocked users' messages and warn a flood once; let everything else pass."""
    services = context.services
    gate = gate_of(services)
    tg_user, chat = update.effective_user, update.effective_chat
    assert tg_user is not None and chat is not None
    now = services.clock()
    # Most updates only read (blocked? flooding?): a read on its own, no transaction.
    async with services.uow.read() as session:
        person = await read_person(session, CHANNEL, str(tg_user.id))
    user_id = person.user_id if person is not None else None
    if person is not None and person.blocked:
        gate.counters.blocked_dropped += 1
        async with services.uow() as uow:
            if await blocked_notice_due(uow.session, person):
                lang = _language(services, person, update)
                queue_answer(uow, chat.id, Answer("gate-blocked"), lang, user_id=user_id)
                note_blocked_notice(uow.session, person, now)
                await uow.commit()
        raise ApplicationHandlerStop
    if verdict is Flood.WARN:
        gate.counters.flood_warnings += 1
        lang = _language(services, person, update)
        async with services.uow() as uow:
            # Behind officers' alerts: a flood never delays them.
            queue_answer(
                uow,
                chat.id,
                Answer("gate-flood"),
                lang,
                user_id=user_id,
                priority=PRIORITY_BACKGROUND,
            )
            await uow.commit()
        raise ApplicationHandlerStop


def register(application: AnyApplication) -> None:
    application.add_handler(TypeHandler(Update, gatekeeper), group=GROUP)
