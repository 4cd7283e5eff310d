"""A wizard step and its hooks. The step view (applications/views/apply.py) calls the hooks
and knows nothing of any particular step; a step with rules of its own overrides them."""

from dataclasses import dataclass, field

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from applications.services import upload_quota
from cases.forms.dispute import Relationship
from cases.services import evidence as evidence_store


@dataclass
class Step:
    name: str
    title: str
    form_class: type
    form_kwargs: dict = field(default_factory=dict)
    intro: str = ""

    def kwargs(self, state) -> dict:
        """Arguments for the step's form while the applicant is on it."""
        return dict(self.form_kwargs)

    def check_kwargs(self, state) -> dict:
        """Arguments for re-validating the stored answers on the check page."""
        return self.kwargs(state)

    def before_form(self, request, state):
        """A POST this step handles without its form (a response), or None."""
        return None

    def interrupted(self, request) -> str:
        """Why a POST arrived incomplete (a message), or ""."""
        return ""

    def refused(self, request, form, state) -> str:
        """Why valid answers cannot be kept now (a message), or "": nothing is stored."""
        return ""

    def after_valid(self, request, form, state):
        """Work on valid answers before they are stored: a response to stay, or None."""
        return None

    def leave_to(self, form) -> str | None:
        """Where to send the applicant when these answers put them outside the wizard."""
        return None

    def context(self, state) -> dict:
        return {}


class EvidenceStep(Step):
    """Uploads, kept as pending files until the case is created; removing one; an upload
    cut off by the connection."""

    def kwargs(self, state) -> dict:
        return {**self.form_kwargs, "existing": len(state.files)}

    def check_kwargs(self, state) -> dict:
        return {**self.form_kwargs, "existing": 0}

    def before_form(self, request, state):
        token = request.POST.get("remove")
        if not token:
            return None
        removed = [item for item in state.files if item["token"] == token]
        state.files = [item for item in state.files if item["token"] != token]
        evidence_store.discard_pending(removed)
        state.save()
        return redirect(request.get_full_path())

    def interrupted(self, request) -> str:
        # The buttons come last in the body: without one, the upload was cut off.
        if "action" not in request.POST:
            return _("The upload did not finish. Please choose the files and upload again.")
        return ""

    def refused(self, request, form, state) -> str:
        return upload_quota.refusal(request, form.cleaned_data["files"])

    def after_valid(self, request, form, state):
        uploads = form.cleaned_data["files"]
        for upload in uploads:
            state.files.append(evidence_store.save_pending(upload, state.id))
        upload_quota.record(request, uploads)
        if request.POST.get("action") == "upload":
            if not state.store(self.name, request.POST, form):
                state.save()  # the files are kept; this step has no answers of its own
            return redirect(request.get_full_path())
        return None

    def context(self, state) -> dict:
        return {"files": state.files}


class LaborDisputeScreen(Step):
    """The first mediation question: only an employment relationship is a labor dispute;
    others are sent to a page that says where to go instead."""

    def leave_to(self, form) -> str | None:
        relationship = form.cleaned_data["relationship"]
        if relationship == Relationship.EMPLOYMENT:
            return None
        return reverse("applications:not_labor_dispute") + f"?reason={relationship}"


class RespondentStep(Step):
    """The other side, checked against the applicant's kind: a worker and an employer."""

    def kwargs(self, state) -> dict:
        return {**self.form_kwargs, "applicant_kind": _answer(state, "applicant", "kind")}


def _answer(state, step: str, name: str) -> str:
    return ((state.data.get(step) or {}).get(name) or [""])[0]


class OrganizationStep(Step):
    """The organizations offered are those that can take this region and stage."""

    def kwargs(self, state) -> dict:
        return {
            **self.form_kwargs,
            "region": _answer(state, "about", "region"),
            "stage": _answer(state, "stage", "stage"),
        }
