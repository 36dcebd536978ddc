"""The repository explains itself: no tracked file names a path outside it.

A person who clones the project gets only what is tracked, so a pointer to notes beside the
checkout (`../notes/DESIGN.md`), to one machine (`/work/...`, `/home/me/...`, `~/...`) or to a
document that is not in the repository leaves them with a reference they cannot follow. The
reasons belong in `docs/` (see `docs/decisions/`).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path, PurePosixPath

import pytest

ROOT = Path(__file__).resolve().parent.parent
# This file names outside paths on purpose: they are the examples the check must find.
THIS_FILE = Path(__file__).resolve().relative_to(ROOT).as_posix()

# A URL's path is not a file path: `https://host/../x` or `http://127.0.0.1/home/` are cut first.
_URL = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s\"'`<>()\[\]]*")
# A path-like run of characters; a maximal match, so `.../bot123/send` stays one token.
_TOKEN = re.compile(r"[\w.\-/~]+")
# Absolute paths that only exist on one machine: its work folders and people's homes.
_MACHINE_ROOTS = ("/work/", "/home/", "/root/", "/Users/")
# Documents are named by file name (`README.md`, `DESIGN.md`); each must be one of ours. (Other
# names are not checked: `ulice.csv` or `raport.csv` are examples of a person's own files; a bare
# `.md`, as in `docs/*.md`, names no file.)
_DOCUMENT = re.compile(r"[^/.]\.md$")


def tracked_files() -> list[str]:
    """Return the repository's tracked files (what a clone gets), relative to its root."""
    try:
        listing = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: the tracked files are unknown")
    return [name for name in listing.decode().split("\0") if name]


def _text(path: Path) -> str | None:
    """Return a file's text, None for binary files (images, fonts)."""
    data = path.read_bytes()
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _escapes_or_missing(relative: str, folder: PurePosixPath, root: Path) -> bool:
    """Tell whether a `..` path, read from the file's folder, leaves the root or names nothing."""
    parts: list[str] = list(folder.parts)
    for part in PurePosixPath(relative).parts:
        if part == "..":
            if not parts:
                return True
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return not root.joinpath(*parts).exists()


def outside_references(
    text: str, file: str, documents: set[str], root: Path = ROOT
) -> list[tuple[int, str]]:
    """Return (line number, token) for each path in `text` that points outside the repository.

    `file` is the path of the text relative to the root; `documents` holds the repository's file
    paths and names, which a named `.md` document must be one of.
    """
    folder = PurePosixPath(file).parent
    found: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _TOKEN.finditer(_URL.sub(" ", line)):
            token = match.group().rstrip(".")
            if token.startswith("~/") or token.startswith(_MACHINE_ROOTS):
                found.append((number, token))
            elif "/" in token and ".." in token.split("/"):
                if _escapes_or_missing(token, folder, root):
                    found.append((number, token))
            elif _DOCUMENT.search(token) and not _known_document(token, folder, documents):
                found.append((number, token))
    return found


def _known_document(token: str, folder: PurePosixPath, documents: set[str]) -> bool:
    """Tell whether a named document is ours: by path from the root or the file, or by name."""
    token = token.removeprefix("./")
    return (
        token in documents
        or str(folder / token) in documents
        or PurePosixPath(token).name in documents
    )


def test_no_tracked_file_names_a_path_outside_the_repository() -> None:
    files = tracked_files()
    documents = set(files) | {PurePosixPath(name).name for name in files}
    problems = []
    for name in files:
        if name == THIS_FILE:
            continue
        path = ROOT / name
        if not path.is_file():
            continue  # deleted in the working tree, not yet committed
        text = _text(path)
        if text is None:
            continue
        problems += [
            f"{name}:{line}: {token}" for line, token in outside_references(text, name, documents)
        ]
    assert problems == [], "paths outside the repository:\n" + "\n".join(problems)


DOCUMENTS = {"README.md", "docs/architecture.md", "architecture.md", "data/konin/README.md"}
# The sibling folder of team notes the examples below point to, assembled so that this file does
# not itself name it (a search of the repository for such pointers finds none).
NOTES = ".." + "/" + "shared"


@pytest.mark.parametrize(
    ("file", "line"),
    [
        ("README.md", f"Why: see `{NOTES}/DESIGN.md`."),
        ("docs/architecture.md", f"Read `{NOTES}/DESIGN.md` for the why."),
        ("docs/benchmarks.md", f"[floor](../{NOTES}/PERFORMANCE.md)"),
        ("bot/app.py", '"""Build the Application (no Updater): see DESIGN.md step 1."""'),
        ("data/konin/README.md", "Street names: see shared/DOMAIN.md."),
        ("Makefile", "include /work/shared/hooks/before-stop"),
        ("docs/operations.md", "cp var/bot.sqlite3 /home/anna/backup/"),
        ("bot/config.py", 'DEFAULT = Path("~/notes/config.toml")'),
        ("tests/conftest.py", 'ROOT = Path(__file__).parent / "../../elsewhere"'),
    ],
)
def test_a_path_outside_is_found(file: str, line: str) -> None:
    assert outside_references(line, file, DOCUMENTS) != []


@pytest.mark.parametrize(
    ("file", "line"),
    [
        ("docs/directory.md", "[the format](../data/konin/README.md)"),
        ("README.md", "See [`docs/architecture.md`](docs/architecture.md)."),
        ("docs/privacy.md", "the architecture (architecture.md)"),
        ("bot/logs.py", "# Bot API URLs carry the token: .../bot123456:ABC-DEF/sendMessage"),
        ("bot/config.py", 'URL = "https://api.telegram.org/bot/../home/x"'),
        ("config.toml", 'api_base_url = "http://127.0.0.1:8089/work/bot"'),
        ("config.toml", 'path = "/telegram"  # and /healthz beside it'),
        ("docs/operations.md", "sqlite3 /var/lib/razem/bot.sqlite3 .backup /srv/backup.db"),
        ("data/konin/README.md", "seen on bip.konin.eu/home/ankieta.php and konin.pl/work/x"),
        ("README.md", "Wait... and then... (ellipses are not paths)"),
        ("docs/architecture.md", "Every record in `docs/decisions/*.md` is linked here."),
    ],
)
def test_a_path_inside_or_a_url_is_not_found(file: str, line: str) -> None:
    assert outside_references(line, file, DOCUMENTS) == []
