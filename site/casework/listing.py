"""The case queues: tabs, filters, search, sorting and counts, as database queries.

Every queryset starts from `permissions.visible_cases(user)`, so a queue never lists a
case outside the user's reach. The counts of every tab and the number of results of the
current view come from one aggregate query, so the queue page costs the same number of
queries for 50 cases or 100,000.
"""

import datetime
import re
from functools import reduce
from operator import or_

from django.core.exceptions import EmptyResultSet
from django.db import connection, models
from django.db.models import Q, Value, When
from django.utils.translation import gettext_lazy as _

from cases import deadlines, references
from cases.models import Case
from casework import permissions, workflow
from directory.permissions import is_center_admin
from personal_data import keys

MINE, AGENCY, UNASSIGNED, DUE_SOON, OVERDUE = "mine", "agency", "unassigned", "due_soon", "overdue"
TABS = (MINE, AGENCY, UNASSIGNED, DUE_SOON, OVERDUE)
DEFAULT_TAB = AGENCY
TAB_LABELS = {
    MINE: _("My cases"),
    AGENCY: _("My agency's cases"),
    UNASSIGNED: _("Unassigned"),
    DUE_SOON: _("Due soon"),
    OVERDUE: _("Overdue"),
}
ALL_CASES_LABEL = _("All cases")  # the AGENCY tab for center admins

# Each sort is one or more parts listed one after the other, each an ORDER BY an index
# serves. "Nearest deadline first" lists the cases with a running clock by deadline, then
# those without one: a single `next_due ASC NULLS LAST` cannot be read from an index on
# SQLite, so it sorted every visible case (100,000 for a center admin) for each page.
HAS_DEADLINE = Q(next_due__isnull=False)
SORTS = {
    "deadline": (
        (HAS_DEADLINE, ("next_due", "-submitted_at", "-pk")),
        (Q(next_due__isnull=True), ("-submitted_at", "-pk")),
    ),
    "newest": ((Q(), ("-submitted_at", "-pk")),),
    "oldest": ((Q(), ("submitted_at", "pk")),),
}
DEFAULT_SORT = "deadline"
OPEN_STATUS = "open"  # the status filter's "every open status" choice


def tab_label(tab: str, user) -> str:
    if tab == AGENCY and is_center_admin(user):
        return ALL_CASES_LABEL
    return TAB_LABELS[tab]


def _due_window(today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(days=deadlines.due_soon_days())


def tab_conditions(user, today: datetime.date | None = None) -> dict[str, Q]:
    """One Q per tab, to apply on top of the user's visible cases."""
    today = today or deadlines.today()
    open_cases = Q(status__in=workflow.OPEN)
    return {
        MINE: open_cases & Q(assigned_to_id=user.pk),
        AGENCY: Q(),
        UNASSIGNED: open_cases & Q(assigned_to__isnull=True),
        DUE_SOON: Q(next_due__gte=today, next_due__lte=_due_window(today)),
        OVERDUE: Q(next_due__lt=today),
    }


def search_condition(text: str) -> Q:
    """Reference (any spelling), party name, or the applicant's mobile number: all 11 digits
    through its keyed digest, fewer through the last four digits the mask shows (the
    number itself is encrypted, ADR 0038)."""
    text = (text or "").strip()[:100]
    if not text:
        return Q()
    condition = Q(applicant_name__icontains=text) | Q(respondent_name__icontains=text)
    reference = references.normalize(text)
    if reference:
        condition |= Q(reference=reference)
    elif text.upper().startswith("SZ-") and len(text) >= 4:
        condition |= Q(reference__startswith=text.upper())
    digits = re.sub(r"\D", "", text)
    if len(digits) >= 4 and len(digits) == len(re.sub(r"[\s\-+]", "", text)):
        if len(digits) >= 11:
            condition |= Q(applicant_phone_digest=keys.digest("phone", digits))
        else:
            condition |= Q(applicant_phone_masked__endswith=digits[-4:])
    return condition


def filter_condition(cleaned: dict) -> Q:
    """The filters a person set (already validated; invalid ones are simply absent)."""
    condition = Q()
    status = cleaned.get("status")
    if status == OPEN_STATUS:
        condition &= Q(status__in=workflow.OPEN)
    elif status:
        condition &= Q(status=status)
    for field, column in (
        ("type", "application_type"),
        ("source", "source"),
        ("region", "region"),
        ("stage", "dispute_stage"),
    ):
        if cleaned.get(field):
            condition &= Q(**{column: cleaned[field]})
    assignee = cleaned.get("assignee")
    if assignee:
        kind, pk = assignee[0], int(assignee[1:])
        condition &= Q(mediator_id=pk) if kind == "m" else Q(organization_id=pk)
    if cleaned.get("submitted_from"):
        condition &= Q(submitted_at__date__gte=cleaned["submitted_from"])
    if cleaned.get("submitted_to"):
        condition &= Q(submitted_at__date__lte=cleaned["submitted_to"])
    if cleaned.get("q"):
        condition &= search_condition(cleaned["q"])
    return condition


def counts(user, extra: dict[str, Q] | None = None) -> dict[str, int]:
    """Each tab's count, plus one per `extra` condition (e.g. the listed view), in one query.

    One scalar subquery per count (`SELECT (SELECT COUNT(*) ...), (...)`), so the database
    answers each from its best index instead of reading every row for one aggregate.
    """
    visible = permissions.visible_cases(user).order_by()
    conditions = {**tab_conditions(user), **(extra or {})}
    parts, params = [], []
    for key, condition in conditions.items():
        try:
            sql, values = visible.filter(condition).values("pk").query.sql_with_params()
        except EmptyResultSet:  # e.g. a user with no agency: nothing to count
            parts.append("0")
            continue
        # `sql` is compiled by Django with its values kept apart in `values`; `key` is ours.
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) counted_{key})")  # noqa: S608
        params.extend(values)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    return dict(zip(conditions, row, strict=True))


class OrderedCases:
    """The listed cases, sliced by the paginator in one query.

    The page's ids are picked first from each part of the sort (sorting only narrow rows,
    each part in the order of an index), then the page's rows are read with their agency,
    handler, mediator and organization: joining before sorting would sort 100,000 wide
    rows for one page. `sizes` holds the number of cases in every part but the last (they
    come with the tab counts), so a page that straddles two parts is still one query.
    """

    RELATED = ("agency", "assigned_to", "mediator", "organization")

    def __init__(self, queryset, parts, sizes=()):
        if len(sizes) != len(parts) - 1:
            raise ValueError("every part but the last needs its size")
        self.parts = [
            (queryset.filter(condition).order_by(*ordering), ordering)
            for condition, ordering in parts
        ]
        self.sizes = list(sizes)
        self.ordered = True

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step is not None:
            raise TypeError("OrderedCases only supports slices")
        start, stop = index.start or 0, index.stop
        picks, offset = [], 0
        for number, (queryset, _ordering) in enumerate(self.parts):
            size = self.sizes[number] if number < len(self.sizes) else None
            end = None if size is None else offset + size
            if (end is None or start < end) and (stop is None or stop > offset):
                local_stop = None if stop is None else stop - offset
                if size is not None and (local_stop is None or local_stop > size):
                    local_stop = size
                picks.append((number, queryset.values("pk")[max(start - offset, 0) : local_stop]))
            if end is None:
                break
            offset = end
        if not picks:
            return []
        part = models.Case(
            *[When(pk__in=ids, then=Value(number)) for number, ids in picks],
            output_field=models.IntegerField(),
        )
        rows = (
            Case.objects.filter(reduce(or_, [Q(pk__in=ids) for _number, ids in picks]))
            .select_related(*self.RELATED)
            .annotate(listing_part=part)
        )
        listed = []
        for number, (_queryset, ordering) in enumerate(self.parts):
            listed += _in_order([row for row in rows if row.listing_part == number], ordering)
        return listed

    def count(self):
        return sum(queryset.count() for queryset, _ordering in self.parts)


def _in_order(rows: list, ordering) -> list:
    """`rows` sorted by `ordering` (field names, "-" for descending), as the database did."""
    for field in reversed(ordering):
        name = field.lstrip("-")
        rows.sort(key=lambda row, name=name: getattr(row, name), reverse=field.startswith("-"))
    return rows


def cases(user, condition: Q, sort: str, sizes=()) -> OrderedCases:
    """The listing of `condition` in `sort` order; `sizes`: see `part_counts`."""
    visible = permissions.visible_cases(user).filter(condition)
    return OrderedCases(visible, sort_parts(sort), sizes)


def sort_parts(sort: str):
    return SORTS.get(sort, SORTS[DEFAULT_SORT])


def part_counts(condition: Q, sort: str) -> dict[str, Q]:
    """The extra counts `cases()` needs (every part of the sort but the last), to be asked
    for with the tab counts: {"part0": ..., ...}."""
    parts = sort_parts(sort)[:-1]
    return {f"part{number}": condition & part for number, (part, _o) in enumerate(parts)}


def part_sizes(counts: dict, sort: str) -> list[int]:
    """The sizes `cases()` needs, from counts asked for with `part_counts`."""
    return [counts[f"part{number}"] for number in range(len(sort_parts(sort)) - 1)]


def deadline_state(case, today: datetime.date | None = None) -> str:
    """'overdue', 'due_soon', 'running' or '' (no clock running) for a queue row."""
    if case.next_due is None:
        return ""
    today = today or deadlines.today()
    if case.next_due < today:
        return "overdue"
    if case.next_due <= _due_window(today):
        return "due_soon"
    return "running"
