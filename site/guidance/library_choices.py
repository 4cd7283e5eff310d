"""The policy library's filter choices (issuers and years in use), cached per content version.

Finding the issuers and years in use reads every policy (about 140 ms of SQLite CPU at
10,000 policies), yet they change only when policies do. They are cached with the
*content version* they were read at: the newest ids of Wagtail's page and model logs.
Wagtail writes a page log entry for every publish (scheduled ones too), unpublish, move,
deletion, copy and view restriction change, and a model log entry for the models edited in
its admin (agencies). The version is read inside queries the listing runs anyway (the
choices query, and the count of the filtered list), so a cached request costs no extra
query, and every worker process sees the same version: a per-process cache (LocMemCache)
stays correct with several processes, as no invalidation message has to reach them.
Changes that bypass Wagtail's log (bulk SQL imports) show after CHOICES_TIMEOUT.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max, Subquery
from django.db.models.functions import ExtractYear
from wagtail.models import ModelLogEntry, PageLogEntry

from directory.models import Agency

# How long a change that bypasses Wagtail's log (a bulk import in SQL) may stay unseen.
CHOICES_TIMEOUT = 600


@dataclass
class Choices:
    issuers: list  # unsaved Agency objects (code, name, kind), in display order
    years: list[int]  # newest first
    version: tuple  # the content version they were read at
    fresh: bool = False  # read from the database in this request


def _version_columns() -> dict:
    """The content version as three uncorrelated subqueries (index lookups)."""
    latest_page_entry = PageLogEntry.objects.order_by("-pk")
    return {
        "_page_log": Subquery(latest_page_entry.values("pk")[:1]),
        "_page_log_time": Subquery(latest_page_entry.values("timestamp")[:1]),
        "_model_log": Subquery(ModelLogEntry.objects.order_by("-pk").values("pk")[:1]),
    }


class Year(ExtractYear):
    """The year of a date. On SQLite, where dates are stored as ISO text, the first four
    characters: Django's EXTRACT there is a Python function called once per row (half
    the cost of reading the choices of 10,000 policies)."""

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        return f"CAST(substr({sql}, 1, 4) AS integer)", params


def _cache_key(index_page) -> str:
    return f"guidance:policy-choices:{index_page.pk}"


def read_choices(index_page, policies) -> Choices:
    """The issuers and years in use, from one query over (year, issuer) pairs; cached."""
    columns = _version_columns()
    rows = (
        policies.annotate(_year=Year("date_published"), **columns)
        .values_list("_year", "issuers__code", "issuers__name", "issuers__kind", *columns)
        .order_by()
        .distinct()
    )
    years, issuers, version = set(), {}, None
    for year, code, name, kind, *row_version in rows:
        years.add(year)
        version = tuple(row_version)
        if code:
            issuers[code] = (kind, name)
    if version is None:  # no policies: the count's version will differ, which is cheap
        version = ("no policies",)
    ordered = sorted(issuers.items(), key=lambda item: (item[1][0], item[0]))
    choices = Choices(
        issuers=[Agency(code=code, name=name, kind=kind) for code, (kind, name) in ordered],
        years=sorted(years, reverse=True),
        version=version,
        fresh=True,
    )
    stored = ([(a.code, a.name, a.kind) for a in choices.issuers], choices.years, version)
    cache.set(_cache_key(index_page), stored, CHOICES_TIMEOUT)
    return choices


def cached_choices(index_page, policies) -> Choices:
    """The cached choices (checked later against `count_and_version`), else fresh ones."""
    stored = cache.get(_cache_key(index_page))
    if stored is None:
        return read_choices(index_page, policies)
    issuers, years, version = stored
    agencies = [Agency(code=code, name=name, kind=kind) for code, name, kind in issuers]
    return Choices(issuers=agencies, years=years, version=version)


def count_and_version(policies) -> tuple[int, tuple]:
    """(number of `policies`, the current content version) in one query."""
    columns = {name: Max(column) for name, column in _version_columns().items()}
    row = policies.order_by().aggregate(_total=Count("pk"), **columns)
    return row.pop("_total"), tuple(row[name] for name in columns)
