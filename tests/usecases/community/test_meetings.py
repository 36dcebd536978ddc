"""Meetings: the reminder the day before goes once, whichever of two processes runs the job;
a meeting announced less than a day ahead is not reminded; typed dates are read as officers
write them."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from bot.usecases.community.announcements import parse_when
from bot.usecases.community.meetings import send_meeting_reminders
from db.models.community import Announcement, AnnouncementKind, Audience, MeetingAttendee
from tests.usecases.officers import world as w
from tests.usecases.officers.conftest import NOW
from tests.usecases.operations.conftest import two_processes

MEETING_AT = NOW + timedelta(days=3)
KONIN = "Europe/Warsaw"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("30.11.2026 18:00", datetime(2026, 11, 30, 17, 0, tzinfo=UTC)),
        ("30.11 18.30", datetime(2026, 11, 30, 17, 30, tzinfo=UTC)),
        # A day without a year that is still ahead is this year's.
        ("1.12, godz. 9:05", datetime(2026, 12, 1, 8, 5, tzinfo=UTC)),
        # A day without a year that has passed is next year's.
        ("20.11 10:00", datetime(2027, 11, 20, 9, 0, tzinfo=UTC)),
        # Summer time in Konin: UTC+2.
        ("15.07.2027 18:00", datetime(2027, 7, 15, 16, 0, tzinfo=UTC)),
    ],
)
def test_typed_dates_are_local_times(typed: str, expected: datetime) -> None:
    assert parse_when(typed, NOW, KONIN) == expected


@pytest.mark.parametrize("typed", ["jutro", "31.02 18:00", "30.11.2026 25:00", "18:00", "x" * 50])
def test_what_is_not_a_date_is_none(typed: str) -> None:
    assert parse_when(typed, NOW, KONIN) is None


async def test_two_processes_remind_each_meeting_once(database_url: str) -> None:
    async with two_processes(database_url) as (processes, clock):
        async with processes[0].uow() as uow:
            session = uow.session
            world = await w.build_world(session)
            await w.link(session, world.jan, w.JAN, NOW)
            residents = [await w.user(session, number) for number in (w.RESIDENT, w.NEIGHBOUR)]
            debate = Announcement(
                officer_id=world.jan,
                kind=AnnouncementKind.MEETING,
                meeting_kind="debate",
                audience=Audience.DISTRICT,
                district_id=world.kon1,
                texts={"pl": "Debata o parkingach", "uk": "Дебати про паркінги"},
                starts_at=MEETING_AT,
                place="Szkoła nr 5",
                created_at=NOW,
            )
            # Announced ten hours before it starts: the announcement was the reminder.
            late = Announcement(
                officer_id=world.jan,
                kind=AnnouncementKind.MEETING,
                meeting_kind="office_hours",
                audience=Audience.DISTRICT,
                district_id=world.kon1,
                texts={"pl": "Dyżur"},
                starts_at=MEETING_AT,
                place="KMP",
                created_at=MEETING_AT - timedelta(hours=10),
            )
            session.add_all([debate, late])
            await session.flush()
            for person, lang in zip(residents, ("pl", "uk"), strict=True):
                session.add(
                    MeetingAttendee(announcement_id=debate.id, user_id=person.id, lang=lang)
                )
                session.add(MeetingAttendee(announcement_id=late.id, user_id=person.id, lang=lang))
            await uow.commit()

        # Two days before: nothing yet.
        clock.now = MEETING_AT - timedelta(days=2)
        assert [await send_meeting_reminders(p, clock()) for p in processes] == [0, 0]
        assert await w.outbox(processes[0]) == []

        clock.now = MEETING_AT - timedelta(hours=23)
        results = await asyncio.gather(*(send_meeting_reminders(p, clock()) for p in processes))
        assert sorted(results) == [0, 1]
        sent = await w.outbox(processes[0])
        assert sorted(m.chat_id for m in sent) == sorted([w.RESIDENT, w.NEIGHBOUR, w.JAN])
        keys = {m.chat_id: (m.payload["answer"]["key"], m.payload["lang"]) for m in sent}
        assert keys[w.NEIGHBOUR] == ("community-reminder", "uk")
        assert keys[w.JAN] == ("community-reminder-officer", "pl")
        officer = next(m for m in sent if m.chat_id == w.JAN)
        assert officer.payload["answer"]["args"]["count"] == 2
        # Later runs find nothing left to remind.
        clock.advance(hours=1)
        assert await send_meeting_reminders(processes[1], clock()) == 0
        assert len(await w.outbox(processes[0])) == 3
