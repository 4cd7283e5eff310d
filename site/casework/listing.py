"""The case queues: tabs, filters, search, sorting and counts, as database queries.

Every queryset starts from `permissions.visible_cases(user)`, so a queue never lists a
case outside the user's reach. The counts of every tab and the number of results of the
current view come from one aggregate query, so the queue page costs the same number of
queries for 50 cases or 100,000.
"""

import datetime
import re

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from applications import references
from applications.models import Case
from casework import deadlines, permissions, workflow
from directory.permissions import is_center_admin

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

SORTS = {
    "deadline": (F("next_due").asc(nulls_last=True), "-submitted_at", "-pk"),
    "newest": ("-submitted_at", "-pk"),
    "oldest": ("submitted_at", "pk"),
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
    """Reference (any spelling), party name, or (part of) the applicant's mobile number."""
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
        condition |= Q(applicant_phone__contains=digits[-11:])
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


def counts(user, current: Q | None = None) -> dict[str, int]:
    """Each tab's count, plus `current` (the listed view), in one query.

    One scalar subquery per count (`SELECT (SELECT COUNT(*) ...), (...)`), so the database
    answers each from its best index instead of reading every row for one aggregate.
    """
    visible = permissions.visible_cases(user).order_by()
    conditions = dict(tab_conditions(user))
    if current is not None:
        conditions["current"] = current
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
    """The listed cases, sliced by the paginator in one query that first picks the page's
    ids (sorting only narrow rows) and then joins the page's agency, handler, mediator and
    organization: joining before sorting would sort 100,000 wide rows for one page."""

    RELATED = ("agency", "assigned_to", "mediator", "organization")

    def __init__(self, queryset, ordering):
        self.queryset = queryset.order_by(*ordering)
        self.ordering = ordering
        self.ordered = True

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("OrderedCases only supports slices")
        page_ids = self.queryset.values("pk")[index]
        return list(
            Case.objects.filter(pk__in=page_ids)
            .select_related(*self.RELATED)
            .order_by(*self.ordering)
        )

    def count(self):
        return self.queryset.count()


def cases(user, condition: Q, sort: str) -> OrderedCases:
    return OrderedCases(
        permissions.visible_cases(user).filter(condition),
        SORTS.get(sort, SORTS[DEFAULT_SORT]),
    )


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
