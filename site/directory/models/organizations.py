"""Mediation organizations: workrooms, stations, committees and the center itself."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from directory.regions import Region

from .agencies import Agency


class OrganizationKind(models.TextChoices):
    WORKROOM = "workroom", _("Mediation workroom")
    JUDGE_WORKROOM = "judge_workroom", _("Judge workroom")
    LITIGATION_STATION = "litigation_station", _("Litigation service station")
    ARBITRATION_COURT = "arbitration_court", _("Arbitration court")
    PEOPLES_COMMITTEE = "peoples_committee", _("People's mediation committee")
    ENTERPRISE_COMMITTEE = "enterprise_committee", _("Enterprise mediation committee")
    CENTER = "center", _("One-stop center")


class MediationOrganization(index.Indexed, models.Model):
    code = models.SlugField(
        max_length=60,
        unique=True,
        verbose_name=_("Code"),
        help_text=_("A stable identifier used in links, imports and the API."),
    )
    name = models.CharField(max_length=100, verbose_name=_("Name"))
    kind = models.CharField(max_length=30, choices=OrganizationKind.choices, verbose_name=_("Kind"))
    host_agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="organizations",
        verbose_name=_("Host agency"),
    )
    region = models.CharField(max_length=20, choices=Region.choices, verbose_name=_("Region"))
    address = models.CharField(max_length=200, blank=True, verbose_name=_("Address"))
    phone = models.CharField(max_length=40, blank=True, verbose_name=_("Phone"))
    introduction = models.TextField(blank=True, verbose_name=_("Introduction"))
    accepts_online_applications = models.BooleanField(
        default=True, verbose_name=_("Accepts online applications")
    )
    is_public = models.BooleanField(default=True, verbose_name=_("Shown on the public site"))

    search_fields = [
        index.SearchField("name"),
        index.SearchField("introduction"),
        index.SearchField("address"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("region"),
        index.FilterField("is_public"),
    ]

    class Meta:
        ordering = ["region", "kind", "name"]
        verbose_name = _("Mediation organization")
        verbose_name_plural = _("Mediation organizations")

    def __str__(self):
        return self.name
