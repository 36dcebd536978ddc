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


def registered_commands() -> list[Command]:
    """Import and return the command modules."""
    return [cast(Command, importlib.import_module(f"bot.commands.{name}")) for name in MODULES]


def add_parser(subparsers: Subparsers, name: str, help_text: str) -> argparse.ArgumentParser:
    """Add a subcommand parser with a help line."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help_text, description=help_text
    )
    return parser
