"""Run the local Bot API server in the foreground: python -m devtools.localapi --token TOKEN."""

import argparse
import logging
import re
import sys
import threading

from devtools.localapi.api import LocalBotApi
from devtools.localapi.users import FakeUser

LOCATION = re.compile(r"^@-?\d+(\.\d+)?,\s*-?\d+(\.\d+)?$")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(prog="python -m devtools.localapi", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", required=True, help="bot token the server accepts")
    parser.add_argument(
        "--user-id",
        type=int,
        help=(
            "act as this user: each line typed on stdin is sent to the bot as a message; "
            "'>label' presses a button, '@52.2275,18.2614' shares a location"
        ),
    )
    parser.add_argument("--verbose", action="store_true", help="log every call at DEBUG")
    return parser.parse_args(argv)


def print_answers(api: LocalBotApi, chat_id: int) -> None:
    """Print what the bot sends to the chat, as it arrives."""
    while True:
        try:
            for sent in api.wait_sent(chat_id, timeout=3600):
                print(f"bot: {sent.summary()}", flush=True)
        except AssertionError:
            continue


def chat_from_stdin(api: LocalBotApi, user_id: int) -> None:
    """Send stdin lines as messages of one user; the bot's answers print as they come."""
    user = api.user(user_id)
    threading.Thread(target=print_answers, args=(api, user_id), daemon=True).start()
    for line in sys.stdin:
        text = line.strip()
        if text.startswith("/"):
            command, _, args = text[1:].partition(" ")
            user.send_command(command, args)
        elif text.startswith(">"):
            press(api, user, text[1:].strip())
        elif LOCATION.match(text):
            lat, lon = (float(part) for part in text[1:].split(","))
            user.send_location(lat, lon)
        elif text:
            user.send_text(text)


def press(api: LocalBotApi, user: FakeUser, label: str) -> None:
    """Press the button whose label contains `label` on the newest message showing it."""
    for sent in reversed(api.sent(user.id)):
        current = api.current(user.id, sent.message_id) if sent.message_id else sent
        for row in current.buttons():
            for text in row:
                if label.lower() in text.lower():
                    user.press(current, text)
                    return
    print(f"(no button with {label!r})", flush=True)


def main(argv: list[str] | None = None) -> None:
    """Serve until interrupted."""
    args = parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    with LocalBotApi(args.host, args.port) as api:
        api.register_bot(args.token)
        print(f"base_url={api.base_url}", flush=True)
        print(f"base_file_url={api.file_base_url}", flush=True)
        try:
            if args.user_id is not None:
                print(f"type messages as user {args.user_id}; Ctrl-C stops the server")
                chat_from_stdin(api, args.user_id)
            threading.Event().wait()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
