"""Text as people typed it, without the invisible characters that change how it renders.

Bidi overrides and isolates (U+202A-202E, U+2066-2069, marks U+200E/200F/061C) can make a
name display reversed in the queue and in printed documents; other control characters
(NUL, escape sequences, U+FEFF) have no place in a name or a statement of facts. They are
removed where text enters: every form (the API validates with the same forms) and the
register import. Line breaks and tabs stay (statements of facts are multi-line).
"""

import unicodedata

from django.http import QueryDict

INVISIBLE = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\ufeff"
)
KEPT_CONTROLS = frozenset("\n\t")


def plain_text(value: str) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        char
        for char in value
        if char not in INVISIBLE and (char in KEPT_CONTROLS or unicodedata.category(char) != "Cc")
    )


def _clean(value):
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


def plain_data(data):
    """A copy of submitted form data (a QueryDict or a dict) with every text cleaned."""
    if isinstance(data, QueryDict):
        copy = data.copy()
        for key in copy:
            copy.setlist(key, [_clean(value) for value in copy.getlist(key)])
        return copy
    if isinstance(data, dict):
        return {key: _clean(value) for key, value in data.items()}
    return data


class PlainTextMixin:
    """For forms: clean the submitted text before any field sees it."""

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(plain_data(data) if data is not None else None, *args, **kwargs)
