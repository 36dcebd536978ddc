"""Run the reliability drills and print their figures (docs/reliability.md shows them).

    python -m drills                  # every drill, full size (several minutes)
    python -m drills two-webhooks     # one drill by name
    python -m drills --quick ...      # the sizes `make test` uses

The PostgreSQL drills create a database of their own on DRILL_DATABASE_URL (or
TEST_DATABASE_URL), e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/postgres, and drop it.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable

from drills import bad_bodies, burst_kill, database_kill, outage, two_webhooks
from drills.figures import Figures

Drill = Callable[[bool], Awaitable[Figures]]


def _two_webhooks(quick: bool) -> Awaitable[Figures]:
    if quick:
        return two_webhooks.run(chats=6, per_chat=6, per_second=15)
    return two_webhooks.run(chats=12, per_chat=30, per_second=20)


def _burst(backend: str) -> Drill:
    def drill(quick: bool) -> Awaitable[Figures]:
        if quick:
            return burst_kill.run(backend, chats=10, per_chat=4)
        return burst_kill.run(backend, chats=20, per_chat=5)

    return drill


def _outage(quick: bool) -> Awaitable[Figures]:
    if quick:
        return outage.run(residents=4, outage_seconds=6.0, during=2)
    return outage.run(residents=10, outage_seconds=90.0, during=3)


def _database_kill(quick: bool) -> Awaitable[Figures]:
    if quick:
        return database_kill.run(residents=3, kill_every=1.5)
    return database_kill.run(residents=8, kill_every=1.0)


def _bad_bodies(quick: bool) -> Awaitable[Figures]:
    return bad_bodies.run(bodies=600 if quick else 10_000)


DRILLS: dict[str, Drill] = {
    "two-webhooks": _two_webhooks,
    "outage": _outage,
    "burst-sqlite": _burst("sqlite"),
    "burst-postgresql": _burst("postgresql"),
    "database-kill": _database_kill,
    "bad-bodies": _bad_bodies,
}


def table(figures: list[Figures]) -> str:
    """The figures as docs/reliability.md's table rows."""
    lines = [
        "| drill | what was done | updates | lost | duplicated | out of order "
        "| time to recover | rerun |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for f in figures:
        lines.append(
            f"| {f.drill} | {f.what} | {f.updates} | {f.lost} | {f.duplicated} "
            f"| {f.out_of_order} | {f.recover_seconds:.1f} s | `{f.command}` |"
        )
    return "\n".join(lines)


async def main(names: list[str], quick: bool) -> int:
    """Run the drills one after another; exit 1 if any lost or reordered an answer."""
    results = []
    for name in names:
        print(f"--- {name}", flush=True)
        figures = await DRILLS[name](quick)
        print(figures.line(), flush=True)
        results.append(figures)
    print()
    print(table(results))
    return 1 if any(f.lost or f.out_of_order for f in results) else 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(prog="python -m drills", description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", metavar="DRILL", help=", ".join(DRILLS))
    parser.add_argument("--quick", action="store_true", help="the small sizes `make test` uses")
    args = parser.parse_args(argv)
    for name in args.names:
        if name not in DRILLS:
            parser.error(f"no drill {name!r}; choose from {', '.join(DRILLS)}")
    return args


if __name__ == "__main__":
    arguments = parse_args()
    sys.exit(asyncio.run(main(arguments.names or list(DRILLS), arguments.quick)))
