"""Bot processes the drills start, kill (SIGKILL) and restart, each with its own state folder."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

from devtools.localapi import LocalBotApi

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "730650:drill-token"
# How long a supervisor waits before restarting a dead process (systemd RestartSec=1).
RESTART_DELAY_SECONDS = 1.0


class BotProcess:
    """One bot (drills/echo_bot.py) at a time under one name: start, SIGKILL, start again.

    A process is spawned ahead and waits, imported, for its go file: what a drill measures
    after a kill is the restart itself (connect, take back in-flight work), plus the
    supervisor's delay, not Python's import time on a busy machine.
    """

    def __init__(
        self,
        name: str,
        api: LocalBotApi,
        url: str,
        folder: Path,
        *,
        mode: str = "polling",
        secret: str = "",
        public_url: str = "",
        delivery: dict[str, Any] | None = None,
    ) -> None:
        self.name, self.api, self.url = name, api, url
        self.folder = folder / name
        self.folder.mkdir(parents=True, exist_ok=True)
        self.mode, self.secret, self.public_url = mode, secret, public_url
        self.delivery = delivery or {}
        self.port = 0
        self.process: asyncio.subprocess.Process | None = None
        self._spare: tuple[asyncio.subprocess.Process, Path] | None = None
        self._spawned: list[asyncio.subprocess.Process] = []
        self.starts = 0

    async def _spawn(self) -> tuple[asyncio.subprocess.Process, Path]:
        go = self.folder / f"go-{len(self._spawned)}"
        log = (self.folder / f"log-{len(self._spawned)}.txt").open("wb")
        args = [
            *("--db", self.url, "--token", TOKEN, "--state", str(self.folder)),
            *("--base-url", self.api.base_url, "--file-url", self.api.file_base_url),
            *("--mode", self.mode, "--port", str(self.port), "--go", str(go)),
            *("--delivery", json.dumps(self.delivery)),
        ]
        if self.secret:
            args += ["--secret", self.secret, "--public-url", self.public_url]
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "drills.echo_bot",
            *args,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=log,
            stderr=log,
        )
        log.close()
        self._spawned.append(process)
        return process, go

    async def prepare(self) -> None:
        """Spawn the next process now, so that start() only has to say go."""
        if self._spare is None:
            self._spare = await self._spawn()

    async def start(self, within: float = 60.0) -> float:
        """Let a process run and wait until it receives; return how long that took."""
        await self.prepare()
        assert self._spare is not None
        (self.folder / "ready").unlink(missing_ok=True)
        began = time.monotonic()
        self.process, go = self._spare
        self._spare = None
        go.touch()
        deadline = began + within
        while not (self.folder / "ready").exists():
            if self.process.returncode is not None:
                raise RuntimeError(f"{self.name} died at start; see {self.folder}/log-*.txt")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.name} did not start within {within} s")
            await asyncio.sleep(0.02)
        self.port = int((self.folder / "port").read_text() or 0)
        self.starts += 1
        return time.monotonic() - began

    @property
    def alive(self) -> bool:
        """Tell whether the current process runs."""
        return self.process is not None and self.process.returncode is None

    async def kill(self) -> None:
        """SIGKILL: no clean-up of any kind."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()

    async def close(self) -> None:
        """Stop every process still alive (SIGTERM, then SIGKILL after 15 s)."""
        self._spare = None
        for process in self._spawned:
            if process.returncode is None:
                process.terminate()
        for process in self._spawned:
            try:
                await asyncio.wait_for(process.wait(), 15)
            except TimeoutError:
                process.kill()
                await process.wait()
