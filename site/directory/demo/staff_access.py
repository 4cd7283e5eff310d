"""Let demo agency staff sign in to the admin: members of an agency join the
"机构工作人员" group (created by migration directory 0004), which grants admin access;
what they may do there follows from their memberships (directory.permissions)."""

from django.contrib.auth.models import Group, Permission

from directory.models import AgencyMembership

STAFF_GROUP = "机构工作人员"


def load(stdout):
    group, _created = Group.objects.get_or_create(name=STAFF_GROUP)
    if not group.permissions.filter(codename="access_admin").exists():
        access = Permission.objects.filter(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ).first()
        if access is not None:
            group.permissions.add(access)
    member_ids = set(AgencyMembership.objects.values_list("user_id", flat=True))
    missing = member_ids - set(group.user_set.values_list("pk", flat=True))
    if not missing:
        return []
    group.user_set.add(*missing)
    return [f"{len(missing)} agency staff users can sign in to the admin"]
