"""Forget every cached public page (after a deploy that changed templates, or by hand)."""

from django.core.management.base import BaseCommand

from home.page_cache.invalidation import purge


class Command(BaseCommand):
    help = "Forget every page in the anonymous page cache (every worker sees it at once)."

    def handle(self, *args, **options):
        purge("purge_page_cache command")
        self.stdout.write("Page cache purged.")
