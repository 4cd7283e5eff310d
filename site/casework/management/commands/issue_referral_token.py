"""Issue a court's API token for POST /api/v1/referrals; prints it once."""

from django.core.management.base import BaseCommand, CommandError

from casework.services import referral_tokens
from directory.models import Agency
from directory.regions import AgencyKind


class Command(BaseCommand):
    help = (
        "Issue a bearer token for a court's mediation platform and print it once. Only its "
        "SHA-256 is stored; revoke it in the admin (Court referrals, Court API tokens)."
    )

    def add_arguments(self, parser):
        parser.add_argument("court", help="The court's agency code, e.g. court-city.")
        parser.add_argument("--name", default="", help="A label, e.g. the platform's name.")

    def handle(self, *args, court, name="", **options):
        agency = Agency.objects.filter(code=court).first()
        if agency is None:
            raise CommandError(f"There is no agency with the code {court!r}.")
        if agency.kind != AgencyKind.COURT:
            raise CommandError(f"{court} is not a court; tokens are issued to courts only.")
        token, raw = referral_tokens.issue(agency, name or "manage.py issue_referral_token")
        self.stdout.write(raw)
        self.stderr.write(
            f"Token {token.prefix}… issued to {agency.code}. It is shown only this once: "
            "store it in the court platform's configuration now."
        )
