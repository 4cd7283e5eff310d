"""Turn a visitor's query into a Wagtail search query over segmented words."""

import copy

from modelsearch.query import And, Or, Phrase, PlainText, SearchQuery

from .segmentation import index_text, query_words, word_parts


def build_query(text: str) -> SearchQuery | None:
    """A query requiring every word of `text`; None when `text` holds no word at all.

    A long word matches either itself or the run of shorter words that spells it.
    """
    clauses = []
    for word in query_words(text):
        parts = word_parts(word)
        if parts:
            clauses.append(Or([PlainText(word), PlainText(" ".join(parts), operator="and")]))
        else:
            clauses.append(PlainText(word))
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
