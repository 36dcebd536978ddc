"""The same officers' stories on PostgreSQL (skipped without TEST_DATABASE_URL; CI sets it).

The queries are meant to be portable; these tests make sure: the stories are imported from their
modules and run here against a PostgreSQL database of their own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import migrated_engine
from tests.usecases.officers.test_commands import (
    test_an_alert_to_an_officer_who_blocked_the_bot_is_rerouted_once,
    test_data_check_lists_districts_nobody_can_receive,
    test_open_reports_are_listed_oldest_first_and_paged,
)
from tests.usecases.officers.test_invites import (
    test_an_officer_opens_the_invite_and_the_coordinator_and_ops_chat_hear_of_it,
)
from tests.usecases.officers.test_workflow import (
    story,
    test_officer_walks_the_report_to_eliminated_and_residents_hear_each_step,
    test_reassigning_hands_the_report_to_the_other_districts_officer,
    test_still_happening_brings_the_report_back_to_its_officer,
)

pytestmark = pytest.mark.postgres

__all__ = [
    "story",
    "test_an_alert_to_an_officer_who_blocked_the_bot_is_rerouted_once",
    "test_an_officer_opens_the_invite_and_the_coordinator_and_ops_chat_hear_of_it",
    "test_data_check_lists_districts_nobody_can_receive",
    "test_officer_walks_the_report_to_eliminated_and_residents_hear_each_step",
    "test_open_reports_are_listed_oldest_first_and_paged",
    "test_reassigning_hands_the_report_to_the_other_districts_officer",
    "test_still_happening_brings_the_report_back_to_its_officer",
]


@pytest.fixture
async def officer_engine(postgres_url: str) -> AsyncIterator[AsyncEngine]:
    """A migrated PostgreSQL database of this test's own (instead of the SQLite copy)."""
    async with migrated_engine(postgres_url) as engine:
        yield engine
