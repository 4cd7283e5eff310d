"""Who must use a second factor: every account that can see personal data, when
STAFF_TWO_FACTOR_REQUIRED is on (production). Superusers and center admins see every
case; handlers and heads of an agency see its cases (casework.permissions decides that)."""

from django.conf import settings

from casework.permissions import is_case_staff


def is_required(user) -> bool:
    if not settings.STAFF_TWO_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    return user.is_superuser or is_case_staff(user)
