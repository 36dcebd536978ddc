"""Parse text with parse_mode HTML the way the Bot API does, rejecting what it rejects."""

import re
from html.parser import HTMLParser

ALLOWED_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "a",
        "code",
        "pre",
        "span",
        "tg-spoiler",
        "blockquote",
    }
)
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
# An "&" that does not start a terminated entity. Telegram would show it literally, but here
# it means input that was not escaped, the bug these checks exist to catch; html.parser
# silently drops some of them (a trailing "&T"), so they are found before parsing.
BARE_AMPERSAND = re.compile(r"&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);)")


class HtmlEntitiesError(ValueError):
    """Report why Telegram would refuse to parse the entities of a text."""


class _TelegramHtmlParser(HTMLParser):
    """Collect the visible text and fail on anything Telegram's HTML parser refuses."""

    def __init__(self, source: str) -> None:
        # Keep character references as events so that each one can be checked.
        super().__init__(convert_charrefs=False)
        self._source = source
        self._line_starts = [0]
        for index, char in enumerate(source):
            if char == "\n":
                self._line_starts.append(index + 1)
        self.open_tags: list[str] = []
        self.parts: list[str] = []

    def _char_offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _where(self) -> str:
        # Telegram reports UTF-8 byte offsets.
        return f"byte offset {len(self._source[: self._char_offset()].encode())}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            raise HtmlEntitiesError(f'Unsupported start tag "{tag}" at {self._where()}')
        if tag == "span" and dict(attrs).get("class") != "tg-spoiler":
            raise HtmlEntitiesError(f'Tag "span" must have class "tg-spoiler" at {self._where()}')
        self.open_tags.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise HtmlEntitiesError(f'Unsupported start tag "{tag}/" at {self._where()}')

    def handle_endtag(self, tag: str) -> None:
        if not self.open_tags:
            raise HtmlEntitiesError(f"Unexpected end tag at {self._where()}")
        expected = self.open_tags.pop()
        if tag != expected:
            raise HtmlEntitiesError(
                f'Unmatched end tag at {self._where()}, expected "</{expected}>", found "</{tag}>"'
            )

    def handle_data(self, data: str) -> None:
        # With convert_charrefs off, a "<" reaching here did not start a tag: Telegram
        # rejects it, and it almost always means user input that was not escaped.
        if "<" in data:
            raise HtmlEntitiesError(
                f'Character "<" must be escaped ("<" is not a tag) near {self._where()}'
            )
        self.parts.append(data)

    def handle_entityref(self, name: str) -> None:
        if name not in NAMED_ENTITIES:
            raise HtmlEntitiesError(f'Unsupported HTML entity "&{name}" at {self._where()}')
        self.parts.append(NAMED_ENTITIES[name])

    def handle_charref(self, name: str) -> None:
        try:
            code = int(name[1:], 16) if name[:1] in "xX" else int(name)
            self.parts.append(chr(code))
        except (ValueError, OverflowError):
            raise HtmlEntitiesError(f"Invalid HTML entity at {self._where()}") from None

    def handle_comment(self, data: str) -> None:
        raise HtmlEntitiesError(f"Unsupported start tag at {self._where()}")

    def handle_decl(self, decl: str) -> None:
        raise HtmlEntitiesError(f"Unsupported start tag at {self._where()}")

    def handle_pi(self, data: str) -> None:
        raise HtmlEntitiesError(f"Unsupported start tag at {self._where()}")

    def unknown_decl(self, data: str) -> None:
        raise HtmlEntitiesError(f"Unsupported start tag at {self._where()}")


def parse_html(text: str) -> str:
    """Return the visible text of Telegram HTML, or raise HtmlEntitiesError like the Bot API."""
    bare = BARE_AMPERSAND.search(text)
    if bare is not None:
        offset = len(text[: bare.start()].encode())
        raise HtmlEntitiesError(
            f'Character "&" must be escaped ("&" is not an entity) at byte offset {offset}'
        )
    parser = _TelegramHtmlParser(text)
    parser.feed(text)
    parser.close()
    if parser.open_tags:
        raise HtmlEntitiesError(
            f'Can\'t find end tag corresponding to start tag "{parser.open_tags[-1]}"'
        )
    return "".join(parser.parts)
