"""Cases: one model for every application type and source, its events and its evidence."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.choices import (
    ApplicationType,
    CaseSource,
    CaseStatus,
    DisputeStage,
    PartyKind,
)
from cases.storage import get_private_storage
from directory.regions import Region
from personal_data.fields import (
    EncryptedCharField,
    EncryptedJSONField,
    KeyedDigestField,
    PhoneMaskField,
    with_derived_fields,
)
from personal_data.querysets import PersonalDataQuerySet


class Case(models.Model):
    reference = models.CharField(
        max_length=20, unique=True, editable=False, verbose_name=_("Reference")
    )
    application_type = models.CharField(
        max_length=20, choices=ApplicationType.choices, verbose_name=_("Application type")
    )
    source = models.CharField(
        max_length=20,
        choices=CaseSource.choices,
        default=CaseSource.ONLINE,
        verbose_name=_("Source"),
    )
    status = models.CharField(
        max_length=20,
        choices=CaseStatus.choices,
        default=CaseStatus.SUBMITTED,
        db_index=True,
        verbose_name=_("Status"),
    )
    region = models.CharField(max_length=20, choices=Region.choices, verbose_name=_("Region"))

    # The applicant, searchable; the full structured answers are in `answers`. The mobile
    # and the answers (ID numbers, phones, addresses) are encrypted at rest: exact lookups
    # use the keyed digests, lists and partial search the mask (ADR 0038).
    applicant_kind = models.CharField(
        max_length=10, choices=PartyKind.choices, verbose_name=_("Applicant kind")
    )
    applicant_name = models.CharField(max_length=100, verbose_name=_("Applicant"))
    applicant_phone = EncryptedCharField(max_length=11, verbose_name=_("Mobile"))
    applicant_phone_digest = KeyedDigestField(kind="phone", source="applicant_phone", db_index=True)
    applicant_phone_masked = PhoneMaskField(source="applicant_phone", verbose_name=_("Mobile"))
    applicant_id_digest = KeyedDigestField(
        kind="id_number", source="answers.applicant.id_number", db_index=True
    )
    applicant_email = models.EmailField(blank=True, verbose_name=_("Email"))
    respondent_name = models.CharField(max_length=100, blank=True, verbose_name=_("Respondent"))

    # Mediation facts used by routing, queues and reports.
    dispute_stage = models.CharField(
        max_length=30, choices=DisputeStage.choices, blank=True, verbose_name=_("Dispute stage")
    )
    categories = models.JSONField(default=list, blank=True, verbose_name=_("Dispute categories"))
    amount_claimed = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, verbose_name=_("Amount claimed")
    )
    workers_involved = models.PositiveIntegerField(
        null=True, blank=True, verbose_name=_("Workers involved")
    )
    is_collective = models.BooleanField(default=False, verbose_name=_("Collective dispute"))
    answers = EncryptedJSONField(default=dict, verbose_name=_("Answers"))

    preferred_organization = models.ForeignKey(
        "directory.MediationOrganization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="preferred_by_cases",
        verbose_name=_("Preferred organization"),
    )
    # Routing decision: where the case is, and why.
    agency = models.ForeignKey(
        "directory.Agency",
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("Handling agency"),
    )
    organization = models.ForeignKey(
        "directory.MediationOrganization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("Mediation organization"),
    )
    routing_rule = models.ForeignKey(
        "cases.RoutingRule",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("Routing rule"),
    )
    routing_rule_name = models.CharField(max_length=100, blank=True, verbose_name=_("Rule applied"))
    routing_explanation = models.TextField(blank=True, verbose_name=_("Routing explanation"))

    consent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Consent given at"))
    privacy_notice_version = models.CharField(
        max_length=20, blank=True, verbose_name=_("Privacy notice version")
    )
    # One key per submission attempt (the wizard's id, or an API Idempotency-Key): a repeated
    # submission finds the case it already created.
    submission_key = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )
    submitted_at = models.DateTimeField(
        auto_now_add=True, db_index=True, verbose_name=_("Submitted")
    )
    # When the current agency received the case (submission, or the last transfer): the
    # acceptance clock runs from here.
    arrived_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Received by agency"))

    # Casework (site/casework/): who handles it, and the legal clocks (deadlines.py).
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_cases",
        verbose_name=_("Handler"),
    )
    mediator = models.ForeignKey(
        "directory.Mediator",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("Mediator"),
    )
    accepted_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Accepted"))
    # Working days from receipt by the agency to acceptance (cases.timeliness), for the
    # statistics; set on acceptance, cleared when a transfer resets it.
    acceptance_working_days = models.PositiveIntegerField(
        null=True, blank=True, editable=False, verbose_name=_("Working days to acceptance")
    )
    closed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Closed"))
    mediation_extension_days = models.PositiveSmallIntegerField(
        default=0, verbose_name=_("Mediation period extended by (days)")
    )
    acceptance_due = models.DateField(null=True, blank=True, verbose_name=_("Acceptance due"))
    mediation_due = models.DateField(null=True, blank=True, verbose_name=_("Mediation due"))
    feedback_due = models.DateField(null=True, blank=True, verbose_name=_("Court feedback due"))
    # The earliest clock still running (None when none is): queues sort and filter on it.
    next_due = models.DateField(null=True, blank=True, verbose_name=_("Next deadline"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("Updated"))
    # Incremented on every change by casework, for optimistic locking of concurrent edits.
    version = models.PositiveIntegerField(default=1, editable=False)
    # When the retention period ended and the personal data was replaced (ADR 0039).
    anonymised_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("Anonymised")
    )

    # update()/bulk_update() of the mobile or the answers are refused: their digests and
    # mask are computed on save (ADR 0038).
    objects = PersonalDataQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        # The table keeps the name it had before the model moved here (cases 0001).
        db_table = "applications_case"
        verbose_name = _("Case")
        verbose_name_plural = _("Cases")
        indexes = [
            models.Index(fields=["agency", "status", "-submitted_at"]),
            models.Index(fields=["agency", "next_due"]),
            models.Index(fields=["assigned_to", "status"]),
            # The "mine" and "unassigned" counts of an agency's queue, from the index alone.
            models.Index(fields=["agency", "assigned_to", "status"]),
            # The queues' "nearest deadline first" order, read from the index page by page.
            models.Index(fields=["next_due", "-submitted_at", "-id"]),
            # Statistics (reporting): the figures of a date range read from these indexes
            # alone, never from the wide case rows.
            models.Index(
                fields=[
                    "submitted_at",
                    "application_type",
                    "source",
                    "region",
                    "agency",
                    "dispute_stage",
                    "is_collective",
                    "workers_involved",
                    "status",
                ],
                name="case_received_figures_idx",
            ),
            models.Index(
                fields=[
                    "accepted_at",
                    "acceptance_working_days",
                    "application_type",
                    "source",
                    "region",
                    "agency",
                    "dispute_stage",
                ],
                name="case_accepted_figures_idx",
            ),
        ]

    def __str__(self):
        return self.reference

    def save(self, *args, update_fields=None, **kwargs):
        # A saved mobile or answers saves the digests and mask derived from them.
        update_fields = with_derived_fields(self, update_fields)
        super().save(*args, update_fields=update_fields, **kwargs)


class CaseEvent(models.Model):
    """One entry in a case's history. `is_public` entries appear in the applicant's tracking."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ROUTED = "routed", _("Routed")
        STATUS = "status", _("Status changed")
        TRANSFERRED = "transferred", _("Transferred")
        NOTE = "note", _("Note")
        FILE_DOWNLOADED = "file_downloaded", _("File downloaded")
        VIEWED = "viewed", _("Personal data viewed")
        ASSIGNED = "assigned", _("Assigned")
        SESSION = "session", _("Mediation session")
        EXTENDED = "extended", _("Mediation period extended")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("Kind"))
    status = models.CharField(
        max_length=20, choices=CaseStatus.choices, blank=True, verbose_name=_("Status")
    )
    agency = models.ForeignKey(
        "directory.Agency", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # A transfer's sender (`agency` is the receiver): the statistics count transfers out.
    from_agency = models.ForeignKey(
        "directory.Agency", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_public = models.BooleanField(default=False, verbose_name=_("Shown to the applicant"))
    public_note = models.CharField(
        max_length=300, blank=True, verbose_name=_("Note for the applicant")
    )
    staff_note = models.TextField(blank=True, verbose_name=_("Staff note"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        # The table keeps the name it had before the model moved here (cases 0001).
        db_table = "applications_caseevent"
        verbose_name = _("Case event")
        verbose_name_plural = _("Case events")

    def __str__(self):
        return f"{self.case_id} {self.kind} {self.created_at:%Y-%m-%d %H:%M}"


def evidence_path(instance, filename):
    today = timezone.localdate()  # Beijing's date, not the server's
    return f"evidence/{today:%Y/%m}/{instance.case.reference}/{filename}"


class EvidenceFile(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_path, storage=get_private_storage, max_length=200)
    original_name = models.CharField(max_length=200, verbose_name=_("File name"))
    content_type = models.CharField(max_length=50, verbose_name=_("Type"))
    size = models.PositiveIntegerField(verbose_name=_("Size"))
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        # The table keeps the name it had before the model moved here (cases 0001).
        db_table = "applications_evidencefile"
        verbose_name = _("Evidence file")
        verbose_name_plural = _("Evidence files")

    def __str__(self):
        return self.original_name
