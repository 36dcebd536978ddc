"""`python -m bot officers invite|revoke|list|set-role|groups`: officers' accounts and roles.

Accounts are linked by invite only; roles (dzielnicowy, coordinator, duty officer) and duty
groups are set here by staff, audited, and never self-declared in chat.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys

from bot.commands import Subparsers, add_parser
from bot.config import Config, Secrets
from lookup.directory import OfficerRole

# Each action imports what it uses when it runs: `officers list` only reads, and starts without
# the outbox, the conversation's texts, migrations or the gazetteer the other actions load.


def register(subparsers: Subparsers) -> None:
    """Add `officers` and its actions."""
    parser = add_parser(subparsers, "officers", "officers' accounts: invites, unlinking, list")
    actions = parser.add_subparsers(dest="officers_action", metavar="ACTION", required=True)
    invite = add_parser(actions, "invite", "print a one-time link that links an officer's account")
    invite.add_argument("officer_code", metavar="OFFICER_CODE", help="e.g. DZ-01 (officers list)")
    invite.add_argument(
        "--group",
        action="store_true",
        help="a ?startgroup= link: the coordinator adds the bot to the station's duty group",
    )
    invite.add_argument(
        "--bot", help="the bot's @username (default: [officers] bot_username, else asks Telegram)"
    )
    invite.set_defaults(handler=_invite)
    rv = add_parser(actions, "revoke", "unlink an officer's account and drop unused invites")
    rv.add_argument("officer_code", metavar="OFFICER_CODE")
    rv.set_defaults(handler=_revoke)
    add_parser(actions, "list", "list officers, their roles, districts and links").set_defaults(
        handler=_list
    )
    role = add_parser(
        actions, "set-role", "make an officer a dzielnicowy, coordinator or duty officer (audited)"
    )
    role.add_argument("officer_code", metavar="OFFICER_CODE")
    role.add_argument(
        "role",
        metavar="ROLE",
        help="dzielnicowy (officer), koordynator (coordinator) or dyżurny (duty)",
    )
    role.set_defaults(handler=_set_role)
    groups = add_parser(actions, "groups", "list duty groups; disable or enable one (audited)")
    which = groups.add_mutually_exclusive_group()
    which.add_argument("--disable", type=int, metavar="ID", help="no more alerts to this group")
    which.add_argument("--enable", type=int, metavar="ID", help="alerts to this group again")
    groups.set_defaults(handler=_groups)


ROLE_NAMES = {
    OfficerRole.OFFICER: "dzielnicowy",
    OfficerRole.COORDINATOR: "coordinator",
    OfficerRole.DUTY: "duty officer",
}


async def _bot_username(args: argparse.Namespace, config: Config, secrets: Secrets) -> str | None:
    name = args.bot or config.officers.bot_username
    if name:
        return str(name).lstrip("@")
    if not secrets.bot_token:
        return None
    from telegram import Bot

    bot = Bot(secrets.bot_token, base_url=config.telegram.api_base_url)
    async with bot:
        me = await bot.get_me()
    return me.username


async def _run_invite(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    from bot.usecases.officers.invites import InviteError, create_invite, deep_link
    from db import migrate
    from db.base import utcnow
    from db.engine import create_engine, database_url, session_factory
    from db.uow import UnitOfWorkFactory

    engine = create_engine(database_url(secrets.database_url, config.database.sqlite_path))
    try:
        await migrate.upgrade(engine)
        uow = UnitOfWorkFactory(session_factory(engine))()
        async with uow:
            issued = await create_invite(
                uow.session,
                args.officer_code,
                group=args.group,
                now=utcnow(),
                ttl_hours=config.officers.invite_ttl_hours,
            )
            await uow.commit()
    except InviteError as exc:
        print(f"cannot invite: {exc}", file=sys.stderr)
        return 1
    finally:
        await engine.dispose()
    officer = issued.officer
    username = await _bot_username(args, config, secrets)
    link = deep_link(username or "<bot_username>", issued.code)
    who = f"{officer.rank} {officer.first_name} {officer.last_name} ({officer.code})"
    print(f"Invite for {who}, single use, valid until {issued.expires_at:%Y-%m-%d %H:%M} UTC:")
    print(link)
    if username is None:
        print(
            "(set [officers] bot_username, --bot, or TELEGRAM_BOT_TOKEN to fill in the bot's name)",
            file=sys.stderr,
        )
    if args.group:
        print("The coordinator opens it and picks the duty group; only they can register it.")
    else:
        print("Hand it to the officer in person: whoever opens it first gets their rights.")
    return 0


def _invite(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    return asyncio.run(_run_invite(args, config, secrets))


async def _run_revoke(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    from bot.usecases.officers.invites import InviteError, revoke
    from db.base import utcnow
    from db.engine import create_engine, database_url, session_factory
    from db.uow import UnitOfWorkFactory

    engine = create_engine(database_url(secrets.database_url, config.database.sqlite_path))
    try:
        uow = UnitOfWorkFactory(session_factory(engine))()
        async with uow:
            result = await revoke(uow, args.officer_code, utcnow())
            await uow.commit()
    except InviteError as exc:
        print(f"cannot revoke: {exc}", file=sys.stderr)
        return 1
    finally:
        await engine.dispose()
    state = "unlinked" if result.was_linked else "was not linked"
    print(f"{result.officer.code}: {state}; {result.invites_dropped} unused invite(s) dropped")
    return 0


def _revoke(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    return asyncio.run(_run_revoke(args, config, secrets))


async def _run_list(config: Config, secrets: Secrets) -> int:
    from bot.commands.read_only import NOT_CURRENT, SchemaNotCurrent, read_only_session
    from bot.usecases.officers.roster import list_officers

    try:
        async with read_only_session(config, secrets) as session:
            lines = await list_officers(session)
    except SchemaNotCurrent:
        print(NOT_CURRENT, file=sys.stderr)
        return 1
    if not lines:
        print("no officers in the directory (python -m bot data import ...)")
        return 0
    for line in lines:
        role = ROLE_NAMES[line.role]
        if line.linked_at is None:
            link = "not linked"
        else:
            link = f"linked {line.linked_at:%Y-%m-%d}"
            if line.undeliverable:
                link += ", BLOCKED THE BOT"
        active = "" if line.active else " [inactive]"
        districts = ",".join(line.districts) or "-"
        print(
            f"{line.code:<10} {line.name:<40} {line.station:<12} {role:<11} {districts:<20} "
            f"{link}{active}"
        )
    return 0


def _list(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    return asyncio.run(_run_list(config, secrets))


async def _run_set_role(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    from bot.usecases.officers.invites import InviteError
    from bot.usecases.officers.roles import set_role
    from db import migrate
    from db.base import utcnow
    from db.engine import create_engine, database_url, session_factory
    from db.uow import UnitOfWorkFactory
    from lookup.directory import parse_role

    role = parse_role(args.role)
    if role is None or not args.role.strip():
        print(
            f"unknown role {args.role!r}: use dzielnicowy, koordynator or dyżurny", file=sys.stderr
        )
        return 2
    engine = create_engine(database_url(secrets.database_url, config.database.sqlite_path))
    try:
        await migrate.upgrade(engine)
        uow = UnitOfWorkFactory(session_factory(engine))()
        async with uow:
            change = await set_role(
                uow,
                args.officer_code,
                role,
                utcnow(),
                actor=f"cli:{getpass.getuser()}",
                ops_chat_id=config.telegram.ops_chat_id,
                ops_lang=config.bot.languages[0],
            )
            await uow.commit()
    except InviteError as exc:
        print(f"cannot set the role: {exc}", file=sys.stderr)
        return 1
    finally:
        await engine.dispose()
    officer = change.officer
    if change.previous == officer.role:
        print(f"{officer.code}: already {ROLE_NAMES[officer.role]}")
        return 0
    told = "; told in chat" if change.linked else " (not linked yet: the invite gives the role)"
    print(f"{officer.code}: {ROLE_NAMES[change.previous]} -> {ROLE_NAMES[officer.role]}{told}")
    return 0


def _set_role(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    return asyncio.run(_run_set_role(args, config, secrets))


async def _run_groups(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    from bot.usecases.officers.duty_groups import list_groups, set_group_active
    from bot.usecases.officers.invites import InviteError
    from db import migrate
    from db.base import utcnow
    from db.engine import create_engine, database_url, session_factory
    from db.uow import UnitOfWorkFactory

    engine = create_engine(database_url(secrets.database_url, config.database.sqlite_path))
    try:
        await migrate.upgrade(engine)
        target = args.disable if args.disable is not None else args.enable
        if target is not None:
            uow = UnitOfWorkFactory(session_factory(engine))()
            async with uow:
                line, changed = await set_group_active(
                    uow,
                    target,
                    args.enable is not None,
                    utcnow(),
                    actor=f"cli:{getpass.getuser()}",
                    lang=config.bot.languages[0],
                )
                await uow.commit()
            state = "enabled" if line.active else "disabled"
            print(
                f"group {line.id} ({line.title or line.chat_id}): {state}"
                + ("" if changed else " already")
            )
            return 0
        async with session_factory(engine)() as session:
            lines = await list_groups(session)
    except InviteError as exc:
        print(f"cannot change the group: {exc}", file=sys.stderr)
        return 1
    finally:
        await engine.dispose()
    if not lines:
        print("no duty groups (a coordinator adds one: officers invite CODE --group)")
        return 0
    for line in lines:
        state = "active" if line.active else "DISABLED"
        print(
            f"{line.id:<5} {line.station:<12} {line.chat_id:<16} {line.title[:40]:<40} "
            f"{state:<8} since {line.created_at:%Y-%m-%d}"
        )
    return 0


def _groups(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    return asyncio.run(_run_groups(args, config, secrets))
