"""Which ranked candidates are in their querysets, for all types in one query.

Both database rankings (sqlite_search.py, postgres_search.py) rank the matching index
entries of each type first and test the types' querysets (live, public, is_public ...)
on the best candidates only, instead of on every match: for a word found in 10,000
pages that saves a primary-key probe per match.
"""

from django.db.models import TextField, Value
from django.db.models.functions import Cast

# Candidates ranked per type before their querysets are tested: `limit` times this.
CANDIDATE_FACTOR = 2


def members(querysets: dict, candidates: dict, title_fields: dict | None = None) -> dict:
    """{(key, pk): title} for the `candidates` ({key: [pk, ...]}) that are in
    `querysets[key]`, in one query; the title is the field `title_fields[key]` names,
    read with the test (None for the keys without one)."""
    title_fields = title_fields or {}
    parts = []
    keys = list(candidates)
    for number, key in enumerate(keys):
        if candidates[key]:
            field = title_fields.get(key)
            title = Cast(field, TextField()) if field else Value(None, output_field=TextField())
            parts.append(
                querysets[key]
                .order_by()
                .filter(pk__in=candidates[key])
                .values_list(Value(number), "pk", title)
            )
    if not parts:
        return {}
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return {(keys[number], pk): title for number, pk, title in union}
