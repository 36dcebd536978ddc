"""Subcommands of `python -m bot`; each module registers its own parsers.

`run` and `webhook`, which start the whole bot, are app/run_cmd.py: only the composition root
(app/) may assemble the handlers.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any, Protocol, cast

# argparse's private _SubParsersAction is the only type add_subparsers returns.
Subparsers = Any


class Command(Protocol):
    """A module that adds subcommands; each parser sets `handler(args, config, secrets) -> int`."""

    def register(self, subparsers: Subparsers) -> None: ...


# Command modules of bot/commands, in the order `--help` lists them (one per line), after `run`.
MODULES = (
    "db_cmd",
    "config_cmd",
    "pipeline_cmd",
    "reports_cmd",
    "privacy_cmd",
    "officers_cmd",
    "partners_cmd",
    "data_cmd",
    "lookup_cmd",
)


# The module of each top-level command, so that running one command imports only its module
# (and what it needs): `python -m bot lookup` then starts without the bot's whole stack.
COMMAND_MODULES = {
    "db": "db_cmd",
    "check-config": "config_cmd",
    "health": "pipeline_cmd",
    "outbox": "pipeline_cmd",
    "reports": "reports_cmd",
    "privacy": "privacy_cmd",
    "officers": "officers_cmd",
    "partners": "partners_cmd",
    "data": "data_cmd",
    "lookup": "lookup_cmd",
}


def registered_commands(command: str | None = None) -> list[Command]:
    """Import and return the command modules (only `command`'s when it names a known one)."""
    names = (COMMAND_MODULES[command],) if command in COMMAND_MODULES else MODULES
    return [cast(Command, importlib.import_module(f"bot.commands.{name}")) for name in names]


def add_parser(subparsers: Subparsers, name: str, help_text: str) -> argparse.ArgumentParser:
    """Add a subcommand parser with a help line."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help_text, description=help_text
    )
    return parser
