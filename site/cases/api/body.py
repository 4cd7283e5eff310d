"""Reading an API request's JSON body safely, for every endpoint of /api/v1/.

Refused with a `BodyRefused` (status, Chinese message, field errors), before anything is
stored: a body over the size limit (413), another content type than JSON (415), an empty
body, bytes that are not UTF-8 JSON, nesting deeper than MAX_DEPTH (checked by scanning,
never by recursion), numbers Python cannot hold or NaN/Infinity, a body that is not an
object, and text with NUL or other control characters (400).
"""

import json
import re

from django.utils.translation import gettext as _

MAX_DEPTH = 32
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class BodyRefused(Exception):
    def __init__(self, status: int, detail: str, errors=()):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = list(errors)

    def body(self) -> dict:
        return {"detail": self.detail, "errors": self.errors}


def _depth(text: str) -> int:
    """The deepest nesting of objects and arrays in JSON text, strings skipped."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                return deepest
        elif char in "]}":
            depth -= 1
    return deepest


def _refuse_constant(name):
    raise ValueError(f"{name} is not a number JSON allows")


def _control_characters(value, path="") -> str | None:
    """The path of the first text with a control character, or None."""
    stack = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str):
            if CONTROL.search(item):
                return where or "body"
        elif isinstance(item, dict):
            for key, inner in item.items():
                if CONTROL.search(key):
                    return where or "body"
                stack.append((f"{where}.{key}" if where else key, inner))
        elif isinstance(item, list):
            stack.extend((f"{where}[{index}]", inner) for index, inner in enumerate(item))
    return None


def read_object(request, limit: int) -> dict:
    """The request's JSON object, or BodyRefused."""
    length = request.META.get("CONTENT_LENGTH") or "0"
    if (length.isdigit() and int(length) > limit) or len(request.body) > limit:
        raise BodyRefused(413, _("The request is too large."))
    if not request.body.strip():
        raise BodyRefused(400, _("The request body is empty; send a JSON object."))
    if (request.content_type or "") != "application/json":
        raise BodyRefused(415, _("Send the request body as JSON (Content-Type: application/json)."))
    try:
        text = request.body.decode("utf-8")
    except UnicodeDecodeError:
        raise BodyRefused(400, _("The request body is not valid JSON.")) from None
    if _depth(text) > MAX_DEPTH:
        raise BodyRefused(400, _("The request body is nested too deeply."))
    try:
        payload = json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):  # also integers too long to convert
        raise BodyRefused(400, _("The request body is not valid JSON.")) from None
    if not isinstance(payload, dict):
        raise BodyRefused(400, _("The request body must be a JSON object."))
    where = _control_characters(payload)
    if where is not None:
        raise BodyRefused(
            400,
            _("Some fields are not valid."),
            [{"field": where, "message": _("Text must not contain control characters.")}],
        )
    return payload
