"""The policy library: an index page with filters and the policy documents under it."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from guidance.choices import Topic, Validity
from guidance.page_forms import PublicationPageForm
from home.page_base import SitePage

ISSUER_KIND_ORDER = ["hrss", "arbitration", "court", "union_federation", "justice", "center"]


class PolicyIndexPage(SitePage):
    """政策文件: the library, newest first, with filters, a keyword box and pagination."""

    intro = RichTextField(blank=True, features=["bold", "link"], verbose_name=_("Introduction"))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["guidance.PolicyPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Policy library")

    def get_context(self, request, *args, **kwargs):
        from guidance.listing import policy_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(policy_listing(self, request))
        return context

    def route(self, request, path_components):
        return self.typed_child_route(request, path_components, PolicyPage)


class PolicyPage(SitePage):
    """One policy document with its metadata, validity and attachments."""

    document_number = models.CharField(
        max_length=60,
        blank=True,
        verbose_name=_("Document number"),
        help_text=_("For example 随人社函〔2023〕57号."),
    )
    issuers = ParentalManyToManyField(
        "directory.Agency",
        related_name="policies",
        verbose_name=_("Issuing bodies"),
    )
    date_signed = models.DateField(null=True, blank=True, verbose_name=_("Date signed"))
    date_published = models.DateField(default=timezone.localdate, verbose_name=_("Date published"))
    validity = models.CharField(
        max_length=20,
        choices=Validity.choices,
        default=Validity.IN_FORCE,
        verbose_name=_("Validity"),
    )
    superseded_by = models.ForeignKey(
        "guidance.PolicyPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
        verbose_name=_("Amended or repealed by"),
        help_text=_("The document that amends or repeals this one."),
    )
    topic = models.CharField(
        max_length=20, choices=Topic.choices, default=Topic.MEDIATION, verbose_name=_("Topic")
    )
    summary = models.CharField(max_length=300, blank=True, verbose_name=_("Summary"))
    body = RichTextField(verbose_name=_("Full text"))
    references = models.TextField(
        blank=True,
        verbose_name=_("Referenced documents"),
        help_text=_("Documents this one refers to that are not on this site, one per line."),
    )

    base_form_class = PublicationPageForm
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("document_number"),
                FieldPanel("issuers", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("date_signed"), FieldPanel("date_published")]),
                FieldRowPanel([FieldPanel("validity"), FieldPanel("topic")]),
                FieldPanel("superseded_by"),
            ],
            heading=_("Document details"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Attachments")),
        InlinePanel("related_policies", label=_("Related policies")),
        FieldPanel("references"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("document_number", boost=3),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("validity"),
        index.FilterField("topic"),
        index.FilterField("date_published"),
    ]

    parent_page_types = ["guidance.PolicyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Policy document")
        indexes = [
            # The library lists newest first: its page reads the first rows of this
            # index instead of sorting every policy (guidance/listing.py).
            models.Index(fields=["-date_published", "-page_ptr"], name="policy_newest_first"),
        ]

    @property
    def ordered_issuers(self):
        """Issuers in the order Chinese documents list them: HRSS, court, unions, justice."""
        rank = {kind: i for i, kind in enumerate(ISSUER_KIND_ORDER)}
        return sorted(self.issuers.all(), key=lambda a: (rank.get(a.kind, 99), a.region, a.code))

    @property
    def is_in_force(self):
        return self.validity == Validity.IN_FORCE

    @property
    def reference_list(self):
        return [line.strip() for line in self.references.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issuer_list"] = self.ordered_issuers
        context["attachment_list"] = list(self.attachments.select_related("document"))
        context["related_list"] = [
            link.page
            for link in self.related_policies.select_related("page")
            if link.page and link.page.live
        ]
        return context


class PolicyAttachment(Orderable):
    """A file attached to a policy (PDF, Word, Excel), listed with its type and size."""

    policy = ParentalKey(PolicyPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Document"),
    )
    title = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("Title"),
        help_text=_("Leave blank to use the document's own title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("Attachment")

    @property
    def label(self):
        return self.title or self.document.title

    @property
    def file_size(self):
        """Bytes; stored on the document when the admin uploads it, else read once."""
        return self.document.get_file_size()

    @property
    def file_type(self):
        return self.document.file_extension.upper()


class RelatedPolicy(Orderable):
    policy = ParentalKey(PolicyPage, on_delete=models.CASCADE, related_name="related_policies")
    page = models.ForeignKey(
        "guidance.PolicyPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Policy"),
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("Related policy")
