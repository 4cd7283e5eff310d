"""The words the site's titles use, indexed for "did you mean" (search/suggestions.py).

Read from the titles of every registered type (plus the synonyms), kept in the default
cache for an hour and forgotten when a page is published or unpublished or a synonym
changes. Each process builds its lookup tables (pinyin, one-character deletions) once per
cached vocabulary; after that a lookup is a few dictionary probes.
"""

import itertools
import threading
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from pypinyin import Style, lazy_pinyin, pinyin
from wagtail.signals import page_published, page_unpublished

from .registry import searchable_types
from .segmentation import index_words
from .synonyms import synonym_groups

CACHE_KEY = "search:vocabulary"
CACHE_SECONDS = 3600
MAX_TITLES_PER_TYPE = 20_000
MAX_PINYIN_READINGS = 32


def _read_counts() -> dict[str, int]:
    """{word: number of titles using it}, words of two characters or more."""
    counts = Counter()
    for entry in searchable_types():
        queryset = entry.get_queryset().order_by()
        name = entry.title_field_name
        titles = (
            queryset.values_list(name, flat=True)[:MAX_TITLES_PER_TYPE]
            if name
            else (str(obj) for obj in queryset[:MAX_TITLES_PER_TYPE])
        )
        for title in titles:
            counts.update(w for w in set(index_words(title)) if len(w) >= 2 and not w.isdigit())
    for word in synonym_groups():
        counts[word] += 1
    return dict(counts)


def deletions(word: str) -> set[str]:
    """`word` without one of its characters, each way."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def readings(word: str) -> list[str]:
    """Every pinyin reading of `word` (toneless), counting each character's alternatives."""
    options = pinyin(word, style=Style.NORMAL, heteronym=True, errors="default")
    combos = itertools.islice(itertools.product(*options), MAX_PINYIN_READINGS)
    return [" ".join(combo) for combo in combos]


@dataclass
class Vocabulary:
    counts: dict[str, int]
    by_pinyin: dict[str, list[str]] = field(default_factory=dict)
    by_deletion: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self):
        for word in self.counts:
            self.by_pinyin.setdefault(" ".join(lazy_pinyin(word)), []).append(word)
            for key in deletions(word) | {word}:
                self.by_deletion.setdefault(key, []).append(word)

    def __contains__(self, word: str) -> bool:
        return word in self.counts

    def homophones(self, word: str) -> set[str]:
        return {w for r in readings(word) for w in self.by_pinyin.get(r, ())} - {word}

    def one_edit_away(self, word: str) -> set[str]:
        """Words one substitution, insertion or deletion away from `word`."""
        found = set()
        for key in deletions(word) | {word}:
            found.update(self.by_deletion.get(key, ()))
        return {w for w in found if w != word and edit_distance(w, word) == 1}


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]


_built: dict = {}
_lock = threading.Lock()


def vocabulary() -> Vocabulary:
    stored = cache.get(CACHE_KEY)
    if stored is None:
        stored = (uuid.uuid4().hex, _read_counts())
        cache.set(CACHE_KEY, stored, CACHE_SECONDS)
    stamp, counts = stored
    with _lock:
        if _built.get("stamp") != stamp:
            _built.update(stamp=stamp, vocabulary=Vocabulary(counts))
        return _built["vocabulary"]


def forget_vocabulary(**kwargs) -> None:
    cache.delete(CACHE_KEY)


page_published.connect(forget_vocabulary, dispatch_uid="search-vocabulary-published")
page_unpublished.connect(forget_vocabulary, dispatch_uid="search-vocabulary-unpublished")
receiver(post_save, sender="sitesearch.Synonym")(forget_vocabulary)
receiver(post_delete, sender="sitesearch.Synonym")(forget_vocabulary)
