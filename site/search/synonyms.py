"""Editor-defined synonyms applied at query time.

Each `Synonym` row makes a group (its term and its equivalents); groups sharing a word are
merged, so 讨薪 = 欠薪 and 欠薪 = 拖欠工资 make one group. A query is read left to right:
where a group's word occurs in it (longest first), that stretch of the query becomes "any
word of the group"; the rest is segmented as before (search/query.py). Words are matched
on the query text, not on jieba's cut, because jieba splits unknown words such as 讨薪.

The groups are read once and kept in the default cache until a synonym is saved or deleted.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

CACHE_KEY = "search:synonym-groups"
CACHE_SECONDS = 24 * 3600


def _read_groups() -> dict[str, tuple[str, ...]]:
    from .models import Synonym

    groups: list[set[str]] = []
    for synonym in Synonym.objects.all():
        words = {synonym.term.strip().lower(), *synonym.equivalent_terms()}
        overlapping = [g for g in groups if g & words]
        for group in overlapping:
            words |= group
            groups.remove(group)
        groups.append(words)
    return {word: tuple(sorted(group)) for group in groups for word in group}


def synonym_groups() -> dict[str, tuple[str, ...]]:
    """{word: every word of its group, itself included}."""
    groups = cache.get(CACHE_KEY)
    if groups is None:
        groups = _read_groups()
        cache.set(CACHE_KEY, groups, CACHE_SECONDS)
    return groups


def forget_synonyms() -> None:
    cache.delete(CACHE_KEY)


@receiver(post_save, sender="sitesearch.Synonym")
@receiver(post_delete, sender="sitesearch.Synonym")
def _synonyms_changed(**kwargs):
    forget_synonyms()


def split_by_synonyms(text: str) -> tuple[list[tuple[str, ...]], str]:
    """(groups found in `text`, in order; `text` with their words blanked out)."""
    groups = synonym_groups()
    if not groups:
        return [], text
    lowered = text.lower()
    found, position, rest = [], 0, []
    longest = max(len(word) for word in groups)
    while position < len(lowered):
        for size in range(min(longest, len(lowered) - position), 0, -1):
            piece = lowered[position : position + size]
            if piece in groups:
                if groups[piece] not in found:
                    found.append(groups[piece])
                rest.append(" ")
                position += size
                break
        else:
            rest.append(text[position])
            position += 1
    return found, "".join(rest)


def expanded_words(text: str) -> list[str]:
    """Every synonym of the groups found in `text` (for highlighting)."""
    groups, _ = split_by_synonyms(text)
    return [word for group in groups for word in group]
