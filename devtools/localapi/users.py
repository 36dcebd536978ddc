"""Act as Telegram users and chats: build realistic updates and queue them for the bot."""

import copy
import io
import secrets
import time
from dataclasses import dataclass
from typing import Any

from PIL import Image

from devtools.localapi.media import store_photo
from devtools.localapi.sent import SentMessage
from devtools.localapi.state import BotAccount, BotApiState

# Tiny stand-ins for media the bot only has to recognise, not to read.
STICKER_BYTES = b"RIFF\x1a\x00\x00\x00WEBPVP8 placeholder sticker"
VOICE_BYTES = b"OggS\x00\x02placeholder voice"


@dataclass(frozen=True)
class FakeChat:
    """Represent a group chat that users can write in."""

    id: int
    title: str
    type: str = "group"

    def as_dict(self) -> dict[str, Any]:
        """Return the chat as a Telegram Chat object."""
        return {"id": self.id, "type": self.type, "title": self.title}


@dataclass
class FakeUser:
    """Act as one Telegram user: every method queues the update Telegram would send."""

    state: BotApiState
    bot: BotAccount
    id: int
    first_name: str = "Anna"
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = "pl"

    def as_dict(self) -> dict[str, Any]:
        """Return the user as a Telegram User object."""
        user: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            user["last_name"] = self.last_name
        if self.username:
            user["username"] = self.username
        if self.language_code:
            user["language_code"] = self.language_code
        return user

    def private_chat(self) -> dict[str, Any]:
        """Return this user's private chat with the bot as a Telegram Chat object."""
        chat: dict[str, Any] = {"id": self.id, "type": "private", "first_name": self.first_name}
        if self.last_name:
            chat["last_name"] = self.last_name
        if self.username:
            chat["username"] = self.username
        return chat

    def _message(self, chat: FakeChat | None, **content: Any) -> dict[str, Any]:
        chat_dict = chat.as_dict() if chat else self.private_chat()
        with self.state.lock:
            message = {
                "message_id": self.state.next_message_id(chat_dict["id"]),
                "from": self.as_dict(),
                "chat": chat_dict,
                "date": int(time.time()),
                **content,
            }
            self.state.messages[(chat_dict["id"], message["message_id"])] = message
            return copy.deepcopy(message)

    def _send(self, chat: FakeChat | None, **content: Any) -> dict[str, Any]:
        return self.state.enqueue_update(
            {"message": self._message(chat, **content)}, self.bot.token
        )

    def send_text(self, text: str, chat: FakeChat | None = None) -> dict[str, Any]:
        """Send a text message (to the private chat unless `chat` is given)."""
        return self._send(chat, text=text)

    def send_command(
        self, command: str, args: str = "", chat: FakeChat | None = None
    ) -> dict[str, Any]:
        """Send /command with optional arguments, marked with a bot_command entity."""
        name = "/" + command.removeprefix("/")
        text = f"{name} {args}" if args else name
        entity = {"type": "bot_command", "offset": 0, "length": len(name.encode("utf-16-le")) // 2}
        return self._send(chat, text=text, entities=[entity])

    def send_location(
        self, latitude: float, longitude: float, chat: FakeChat | None = None
    ) -> dict[str, Any]:
        """Share a location."""
        return self._send(chat, location={"latitude": latitude, "longitude": longitude})

    def send_venue(
        self, latitude: float, longitude: float, title: str, address: str
    ) -> dict[str, Any]:
        """Share a venue (a place with a title and an address)."""
        location = {"latitude": latitude, "longitude": longitude}
        venue = {"location": location, "title": title, "address": address}
        return self._send(None, location=location, venue=venue)

    def send_contact(
        self, phone_number: str, first_name: str | None = None, user_id: int | None = None
    ) -> dict[str, Any]:
        """Share a contact; by default the user's own, as the "share my phone" button does."""
        contact: dict[str, Any] = {
            "phone_number": phone_number,
            "first_name": first_name or self.first_name,
            "user_id": self.id if user_id is None else user_id,
        }
        if first_name is None and self.last_name:
            contact["last_name"] = self.last_name
        return self._send(None, contact=contact)

    def send_photo(self, data: bytes, caption: str | None = None) -> dict[str, Any]:
        """Send a photo; the bytes are stored so that getFile and the download work."""
        content: dict[str, Any] = {"photo": store_photo(self.state, data)}
        if caption is not None:
            content["caption"] = caption
        return self._send(None, **content)

    def send_document(
        self, data: bytes, file_name: str, mime_type: str = "application/octet-stream"
    ) -> dict[str, Any]:
        """Send a file as a document."""
        suffix = "." + file_name.rsplit(".", 1)[-1] if "." in file_name else ""
        stored = self.state.new_file(data, "document", suffix, mime_type, file_name=file_name)
        document = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_name": file_name,
            "mime_type": mime_type,
            "file_size": len(data),
        }
        return self._send(None, document=document)

    def send_sticker(self, emoji: str = "👍") -> dict[str, Any]:
        """Send a sticker."""
        stored = self.state.new_file(STICKER_BYTES, "sticker", ".webp", "image/webp")
        sticker = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "file_size": len(STICKER_BYTES),
        }
        return self._send(None, sticker=sticker)

    def send_voice(self, duration: int = 3) -> dict[str, Any]:
        """Send a voice message."""
        stored = self.state.new_file(VOICE_BYTES, "voice", ".oga", "audio/ogg")
        voice = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "duration": duration,
            "mime_type": "audio/ogg",
            "file_size": len(VOICE_BYTES),
        }
        return self._send(None, voice=voice)

    def send_media_group(
        self, photos: list[bytes], caption: str | None = None
    ) -> list[dict[str, Any]]:
        """Send an album: one update per photo, sharing a media_group_id (caption on the first)."""
        group_id = str(secrets.randbelow(10**18))
        updates = []
        for index, data in enumerate(photos):
            content: dict[str, Any] = {"photo": store_photo(self.state, data)}
            if index == 0 and caption is not None:
                content["caption"] = caption
            updates.append(self._send(None, media_group_id=group_id, **content))
        return updates

    def press(self, message: SentMessage, button: str) -> dict[str, Any]:
        """Tap the inline button whose text or callback_data is `button`."""
        current = self._current(message)
        for row in (current.get("reply_markup") or {}).get("inline_keyboard", []):
            for candidate in row:
                if button in (candidate.get("text"), candidate.get("callback_data")):
                    if "callback_data" not in candidate:
                        raise AssertionError(f"button {button!r} has no callback_data")
                    return self._callback(current, str(candidate["callback_data"]))
        raise AssertionError(f"no inline button {button!r} in {message.summary()}")

    def press_data(self, message: SentMessage, data: str) -> dict[str, Any]:
        """Send a callback query with arbitrary (possibly forged) data for `message`."""
        return self._callback(self._current(message), data)

    def _current(self, message: SentMessage) -> dict[str, Any]:
        with self.state.lock:
            stored = self.state.messages.get((message.chat_id, message.message_id or 0))
            if stored is None:
                raise AssertionError(f"message was deleted: {message.summary()}")
            return copy.deepcopy(stored)

    def _callback(self, message: dict[str, Any], data: str) -> dict[str, Any]:
        query_id = str(secrets.randbelow(10**19))
        with self.state.lock:
            self.state.open_callbacks.add(query_id)
        query = {
            "id": query_id,
            "from": self.as_dict(),
            "message": message,
            "chat_instance": str(-abs(hash((self.id, message["chat"]["id"])))),
            "data": data,
        }
        return self.state.enqueue_update({"callback_query": query}, self.bot.token)

    def edit_text(self, sent: dict[str, Any], new_text: str) -> dict[str, Any]:
        """Edit a text this user sent (pass the update or message dict the send returned)."""
        original = sent.get("message", sent)
        key = (original["chat"]["id"], original["message_id"])
        with self.state.lock:
            message = self.state.messages[key]
            message["text"] = new_text
            message["edit_date"] = int(time.time())
            edited = copy.deepcopy(message)
        return self.state.enqueue_update({"edited_message": edited}, self.bot.token)

    def block_bot(self) -> dict[str, Any]:
        """Block the bot: sends to this chat now fail with 403 and a my_chat_member arrives."""
        with self.state.lock:
            self.state.blocked_chats.add(self.id)
        return self._member_update("member", "kicked")

    def unblock_bot(self) -> dict[str, Any]:
        """Unblock the bot (restart it) and queue the matching my_chat_member update."""
        with self.state.lock:
            self.state.blocked_chats.discard(self.id)
        return self._member_update("kicked", "member")

    def _member_update(self, old: str, new: str) -> dict[str, Any]:
        def member(status: str) -> dict[str, Any]:
            result: dict[str, Any] = {"user": self.bot.as_user(), "status": status}
            if status == "kicked":
                result["until_date"] = 0
            return result

        update = {
            "chat": self.private_chat(),
            "from": self.as_dict(),
            "date": int(time.time()),
            "old_chat_member": member(old),
            "new_chat_member": member(new),
        }
        return self.state.enqueue_update({"my_chat_member": update}, self.bot.token)


def sample_jpeg(width: int = 640, height: int = 480, color: str = "red") -> bytes:
    """Return a small real JPEG image, for tests that need photo bytes."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format="JPEG")
    return buffer.getvalue()
