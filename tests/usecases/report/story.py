"""A resident who reports threats through the router, and what the database then holds."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image
from sqlalchemy import Executable, select

from bot.conversation import Answer, Choice, Command, Location, Media, Text
from bot.services import Services
from bot.usecases.report.media import MediaTooLarge, MediaUnavailable
from db.models.conversation import Conversation
from db.models.people import User
from db.models.pipeline import OutboxMessage
from db.models.reports import Report, ReportPhoto
from tests.support import Resident, view_payload

OPS_CHAT = -100_500
# Kolejowa 1-41 (odd) lies in KON-05 in the sample; this point is inside KON-05's polygon.
CITY_CENTRE = (52.2275, 18.2614)
FAR_AWAY = (52.0, 17.0)


class PhotoShelf:
    """The MediaFetcher of use-case tests: files by reference, as Telegram would serve them."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.files: dict[str, bytes] = {}

    def put(self, data: bytes) -> str:
        """Store a file and return its reference."""
        ref = f"photo-{len(self.files) + 1}"
        self.files[ref] = data
        return ref

    async def fetch(self, ref: str) -> bytes:
        """Return a stored file."""
        if ref not in self.files:
            raise MediaUnavailable(ref)
        if len(self.files[ref]) > self.max_bytes:
            raise MediaTooLarge(ref)
        return self.files[ref]


def jpeg_with_gps(width: int = 800, height: int = 600) -> bytes:
    """Return a JPEG carrying EXIF GPS coordinates and a camera model, as phones write them."""
    image = Image.new("RGB", (width, height), "navy")
    exif = Image.Exif()
    exif[0x0110] = "Phone X (test)"  # Model
    exif[0x0131] = "Camera 1.0"  # Software
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (52.0, 13.0, 39.0)
    gps[3] = "E"
    gps[4] = (18.0, 15.0, 41.0)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


class Reporting(Resident):
    """A resident talking to the report flow; `press` taps a button of the last answers."""

    async def start_report(self) -> list[Answer]:
        """Send /zglos (starting over if a report is unfinished)."""
        await self.send(Command("zglos"))
        if "report-continuing" in self.said():
            await self.press("restart")
        return self.last

    async def say(self, text: str) -> list[Answer]:
        """Type a message."""
        return await self.send(Text(text))

    async def share(self, point: tuple[float, float]) -> list[Answer]:
        """Share a location."""
        return await self.send(Location(*point))

    async def photo(self, data: bytes) -> list[Answer]:
        """Send a photo (stored on the shelf first, as Telegram would)."""
        shelf = self.services.media_fetcher
        assert isinstance(shelf, PhotoShelf)
        return await self.send(Media((shelf.put(data),), (len(data),)))

    async def press(self, value: str) -> list[Answer]:
        """Tap the button with this value under the last answers."""
        for answer in reversed(self.last):
            for row in answer.options:
                for option in row:
                    if option.value == value and option.kind == "choice":
                        choice = Choice(value, version=answer.version, scope=answer.scope)
                        return await self.send(choice)
        raise AssertionError(f"no button {value!r} in {[a.key for a in self.last]}")

    def said(self) -> list[str]:
        """Return the catalog keys of the last answers."""
        return [a.key for a in self.last]

    def values(self) -> list[str]:
        """Return every button value of the last answers."""
        return [o.value for a in self.last for row in a.options for o in row]

    def keyboard(self, index: int = 0) -> str:
        """Return how an answer's options are shown (inline, reply, remove, keep)."""
        return self.last[index].keyboard

    def labels(self) -> list[str]:
        """Return the button labels of the last answers as the resident reads them."""
        catalog = self.services.catalog
        lang = self.language_hint or "pl"
        return [
            catalog.render(lang, o.label, o.args)
            for a in self.last
            for row in a.options
            for o in row
        ]

    def text(self) -> str:
        """Return the last answers as the resident reads them (in their language)."""
        return "\n\n".join(self.texts(lang=self.language_hint or "pl"))

    async def through_category(self, group: str = "road", code: str = "parking") -> None:
        """Start a report and answer the emergency and category questions."""
        await self.start_report()
        await self.press("danger.no")
        await self.press(f"grp.{group}")
        await self.press(f"cat.{code}")

    async def full_report(
        self, address: str = "Kolejowa 12", description: str | None = "Auta na chodniku"
    ) -> list[Answer]:
        """Report parking at an address, anonymously, and send it."""
        await self.through_category()
        await self.say(address)
        if "report-duplicates" in self.said():
            await self.press("new")
        await self.press("when.now")
        if description is None:
            await self.press("skip")
        else:
            await self.say(description)
        await self.press("done")
        await self.press("anon.yes")
        return await self.press("send")


async def conversation(services: Services, user_id: int) -> Conversation:
    """Return the stored conversation of a resident."""
    async with services.uow() as uow:
        user = await uow.session.scalar(select(User).where(User.external_id == str(user_id)))
        assert user is not None
        found = await uow.session.get(Conversation, user.id)
        assert found is not None
        uow.session.expunge(found)
        return found


async def reports(services: Services) -> list[Report]:
    """Return every stored report, oldest first."""
    async with services.uow() as uow:
        rows = list(await uow.session.scalars(select(Report).order_by(Report.id)))
        for row in rows:
            uow.session.expunge(row)
        return rows


async def outbox(services: Services, kind: str) -> list[dict[str, Any]]:
    """Return the payloads of queued messages of one kind."""
    async with services.uow() as uow:
        rows = await uow.session.scalars(
            select(OutboxMessage.payload)
            .where(OutboxMessage.kind == kind)
            .order_by(OutboxMessage.id)
        )
        # Alert rows name a live view: show what it shows.
        return [await view_payload(uow.session, kind, payload) for payload in rows.all()]


async def stored_photos(services: Services) -> list[ReportPhoto]:
    """Return every stored photo, by report and position."""
    async with services.uow() as uow:
        rows = list(
            await uow.session.scalars(
                select(ReportPhoto).order_by(ReportPhoto.report_id, ReportPhoto.position)
            )
        )
        for row in rows:
            uow.session.expunge(row)
        return rows


async def rows(services: Services, statement: Executable) -> list[tuple[Any, ...]]:
    """Run a query of columns and return its rows as tuples."""
    async with services.uow() as uow:
        return [tuple(row) for row in (await uow.session.execute(statement)).all()]
