"""The reliability drills at the small sizes: real bot processes, SIGKILLed, on real databases.

`make drill` runs them full size and prints the figures docs/reliability.md shows; here each
takes seconds. Delivery to Telegram is at least once: a message whose request was in flight
when its process died may arrive twice, so duplicates are counted and bounded by the requests
a process has in flight at once, never assumed away.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from bot.pipeline.delivery import MAX_REQUESTS
from drills.__main__ import DRILLS
from drills.databases import NoPostgres
from drills.figures import Figures

pytestmark = pytest.mark.drill


def postgres(name: str) -> Any:
    """A drill that needs TEST_DATABASE_URL."""
    return pytest.param(name, marks=pytest.mark.postgres)


async def quick(name: str) -> Figures:
    """Run a drill at its small size (skip PostgreSQL drills without a server)."""
    try:
        figures = await DRILLS[name](True)
    except NoPostgres as exc:
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail(f"REQUIRE_POSTGRES=1 but {exc}")
        pytest.skip(str(exc))
    print(f"\n{figures.line()}\n{figures.what}")
    return figures


@pytest.mark.parametrize(
    "name", [postgres("two-webhooks"), "burst-sqlite", postgres("burst-postgresql")]
)
async def test_a_killed_process_loses_nothing_and_keeps_each_chats_order(name: str) -> None:
    figures = await quick(name)

    assert figures.updates > 0
    assert (figures.lost, figures.out_of_order) == (0, 0)
    assert figures.duplicated <= MAX_REQUESTS


async def test_an_outage_of_the_bot_api_loses_nothing_and_the_backlog_drains_in_order() -> None:
    figures = await quick("outage")

    assert figures.updates > 0
    # The outage drops connections before Telegram reads a request: nothing can repeat.
    assert (figures.lost, figures.out_of_order, figures.duplicated) == (0, 0, 0)


@pytest.mark.postgres
async def test_killed_database_connections_lose_nothing_and_show_residents_no_error() -> None:
    figures = await quick("database-kill")

    assert figures.checks["kills"] > 0
    # Every report stored once, every step answered, and no "something went wrong".
    assert (figures.lost, figures.duplicated, figures.checks["errors shown"]) == (0, 0, 0)


async def test_malformed_webhook_bodies_get_2xx_or_4xx_and_the_process_stays_well() -> None:
    figures = await quick("bad-bodies")

    checks = figures.checks
    assert checks["2xx"] + checks["4xx"] == figures.updates
    assert (checks["5xx"], checks["no answer"], checks["not ready"], checks["dead"]) == (0, 0, 0, 0)
    assert checks["2xx"] > 0 and checks["4xx"] > 0  # both kinds were really tried
    assert figures.lost == 0  # residents are answered afterwards
