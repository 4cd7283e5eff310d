"""Let demo agency staff sign in to the admin: members of an agency join the
"机构工作人员" group (created by migration directory 0004), which grants admin access;
what they may do there follows from their memberships (directory.permissions)."""

from django.contrib.auth.models import Group

from directory.models import AgencyMembership

STAFF_GROUP = "机构工作人员"


def load(stdout):
    group = Group.objects.filter(name=STAFF_GROUP).first()
    if group is None:
        return []
    member_ids = set(AgencyMembership.objects.values_list("user_id", flat=True))
    missing = member_ids - set(group.user_set.values_list("pk", flat=True))
    if not missing:
        return []
    group.user_set.add(*missing)
    return [f"{len(missing)} agency staff users can sign in to the admin"]
