"""Regions of Suizhou and the agency kinds that serve them (glossary: docs/architecture.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    CITY = "city", _("Suizhou city level")
    ZENGDU = "zengdu", _("Zengdu District")
    SUIXIAN = "suixian", _("Sui County")
    GUANGSHUI = "guangshui", _("Guangshui City")
    HITECH_ZONE = "hitech_zone", _("Suizhou High-tech Zone")
    DAHONGSHAN = "dahongshan", _("Dahongshan Scenic Area")


def region_choices_with_prompt():
    """The regions after an empty "please choose": a form never picks a region for anyone
    (a default would send an undecided applicant's case to the city level)."""
    return [("", _("Please choose…")), *Region.choices]


REGION_REQUIRED = _("Choose the area: it decides which agency handles the application.")


class AgencyKind(models.TextChoices):
    HRSS = "hrss", _("Human resources and social security bureau")
    ARBITRATION = "arbitration", _("Labor dispute arbitration commission")
    COURT = "court", _("People's court")
    UNION_FEDERATION = "union_federation", _("Federation of trade unions")
    JUSTICE = "justice", _("Justice bureau")
    CENTER = "center", _("One-stop mediation center")
    COMMERCE_FEDERATION = "commerce_federation", _("Federation of industry and commerce")
