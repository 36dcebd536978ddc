"""The coordinators' daily digest: new, overdue, confirmed and eliminated reports of the station.

Sent once a day at [deadlines] digest_hour ([bot] timezone), or at the first run after it when
the bot was down then. A `job_runs` row (name "digest", the local date) is inserted in the same
transaction as the messages: a second process meets the unique constraint and sends nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import Answer
from bot.i18n import Dated
from bot.outbox import PRIORITY_NOTICE, queue_kind
from bot.services import Services
from bot.usecases.officers.alert_view import category_name
from bot.usecases.officers.reachability import present_coordinators
from bot.usecases.officers.status_changes import STATUS_ACTION
from bot.usecases.operations import queries
from bot.usecases.operations.deadlines import Overdue, deadline_start, overdue_kind
from bot.usecases.operations.local_time import local
from bot.usecases.operations.quiet_hours import officer_is_quiet
from db.models.directory import Station
from db.models.operations import JobRun
from db.models.reports import Report, ReportStatus
from db.uow import UnitOfWork

log = logging.getLogger(__name__)

DIGEST_JOB = "digest"
# Overdue reports listed by reference in one digest (the count covers all of them).
OVERDUE_LINES = 10
# The digest covers the day before it.
WINDOW = timedelta(hours=24)


@dataclass
class StationDigest:
    """One station's figures for the digest."""

    new: int = 0
    confirmed: int = 0
    eliminated: int = 0
    open: int = 0
    overdue: list[tuple[Report, Overdue]] = field(default_factory=list)


async def station_digest(
    session: AsyncSession, services: Services, station_id: int, now: datetime
) -> StationDigest:
    """Count the station's reports of the last 24 hours and list what is overdue now."""
    since = now - WINDOW
    digest = StationDigest()
    digest.new = await queries.reports_created_between(session, station_id, since, now)
    closing = [ReportStatus.CONFIRMED.value, ReportStatus.ELIMINATED.value]
    counts = await queries.reports_reaching_status(
        session, station_id, STATUS_ACTION, closing, since, now
    )
    digest.confirmed = counts.get(ReportStatus.CONFIRMED.value, 0)
    digest.eliminated = counts.get(ReportStatus.ELIMINATED.value, 0)
    settings = services.config.deadlines
    for report in await queries.open_station_reports(session, station_id):
        digest.open += 1
        kind = overdue_kind(report, now, settings)
        if kind is not None:
            digest.overdue.append((report, kind))
    return digest


async def send_digest(services: Services, now: datetime) -> int | None:
    """Send today's digest to every station's present coordinators, once across processes.

    Return how many coordinators got it, or None when it is not due or was already sent.
    """
    moment = local(services.config, now)
    if moment.hour < services.config.deadlines.digest_hour:
        return None
    period = moment.date().isoformat()
    async with services.uow() as uow:
        session = uow.session
        if await queries.job_ran(session, DIGEST_JOB, period):
            return None
        try:
            # Claimed first, in a savepoint so that only this insert's duplicate means "done":
            # on PostgreSQL a second process waits here, then meets the duplicate.
            async with session.begin_nested():
                session.add(JobRun(name=DIGEST_JOB, period=period, ran_at=now))
        except IntegrityError:
            log.info("digest of %s: already sent by another process", period)
            return None
        sent = await _queue_digests(uow, services, now)
        await uow.commit()
    log.info("digest of %s sent to %d coordinator(s)", period, sent)
    return sent


async def _queue_digests(uow: UnitOfWork, services: Services, now: datetime) -> int:
    session = uow.session
    config = services.config
    day = local(config, now).date()
    sent = 0
    for station in await queries.active_stations(session):
        coordinators = await present_coordinators(session, [station.id], day)
        if not coordinators:
            continue
        digest = await station_digest(session, services, station.id, now)
        for officer, user in coordinators:
            assert user.chat_id is not None
            lang = services.catalog.language(user.language)
            answer = _digest_answer(services, lang, station, digest, Dated.day(day), now)
            queue_kind(
                uow,
                user.chat_id,
                "answer",
                {
                    "answer": answer.to_json(),
                    "lang": lang,
                    "silent": officer_is_quiet(config, officer, now),
                },
                user_id=user.id,
                priority=PRIORITY_NOTICE,
            )
            sent += 1
    return sent


def _digest_answer(
    services: Services,
    lang: str,
    station: Station,
    digest: StationDigest,
    day: Dated,
    now: datetime,
) -> Answer:
    lines: list[tuple[str, dict[str, Any]]] = [
        (
            "operations-digest-line",
            {
                "reference": report.reference,
                "category": category_name(services, report, lang),
                "days": (now - deadline_start(report)).days,
                "kind": kind,
            },
        )
        for report, kind in digest.overdue[:OVERDUE_LINES]
    ]
    if len(digest.overdue) > OVERDUE_LINES:
        lines.append(("operations-digest-more", {"count": len(digest.overdue) - OVERDUE_LINES}))
    return Answer(
        key="operations-digest",
        args={
            "station": station.name,
            "day": day,
            "new": digest.new,
            "overdue": len(digest.overdue),
            "confirmed": digest.confirmed,
            "eliminated": digest.eliminated,
            "open": digest.open,
        },
        also=tuple(lines),
    )
