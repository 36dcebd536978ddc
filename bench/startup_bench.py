"""Benchmark how fast the command line answers: `lookup` and `officers list`, wall time.

    .venv/bin/python bench/startup_bench.py [--runs 5]

A SQLite file of its own gets the schema (`db upgrade`) and the Konin sample (`data import`);
then each command runs `--runs` times as a new process, as an operator would start it. Printed:
the best and the median wall time beside the goal (0.5 s), and the peak RSS of the look-up.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOAL_SECONDS = 0.5
COMMANDS = {
    "lookup": ["lookup", "Kolejowa 5"],
    "officers list": ["officers", "list"],
}


def run(argv: list[str], env: dict[str, str]) -> float:
    """Run `python -m bot ARGV`; return its wall time in seconds."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot", *argv],
        cwd=REPO,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def main() -> None:
    """Prepare a database, time each command, print the figures beside the goal."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each command")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, RDB_DATABASE__SQLITE_PATH=str(Path(folder) / "bot.sqlite3"))
        env.pop("DATABASE_URL", None)
        run(["db", "upgrade"], env)
        run(["data", "import", "data/konin"], env)
        print(f"command line start-up ({args.runs} runs each, load {os.getloadavg()[0]:.1f}):")
        for name, argv in COMMANDS.items():
            times = [run(argv, env) for _ in range(args.runs)]
            best, median = min(times), statistics.median(times)
            mark = "met" if median <= GOAL_SECONDS else "NOT met"
            figure = f"best {best:.2f} s, median {median:.2f} s"
            print(f"  {name:<46} {figure:<34} goal: <= {GOAL_SECONDS} s  {mark}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  {'peak RSS of these commands':<46} {peak:.0f} MB")


if __name__ == "__main__":
    main()
