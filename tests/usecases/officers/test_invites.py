"""An officer links a Telegram account only through a one-time invite; groups the same way."""

from __future__ import annotations

from sqlalchemy import select

from bot.conversation import Answer, Command
from bot.services import Services
from bot.usecases.officers.invites import code_hash, create_invite, deep_link, revoke
from bot.usecases.officers.linking import register_duty_group
from db.models.directory import Officer, StationChat
from db.models.officers import Invite
from db.models.people import Role, User
from db.repositories.users import ensure_user
from tests.support import Clock, Resident
from tests.usecases.officers import world as w
from tests.usecases.officers.conftest import NOW


async def _invite(services: Services, officer_code: str, *, group: bool = False) -> str:
    async with services.uow() as uow:
        issued = await create_invite(
            uow.session, officer_code, group=group, now=services.clock(), ttl_hours=24
        )
        await uow.commit()
        return issued.code


async def _officer(services: Services, officer_id: int) -> tuple[Officer, User | None]:
    async with services.uow() as uow:
        officer = await uow.session.get(Officer, officer_id)
        assert officer is not None
        user = await uow.session.get(User, officer.user_id) if officer.user_id else None
        uow.session.expunge_all()
        return officer, user


async def test_an_officer_opens_the_invite_and_the_coordinator_and_ops_chat_hear_of_it(
    officer_services: Services, world: w.World
) -> None:
    async with officer_services.uow() as uow:
        await w.link(uow.session, world.kasia, w.KASIA, NOW)
        await uow.commit()
    code = await _invite(officer_services, "dz-01")
    assert code.startswith("inv_") and len(code) <= 64
    assert deep_link("@razem_bot", code) == f"https://t.me/razem_bot?start={code}"
    before = await w.last_outbox_id(officer_services)
    jan = Resident(officer_services, w.JAN)

    answers = await jan.send(Command("start", code))

    assert [a.key for a in answers] == ["officers-linked"]
    assert "Rejon 1 – Czarków" in jan.texts()[0]
    officer, user = await _officer(officer_services, world.jan)
    assert user is not None and user.external_id == str(w.JAN)
    assert (user.role, officer.linked_at) == (Role.OFFICER, NOW)
    sent = await w.outbox(officer_services, before)
    assert [(m.chat_id, m.kind) for m in sent] == [
        (w.JAN, "chat_commands"),
        (w.KASIA, "answer"),
        (w.OPS_CHAT, "answer"),
    ]
    assert sent[0].payload == {"role": "officer", "lang": "pl"}
    announcement = w.rendered(officer_services, sent[1])
    assert "Jan Przykładowy" in announcement and str(w.JAN) in announcement
    assert "officers revoke DZ-01" in announcement
    linked = [e for e in await w.audit(officer_services) if e.action == "officer_linked"]
    assert [(e.actor_user_id, e.actor_officer_id) for e in linked] == [(user.id, world.jan)]


async def test_a_coordinator_without_districts_is_told_their_unit(
    officer_services: Services, world: w.World
) -> None:
    code = await _invite(officer_services, "KO-01")
    kasia = Resident(officer_services, w.KASIA)

    await kasia.send(Command("start", code))

    linked = kasia.texts()[0]
    assert "koordynator" in linked and "Jednostka: KMP Testowo" in linked
    assert "Rejony" not in linked


async def test_the_code_is_stored_hashed_and_works_only_once(
    officer_services: Services, world: w.World
) -> None:
    code = await _invite(officer_services, "DZ-01")
    async with officer_services.uow() as uow:
        invite = (await uow.session.scalars(select(Invite))).one()
        assert invite.code_hash == code_hash(code) != code
    await Resident(officer_services, w.JAN).send(Command("start", code))
    thief = Resident(officer_services, w.STRANGER)

    answers = await thief.send(Command("start", code))

    assert [a.key for a in answers] == ["officers-invite-invalid"]
    _, user = await _officer(officer_services, world.jan)
    assert user is not None and user.external_id == str(w.JAN)
    async with officer_services.uow() as uow:
        stranger = await ensure_user(uow.session, "telegram", str(w.STRANGER), w.STRANGER)
        assert (stranger.role, stranger.invite_failures) == (Role.RESIDENT, 1)


async def test_an_invite_expires_after_a_day(officer_services: Services, world: w.World) -> None:
    code = await _invite(officer_services, "DZ-01")
    clock = officer_services.clock
    assert isinstance(clock, Clock)
    clock.advance(hours=24, seconds=1)

    answers = await Resident(officer_services, w.JAN).send(Command("start", code))

    assert [a.key for a in answers] == ["officers-invite-invalid"]
    assert (await _officer(officer_services, world.jan))[1] is None


async def test_guessing_codes_locks_the_account_out_even_for_a_real_code(
    officer_services: Services, world: w.World
) -> None:
    guesser = Resident(officer_services, w.STRANGER)
    for attempt in range(5):
        answers = await guesser.send(Command("start", f"inv_guess{attempt}"))
        assert [a.key for a in answers] == ["officers-invite-invalid"]
    real = await _invite(officer_services, "DZ-01")

    answers = await guesser.send(Command("start", real))

    assert [a.key for a in answers] == ["officers-invite-locked"]
    assert (await _officer(officer_services, world.jan))[1] is None


async def test_a_coordinator_is_linked_as_coordinator_and_may_register_the_duty_group(
    officer_services: Services, world: w.World
) -> None:
    await Resident(officer_services, w.KASIA).send(
        Command("start", await _invite(officer_services, "KO-01"))
    )
    _, kasia = await _officer(officer_services, world.kasia)
    assert kasia is not None and kasia.role is Role.COORDINATOR
    group_code = await _invite(officer_services, "KO-01", group=True)
    assert deep_link("razem_bot", group_code).endswith(f"?startgroup={group_code}")

    answers = await _in_group(officer_services, w.KASIA, group_code)

    assert [a.key for a in answers] == ["officers-group-registered"]
    async with officer_services.uow() as uow:
        groups = (await uow.session.scalars(select(StationChat))).all()
        assert [(g.station_id, g.chat_id, g.active) for g in groups] == [
            (world.station, w.DUTY_GROUP, True)
        ]


async def test_a_leaked_group_link_is_useless_to_anyone_but_the_coordinator(
    officer_services: Services, world: w.World
) -> None:
    async with officer_services.uow() as uow:
        await w.link(uow.session, world.jan, w.JAN, NOW)
        await uow.commit()
    group_code = await _invite(officer_services, "KO-01", group=True)

    answers = await _in_group(officer_services, w.JAN, group_code)

    assert [a.key for a in answers] == ["officers-invite-invalid"]
    async with officer_services.uow() as uow:
        assert (await uow.session.scalars(select(StationChat))).all() == []


async def test_a_group_link_sent_in_a_private_chat_explains_itself(
    officer_services: Services, world: w.World
) -> None:
    group_code = await _invite(officer_services, "KO-01", group=True)

    answers = await Resident(officer_services, w.KASIA).send(Command("start", group_code))

    assert [a.key for a in answers] == ["officers-group-link-private"]


async def test_revoke_unlinks_and_resets_the_command_list(
    officer_services: Services, world: w.World
) -> None:
    await Resident(officer_services, w.JAN).send(
        Command("start", await _invite(officer_services, "DZ-01"))
    )
    unused = await _invite(officer_services, "DZ-01")
    before = await w.last_outbox_id(officer_services)

    async with officer_services.uow() as uow:
        result = await revoke(uow, "DZ-01", NOW)
        await uow.commit()

    assert (result.was_linked, result.invites_dropped) == (True, 1)
    officer, _ = await _officer(officer_services, world.jan)
    assert officer.user_id is None
    async with officer_services.uow() as uow:
        jan = await ensure_user(uow.session, "telegram", str(w.JAN), w.JAN)
        assert jan.role is Role.RESIDENT
    assert [(m.chat_id, m.kind, m.payload) for m in await w.outbox(officer_services, before)] == [
        (w.JAN, "chat_commands", {"role": "resident", "lang": "pl"})
    ]
    answers = await Resident(officer_services, w.JAN).send(Command("start", unused))
    assert [a.key for a in answers] == ["officers-invite-invalid"]
    assert [a.key for a in await Resident(officer_services, w.JAN).send(Command("zgloszenia"))] == [
        "officers-only"
    ]


async def _in_group(services: Services, telegram_id: int, code: str) -> list[Answer]:
    from bot.turn import Turn

    async with services.uow() as uow:
        user = await ensure_user(uow.session, "telegram", str(telegram_id), None)
        turn = Turn(user, Command("start", code), "pl", "pl", services.clock())
        answers = await register_duty_group(uow, services, turn, w.DUTY_GROUP, "Dyżurni", code)
        await uow.commit()
        return list(answers)
