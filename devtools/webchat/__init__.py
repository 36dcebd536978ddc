"""A local web chat: the real bot, the local Bot API server and a page with a pane per person.

`make run` starts it when no TELEGRAM_BOT_TOKEN is set (`python -m devtools.webchat`). It is a
development and demonstration tool: loopback only, its own trial database, nothing reaches
Telegram.
"""
