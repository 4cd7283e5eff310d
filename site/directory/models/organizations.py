"""Mediation organizations: workrooms, stations, committees and the center itself."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from directory.regions import Region

from .agencies import Agency

# Codes that would collide with routes under the directory page.
RESERVED_CODES = {"mediators"}


class OrganizationKind(models.TextChoices):
    WORKROOM = "workroom", _("Mediation workroom")
    JUDGE_WORKROOM = "judge_workroom", _("Judge workroom")
    LITIGATION_STATION = "litigation_station", _("Litigation service station")
    ARBITRATION_COURT = "arbitration_court", _("Arbitration court")
    PEOPLES_COMMITTEE = "peoples_committee", _("People's mediation committee")
    ENTERPRISE_COMMITTEE = "enterprise_committee", _("Enterprise mediation committee")
    CENTER = "center", _("One-stop center")


class OrganizationQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


class MediationOrganization(index.Indexed, ClusterableModel):
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
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Photo"),
    )
    follows_official_calendar = models.BooleanField(
        default=True,
        verbose_name=_("Follows the official holiday calendar"),
        help_text=_("Closed on public holidays; open on make-up working days with Monday's hours."),
    )
    hours_note = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("Note on opening hours"),
        help_text=_("For example: appointments outside these hours by phone."),
    )
    accepts_online_applications = models.BooleanField(
        default=True, verbose_name=_("Accepts online applications")
    )
    is_public = models.BooleanField(default=True, verbose_name=_("Shown on the public site"))

    objects = OrganizationQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.SearchField("introduction"),
        index.SearchField("address"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("region"),
        index.FilterField("is_public"),
    ]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("code"),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("region")]),
                FieldPanel("host_agency"),
            ],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("introduction")],
            heading=_("Contact and introduction"),
        ),
        FieldPanel("photo"),
        MultiFieldPanel(
            [
                InlinePanel("opening_periods", label=_("Opening period")),
                FieldPanel("follows_official_calendar"),
                FieldPanel("hours_note"),
            ],
            heading=_("Opening hours"),
        ),
        FieldPanel("accepts_online_applications"),
        FieldPanel("is_public"),
    ]

    class Meta:
        ordering = ["region", "kind", "name"]
        verbose_name = _("Mediation organization")
        verbose_name_plural = _("Mediation organizations")

    def __str__(self):
        return self.name

    @property
    def title(self):
        """What site search shows as the result's title."""
        return self.name

    def clean(self):
        if self.code in RESERVED_CODES:
            raise ValidationError({"code": _("This code is reserved; choose another.")})


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningPeriod(models.Model):
    """One opening interval on a weekday. A period whose closing time is not after its
    opening time runs past midnight into the next day (e.g. 20:00-02:00)."""

    organization = ParentalKey(
        MediationOrganization, on_delete=models.CASCADE, related_name="opening_periods"
    )
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices, verbose_name=_("Day"))
    opens = models.TimeField(verbose_name=_("Opens"))
    closes = models.TimeField(verbose_name=_("Closes"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("Opening period")
        verbose_name_plural = _("Opening periods")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"

    @property
    def crosses_midnight(self):
        return self.closes <= self.opens

    def clean(self):
        if self.opens is not None and self.opens == self.closes:
            raise ValidationError(
                {"closes": _("The closing time must differ from the opening time.")}
            )
