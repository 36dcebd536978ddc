"""Re-encode residents' photos without metadata (EXIF GPS, device, ICC, XMP) before storing them.

A resident's file is hostile input to an image library with dozens of decoders: only the
formats phones send are opened (the bytes decide, never the client's MIME type or file name),
the pixel count is checked from the header before anything is decoded, and whatever a decoder
raises on a crafted file means "not an image", so the resident is asked for another one.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass

from PIL import Image, ImageOps

JPEG_QUALITY = 85
# What phones and Telegram clients send. No HEIC: Pillow has no decoder of its own for it, and
# Telegram turns photos into JPEG anyway (only a HEIC sent "as a file" arrives as HEIC).
ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")
# A 12 Mpx phone photo is ~4000x3000; 40 Mpx leaves room for panoramas and refuses bombs.
MAX_PIXELS = 40_000_000
# Peak memory of one decode per pixel: the decoded image (4 bytes with alpha), the upright
# copy and the RGB copy (3 each), rounded up.
PEAK_BYTES_PER_PIXEL = 12


class NotAnImage(ValueError):
    """The bytes are not an image we open (wrong format, too large, or broken)."""


@dataclass(frozen=True)
class CleanPhoto:
    """A photo ready to store: JPEG bytes without metadata, their checksum and size."""

    content: bytes
    sha256: str
    width: int
    height: int
    mime_type: str = "image/jpeg"


def decode_slots(memory_budget_bytes: int, cpus: int | None = None) -> int:
    """Return how many photos may be decoded at once: one per core, within the memory budget."""
    cores = cpus if cpus is not None else (os.cpu_count() or 1)
    by_memory = memory_budget_bytes // (MAX_PIXELS * PEAK_BYTES_PER_PIXEL)
    return max(1, min(cores, by_memory))


def clean_photo(data: bytes, max_side: int) -> CleanPhoto:
    """Decode, turn upright, drop every metadata block, shrink to `max_side` and encode as JPEG.

    Raise NotAnImage for anything that is not a readable JPEG, PNG or WebP of at most
    MAX_PIXELS pixels.
    """
    try:
        with Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS) as image:
            # Only the header was read so far: refuse a bomb before its pixels exist.
            if image.width * image.height > MAX_PIXELS:
                raise NotAnImage("image too large to decode safely")
            # A JPEG can be decoded at 1/2, 1/4 or 1/8 scale directly: much less memory.
            image.draft("RGB", (max_side, max_side))
            image.load()
            # The orientation tag is metadata too: apply it to the pixels before dropping it.
            upright = ImageOps.exif_transpose(image)
            rgb = upright.convert("RGB")
    except NotAnImage:
        raise
    except Exception as exc:
        # Pillow's decoders answer crafted files with UnidentifiedImageError, OSError,
        # ValueError, SyntaxError, struct.error, IndexError, DecompressionBombError... and new
        # ones with new releases: any of them means the same thing to the resident.
        raise NotAnImage(type(exc).__name__) from None
    rgb.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    # A fresh image carries no info dict, so nothing (exif, icc_profile, xmp, comment) is saved.
    clean = Image.new("RGB", rgb.size)
    clean.paste(rgb)
    buffer = io.BytesIO()
    clean.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    content = buffer.getvalue()
    return CleanPhoto(content, hashlib.sha256(content).hexdigest(), clean.width, clean.height)
