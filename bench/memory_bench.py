"""Measure the bot's memory with a national directory: the goal is at most 300 MB when idle.

    .venv/bin/python bench/memory_bench.py [--rules 300000 --districts 8100 --seed 1]

bench/lookup_bench.py's generator (Polish-like localities and streets over the whole country)
writes a national directory in the exchange format into a temporary folder. The bot itself
(`BotRuntime`, long polling against the project's local Bot API server, a SQLite file) is then
started twice with that folder as its directory, as bench/conversation_bench.py starts it with
the Konin sample: the first start finds the database empty, imports the folder and builds the
gazetteer, as a new installation does; the second starts from the filled database, as every
later restart does. For each start: how long until it polls, its resident memory when idle
(VmRSS, 2 s after it polls) and at its peak (VmHWM).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.conversation_bench import TOKEN, rss_mb, run_ours  # noqa: E402
from bench.lookup_bench import generate  # noqa: E402

GOAL_MB = 300.0
IDLE_AFTER_SECONDS = 2.0


def start_and_measure(
    context: multiprocessing.context.SpawnContext,
    urls: tuple[str, str],
    folder: str,
    directory: Path,
) -> tuple[float, float, float]:
    """Start the bot in `folder`, wait until it polls; return (seconds, idle MB, peak MB)."""
    ours, theirs = context.Pipe()
    process = context.Process(
        target=run_ours,
        args=(*urls, None, folder, False, None, theirs, directory),
        daemon=True,
    )
    started = time.perf_counter()
    process.start()
    try:
        while not ours.poll(0.2):
            if not process.is_alive():
                log = Path(folder) / "bot.log"
                raise RuntimeError(f"the bot did not start:\n{log.read_text()[-3000:]}")
        ours.recv()
        seconds = time.perf_counter() - started
        time.sleep(IDLE_AFTER_SECONDS)
        assert process.pid is not None
        return seconds, rss_mb(process.pid), rss_mb(process.pid, "VmHWM")
    finally:
        process.terminate()
        process.join(timeout=15)
        if process.is_alive():
            process.kill()


def main() -> None:
    """Generate the directory, start the bot twice on it, print the figures beside the goal."""
    from devtools.localapi import LocalBotApi
    from lookup.directory import Directory
    from lookup.files import write_directory

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=int, default=300_000)
    parser.add_argument("--districts", type=int, default=8_100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory(prefix="memory-bench-") as temp, LocalBotApi() as api:
        api.register_bot(TOKEN)
        directory = Path(temp) / "directory"
        data = generate(args.rules, args.districts, args.seed)
        write_directory(
            Directory(
                stations=tuple(data.stations),
                districts=tuple(data.districts),
                officers=tuple(data.officers),
                rules=tuple(data.rules),
            ),
            directory,
        )
        del data
        print(
            f"memory with a national directory: {args.rules:,} street rules, "
            f"{args.districts:,} districts (load {os.getloadavg()[0]:.1f})",
            flush=True,
        )
        urls = (api.base_url, api.file_base_url)
        for label in ("first start (imports the folder)", "restart (database filled)"):
            seconds, idle, peak = start_and_measure(context, urls, temp, directory)
            mark = "met" if idle <= GOAL_MB else "NOT met"
            figure = f"idle {idle:.0f} MB, peak {peak:.0f} MB, polling after {seconds:.1f} s"
            print(f"  {label:<36} {figure:<50} goal: idle <= {GOAL_MB:g} MB  {mark}", flush=True)


if __name__ == "__main__":
    main()
