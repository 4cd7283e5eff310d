"""One page per workflow action at /admin/cases/<reference>/actions/<name>/.

GET shows the action's form (only when the action is legal now for this user); POST
validates it and calls `services.actions.perform`, the only way a case changes. A refusal
(illegal now, a business rule, or someone else changed the case first) is shown with an
error summary and changes nothing.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from casework import permissions, workflow
from casework.actions import ACTIONS
from casework.services.actions import ActionRefused, perform
from casework.views.case_page import load_case


def _refusal_status(action, role) -> int:
    return 403 if role is None or role not in action.roles else 409


def _page(request, case, action, form, errors=(), status=200, refusal=""):
    return render(
        request,
        "casework/action.html",
        {
            "case": case,
            "action": action,
            "form": form,
            "terms": getattr(form, "terms", None),
            "errors": list(errors),
            "refusal": refusal,
            "case_url": reverse("casework:case", args=[case.reference]),
        },
        status=status,
    )


def _after_success(request, case, action):
    messages.success(request, f"{case.reference}：{action.done}")
    if permissions.can_view(request.user, case):
        return redirect("casework:case", case.reference)
    return redirect("casework:queue")


def action_page(request, reference, name):
    case = load_case(request.user, reference)
    action = ACTIONS.get(name)
    if action is None:
        raise Http404
    form_class = action.form
    role = permissions.role_on(request.user, case)
    if not action.allows(case, role):
        reason = workflow.refusal_reason(action, case, role)
        if request.method != "POST":
            messages.error(request, reason)
            return redirect("casework:case", case.reference)
        return _page(
            request, case, action, None, [("", reason)], _refusal_status(action, role), reason
        )
    if request.method != "POST":
        return _page(request, case, action, form_class(case=case, user=request.user))

    form = form_class(request.POST, case=case, user=request.user)
    if getattr(form, "wants_more_rows", False):
        return _page(request, case, action, form.with_more_rows())
    if not form.is_valid():
        return _page(request, case, action, form, form.error_items())
    try:
        perform(case, name, request.user, form.action_data(), version=form.cleaned_data["version"])
    except ActionRefused as refusal:
        if not refusal.stale:
            return _page(request, case, action, form, [("", refusal.message)])
        return _stale(request, reference, action, refusal.message)
    return _after_success(request, case, action)


def _stale(request, reference, action, message):
    """Someone else changed the case first: show the fresh state and the form again (with
    what the user typed, and the fresh version), or the case page when the action is no
    longer possible."""
    fresh = load_case(request.user, reference)
    role = permissions.role_on(request.user, fresh)
    if not action.allows(fresh, role):
        messages.error(request, f"{message} {workflow.refusal_reason(action, fresh, role)}")
        return redirect("casework:case", fresh.reference)
    data = request.POST.copy()
    data["version"] = str(fresh.version)
    form = action.form(data, case=fresh, user=request.user)
    return _page(request, fresh, action, form, [("", message)], status=409)
