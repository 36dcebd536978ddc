"""The web chat as `make run` starts it without a token, and Debian's headless Chromium.

The browser and its driver come from the distribution's packages (`chromium`,
`chromium-driver`; `.ci/run` installs them); Selenium is given the driver's path, so Selenium
Manager never runs and nothing is downloaded. Without them the tests skip and say why.
"""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ROOT = Path(__file__).resolve().parents[2]
ADDRESS = re.compile(r"Web chat: (http://127\.0\.0\.1:\d+/)")
START_TIMEOUT = 60.0


def _missing() -> str | None:
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        return (
            "the web chat's browser test needs Debian's chromium and chromium-driver "
            "(/usr/bin/chromium, /usr/bin/chromedriver): apt-get install chromium chromium-driver"
        )
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the web chat's browser test needs selenium (pip install -e '.[dev]')"
    return None


@pytest.fixture
def webchat(tmp_path: Path) -> Iterator[str]:
    """Start `python -m devtools.webchat` on a free port with its own database; yield its URL."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"TELEGRAM_BOT_TOKEN", "DATABASE_URL"} and not key.startswith("RDB_")
    }
    env["RDB_WEBCHAT__PORT"] = "0"
    env["RDB_WEBCHAT__SQLITE_PATH"] = str(tmp_path / "webchat.sqlite3")
    log = (tmp_path / "webchat.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "devtools.webchat"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    try:
        assert process.stdout is not None
        # The first line is the address, printed once the officers are linked.
        ready, _, _ = select.select([process.stdout], [], [], START_TIMEOUT)
        line = process.stdout.readline() if ready else ""
        found = ADDRESS.search(line)
        if found is None:
            process.kill()
            log.flush()
            raise AssertionError(
                f"no address from the web chat: {line!r}\n{(tmp_path / 'webchat.log').read_text()}"
            )
        yield found.group(1)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture
def browser() -> Iterator[Any]:
    """A headless Chromium from the distribution, driven through its chromedriver."""
    reason = _missing()
    if reason is not None:
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1250,960",
        "--lang=pl",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
