"""GET /api/v1/time-limit: the time-limit calculator as JSON (the same form and rules as
/tools/time-limit/). Bad input answers 400 with the API's error shape, naming each field."""

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from applications.forms.time_limit import TimeLimitForm
from cases.api.schemas import ErrorOut

router = Router(tags=["tools"])


class TimeLimitOut(Schema):
    deadline: str | None
    basis: str
    explanation: str
    days_left: int | None


@router.get(
    "",
    response={200: TimeLimitOut, 400: ErrorOut},
    summary="Time limit for applying for labor arbitration",
    description=(
        "Parameters: `dispute` (relationship, contract, dismissal, hours, pay, other), "
        "`known_on` (YYYY-MM-DD), optional `employment_ended` and `interrupted_on`. "
        "`deadline` is null when no limit runs yet (pay owed while still employed)."
    ),
)
def time_limit(
    request,
    dispute: str = "",
    known_on: str = "",
    employment_ended: str = "",
    interrupted_on: str = "",
):
    today = timezone.localdate()
    asked = {
        "dispute": dispute,
        "known_on": known_on,
        "employment_ended": employment_ended,
        "interrupted_on": interrupted_on,
    }
    form = TimeLimitForm({key: value for key, value in asked.items() if value}, today=today)
    if not form.is_valid():
        errors = [
            {"field": name, "message": str(message)}
            for name, messages in form.errors.items()
            for message in messages
        ]
        return Status(400, {"detail": _("Some fields are not valid."), "errors": errors})
    result = form.result()
    return {
        "deadline": result.deadline.isoformat() if result.deadline else None,
        "basis": result.basis,
        "explanation": result.explanation,
        "days_left": result.days_left,
    }
