"""Re-encode residents' photos without metadata (EXIF GPS, device, ICC, XMP) before storing them."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

JPEG_QUALITY = 85
# Refuse decompression bombs well before Pillow's own limit: a phone photo is ~50 Mpx at most.
MAX_PIXELS = 120_000_000


class NotAnImage(ValueError):
    """The bytes are not an image Pillow can read."""


@dataclass(frozen=True)
class CleanPhoto:
    """A photo ready to store: JPEG bytes without metadata, their checksum and size."""

    content: bytes
    sha256: str
    width: int
    height: int
    mime_type: str = "image/jpeg"


def clean_photo(data: bytes, max_side: int) -> CleanPhoto:
    """Decode, turn upright, drop every metadata block, shrink to `max_side` and encode as JPEG."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise NotAnImage("image too large to decode safely")
            image.load()
            # The orientation tag is metadata too: apply it to the pixels before dropping it.
            upright = ImageOps.exif_transpose(image)
            rgb = upright.convert("RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise NotAnImage(str(exc)) from None
    rgb.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    # A fresh image carries no info dict, so nothing (exif, icc_profile, xmp, comment) is saved.
    clean = Image.new("RGB", rgb.size)
    clean.paste(rgb)
    buffer = io.BytesIO()
    clean.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    content = buffer.getvalue()
    return CleanPhoto(content, hashlib.sha256(content).hexdigest(), clean.width, clean.height)
