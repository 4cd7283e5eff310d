"""Home page, plain content pages and the site-wide settings editors control."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.page_base import SitePage, public

from .blocks import QuickActionBlock


class HomePage(SitePage):
    """The site's root page: introduction, quick-action tiles, featured content."""

    intro = RichTextField(blank=True, features=["bold", "link"], verbose_name=_("Introduction"))
    quick_actions = StreamField(
        [("action", QuickActionBlock())], blank=True, verbose_name=_("Quick actions")
    )
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("quick_actions"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("Home page")

    def route(self, request, path_components):
        return self.cached_child_route(request, path_components)


class StandardPage(SitePage):
    """A plain content page: section landing pages and simple documents."""

    intro = models.CharField(max_length=300, blank=True, verbose_name=_("Summary"))
    body = RichTextField(blank=True, verbose_name=_("Body"))
    list_children = models.BooleanField(
        default=True,
        verbose_name=_("List child pages"),
        help_text=_("Show links to this page's published child pages below the body."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("list_children"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("Standard page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.list_children:
            context["child_pages"] = public(self.get_children().live()).specific(defer=True)
        return context


class PrivacyNoticePage(SitePage):
    """The privacy notice (个人信息处理规则, PIPL art. 13, 17): who processes what, why, for
    how long, and how to ask. Every consent box and the footer link to it; the retention
    periods shown come from the settings the purges use (ADR 0039), never retyped."""

    version = models.CharField(
        max_length=20,
        verbose_name=_("Version"),
        help_text=_("Change it whenever the content changes; cases record the version given."),
    )
    effective_date = models.DateField(verbose_name=_("Effective date"))
    intro = models.CharField(max_length=300, blank=True, verbose_name=_("Summary"))
    body = RichTextField(verbose_name=_("Body"))

    content_panels = Page.content_panels + [
        FieldPanel("version"),
        FieldPanel("effective_date"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Privacy notice")

    def get_context(self, request, *args, **kwargs):
        from django.conf import settings
        from django.utils.translation import gettext

        context = super().get_context(request, *args, **kwargs)
        context["retention"] = [
            gettext("Answers to an online form that is never sent: deleted after %(hours)s hours.")
            % {"hours": settings.FORM_DATA_HOURS},
            gettext(
                "Applications and cases: kept while the case is handled and for %(years)s years "
                "after it is closed; then names, phone numbers, ID numbers and other personal "
                "details are replaced, evidence files are deleted, and only anonymous "
                "statistics remain."
            )
            % {"years": settings.PERSONAL_DATA_RETENTION_YEARS},
        ]
        return context


@register_setting(icon="cog")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """Site-wide facts editors control: footer contact details and the main navigation.

    One model (one query per request) rather than one per concern: every page shows both.
    """

    hotline = models.CharField(max_length=40, blank=True, verbose_name=_("Hotline"))
    address = models.CharField(max_length=200, blank=True, verbose_name=_("Address"))
    office_hours = models.CharField(max_length=200, blank=True, verbose_name=_("Office hours"))
    email = models.EmailField(blank=True, verbose_name=_("Email"))
    record_number = models.CharField(
        max_length=60,
        blank=True,
        verbose_name=_("ICP record number"),
        help_text=_("For example 鄂ICP备00000000号."),
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("hotline"),
                    FieldPanel("address"),
                    FieldPanel("office_hours"),
                    FieldPanel("email"),
                    FieldPanel("record_number"),
                ],
                heading=_("Contact"),
            ),
            ObjectList([InlinePanel("menu", label=_("Menu items"))], heading=_("Main navigation")),
        ]
    )

    class Meta:
        verbose_name = _("Site settings")

    @cached_property
    def menu_items(self):
        return list(self.menu.select_related("page"))


class NavigationItem(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="menu")
    label = models.CharField(max_length=20, verbose_name=_("Label"))
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Page"),
    )
    path = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("Or a site path"),
        help_text=_("Use when the target is not a page, e.g. /track/."),
    )

    panels = [FieldPanel("label"), FieldPanel("page"), FieldPanel("path")]

    class Meta(Orderable.Meta):
        verbose_name = _("Menu item")

    def __str__(self):
        return self.label

    @property
    def href(self):
        if self.page_id and self.page:
            return self.page.url
        return self.path

    def clean(self):
        path = self.path.strip()
        if bool(self.page_id) == bool(path):
            raise ValidationError(
                {"page": _("Choose a target page or enter a site path, not both.")}
            )
        if path and (not path.startswith("/") or path.startswith("//")):
            raise ValidationError(
                {"path": _("A site path starts with a single slash, e.g. /track/.")}
            )
