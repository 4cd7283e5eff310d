""" "Did you mean": for a query that found little, the closest words the site's titles use.

Chinese typos are mostly homophones (调介 for 调解, 公会 for 工会), so a word the site does
not know is first replaced by a known word with the same pinyin; failing that, by a known
word one character away (仲栽 -> 仲裁), the one that sounds closest first, then the most
used. A suggestion is only offered when it finds results itself.
"""

from pypinyin import lazy_pinyin

from .segmentation import clean_query
from .services import site_search
from .vocabulary import Vocabulary, edit_distance, vocabulary

MAX_TOKENS = 4
MAX_TOKEN_LENGTH = 8


def closest(word: str, known: Vocabulary) -> str | None:
    """The known word most likely meant by `word`, or None."""
    if len(word) < 2 or len(word) > MAX_TOKEN_LENGTH or word in known:
        return None
    sound = " ".join(lazy_pinyin(word))
    homophones = known.homophones(word)
    if homophones:
        return max(sorted(homophones), key=lambda w: known.counts[w])
    near = known.one_edit_away(word)
    if not near:
        return None
    return min(
        sorted(near),
        key=lambda w: (edit_distance(" ".join(lazy_pinyin(w)), sound), -known.counts[w]),
    )


def suggest(query: str) -> str | None:
    """A corrected query that finds results, or None."""
    tokens = clean_query(query).lower().split()
    if not tokens or len(tokens) > MAX_TOKENS:
        return None
    known = vocabulary()
    corrected = [closest(token, known) or token for token in tokens]
    if corrected == tokens:
        return None
    suggestion = " ".join(corrected)
    return suggestion if site_search(suggestion).hits else None
