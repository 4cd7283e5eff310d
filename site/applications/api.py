"""The public API, /api/v1/: applications and tracking. Thin: parse, limit, call services."""

from django.conf import settings
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Status
from ninja.errors import ValidationError as NinjaValidationError

from applications.api_schemas import ApplicationIn, ApplicationOut, TrackIn, TrackOut
from applications.services import idempotency, ratelimit, tracking
from cases import next_steps, references, validators
from cases.api.body import BodyRefused, read_object
from cases.api.openapi import json_body, with_nested_schemas
from cases.api.schemas import ErrorOut
from cases.choices import CaseSource
from cases.models import Case
from cases.services import intake
from cases.services.submission import submit


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
        "Validated, routed and notified exactly like the web form. Send an "
        "`Idempotency-Key` header (1-255 visible characters) to make retries safe: within 24 "
        "hours the same key with the same body answers 200 with the first case; the same key "
        "with a different body answers 422 and stores nothing."
    ),
)
def create_application(request):
    payload, refusal = _json_body(request, "API_MAX_BODY_BYTES")
    if refusal:
        return refusal
    try:
        application = intake.parse(payload)
    except intake.IntakeErrors as error:
        return _refusal(422, _("Some fields are not valid."), error.errors)
    application.source = CaseSource.API
    key = request.headers.get("Idempotency-Key")
    if key is not None:
        if not idempotency.valid_key(key):
            return _refusal(
                400, _("The Idempotency-Key header must be 1 to 255 visible characters.")
            )
        try:
            application.submission_key = idempotency.claim("public", key, request.body)
        except idempotency.KeyReused:
            return _refusal(
                422,
                _(
                    "This Idempotency-Key was already used for a different request in the "
                    "last 24 hours. Use a new key for a new application."
                ),
            )
        retried = Case.objects.filter(submission_key=application.submission_key).first()
        if retried is not None:  # a retry is answered again, not counted against the limit
            return Status(200, _application_out(retried))
    if not ratelimit.application_allowed(request, application.applicant.get("phone", "")):
        return _refusal(429, _("Too many attempts. Please try again later."))
    case, created = submit(application)
    return Status(201 if created else 200, _application_out(case))


def _refusal(status, detail, errors=()):
    return Status(status, {"detail": detail, "errors": list(errors)})


def _application_out(case) -> dict:
    return {
        "reference": case.reference,
        "status": str(case.status),
        "agency": {"code": case.agency.code, "name": case.agency.name},
        "routing": {"rule": case.routing_rule_name, "explanation": case.routing_explanation},
        "next_steps": next_steps.as_text(next_steps.next_steps(case)),
    }


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
            "next_steps": next_steps.as_text(view.next_steps),
            "clocks": [
                {"label": c.label, "date": c.date.isoformat(), "basis": c.basis}
                for c in view.clocks
            ],
            "timeline": [
                {"date": entry["date"].isoformat(), "label": entry["label"], "note": entry["note"]}
                for entry in view.timeline
            ],
        },
    )


api.add_router("/referrals", "casework.api.router")  # court referrals (ADR 0016)
api.add_router("/time-limit", "applications.tools_api.router")
