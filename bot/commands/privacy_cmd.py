"""`python -m bot privacy access|erase --telegram-id N`: residents' requests that come by letter.

The same use cases as /moje_dane and /usun_dane in the chat; both are audited with the
operator's account. `access` writes the JSON and the readable text (0600) into a folder.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.commands import Subparsers, add_parser
from bot.config import Config, Secrets
from bot.i18n import Catalog
from bot.services import Services
from bot.usecases.rights.access import ACCESS_ACTION, as_json, as_text, personal_data
from bot.usecases.rights.erasure import erase_person
from db.engine import create_engine, database_url, session_factory
from db.models.people import User
from db.models.reports import AuditEvent
from db.private_files import write_private
from db.repositories.users import get_user
from db.uow import UnitOfWorkFactory

CHANNEL = "telegram"


def register(subparsers: Subparsers) -> None:
    """Add `privacy` and its actions."""
    parser = add_parser(subparsers, "privacy", "residents' rights: a copy of their data, erasure")
    actions = parser.add_subparsers(dest="privacy_action", metavar="ACTION", required=True)
    access = add_parser(actions, "access", "write everything stored about a person (audited)")
    access.add_argument("--telegram-id", required=True, help="the person's Telegram user id")
    access.add_argument("--output", "-o", type=Path, default=Path("."), help="folder (default: .)")
    access.add_argument("--lang", default="pl", help="language of the text version (pl, uk, en)")
    access.set_defaults(handler=_access)
    erase = add_parser(actions, "erase", "erase a person; reports stay unlinked (audited)")
    erase.add_argument("--telegram-id", required=True, help="the person's Telegram user id")
    erase.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    erase.set_defaults(handler=_erase)


def _actor() -> str:
    return f"cli:{getpass.getuser()}"


def _services(config: Config, secrets: Secrets) -> tuple[Services, AsyncEngine]:
    engine = create_engine(database_url(secrets.database_url, config.database.sqlite_path))
    services = Services(
        config=config,
        catalog=Catalog(config.bot.languages),
        uow=UnitOfWorkFactory(session_factory(engine)),
    )
    return services, engine


async def _run_access(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    services, engine = _services(config, secrets)
    try:
        async with services.uow() as uow:
            user = await get_user(uow.session, CHANNEL, str(args.telegram_id))
            if user is None:
                print(f"no person with Telegram id {args.telegram_id} is stored", file=sys.stderr)
                return 1
            data = await personal_data(
                services, uow.session, user, services.catalog.language(args.lang)
            )
            uow.session.add(
                AuditEvent(
                    at=services.clock(),
                    action=ACCESS_ACTION,
                    subject_user_id=user.id,
                    note=_actor(),
                    data={"via": "cli"},
                )
            )
            await uow.commit()
    finally:
        await engine.dispose()
    lang = services.catalog.language(args.lang)
    stem = args.output / f"dane-{args.telegram_id}"
    json_file = write_private(stem.with_suffix(".json"), as_json(data))
    text_file = write_private(
        stem.with_suffix(".txt"), as_text(data, services.catalog, lang, config.bot.timezone)
    )
    print(f"written (mode 0600): {json_file} and {text_file}")
    print(f"reports: {len(data['reports'])}, followed: {len(data['followed_reports'])}")
    return 0


def _access(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    return asyncio.run(_run_access(args, config, secrets))


async def _run_erase(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    services, engine = _services(config, secrets)
    try:
        async with services.uow() as uow:
            user: User | None = await get_user(uow.session, CHANNEL, str(args.telegram_id))
            if user is None:
                print(f"no person with Telegram id {args.telegram_id} is stored", file=sys.stderr)
                return 1
            erased = await erase_person(
                uow.session, user, services.clock(), actor=_actor(), keep_inbox_id=None
            )
            await uow.commit()
    finally:
        await engine.dispose()
    print(
        f"erased: {erased.reports_unlinked} report(s) unlinked, {erased.identities} identity "
        f"row(s), {erased.followed} followed report(s), {erased.messages} stored message(s)"
    )
    return 0


def _erase(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    if not args.yes:
        answer = input(f"Erase the person with Telegram id {args.telegram_id}? Type the id again: ")
        if answer.strip() != str(args.telegram_id):
            print("nothing erased")
            return 1
    return asyncio.run(_run_erase(args, config, secrets))
