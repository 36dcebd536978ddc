"""Refuse what Telegram refuses: malformed HTML, long texts, oversized callback data."""

import html

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest

from devtools.localapi import FakeUser, LocalBotApi
from devtools.localapi.users import sample_jpeg
from tests.localapi.conftest import ANNA_ID


@pytest.mark.parametrize(
    "text",
    [
        "<b>x",
        "<b>x</i>",
        "x</b>",
        "Tom & Jerry",
        "a < b",
        "<div>x</div>",
        "<span>x</span>",
        "&nbsp;",
        "<br/>",
    ],
)
async def test_malformed_html_is_refused(
    bot: Bot, api: LocalBotApi, anna: FakeUser, text: str
) -> None:
    with pytest.raises(BadRequest, match="Can't parse entities"):
        await bot.send_message(ANNA_ID, text, parse_mode="HTML")
    assert api.sent() == []
    assert api.calls("sendMessage")[0].status == 400


async def test_escaped_user_input_is_accepted(bot: Bot, anna: FakeUser) -> None:
    user_input = "<script>alert('x')</script> & \"cudzysłów\""
    message = await bot.send_message(
        ANNA_ID, f"<b>Twoje zgłoszenie:</b> {html.escape(user_input)}", parse_mode="HTML"
    )
    assert message.text == f"Twoje zgłoszenie: {user_input}"


async def test_every_supported_tag_is_accepted(bot: Bot, anna: FakeUser) -> None:
    text = (
        "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s>"
        "<strike>k</strike><del>d</del><a href='https://policja.gov.pl'>a</a><code>c</code>"
        "<pre><code class='language-python'>p</code></pre><span class='tg-spoiler'>x</span>"
        "<tg-spoiler>y</tg-spoiler><blockquote expandable>q</blockquote>&lt;&gt;&amp;&quot;&#39;"
    )
    message = await bot.send_message(ANNA_ID, text, parse_mode="HTML")
    assert message.text == "bsieunskdacpxyq<>&\"'"


async def test_html_is_not_checked_without_parse_mode(bot: Bot, anna: FakeUser) -> None:
    assert (await bot.send_message(ANNA_ID, "<b>x")).text == "<b>x"


async def test_text_length_limits(bot: Bot, anna: FakeUser) -> None:
    assert len((await bot.send_message(ANNA_ID, "ż" * 4096)).text or "") == 4096
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(ANNA_ID, "ż" * 4097)
    # The limit applies to the text after parsing, as on Telegram.
    await bot.send_message(ANNA_ID, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="Message text is empty"):
        await bot.send_message(ANNA_ID, "   ")


async def test_caption_limit(bot: Bot, anna: FakeUser) -> None:
    await bot.send_photo(ANNA_ID, sample_jpeg(), caption="c" * 1024)
    with pytest.raises(BadRequest, match="Message caption is too long"):
        await bot.send_photo(ANNA_ID, sample_jpeg(), caption="c" * 1025)
    with pytest.raises(BadRequest, match="Can't parse entities"):
        await bot.send_photo(ANNA_ID, sample_jpeg(), caption="<b>c", parse_mode="HTML")


async def test_callback_data_is_limited_to_64_bytes(bot: Bot, anna: FakeUser) -> None:
    def keyboard(data: str) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup([[InlineKeyboardButton("Przycisk", callback_data=data)]])

    await bot.send_message(ANNA_ID, "ok", reply_markup=keyboard("x" * 64))
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await bot.send_message(ANNA_ID, "za długie", reply_markup=keyboard("x" * 65))
    # Bytes, not characters: 33 two-byte letters are 66 bytes.
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await bot.send_message(ANNA_ID, "za długie", reply_markup=keyboard("ż" * 33))
