"""The first conversation end to end: the real bot against the local Bot API server.

Residents start, pick a language, read the help and the privacy notice; the gatekeeper keeps
groups, floods, blocked users and edits out of the flows; failures are told once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select
from telegram import Update
from telegram.ext import MessageHandler, filters

from db.models.pipeline import InboxStatus, InboxUpdate
from db.models.reports import AuditEvent
from db.repositories.users import get_user
from devtools.localapi import FakeUser, LocalBotApi
from devtools.localapi.sent import SentMessage
from handlers.gatekeeper import gate_of
from tests.support import FAST, Clock, eventually

pytestmark = pytest.mark.e2e

StartBot = Callable[..., Awaitable[Any]]

# What each language's welcome must say, in that language's own words.
WELCOME_WORDS = {
    "pl": ("To nie jest numer alarmowy", "dzielnicowego", "Straż Miejska"),
    "uk": ("Це не екстрена лінія", "дільничного", "міська варта"),
    "en": ("This is not an emergency line", "district officer", "City Guard"),
}
MENU_LABELS = {
    "pl": [["⚠️ Zgłoś zagrożenie"], ["👮 Mój dzielnicowy", "📋 Moje zgłoszenia"], ["❓ Pomoc"]],
    "uk": [
        ["⚠️ Повідомити про загрозу"],
        ["👮 Мій дільничний", "📋 Мої звернення"],
        ["❓ Допомога"],
    ],
    "en": [["⚠️ Report a threat"], ["👮 My district officer", "📋 My reports"], ["❓ Help"]],
}
NATIVE = {"pl": "Polski", "uk": "Українська", "en": "English"}


async def user_field(runtime: Any, tg_id: int, field: str) -> Any:
    async with runtime.services.uow() as uow:
        user = await get_user(uow.session, "telegram", str(tg_id))
        return None if user is None else getattr(user, field)


async def handled_updates(runtime: Any) -> int:
    """Count the updates the bot has finished with (stored and handled, or given up)."""
    async with runtime.services.uow() as uow:
        count = await uow.session.scalar(
            select(func.count())
            .select_from(InboxUpdate)
            .where(InboxUpdate.status != InboxStatus.PENDING)
        )
        return int(count or 0)


async def pick_language(local_api: LocalBotApi, resident: FakeUser, lang: str) -> SentMessage:
    """Answer the first /start's language question; return the welcome."""
    [question] = await local_api.await_sent(resident.id)
    label = next(text for row in question.buttons() for text in row if NATIVE[lang] in text)
    resident.press(question, label)
    [welcome] = await local_api.await_sent(resident.id)
    return welcome


# ---- first contact, languages, help, privacy ----------------------------------------------------

HELP_AND_PRIVACY = {
    # help command, privacy command, words of the help, of the notice, the plural of "days"
    "pl": ("pomoc", "prywatnosc", "Jak korzystać z bota", "Administrator danych", "dni"),
    "uk": ("help", "privacy", "Як користуватися ботом", "Адміністратор даних", "днів"),
    "en": ("help", "privacy", "How to use this bot", "Data controller", "days"),
}


async def test_three_residents_start_read_the_help_and_the_privacy_notice_in_their_languages(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_bot(delivery=FAST)
    privacy = runtime.config.privacy

    async def resident_story(tg_id: int, lang: str) -> None:
        resident = local_api.user(tg_id, language_code=lang)
        resident.send_command("start")
        [question] = await local_api.await_sent(tg_id)
        # The app's language comes ticked; every language is named in its own words.
        assert question.buttons() == [
            [("✓ " if code == lang else "") + NATIVE[code]] for code in ("pl", "uk", "en")
        ]
        assert "112" in (question.plain_text or "")

        resident.press(question, "✓ " + NATIVE[lang])
        [welcome] = await local_api.await_sent(tg_id)
        text = welcome.plain_text or ""
        for words in WELCOME_WORDS[lang]:
            assert words in text
        for number in ("112", "997", "986"):
            assert number in text
        assert welcome.buttons() == MENU_LABELS[lang]
        assert await user_field(runtime, tg_id, "language") == lang

        help_cmd, privacy_cmd, help_words, privacy_words, days = HELP_AND_PRIVACY[lang]
        resident.send_command(help_cmd)
        [help_msg] = await local_api.await_sent(tg_id)
        help_text = help_msg.plain_text or ""
        assert help_words in help_text
        assert "112" in help_text and "997" in help_text and "986" in help_text
        assert help_msg.buttons() == MENU_LABELS[lang]

        resident.send_command(privacy_cmd)
        [notice] = await local_api.await_sent(tg_id)
        text = notice.plain_text or ""
        assert privacy_words in text
        assert privacy.controller in text and privacy.dpo_contact in text
        assert f"{privacy.report_retention_days} {days}" in text

    await asyncio.gather(
        resident_story(101, "pl"), resident_story(102, "uk"), resident_story(103, "en")
    )


async def test_command_menus_per_language_and_jezyk_switches_a_chat_to_english(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_bot(delivery=FAST)
    polish = local_api.commands(None, "pl")
    assert [c["command"] for c in polish] == [
        "start",
        "zglos",
        "dzielnicowy",
        "moje",
        "powiadomienia",
        "pomoc",
        "jezyk",
        "prywatnosc",
        "moje_dane",
        "usun_dane",
        "anuluj",
    ]
    assert {"command": "language", "description": "Змінити мову"} in local_api.commands(None, "uk")
    assert {"command": "help", "description": "Help and the list of commands"} in (
        local_api.commands(None, "en")
    )
    # Apps in other languages get the Polish list.
    assert local_api.commands(None, None) == polish

    anna = local_api.user(131, language_code="pl")
    anna.send_command("start")
    await pick_language(local_api, anna, "pl")
    anna.send_command("jezyk")
    [question] = await local_api.await_sent(131)
    anna.press(question, "English")
    done, menu = await local_api.await_sent(131, count=2)

    assert done.plain_text == "Done — we will talk in English."
    assert menu.buttons() == MENU_LABELS["en"]
    assert await user_field(runtime, 131, "language") == "en"

    async def chat_commands() -> list[str]:
        return [c["command"] for c in local_api.commands({"type": "chat", "chat_id": 131})]

    # Her app still says Polish, so her chat gets its own (English) list.
    await eventually(
        chat_commands,
        [
            *("start", "report", "officer", "my", "notifications", "help", "language"),
            *("privacy",),
            *("my_data", "delete_my_data", "cancel"),
        ],
    )


# ---- unexpected input --------------------------------------------------------------------------


async def test_help_button_forged_button_and_sticker_get_polite_answers_and_the_menu(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    await start_bot(delivery=FAST)
    anna = local_api.user(141, language_code="pl")
    anna.send_command("start")
    welcome = await pick_language(local_api, anna, "pl")

    anna.press(welcome, "❓ Pomoc")
    [help_msg] = await local_api.await_sent(141)
    anna.press_data(welcome, "forged")
    # The expired notice and the menu come as two messages.
    expired, menu = await local_api.await_sent(141, count=2)
    anna.send_sticker()
    [sticker_hint] = await local_api.await_sent(141)

    assert "/jezyk" in (help_msg.plain_text or "")
    assert "/prywatnosc" in (help_msg.plain_text or "")
    assert "nieaktualny" in (expired.plain_text or "")
    assert menu.buttons() == MENU_LABELS["pl"]
    assert "Naklejki" in (sticker_hint.plain_text or "")
    assert sticker_hint.buttons() == MENU_LABELS["pl"]


async def test_an_edit_is_answered_but_not_read_except_in_a_report(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    await start_bot(delivery=FAST)
    anna = local_api.user(151, language_code="pl")
    anna.send_command("start")
    welcome = await pick_language(local_api, anna, "pl")
    sent = anna.send_text("ul. Kolejowa 5")
    await local_api.await_sent(151)

    anna.edit_text(sent, "ul. Kolejowa 7")
    [answer] = await local_api.await_sent(151)

    assert "Nie czytam poprawionych wiadomości" in (answer.plain_text or "")
    assert answer.buttons() == []

    # During a report, the report form answers edits itself (it re-asks its question).
    anna.press(welcome, "⚠️ Zgłoś zagrożenie")
    await local_api.await_sent(151)
    sent = anna.send_text("pies bez właściciela")
    await local_api.await_sent(151)
    anna.edit_text(sent, "dwa psy bez właściciela")
    await local_api.await_sent(151, predicate=lambda s: "poprawioną" in (s.plain_text or ""))

    not_read = [s for s in local_api.sent(151) if "Nie czytam" in (s.plain_text or "")]
    assert len(not_read) == 1


# ---- the gatekeeper ----------------------------------------------------------------------------


async def test_a_group_is_told_once_an_hour_to_write_privately(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    clock = Clock(datetime(2026, 11, 27, 18, 0, tzinfo=UTC))
    runtime = await start_bot(clock=clock, delivery=FAST)
    group = local_api.group(-1001, "Osiedle Chorzeń")
    anna = local_api.user(161, language_code="pl")

    def is_hint(sent: SentMessage) -> bool:
        return "t.me/razem_test_bot" in (sent.plain_text or "")

    anna.send_text("Dzień dobry, czy ktoś widział psa?", chat=group)
    [hint] = await local_api.await_sent(-1001, predicate=is_hint)
    anna.send_text("Halo?", chat=group)
    # A duty group's registration link is left to the officers' feature.
    anna.send_command("start", "grp_abcdef", chat=group)
    anna.send_command("pomoc", chat=group)
    await eventually(lambda: handled_updates(runtime), 4)
    clock.advance(minutes=61)
    anna.send_text("Jest tu kto?", chat=group)
    await local_api.await_sent(-1001, predicate=is_hint)

    assert "W grupach nie przyjmuję zgłoszeń" in (hint.plain_text or "")
    assert hint.reply_markup is not None
    [[button]] = hint.reply_markup["inline_keyboard"]
    assert button["url"] == "https://t.me/razem_test_bot"
    assert len([s for s in local_api.sent(-1001) if is_hint(s)]) == 2
    counters = gate_of(runtime.services).counters
    assert counters.group_hints == 2 and counters.group_dropped == 2
    # Nobody in the group became a resident by writing there.
    assert await user_field(runtime, 161, "chat_id") is None


async def test_a_flood_is_told_to_slow_down_once_and_the_rest_dropped(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    clock = Clock(datetime(2026, 11, 27, 18, 0, tzinfo=UTC))
    runtime = await start_bot(clock=clock, reports={"flood_messages": 3}, delivery=FAST)
    anna = local_api.user(171, language_code="pl")

    for n in range(7):
        anna.send_text(f"hej{n}")
    await eventually(lambda: handled_updates(runtime), 7)
    clock.advance(seconds=61)
    anna.send_command("pomoc")
    sent = await local_api.await_sent(
        171, predicate=lambda s: "Jak korzystać" in (s.plain_text or "")
    )

    texts = [s.plain_text or "" for s in local_api.sent(171)]
    assert len([t for t in texts if "Nie rozumiem" in t]) == 3
    assert len([t for t in texts if "zwolnij" in t]) == 1
    assert len(texts) == 5 and sent
    counters = gate_of(runtime.services).counters
    assert (counters.flood_warnings, counters.flood_dropped) == (1, 3)


async def test_a_blocked_user_is_told_once_and_then_ignored(
    database_url: str, local_api: LocalBotApi, start_bot: StartBot
) -> None:
    # On SQLite and PostgreSQL: the gatekeeper's reads and writes are plain SQL of its own.
    runtime = await start_bot(database_url=database_url, delivery=FAST)
    spammer = local_api.user(181, language_code="uk")
    spammer.send_command("start")
    await pick_language(local_api, spammer, "uk")
    async with runtime.services.uow() as uow:
        user = await get_user(uow.session, "telegram", "181")
        assert user is not None
        user.blocked = True
        await uow.commit()

    spammer.send_text("реклама")
    [notice] = await local_api.await_sent(181)
    spammer.send_text("ще реклама")
    spammer.send_command("start")
    # /start, the language press, and three updates while blocked.
    await eventually(lambda: handled_updates(runtime), 5)

    assert "більше не може користуватися" in (notice.plain_text or "")
    assert "112" in (notice.plain_text or "")
    assert len(local_api.sent(181)) == 3  # question, welcome, the one notice
    async with runtime.services.uow() as uow:
        told = await uow.session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == "blocked_notice_sent")
        )
    assert told == 1


async def test_what_is_not_a_message_is_noted_silently(
    database_url: str, local_api: LocalBotApi, start_bot: StartBot
) -> None:
    # On SQLite and PostgreSQL: the gatekeeper's reads and writes are plain SQL of its own.
    runtime = await start_bot(database_url=database_url, delivery=FAST)
    anna = local_api.user(191, language_code="pl")
    anna.send_command("start")
    await local_api.await_sent(191)

    # Anna blocks the bot, then unblocks it: her chat is marked, nothing is said.
    anna.block_bot()
    await eventually(lambda: user_field(runtime, 191, "undeliverable"), True)
    anna.unblock_bot()
    await eventually(lambda: user_field(runtime, 191, "undeliverable"), False)

    # A channel post and a poll come without a person: counted and dropped.
    channel = {"id": -100777, "type": "channel", "title": "Ogłoszenia"}
    local_api.enqueue_update(
        {"channel_post": {"message_id": 1, "date": 1_700_000_000, "chat": channel, "text": "x"}}
    )
    local_api.enqueue_update(
        {
            "poll": {
                "id": "p1",
                "question": "Czy?",
                "options": [
                    {"text": "tak", "voter_count": 1, "persistent_id": "o1"},
                    {"text": "nie", "voter_count": 0, "persistent_id": "o2"},
                ],
                "total_voter_count": 1,
                "is_closed": False,
                "is_anonymous": True,
                "type": "regular",
                "allows_multiple_answers": False,
                "allows_revoting": False,
                "members_only": False,
            }
        }
    )

    async def dropped() -> int:
        return gate_of(runtime.services).counters.without_sender

    await eventually(dropped, 2)
    assert local_api.sent(-100777) == []
    assert len(local_api.sent(191)) == 1  # only the language question of her /start


# ---- failures ----------------------------------------------------------------------------------


async def test_a_failing_update_is_told_once_and_reported_to_ops(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    ops = local_api.group(-500, "Dyżurni IT")
    runtime = await start_bot(telegram={"ops_chat_id": ops.id}, delivery=FAST)
    attempts: list[int] = []

    async def broken(update: Update, context: Any) -> None:
        # Stands in for a bug in a flow: fails on every try.
        attempts.append(update.update_id)
        raise RuntimeError("a bug in a flow")

    # First in group 0, where the flows run: the resident's turn fails before its commit.
    runtime.application.handlers[0].insert(0, MessageHandler(filters.Regex("^awaria$"), broken))
    anna = local_api.user(201, language_code="pl")
    anna.send_command("start")
    await pick_language(local_api, anna, "pl")

    anna.send_text("awaria")
    first, final = await local_api.await_sent(201, count=2)
    ops_sent = await local_api.await_sent(ops.id, count=2)

    assert len(attempts) == runtime.config.pipeline.max_attempts
    assert "Twoje dane są bezpieczne" in (first.plain_text or "")
    assert "mimo kilku prób" in (final.plain_text or "")
    assert len(local_api.sent(201)) == 4  # question, welcome, told once, the final notice
    ops_texts = [s.plain_text or "" for s in ops_sent]
    assert any("RuntimeError" in t and str(attempts[0]) in t for t in ops_texts)
    assert not any("awaria" in t for t in ops_texts)  # the resident's text stays private
    async with runtime.services.uow() as uow:
        failed = await uow.session.scalar(
            select(InboxUpdate.status).where(InboxUpdate.update_id == attempts[0])
        )
    assert failed is InboxStatus.FAILED
