"""Agencies (the four partners, their local branches and the center) and their staff."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from directory.regions import AgencyKind, Region


class AgencyQuerySet(models.QuerySet):
    def of_kind_in_region(self, kind: str, region: str):
        """The agency of `kind` serving `region`, falling back to the city-level one."""
        agencies = {a.region: a for a in self.filter(kind=kind, region__in=[region, Region.CITY])}
        return agencies.get(region) or agencies.get(Region.CITY)


class Agency(index.Indexed, models.Model):
    code = models.SlugField(
        max_length=60,
        unique=True,
        verbose_name=_("Code"),
        help_text=_("<kind>-<region>, e.g. hrss-zengdu. Used by routing rules and exports."),
    )
    kind = models.CharField(max_length=30, choices=AgencyKind.choices, verbose_name=_("Kind"))
    region = models.CharField(max_length=20, choices=Region.choices, verbose_name=_("Region"))
    name = models.CharField(max_length=100, verbose_name=_("Full name"))
    short_name = models.CharField(max_length=30, verbose_name=_("Short name"))
    address = models.CharField(max_length=200, blank=True, verbose_name=_("Address"))
    phone = models.CharField(max_length=40, blank=True, verbose_name=_("Phone"))
    office_hours = models.CharField(max_length=200, blank=True, verbose_name=_("Office hours"))
    is_public = models.BooleanField(
        default=True,
        verbose_name=_("Shown on the public site"),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="AgencyMembership",
        related_name="agencies",
        blank=True,
        verbose_name=_("Staff"),
    )

    objects = AgencyQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("region"),
    ]

    class Meta:
        ordering = ["kind", "region", "code"]
        verbose_name = _("Agency")
        verbose_name_plural = _("Agencies")
        constraints = [
            models.UniqueConstraint(fields=["kind", "region"], name="one_agency_per_kind_region")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        expected = f"{self.kind}-{self.region}"
        if self.kind and self.region and self.code != expected:
            raise ValidationError({"code": _("The code must be <kind>-<region>.")})


class AgencyMembership(models.Model):
    """A staff user's role at an agency. A user can belong to several agencies."""

    class Role(models.TextChoices):
        LIAISON = "liaison", _("Liaison")
        HANDLER = "handler", _("Handler")
        HEAD = "head", _("Head")

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("Agency")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="agency_memberships",
        verbose_name=_("User"),
    )
    role = models.CharField(max_length=20, choices=Role.choices, verbose_name=_("Role"))

    class Meta:
        verbose_name = _("Agency membership")
        verbose_name_plural = _("Agency memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "user", "role"], name="one_role_per_user_agency"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.agency.short_name} · {self.get_role_display()}"
