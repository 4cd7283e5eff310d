"""Register actions: assign register numbers, record status changes."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import Mediator, MediatorStatusChange

CODE_PREFIX = "M"
CODE_DIGITS = 5


def next_mediator_code() -> str:
    last = (
        Mediator.objects.filter(code__startswith=CODE_PREFIX)
        .order_by("-code")
        .values_list("code", flat=True)
        .first()
    )
    number = 1
    if last and last[len(CODE_PREFIX) :].isdigit():
        number = int(last[len(CODE_PREFIX) :]) + 1
    return f"{CODE_PREFIX}{number:0{CODE_DIGITS}d}"


def assign_code(mediator: Mediator) -> None:
    if not mediator.code:
        mediator.code = next_mediator_code()


@transaction.atomic
def record_status(mediator, previous_status, user, reason=""):
    """Write a history entry when `mediator.status` differs from `previous_status`
    ("" for a new register entry). Returns the entry or None."""
    if previous_status == mediator.status:
        return None
    if not reason:
        reason = _("Entered in the register") if not previous_status else _("Status changed")
    return MediatorStatusChange.objects.create(
        mediator=mediator,
        from_status=previous_status or "",
        to_status=mediator.status,
        changed_by=user if user is not None and user.is_authenticated else None,
        changed_at=timezone.now(),
        reason=reason[:200],
    )
