"""Photos are hostile input: only JPEG, PNG and WebP are decoded, bombs are refused unopened,
and a broken file never makes "Send" fail.

Attacks: make the bot run one of Pillow's ~40 decoders on a crafted file (TIFF, EPS, ICNS, PSD,
FITS... sent as a document with an image MIME type or a .jpg name); send a decompression bomb
(a few KB of PNG that decodes to gigabytes); send an album of large photos to exhaust the
memory; send a file whose decoder raises something other than OSError, so "Send" fails on every
retry; send a venue whose title is longer than its column, which PostgreSQL refuses.
"""

from __future__ import annotations

import asyncio
import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import String, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.conversation import Location
from bot.services import Services
from bot.usecases.places import VENUE_LABEL_MAX_LENGTH
from bot.usecases.report import submit
from bot.usecases.report.photos import (
    ALLOWED_FORMATS,
    MAX_PIXELS,
    NotAnImage,
    clean_photo,
    decode_slots,
)
from db.models.reports import Report
from tests.conftest import migrated_engine
from tests.support import Clock
from tests.usecases.report.conftest import NOW, build_services
from tests.usecases.report.story import CITY_CENTRE, PhotoShelf, Reporting, jpeg_with_gps, reports

# Formats Pillow can write here (some need a mode of their own); each is a decoder an attacker
# could reach if the bot let Pillow guess.
WRITABLE = {
    "BMP": "RGB",
    "DIB": "RGB",
    "GIF": "P",
    "TIFF": "RGB",
    "ICO": "RGBA",
    "ICNS": "RGBA",
    "PPM": "RGB",
    "PCX": "RGB",
    "TGA": "RGB",
    "SGI": "RGB",
    "MSP": "1",
    "SPIDER": "F",
    "QOI": "RGB",
    "DDS": "RGBA",
    "BLP": "P",
    "XBM": "1",
    "EPS": "RGB",
    "JPEG2000": "RGB",
    "AVIF": "RGB",
    "PDF": "RGB",
    "JPEG": "RGB",
    "PNG": "RGBA",
    "WEBP": "RGB",
}


def encoded(fmt: str, mode: str = "RGB", size: tuple[int, int] = (64, 48)) -> bytes:
    """Return a small real image of a format, as Pillow writes it."""
    buffer = io.BytesIO()
    Image.new(mode, size, 1 if mode in ("1", "P", "F") else "teal").save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", sorted(WRITABLE))
def test_only_jpeg_png_and_webp_are_decoded(fmt: str) -> None:
    try:
        data = encoded(fmt, WRITABLE[fmt])
    except (OSError, KeyError, ValueError) as exc:
        pytest.skip(f"this Pillow cannot write {fmt}: {exc}")
    if fmt in ALLOWED_FORMATS:
        photo = clean_photo(data, 2560)
        assert (photo.width, photo.height) == (64, 48)
        assert photo.content.startswith(b"\xff\xd8")
    else:
        with pytest.raises(NotAnImage):
            clean_photo(data, 2560)


def png_header_only(width: int, height: int) -> bytes:
    """Return a PNG that claims a size in its header and holds almost no data (a bomb)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = zlib.compress(b"\x00" * 1024)
    chunks = chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


@pytest.mark.parametrize(
    "size", [(8000, 6000), (MAX_PIXELS // 1000 + 1, 1000), (100_000, 100_000), (2**31 - 1, 2)]
)
def test_a_decompression_bomb_is_refused_from_its_header(size: tuple[int, int]) -> None:
    with pytest.raises(NotAnImage):
        clean_photo(png_header_only(*size), 2560)


def test_a_real_40_mpx_bomb_of_a_few_kilobytes_is_refused() -> None:
    buffer = io.BytesIO()
    Image.new("1", (8000, 6000)).save(buffer, format="PNG")
    assert len(buffer.getvalue()) < 100_000
    with pytest.raises(NotAnImage):
        clean_photo(buffer.getvalue(), 2560)


BROKEN = {
    "random bytes": bytes(range(256)) * 8,
    "empty": b"",
    "truncated jpeg": jpeg_with_gps()[:300],
    "jpeg header only": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "png with a broken chunk": png_header_only(10, 10)[:40] + b"\xff" * 40,
    "webp header, no body": b"RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00" + b"\x00" * 8,
    "tiff named jpeg": encoded("TIFF"),
    "svg": b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_every_decoder_error_is_not_an_image(name: str) -> None:
    with pytest.raises(NotAnImage):
        clean_photo(BROKEN[name], 2560)


def test_decoding_slots_follow_the_cores_and_the_memory_budget() -> None:
    per_photo = MAX_PIXELS * 12
    assert decode_slots(per_photo * 10, cpus=2) == 2
    assert decode_slots(per_photo * 3, cpus=8) == 3
    assert decode_slots(per_photo // 2, cpus=8) == 1


async def test_photos_are_decoded_behind_the_semaphore(
    report_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    slots = submit.decoding_slots(report_services)
    limit = decode_slots(report_services.config.reports.photo_decode_memory_mb * 1_000_000)
    running = 0
    most = 0

    def counting(data: bytes, max_side: int) -> object:
        nonlocal running, most
        running += 1
        most = max(most, running)
        try:
            return clean_photo(data, max_side)
        finally:
            running -= 1

    monkeypatch.setattr(submit, "clean_photo", counting)
    shelf = report_services.media_fetcher
    assert isinstance(shelf, PhotoShelf)
    refs = [shelf.put(jpeg_with_gps(1600, 1200)) for _ in range(6)]
    await asyncio.gather(*(submit.prepare_photo(report_services, ref) for ref in refs))
    assert 1 <= most <= limit
    assert slots._value == limit  # every slot given back


@pytest.mark.parametrize("name", ["tiff named jpeg", "random bytes", "truncated jpeg"])
async def test_send_goes_through_once_a_bad_photo_is_taken_out(
    report_services: Services, name: str
) -> None:
    anna = Reporting(report_services, 7101)
    await anna.through_category()
    await anna.say("Kolejowa 12")
    await anna.press("when.now")
    await anna.press("skip")
    await anna.photo(BROKEN[name])
    await anna.photo(jpeg_with_gps())
    await anna.press("done")
    await anna.press("anon.yes")
    await anna.press("send")
    assert anna.said() == ["report-photos-refused", "report-photos-question"]
    assert await reports(report_services) == []
    await anna.press("done")
    await anna.press("send")
    assert anna.said() == ["report-sent"]


async def test_a_venue_title_longer_than_its_column_is_cut_not_refused(
    database_url: str, tmp_path: Path
) -> None:
    from db.repositories.directory_import import import_folder

    async with migrated_engine(database_url) as engine:
        services = await _services(engine)
        async with services.uow() as uow:
            await import_folder(uow.session, "data/konin")
            await uow.commit()
        anna = Reporting(services, 7102)
        await anna.through_category()
        await anna.send(Location(*CITY_CENTRE, "Sklep " * 2000, "ul. Kolejowa " * 100))
        assert anna.said()[0] == "report-where-found"
        await anna.press("when.now")
        await anna.say("Opis " * 150)
        await anna.press("done")
        await anna.press("anon.yes")
        await anna.press("send")
        assert anna.said() == ["report-sent"]
        async with services.uow() as uow:
            address = await uow.session.scalar(select(Report.address))
        # Cut once, where the place is named (so that every message can show it), to a length
        # its column holds.
        column = Report.__table__.c.address.type
        assert address is not None and address.startswith("Sklep Sklep") and address.endswith("…")
        assert isinstance(column, String) and column.length is not None
        assert len(address) == VENUE_LABEL_MAX_LENGTH <= column.length


async def _services(engine: AsyncEngine) -> Services:
    return await build_services(engine, Clock(NOW))
