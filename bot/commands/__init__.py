"""Subcommands of `python -m bot`; each module registers its own parsers."""

from __future__ import annotations

import argparse
from typing import Any, Protocol

# argparse's private _SubParsersAction is the only type add_subparsers returns.
Subparsers = Any


class Command(Protocol):
    """A module that adds subcommands; each parser sets `handler(args, config, secrets) -> int`."""

    def register(self, subparsers: Subparsers) -> None: ...


def registered_commands() -> list[Command]:
    """Return the command modules in the order `--help` lists them."""
    from bot.commands import config_cmd, db_cmd, run_cmd

    return [run_cmd, db_cmd, config_cmd]


def add_parser(subparsers: Subparsers, name: str, help_text: str) -> argparse.ArgumentParser:
    """Add a subcommand parser with a help line."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help_text, description=help_text
    )
    return parser
