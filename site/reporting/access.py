"""Who reads which figures: the same isolation as the case queues (casework.permissions).
Center administrators read every agency; handlers and heads read their own agencies;
anybody else is refused."""

from django.core.exceptions import PermissionDenied

from casework.permissions import case_agency_ids
from directory.models import Agency
from directory.permissions import is_center_admin


def reader_agencies(user) -> frozenset | None:
    """None for every agency, else the ids of the agencies `user` may read figures of;
    PermissionDenied for someone who may read none."""
    if is_center_admin(user):
        return None
    ids = case_agency_ids(user) if user.is_authenticated and user.is_active else set()
    if not ids:
        raise PermissionDenied
    return frozenset(ids)


def may_read(user) -> bool:
    try:
        reader_agencies(user)
    except PermissionDenied:
        return False
    return True


def agency_choices(agency_ids):
    agencies = Agency.objects.order_by("kind", "region", "name")
    return agencies if agency_ids is None else agencies.filter(pk__in=agency_ids)
