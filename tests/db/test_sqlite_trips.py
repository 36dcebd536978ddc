"""One trip to aiosqlite's thread per statement: results, counts and errors as SQLAlchemy's own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import aiosqlite
import pytest
from sqlalchemy import insert, select, text, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from db.engine import session_factory
from db.models import Conversation, User
from db.sqlite_trips import OneTripConnection, execute_in_one_trip, execute_two_in_one_trip


@pytest.fixture
def trips(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record every call that goes to aiosqlite's thread, by the function's name."""
    calls: list[str] = []
    original: Any = aiosqlite.Connection._execute

    async def counted(self: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(getattr(fn, "__name__", repr(fn)))
        return await original(self, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)
    yield calls


async def test_a_statement_is_one_trip_and_returns_its_rows(
    sqlite_engine: AsyncEngine, trips: list[str]
) -> None:
    async with sqlite_engine.connect() as conn:
        raw = await conn.get_raw_connection()
        adapted: Any = raw.dbapi_connection
        assert isinstance(adapted, OneTripConnection)
        trips.clear()
        rows = (await conn.execute(text("SELECT 1 AS a, 'x' AS b UNION ALL SELECT 2, 'y'"))).all()
        assert [tuple(row) for row in rows] == [(1, "x"), (2, "y")]
        # BEGIN IMMEDIATE and the SELECT in one trip (SQLAlchemy's cursor made four, and the
        # BEGIN one of its own).
        assert trips == ["_run"]


async def test_inserts_updates_and_many_rows_report_ids_and_counts(
    sqlite_engine: AsyncEngine,
) -> None:
    async with session_factory(sqlite_engine)() as session:
        user = User(channel="telegram", external_id="41", chat_id=41)
        session.add(user)
        await session.flush()
        assert user.id is not None  # lastrowid or RETURNING, as the dialect chooses
        await session.execute(
            insert(User),
            [{"channel": "telegram", "external_id": str(n), "chat_id": n} for n in (42, 43, 44)],
        )
        result = await session.execute(update(User).where(User.chat_id > 41).values(language="en"))
        assert getattr(result, "rowcount", None) == 3
        languages = (await session.scalars(select(User.language).order_by(User.id))).all()
        assert languages == [None, "en", "en", "en"]
        await session.commit()


async def test_errors_are_sqlalchemys_and_leave_the_connection_usable(
    sqlite_engine: AsyncEngine,
) -> None:
    async with session_factory(sqlite_engine)() as session:
        session.add(Conversation(user_id=999_999, draft={}))
        with pytest.raises(IntegrityError):
            await session.commit()
        await session.rollback()
        with pytest.raises(OperationalError):
            await session.execute(text("SELECT * FROM no_such_table"))
        await session.rollback()
        assert (await session.execute(text("SELECT 7"))).scalar() == 7


async def test_a_committed_connection_goes_back_to_the_pool_without_a_rollback(
    sqlite_engine: AsyncEngine, trips: list[str]
) -> None:
    # A pooled connection, as in a running bot: a new one's first-connect set-up rolls back once.
    async with sqlite_engine.connect():
        pass
    trips.clear()
    async with session_factory(sqlite_engine)() as session:
        session.add(User(channel="telegram", external_id="51", chat_id=51))
        await session.commit()
    assert "rollback" not in trips


async def test_a_transaction_left_open_underneath_is_rolled_back_on_return(
    sqlite_engine: AsyncEngine, trips: list[str]
) -> None:
    async with sqlite_engine.connect() as conn:
        raw = await conn.get_raw_connection()
        driver: Any = raw.driver_connection
        # Behind SQLAlchemy's back: it does not know this transaction is open.
        await driver.execute("BEGIN")
        await driver.execute("CREATE TABLE scratch (x INTEGER)")
    assert "rollback" in trips
    async with sqlite_engine.connect() as conn:
        tables = await conn.execute(text("SELECT name FROM sqlite_master WHERE name = 'scratch'"))
        assert tables.all() == []


async def test_the_deferred_begin_takes_the_write_lock_with_the_first_statement(
    sqlite_engine: AsyncEngine, trips: list[str]
) -> None:
    async with session_factory(sqlite_engine)() as session:
        await session.connection()  # connected first: opening a connection makes trips too
        trips.clear()
        await session.execute(select(User.id).limit(1))
        assert trips == ["_run"]
        # The BEGIN IMMEDIATE went with the SELECT: the database is locked for other writers.
        other = await aiosqlite.connect(str(sqlite_engine.url.database), timeout=0.05)
        try:
            with pytest.raises(aiosqlite.OperationalError, match="locked"):
                await other.execute("BEGIN IMMEDIATE")
        finally:
            await other.close()
        trips.clear()
        session.add(User(channel="telegram", external_id="61", chat_id=61))
        await session.commit()
    assert trips == ["_run", "commit"]
    async with session_factory(sqlite_engine)() as session:
        assert await session.scalar(select(User.chat_id).where(User.external_id == "61")) == 61


async def test_a_transaction_with_nothing_sent_costs_no_trip_and_leaves_no_begin_behind(
    sqlite_engine: AsyncEngine, trips: list[str]
) -> None:
    async with sqlite_engine.connect():
        pass  # the pool's connection opened (that makes trips of its own)
    trips.clear()
    async with session_factory(sqlite_engine)() as session:
        await session.connection()  # begun: its BEGIN waits for a statement that never comes
        await session.commit()
        await session.connection()
        await session.rollback()
    assert trips == []
    async with sqlite_engine.connect() as conn:
        raw = await conn.get_raw_connection()
        driver: Any = raw.driver_connection
        # Outside any transaction, as SQLAlchemy's own connection would be: no stale BEGIN.
        await driver.execute("CREATE TABLE scratch (x INTEGER)")
        assert not driver.in_transaction
        await driver.execute("DROP TABLE scratch")


async def test_a_statement_can_end_its_transaction_in_the_same_trip(
    sqlite_engine: AsyncEngine, trips: list[str]
) -> None:
    sql = "UPDATE users SET language = 'uk' WHERE external_id = ? RETURNING id"
    async with session_factory(sqlite_engine)() as session:
        session.add(User(channel="telegram", external_id="71", chat_id=71))
        await session.flush()
        raw = await (await session.connection()).get_raw_connection()
        trips.clear()
        # Rows found: committed together with the statement.
        assert (
            len(await execute_in_one_trip(raw.dbapi_connection, sql, ("71",), end_on_rows=True))
            == 1
        )
        await session.commit()
    assert trips == ["_run"]
    async with session_factory(sqlite_engine)() as session:
        session.add(User(channel="telegram", external_id="72", chat_id=72))
        await session.flush()
        raw = await (await session.connection()).get_raw_connection()
        # No rows: the whole transaction is rolled back in that trip (user 72 is not kept).
        assert await execute_in_one_trip(raw.dbapi_connection, sql, ("99",), end_on_rows=True) == []
        await session.rollback()
    async with session_factory(sqlite_engine)() as session:
        found = (await session.execute(select(User.external_id, User.language))).all()
    assert [tuple(row) for row in found] == [("71", "uk")]


async def test_two_statements_go_in_one_trip_and_end_together(
    sqlite_engine: AsyncEngine, trips: list[str]
) -> None:
    first = (
        "UPDATE users SET language = 'en' WHERE external_id = ? RETURNING external_id",
        ("81",),
    )
    last = "UPDATE users SET role = role WHERE external_id = ? RETURNING id"
    async with session_factory(sqlite_engine)() as session:
        session.add(User(channel="telegram", external_id="81", chat_id=81))
        await session.flush()
        raw = await (await session.connection()).get_raw_connection()
        trips.clear()
        rows = await execute_two_in_one_trip(
            raw.dbapi_connection, first, last, ("81",), end_on_rows=True
        )
        assert [list(found) for found in rows[0]] == [["81"]] and len(rows[1]) == 1
        await session.commit()
    assert trips == ["_run_two"]
    async with session_factory(sqlite_engine)() as session:
        session.add(User(channel="telegram", external_id="82", chat_id=82))
        await session.flush()
        raw = await (await session.connection()).get_raw_connection()
        # The last finds nothing: the first's change is rolled back with the whole transaction.
        first = ("UPDATE users SET language = 'pl' WHERE external_id = ? RETURNING id", ("81",))
        rows = await execute_two_in_one_trip(
            raw.dbapi_connection, first, last, ("99",), end_on_rows=True
        )
        assert len(rows[0]) == 1 and rows[1] == []
        await session.rollback()
    async with session_factory(sqlite_engine)() as session:
        found = (await session.execute(select(User.external_id, User.language))).all()
    assert [tuple(row) for row in found] == [("81", "en")]


async def test_many_rows_are_changed_and_committed_in_one_trip(
    sqlite_engine: AsyncEngine, trips: list[str]
) -> None:
    async with session_factory(sqlite_engine)() as session:
        session.add_all(User(channel="telegram", external_id=str(n), chat_id=n) for n in (91, 92))
        await session.commit()
    async with session_factory(sqlite_engine)() as session:
        raw = await (await session.connection()).get_raw_connection()
        trips.clear()
        sql = "UPDATE users SET language = ? WHERE external_id = ?"
        rows = [("uk", "91"), ("en", "92")]
        assert (
            await execute_in_one_trip(raw.dbapi_connection, sql, rows, many=True, commit=True) == []
        )
        await session.commit()  # nothing left open: no trip
    assert trips == ["_run"]
    async with session_factory(sqlite_engine)() as session:
        found = (await session.execute(select(User.external_id, User.language))).all()
    assert sorted(tuple(row) for row in found) == [("91", "uk"), ("92", "en")]
