"""The case queues at /admin/cases/: tabs, filters, search, sorting, pages.

Isolation comes from `casework.permissions` (through `casework.listing`); someone who is not
case staff gets 403. The page costs a constant number of queries: the rows, one aggregate
for every tab's count and the number of results, and the mediator/organization choices.
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cases import deadlines
from casework import listing, permissions
from casework.forms.queue import QueueFilterForm
from directory.permissions import is_center_admin

PER_PAGE = 25


class KnownCountPaginator(Paginator):
    """A paginator told its count (it came with the tab counts) instead of asking again."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count


def _person(user) -> str:
    return user.get_full_name() or user.get_username()


def queue_rows(cases, today) -> list[dict]:
    """What each row shows, prepared once in Python (labels translated once per page, not
    per row; the mobile number masked)."""
    handler, mediator = gettext("Handler"), gettext("Mediator")
    badges = {"overdue": gettext("Overdue"), "due_soon": gettext("Due soon")}
    rows = []
    for case in cases:
        assignees = []
        if case.assigned_to_id:
            assignees.append(f"{handler}：{_person(case.assigned_to)}")
        if case.mediator_id:
            assignees.append(f"{mediator}：{case.mediator.name}")
        if case.organization_id:
            assignees.append(case.organization.name)
        state = listing.deadline_state(case, today)
        rows.append(
            {
                "url": reverse("casework:case", args=[case.reference]),
                "reference": case.reference,
                "applicant": case.applicant_name,
                "phone": case.applicant_phone_masked,  # stored masked: no decryption
                "respondent": case.respondent_name,
                "type": case.get_application_type_display(),
                "source": case.get_source_display(),
                "region": case.get_region_display(),
                "status": case.get_status_display(),
                "agency": case.agency.short_name,
                "assignees": assignees,
                "submitted": case.submitted_at,
                "next_due": case.next_due,
                "badge": (state.replace("_", "-"), badges[state]) if state in badges else None,
            }
        )
    return rows


def queue(request):
    user = request.user
    if not permissions.is_case_staff(user):
        raise PermissionDenied
    tab = request.GET.get("tab")
    if tab not in listing.TABS:
        tab = listing.DEFAULT_TAB
    form = QueueFilterForm(request.GET)
    form.is_valid()
    values = form.valid_values()
    filters = listing.filter_condition(values)
    condition = listing.tab_conditions(user)[tab] & filters
    sort = values.get("sort") or listing.DEFAULT_SORT
    extra = listing.part_counts(condition, sort)
    if filters:
        extra["current"] = condition
    counts = listing.counts(user, extra)
    total = counts.get("current", counts[tab])
    sizes = listing.part_sizes(counts, sort)
    paginator = KnownCountPaginator(listing.cases(user, condition, sort, sizes), PER_PAGE, total)
    page = paginator.get_page(request.GET.get("p"))
    rows = queue_rows(page.object_list, deadlines.today())
    query = request.GET.copy()
    query.pop("p", None)
    return render(
        request,
        "casework/queue.html",
        {
            "tab": tab,
            "tabs": [
                {"key": key, "label": listing.tab_label(key, user), "count": counts[key]}
                for key in listing.TABS
            ],
            "current_tab_label": listing.tab_label(tab, user),
            "form": form,
            "ignored": form.ignored_labels(),
            "is_filtered": form.is_filtered,
            "rows": rows,
            "page": page,
            "total": total,
            "query": query.urlencode(),
            "unassigned_label": _("Unassigned"),
            "show_agency": is_center_admin(user) or len(permissions.case_agency_ids(user)) > 1,
        },
    )
