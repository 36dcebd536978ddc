"""Benchmark whole conversations: residents talk to the bot through the local Bot API server.

    .venv/bin/python bench/conversation_bench.py [--residents 50] [--seconds 20] [--quick]

Three processes: this one (the conductor), the local Bot API server with the residents (the
load driver) and the bot being measured, started afresh for each bot: a bare
python-telegram-bot echo bot (the framework's floor, long polling, one sendMessage per
update) and this project's bot (BotRuntime, long polling, a SQLite file; PostgreSQL too when
TEST_DATABASE_URL is set). The figures are CPU-ms of the bot process per update (read from
/proc, all its threads), answered updates per second and the resident's wait from sending to
the answer's last message (p50/p95), after a warm-up. Scenarios:

- help, closed loop: every resident sends /pomoc, waits for the answer, sends again.
- help, 25 updates/s: the same, paced, with the server enforcing Telegram's flood limits.
- report, closed loop: every resident files whole reports, /zglos to the reference number.

Tests never assert timings; this prints figures for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

TOKEN = "777001:conversation-bench"
FIRST_RESIDENT = 6_000_000
CITY_CENTRE = (52.2275, 18.2614)
TICKS = os.sysconf("SC_CLK_TCK")


# ---- the bot process ------------------------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    """Return a process's user + system CPU time (all threads) from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    """Return a process's resident memory in MB (`field`: VmRSS now, VmHWM at its peak)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_echo(base_url: str, file_url: str, ready: Connection) -> None:
    """A bare python-telegram-bot echo bot, as its documentation shows one."""
    from telegram import Update
    from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

    async def echo(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        await message.reply_text(message.text or "?")

    app = ApplicationBuilder().token(TOKEN).base_url(base_url).base_file_url(file_url).build()
    app.add_handler(MessageHandler(filters.ALL, echo))

    async def started(_app: Any) -> None:
        ready.send("ready")

    app.post_init = started
    app.run_polling(poll_interval=0.0, timeout=10, stop_signals=None, close_loop=False)


def bench_config(
    base_url: str,
    file_url: str,
    database: str,
    paced: bool,
    burst: int | None = None,
    directory: Path = REPO / "data/konin",
) -> Any:
    """The shipped defaults, pointed at the local server, with limits no resident here meets.

    `paced`: keep Telegram's sending limits (30/s, 1/s per chat); otherwise they are lifted, as
    the echo bot has none: the closed loops measure the bot's own cost, not Telegram's pace.
    `directory`: the directory folder imported into an empty database (the Konin sample).
    """
    from bot.config import Config

    delivery: dict[str, Any] = (
        {} if paced else {"global_per_second": 100_000, "private_chat_per_second": 1000}
    )
    if burst is not None:
        delivery["private_chat_burst"] = burst
    return Config(
        delivery=delivery,
        telegram={"api_base_url": base_url, "file_base_url": file_url, "poll_timeout": 10},
        database={"sqlite_path": database},
        bot={
            "directory_dir": str(directory),
            "categories_file": str(REPO / "data/categories.csv"),
        },
        # A resident here files a report every few seconds and taps quickly: the per-person
        # limits would stop them, and measuring them is not the point.
        reports={
            "max_reports_per_day": 1_000_000,
            "flood_messages": 1_000_000,
            "flood_presses": 1_000_000,
        },
        privacy={"duplicate_lookups_per_day": 1_000_000},
    )


def run_ours(
    base_url: str,
    file_url: str,
    database_url: str | None,
    folder: str,
    paced: bool,
    burst: int | None,
    ready: Connection,
    directory: Path = REPO / "data/konin",
) -> None:
    """This project's bot, as `python -m bot run` starts it (logging to a file)."""
    log = Path(folder) / "bot.log"
    sys.stderr = open(log, "w", buffering=1)  # noqa: SIM115 - lives as long as the process
    from app.runtime import BotRuntime
    from bot.config import Secrets
    from bot.logs import setup_logging

    setup_logging(verbose=False)
    database = str(Path(folder) / "bot.sqlite3")
    config = bench_config(base_url, file_url, database, paced, burst, directory)
    secrets = Secrets(bot_token=TOKEN, database_url=database_url, webhook_secret=None)

    async def main() -> None:
        runtime = BotRuntime(config, secrets, mode="polling")
        await runtime.start()
        ready.send("ready")
        try:
            await asyncio.Event().wait()
        finally:
            await runtime.stop()

    asyncio.run(main())


# ---- the residents (in the server's process) ------------------------------------------------


@dataclass
class Figures:
    """What one scenario measured."""

    updates: int = 0
    seconds: float = 0.0
    cpu: float = 0.0
    waits: list[float] = field(default_factory=list)
    refused: int = 0
    stuck: int = 0

    def summary(self) -> dict[str, float]:
        """Return the figures that get printed."""
        waits = sorted(self.waits) or [0.0]
        return {
            "updates": self.updates,
            "per_s": self.updates / self.seconds if self.seconds else 0.0,
            "cpu_ms": self.cpu * 1000 / self.updates if self.updates else 0.0,
            "p50_ms": statistics.median(waits) * 1000,
            "p95_ms": waits[min(len(waits) - 1, int(len(waits) * 0.95))] * 1000,
            "refused": self.refused,
            "stuck": self.stuck,
        }


class Mailboxes:
    """Hand each resident the bot's messages to their chat as they arrive (no polling)."""

    def __init__(self, api: Any, loop: asyncio.AbstractEventLoop) -> None:
        self._api = api
        self._loop = loop
        self._read = len(api.state.sent)
        self._boxes: dict[int, asyncio.Queue[tuple[float, Any]]] = {}
        self._scheduled = False
        api.state.add_listener(self._changed)

    def _changed(self) -> None:
        # Called from the server's thread on every change: one pull per loop turn is enough.
        if not self._scheduled:
            self._scheduled = True
            self._loop.call_soon_threadsafe(self._pull)

    def _pull(self) -> None:
        self._scheduled = False
        with self._api.state.lock:
            fresh = self._api.state.sent[self._read :]
            self._read += len(fresh)
        now = time.perf_counter()
        for sent in fresh:
            self.box(sent.chat_id).put_nowait((now, sent))

    def box(self, chat_id: int) -> asyncio.Queue[tuple[float, Any]]:
        """Return the queue of one chat."""
        return self._boxes.setdefault(chat_id, asyncio.Queue())

    def close(self) -> None:
        """Stop listening."""
        self._api.state.remove_listener(self._changed)


class Timeout(Exception):
    """The bot did not answer in time."""


async def wait_for(box: asyncio.Queue[tuple[float, Any]], done: Any, limit: float = 30.0) -> Any:
    """Read messages until `done(message)`; return (arrival time, that message)."""
    deadline = time.perf_counter() + limit
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise Timeout
        try:
            at, sent = await asyncio.wait_for(box.get(), left)
        except TimeoutError:
            raise Timeout from None
        if done(sent):
            return at, sent


def has_button(label: str) -> Any:
    """Match a message that shows an inline button labelled `label`."""
    return lambda sent: any(label in row for row in sent.buttons())


def shows(text: str) -> Any:
    """Match a message whose text contains `text`."""
    return lambda sent: text in (sent.text or "")


async def help_once(api: Any, user: Any, box: Any, echo: bool) -> float:
    """Send /pomoc (the echo bot: a text) and wait for the answer; return the wait."""
    start = time.perf_counter()
    if echo:
        user.send_text("pomoc")
    else:
        user.send_command("pomoc")
    at, _ = await wait_for(box, lambda sent: sent.method == "sendMessage")
    return at - start


# The report flow in English, as tests/e2e/test_report_story.py walks it: each step is what the
# resident does and what shows the bot's answer is complete (the next step's button).
REPORT_STEPS: list[tuple[str, str, str]] = [
    ("command", "report", "No, it's not an emergency"),
    ("press", "No, it's not an emergency", "🚨 Public order"),
    ("press", "🚨 Public order", "Vandalism"),
    ("press", "Vandalism", "@where"),
    ("location", "", "Now"),
    ("press", "Now", "@describe"),
    ("text", "Graffiti on the bus shelter, every night.", "No photos — go on"),
    ("press", "No photos — go on", "🕶 Anonymously"),
    ("press", "🕶 Anonymously", "✅ Send"),
    ("press", "✅ Send", "@reference"),
]
CARRY_ON = "It's something else — carry on"


async def report_once(user: Any, box: Any, record: Any) -> None:
    """File one whole report, recording each step's updates and wait as it is answered."""
    last: Any = None
    for action, value, until in REPORT_STEPS:
        start = time.perf_counter()
        updates = 0
        if action == "command":
            user.send_command(value)
        elif action == "press":
            user.press(last, value)
        elif action == "location":
            user.send_location(*CITY_CENTRE)
        else:
            user.send_text(value)
        updates += 1
        while True:
            if until == "@where":
                done = lambda s: bool(s.reply_keyboard())  # noqa: E731
            elif until == "@describe":
                done = lambda s: s.method == "sendMessage"  # noqa: E731
            elif until == "@reference":
                done = shows("KN-")
            else:
                done = lambda s, u=until: has_button(u)(s) or has_button(CARRY_ON)(s)  # noqa: E731
            at, last = await wait_for(box, done)
            if until.startswith("@") or not has_button(CARRY_ON)(last) or has_button(until)(last):
                break
            # "I see it too" offered similar reports nearby: this resident's is another one.
            user.press(last, CARRY_ON)
            updates += 1
        record(updates, at - start)


async def drive(
    api: Any,
    scenario: str,
    residents: int,
    seconds: float,
    warmup: float,
    pace: float,
    bot_pid: int,
    first: int,
) -> dict[str, float]:
    """Run the residents for warmup + seconds; measure the second part."""
    loop = asyncio.get_running_loop()
    boxes = Mailboxes(api, loop)
    figures = Figures()
    measuring = False
    stop_at = time.perf_counter() + warmup + seconds
    users = [api.user(first + i, first_name="Jan", language_code="en") for i in range(residents)]

    async def resident(index: int) -> None:
        user = users[index]
        box = boxes.box(user.id)
        # Spread the first sends over one pace interval (or 0.2 s in a closed loop).
        await asyncio.sleep((pace or 0.2) * index / residents)
        next_send = time.perf_counter()
        while time.perf_counter() < stop_at:
            counted = measuring

            def record(n: int, wait: float) -> None:
                nonlocal counted
                # Only what was sent and answered while measuring counts.
                if counted and measuring:
                    figures.updates += n
                    figures.waits.append(wait)
                counted = measuring

            try:
                if scenario == "report":
                    await report_once(user, box, record)
                else:
                    record(1, await help_once(api, user, box, scenario == "echo"))
            except Timeout:
                figures.stuck += 1
                return
            if pace:
                next_send += pace
                await asyncio.sleep(max(0.0, next_send - time.perf_counter()))

    tasks = [asyncio.create_task(resident(i)) for i in range(residents)]
    await asyncio.sleep(warmup)
    cpu0, wall0 = cpu_seconds(bot_pid), time.perf_counter()
    flood = api.state.flood
    refused0 = flood.refused if flood is not None else 0
    measuring = True
    await asyncio.sleep(seconds)
    measuring = False
    figures.cpu, figures.seconds = cpu_seconds(bot_pid) - cpu0, time.perf_counter() - wall0
    figures.refused = (flood.refused if flood is not None else 0) - refused0
    await asyncio.gather(*tasks)
    boxes.close()
    return figures.summary()


def serve(conn: Connection) -> None:
    """The local Bot API server and the residents, until told to stop."""
    from devtools.localapi import LocalBotApi
    from devtools.localapi.flood import FloodLimits

    with LocalBotApi() as api:
        api.register_bot(TOKEN)
        conn.send((api.base_url, api.file_base_url))
        first = FIRST_RESIDENT
        while (command := conn.recv()) != "stop":
            name, params = command
            if name == "limits":
                api.state.flood = api.enforce_limits(FloodLimits()) if params else None
                conn.send("ok")
            elif name == "drive":
                try:
                    result = asyncio.run(drive(api, first=first, **params))
                except Exception as exc:  # reported to the conductor, which prints it
                    result = {"error": repr(exc)}
                # Fresh residents for every scenario: no conversation carries over.
                first += 10_000
                conn.send(result)


# ---- the conductor --------------------------------------------------------------------------


@dataclass
class Bot:
    """One bot process being measured."""

    name: str
    process: Any
    folder: tempfile.TemporaryDirectory[str]

    def stop(self) -> None:
        """Stop it (SIGTERM) and wait."""
        self.process.terminate()
        self.process.join(timeout=15)
        if self.process.is_alive():
            self.process.kill()
        self.folder.cleanup()


def start_bot(
    context: Any,
    kind: str,
    urls: tuple[str, str],
    database_url: str | None,
    paced: bool = False,
    burst: int | None = None,
) -> Bot:
    """Start a bot process and wait until it polls."""
    folder = tempfile.TemporaryDirectory(prefix="conv-bench-")
    ours, theirs = context.Pipe()
    if kind == "echo":
        process = context.Process(target=run_echo, args=(*urls, theirs), daemon=True)
    else:
        process = context.Process(
            target=run_ours,
            args=(*urls, database_url, folder.name, paced, burst, theirs),
            daemon=True,
        )
    process.start()
    deadline = time.monotonic() + 120
    while not ours.poll(0.2) and process.is_alive() and time.monotonic() < deadline:
        pass
    if not ours.poll():
        log = Path(folder.name) / "bot.log"
        tail = log.read_text()[-3000:] if log.exists() else "(no log)"
        process.kill()
        raise RuntimeError(f"{kind} bot did not start:\n{tail}")
    ours.recv()
    return Bot(kind, process, folder)


def profile_later(svg: Path, pid: int, after: float, seconds: float) -> threading.Thread:
    """Record a py-spy flame graph of `pid` for `seconds`, starting `after` seconds from now."""

    def record() -> None:
        time.sleep(after)
        svg.parent.mkdir(parents=True, exist_ok=True)
        spy = Path(sys.executable).with_name("py-spy")
        subprocess.run(
            [
                str(spy),
                "record",
                "--pid",
                str(pid),
                "--duration",
                str(max(1, int(seconds))),
                "--rate",
                "250",
                "--nonblocking",
                "--output",
                str(svg),
            ],
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if svg.exists():
            # The title would be py-spy's command line, with this machine's paths.
            text = re.sub(
                r'(<text id="title"[^>]*>)[^<]*(</text>)',
                rf"\g<1>{svg.stem}: py-spy, {seconds:g} s under load\g<2>",
                svg.read_text(),
            )
            svg.write_text(text)

    thread = threading.Thread(target=record, daemon=True)
    thread.start()
    return thread


def goal_line(label: str, value: str, goal: str, met: bool | None) -> str:
    """One printed figure beside its goal."""
    mark = "" if met is None else ("  met" if met else "  NOT met")
    return f"  {label:<46} {value:<34} goal: {goal}{mark}"


async def postgres_database(base: str) -> tuple[str, str]:
    """Create a database of our own; return its URL and name."""
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from db.engine import create_engine

    name = f"rdb_conv_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base).execution_options(isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()
    return make_url(base).set(database=name).render_as_string(hide_password=False), name


async def drop_database(base: str, name: str) -> None:
    """Drop the benchmark's database."""
    from sqlalchemy import text

    from db.engine import create_engine

    admin = create_engine(base).execution_options(isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


def main() -> None:
    """Run every scenario against the echo bot and ours; print figures beside the goals."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=50, help="residents in a closed loop")
    parser.add_argument("--seconds", type=float, default=20.0, help="measured seconds each")
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds before measuring")
    parser.add_argument("--quick", action="store_true", help="5 s each, for a first look")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--burst",
        type=int,
        default=None,
        help="[delivery] private_chat_burst for the paced runs (default: the shipped value)",
    )
    parser.add_argument(
        "--profile", type=Path, help="record py-spy flame graphs (SVG) of each bot into this folder"
    )
    args = parser.parse_args()
    if args.quick:
        args.seconds, args.warmup = 5.0, 2.0
    context = multiprocessing.get_context("spawn")
    conn, theirs = context.Pipe()
    server = context.Process(target=serve, args=(theirs,), daemon=True)
    server.start()
    urls = conn.recv()

    def drive(bot: Bot, scenario: str, residents: int, pace: float = 0.0) -> dict[str, float]:
        spy = None
        if args.profile is not None and not pace and residents == args.residents:
            spy = profile_later(
                args.profile / f"{bot.name}-{scenario}.svg",
                bot.process.pid,
                args.warmup,
                args.seconds,
            )
        conn.send(
            (
                "drive",
                {
                    "scenario": scenario,
                    "residents": residents,
                    "seconds": args.seconds,
                    "warmup": args.warmup,
                    "pace": pace,
                    "bot_pid": bot.process.pid,
                },
            )
        )
        result: dict[str, float] = conn.recv()
        if spy is not None:
            spy.join()
        if "error" in result:
            raise RuntimeError(f"{bot.name} {scenario}: {result['error']}")
        return result

    def limits(on: bool) -> None:
        conn.send(("limits", on))
        conn.recv()

    results: dict[str, dict[str, float]] = {}
    # 25 updates/s from the residents: each sends every residents/25 seconds.
    paced = args.residents / 25.0
    print(
        f"conversations: {args.residents} residents, {args.seconds:g} s measured after "
        f"{args.warmup:g} s warm-up, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    try:
        bot = start_bot(context, "echo", urls, None)
        try:
            results["echo closed"] = drive(bot, "echo", args.residents)
            limits(True)
            results["echo 25/s"] = drive(bot, "echo", args.residents, paced)
            limits(False)
        finally:
            bot.stop()
        bot = start_bot(context, "ours", urls, None)
        try:
            time.sleep(1.0)
            results["ours idle"] = {"rss_mb": rss_mb(bot.process.pid)}
            results["ours help closed"] = drive(bot, "help", args.residents)
            results["ours report closed"] = drive(bot, "report", args.residents)
            results["ours help 4x residents"] = drive(bot, "help", args.residents * 4)
        finally:
            bot.stop()
        # Telegram's limits kept by the bot and enforced by the server.
        bot = start_bot(context, "ours", urls, None, paced=True, burst=args.burst)
        try:
            limits(True)
            results["ours help 25/s"] = drive(bot, "help", args.residents, paced)
            results["ours report 25/s"] = drive(bot, "report", args.residents, paced * 10)
            limits(False)
        finally:
            bot.stop()
        base = os.environ.get("TEST_DATABASE_URL")
        if base:
            url, name = asyncio.run(postgres_database(base))
            try:
                bot = start_bot(context, "ours", urls, url)
                try:
                    results["ours-pg help closed"] = drive(bot, "help", args.residents)
                finally:
                    bot.stop()
            finally:
                asyncio.run(drop_database(base, name))
    finally:
        conn.send("stop")
        server.join(timeout=10)
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


def report(results: dict[str, dict[str, float]]) -> None:
    """Print every scenario, then the figures beside the issue's goals."""
    print(
        f"\n  {'scenario':<24} {'updates':>8} {'upd/s':>7} {'CPU-ms/upd':>11} "
        f"{'p50 ms':>8} {'p95 ms':>8} {'429s':>5} {'stuck':>5}"
    )
    for name, r in results.items():
        if "updates" not in r:
            continue
        print(
            f"  {name:<24} {r['updates']:>8.0f} {r['per_s']:>7.1f} {r['cpu_ms']:>11.2f} "
            f"{r['p50_ms']:>8.0f} {r['p95_ms']:>8.0f} {r['refused']:>5.0f} {r['stuck']:>5.0f}"
        )
    echo, help_, report_ = (
        results["echo closed"],
        results["ours help closed"],
        results["ours report closed"],
    )
    echo_paced, help_paced = results["echo 25/s"], results["ours help 25/s"]
    wide = results["ours help 4x residents"]
    floor = echo["cpu_ms"] or 1.0
    print("\nagainst the goals (ratios to the echo bot measured in the same run):")
    ratio = help_["cpu_ms"] / floor
    print(
        goal_line(
            "CPU per update, /pomoc",
            f"{help_['cpu_ms']:.2f} ms = {ratio:.2f}x echo",
            "<= 1.5x echo (moonshot 1.0x)",
            ratio <= 1.5,
        )
    )
    ratio = report_["cpu_ms"] / floor
    print(
        goal_line(
            "CPU per update, report step (flow average)",
            f"{report_['cpu_ms']:.2f} ms = {ratio:.2f}x echo",
            "<= 2x echo",
            ratio <= 2,
        )
    )
    print(
        goal_line(
            "CPU, whole report (/zglos to reference)",
            f"{report_['cpu_ms'] * 10:.1f} ms per report of 10 updates = {ratio:.2f}x",
            "<= 2x echo for as many updates",
            ratio <= 2,
        )
    )
    d50 = help_paced["p50_ms"] - echo_paced["p50_ms"]
    d95 = help_paced["p95_ms"] - echo_paced["p95_ms"]
    print(
        goal_line(
            "latency at 25 updates/s, limits on, p50",
            f"{help_paced['p50_ms']:.0f} ms (echo {echo_paced['p50_ms']:.0f}, {d50:+.0f})",
            "<= echo + 20 ms",
            d50 <= 20,
        )
    )
    print(
        goal_line(
            "latency at 25 updates/s, limits on, p95",
            f"{help_paced['p95_ms']:.0f} ms (echo {echo_paced['p95_ms']:.0f}, {d95:+.0f})",
            "<= echo + 100 ms",
            d95 <= 100,
        )
    )
    print(
        goal_line(
            "429s at 25 updates/s",
            f"{help_paced['refused']:.0f} (echo {echo_paced['refused']:.0f})",
            "0",
            help_paced["refused"] == 0,
        )
    )
    best = max(help_, wide, key=lambda r: r["per_s"])
    print(
        goal_line(
            "throughput, SQLite, limits off",
            f"{best['per_s']:.0f} updates/s at p95 {best['p95_ms']:.0f} ms "
            f"(echo {echo['per_s']:.0f}/s)",
            ">= 200 updates/s at p95 <= 100 ms",
            best["per_s"] >= 200 and best["p95_ms"] <= 100,
        )
    )
    if "ours-pg help closed" in results:
        pg = results["ours-pg help closed"]
        ratio = pg["cpu_ms"] / (help_["cpu_ms"] or 1.0)
        print(
            goal_line(
                "PostgreSQL against SQLite, /pomoc CPU",
                f"{pg['cpu_ms']:.2f} ms = {ratio:.2f}x SQLite",
                "<= 1.3x",
                ratio <= 1.3,
            )
        )
    rss = results["ours idle"]["rss_mb"]
    print(goal_line("idle RSS, Konin sample", f"{rss:.0f} MB", "<= 150 MB", rss <= 150))


if __name__ == "__main__":
    main()
