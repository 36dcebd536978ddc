"""Upload photos, documents and albums, and download them back by file_id."""

import io

import pytest
from PIL import Image
from telegram import Bot, InputMediaDocument, InputMediaPhoto
from telegram.error import BadRequest

from devtools.localapi import FakeUser, LocalBotApi
from devtools.localapi.users import sample_jpeg
from tests.localapi.conftest import ANNA_ID


async def test_photo_upload_has_sizes_and_downloads_back(
    bot: Bot, api: LocalBotApi, anna: FakeUser
) -> None:
    data = sample_jpeg(640, 480)
    message = await bot.send_photo(ANNA_ID, data, caption="<i>Zdjęcie</i>", parse_mode="HTML")

    thumbnail, largest = message.photo
    assert (largest.width, largest.height, largest.file_size) == (640, 480, len(data))
    assert max(thumbnail.width, thumbnail.height) == 90
    assert message.caption == "Zdjęcie"
    recorded = api.sent(ANNA_ID)[0]
    assert recorded.photo == data and recorded.caption == "<i>Zdjęcie</i>"
    assert recorded.file_id == largest.file_id
    file = await bot.get_file(largest.file_id)
    assert file.file_path is not None and file.file_path.startswith(api.file_base_url)
    assert bytes(await file.download_as_bytearray()) == data


async def test_photo_resent_by_file_id_reuses_the_stored_file(
    bot: Bot, api: LocalBotApi, anna: FakeUser
) -> None:
    first = await bot.send_photo(ANNA_ID, sample_jpeg())
    again = await bot.send_photo(ANNA_ID, first.photo[-1].file_id)

    assert again.photo[-1].file_id == first.photo[-1].file_id
    assert api.sent(ANNA_ID)[1].photo == sample_jpeg()
    with pytest.raises(BadRequest, match="Wrong file identifier"):
        await bot.send_photo(ANNA_ID, "not-a-file-id")


async def test_photo_that_is_not_an_image_is_refused(bot: Bot, anna: FakeUser) -> None:
    with pytest.raises(BadRequest, match="Image_process_failed"):
        await bot.send_photo(ANNA_ID, b"definitely not a jpeg")


async def test_residents_photo_can_be_downloaded_by_the_bot(bot: Bot, anna: FakeUser) -> None:
    data = sample_jpeg(1200, 900, "blue")
    update = anna.send_photo(data, caption="Dziura w jezdni")
    photo = update["message"]["photo"]

    file = await bot.get_file(photo[-1]["file_id"])
    assert bytes(await file.download_as_bytearray()) == data
    assert (photo[-1]["width"], photo[-1]["height"]) == (1200, 900)


async def test_media_group_uploads_every_item(bot: Bot, api: LocalBotApi, anna: FakeUser) -> None:
    photos = [sample_jpeg(300, 200, "red"), sample_jpeg(200, 300, "green")]
    messages = await bot.send_media_group(
        ANNA_ID,
        [InputMediaPhoto(photos[0], caption="Zgłoszenie 17"), InputMediaPhoto(photos[1])],
    )

    assert [m.message_id for m in messages] == [1, 2]
    assert messages[0].media_group_id == messages[1].media_group_id is not None
    assert messages[0].caption == "Zgłoszenie 17"
    [recorded] = api.sent(ANNA_ID)
    assert recorded.method == "sendMediaGroup"
    assert [item["data"] for item in recorded.media] == photos
    assert [item["message_id"] for item in recorded.media] == [1, 2]


async def test_media_group_needs_two_items(bot: Bot, anna: FakeUser) -> None:
    with pytest.raises(BadRequest, match="2-10 items"):
        await bot.send_media_group(ANNA_ID, [InputMediaPhoto(sample_jpeg())])


async def test_document_upload_and_media_group_of_documents(
    bot: Bot, api: LocalBotApi, anna: FakeUser
) -> None:
    message = await bot.send_document(ANNA_ID, b"a;b\n1;2\n", filename="raport.csv")
    assert message.document is not None and message.document.file_name == "raport.csv"
    assert api.sent(ANNA_ID)[0].document == b"a;b\n1;2\n"

    album = await bot.send_media_group(
        ANNA_ID,
        [
            InputMediaDocument(b"one", filename="1.txt"),
            InputMediaDocument(message.document.file_id),
        ],
    )
    assert [m.document.file_name for m in album if m.document] == ["1.txt", "raport.csv"]


async def test_thumbnail_is_a_real_smaller_image(bot: Bot, anna: FakeUser) -> None:
    message = await bot.send_photo(ANNA_ID, sample_jpeg(800, 400))
    file = await bot.get_file(message.photo[0].file_id)
    data = bytes(await file.download_as_bytearray())

    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (90, 45)
