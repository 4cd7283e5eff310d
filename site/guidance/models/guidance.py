"""Guidance (办事指南): how to do one thing, built from StreamField blocks."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from guidance.blocks import GUIDANCE_BLOCKS
from home.page_base import SitePage, public


class GuidanceIndexPage(SitePage):
    intro = RichTextField(blank=True, features=["bold", "link"], verbose_name=_("Introduction"))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["guidance.GuidancePage"]
    max_count = 1

    class Meta:
        verbose_name = _("Guidance index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Editors order guidance in the admin; the public list follows that order.
        context["guides"] = public(GuidancePage.objects.live().child_of(self))
        return context

    def route(self, request, path_components):
        return self.typed_child_route(request, path_components, GuidancePage)


class GuidancePage(SitePage):
    summary = models.CharField(
        max_length=300,
        verbose_name=_("Summary"),
        help_text=_("One or two sentences: who this is for and what it achieves."),
    )
    audience = models.CharField(
        max_length=100,
        blank=True,
        verbose_name=_("Who it is for"),
        help_text=_("For example 劳动者、用人单位."),
    )
    body = StreamField(GUIDANCE_BLOCKS, verbose_name=_("Body"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("audience"),
        index.SearchField("body"),
    ]
    parent_page_types = ["guidance.GuidanceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Guidance")
