"""Files that hold residents' data (the SQLite database, backups, exports) are the owner's only.

A file created with the process's umask (often 022) is readable by every account on the machine;
these helpers create it with mode 0600 from the start, and tighten a file that already exists,
so a second user on the server (or a backup agent running as another user) cannot read reports.
"""

from __future__ import annotations

import os
from pathlib import Path

OWNER_ONLY = 0o600
OWNER_ONLY_DIR = 0o700


def private_dir(path: Path) -> None:
    """Create a folder (and its parents) for private files; new folders are the owner's only."""
    path.mkdir(mode=OWNER_ONLY_DIR, parents=True, exist_ok=True)


def private_file(path: Path) -> Path:
    """Make sure `path` exists with mode 0600 (an existing file keeps its content)."""
    private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, OWNER_ONLY)
    try:
        # O_CREAT's mode applies only to a new file: tighten one that was already there.
        os.fchmod(fd, OWNER_ONLY)
    finally:
        os.close(fd)
    return path


def write_private(path: Path, content: str | bytes) -> Path:
    """Write a whole file (text as UTF-8) that only its owner can read."""
    private_file(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    with open(path, "wb") as handle:
        handle.write(data)
    return path


def tighten(path: Path) -> None:
    """Set an existing file to 0600 (no-op when it does not exist)."""
    try:
        os.chmod(path, OWNER_ONLY)
    except FileNotFoundError:
        return
