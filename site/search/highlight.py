"""Search result snippets: the passage with the most query words, whole words marked.

The text is cut into sentences (repeats dropped, e.g. a summary that is also the body's
first sentence); the sentence holding the most distinct query words wins, the earliest on
a tie, and is followed by the next sentences up to the snippet's length. Marking works on
jieba's words: a word is marked whole when it is, or contains, a query word (调解 marks
调解委员会), and a query word never marks a piece of a longer word it is not part of.
Everything is escaped; only our <mark> tags are markup.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .segmentation import index_words, tokenizer

SNIPPET_LENGTH = 120
SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n")


def _marks(token: str, wanted: set[str]) -> bool:
    word = token.strip().lower()
    if not word:
        return False
    return word in wanted or any(part in wanted for part in index_words(word))


def highlight(text: str, words: list[str]) -> SafeString:
    """`text` escaped, with every whole word that is or contains one of `words` in <mark>."""
    wanted = {w.lower() for w in words if w}
    if not wanted or not text:
        return mark_safe(escape(text or ""))  # noqa: S308 - escaped
    pieces, marked = [], []
    for token in tokenizer().cut(text, HMM=False):
        if _marks(token, wanted):
            marked.append(token)
            continue
        if marked:
            pieces.append("<mark>" + escape("".join(marked)) + "</mark>")
            marked = []
        pieces.append(escape(token))
    if marked:
        pieces.append("<mark>" + escape("".join(marked)) + "</mark>")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


def sentences(text: str) -> list[str]:
    """The sentences of `text`, whitespace collapsed, each only once."""
    found = []
    for piece in SENTENCE_END.split(text or ""):
        piece = " ".join(piece.split())
        if piece and piece not in found:
            found.append(piece)
    return found


def _score(sentence: str, words: list[str]) -> int:
    lowered = sentence.lower()
    return sum(1 for word in words if word in lowered)


def snippet(text: str, words: list[str], length: int = SNIPPET_LENGTH) -> SafeString:
    """About `length` characters of `text`: the best passage for `words`, matches marked."""
    parts = sentences(text)
    if not parts:
        return mark_safe("")
    lowered = list(dict.fromkeys(w.lower() for w in words if w))
    best = max(range(len(parts)), key=lambda i: (_score(parts[i], lowered), -i))
    excerpt = parts[best]
    following = best + 1
    while following < len(parts) and len(excerpt) < length:
        excerpt += parts[following]
        following += 1
    prefix = "…" if best > 0 else ""
    if len(excerpt) > length:
        positions = [excerpt.lower().find(w) for w in lowered]
        first = min((p for p in positions if p >= 0), default=0)
        start = max(0, first - length // 4)
        prefix = "…" if start > 0 or best > 0 else ""
        more = start + length < len(excerpt) or following < len(parts)
        excerpt = excerpt[start : start + length]
    else:
        more = following < len(parts)
    suffix = "…" if more else ""
    return mark_safe(prefix + highlight(excerpt, words) + suffix)  # noqa: S308
