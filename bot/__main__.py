"""`python -m bot`: the command line.

The program's entry point, and the one module of `bot` that imports `app` (the composition root):
`run` and `webhook` start the whole bot, handlers included, which `bot` itself never imports.
"""

from app import run_cmd
from bot.cli import main
from bot.commands import registered_commands

raise SystemExit(main(commands=[run_cmd, *registered_commands()]))
