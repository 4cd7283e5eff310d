"""Agency-scoped permissions for the register (ADR: directory permissions).

- Center admins (superusers, and heads and liaisons of a `center` agency) edit everything.
- Agency staff (anyone with an AgencyMembership) read the whole shared register and edit
  only the records their own agencies own: mediators by `agency`, organizations by
  `host_agency`, training sessions by `organizers`.
- Agencies and specialties are edited by center admins only.
The policy answers both "may this user do X at all" and "may this user do X to this
record"; the viewsets check the latter on every object URL (edit, delete, history).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from directory.models import AgencyMembership
from directory.regions import AgencyKind

EDIT_ACTIONS = {"add", "change", "delete"}
CENTER_ADMIN_ROLES = [AgencyMembership.Role.HEAD, AgencyMembership.Role.LIAISON]


def _memberships(user):
    cached = getattr(user, "_directory_memberships", None)
    if cached is None:
        cached = list(
            AgencyMembership.objects.filter(user_id=user.pk).values_list(
                "agency_id", "agency__kind", "role"
            )
        )
        user._directory_memberships = cached
    return cached


def agency_ids_of(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return {agency_id for agency_id, _kind, _role in _memberships(user)}


def is_center_admin(user) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return any(
        kind == AgencyKind.CENTER and role in CENTER_ADMIN_ROLES
        for _id, kind, role in _memberships(user)
    )


def is_agency_staff(user) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or bool(_memberships(user))


class AgencyScopedPolicy(BasePermissionPolicy):
    """`owner` is the lookup from the model to the owning Agency; None = center admins only."""

    def __init__(self, model, owner=None):
        super().__init__(model)
        self.owner = owner

    def user_has_permission(self, user, action):
        if action in EDIT_ACTIONS:
            if self.owner is None:
                return is_center_admin(user)
            return is_agency_staff(user)
        return is_agency_staff(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def owner_ids(self, instance) -> set[int]:
        if self.owner is None or instance.pk is None:
            return set()
        field = self.model._meta.get_field(self.owner)
        if field.many_to_many:  # uses a prefetch when the list view made one
            return {agency.pk for agency in getattr(instance, self.owner).all()}
        value = getattr(instance, field.attname)
        return {value} if value is not None else set()

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action not in EDIT_ACTIONS or is_center_admin(user):
            return True
        return bool(self.owner_ids(instance) & agency_ids_of(user))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_permission_for(self, user, action):
        queryset = self.model._default_manager.all()
        if not self.user_has_permission(user, action):
            return queryset.none()
        if action not in EDIT_ACTIONS or is_center_admin(user):
            return queryset
        return queryset.filter(**{f"{self.owner}__in": agency_ids_of(user)}).distinct()

    def instances_user_has_any_permission_for(self, user, actions):
        querysets = [self.instances_user_has_permission_for(user, a) for a in actions]
        result = querysets[0]
        for queryset in querysets[1:]:
            result = result | queryset
        return result.distinct()

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        return users.filter(Q(is_superuser=True) | Q(agency_memberships__isnull=False)).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])

    def agencies_user_can_edit_for(self, user):
        """Agencies a user may assign as owner when creating or editing a record."""
        from directory.models import Agency

        if is_center_admin(user):
            return Agency.objects.all()
        return Agency.objects.filter(pk__in=agency_ids_of(user))
