"""Court referral endpoints of /api/v1/ (mounted by applications/api.py): push a referral,
read the feedback of one, list what changed since a time. Thin: authenticate, validate,
call services (ADR 0016)."""

from datetime import UTC, datetime

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.security import HttpBearer

from cases import references
from cases.api.body import BodyRefused, read_object
from cases.api.openapi import json_body
from cases.api.schemas import ErrorOut
from cases.services import intake
from casework.api_schemas import FeedbackListOut, FeedbackOut, ReferralIn, ReferralOut
from casework.forms.referral import ReferralForm
from casework.services import referral_feedback, referral_tokens, referrals
from directory.models import Agency
from directory.regions import AgencyKind


class CourtToken(HttpBearer):
    """Declares the bearer scheme in the OpenAPI document. It never refuses by itself: the
    endpoint answers a refusal, so it has the API's error shape and a Chinese message
    (ninja's own 401 has neither)."""

    def __call__(self, request):
        return referral_tokens.authenticate(request.headers.get("Authorization", ""))

    def authenticate(self, request, token):  # pragma: no cover - __call__ does the work
        return None


router = Router(tags=["Court referrals"], auth=CourtToken())

REFERRAL_FIELDS = (
    "court",
    "court_case_number",
    "kind",
    "procedure",
    "received_at",
    "target_organization",
)


def _error(status, detail, errors=()):
    return Status(status, {"detail": detail, "errors": list(errors)})


def _unauthorized(response: HttpResponse, message: str):
    response["WWW-Authenticate"] = 'Bearer realm="court referrals"'
    return _error(401, message)


def _form_data(payload: dict) -> tuple[dict, list]:
    data, errors = {}, []
    for name in REFERRAL_FIELDS:
        value = payload.get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            errors.append({"field": name, "message": _("This field must be text.")})
            continue
        data[name] = str(value)
    return data, errors


def _field_errors(form) -> list[dict]:
    return [
        {"field": "" if field == "__all__" else field, "message": str(message)}
        for field, messages in form.errors.items()
        for message in messages
    ]


@router.post(
    "",
    response={
        200: ReferralOut,
        201: ReferralOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        413: ErrorOut,
        415: ErrorOut,
        422: ErrorOut,
    },
    openapi_extra=json_body(ReferralIn),
    summary="Push a court referral",
    description=(
        "A court-delegated (诉前委派) or court-entrusted (诉中委托) case, with the token issued "
        "to that court. `court` must be the token's court. `procedure` is required for "
        "entrusted cases and refused for delegated ones. `received_at` is ISO 8601 (without "
        "an offset: Beijing time) and not in the future. `applicant`, `respondent` and "
        "`dispute` have the shapes of `POST /applications`; a dispute without `stage` gets "
        "`award_issued` (delegated) or `in_litigation` (entrusted). Routing: the host agency "
        "of `target_organization` (a mediation organization code) when given, otherwise the "
        "center's intake desk. 201 for a new case; the same court case number again answers "
        "200 with the same case, never a duplicate."
    ),
)
def create_referral(request, response: HttpResponse):
    check = request.auth
    if check.token is None:
        return _unauthorized(response, check.message)
    token = check.token
    try:
        payload = read_object(request, settings.API_MAX_BODY_BYTES)
    except BodyRefused as refused:
        return _error(refused.status, refused.detail, refused.errors)
    named = payload.get("court")
    if isinstance(named, str):
        court = Agency.objects.filter(code=named, kind=AgencyKind.COURT).first()
        if court is not None and court.pk != token.court_id:
            return _error(
                403,
                _("This token belongs to %(court)s; it cannot push another court's cases.")
                % {"court": token.court.name},
            )
    data, errors = _form_data(payload)
    form = ReferralForm(data)
    if not form.is_valid():
        errors += _field_errors(form)
    application = None
    try:
        application = intake.parse(referrals.intake_payload(payload), case_number_on_file=True)
    except intake.IntakeErrors as error:
        errors += error.errors
    if errors:
        return _error(422, _("Some fields are not valid."), errors)
    case, created = referrals.register(referrals.Referral(**form.cleaned_data), application)
    return Status(
        201 if created else 200,
        {
            "reference": case.reference,
            "agency": {"code": case.agency.code, "name": case.agency.name},
            "feedback_due": case.feedback_due.isoformat(),
        },
    )


@router.get(
    "/feedback",
    response={200: FeedbackListOut, 401: ErrorOut, 422: ErrorOut},
    summary="Feedback of every referral changed since a time",
    description=(
        "Every referral of the token's court whose case changed at or after `since` (ISO 8601; "
        "without an offset: Beijing time), oldest change first. Poll with the previous "
        "answer's `until` as the next `since`."
    ),
)
def feedback_since(request, response: HttpResponse, since: str = ""):
    check = request.auth
    if check.token is None:
        return _unauthorized(response, check.message)
    moment = _parse_since(since)
    if moment is None:
        return _error(
            422,
            _("Some fields are not valid."),
            [
                {
                    "field": "since",
                    "message": _("Give a date and time, e.g. 2026-03-02T09:30:00+08:00."),
                }
            ],
        )
    until = timezone.now()
    cases = referral_feedback.for_court(check.token.court).filter(updated_at__gte=moment)
    items = [referral_feedback.describe(case) for case in cases.order_by("updated_at", "pk")]
    return {
        "since": timezone.localtime(moment).isoformat(),
        "until": timezone.localtime(until).isoformat(),
        "count": len(items),
        "items": items,
    }


# No referral is older: an earlier `since` (e.g. 0001-01-01, "from the beginning") means this.
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)


def _parse_since(value: str) -> datetime | None:
    try:
        moment = parse_datetime((value or "").strip())
    except ValueError:
        return None
    if moment is None:
        return None
    if moment.year <= 2000:
        return EARLIEST
    try:
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        moment.astimezone(UTC)  # a time the database can hold
    except (OverflowError, ValueError):
        return None
    return moment


@router.get(
    "/{reference}/feedback",
    response={200: FeedbackOut, 401: ErrorOut, 404: ErrorOut},
    summary="Feedback of one referral",
    description=(
        "Status, outcome, agreement terms (and a one-line summary), dates, mediator and the "
        "feedback deadline. Only the token's court's referrals; any other reference is 404."
    ),
)
def feedback(request, response: HttpResponse, reference: str):
    check = request.auth
    if check.token is None:
        return _unauthorized(response, check.message)
    normalized = references.normalize(reference)
    case = (
        referral_feedback.for_court(check.token.court).filter(reference=normalized).first()
        if normalized
        else None
    )
    if case is None:
        return _error(404, _("Your court has no referral with this reference."))
    return referral_feedback.describe(case)
