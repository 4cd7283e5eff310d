"""What an applicant may see of their case: a public-safe timeline, nothing else."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases import deadlines
from cases import next_steps as stage_steps
from cases.choices import CaseStatus
from cases.models import Case, CaseEvent
from personal_data import keys


@dataclass
class PublicView:
    reference: str
    application_type: str
    status: str
    status_label: str
    submitted_at: object
    agency_name: str
    agency_phone: str
    timeline: list
    next_step: str
    application_type_code: str = ""
    next_steps: list = field(default_factory=list)  # stage-right advice (cases/next_steps.py)
    clocks: list = field(default_factory=list)  # art. 14 and the working limit, labelled


NEXT_STEPS = {
    CaseStatus.SUBMITTED: gettext_lazy(
        "The agency checks your application and contacts you within 3 working days."
    ),
    CaseStatus.ACCEPTED: gettext_lazy(
        "Your application was accepted. A mediator will contact you to arrange mediation."
    ),
    CaseStatus.IN_MEDIATION: gettext_lazy(
        "Mediation is under way; it normally ends within 15 days."
    ),
    CaseStatus.IN_PROGRESS: gettext_lazy(
        "The agency is helping your enterprise; they will contact you."
    ),
    CaseStatus.AGREEMENT: gettext_lazy(
        "A mediation agreement was reached. Keep your copy of the agreement."
    ),
    CaseStatus.NO_AGREEMENT: gettext_lazy(
        "No agreement was reached. You may apply for labor dispute arbitration; the time limit is one year."  # noqa: E501
    ),
    CaseStatus.REJECTED: gettext_lazy(
        "Your application was not accepted. The agency has told you why and where to go instead."
    ),
    CaseStatus.WITHDRAWN: gettext_lazy("The application was withdrawn."),
    CaseStatus.COMPLETED: gettext_lazy("The help you asked for is complete."),
    CaseStatus.CLOSED: gettext_lazy("The case is closed."),
}


# Stage advice and clocks while the application is open; once it ended (agreement, no
# agreement, declined, withdrawn...) the status's own next step says what is left to do.
RUNNING = deadlines.OPEN_MEDIATION_STATUSES  # while art. 14 and the working limit run
OPEN = (*RUNNING, CaseStatus.IN_PROGRESS)


def find(reference: str, phone: str) -> Case | None:
    """The case with this reference and phone; None for an unknown reference and for a wrong
    pairing alike (the caller must answer both the same way)."""
    phone_digest = keys.digest("phone", phone)  # the mobile is encrypted (ADR 0038)
    if not phone_digest:
        return None
    return (
        Case.objects.select_related("agency")
        .filter(reference=reference, applicant_phone_digest=phone_digest)
        .first()
    )


def _event_label(event: CaseEvent) -> str:
    if event.kind == CaseEvent.Kind.SUBMITTED:
        return _("Application received")
    if event.kind in (CaseEvent.Kind.ROUTED, CaseEvent.Kind.TRANSFERRED):
        name = event.agency.name if event.agency else ""
        return _("Sent to %(agency)s") % {"agency": name}
    if event.status:
        return str(CaseStatus(event.status).label)
    return str(event.public_note)


def public_view(case: Case) -> PublicView:
    events = case.events.filter(is_public=True).select_related("agency")
    timeline = [
        {"date": event.created_at, "label": _event_label(event), "note": str(event.public_note)}
        for event in events
    ]
    return PublicView(
        reference=case.reference,
        # Plain text, not lazy translations: the API's schema and JSON need str.
        application_type=str(case.get_application_type_display()),
        status=str(case.status),
        status_label=str(case.get_status_display()),
        submitted_at=case.submitted_at,
        agency_name=case.agency.name,
        agency_phone=case.agency.phone,
        timeline=timeline,
        next_step=str(NEXT_STEPS.get(case.status, "")),
        application_type_code=str(case.application_type),
        next_steps=stage_steps.with_links(stage_steps.next_steps(case))
        if case.status in OPEN
        else [],
        clocks=stage_steps.public_clocks(case) if case.status in RUNNING else [],
    )
