"""Officers' Telegram side: alert buttons, duty-group registration, and the alert senders.

Presses of officer buttons (scope "o", in private chats and duty groups) and residents'
"Still happening" (scope "ro") get a handler of their own so a refusal can show as a popup on
the button; the use cases in bot/usecases/officers decide everything from the database.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot, InlineKeyboardMarkup, InputMediaPhoto, Message, Update
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    CallbackQueryHandler,
    ChatMemberHandler,
    MessageHandler,
    filters,
)

from bot.conversation import Answer, Command, Option
from bot.outbox import queue_answer, reply, reply_priority
from bot.pipeline import AnyApplication
from bot.pipeline.senders import Sender
from bot.services import Services
from bot.turn import Turn
from bot.usecases import alerts
from bot.usecases.officers import (
    buttons,
    notes,
    outgoing,
    reopen,
    reporter_messages,
    views,
)
from bot.usecases.officers.invites import GROUP_PREFIX
from bot.usecases.officers.linking import register_duty_group
from bot.usecases.officers.presses import OFFICER_SCOPE, QUERY_SCOPE, REOPEN_SCOPE, QueryPress
from bot.usecases.officers.reachability import deactivate_group
from bot.usecases.operations.quiet_hours import alert_is_silent, chat_is_quiet
from bot.usecases.report.follow_up import REPLY, FollowUpPress
from bot.usecases.report.follow_up import SCOPE as FOLLOW_UP_SCOPE
from db.models.people import User
from db.models.pipeline import OutboxMessage
from db.repositories.users import ensure_user
from handlers.context import BotContext
from handlers.render import render_markup, render_text
from handlers.turn_runner import CHANNEL, step_from_message, step_from_update, turn_for

log = logging.getLogger(__name__)

# Telegram's error when an edit would change nothing (a repeated edit after a crash).
NOT_MODIFIED = "message is not modified"
NOT_FOUND = "message to edit not found"
# Telegram shows at most 200 characters in a button's popup.
POPUP_LIMIT = 200


def _turn(services: Services, update: Update, user: User) -> Turn:
    step = step_from_update(update)
    assert step is not None
    return turn_for(services, update, user, step)


async def on_press(update: Update, context: BotContext) -> None:
    """Handle an officer button or a resident's "Still happening", in one unit of work."""
    services = context.services
    query, tg_user, chat = update.callback_query, update.effective_user, update.effective_chat
    if query is None or tg_user is None or chat is None:
        return
    in_group = chat.type != ChatType.PRIVATE
    async with services.uow() as uow:
        user = await ensure_user(
            uow.session, CHANNEL, str(tg_user.id), None if in_group else chat.id
        )
        turn = _turn(services, update, user)
        pressed = None
        if isinstance(query.message, Message):
            pressed = (chat.id, query.message.message_id)
        if (query.data or "").startswith(REOPEN_SCOPE + ":"):
            outcome = await reopen.press_reopen(uow, services, turn)
        else:
            outcome = await buttons.press_officer_button(
                uow, services, turn, in_group=in_group, pressed=pressed
            )
        lang = services.catalog.language(user.language) if user.language else turn.lang
        if outcome.menu is not None:
            if pressed is not None:
                views.queue_menu(uow, chat.id, pressed[1], outcome.menu, lang)
            else:
                outcome.answers.append(outcome.menu)
        for answer in outcome.answers:
            queue_answer(
                uow,
                chat.id,
                answer,
                lang,
                user_id=None if in_group else user.id,
                priority=reply_priority.get(),
            )
        for answer in outcome.private:
            reply(uow, user, answer, lang)
        notice = None
        if outcome.notice is not None:
            # Popups are plain text.
            notice = services.catalog.plain(lang, outcome.notice, outcome.notice_args)[:POPUP_LIMIT]
        await uow.commit()
    try:
        await query.answer(text=notice, show_alert=outcome.refused)
    except TelegramError as exc:
        # The press is committed; a lost popup must not make it run again.
        log.info("answerCallbackQuery failed for update %s: %s", update.update_id, exc)


async def on_group_start(update: Update, context: BotContext) -> None:
    """Register a duty group from a ?startgroup= link (/start grp_<code> in the group)."""
    services = context.services
    message, tg_user, chat = update.effective_message, update.effective_user, update.effective_chat
    if message is None or tg_user is None or chat is None:
        return
    step = step_from_message(message)
    if not isinstance(step, Command) or not step.args.startswith(GROUP_PREFIX + "_"):
        return
    async with services.uow() as uow:
        user = await ensure_user(uow.session, CHANNEL, str(tg_user.id), None)
        turn = _turn(services, update, user)
        answers = await register_duty_group(
            uow, services, turn, chat.id, chat.title, step.args.split()[0]
        )
        for answer in answers:
            queue_answer(uow, chat.id, answer, turn.lang, priority=reply_priority.get())
        await uow.commit()


async def on_group_membership(update: Update, context: BotContext) -> None:
    """Stop alerting a duty group the bot was removed from."""
    change, chat = update.my_chat_member, update.effective_chat
    if change is None or chat is None or chat.type == ChatType.PRIVATE:
        return
    if change.new_chat_member.status not in (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED):
        return
    async with context.services.uow() as uow:
        if await deactivate_group(uow.session, chat.id):
            log.info("duty group %s removed the bot; it gets no more alerts", chat.id)
            await uow.commit()


def register(application: AnyApplication) -> None:
    # Group 0, before the conversation feature (which would take any press).
    application.add_handler(
        CallbackQueryHandler(on_press, pattern=rf"^({OFFICER_SCOPE}|{REOPEN_SCOPE}):")
    )
    application.add_handler(
        MessageHandler(
            filters.ChatType.GROUPS & filters.Regex(rf"^/start(@\w+)?\s+{GROUP_PREFIX}_"),
            on_group_start,
        )
    )
    application.add_handler(
        ChatMemberHandler(on_group_membership, ChatMemberHandler.MY_CHAT_MEMBER)
    )


# ---- senders -------------------------------------------------------------------------------


class OfficerSenders:
    """Send the officers' outbox kinds, rendering each from the database at send time."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.catalog = services.catalog

    def senders(self) -> dict[str, Sender]:
        """Return the sender of every kind this feature queues."""
        return {
            views.KIND_ALERT: self.alert,
            views.KIND_ALERT_EDIT: self.alert_edit,
            views.KIND_VIEW_MENU: self.menu,
            alerts.KIND_LOCATION: self.location,
            alerts.KIND_PHOTOS: self.photos,
            buttons.KIND_CONTACT: self.contact,
            notes.KIND_NOTE: self.note,
            reporter_messages.KIND_RESIDENT_MESSAGE: self.resident_message,
        }

    async def alert(self, bot: Bot, row: OutboxMessage) -> int | None:
        """Send a live view of a report (alert, card, history) with the actions valid now."""
        async with self.services.uow() as uow:
            view = await views.view_by_outbox(uow, row.id)
            if view is None:
                return None
            view_id, lang = view.id, self.catalog.language(view.lang)
            answer = await views.render_view(uow, self.services, view)
            # The officer's quiet hours, at the time it is sent (escalations are never silent);
            # a card or history asked for right now is never silent.
            silent = view.kind == views.ALERT and await alert_is_silent(
                uow.session, self.services.config, row.chat_id, view.reason, self.services.clock()
            )
        if answer is None:
            return None
        message = await bot.send_message(
            chat_id=row.chat_id,
            text=render_text(self.catalog, lang, answer),
            parse_mode=ParseMode.HTML,
            reply_markup=render_markup(self.catalog, lang, answer),
            disable_notification=silent,
        )
        try:
            async with self.services.uow() as uow:
                await views.remember_message(uow, view_id, message.message_id)
                await uow.commit()
        except Exception:
            # Sent is sent: raising would send it again. The next edit cannot find it, though.
            log.exception("view %s sent, but its message id was not noted", view_id)
        return message.message_id

    async def _quiet(self, session: AsyncSession, chat_id: int) -> bool:
        # Pins and photos follow their alert; they never need a sound of their own at night.
        return await chat_is_quiet(session, self.services.config, chat_id, self.services.clock())

    async def alert_edit(self, bot: Bot, row: OutboxMessage) -> int | None:
        """Edit a sent view to show the report as it is now (nothing when it was never sent)."""
        edited = None
        async with self.services.uow() as uow:
            targets = []
            for view in await views.views_to_edit(uow, row.payload, row.chat_id):
                if view.message_id is None:
                    continue
                answer = await views.render_view(uow, self.services, view)
                if answer is not None:
                    targets.append((view.message_id, self.catalog.language(view.lang), answer))
        for message_id, lang, answer in targets:
            try:
                await bot.edit_message_text(
                    chat_id=row.chat_id,
                    message_id=message_id,
                    text=render_text(self.catalog, lang, answer),
                    parse_mode=ParseMode.HTML,
                    reply_markup=_inline(render_markup(self.catalog, lang, answer)),
                )
            except BadRequest as exc:
                reason = str(exc).lower()
                if NOT_FOUND in reason:
                    # Deleted in the chat: nothing left to edit.
                    log.info("a view in chat %s is gone", row.chat_id)
                    continue
                # Sent again after a crash, or two changes in a row: the view already says this.
                if NOT_MODIFIED not in reason:
                    raise
            edited = message_id
        return edited

    async def menu(self, bot: Bot, row: OutboxMessage) -> int | None:
        """Show a menu (an institution, another district) in place of a view's buttons."""
        answer = Answer.from_json(row.payload["answer"])
        lang = self.catalog.language(row.payload.get("lang"))
        message_id = int(row.payload["message_id"])
        try:
            await bot.edit_message_reply_markup(
                chat_id=row.chat_id,
                message_id=message_id,
                reply_markup=_inline(render_markup(self.catalog, lang, answer)),
            )
        except BadRequest as exc:
            reason = str(exc).lower()
            if NOT_FOUND in reason or NOT_MODIFIED in reason:
                # Deleted meanwhile, or the same menu pressed twice.
                return None
            raise
        return message_id

    async def location(self, bot: Bot, row: OutboxMessage) -> int | None:
        """Send the map pin of a report's shared point."""
        async with self.services.uow() as uow:
            pin = await outgoing.pin_of(uow, int(row.payload["report_id"]))
            silent = await self._quiet(uow.session, row.chat_id)
        if pin is None:
            return None
        message = await bot.send_location(
            chat_id=row.chat_id, latitude=pin.lat, longitude=pin.lon, disable_notification=silent
        )
        return message.message_id

    async def photos(self, bot: Bot, row: OutboxMessage) -> int | None:
        """Send a report's photos: one photo, or an album of 2-3."""
        async with self.services.uow() as uow:
            only = row.payload.get("photo_ids")
            reference, photos = await outgoing.photos_of(
                uow, int(row.payload["report_id"]), [int(i) for i in only] if only else None
            )
            silent = await self._quiet(uow.session, row.chat_id)
        if not photos:
            return None
        lang = self.catalog.language(row.payload.get("lang"))
        caption = self.catalog.render(lang, "officers-alert-photos", {"reference": reference})
        # A card asks for the stored files: the file ids of the alert's album may be gone.
        upload = bool(row.payload.get("upload"))
        media = [p.content if upload else p.file_id or p.content for p in photos]
        sent: list[Message]
        if len(photos) == 1:
            sent = [
                await bot.send_photo(
                    chat_id=row.chat_id,
                    photo=media[0],
                    caption=caption,
                    parse_mode=ParseMode.HTML,
                    disable_notification=silent,
                )
            ]
        else:
            album = [
                InputMediaPhoto(m, caption=caption if i == 0 else None, parse_mode=ParseMode.HTML)
                for i, m in enumerate(media)
            ]
            sent = list(
                await bot.send_media_group(
                    chat_id=row.chat_id, media=album, disable_notification=silent
                )
            )
        file_ids = {
            photo.id: message.photo[-1].file_id
            for photo, message in zip(photos, sent, strict=False)
            if message.photo and photo.file_id is None
        }
        if file_ids:
            try:
                async with self.services.uow() as uow:
                    await outgoing.remember_file_ids(uow, file_ids)
                    await uow.commit()
            except Exception:
                # Only a cache: the next album uploads the bytes again.
                log.exception("photos of row %s sent, but their file ids were not noted", row.id)
        return sent[0].message_id

    async def contact(self, bot: Bot, row: OutboxMessage) -> int | None:
        """Send the reporter's phone to the officer who asked (checked again now)."""
        lang = self.catalog.language(row.payload.get("lang"))
        async with self.services.uow() as uow:
            card = await outgoing.contact_to_send(uow, int(row.payload["report_id"]))
        if card is None:
            return None
        if isinstance(card, str):
            text = self.catalog.render(lang, "officers-phone-withdrawn", {"reference": card})
            message = await bot.send_message(chat_id=row.chat_id, text=text)
            return message.message_id
        # One call: the card's last name says which report the number belongs to.
        message = await bot.send_contact(
            chat_id=row.chat_id,
            phone_number=card.phone,
            first_name=card.name[:64],
            last_name=card.reference,
        )
        return message.message_id

    async def note(self, bot: Bot, row: OutboxMessage) -> int | None:
        """Send an officer's note to the reporter."""
        lang = self.catalog.language(row.payload.get("lang"))
        async with self.services.uow() as uow:
            note = await outgoing.note_to_send(uow, int(row.payload["audit_id"]))
        if note is None:
            return None
        if note.action == "comment":
            answer = Answer(
                key="desk-resident-comment", args={"reference": note.reference, "note": note.text}
            )
        else:
            # A question: the reporter answers with the next message, or the button later.
            window = (
                "desk-note-reply-open" if row.payload.get("window") else "desk-note-reply-later"
            )
            hours = self.services.config.reports.reply_window_hours
            reply = FollowUpPress(REPLY, note.report_id)
            answer = Answer(
                key="officers-resident-note",
                args={"reference": note.reference, "note": note.text, "by": note.by},
                options=((Option("desk-btn-reply", reply.encode()),),),
                scope=FOLLOW_UP_SCOPE,
                also=((window, {"hours": hours, "by": note.by}),),
            )
        message = await bot.send_message(
            chat_id=row.chat_id,
            text=render_text(self.catalog, lang, answer),
            parse_mode=ParseMode.HTML,
            reply_markup=render_markup(self.catalog, lang, answer),
        )
        return message.message_id

    async def resident_message(self, bot: Bot, row: OutboxMessage) -> int | None:
        """Tell an officer what the reporter wrote (never who), with a way to the card."""
        lang = self.catalog.language(row.payload.get("lang"))
        async with self.services.uow() as uow:
            said = await reporter_messages.resident_message_to_send(
                uow, int(row.payload["audit_id"])
            )
        if said is None:
            return None
        options: tuple[tuple[Option, ...], ...] = ()
        if row.payload.get("private"):
            details = QueryPress(QueryPress.DETAILS, said.report_id)
            options = ((Option("desk-btn-open-report", details.encode()),),)
        answer = Answer(
            key="desk-officer-resident-said",
            args={
                "reference": said.reference,
                "kind": "reply" if said.action == reporter_messages.REPLY_ACTION else "info",
                "text": said.text,
                "has_text": "yes" if said.text else "no",
                "photos": said.photos,
            },
            options=options,
            scope=QUERY_SCOPE,
        )
        message = await bot.send_message(
            chat_id=row.chat_id,
            text=render_text(self.catalog, lang, answer),
            parse_mode=ParseMode.HTML,
            reply_markup=render_markup(self.catalog, lang, answer),
        )
        return message.message_id


def _inline(markup: object) -> InlineKeyboardMarkup | None:
    # Alerts only ever carry inline buttons; no markup removes them (a closed report).
    return markup if isinstance(markup, InlineKeyboardMarkup) else None


def senders(services: Services) -> Mapping[str, Sender]:
    return OfficerSenders(services).senders()


def prepare(services: Services) -> None:
    """Tell the delivery worker what to do with an alert no officer can receive."""

    async def on_undeliverable(row: OutboxMessage) -> None:
        # Only a lost alert needs someone else; lost edits, pins and photos follow the alert.
        if row.kind != views.KIND_ALERT:
            return
        async with services.uow() as uow:
            view = await views.view_by_outbox(uow, row.id)
            if view is None or view.kind != views.ALERT:
                # A card or history the officer asked for: nobody else needs it.
                return
            await alerts.reroute_alert(uow, services, row.chat_id, view.report_id)
            await uow.commit()

    services.on_undeliverable = on_undeliverable
