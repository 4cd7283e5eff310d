"""One demo liaison per agency (`<code>-liaison`) so notifications have recipients.

Password: DEMO_PASSWORD, or one random password for all liaisons, generated on the first
run and kept in var/demo-liaison-credentials.txt (0600), as the admin user's is.
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission

from directory.models import Agency, AgencyMembership
from home.demo.admin_user import credentials_file

CENTER_ADMINS = "中心管理员"
CENTER_ADMIN_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("cases", "add_routingrule"),
    ("cases", "change_routingrule"),
    ("cases", "delete_routingrule"),
    ("cases", "view_routingrule"),
    ("cases", "view_notification"),
]


def _password_file():
    return credentials_file().with_name("demo-liaison-credentials.txt")


def shared_password(stdout):
    password = os.environ.get("DEMO_PASSWORD", "").strip()
    if password:
        return password
    path = _password_file()
    if path.exists():
        return path.read_text(encoding="utf-8").split("password: ", 1)[1].strip()
    password = secrets.token_urlsafe(12)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(f"username: <agency code>-liaison\npassword: {password}\n")
    stdout.write(f"Liaison logins: <agency code>-liaison / {password}  (saved to {path})")
    return password


def load(stdout):
    changes = []
    User = get_user_model()
    hashed = None
    for agency in Agency.objects.order_by("code"):
        username = f"{agency.code}-liaison"
        if User.objects.filter(username=username).exists():
            continue
        # Hash the shared demo password once: 21 PBKDF2 runs would slow `make run` by ~10 s.
        hashed = hashed or make_password(shared_password(stdout))
        user = User.objects.create(
            username=username,
            email=f"{username}@example.invalid",
            password=hashed,
            first_name=f"{agency.short_name}联络员（示例）",
        )
        AgencyMembership.objects.create(
            agency=agency, user=user, role=AgencyMembership.Role.LIAISON
        )
        changes.append(f"liaison {username}")
    group, created = Group.objects.get_or_create(name=CENTER_ADMINS)
    if created:
        for app_label, codename in CENTER_ADMIN_PERMISSIONS:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission:
                group.permissions.add(permission)
        changes.append(f"group {CENTER_ADMINS}")
    return changes
