"""Print new personal data keys for the environment (docs/deploy/personal-data-keys.md)."""

import secrets

from cryptography.fernet import Fernet
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Print a new PERSONAL_DATA_KEYS key and a new PERSONAL_DATA_HASH_KEY."

    def handle(self, *args, **options):
        self.stdout.write(f"PERSONAL_DATA_KEYS={Fernet.generate_key().decode('ascii')}")
        self.stdout.write(f"PERSONAL_DATA_HASH_KEY={secrets.token_urlsafe(48)}")
