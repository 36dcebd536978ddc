"""Run the server standalone, as `python -m devtools.localapi` does for a local trial."""

import subprocess
import sys

import httpx


def test_standalone_server_prints_its_urls_and_answers() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "devtools.localapi", "--port", "0", "--token", "42:trial"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip().removeprefix("base_url=")
        file_url = process.stdout.readline().strip().removeprefix("base_file_url=")
        assert file_url == base_url.replace("/bot", "/file/bot")
        me = httpx.get(f"{base_url}42:trial/getMe", timeout=5).json()
        assert me["result"]["id"] == 42
    finally:
        process.terminate()
        process.wait(timeout=5)
