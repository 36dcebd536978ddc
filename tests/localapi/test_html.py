"""Parse Telegram HTML: the visible text, and the errors Telegram reports."""

import pytest

from devtools.localapi.telegram_html import HtmlEntitiesError, parse_html


@pytest.mark.parametrize(
    ("source", "visible"),
    [
        ("<b>x</b> &lt;y&gt; &amp; &quot;", 'x <y> & "'),
        ("&#39;&#x27;&#322;", "''ł"),
        ("a > b", "a > b"),
        ('<a href="https://x.pl/?a=1&amp;b=2">link</a>', "link"),
        ("zażółć\n<i>gęślą</i>", "zażółć\ngęślą"),
    ],
)
def test_visible_text(source: str, visible: str) -> None:
    assert parse_html(source) == visible


@pytest.mark.parametrize(
    ("source", "error"),
    [
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", 'expected "</b>", found "</i>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("ż<div>", 'Unsupported start tag "div" at byte offset 2'),
        ("AT&T", '"&" must be escaped'),
        ("&amp", '"&" must be escaped'),
        ("&nbsp;", 'Unsupported HTML entity "&nbsp"'),
        ("<!-- komentarz -->", "Unsupported start tag"),
    ],
)
def test_errors(source: str, error: str) -> None:
    with pytest.raises(HtmlEntitiesError, match=error.replace("(", r"\(")):
        parse_html(source)
