"""Choices shared by the publishing models, filters and demo content."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Validity(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    AMENDED = "amended", _("Amended")
    REPEALED = "repealed", _("Repealed")


class Topic(models.TextChoices):
    MEDIATION = "mediation", _("Mediation mechanism")
    ARBITRATION = "arbitration", _("Arbitration")
    LITIGATION = "litigation", _("Court mediation and litigation")
    UNION = "union", _("Trade unions")
    COMMITTEE = "committee", _("Enterprise mediation committees")
    MEDIATORS = "mediators", _("Mediators and training")
    OTHER = "other", _("Other")
