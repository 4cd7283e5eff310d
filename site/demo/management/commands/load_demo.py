"""Build the demo site: page tree, settings, seed policy, admin user. Idempotent."""

from django.core.management.base import BaseCommand
from django.db import transaction

from demo.steps import STEPS


class Command(BaseCommand):
    help = "Load the demo site (safe to run again: existing content is left alone)."

    def handle(self, *args, **options):
        changes = []
        with transaction.atomic():
            for step in STEPS:
                changes.extend(step(self.stdout) or [])
        if changes:
            for change in changes:
                self.stdout.write(f"  + {change}")
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded ({len(changes)} changes)."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")
