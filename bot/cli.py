"""The command line: `python -m bot SUBCOMMAND`. Config is loaded once here and passed down."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from bot.commands import Command, registered_commands
from bot.config import ConfigError, Secrets, check_secrets, load_config
from bot.logs import setup_logging

EXIT_USAGE = 2


def build_parser(commands: Sequence[Command]) -> argparse.ArgumentParser:
    """Build the parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Razem dla bezpieczeństwa: the Telegram bot of KMP Konin.",
    )
    parser.add_argument("--config", help="config file (default: RDB_CONFIG or ./config.toml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log at DEBUG level")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in commands:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None, commands: Sequence[Command] | None = None) -> int:
    """Parse arguments, load and check the config, run the chosen subcommand.

    `commands` defaults to bot/commands; `python -m bot` adds `run` and `webhook` (app/run_cmd.py).
    """
    if commands is None:
        commands = registered_commands(command_name(argv))
    parser = build_parser(commands)
    args = parser.parse_args(argv)
    setup_logging(verbose=args.verbose)
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        _print_problems("The configuration has problems; nothing was started:", exc.problems)
        return EXIT_USAGE
    secrets = Secrets.from_env()
    mode: str = getattr(args, "secrets_mode", "")
    missing = check_secrets(secrets, mode)
    if missing:
        _print_problems("Cannot start:", missing)
        return EXIT_USAGE
    handler = args.handler
    try:
        result: int = handler(args, config, secrets)
    except KeyboardInterrupt:
        return 130
    logging.shutdown()
    return result


def command_name(argv: Sequence[str] | None) -> str | None:
    """Return the subcommand named on the command line, if it can be told without parsing."""
    peek = argparse.ArgumentParser(add_help=False)
    peek.add_argument("--config")
    peek.add_argument("-v", "--verbose", action="store_true")
    peek.add_argument("-h", "--help", action="store_true")
    peek.add_argument("command", nargs="?")
    known, _ = peek.parse_known_args(argv)
    # `--help` before the command lists every command: all modules are needed then.
    return None if known.help else known.command


def _print_problems(title: str, problems: Sequence[str]) -> None:
    print(title, file=sys.stderr)
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)
