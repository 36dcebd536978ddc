"""Read Bot API call parameters from query strings, forms, multipart bodies and JSON."""

import json
from dataclasses import dataclass
from typing import Any

from tornado.httputil import HTTPServerRequest

from devtools.localapi.errors import bad_request

# Parameters that are plain strings on the wire: PTB sends them as they are, every other
# non-string value JSON-encoded, so "123" as a text must not become the number 123.
STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "title",
        "address",
        "phone_number",
        "first_name",
        "last_name",
        "vcard",
        "photo",
        "document",
        "file_id",
        "callback_query_id",
        "url",
        "secret_token",
        "language_code",
        "action",
        "inline_message_id",
        "ip_address",
        "foursquare_id",
        "foursquare_type",
        "google_place_id",
        "google_place_type",
        "business_connection_id",
        "message_effect_id",
        "description",
        "short_description",
        "name",
    }
)


@dataclass(frozen=True)
class Upload:
    """Hold one file uploaded in a multipart request."""

    data: bytes
    filename: str | None
    content_type: str | None


class Params:
    """Give typed access to one call's parameters, whichever way they were encoded."""

    def __init__(self, values: dict[str, Any], uploads: dict[str, Upload]) -> None:
        self._values = values
        self.uploads = uploads

    @classmethod
    def from_request(cls, request: HTTPServerRequest) -> "Params":
        """Collect parameters from the query string, the body and uploaded files."""
        values: dict[str, Any] = {}
        for source in (request.query_arguments, request.body_arguments):
            for name, raw in source.items():
                values[name] = raw[-1].decode("utf-8", "replace")
        content_type = request.headers.get("Content-Type", "")
        if content_type.startswith("application/json") and request.body:
            try:
                body = json.loads(request.body)
            except ValueError:
                raise bad_request("can't parse JSON object") from None
            if not isinstance(body, dict):
                raise bad_request("can't parse JSON object")
            values.update(body)
        uploads = {
            name: Upload(files[-1].body, files[-1].filename or None, files[-1].content_type)
            for name, files in request.files.items()
            if files
        }
        return cls(values, uploads)

    def has(self, name: str) -> bool:
        """Tell whether the parameter was sent (as a value or as a file)."""
        return self._values.get(name) is not None or name in self.uploads

    def text(self, name: str) -> str | None:
        """Return a string parameter, or None when absent."""
        value = self._values.get(name)
        if value is None:
            return None
        return value if isinstance(value, str) else json.dumps(value)

    def obj(self, name: str) -> Any:
        """Return a JSON-valued parameter (reply_markup, media, ...) decoded, or None."""
        value = self._values.get(name)
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                raise bad_request(f"can't parse {name} JSON object") from None
        return value

    def integer(self, name: str) -> int | None:
        """Return an integer parameter, or None when absent."""
        value = self.obj_or_text(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise bad_request(f"wrong parameter {name} in request")
        return int(value)

    def number(self, name: str) -> float | None:
        """Return a float parameter, or None when absent."""
        value = self.obj_or_text(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise bad_request(f"wrong parameter {name} in request")
        return float(value)

    def flag(self, name: str) -> bool:
        """Return a boolean parameter, False when absent."""
        value = self.obj_or_text(name)
        if isinstance(value, str):
            return value.lower() in {"true", "1"}
        return bool(value)

    def chat_id(self) -> int | None:
        """Return chat_id as an integer; @usernames are not supported by this server."""
        value = self.obj_or_text("chat_id")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad_request("chat not found")
        return value

    def obj_or_text(self, name: str) -> Any:
        """Return a parameter JSON-decoded when possible, else as the raw string."""
        value = self._values.get(name)
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                return value
        return value

    def decoded(self) -> dict[str, Any]:
        """Return every parameter with non-string values JSON-decoded, for the records."""
        result = {
            name: self.text(name) if name in STRING_PARAMS else self.obj_or_text(name)
            for name in self._values
        }
        for name, upload in self.uploads.items():
            result.setdefault(name, f"<upload {upload.filename or name}, {len(upload.data)} B>")
        return result
