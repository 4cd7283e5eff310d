"""Search result snippets with the matched words marked."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SNIPPET_LENGTH = 120


def _spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans of `words` in `text`, case-insensitive."""
    if not words:
        return []
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.I)
    return [match.span() for match in pattern.finditer(text)]


def highlight(text: str, words: list[str]) -> SafeString:
    """`text` escaped, with every occurrence of `words` wrapped in <mark>."""
    pieces, position = [], 0
    for start, end in _spans(text, words):
        pieces.append(escape(text[position:start]))
        pieces.append("<mark>" + escape(text[start:end]) + "</mark>")
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


def snippet(text: str, words: list[str], length: int = SNIPPET_LENGTH) -> SafeString:
    """About `length` characters of `text` around the first match, matches marked."""
    text = " ".join((text or "").split())
    spans = _spans(text, words)
    start = max(0, spans[0][0] - length // 4) if spans else 0
    end = min(len(text), start + length)
    excerpt = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + highlight(excerpt, words) + suffix)  # noqa: S308
