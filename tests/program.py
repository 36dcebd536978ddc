"""`python -m bot` as an operator types it: as a program of its own (`run_program`), or its
`main` in this process (`bot_command`, seconds faster where a process of its own proves nothing).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_program(
    *args: str, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot ARGS` without the machine's secrets; return what it printed."""
    base = {k: v for k, v in os.environ.items() if k not in {"TELEGRAM_BOT_TOKEN", "DATABASE_URL"}}
    base.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        env=base,
        cwd=cwd,
        check=False,
        timeout=120,
    )


@dataclass(frozen=True)
class Ran:
    """What a command run in this process returned and printed."""

    returncode: int
    stdout: str
    stderr: str


RunCommand = Callable[..., Ran]


@pytest.fixture
def bot_command(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> RunCommand:
    """Run `python -m bot ARGS` in this process (`main`, what the program calls after its
    imports), without the machine's secrets, from the repository's folder, with `env` added."""
    from app import run_cmd
    from bot.cli import command_name, main
    from bot.commands import registered_commands

    for name in ("TELEGRAM_BOT_TOKEN", "DATABASE_URL", "WEBHOOK_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(ROOT)

    def run(*args: str, env: dict[str, str] | None = None) -> Ran:
        with monkeypatch.context() as patched:
            for name, value in (env or {}).items():
                patched.setenv(name, value)
            capsys.readouterr()
            commands = [run_cmd, *registered_commands(command_name(list(args)))]
            code = main(list(args), commands=commands)
            out, err = capsys.readouterr()
        return Ran(code, out, err)

    return run
