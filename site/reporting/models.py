"""The monthly reports the scheduler builds, and the public statistics page."""

import datetime
import re

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cases.storage import get_private_storage
from home.page_base import SitePage
from reporting import periods

QUARTERS_LISTED = 8
QUARTER_PATTERN = re.compile(r"^(\d{4})-Q([1-4])$")


def report_path(instance, filename):
    return f"reports/{instance.month:%Y}/{filename}"


class MonthlyReport(models.Model):
    """The previous month's statistics for the whole center, built on the 1st (ADR 0032)."""

    month = models.DateField(unique=True, verbose_name=_("Month"))  # its first day
    workbook = models.FileField(
        upload_to=report_path, storage=get_private_storage, max_length=200, verbose_name=_("File")
    )
    summary_html = models.TextField(verbose_name=_("Printable summary"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Built"))

    class Meta:
        ordering = ["-month"]
        verbose_name = _("Monthly report")
        verbose_name_plural = _("Monthly reports")

    def __str__(self):
        return f"{self.month:%Y-%m}"

    @property
    def filename_xlsx(self):
        return f"{self.month:%Y-%m}.xlsx"

    @property
    def filename_html(self):
        return f"{self.month:%Y-%m}.html"


def quarter_label(year: int, quarter: int) -> str:
    return _("%(year)s Q%(quarter)s") % {"year": year, "quarter": quarter}


def latest_complete_quarter(today: datetime.date) -> tuple[int, int]:
    return periods.previous_quarter(*periods.quarter_of(today))


class StatisticsPage(SitePage):
    """数据公开: quarterly figures by region, small numbers suppressed
    (reporting.public_figures)."""

    intro = RichTextField(blank=True, features=["bold", "link"], verbose_name=_("Introduction"))
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Public statistics page")

    def quarters(self, today) -> list[tuple[int, int]]:
        year, quarter = latest_complete_quarter(today)
        listed = []
        for _n in range(QUARTERS_LISTED):
            listed.append((year, quarter))
            year, quarter = periods.previous_quarter(year, quarter)
        return listed

    def get_context(self, request, *args, **kwargs):
        from reporting.public_figures import COLUMNS, quarter_figures

        context = super().get_context(request, *args, **kwargs)
        quarters = self.quarters(timezone.localdate())
        chosen = quarters[0]
        asked = request.GET.get("quarter")
        if asked:
            match = QUARTER_PATTERN.match(asked)
            if not match or (int(match[1]), int(match[2])) not in quarters:
                raise Http404
            chosen = (int(match[1]), int(match[2]))
        range_ = periods.quarter_range(*chosen)
        context.update(
            heading=_("Mediation in %(quarter)s (%(range)s)")
            % {"quarter": quarter_label(*chosen), "range": range_},
            quarters=[
                {"code": f"{y}-Q{q}", "label": quarter_label(y, q), "current": (y, q) == chosen}
                for y, q in quarters
            ],
            columns=COLUMNS,
            figures=quarter_figures(*chosen),
        )
        return context


def workbook_path(instance, filename):
    return f"statistics-workbooks/{timezone.now():%Y/%m}/{filename}"


class StatisticsWorkbook(models.Model):
    """Every table of the statistics as one XLSX workbook, for one reader's filters, built
    by the task worker (it computes every section: seconds, not a page view) and kept for
    RETENTION_DAYS (reporting.workbooks, ADR 0034)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Could not be prepared")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    # The validated filters as GET parameters (explicit dates: "this year" stays the year
    # it was asked in), and in words for the list.
    query = models.JSONField(default=dict)
    description = models.CharField(max_length=500, verbose_name=_("Filters"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, verbose_name=_("Status")
    )
    workbook = models.FileField(
        upload_to=workbook_path, storage=get_private_storage, max_length=200, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Asked for"))
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Statistics workbook")
        verbose_name_plural = _("Statistics workbooks")

    def __str__(self):
        return f"{self.pk} {self.description}"
