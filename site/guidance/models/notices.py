"""Notices (通知公告): an index page with RSS and Atom feeds, and the notices under it."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from guidance.page_forms import PublicationPageForm
from home.page_base import SitePage, public

PAGE_SIZE = 20


class NoticeIndexPage(RoutablePageMixin, SitePage):
    intro = RichTextField(blank=True, features=["bold", "link"], verbose_name=_("Introduction"))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["guidance.NoticePage"]
    max_count = 1

    class Meta:
        verbose_name = _("Notice index")

    def notices(self):
        return public(
            NoticePage.objects.live()
            .child_of(self)
            .order_by("-date_published", "-first_published_at")
        )

    @path("")
    def index_route(self, request):
        paginator = Paginator(self.notices(), PAGE_SIZE)
        page_obj = paginator.get_page(request.GET.get("page"))
        return self.render(request, context_overrides={"page_obj": page_obj})

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        from guidance.feeds import NoticeRssFeed

        return NoticeRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from guidance.feeds import NoticeAtomFeed

        return NoticeAtomFeed(self)(request)


class NoticePage(SitePage):
    date_published = models.DateField(default=timezone.localdate, verbose_name=_("Date published"))
    summary = models.CharField(max_length=300, blank=True, verbose_name=_("Summary"))
    body = RichTextField(verbose_name=_("Body"))

    base_form_class = PublicationPageForm
    content_panels = Page.content_panels + [
        FieldPanel("date_published"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date_published"),
    ]
    parent_page_types = ["guidance.NoticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Notice")
