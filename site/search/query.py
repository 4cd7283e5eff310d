"""Turn a visitor's query into a Wagtail search query over segmented words."""

import copy

from modelsearch.query import And, Or, Phrase, PlainText, SearchQuery

from .segmentation import clean_query, index_text, query_words, word_parts
from .synonyms import split_by_synonyms


def _word_clause(word: str) -> SearchQuery:
    """A long word matches either itself or the run of shorter words that spells it."""
    parts = word_parts(word)
    if parts:
        return Or([PlainText(word), PlainText(" ".join(parts), operator="and")])
    return PlainText(word)


def _phrase_clause(text: str) -> SearchQuery | None:
    """Every word of `text` (a synonym may be cut into several words)."""
    words = query_words(text)
    if not words:
        return None
    if len(words) == 1:
        return _word_clause(words[0])
    return PlainText(" ".join(words), operator="and")


def build_query(text: str) -> SearchQuery | None:
    """A query requiring every word of `text`; None when `text` holds no word at all.

    A word with synonyms (search/synonyms.py) matches any word of its group.
    """
    groups, rest = split_by_synonyms(clean_query(text))
    clauses = []
    for group in groups:
        alternatives = [c for c in (_phrase_clause(word) for word in group) if c is not None]
        if alternatives:
            clauses.append(alternatives[0] if len(alternatives) == 1 else Or(alternatives))
    clauses.extend(_word_clause(word) for word in query_words(rest))
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else And(clauses)


def segment_query(query):
    """Rewrite a string or a Wagtail query object so that its text is segmented."""
    if isinstance(query, str):
        return build_query(query)
    if isinstance(query, PlainText):
        words = query_words(query.query_string)
        if not words:
            return None
        if query.operator == "or":
            return PlainText(" ".join(words), operator="or")
        return build_query(query.query_string)
    if isinstance(query, Phrase):
        phrase = index_text(query.query_string)
        return Phrase(phrase) if phrase else None
    if isinstance(query, (And, Or)):
        parts = [p for p in (segment_query(q) for q in query.subqueries) if p is not None]
        if not parts:
            return None
        return type(query)(parts)
    # MatchAll, Not, Boost and anything newer: segment what they wrap where they wrap one.
    subquery = getattr(query, "subquery", None)
    if subquery is not None:
        inner = segment_query(subquery)
        if inner is None:
            return None
        query = copy.copy(query)
        query.subquery = inner
    return query
