"""The public application wizards. Forms validate, the submission service acts."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from applications.forms.review import ReviewForm
from applications.services import ratelimit
from applications.summary import rows
from applications.wizard.definitions import MEDIATION, WIZARDS, build_application, default_initial
from applications.wizard.state import WizardState, initial_from
from cases.forms.dispute import Relationship
from cases.models import Case
from cases.services import evidence as evidence_store
from cases.services.submission import submit
from directory.models import MediationOrganization

from .limits import limit_body, too_many


def _wizard(slug):
    wizard = WIZARDS.get(slug)
    if wizard is None:
        raise Http404
    return wizard


def landing(request):
    from applications.pages import section_page

    return render(
        request,
        "applications/landing.html",
        {"wizards": WIZARDS.values(), "section": section_page("apply")},
    )


@never_cache  # answers, check page and confirmation show personal data: never stored
def start(request, slug):
    wizard = _wizard(slug)
    state = WizardState(request.session, slug)
    code = request.GET.get("organization", "").strip()
    organization = None
    if code and wizard is MEDIATION:
        organization = MediationOrganization.objects.filter(
            code=code, is_public=True, accepts_online_applications=True
        ).first()
        if organization:
            state.prefill["organization"] = organization.code
            state.save()
    return render(
        request,
        "applications/start.html",
        {"wizard": wizard, "first_step": wizard.steps[0], "organization": organization},
    )


def _first_incomplete(wizard, state, upto):
    for step in wizard.steps[: wizard.index(upto)]:
        if step.name not in state.data:
            return step
    return None


def _step_url(wizard, step, change=False):
    url = reverse("applications:step", args=[wizard.slug, step.name])
    return url + "?change=1" if change else url


@never_cache
@require_http_methods(["GET", "POST"])
@limit_body("APPLICATION_MAX_BODY_BYTES")
def step(request, slug, step_name):
    wizard = _wizard(slug)
    current = wizard.step(step_name)
    if current is None:
        raise Http404
    state = WizardState(request.session, slug)
    missing = _first_incomplete(wizard, state, step_name)
    if missing is not None:
        return redirect(_step_url(wizard, missing))
    change = request.GET.get("change") == "1"
    kwargs = current.kwargs(state)
    status = 200

    if request.method == "POST":
        handled = current.before_form(request, state)
        if handled is not None:
            return handled
        form = current.form_class(request.POST, request.FILES, **kwargs)
        interruption = current.interrupted(request)
        if interruption:
            form.is_valid()
            form.add_error(None, interruption)
            status = 400
        elif form.is_valid():
            refusal = current.refused(request, form, state)
            if refusal:
                form.add_error(None, refusal)
                return _render_step(request, wizard, current, form, state, change, status=400)
            stay = current.after_valid(request, form, state)
            if stay is not None:
                return stay
            leave = current.leave_to(form)
            if leave is not None:
                # Not stored: the later steps stay closed until the answer changes.
                state.data.pop(current.name, None)
                state.save()
                return redirect(leave)
            if state.store(current.name, request.POST, form):
                return redirect(_next_url(wizard, current, change))
            form.add_error(
                None, _("Your answers are too long to keep. Please shorten them and continue.")
            )
            status = 400
    else:
        stored = state.data.get(current.name)
        if stored is not None:
            initial = initial_from(current.form_class, stored, **kwargs)
        else:
            initial = default_initial(wizard, current, state)
        form = current.form_class(initial=initial, **kwargs)

    return _render_step(request, wizard, current, form, state, change, status)


def _render_step(request, wizard, current, form, state, change, status=200):
    index = wizard.index(current.name)
    previous = wizard.steps[index - 1] if index else None
    return render(
        request,
        "applications/step.html",
        {
            "wizard": wizard,
            "step": current,
            "form": form,
            "files": None,
            **current.context(state),
            "step_number": index + 1,
            "step_count": len(wizard.steps),
            "back_url": reverse("applications:check", args=[wizard.slug])
            if change
            else (
                _step_url(wizard, previous)
                if previous
                else reverse("applications:start", args=[wizard.slug])
            ),
            "change": change,
        },
        status=status,
    )


def _next_url(wizard, current, change):
    if change:
        return reverse("applications:check", args=[wizard.slug])
    index = wizard.index(current.name)
    if index + 1 < len(wizard.steps):
        return _step_url(wizard, wizard.steps[index + 1])
    return reverse("applications:check", args=[wizard.slug])


def _validated_steps(wizard, state):
    """Re-validate every stored step; returns (forms by step, first invalid step)."""
    forms = {}
    for current in wizard.steps:
        if current.name not in state.data:
            return forms, current
        form = current.form_class(state.querydict(current.name), **current.check_kwargs(state))
        if not form.is_valid() or current.leave_to(form) is not None:
            return forms, current
        forms[current.name] = form
    return forms, None


@never_cache
@require_http_methods(["GET", "POST"])
@limit_body("APPLICATION_MAX_BODY_BYTES")
def check(request, slug):
    wizard = _wizard(slug)
    state = WizardState(request.session, slug)
    if request.method == "POST":
        key = request.POST.get("submission_key", "")
        existing = Case.objects.filter(submission_key=key).first() if key else None
        if existing is not None:  # a double click, a refresh, or back and resubmit
            request.session[f"apply:done:{slug}"] = existing.reference
            return redirect("applications:done", slug=slug)
    forms, invalid = _validated_steps(wizard, state)
    if invalid is not None:
        return redirect(_step_url(wizard, invalid))
    # Files that vanished from storage (e.g. cleaned up) are dropped, not silently submitted.
    state.files = [item for item in state.files if evidence_store.exists(item)]

    review = ReviewForm(request.POST or None, initial={"submission_key": state.id})
    if request.method == "POST" and review.is_valid():
        cleaned = {name: form.cleaned_data for name, form in forms.items()}
        application = build_application(wizard, cleaned, state)
        if review.cleaned_data["website"]:
            review.add_error(
                None, ValidationError(_("Your application could not be sent. Please try again."))
            )
        elif review.cleaned_data["submission_key"] != state.id:
            review.add_error(
                None,
                ValidationError(_("Your answers have changed. Please check them and send again.")),
            )
        elif not ratelimit.application_allowed(request, application.applicant.get("phone", "")):
            return too_many(request)
        else:
            case, _created = submit(application)
            request.session[f"apply:done:{slug}"] = case.reference
            state.reset()
            return redirect("applications:done", slug=slug)

    sections = [
        {
            "step": current,
            "rows": rows(forms[current.name]),
            "change_url": _step_url(wizard, current, change=True),
        }
        for current in wizard.steps
    ]
    return render(
        request,
        "applications/check.html",
        {"wizard": wizard, "sections": sections, "review": review, "files": state.files},
    )


def not_labor_dispute(request):
    reason = request.GET.get("reason")
    if reason not in (Relationship.LABOR_SERVICE, Relationship.NO_EMPLOYER):
        reason = Relationship.NO_EMPLOYER
    return render(
        request, "applications/not_labor_dispute.html", {"reason": reason, "wizard": MEDIATION}
    )
