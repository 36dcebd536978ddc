"""How long an officer's "Send" takes: the one transaction that stores an announcement and
queues one outbox row per subscriber (bot.usecases.community.announcements).

    .venv/bin/python bench/announcement_bench.py [--subscribers 200 2000 10000]
        [--database-url postgresql+asyncpg://postgres@127.0.0.1:5432/postgres]

Each size runs on a fresh database (a SQLite file in a temporary folder, or on the PostgreSQL
server given a database of the bench's own, created and dropped) with the Konin sample
directory and N residents subscribed to KON-05; it prints the wall and CPU time of the
transaction and the rows queued per second. Sending them is the delivery worker's job, paced at
[delivery] global_per_second (30/s by default): 10,000 subscribers take about 6 minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.config import Config  # noqa: E402
from bot.i18n import Catalog  # noqa: E402
from bot.services import Services  # noqa: E402
from bot.usecases.community.announcements import queue_announcement  # noqa: E402
from bot.usecases.community.audience import recipients  # noqa: E402
from bot.usecases.community.queries import audience_district_ids  # noqa: E402
from db import migrate  # noqa: E402
from db.engine import create_engine, session_factory  # noqa: E402
from db.models import (  # noqa: E402
    Announcement,
    AnnouncementKind,
    Audience,
    District,
    DistrictSubscription,
    Officer,
    User,
)
from db.repositories.directory_import import import_folder  # noqa: E402
from db.uow import UnitOfWorkFactory  # noqa: E402

NOW = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)
FIRST_CHAT = 7_000_000


async def one_size(url: str, subscribers: int) -> tuple[float, float, int]:
    """Return (wall ms, CPU ms, rows queued) of one "Send" to `subscribers` residents."""
    engine = create_engine(url)
    try:
        await migrate.upgrade(engine)
        sessions = session_factory(engine)
        async with sessions() as session:
            await import_folder(session, ROOT / "data" / "konin")
            district = await session.scalar(select(District).where(District.code == "KON-05"))
            assert district is not None
            for number in range(subscribers):
                user = User(external_id=str(FIRST_CHAT + number), chat_id=FIRST_CHAT + number)
                user.language = ("pl", "uk", "en")[number % 3]
                session.add(user)
            await session.flush()
            users = await session.scalars(select(User.id).where(User.chat_id >= FIRST_CHAT))
            session.add_all(
                DistrictSubscription(user_id=uid, district_id=district.id) for uid in users
            )
            await session.commit()
        config = Config()
        services = Services(
            config=config,
            catalog=Catalog(config.bot.languages),
            uow=UnitOfWorkFactory(sessions),
            clock=lambda: NOW,
        )
        wall, cpu = time.perf_counter(), time.process_time()
        async with services.uow() as uow:
            officer = await uow.session.scalar(select(Officer).where(Officer.code == "DZ-05"))
            assert officer is not None
            announcement = Announcement(
                officer_id=officer.id,
                kind=AnnouncementKind.WARNING,
                audience=Audience.DISTRICT,
                district_id=district.id,
                texts={"pl": "Uwaga na fałszywych policjantów.", "uk": "Обережно."},
                created_at=NOW,
            )
            uow.session.add(announcement)
            await uow.session.flush()
            ids = await audience_district_ids(uow.session, Audience.DISTRICT, district.id, None)
            people = await recipients(uow.session, ids)
            queued = await queue_announcement(uow, services, announcement, officer, people)
            await uow.commit()
        return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, queued
    finally:
        await engine.dispose()


async def _postgres(server: str, name: str, create: bool) -> str:
    """Create (or drop) a database of the bench's own on a PostgreSQL server; return its URL."""
    admin = create_engine(server)
    try:
        async with admin.connect() as conn:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            if create:
                await conn.execute(text(f'CREATE DATABASE "{name}"'))
            else:
                await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    finally:
        await admin.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--subscribers", type=int, nargs="+", default=[200, 2000, 10000])
    parser.add_argument(
        "--database-url",
        help="a PostgreSQL server (a database of the bench's own is created and dropped); "
        "default: a SQLite file in a temporary folder",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for size in args.subscribers:
            url = f"sqlite+aiosqlite:///{folder}/bench-{size}.sqlite3"
            name = f"rdb_announcement_bench_{size}"
            if args.database_url:
                url = await _postgres(args.database_url, name, create=True)
            try:
                wall, cpu, queued = await one_size(url, size)
            finally:
                if args.database_url:
                    await _postgres(args.database_url, name, create=False)
            print(
                f"{size:>6} subscribers: {queued} rows queued in {wall:,.0f} ms "
                f"(CPU {cpu:,.0f} ms, {queued / wall * 1000:,.0f} rows/s)"
            )


if __name__ == "__main__":
    asyncio.run(main())
