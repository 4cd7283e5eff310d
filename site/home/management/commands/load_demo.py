"""Build the demo site: page tree, settings, seed policy, admin user. Idempotent."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

# Each step is a callable taking the command's stdout writer and returning a list of
# what it changed (empty when it found everything already in place). Later apps add
# their own steps here, in dependency order.
DEMO_STEPS = [
    "home.demo.site_tree.load",
    "guidance.demo.sections.load",
    "directory.demo.agencies.load",
    "directory.demo.organizations.load",
    "directory.demo.mediators.load",
    "directory.demo.directory_page.load",
    "home.demo.seed_policy.load",
    "guidance.demo.notices.load",
    "guidance.demo.guides.load",
    "home.demo.admin_user.load",
    "guidance.demo.moderation.load",
    "applications.demo.liaisons.load",
    "applications.demo.routing_rules.load",
    "casework.demo.staff.load",
    "directory.demo.staff_access.load",
    "casework.demo.cases.load",
]


class Command(BaseCommand):
    help = "Load the demo site (safe to run again: existing content is left alone)."

    def handle(self, *args, **options):
        changes = []
        with transaction.atomic():
            for dotted in getattr(settings, "DEMO_STEPS", DEMO_STEPS):
                changes.extend(import_string(dotted)(self.stdout) or [])
        if changes:
            for change in changes:
                self.stdout.write(f"  + {change}")
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded ({len(changes)} changes)."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")
