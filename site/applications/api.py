"""The public API, /api/v1/: applications and tracking. Thin: parse, limit, call services."""

from django.conf import settings
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Status
from ninja.errors import ValidationError as NinjaValidationError

from applications import references, validators
from applications.api_body import BodyRefused, read_object
from applications.api_openapi import json_body, with_nested_schemas
from applications.api_schemas import ApplicationIn, ApplicationOut, ErrorOut, TrackIn, TrackOut
from applications.choices import CaseSource
from applications.services import intake, ratelimit, tracking
from applications.services.submission import submit


class PortalAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        return with_nested_schemas(super().get_openapi_schema(*args, **kwargs))


api = PortalAPI(
    title="随州市劳动人事争议调解中心 API",
    version="1",
    description=(
        "Public intake and tracking of applications (mediation, union setup, committee setup)."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
)


@api.exception_handler(NinjaValidationError)
def _parameter_errors(request, error):
    """A query or path parameter of the wrong shape: the API's error shape, in Chinese."""
    errors = [
        {
            "field": ".".join(str(part) for part in item.get("loc", ())[1:]) or "",
            "message": _("This value is not valid."),
        }
        for item in error.errors
    ]
    return api.create_response(
        request, {"detail": _("Some fields are not valid."), "errors": errors}, status=422
    )


def _json_body(request, limit_setting):
    """(the JSON object, None) or (None, the refusal to answer)."""
    try:
        return read_object(request, getattr(settings, limit_setting)), None
    except BodyRefused as refused:
        return None, Status(refused.status, refused.body())


@api.post(
    "/applications",
    response={
        200: ApplicationOut,
        201: ApplicationOut,
        400: ErrorOut,
        413: ErrorOut,
        415: ErrorOut,
        422: ErrorOut,
        429: ErrorOut,
    },
    openapi_extra=json_body(ApplicationIn),
    summary="Submit an application",
    description=(
        "Validated, routed and notified exactly like the web form. "
        "Send an `Idempotency-Key` header to make retries safe."
    ),
)
def create_application(request):
    payload, refusal = _json_body(request, "API_MAX_BODY_BYTES")
    if refusal:
        return refusal
    try:
        application = intake.parse(payload)
    except intake.IntakeErrors as error:
        return Status(422, {"detail": _("Some fields are not valid."), "errors": error.errors})
    if not ratelimit.application_allowed(request, application.applicant.get("phone", "")):
        return Status(
            429, {"detail": _("Too many attempts. Please try again later."), "errors": []}
        )
    key = request.headers.get("Idempotency-Key", "").strip()[:60]
    application.source = CaseSource.API
    application.submission_key = f"api:{key}" if key else None
    case, created = submit(application)
    body = {
        "reference": case.reference,
        "status": case.status,
        "agency": {"code": case.agency.code, "name": case.agency.name},
        "routing": {"rule": case.routing_rule_name, "explanation": case.routing_explanation},
    }
    return Status(201 if created else 200, body)


@api.post(
    "/track",
    response={
        200: TrackOut,
        400: ErrorOut,
        404: ErrorOut,
        413: ErrorOut,
        415: ErrorOut,
        422: ErrorOut,
        429: ErrorOut,
    },
    openapi_extra=json_body(TrackIn),
    summary="Track an application",
    description=(
        "Reference plus the mobile number used in the application. Any mismatch answers 404."
    ),
)
def track(request):
    payload, refusal = _json_body(request, "TRACK_MAX_BODY_BYTES")
    if refusal:
        return refusal
    wrong = [
        {"field": name, "message": _("This field must be text.")}
        for name in ("reference", "phone")
        if not isinstance(payload.get(name, ""), str)
    ]
    if wrong:
        return Status(422, {"detail": _("Some fields are not valid."), "errors": wrong})
    raw_phone = str(payload.get("phone") or "")
    try:
        phone = validators.mobile(raw_phone)
    except validators.ValidationError:
        phone = ""
    if not ratelimit.track_allowed(request, phone or raw_phone[:20]):
        return Status(
            429, {"detail": _("Too many attempts. Please try again later."), "errors": []}
        )
    reference = references.normalize(str(payload.get("reference") or ""))
    case = tracking.find(reference, phone) if reference and phone else None
    if case is None:
        return Status(
            404,
            {
                "detail": _("No application matches this reference and mobile number."),
                "errors": [],
            },
        )
    view = tracking.public_view(case)
    return Status(
        200,
        {
            "reference": view.reference,
            "type": view.application_type,
            "status": view.status,
            "status_label": view.status_label,
            "agency": view.agency_name,
            "agency_phone": view.agency_phone,
            "next_step": view.next_step,
            "timeline": [
                {"date": entry["date"].isoformat(), "label": entry["label"], "note": entry["note"]}
                for entry in view.timeline
            ],
        },
    )


api.add_router("/referrals", "casework.api.router")  # court referrals (ADR 0016)
