"""One conversational turn: parse the update into a Step, run a use case, queue its answers."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Awaitable, Callable, Sequence

from telegram import Message, Update
from telegram.error import TelegramError

from bot.callback_data import InvalidCallbackData, decode
from bot.conversation import (
    REPLACE_PRESSED,
    Answer,
    Choice,
    Command,
    Contact,
    Location,
    Media,
    Step,
    Text,
    Unsupported,
    clean_text,
)
from bot.outbox import reply
from bot.services import Services
from bot.turn import Turn
from db.models.people import User
from db.repositories.users import ensure_user
from db.uow import UnitOfWork
from handlers.context import BotContext

log = logging.getLogger(__name__)

CHANNEL = "telegram"

# A use case gets the open unit of work and the turn; it returns what to answer.
UseCase = Callable[[UnitOfWork, Turn], Awaitable[Sequence[Answer]]]


def step_from_message(message: Message) -> Step:
    """Turn a Telegram message into a transport-neutral Step (every text cleaned first)."""
    if message.text is not None:
        text = clean_text(message.text).strip()
        if text.startswith("/"):
            head, _, args = text.partition(" ")
            # "/start@razem_bot payload" in groups: drop the bot's name.
            return Command(head[1:].split("@", 1)[0].lower(), args.strip())
        return Text(text)
    if message.venue is not None:
        venue = message.venue
        return Location(
            venue.location.latitude,
            venue.location.longitude,
            clean_text(venue.title),
            clean_text(venue.address),
        )
    if message.location is not None:
        return Location(message.location.latitude, message.location.longitude)
    if message.contact is not None:
        contact = message.contact
        own = (
            contact.user_id is not None
            and message.from_user is not None
            and (contact.user_id == message.from_user.id)
        )
        return Contact(clean_text(contact.phone_number), own)
    caption = (message.caption or "").strip() or None
    if message.photo:
        largest = message.photo[-1]
        return Media((largest.file_id,), (largest.file_size or 0,), message.media_group_id, caption)
    document = message.document
    if document is not None and (document.mime_type or "").startswith("image/"):
        return Media(
            (document.file_id,), (document.file_size or 0,), message.media_group_id, caption
        )
    return Unsupported(_kind(message))


def _kind(message: Message) -> str:
    for kind in ("sticker", "voice", "video", "video_note", "audio", "document", "animation"):
        if getattr(message, kind, None):
            return kind
    return "other"


def step_from_update(update: Update) -> Step | None:
    """Return the Step of a message or button press (None: nothing a person said)."""
    if update.callback_query is not None:
        try:
            data = decode(update.callback_query.data)
        except InvalidCallbackData:
            # Forged or from an older bot version: the use case answers "button expired".
            return Choice("", version=-1, scope="")
        return Choice(data.value, version=data.version, scope=data.scope)
    message = update.effective_message
    if message is None:
        return None
    return step_from_message(message)


def _pressed_message_id(update: Update) -> int | None:
    """Return the id of the message whose button was pressed (None: no press, or unknown)."""
    query = update.callback_query
    message = query.message if query is not None else None
    return message.message_id if message is not None else None


def turn_for(services: Services, update: Update, user: User, step: Step) -> Turn:
    """Build the Turn of an update: the one place that picks the language, clock and name."""
    tg_user = update.effective_user
    # The app's language is only a suggestion until the resident picks one (/jezyk).
    hint = ((tg_user.language_code if tg_user else None) or "").split("-", 1)[0] or None
    return Turn(
        user=user,
        step=step,
        lang=services.catalog.language(user.language or hint),
        language_hint=hint,
        now=services.clock(),
        display_name=(clean_text(tg_user.full_name) or None) if tg_user else None,
    )


async def run_turn(update: Update, context: BotContext, use_case: UseCase) -> None:
    """Run a use case for this update in one unit of work and queue its answers."""
    services = context.services
    tg_user = update.effective_user
    chat = update.effective_chat
    step = step_from_update(update)
    if tg_user is None or step is None:
        return
    chat_id = chat.id if chat is not None and chat.type == "private" else None
    # Slow preparations (photo downloads) before the transaction opens: no lock held meanwhile.
    for hook in services.pre_turn_hooks:
        await hook(services, str(tg_user.id), step)
    async with services.uow() as uow:
        user = await ensure_user(uow.session, CHANNEL, str(tg_user.id), chat_id)
        turn = turn_for(services, update, user, step)
        answers = await use_case(uow, turn)
        # A use case may have changed the language (e.g. /jezyk): answer in the new one.
        lang = services.catalog.language(user.language) if user.language else turn.lang
        pressed = _pressed_message_id(update)
        for answer in answers:
            if answer.replaces == REPLACE_PRESSED:
                target = f"message:{pressed}" if pressed is not None else None
                answer = dataclasses.replace(answer, replaces=target)
            reply(uow, user, answer, lang)
        await uow.commit()
    if update.callback_query is not None:
        try:
            # Stops the client's spinner; not a message, so it need not go through the outbox.
            await update.callback_query.answer()
        except TelegramError as exc:
            # The turn is committed; a lost spinner answer must not make it run again.
            log.info("answerCallbackQuery failed for update %s: %s", update.update_id, exc)
