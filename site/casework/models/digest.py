"""A record of each agency's daily deadline digest: one per agency per day."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DeadlineDigest(models.Model):
    """The unique (agency, day) constraint is what keeps a second run of the digest on the
    same day, even a concurrent one, from mailing the liaisons twice."""

    agency = models.ForeignKey(
        "directory.Agency",
        on_delete=models.CASCADE,
        related_name="deadline_digests",
        verbose_name=_("Agency"),
    )
    day = models.DateField(verbose_name=_("Day"))
    overdue = models.PositiveIntegerField(default=0, verbose_name=_("Overdue cases"))
    due_soon = models.PositiveIntegerField(default=0, verbose_name=_("Cases due soon"))
    recipients = models.PositiveSmallIntegerField(default=0, verbose_name=_("Recipients"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Sent"))

    class Meta:
        ordering = ["-day", "agency"]
        verbose_name = _("Deadline digest")
        verbose_name_plural = _("Deadline digests")
        constraints = [
            models.UniqueConstraint(fields=["agency", "day"], name="one_digest_per_agency_day")
        ]

    def __str__(self):
        return f"{self.day} {self.agency_id}"
