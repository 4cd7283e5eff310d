"""The admin dashboard panel of case staff: my open cases, unassigned, due soon, overdue."""

from wagtail.admin.ui.components import Component

from casework import listing, permissions

SHOWN = (listing.MINE, listing.UNASSIGNED, listing.DUE_SOON, listing.OVERDUE)


class CaseCountsPanel(Component):
    name = "case_counts"
    order = 90
    template_name = "casework/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        counts = listing.counts(self.user)
        context["items"] = [
            {"tab": tab, "label": listing.TAB_LABELS[tab], "count": counts[tab]} for tab in SHOWN
        ]
        return context

    @classmethod
    def for_user(cls, user):
        return cls(user) if permissions.is_case_staff(user) else None
