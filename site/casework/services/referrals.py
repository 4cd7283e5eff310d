"""Register a court referral (诉前委派 / 诉中委托) as a case: one door for the court platform's
API and for staff registering by hand (ADR 0016).

The case is created by the applications' `submit()` (same validation, events and
notifications as every other case) with our routing decision, and the CourtReferral row is
written in the same transaction. Its unique (court, court case number) constraint makes a
second push of the same case, even a concurrent one, return the first case.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import deadlines
from cases.choices import CaseSource, DisputeStage
from cases.models import Case, CaseEvent
from cases.services.routing import Decision
from cases.services.submission import Application, submit
from casework.models import CourtReferral
from directory.models import Agency
from directory.regions import AgencyKind, Region

# A court sends labor disputes after arbitration (仲裁前置): before filing the applicant
# challenges an award; during litigation the case is at the court.
DEFAULT_STAGE = {
    CourtReferral.Kind.DELEGATED: DisputeStage.AWARD_ISSUED,
    CourtReferral.Kind.ENTRUSTED: DisputeStage.IN_LITIGATION,
}


@dataclass
class Referral:
    court: Agency
    court_case_number: str
    kind: str
    procedure: str
    received_at: datetime
    target_organization: object = None  # MediationOrganization or None


def intake_payload(body: dict) -> dict:
    """The applications API's shape of a referral's parties and dispute, for intake.parse.
    A dispute without a stage gets the one the referral kind implies."""
    dispute = body.get("dispute")
    if isinstance(dispute, dict) and not dispute.get("stage") and body.get("kind") in DEFAULT_STAGE:
        dispute = {**dispute, "stage": str(DEFAULT_STAGE[body["kind"]])}
    return {
        "type": "mediation",
        "region": body.get("region"),
        "applicant": body.get("applicant"),
        "respondent": body.get("respondent"),
        "dispute": dispute,
        # The legal basis is the court's referral, not the online privacy notice.
        "consent": True,
    }


def existing_case(court, court_case_number) -> Case | None:
    return (
        Case.objects.select_related("agency", "referral")
        .filter(referral__court=court, referral__court_case_number=court_case_number)
        .first()
    )


def route(referral: Referral) -> Decision:
    """To the host agency of the organization the court named; otherwise to the center's
    intake desk for joint handling (not through the routing rules: their stage rules would
    send a case in litigation straight back to a court)."""
    organization = referral.target_organization
    if organization is not None:
        return Decision(
            agency=organization.host_agency,
            organization=organization,
            rule=None,
            explanation=_(
                "Court referral: the court named %(organization)s, so the case goes to its "
                "host agency %(agency)s."
            )
            % {"organization": organization.name, "agency": organization.host_agency.name},
        )
    center = Agency.objects.of_kind_in_region(AgencyKind.CENTER, Region.CITY)
    if center is None:
        raise Agency.DoesNotExist("No center agency (center-city) exists to receive referrals.")
    return Decision(
        agency=center,
        organization=None,
        rule=None,
        explanation=_(
            "Court referral without a named mediation organization: the center's intake desk "
            "receives it for joint handling by the four agencies."
        ),
    )


def register(referral: Referral, application: Application, user=None) -> tuple[Case, bool]:
    """(case, created). The same court case number of the same court returns the case it
    already created, whoever registered it and however often."""
    found = existing_case(referral.court, referral.court_case_number)
    if found is not None:
        return found, False
    application.source = CaseSource.COURT_REFERRAL
    application.submission_key = None
    application.routing = route(referral)
    application.after_create = lambda case: _attach(case, referral, user)
    try:
        case, _created = submit(application)
    except IntegrityError:
        # A concurrent push of the same court case number won the unique constraint.
        found = existing_case(referral.court, referral.court_case_number)
        if found is None:
            raise
        return found, False
    return case, True


def _attach(case: Case, referral: Referral, user) -> None:
    record = CourtReferral.objects.create(
        case=case,
        court=referral.court,
        court_case_number=referral.court_case_number,
        kind=referral.kind,
        procedure=referral.procedure if referral.kind == CourtReferral.Kind.ENTRUSTED else "",
        received_at=referral.received_at,
        registered_by=user if getattr(user, "pk", None) else None,
    )
    fields = deadlines.refresh(case, record)
    # The parties did not fill in our form: their data came with the court's referral.
    case.consent_at = None
    case.privacy_notice_version = ""
    case.routing_rule_name = _("Court referral")
    case.save(update_fields=[*fields, "consent_at", "privacy_notice_version", "routing_rule_name"])
    CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.NOTE,
        agency=case.agency,
        staff_note=describe(record),
        actor=user if getattr(user, "pk", None) else None,
    )


def describe(record: CourtReferral) -> str:
    parts = [
        _("%(kind)s from %(court)s, court case number %(number)s, received %(received)s.")
        % {
            "kind": record.get_kind_display(),
            "court": record.court.name,
            "number": record.court_case_number,
            "received": timezone.localtime(record.received_at).strftime("%Y-%m-%d %H:%M"),
        }
    ]
    if record.procedure:
        parts.append(record.get_procedure_display())
    return " ".join(parts)


def _case_roles_by_kind(user) -> list[tuple[int, str]]:
    """(agency id, agency kind) of the user's handler/head memberships, from the per-request
    cache directory.permissions keeps (no query when the admin menu asks again)."""
    from directory.models import AgencyMembership
    from directory.permissions import _memberships

    if not (user.is_authenticated and user.is_active):
        return []
    roles = (AgencyMembership.Role.HANDLER, AgencyMembership.Role.HEAD)
    return [(agency_id, kind) for agency_id, kind, role in _memberships(user) if role in roles]


def may_register(user) -> bool:
    """Center admins, the center's staff (its intake desk) and the courts' staff."""
    from directory.permissions import is_center_admin

    kinds = {kind for _id, kind in _case_roles_by_kind(user)}
    return is_center_admin(user) or bool(kinds & {AgencyKind.CENTER, AgencyKind.COURT})


def courts_for(user):
    """The courts whose referrals `user` may register by hand: every court for center
    admins and the center's own staff; a court's staff their own court."""
    from casework.forms.referral import courts
    from directory.permissions import is_center_admin

    roles = _case_roles_by_kind(user)
    if is_center_admin(user) or any(kind == AgencyKind.CENTER for _id, kind in roles):
        return courts()
    return courts().filter(
        pk__in=[agency_id for agency_id, kind in roles if kind == AgencyKind.COURT]
    )
