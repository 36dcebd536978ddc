"""Photos as residents send them: kept up to the limit, a caption kept as description, and an
album (one update per photo, a shared group id) answered with one message, not one per photo.

Telegram delivers an album as separate messages a few milliseconds apart, and the turns of one
chat run in order. The first photo's answer is queued at once and its outbox row remembered in
the draft; the answers to the album's later photos replace that message (Answer.replaces), so
the resident sees one message counting up ("3 of 3") with any notices gathered under it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from bot.config import ReportsSection
from bot.conversation import Answer, Media, replacing_row
from bot.outbox import reply
from bot.usecases.flow import FlowContext
from bot.usecases.report.draft import Photo

Notice = tuple[str, Mapping[str, Any]]


def photo_limit_megabytes(settings: ReportsSection) -> float:
    """Return the size limit of one photo in MB, as people read it (0.4, 20)."""
    megabytes = settings.max_photo_bytes / 1_000_000
    return round(megabytes) if megabytes >= 1 else max(round(megabytes, 1), 0.1)


def keep_photos(settings: ReportsSection, photos: list[Photo], step: Media) -> list[Notice]:
    """Add the step's photos to `photos` up to the limit; return what to tell about the rest."""
    notices: list[Notice] = []
    sizes = list(step.sizes) + [0] * (len(step.refs) - len(step.sizes))
    for ref, size in zip(step.refs, sizes, strict=True):
        if len(photos) >= settings.max_photos:
            notices.append(("report-photos-limit", {"max": settings.max_photos}))
            break
        if size > settings.max_photo_bytes:
            megabytes = photo_limit_megabytes(settings)
            notices.append(("report-photo-too-big", {"megabytes": megabytes}))
            continue
        photos.append(Photo(ref, size))
    return notices


def with_caption(description: str | None, caption: str | None, limit: int) -> str | None:
    """Return the description with a photo's caption added (None: it does not fit)."""
    if not caption:
        return description
    joined = f"{description}\n{caption}" if description else caption
    return joined if len(joined) <= limit else None


async def answer_once_per_album(
    ctx: FlowContext,
    album: dict[str, Any],
    group: str | None,
    answers: Sequence[Answer],
) -> tuple[list[Answer], dict[str, Any]]:
    """Answer a photo; an album's later photos replace the message its first photo got.

    Returns the answers for the turn to queue and the album state to keep in the draft
    ({"group", "row", "notices"}). Notices (a photo over the limit, too big) of every photo of
    the album stay under the one message.
    """
    if group is None or not answers:
        return list(answers), {}
    *before, last = answers
    if album.get("group") == group and isinstance(album.get("row"), int):
        notices: dict[str, Mapping[str, Any]] = {k: a for k, a in album.get("notices", [])}
        # One "at most 3 photos" however many photos of the album were over the limit.
        notices.update((k, dict(a)) for k, a in last.also)
        merged = dataclasses.replace(
            last, also=tuple(notices.items()), replaces=replacing_row(album["row"])
        )
        return [*before, merged], {**album, "notices": [[k, a] for k, a in notices.items()]}
    # The album's first photo: queue the answers now, so that the row of the last is known.
    row = None
    for answer in answers:
        row = reply(ctx.uow, ctx.user, answer, ctx.lang)
    if row is None:
        return list(answers), {}
    await ctx.session.flush()
    first = [[k, dict(a)] for k, a in last.also]
    return [], {"group": group, "row": row.id, "notices": first}
