"""Routing rules: data, ordered by priority, editable by center admins. First match wins."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from cases.admin_forms import RoutingRuleAdminForm
from cases.choices import ApplicationType, DisputeStage
from directory.regions import AgencyKind


class RoutingTarget(models.TextChoices):
    AGENCY = "agency", _("A specific agency")
    KIND_IN_REGION = "kind_in_region", _("The agency of a kind in the applicant's region")
    PREFERRED_ORGANIZATION = (
        "preferred_organization",
        _("The host agency of the organization the applicant chose"),
    )
    ORGANIZATION = "organization", _("A specific organization (and its host agency)")


class Collective(models.TextChoices):
    ANY = "", _("Either")
    YES = "yes", _("Collective (10 or more workers)")
    NO = "no", _("Individual (fewer than 10 workers)")


class RoutingRule(models.Model):
    priority = models.PositiveIntegerField(
        verbose_name=_("Priority"), help_text=_("Lower numbers are checked first.")
    )
    name = models.CharField(max_length=100, verbose_name=_("Name"))
    is_active = models.BooleanField(default=True, verbose_name=_("Active"))
    reason = models.CharField(
        max_length=200,
        verbose_name=_("Reason"),
        help_text=_("One sentence saying why such applications go there; shown to staff."),
    )
    # Conditions: empty means "any".
    application_type = models.CharField(
        max_length=20,
        choices=ApplicationType.choices,
        blank=True,
        verbose_name=_("Application type"),
    )
    dispute_stage = models.CharField(
        max_length=30, choices=DisputeStage.choices, blank=True, verbose_name=_("Dispute stage")
    )
    regions = models.JSONField(default=list, blank=True, verbose_name=_("Regions"))
    categories = models.JSONField(
        default=list,
        blank=True,
        verbose_name=_("Dispute categories"),
        help_text=_("Matches when the application names any of these."),
    )
    collective = models.CharField(
        max_length=3, choices=Collective.choices, blank=True, verbose_name=_("Collective dispute")
    )
    amount_min = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, verbose_name=_("Amount from (yuan)")
    )
    amount_max = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        verbose_name=_("Amount up to (yuan)"),
    )
    requires_preferred_organization = models.BooleanField(
        default=False,
        verbose_name=_("Only when the applicant chose an organization"),
    )
    # Target.
    target = models.CharField(
        max_length=30, choices=RoutingTarget.choices, verbose_name=_("Send to")
    )
    target_agency = models.ForeignKey(
        "directory.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Agency"),
    )
    target_agency_kind = models.CharField(
        max_length=30, choices=AgencyKind.choices, blank=True, verbose_name=_("Agency kind")
    )
    target_organization = models.ForeignKey(
        "directory.MediationOrganization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Organization"),
    )
    also_notify_kinds = models.JSONField(
        default=list,
        blank=True,
        verbose_name=_("Also notify"),
        help_text=_("Agencies of these kinds in the applicant's region are notified too."),
    )

    base_form_class = RoutingRuleAdminForm

    panels = [
        FieldRowPanel([FieldPanel("priority"), FieldPanel("is_active")]),
        FieldPanel("name"),
        FieldPanel("reason"),
        MultiFieldPanel(
            [
                FieldPanel("application_type"),
                FieldPanel("dispute_stage"),
                FieldPanel("regions"),
                FieldPanel("categories"),
                FieldPanel("collective"),
                FieldRowPanel([FieldPanel("amount_min"), FieldPanel("amount_max")]),
                FieldPanel("requires_preferred_organization"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("target"),
                FieldPanel("target_agency"),
                FieldPanel("target_agency_kind"),
                FieldPanel("target_organization"),
                FieldPanel("also_notify_kinds"),
            ],
            heading=_("Then"),
        ),
    ]

    class Meta:
        ordering = ["priority", "pk"]
        # The table keeps the name it had before the model moved here (cases 0001).
        db_table = "applications_routingrule"
        verbose_name = _("Routing rule")
        verbose_name_plural = _("Routing rules")

    def __str__(self):
        return f"{self.priority}. {self.name}"

    def clean(self):
        errors = {}
        if self.target == RoutingTarget.AGENCY and not self.target_agency_id:
            errors["target_agency"] = _("Choose the agency.")
        if self.target == RoutingTarget.KIND_IN_REGION and not self.target_agency_kind:
            errors["target_agency_kind"] = _("Choose the agency kind.")
        if self.target == RoutingTarget.ORGANIZATION and not self.target_organization_id:
            errors["target_organization"] = _("Choose the organization.")
        if (
            self.amount_min is not None
            and self.amount_max is not None
            and self.amount_min > self.amount_max
        ):
            errors["amount_max"] = _("The upper amount must not be below the lower amount.")
        if errors:
            raise ValidationError(errors)
