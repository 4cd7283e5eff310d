"""`manage.py reset_two_factor USERNAME`: remove a user's second factor (a lost phone).
The user enrols again at the next sign-in; the reset is recorded (ADR 0037)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal.two_factor import devices
from portal.two_factor.models import SecondFactorReset


class Command(BaseCommand):
    help = "Remove a user's second factor (authenticator app and recovery codes)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        devices.reset(user, by=None, how=SecondFactorReset.How.COMMAND)
        self.stdout.write(f"Second factor reset for {username}; they enrol again at sign-in.")
