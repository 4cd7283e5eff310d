"""Site search across every registered type: ranking, type counts, highlight words."""

from dataclasses import dataclass

from wagtail.search.backends import get_search_backend

from .query import build_query
from .registry import SearchableType, searchable_types
from .segmentation import query_words, word_parts

# The best matches taken from each type; enough for any visitor's paging.
PER_TYPE_LIMIT = 200


@dataclass
class Hit:
    obj: object
    type: SearchableType
    rank: int  # position in its own type's relevance order
    title_match: bool

    @property
    def title(self):
        return getattr(self.obj, "title", None) or str(self.obj)


@dataclass
class SearchOutcome:
    query: str
    words: list[str]  # what to highlight
    hits: list[Hit]
    counts: dict[str, int]  # per type key, before the type filter


def highlight_words(query: str) -> list[str]:
    words = query_words(query)
    extra = [part for word in words for part in word_parts(word)]
    return words + [w for w in extra if w not in words]


def site_search(query: str, type_key: str | None = None) -> SearchOutcome:
    """Hits for `query`, title matches first, then by relevance within each type.

    Types are searched separately (each keeps its own filters, e.g. live public pages)
    and merged by rank, so no type crowds out the others.
    """
    words = query_words(query)
    search_query = build_query(query)
    if search_query is None:
        return SearchOutcome(query=query, words=[], hits=[], counts={})

    backend = get_search_backend()
    hits, counts = [], {}
    for entry in searchable_types():
        # The backend rather than queryset.search(): any indexed model's queryset works.
        results = list(backend.search(search_query, entry.get_queryset())[:PER_TYPE_LIMIT])
        counts[entry.key] = len(results)
        if type_key and entry.key != type_key:
            continue
        for rank, obj in enumerate(results):
            title = (getattr(obj, "title", "") or str(obj)).lower()
            title_match = all(word in title for word in words)
            hits.append(Hit(obj=obj, type=entry, rank=rank, title_match=title_match))

    hits.sort(key=lambda hit: (not hit.title_match, hit.rank))
    return SearchOutcome(query=query, words=highlight_words(query), hits=hits, counts=counts)
