"""`python -m bot`: the command line.

The program's entry point, and the one module of `bot` that imports `app` (the composition root):
`run` and `webhook` start the whole bot, handlers included, which `bot` itself never imports.
"""

import sys

from app import run_cmd
from bot.cli import command_name, main
from bot.commands import registered_commands

# Only the named command's module is imported (all of them for run, webhook and --help), so a
# command such as `lookup` starts without the rest of the bot.
commands = [run_cmd, *registered_commands(command_name(sys.argv[1:]))]
raise SystemExit(main(commands=commands))
