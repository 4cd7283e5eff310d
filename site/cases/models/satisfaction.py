"""The applicant's rating of how their case was handled (满意度评价): one per case."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

SCORE = [MinValueValidator(1), MaxValueValidator(5)]


class SatisfactionRating(models.Model):
    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="satisfaction")
    overall = models.PositiveSmallIntegerField(validators=SCORE, verbose_name=_("Overall service"))
    timeliness = models.PositiveSmallIntegerField(validators=SCORE, verbose_name=_("Timeliness"))
    fairness = models.PositiveSmallIntegerField(validators=SCORE, verbose_name=_("Fairness"))
    comment = models.TextField(blank=True, verbose_name=_("Comment"))
    # Who handled the case when it was rated: the statistics group ratings by these.
    agency = models.ForeignKey(
        "directory.Agency", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    organization = models.ForeignKey(
        "directory.MediationOrganization", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    mediator = models.ForeignKey(
        "directory.Mediator", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("Rated"))

    class Meta:
        verbose_name = _("Satisfaction rating")
        verbose_name_plural = _("Satisfaction ratings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(overall__gte=1, overall__lte=5)
                & models.Q(timeliness__gte=1, timeliness__lte=5)
                & models.Q(fairness__gte=1, fairness__lte=5),
                name="satisfaction_scores_1_to_5",
            )
        ]

    def __str__(self):
        return f"{self.case_id}: {self.overall}/{self.timeliness}/{self.fairness}"
