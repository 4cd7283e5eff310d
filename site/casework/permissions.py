"""Who may see and act on which case: the one place agency isolation is decided (ADR 0014).

- Center admins (superusers; heads and liaisons of a `center` agency) see every case and act
  on any with a head's rights.
- Handlers and heads of an agency see that agency's cases (a transferred case moves with
  its `agency`), and act on them as their role allows.
- Everybody else, liaisons of other agencies included, sees no case at all.

Every list, detail, action, history, file download, export, count and API endpoint of
casework asks this module; object URLs answer 404 for a case outside the user's reach, so
whether a reference exists is not revealed either.
"""

from django.http import Http404
from wagtail.permission_policies.base import BasePermissionPolicy

from cases.models import Case
from directory.models import AgencyMembership
from directory.permissions import is_center_admin

HANDLER = AgencyMembership.Role.HANDLER
HEAD = AgencyMembership.Role.HEAD
CASE_ROLES = (HANDLER, HEAD)
ADMIN = "admin"


def _case_memberships(user) -> dict[int, str]:
    """{agency id: strongest case role} for an active staff user."""
    cached = getattr(user, "_case_roles", None)
    if cached is None:
        cached = {}
        if user.is_authenticated and user.is_active:
            rows = AgencyMembership.objects.filter(user_id=user.pk, role__in=CASE_ROLES)
            for agency_id, role in rows.values_list("agency_id", "role"):
                if cached.get(agency_id) != HEAD:
                    cached[agency_id] = role
        user._case_roles = cached
    return cached


def case_agency_ids(user) -> set[int]:
    return set(_case_memberships(user))


def is_case_staff(user) -> bool:
    return is_center_admin(user) or bool(_case_memberships(user))


def visible_cases(user, queryset=None):
    queryset = Case.objects.all() if queryset is None else queryset
    if is_center_admin(user):
        return queryset
    agency_ids = case_agency_ids(user)
    if not agency_ids:
        return queryset.none()
    return queryset.filter(agency_id__in=agency_ids)


def role_on(user, case) -> str | None:
    """'admin', 'head', 'handler', or None when the user may not see the case."""
    if is_center_admin(user):
        return ADMIN
    return _case_memberships(user).get(case.agency_id)


def can_view(user, case) -> bool:
    return role_on(user, case) is not None


def get_case_or_404(user, reference: str, queryset=None) -> Case:
    queryset = Case.objects.all() if queryset is None else queryset
    case = visible_cases(user, queryset).filter(reference=reference).first()
    if case is None:
        raise Http404
    return case


class CasePermissionPolicy(BasePermissionPolicy):
    """Wagtail's view of the same rules, for viewsets, menus and dashboard panels."""

    def __init__(self):
        super().__init__(Case)

    def user_has_permission(self, user, action):
        return is_case_staff(user) and action in {"view", "change"}

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and can_view(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return Case.objects.none()
        return visible_cases(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Case.objects.none()
        return visible_cases(user)


case_policy = CasePermissionPolicy()
