"""The command table that lets one command start without importing the others."""

import argparse

from bot.cli import build_parser
from bot.commands import COMMAND_MODULES, MODULES, registered_commands


def commands_of(parser: argparse.ArgumentParser) -> set[str]:
    """Return the subcommand names a parser accepts."""
    subparsers = parser._subparsers
    assert subparsers is not None
    [action] = [a for a in subparsers._group_actions if a.choices]
    assert isinstance(action.choices, dict)
    return set(action.choices)


def test_every_command_is_found_in_the_module_that_registers_it() -> None:
    assert commands_of(build_parser(registered_commands())) == set(COMMAND_MODULES)
    assert set(COMMAND_MODULES.values()) == set(MODULES)
    for name in COMMAND_MODULES:
        assert name in commands_of(build_parser(registered_commands(name)))


def test_an_unknown_command_still_lists_them_all() -> None:
    assert len(registered_commands("no-such-command")) == len(MODULES)
