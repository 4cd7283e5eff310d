"""Mediating: sessions and their minutes, extending the period, the outcome."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.choices import CaseStatus as S
from cases.models import CaseEvent
from casework.actions.consent import check_consent
from casework.forms.actions import (
    ExtendForm,
    RecordMinutesForm,
    RecordNoAgreementForm,
    ScheduleSessionForm,
)
from casework.forms.agreement import RecordAgreementForm
from casework.models import AgreementTerm, MediationSession
from casework.services.action_rules import (
    ARBITRATION_ADVICE,
    ActionRefused,
    record_outcome,
    required,
)
from casework.services.handling_organization import handling_organization
from casework.workflow import MEDIATION, Action

MEDIATING = frozenset({S.ACCEPTED, S.IN_MEDIATION})


def schedule_session(case, user, data):
    starts_at = required(data, "starts_at", _("Give the time of the session."))
    place = required(data, "place", _("Give the place, or the online meeting details."))
    MediationSession.objects.create(
        case=case,
        starts_at=starts_at,
        is_online=bool(data.get("is_online")),
        place=place,
        created_by=user,
    )
    when = timezone.localtime(starts_at).strftime("%Y-%m-%d %H:%M")
    notice = _("Mediation session: %(when)s, %(place)s") % {"when": when, "place": place}
    CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.SESSION,
        status=S.IN_MEDIATION if case.status != S.IN_MEDIATION else "",
        agency=case.agency,
        is_public=True,
        public_note=notice[:300],
        actor=user,
    )
    return {"notice": notice}


def record_minutes(case, user, data):
    session = required(data, "session", _("Choose the session."))
    minutes = required(data, "minutes", _("Write the minutes of the session."))
    if session.case_id != case.pk:
        raise ActionRefused(_("That session belongs to another case."))
    check_consent(case)
    session.minutes = minutes
    session.minutes_recorded_at = timezone.now()
    session.save(update_fields=["minutes", "minutes_recorded_at"])
    return {
        "staff": _("Minutes recorded for the session of %(when)s")
        % {"when": timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M")}
    }


def extend(case, user, data):
    days = required(data, "days", _("Give the number of days."))
    if not data.get("parties_agreed"):
        raise ActionRefused(_("The period can only be extended when both parties agree."))
    case.mediation_extension_days += days
    CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.EXTENDED,
        agency=case.agency,
        is_public=True,
        public_note=_("Both parties agreed to extend mediation by %(days)s days.") % {"days": days},
        staff_note=data.get("note", ""),
        actor=user,
    )
    return {}


def mediator_serves_case(case) -> bool:
    """The named mediator belongs to whoever handles the case: managed by its agency, a
    member of its mediation organization, or of an organization its agency hosts."""
    mediator = case.mediator
    if mediator is None:
        return False
    if mediator.agency_id == case.agency_id:
        return True
    organizations = mediator.organizations.all()
    if case.organization_id and organizations.filter(pk=case.organization_id).exists():
        return True
    return organizations.filter(host_agency_id=case.agency_id).exists()


def check_agreement_can_be_made(case) -> None:
    """A mediation agreement records what was agreed before a mediator at a session: both
    must be on the case first (issue "Citizen journey", item 4), after the respondent's
    consent to mediate (ADR 0046)."""
    check_consent(case)
    if not case.sessions.filter(minutes_recorded_at__isnull=False).exists():
        raise ActionRefused(_("Record the mediation session and its minutes before the agreement."))
    if case.mediator_id is None:
        raise ActionRefused(_("Name the mediator before recording the agreement."))
    if not mediator_serves_case(case):
        raise ActionRefused(
            _("The mediator must belong to the agency or organization handling the case.")
        )
    if handling_organization(case) is None:
        raise ActionRefused(
            _(
                "Name the mediation organization that handled the case (the workroom, committee "
                "or center): the agreement is made in its name, not the agency's."
            )
        )


def record_agreement(case, user, data):
    check_agreement_can_be_made(case)
    terms = data.get("terms") or []
    terms = [term for term in terms if (term.get("text") or "").strip()]
    if not terms:
        raise ActionRefused(_("An agreement needs at least one term."))
    outcome = record_outcome(case, user, S.AGREEMENT, data.get("summary", ""))
    AgreementTerm.objects.bulk_create(
        [
            AgreementTerm(
                outcome=outcome,
                number=number,
                text=term["text"].strip(),
                amount=term.get("amount"),
                due_date=term.get("due_date"),
                payment_method=term.get("payment_method") or AgreementTerm.PaymentMethod.NONE,
            )
            for number, term in enumerate(terms, start=1)
        ]
    )
    return {"staff": data.get("summary", "")}


def record_no_agreement(case, user, data):
    summary = required(data, "summary", _("Summarize why no agreement was reached."))
    advice = data.get("advice") or str(ARBITRATION_ADVICE)
    record_outcome(case, user, S.NO_AGREEMENT, summary, advice)
    return {"public": advice, "staff": summary}


SCHEDULE_SESSION = Action(
    "schedule_session",
    gettext_lazy("Schedule a mediation session"),
    MEDIATING,
    S.IN_MEDIATION,
    types=MEDIATION,
    tells_applicant=True,
    handler=schedule_session,
    form=ScheduleSessionForm,
    writes_own_event=True,
    done=gettext_lazy("The session was scheduled."),
)
RECORD_MINUTES = Action(
    "record_minutes",
    gettext_lazy("Record a session's minutes"),
    frozenset({S.IN_MEDIATION}),
    types=MEDIATION,
    public=False,
    handler=record_minutes,
    form=RecordMinutesForm,
    done=gettext_lazy("The minutes were saved."),
)
EXTEND = Action(
    "extend",
    gettext_lazy("Extend the mediation period"),
    MEDIATING,
    types=MEDIATION,
    handler=extend,
    form=ExtendForm,
    writes_own_event=True,
    done=gettext_lazy("The mediation period was extended."),
)
RECORD_AGREEMENT = Action(
    "record_agreement",
    gettext_lazy("Record an agreement"),
    frozenset({S.IN_MEDIATION}),  # after a session: see check_agreement_can_be_made
    S.AGREEMENT,
    types=MEDIATION,
    tells_applicant=True,
    handler=record_agreement,
    form=RecordAgreementForm,
    done=gettext_lazy("The agreement was recorded."),
)
RECORD_NO_AGREEMENT = Action(
    "record_no_agreement",
    gettext_lazy("Record no agreement"),
    MEDIATING,
    S.NO_AGREEMENT,
    types=MEDIATION,
    tells_applicant=True,
    handler=record_no_agreement,
    form=RecordNoAgreementForm,
    done=gettext_lazy("The outcome was recorded: no agreement."),
)
