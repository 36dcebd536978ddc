"""The first conversation at use-case level: the router on a real SQLite database, no Telegram."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from bot.config import Config
from bot.conversation import (
    Answer,
    Choice,
    Command,
    Contact,
    Location,
    Text,
    Unsupported,
)
from bot.services import Services
from bot.usecases.flow import FlowContext
from bot.usecases.home import HomeFlow
from bot.usecases.router import Router
from db.models.conversation import Conversation
from db.models.people import Reporter, Role
from db.models.pipeline import OutboxMessage
from db.repositories.users import get_user
from tests.support import Resident

MENU_VALUES = [["report"], ["lookup", "mine"], ["help"]]


def values(answer: Answer) -> list[list[str]]:
    return [[o.value for o in row] for row in answer.options]


def labels(resident: Resident, answer: Answer, lang: str) -> list[str]:
    catalog = resident.services.catalog
    return [catalog.render(lang, o.label, o.args) for row in answer.options for o in row]


async def stored_language(services: Services, user_id: int) -> str | None:
    async with services.uow() as uow:
        user = await get_user(uow.session, "telegram", str(user_id))
        assert user is not None
        return user.language


async def outbox_rows(services: Services, kind: str) -> list[tuple[int, dict[str, Any]]]:
    """Return (chat id, payload) of the queued messages of one kind, oldest first."""
    async with services.uow() as uow:
        rows = await uow.session.execute(
            select(OutboxMessage.chat_id, OutboxMessage.payload)
            .where(OutboxMessage.kind == kind)
            .order_by(OutboxMessage.id)
        )
        return [(chat_id, payload) for chat_id, payload in rows]


async def chosen(resident: Resident, lang: str) -> list[Answer]:
    """Send /start and pick a language on the first contact."""
    [choice] = await resident.send(Command("start"))
    return await resident.send(Choice(lang, choice.version, "l"))


# ---- first contact and the language ------------------------------------------------------------


async def test_first_start_asks_for_the_language_with_the_apps_language_ticked(
    services: Services,
) -> None:
    olena = Resident(services, user_id=2001, language_hint="uk")

    [choice] = await olena.send(Command("start"))

    assert choice.key == "language-choose-first" and choice.scope == "l"
    assert values(choice) == [["pl"], ["uk"], ["en"]]
    assert labels(olena, choice, "uk") == ["Polski", "✓ Українська", "English"]
    assert "112" in olena.texts(lang="uk")[0]
    assert await stored_language(services, 2001) is None


async def test_picking_a_language_stores_it_and_welcomes_in_it(services: Services) -> None:
    olena = Resident(services, user_id=2002, language_hint="uk")

    [welcome] = await chosen(olena, "pl")

    assert welcome.key == "home-welcome" and welcome.scope == "m"
    assert values(welcome) == MENU_VALUES
    text = olena.texts(lang="pl")[0]
    assert "dzielnicowego" in text
    for number in ("112", "997", "986"):
        assert number in text
    assert labels(olena, welcome, "pl") == [
        "⚠️ Zgłoś zagrożenie",
        "👮 Mój dzielnicowy",
        "📋 Moje zgłoszenia",
        "❓ Pomoc",
    ]
    assert await stored_language(services, 2002) == "pl"
    # Her app speaks Ukrainian, so Telegram would list Ukrainian commands: fix her chat's list.
    assert await outbox_rows(services, "chat_commands") == [
        (2002, {"lang": "pl", "role": "resident"})
    ]


async def test_choosing_the_apps_own_language_needs_no_chat_command_list(
    services: Services,
) -> None:
    anna = Resident(services, user_id=2003, language_hint="pl")

    await chosen(anna, "pl")

    assert await outbox_rows(services, "chat_commands") == []


async def test_returning_resident_gets_the_welcome_and_menu_without_the_question(
    services: Services,
) -> None:
    anna = Resident(services, user_id=2004)
    await chosen(anna, "pl")

    [welcome] = await anna.send(Command("start"))

    assert welcome.key == "home-welcome" and values(welcome) == MENU_VALUES


async def test_jezyk_changes_the_language_and_keeps_the_menu_at_hand(services: Services) -> None:
    anna = Resident(services, user_id=2005, language_hint="pl")
    await chosen(anna, "pl")

    [choice] = await anna.send(Command("jezyk"))
    assert labels(anna, choice, "pl") == ["✓ Polski", "Українська", "English"]
    answers = await anna.send(Choice("en", choice.version, "l"))

    assert [a.key for a in answers] == ["language-set", "home-menu"]
    assert anna.texts(lang="en")[0] == "Done — we will talk in English."
    assert await stored_language(services, 2005) == "en"
    [(_, payload)] = await outbox_rows(services, "chat_commands")
    assert payload["lang"] == "en"


async def test_an_officer_linked_before_choosing_a_language_gets_the_desk_not_the_welcome(
    services: Services,
) -> None:
    # An invite links the officer on their first /start, before any language was chosen.
    tomasz = Resident(services, user_id=2015, language_hint="pl")
    await tomasz.send(Command("pomoc"))
    async with services.uow() as uow:
        user = await get_user(uow.session, "telegram", "2015")
        assert user is not None and user.language is None
        user.role = Role.OFFICER
        await uow.commit()

    [choice] = await tomasz.send(Command("jezyk"))
    answers = await tomasz.send(Choice("uk", choice.version, "l"))

    assert [a.key for a in answers] == ["language-set", "desk-help-officer", "home-menu"]
    assert "/zgloszenia" in tomasz.texts(lang="uk")[1]


async def test_language_alias_with_an_argument_switches_at_once(services: Services) -> None:
    anna = Resident(services, user_id=2006, language_hint="pl")
    await chosen(anna, "pl")

    answers = await anna.send(Command("language", "uk"))

    assert answers[0].key == "language-set"
    assert await stored_language(services, 2006) == "uk"


async def test_back_to_the_apps_language_replaces_the_chat_command_list(
    services: Services,
) -> None:
    anna = Resident(services, user_id=2007, language_hint="pl")
    await chosen(anna, "en")

    await anna.send(Command("jezyk", "pl"))

    rows = await outbox_rows(services, "chat_commands")
    assert [payload["lang"] for _, payload in rows] == ["en", "pl"]


async def test_forged_language_button_is_expired_and_changes_nothing(services: Services) -> None:
    anna = Resident(services, user_id=2008)
    await chosen(anna, "pl")

    answers = await anna.send(Choice("de", 0, "l"))

    assert [a.key for a in answers] == ["button-expired", "language-choose"]
    assert await stored_language(services, 2008) == "pl"


async def test_language_change_during_a_flow_keeps_the_flow(services: Services) -> None:
    anna = Resident(services, user_id=2009)
    await chosen(anna, "pl")
    await _put_in_flow(services, 2009, "report")

    [answer] = await anna.send(Command("jezyk", "en"))

    assert answer.key == "language-set"
    assert "/start" in anna.texts(lang="en")[0]
    async with services.uow() as uow:
        user = await get_user(uow.session, "telegram", "2009")
        assert user is not None
        conversation = await uow.session.get(Conversation, user.id)
        assert conversation is not None and conversation.flow == "report"


# ---- help, privacy, menu -----------------------------------------------------------------------


async def test_pomoc_and_the_help_button_show_the_commands_and_112(services: Services) -> None:
    anna = Resident(services, user_id=2010)
    await chosen(anna, "pl")

    [by_command] = await anna.send(Command("pomoc"))
    help_text = anna.texts(lang="pl")[0]
    [by_button] = await anna.send(Choice("help", 0, "m"))

    assert by_command.key == by_button.key == "home-help"
    for command in ("/zglos", "/dzielnicowy", "/moje", "/jezyk", "/prywatnosc", "/anuluj"):
        assert command in help_text
    assert "112" in help_text and "997" in help_text and "986" in help_text
    assert values(by_command) == MENU_VALUES


async def test_help_alias_in_english(services: Services) -> None:
    john = Resident(services, user_id=2011, language_hint="en")
    await chosen(john, "en")

    await john.send(Command("help"))

    text = john.texts(lang="en")[0]
    assert "How to use this bot" in text and "/language" in text and "112" in text


async def test_privacy_notice_names_the_controller_the_dpo_and_the_retention(
    services: Services,
) -> None:
    # The notice shows the periods the code enforces: drafts expire after [reports]
    # draft_ttl_days, raw updates are purged after [pipeline] inbox_retention_hours.
    services.config = Config(reports={"draft_ttl_days": 5}, pipeline={"inbox_retention_hours": 36})
    anna = Resident(services, user_id=2012)
    await chosen(anna, "pl")
    privacy = services.config.privacy

    [notice] = await anna.send(Command("prywatnosc"))

    text = anna.texts(lang="pl")[0]
    assert notice.key == "home-privacy"
    assert privacy.controller in text
    assert privacy.dpo_contact in text
    assert f"{privacy.report_retention_days} dni" in text
    assert "niedokończony szkic — 5 dni" in text
    assert "36 godz." in text
    assert "anonim" in text and "GPS" in text


async def test_privacy_alias_in_ukrainian_uses_ukrainian_plurals(services: Services) -> None:
    olena = Resident(services, user_id=2013, language_hint="uk")
    await chosen(olena, "uk")

    await olena.send(Command("privacy"))

    text = olena.texts(lang="uk")[0]
    assert "Адміністратор даних" in text
    assert f"{services.config.privacy.report_retention_days} днів" in text


async def test_menu_command_shows_the_menu(services: Services) -> None:
    anna = Resident(services, user_id=2014)
    await chosen(anna, "pl")

    [menu] = await anna.send(Command("menu"))

    assert menu.key == "home-menu" and values(menu) == MENU_VALUES


# ---- anything unexpected -----------------------------------------------------------------------


async def test_unexpected_text_gets_a_hint_with_112_and_the_menu(services: Services) -> None:
    anna = Resident(services, user_id=2020)
    await chosen(anna, "pl")

    [answer] = await anna.send(Text("hej"))

    assert answer.key == "home-unknown-text" and values(answer) == MENU_VALUES
    assert "112" in anna.texts(lang="pl")[0]

    # A few words are kept: the bot offers to report with them (and says 112 first).
    [offered] = await anna.send(Text("ktoś się włamuje do auta!!!"))
    assert offered.key == "offer-kept-text" and values(offered) == [["report"], ["drop"]]
    assert "112" in anna.texts(lang="pl")[0]


async def test_sticker_gets_its_own_hint_and_the_menu(services: Services) -> None:
    anna = Resident(services, user_id=2021)
    await chosen(anna, "pl")

    [answer] = await anna.send(Unsupported("sticker"))

    assert answer.key == "home-unknown-media" and answer.args == {"kind": "sticker"}
    assert "Naklejki" in anna.texts(lang="pl")[0]
    assert values(answer) == MENU_VALUES


async def test_other_media_and_shared_points_and_unknown_commands_get_hints(
    services: Services,
) -> None:
    anna = Resident(services, user_id=2022)
    await chosen(anna, "pl")

    [audio] = await anna.send(Unsupported("audio"))
    [point] = await anna.send(Location(52.2275, 18.2614))
    [command] = await anna.send(Command("nieznane"))

    assert audio.args == {"kind": "other"}
    # A shared point is kept, with the offer to report there or see its officer.
    assert point.key == "offer-kept-place"
    assert values(point) == [["report"], ["officer"], ["drop"]]
    assert command.key == "home-unknown-command"
    assert all(values(a) == MENU_VALUES for a in (audio, command))


async def test_a_phone_shared_outside_any_flow_is_not_stored(services: Services) -> None:
    anna = Resident(services, user_id=2023)
    await chosen(anna, "pl")

    [answer] = await anna.send(Contact("+48 600 100 200", own=True))

    assert answer.key == "home-unknown-contact"
    async with services.uow() as uow:
        assert list(await uow.session.scalars(select(Reporter))) == []


async def test_forged_button_is_expired_and_shows_the_menu(services: Services) -> None:
    anna = Resident(services, user_id=2024)
    await chosen(anna, "pl")

    answers = await anna.send(Choice("", version=-1, scope=""))

    assert [a.key for a in answers] == ["button-expired", "home-menu"]


# ---- cancel, resume, expiry --------------------------------------------------------------------


async def _put_in_flow(
    services: Services, user_id: int, flow: str, expires_in: timedelta | None = None
) -> None:
    async with services.uow() as uow:
        user = await get_user(uow.session, "telegram", str(user_id))
        assert user is not None
        conversation = await uow.session.get(Conversation, user.id)
        assert conversation is not None
        conversation.flow, conversation.step = flow, "where"
        conversation.draft = {"category": "wandalizm"}
        if expires_in is not None:
            conversation.expires_at = services.clock() + expires_in
        await uow.commit()


async def test_anuluj_discards_an_unfinished_flow(services: Services) -> None:
    anna = Resident(services, user_id=2030)
    await chosen(anna, "pl")
    await _put_in_flow(services, 2030, "report")

    [answer] = await anna.send(Command("anuluj"))
    [again] = await anna.send(Command("cancel"))

    assert answer.key == "home-cancelled" and values(answer) == MENU_VALUES
    assert again.key == "home-nothing-to-cancel"
    async with services.uow() as uow:
        user = await get_user(uow.session, "telegram", "2030")
        assert user is not None
        conversation = await uow.session.get(Conversation, user.id)
        assert conversation is not None
        assert conversation.flow is None and conversation.draft == {}


async def test_an_expired_draft_is_announced_before_the_answer(services: Services) -> None:
    anna = Resident(services, user_id=2031)
    await chosen(anna, "pl")
    await _put_in_flow(services, 2031, "report", expires_in=timedelta(days=1))
    services.clock.advance(days=2)  # type: ignore[attr-defined]

    answers = await anna.send(Text("halo"))

    assert [a.key for a in answers] == ["home-draft-expired", "home-unknown-text"]
    days = services.config.reports.draft_ttl_days
    assert f"{days} dni" in anna.texts(lang="pl")[0]


class _LongForm:
    """A resumable flow standing in for the report form (built by another feature)."""

    name = "longform"
    commands = frozenset({"dlugi"})
    scopes: frozenset[str] = frozenset()
    deep_links: frozenset[str] = frozenset()
    resumable = True

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        ctx.goto(self.name, "ask", {})
        return [ctx.answer("home-menu")]

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        return [ctx.answer("home-menu")]

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        return [ctx.answer("home-help")]


async def test_start_during_a_long_form_offers_continue_or_start_again(
    services: Services,
) -> None:
    home = HomeFlow()
    services.router = Router([home, _LongForm()], home)
    anna = Resident(services, user_id=2032)
    await anna.send(Command("jezyk", "pl"))
    await anna.send(Command("dlugi"))

    [offer] = await anna.send(Command("start"))
    assert offer.key == "home-resume-offer" and offer.scope == "r"
    assert values(offer) == [["continue"], ["discard"]]
    [resumed] = await anna.send(Choice("continue", offer.version, "r"))
    [offer] = await anna.send(Command("start"))
    [menu] = await anna.send(Choice("discard", offer.version, "r"))

    assert resumed.key == "home-help"  # the form's current question
    assert menu.key == "home-menu"
