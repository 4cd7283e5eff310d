"""The case queues: tabs, filters, search, sorting and counts, as database queries.

Every queryset starts from `permissions.visible_cases(user)`, so a queue never lists a
case outside the user's reach. The counts of every tab and the number of results of the
current view come from one aggregate query, so the queue page costs the same number of
queries for 50 cases or 100,000.
"""

import datetime
import re

from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from applications import references
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
    """Each tab's count, plus `current` (the listed view), in one query."""
    aggregates = {tab: _count(condition) for tab, condition in tab_conditions(user).items()}
    if current is not None:
        aggregates["current"] = _count(current)
    return permissions.visible_cases(user).aggregate(**aggregates)


def _count(condition: Q) -> Count:
    return Count("pk", filter=condition) if condition else Count("pk")


def cases(user, condition: Q, sort: str):
    return (
        permissions.visible_cases(user)
        .filter(condition)
        .select_related("agency", "assigned_to", "mediator", "organization")
        .order_by(*SORTS.get(sort, SORTS[DEFAULT_SORT]))
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
