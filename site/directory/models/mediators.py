"""The shared mediator register: mediators, their specialties and status history."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumError
from wagtail.search import index

from personal_data import keys
from personal_data.fields import EncryptedCharField, KeyedDigestField, PhoneMaskField
from personal_data.querysets import PersonalDataQuerySet

from .agencies import Agency
from .organizations import MediationOrganization


class MediatorCategory(models.TextChoices):
    RETIRED_JUDGE = "retired_judge", _("Retired judge")
    RETIRED_ARBITRATOR = "retired_arbitrator", _("Retired arbitrator")
    LAWYER = "lawyer", _("Lawyer")
    NOTARY = "notary", _("Notary")
    NPC_DEPUTY = "npc_deputy", _("People's congress deputy")
    CPPCC_MEMBER = "cppcc_member", _("CPPCC member")
    UNION_EXPERT = "union_expert", _("Union rights expert")
    LEGAL_WORKER = "legal_worker", _("Grassroots legal worker")
    COMMUNITY_WORKER = "community_worker", _("Community worker")
    OTHER = "other", _("Other")


class MediatorStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    LEFT = "left", _("Left")


class Specialty(models.Model):
    """A kind of dispute a mediator is experienced in (wages, social insurance, ...)."""

    slug = models.SlugField(max_length=40, unique=True, verbose_name=_("Code"))
    name = models.CharField(max_length=40, unique=True, verbose_name=_("Name"))
    sort_order = models.PositiveSmallIntegerField(default=0, verbose_name=_("Order"))

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("Specialty")
        verbose_name_plural = _("Specialties")

    def __str__(self):
        return self.name

    def clean(self):
        if any(separator in self.name for separator in "；;，,、"):
            raise ValidationError(
                {"name": _("A specialty name cannot contain separators such as 、 or ；.")}
            )


def validate_id_number(value):
    try:
        ric.validate(value)
    except StdnumError as error:
        raise ValidationError(
            _("Enter a valid 18-character resident ID number."), code="invalid"
        ) from error


class MediatorQuerySet(PersonalDataQuerySet):
    def public(self):
        return self.filter(is_public=True, status=MediatorStatus.ACTIVE)

    def active(self):
        return self.filter(status=MediatorStatus.ACTIVE)

    def certified(self, on=None):
        on = on or timezone.localdate()
        return self.exclude(certificate_number="").filter(
            models.Q(certificate_valid_until__isnull=True)
            | models.Q(certificate_valid_until__gte=on)
        )


class Mediator(index.Indexed, models.Model):
    code = models.SlugField(
        max_length=20,
        unique=True,
        verbose_name=_("Register number"),
        help_text=_("Assigned automatically; the stable key for imports and exports."),
    )
    name = models.CharField(max_length=50, verbose_name=_("Name"))
    category = models.CharField(
        max_length=30, choices=MediatorCategory.choices, verbose_name=_("Category")
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="mediators",
        verbose_name=_("Managing agency"),
        help_text=_("The agency that keeps this mediator's register entry."),
    )
    organizations = models.ManyToManyField(
        MediationOrganization,
        related_name="mediators",
        blank=True,
        verbose_name=_("Organizations"),
    )
    specialties = models.ManyToManyField(
        Specialty, related_name="mediators", blank=True, verbose_name=_("Specialties")
    )
    certificate_number = models.CharField(
        max_length=60, blank=True, verbose_name=_("Certificate number")
    )
    certificate_issuer = models.CharField(
        max_length=100, blank=True, verbose_name=_("Certificate issuer")
    )
    certificate_valid_until = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("Certificate valid until"),
        help_text=_("Leave empty if the certificate does not expire."),
    )
    status = models.CharField(
        max_length=20,
        choices=MediatorStatus.choices,
        default=MediatorStatus.ACTIVE,
        verbose_name=_("Status"),
    )
    joined_on = models.DateField(null=True, blank=True, verbose_name=_("Joined the register on"))
    is_public = models.BooleanField(
        default=False,
        verbose_name=_("Public profile"),
        help_text=_("Show the name, category, specialties and introduction on the public site."),
    )
    public_introduction = models.TextField(blank=True, verbose_name=_("Public introduction"))
    # Staff only: never rendered on the public site, masked in lists, encrypted at rest
    # (ADR 0038); the digest finds a mediator by ID number and keeps it unique.
    phone = EncryptedCharField(max_length=40, blank=True, verbose_name=_("Contact phone"))
    phone_masked = PhoneMaskField(source="phone", verbose_name=_("Contact phone (masked)"))
    email = models.EmailField(blank=True, verbose_name=_("Email"))
    id_number = EncryptedCharField(
        max_length=18,
        blank=True,
        validators=[validate_id_number],
        verbose_name=_("Resident ID number"),
    )
    id_number_digest = KeyedDigestField(source="id_number", kind="id_number")
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("Updated"))

    objects = MediatorQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("code"),
        index.SearchField("public_introduction"),
        index.FilterField("category"),
        index.FilterField("status"),
        index.FilterField("is_public"),
        index.FilterField("agency"),
    ]

    class Meta:
        ordering = ["code"]
        verbose_name = _("Mediator")
        verbose_name_plural = _("Mediators")
        constraints = [
            models.UniqueConstraint(
                fields=["id_number_digest"],
                condition=~models.Q(id_number_digest=""),
                name="unique_mediator_id_number",
            )
        ]

    def __str__(self):
        return f"{self.name}（{self.code}）" if self.code else self.name

    def clean(self):
        self._check_id_number_is_unique()
        if self.certificate_number and not self.certificate_issuer:
            raise ValidationError({"certificate_issuer": _("Enter who issued the certificate.")})
        if (self.certificate_issuer or self.certificate_valid_until) and not (
            self.certificate_number
        ):
            raise ValidationError({"certificate_number": _("Enter the certificate number.")})

    def _check_id_number_is_unique(self):
        # The constraint is on the digest, which is computed on save: check it here so a
        # duplicate gets a message on the field, not an integrity error.
        digest = keys.digest("id_number", self.id_number)
        if digest and Mediator.objects.filter(id_number_digest=digest).exclude(pk=self.pk).exists():
            raise ValidationError(
                {"id_number": _("Another register entry has this resident ID number.")}
            )

    @property
    def title(self):
        """What site search shows as the result's title."""
        return self.name

    def is_certified(self, on=None):
        on = on or timezone.localdate()
        return bool(self.certificate_number) and (
            self.certificate_valid_until is None or self.certificate_valid_until >= on
        )


class MediatorStatusChange(models.Model):
    mediator = models.ForeignKey(Mediator, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(
        max_length=20, choices=MediatorStatus.choices, blank=True, verbose_name=_("From")
    )
    to_status = models.CharField(
        max_length=20, choices=MediatorStatus.choices, verbose_name=_("To")
    )
    changed_at = models.DateTimeField(default=timezone.now, verbose_name=_("Changed at"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Changed by"),
    )
    reason = models.CharField(max_length=200, verbose_name=_("Reason"))

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("Status change")
        verbose_name_plural = _("Status changes")

    def __str__(self):
        return f"{self.mediator} {self.from_status}→{self.to_status}"
