"""The lookup feature: the directory at start-up, and officers sent as Telegram contacts.

Start-up imports the configured directory folder ([bot] directory_dir, the Konin SAMPLE by
default) when the database holds no districts — the same code path as `python -m bot data
import` — and then builds the gazetteer from the database's active records. A later import
into the database is picked up when the bot restarts.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from sqlalchemy.exc import IntegrityError
from telegram import Bot
from telegram.constants import ParseMode

from bot.pipeline.senders import Sender
from bot.services import Services
from bot.usecases.geocoding import Geocoding
from bot.usecases.lookup_flow import CONTACT_KIND, dialable_phone
from db.models.pipeline import OutboxMessage
from db.repositories.directory_import import import_folder
from db.repositories.directory_queries import has_districts, load_directory, officer_contact
from lookup.files import DirectoryInvalid
from lookup.gazetteer import Gazetteer

log = logging.getLogger(__name__)


async def load_gazetteer(services: Services) -> Gazetteer:
    """Import the directory folder into an empty database, then index the active directory."""
    folder = services.config.bot.directory_dir
    async with services.uow() as uow:
        if not await has_districts(uow.session):
            if folder.is_dir():
                try:
                    summary = await import_folder(uow.session, folder)
                    await uow.commit()
                    log.info("directory imported from %s: %d records", folder, summary.created)
                except IntegrityError:
                    # Another process imported it at the same moment; use theirs.
                    log.info("directory was imported by another process meanwhile")
            else:
                log.warning("no districts in the database and no folder %s to import", folder)
    async with services.uow() as uow:
        directory = await load_directory(uow.session)
    tolerance = services.config.lookup.border_tolerance_m
    return Gazetteer.from_directory(directory, tolerance_m=tolerance)


async def prepare(services: Services) -> None:
    """Load the directory's gazetteer; start online geocoding when it is enabled."""
    try:
        services.gazetteer = await load_gazetteer(services)
    except DirectoryInvalid as invalid:
        # The bot must not start with half a directory; the message names every problem.
        log.error("%s", invalid)
        raise
    settings = services.config.lookup
    if settings.geocoding_enabled:
        services.geocoding = Geocoding.nominatim(settings)
        log.info("online geocoding enabled (%s)", settings.nominatim_domain)


async def shutdown(services: Services) -> None:
    """Before the database closes: let online look-ups in flight finish."""
    geocoding = services.geocoding
    if geocoding is not None:
        # Let addresses being looked up online get their answer (an outbox row) before the
        # database closes; geopy's own timeout bounds the wait.
        await geocoding.drain()


class ContactSender:
    """Send an outbox row of kind "officer_contact": an officer's card, read from the DB now."""

    def __init__(self, services: Services) -> None:
        self.services = services

    async def __call__(self, bot: Bot, row: OutboxMessage) -> int | None:
        catalog = self.services.catalog
        lang = catalog.language(row.payload.get("lang"))
        async with self.services.uow() as uow:
            officer = await officer_contact(uow.session, str(row.payload.get("officer", "")))
        if officer is None:
            # Deactivated between the press and the sending: say so instead of a stale card.
            message = await bot.send_message(
                chat_id=row.chat_id,
                text=catalog.render(lang, "lookup-contact-gone"),
                parse_mode=ParseMode.HTML,
            )
            return message.message_id
        last_name = officer.last_name
        if officer.sample:
            last_name += " " + catalog.render(lang, "lookup-contact-sample")
        phone = dialable_phone(officer.phone)
        vcard = "\n".join(
            line
            for line in (
                "BEGIN:VCARD",
                "VERSION:3.0",
                f"N:{_v(last_name)};{_v(officer.first_name)};;{_v(officer.rank)};",
                f"FN:{_v(f'{officer.rank} {officer.first_name} {last_name}')}",
                f"ORG:{_v(officer.station_name)}",
                f"TEL;TYPE=WORK,VOICE:{phone}",
                f"EMAIL;TYPE=WORK:{_v(officer.email)}" if officer.email else "",
                "END:VCARD",
            )
            if line
        )
        message = await bot.send_contact(
            chat_id=row.chat_id,
            phone_number=phone,
            first_name=officer.first_name,
            last_name=last_name,
            vcard=vcard,
        )
        return message.message_id


def _v(value: str) -> str:
    """Escape a vCard 3.0 text value (RFC 2426: backslash, comma, semicolon, newline)."""
    escaped = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return escaped.replace("\n", "\\n")


def senders(services: Services) -> Mapping[str, Sender]:
    return {CONTACT_KIND: ContactSender(services)}
