"""The use case's commit marks its inbox row done in its own transaction, on each backend."""

from __future__ import annotations

from sqlalchemy import select, update

from db.base import utcnow
from db.engine import create_engine, session_factory
from db.models.pipeline import InboxStatus, InboxUpdate, OutboxMessage
from db.uow import InboxClaim, UnitOfWork, current_inbox, mark_inbox_done


async def test_marked_done_with_its_effects_or_not_at_all(database_url: str) -> None:
    engine = create_engine(database_url)
    sessions = session_factory(engine)
    try:
        async with sessions() as session:
            rows = [InboxUpdate(update_id=i, chat_id=7, payload={"update_id": i}) for i in (1, 2)]
            session.add_all(rows)
            await session.commit()
            kept, dropped = rows[0].id, rows[1].id

        token = current_inbox.set(InboxClaim(kept))
        try:
            async with UnitOfWork(sessions) as uow:
                uow.add_outbox(OutboxMessage(chat_id=7, kind="text", payload={}))
                await uow.commit()
        finally:
            current_inbox.reset(token)
        # Marked in a transaction that is then rolled back: the row stays pending.
        async with sessions() as session:
            await mark_inbox_done(session, dropped)
            await session.rollback()

        async with sessions() as session:
            found = {
                row.id: row
                for row in (await session.scalars(select(InboxUpdate).order_by(InboxUpdate.id)))
            }
            [reply] = (await session.scalars(select(OutboxMessage))).all()
        assert found[kept].status is InboxStatus.DONE and reply.inbox_id == kept
        processed = found[kept].processed_at
        assert processed is not None and abs((utcnow() - processed).total_seconds()) < 60
        assert found[dropped].status is InboxStatus.PENDING and found[dropped].processed_at is None

        # Stored the way the ORM stores it: a query comparing timestamps still finds the row.
        async with sessions() as session:
            matched = await session.scalar(
                select(InboxUpdate.id).where(InboxUpdate.processed_at == processed)
            )
            assert matched == kept
            # A copy of the row already in the session agrees after the mark.
            await session.execute(
                update(InboxUpdate).where(InboxUpdate.id == dropped).values(attempts=1)
            )
            loaded = await session.get(InboxUpdate, dropped)
            assert loaded is not None
            await mark_inbox_done(session, dropped)
            assert loaded.status is InboxStatus.DONE and loaded.processed_at is not None
            await session.commit()
    finally:
        await engine.dispose()
