"""Staff tools in the Wagtail admin: the routing preview."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from applications.forms.routing_preview import RoutingPreviewForm
from cases.models import RoutingRule
from cases.services.routing import ApplicationFacts, decide, matches


def routing_preview(request):
    if not request.user.has_perm("cases.view_routingrule"):
        raise PermissionDenied
    form = RoutingPreviewForm(request.GET or None)
    decision, checks = None, []
    if request.GET and form.is_valid():
        data = form.cleaned_data
        facts = ApplicationFacts(
            application_type=data["application_type"],
            region=data["region"],
            dispute_stage=data["dispute_stage"] or "",
            categories=tuple(data["categories"]),
            workers_involved=data["workers_involved"],
            amount_claimed=data["amount_claimed"],
            preferred_organization=data["preferred_organization"],
        )
        decision = decide(facts)
        rules = RoutingRule.objects.select_related("target_agency", "target_organization")
        checks = [
            {"rule": rule, "matches": rule.is_active and matches(rule, facts)} for rule in rules
        ]
    return render(
        request,
        "applications/admin/routing_preview.html",
        {"form": form, "decision": decision, "checks": checks, "page_title": _("Routing preview")},
    )
