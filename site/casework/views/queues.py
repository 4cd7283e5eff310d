"""The case queues at /admin/cases/: tabs, filters, search, sorting, pages.

Isolation comes from `casework.permissions` (through `casework.listing`); someone who is not
case staff gets 403. The page costs a constant number of queries: the rows, one aggregate
for every tab's count and the number of results, and the mediator/organization choices.
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from casework import deadlines, listing, permissions
from casework.forms.queue import QueueFilterForm
from casework.services.personal_data import mask_phone
from directory.permissions import is_center_admin

PER_PAGE = 25


class KnownCountPaginator(Paginator):
    """A paginator told its count (it came with the tab counts) instead of asking again."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count


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
    condition = listing.tab_conditions(user)[tab] & listing.filter_condition(values)
    counts = listing.counts(user, current=condition)
    sort = values.get("sort") or listing.DEFAULT_SORT
    paginator = KnownCountPaginator(
        listing.cases(user, condition, sort), PER_PAGE, counts["current"]
    )
    page = paginator.get_page(request.GET.get("p"))
    today = deadlines.today()
    rows = [
        {
            "case": case,
            "phone": mask_phone(case.applicant_phone),
            "deadline_state": listing.deadline_state(case, today),
        }
        for case in page.object_list
    ]
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
            "total": counts["current"],
            "query": query.urlencode(),
            "show_agency": is_center_admin(user) or len(permissions.case_agency_ids(user)) > 1,
        },
    )
