"""Implement the Bot API methods for photos, documents, albums and file downloads."""

import io
import secrets
from typing import Any

from PIL import Image

from devtools.localapi.errors import bad_request
from devtools.localapi.messages import (
    Call,
    checked_markup,
    common_content,
    new_message,
    record,
    rendered,
)
from devtools.localapi.params import Upload
from devtools.localapi.state import BotApiState, StoredFile

THUMBNAIL_SIDE = 90


def photo_size(stored: StoredFile) -> dict[str, Any]:
    """Return a Telegram PhotoSize for a stored image."""
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "width": stored.width,
        "height": stored.height,
        "file_size": len(stored.data),
    }


def store_photo(state: BotApiState, data: bytes) -> list[dict[str, Any]]:
    """Store an uploaded photo and return its PhotoSize list, smallest first like Telegram."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            size = image.size
            thumbnail = image.convert("RGB")
    except Exception:
        # Telegram refuses whatever it cannot process as a photo, whichever way decoding fails.
        raise bad_request("IMAGE_PROCESS_FAILED") from None
    sizes: list[dict[str, Any]] = []
    if max(size) > THUMBNAIL_SIDE:
        # A real downscaled copy, so a bot that takes photo[0] instead of photo[-1] gets a
        # visibly small image in tests, as it would on Telegram.
        thumbnail.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
        buffer = io.BytesIO()
        thumbnail.save(buffer, format="JPEG")
        small = state.new_file(
            buffer.getvalue(), "photo", ".jpg", "image/jpeg", size=thumbnail.size
        )
        sizes.append(photo_size(small))
    # The original bytes are kept (Telegram would re-encode them) so tests can compare them.
    full = state.new_file(data, "photo", ".jpg", "image/jpeg", size=size)
    sizes.append(photo_size(full))
    for photo in sizes:
        state.photo_sizes[photo["file_id"]] = sizes
    return sizes


def photo_from(call: Call, value: str | None, upload: Upload | None) -> list[dict[str, Any]]:
    """Return the PhotoSize list for an uploaded photo or a file_id this server issued."""
    if upload is not None:
        return store_photo(call.state, upload.data)
    if value and value in call.state.photo_sizes:
        return call.state.photo_sizes[value]
    raise bad_request("wrong file identifier/HTTP URL specified")


def document_from(call: Call, value: str | None, upload: Upload | None) -> dict[str, Any]:
    """Return a Telegram Document for an uploaded file or a file_id this server issued."""
    if upload is not None:
        name = upload.filename or "file"
        stored = call.state.new_file(
            upload.data,
            "document",
            "." + name.rsplit(".", 1)[-1] if "." in name else "",
            upload.content_type or "application/octet-stream",
            file_name=name,
        )
    elif value and value in call.state.files:
        stored = call.state.files[value]
    else:
        raise bad_request("wrong file identifier/HTTP URL specified")
    document: dict[str, Any] = {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.data),
    }
    if stored.file_name:
        document["file_name"] = stored.file_name
    if stored.mime_type:
        document["mime_type"] = stored.mime_type
    return document


def caption_content(call: Call) -> tuple[dict[str, Any], str | None]:
    """Return the caption fields of a media message and the caption as sent."""
    caption = call.params.text("caption")
    if caption is None:
        return {}, None
    plain = rendered(caption, call.params.text("parse_mode"), caption=True)
    return ({"caption": plain} if plain else {}), caption


def send_photo(call: Call) -> Any:
    """Answer sendPhoto."""
    chat_id = call.target_chat()
    upload = call.params.uploads.get("photo")
    sizes = photo_from(call, call.params.text("photo"), upload)
    content, caption = caption_content(call)
    markup = checked_markup(call.params)
    message = new_message(
        call, chat_id, markup, photo=sizes, **content, **common_content(call, chat_id)
    )
    largest = sizes[-1]["file_id"]
    record(
        call,
        "sendPhoto",
        message,
        caption=caption,
        reply_markup=markup,
        photo=call.state.files[largest].data,
        file_id=largest,
    )
    return message


def send_document(call: Call) -> Any:
    """Answer sendDocument."""
    chat_id = call.target_chat()
    upload = call.params.uploads.get("document")
    document = document_from(call, call.params.text("document"), upload)
    content, caption = caption_content(call)
    markup = checked_markup(call.params)
    message = new_message(
        call, chat_id, markup, document=document, **content, **common_content(call, chat_id)
    )
    record(
        call,
        "sendDocument",
        message,
        caption=caption,
        reply_markup=markup,
        document=call.state.files[document["file_id"]].data,
        file_name=document.get("file_name"),
        file_id=document["file_id"],
    )
    return message


def send_media_group(call: Call) -> Any:
    """Answer sendMediaGroup: one message per item, sharing a media_group_id."""
    chat_id = call.target_chat()
    items = call.params.obj("media")
    if not isinstance(items, list) or not 2 <= len(items) <= 10:
        raise bad_request("media must contain 2-10 items")
    group_id = str(secrets.randbelow(10**18))
    replied = common_content(call, chat_id)
    prepared: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for item in items:
        if not isinstance(item, dict) or item.get("type") not in {"photo", "document"}:
            raise bad_request("the local Bot API server supports photo and document media only")
        reference = str(item.get("media", ""))
        upload = None
        if reference.startswith("attach://"):
            upload = call.params.uploads.get(reference.removeprefix("attach://"))
            if upload is None:
                raise bad_request("wrong file identifier/HTTP URL specified")
        caption = item.get("caption")
        content: dict[str, Any] = {}
        if caption:
            content["caption"] = rendered(caption, item.get("parse_mode"), caption=True)
        if item["type"] == "photo":
            content["photo"] = photo_from(call, reference, upload)
        else:
            content["document"] = document_from(call, reference, upload)
        prepared.append((item, content))
    messages = []
    media = []
    for item, content in prepared:
        message = new_message(call, chat_id, None, media_group_id=group_id, **content, **replied)
        messages.append(message)
        file_id = (content["photo"][-1] if "photo" in content else content["document"])["file_id"]
        media.append(
            {
                "type": item["type"],
                "message_id": message["message_id"],
                "caption": item.get("caption"),
                "file_id": file_id,
                "data": call.state.files[file_id].data,
            }
        )
    record(call, "sendMediaGroup", messages[0], media=media)
    return messages


def get_file(call: Call) -> Any:
    """Answer getFile."""
    stored = call.state.files.get(call.params.text("file_id") or "")
    if stored is None:
        raise bad_request("invalid file_id")
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.data),
        "file_path": stored.file_path,
    }
