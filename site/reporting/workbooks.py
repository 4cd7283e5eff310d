"""Every statistics table as one XLSX workbook, prepared by the task worker (ADR 0034).

Computing every section takes longer than a page view should (about half a second at
100,000 cases), so the workbook is asked for on the page, built in the background, listed
for its reader and downloadable by that reader only, and deleted after RETENTION_DAYS
(`manage.py purge_statistics_workbooks`, scheduled). The reader's agencies are read again
when it is built: someone who lost their case role in between gets no workbook.
"""

import datetime
import logging

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _

from reporting import exports, report
from reporting.access import agency_choices, reader_agencies
from reporting.filters import StatisticsFilterForm
from reporting.models import StatisticsWorkbook

logger = logging.getLogger(__name__)

RETENTION_DAYS = 7
LISTED = 5
MAX_PENDING = 3  # per reader: asking again while these are prepared is refused

S = StatisticsWorkbook.Status


class WorkbookRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def ask(user, query: dict, description: str) -> StatisticsWorkbook:
    """Record the request and hand it to the task worker."""
    from reporting.tasks import build_statistics_workbook

    if (
        StatisticsWorkbook.objects.filter(requested_by=user, status=S.PENDING).count()
        >= MAX_PENDING
    ):
        raise WorkbookRefused(
            _("Your earlier workbooks are still being prepared; ask again when they are ready.")
        )
    record = StatisticsWorkbook.objects.create(
        requested_by=user, query=query, description=description
    )
    build_statistics_workbook.enqueue(record.pk)
    return record


def build(pk: int) -> str:
    """Prepare one workbook; returns its status ("gone" when there is nothing to do)."""
    record = StatisticsWorkbook.objects.filter(pk=pk, status=S.PENDING).first()
    if record is None:
        return "gone"
    try:
        agency_ids = reader_agencies(record.requested_by)
        form = StatisticsFilterForm(
            record.query,
            agencies=agency_choices(agency_ids),
            today=timezone.localdate(record.created_at),
        )
        if not form.is_valid():
            raise ValueError(form.errors.as_json())
        filters = form.filters(agency_ids)
        tables = list(report.tables(report.build(filters)).values())
        content = exports.workbook(tables, record.description)
        name = exports.filename("all", filters, "xlsx")
        record.workbook.save(name, ContentFile(content), save=False)
        record.status = S.READY
    except PermissionDenied:
        logger.warning("statistics workbook %s: the reader may no longer read figures", pk)
        record.status = S.FAILED
    except Exception:
        logger.exception("statistics workbook %s could not be prepared", pk)
        record.status = S.FAILED
    record.finished_at = timezone.now()
    record.save(update_fields=["workbook", "status", "finished_at"])
    return record.status


def recent(user) -> list[StatisticsWorkbook]:
    since = timezone.now() - datetime.timedelta(days=RETENTION_DAYS)
    return list(
        StatisticsWorkbook.objects.filter(requested_by=user, created_at__gte=since)[:LISTED]
    )


def purge(now=None) -> int:
    """Delete the workbooks older than RETENTION_DAYS, files included."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=RETENTION_DAYS)
    old = list(StatisticsWorkbook.objects.filter(created_at__lt=cutoff))
    for record in old:
        if record.workbook:
            record.workbook.delete(save=False)
        record.delete()
    return len(old)
