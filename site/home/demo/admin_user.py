"""The demo superuser `admin`: password from DEMO_PASSWORD or a random one, shown once."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

USERNAME = "admin"


def credentials_file() -> Path:
    return Path(settings.VAR_DIR) / "demo-credentials.txt"


def write_credentials(username: str, password: str) -> Path:
    path = credentials_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Create with owner-only permissions from the start; never world-readable.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(f"username: {username}\npassword: {password}\n")
    path.chmod(0o600)
    return path


def load(stdout):
    User = get_user_model()
    if User.objects.filter(username=USERNAME).exists():
        return []
    password = os.environ.get("DEMO_PASSWORD", "").strip()
    generated = not password
    if generated:
        password = secrets.token_urlsafe(12)
    User.objects.create_superuser(
        username=USERNAME,
        email="admin@example.invalid",
        password=password,
        first_name="管理员",
    )
    if generated:
        path = write_credentials(USERNAME, password)
        stdout.write(f"Admin login: {USERNAME} / {password}  (saved to {path})")
    else:
        stdout.write(f"Admin login: {USERNAME} / the password in DEMO_PASSWORD")
    return [f"superuser {USERNAME}"]
