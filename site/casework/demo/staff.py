"""Demo case staff: one handler (`<agency code>`) and one head (`<agency code>-head`) per
agency, with the liaisons' password rules (DEMO_PASSWORD, or the shared random password in
var/demo-liaison-credentials.txt). Casework staff need the admin, nothing else: what they
see is decided by their agency membership (casework/permissions.py); the next demo step
(directory.demo.staff_access) lets every agency member sign in to the admin."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from cases.demo.liaisons import shared_password
from directory.models import Agency, AgencyMembership

ROLES = (
    ("", AgencyMembership.Role.HANDLER, "经办人"),
    ("-head", AgencyMembership.Role.HEAD, "负责人"),
)


def load(stdout):
    changes = []
    User = get_user_model()
    existing = set(User.objects.values_list("username", flat=True))
    hashed = None
    for agency in Agency.objects.order_by("code"):
        for suffix, role, title in ROLES:
            username = f"{agency.code}{suffix}"
            if username in existing:
                continue
            hashed = hashed or make_password(shared_password(stdout))
            user = User.objects.create(
                username=username,
                email=f"{username}@example.invalid",
                password=hashed,
                first_name=f"{agency.short_name}{title}（示例）",
            )
            AgencyMembership.objects.create(agency=agency, user=user, role=role)
            changes.append(f"{role} {username}")
    return changes
