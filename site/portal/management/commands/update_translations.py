from django.core.management.base import BaseCommand

from portal.catalogue import update_catalogue


class Command(BaseCommand):
    help = "Add new msgids from site/ and templates/ to the zh_Hans catalogue (no system gettext)."

    def handle(self, *args, **options):
        added, obsolete = update_catalogue()
        for context, msgid in added:
            self.stdout.write(f"+ {msgid}" + (f" [{context}]" if context else ""))
        for msgid in obsolete:
            self.stdout.write(f"- {msgid} (obsolete)")
        self.stdout.write(f"{len(added)} added, {len(obsolete)} removed; translate new entries.")
