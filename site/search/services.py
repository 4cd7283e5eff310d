"""Site search across every registered type: ranking, type counts, highlight words.

The work per request is bounded whatever the size of the site: the ranking returns at most
PER_TYPE_LIMIT keys per type with their titles (search/ranking.py), and full objects are
loaded only for the page of results shown (`load_objects`).
"""

from dataclasses import dataclass

from .ranking import ranked_matches
from .registry import SearchableType, searchable_querysets, searchable_types
from .segmentation import clean_query, query_words, word_parts
from .synonyms import split_by_synonyms

# The best matches taken from each type; enough for any visitor's paging.
PER_TYPE_LIMIT = 200


@dataclass
class Hit:
    pk: object
    type: SearchableType
    rank: int  # position in its own type's relevance order
    title: str
    title_match: bool
    obj: object = None  # loaded by load_objects() for the hits shown


@dataclass
class SearchOutcome:
    query: str
    words: list[str]  # what to highlight
    hits: list[Hit]
    counts: dict[str, int]  # per type key, before the type filter (at most `limit`)
    limit: int = PER_TYPE_LIMIT

    def is_capped(self, key: str) -> bool:
        """True when type `key` may have more matches than the `limit` taken."""
        return self.counts.get(key, 0) >= self.limit

    @property
    def capped(self) -> bool:
        return any(self.is_capped(key) for key in self.counts)


def required_words(query: str) -> list[tuple[str, ...]]:
    """What a match must contain: for each query word, the word or any of its synonyms."""
    groups, rest = split_by_synonyms(clean_query(query))
    return groups + [(word,) for word in query_words(rest)]


def highlight_words(query: str) -> list[str]:
    words = [word for group in required_words(query) for word in group]
    extra = [part for word in words for part in word_parts(word)]
    return words + [w for w in extra if w not in words]


def site_search(query: str, type_key: str | None = None) -> SearchOutcome:
    """Hits for `query`, title matches first, then by relevance within each type.

    Types are ranked separately (each keeps its own filters, e.g. live public pages) and
    merged by rank, so no type crowds out the others.
    """
    words = required_words(query)
    if not words:
        return SearchOutcome(query=query, words=[], hits=[], counts={})

    limit = PER_TYPE_LIMIT
    entries = {entry.key: entry for entry in searchable_types()}
    ranked = ranked_matches(
        query,
        searchable_querysets(entries.values()),
        limit,
        {key: entry.title_field_name for key, entry in entries.items()},
    )
    counts = {key: len(ranked.get(key, [])) for key in entries}
    hits = []
    for key, entry in entries.items():
        if type_key and key != type_key:
            continue
        for rank, (pk, title) in enumerate(ranked.get(key, [])):
            lowered = title.lower()
            title_match = all(any(word in lowered for word in group) for group in words)
            hits.append(Hit(pk=pk, type=entry, rank=rank, title=title, title_match=title_match))

    hits.sort(key=lambda hit: (not hit.title_match, hit.rank))
    return SearchOutcome(
        query=query, words=highlight_words(query), hits=hits, counts=counts, limit=limit
    )


def load_objects(hits: list[Hit]) -> list[Hit]:
    """Attach each hit's object, one query per type; hits whose object is gone are dropped."""
    by_type: dict[str, list[Hit]] = {}
    for hit in hits:
        by_type.setdefault(hit.type.key, []).append(hit)
    for type_hits in by_type.values():
        entry = type_hits[0].type
        objects = entry.model._default_manager.in_bulk([hit.pk for hit in type_hits])
        for hit in type_hits:
            hit.obj = objects.get(hit.pk)
    return [hit for hit in hits if hit.obj is not None]
