"""Build synthetic cases for benchmarks; never run by the demo loader."""

from django.core.management.base import BaseCommand, CommandError

from reporting import synthetic


class Command(BaseCommand):
    help = "Create N synthetic cases (with outcomes, referrals, transfers) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--days", type=int, default=365, help="Spread over this many days.")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, count, days, seed, **options):
        if count < 1 or count > 1_000_000:
            raise CommandError("N must be between 1 and 1,000,000.")
        if days < 1 or days > 3650:
            raise CommandError("--days must be between 1 and 3650.")
        made = synthetic.generate(count, days=days, seed=seed)
        self.stdout.write(f"Created {made} synthetic cases.")
