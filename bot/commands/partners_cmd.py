"""`python -m bot partners invite|list`: partner institutions' chats (partners.csv).

A partner's chat is linked only through a one-time invite, made by the officers' invite
mechanism (bot/usecases/officers/invites.py); the directory import never sets it.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from sqlalchemy import select

from bot.commands import Subparsers, add_parser
from bot.commands.officers_cmd import _bot_username
from bot.commands.read_only import NOT_CURRENT, SchemaNotCurrent, read_only_session
from bot.config import Config, Secrets
from bot.usecases.officers.invites import InviteError, deep_link
from bot.usecases.partners.linking import create_partner_invite
from db import migrate
from db.base import utcnow
from db.engine import create_engine, database_url, session_factory
from db.models.partners import Partner
from db.uow import UnitOfWorkFactory


def register(subparsers: Subparsers) -> None:
    """Add `partners` and its actions."""
    parser = add_parser(subparsers, "partners", "partner institutions: chat invites, list")
    actions = parser.add_subparsers(dest="partners_action", metavar="ACTION", required=True)
    invite = add_parser(actions, "invite", "print a one-time link that links a partner's chat")
    invite.add_argument("partner_code", metavar="PARTNER_CODE", help="e.g. SM-KONIN (partners.csv)")
    invite.add_argument(
        "--bot", help="the bot's @username (default: [officers] bot_username, else asks Telegram)"
    )
    invite.set_defaults(handler=_invite)
    add_parser(
        actions, "list", "list partners, their gminas and whether their chat is linked"
    ).set_defaults(handler=_list)


async def _run_invite(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    engine = create_engine(database_url(secrets.database_url, config.database.sqlite_path))
    try:
        await migrate.upgrade(engine)
        uow = UnitOfWorkFactory(session_factory(engine))()
        async with uow:
            code, partner, expires = await create_partner_invite(
                uow.session,
                args.partner_code,
                now=utcnow(),
                ttl_hours=config.officers.invite_ttl_hours,
            )
            await uow.commit()
    except InviteError as exc:
        print(f"cannot invite: {exc}", file=sys.stderr)
        return 1
    finally:
        await engine.dispose()
    username = await _bot_username(args, config, secrets)
    name = username or "<bot_username>"
    print(f"Invite for {partner.name} ({partner.code}), single use, valid until "
          f"{expires:%Y-%m-%d %H:%M} UTC:")  # fmt: skip
    print(deep_link(name, code))
    print(f"(or, for a private chat: https://t.me/{name}?start={code})")
    if username is None:
        print(
            "(set [officers] bot_username, --bot, or TELEGRAM_BOT_TOKEN to fill in the bot's name)",
            file=sys.stderr,
        )
    print("The institution opens it and picks the chat its reports should go to.")
    return 0


def _invite(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    return asyncio.run(_run_invite(args, config, secrets))


async def _run_list(config: Config, secrets: Secrets) -> int:
    # Listing only reads: it never migrates (`db upgrade` does), one query checks the schema.
    try:
        async with read_only_session(config, secrets) as session:
            partners = list(await session.scalars(select(Partner).order_by(Partner.code)))
    except SchemaNotCurrent:
        print(NOT_CURRENT, file=sys.stderr)
        return 1
    if not partners:
        print("no partners in the directory (partners.csv, then python -m bot data import ...)")
    for partner in partners:
        link = f"linked {partner.linked_at:%Y-%m-%d}" if partner.linked_at else "not linked"
        active = "" if partner.active else " [inactive]"
        print(f"{partner.code:<12} {partner.name:<50} {partner.gmina:<18} {link}{active}")
    return 0


def _list(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    return asyncio.run(_run_list(config, secrets))
