"""The monthly report: on the 1st the scheduler builds the previous month's statistics for
the whole center (an XLSX workbook with a sheet per table, and a printable HTML summary),
stores it, and mails the center's administrators a link. Idempotent: the row is unique per
month and written in one transaction with the mails, so a second run sends nothing twice."""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cases.models import Notification
from cases.services import notify
from directory.permissions import CENTER_ADMIN_ROLES
from directory.regions import AgencyKind
from reporting import exports, periods, report
from reporting.filters import Filters
from reporting.models import MonthlyReport

logger = logging.getLogger(__name__)


def previous_month(today: datetime.date | None = None) -> datetime.date:
    today = today or timezone.localdate()
    return (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def center_admin_emails() -> list[str]:
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(
        Q(is_superuser=True)
        | Q(
            agency_memberships__agency__kind=AgencyKind.CENTER,
            agency_memberships__role__in=CENTER_ADMIN_ROLES,
        )
    )
    return sorted(set(users.values_list("email", flat=True)))


def build(month: datetime.date, force: bool = False) -> MonthlyReport | None:
    """Build the report of `month` (its first day); None if it exists and not `force`."""
    month = month.replace(day=1)
    existing = MonthlyReport.objects.filter(month=month).first()
    if existing and not force:
        logger.info("monthly report %s already built", month.strftime("%Y-%m"))
        return None
    with translation.override(settings.LANGUAGE_CODE):
        filters = Filters(range=periods.month_range(month), today=timezone.localdate())
        sections = report.build(filters)
        heading = str(filters.range)
        content = exports.workbook(list(report.tables(sections).values()), heading)
        subject = _("Monthly statistics for %(month)s") % {"month": f"{month:%Y-%m}"}
        summary = render_to_string(
            "reporting/monthly_report.html",
            {"sections": sections, "title": subject, "range": filters.range},
        )
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("reporting:monthly_reports")
        body = _(
            "The statistics for %(month)s are ready: %(url)s\n"
            "(Sign in to the back office to download them.)"
        ) % {"month": f"{month:%Y-%m}", "url": url}
    try:
        with transaction.atomic():
            if existing:
                existing.workbook.delete(save=False)
                existing.delete()
            record = MonthlyReport(month=month, summary_html=summary)
            record.workbook.save(
                f"monthly-report-{month:%Y-%m}.xlsx", ContentFile(content), save=False
            )
            record.save()
            notify.record(
                [
                    notify.message(
                        None,
                        Notification.Channel.EMAIL,
                        Notification.Purpose.MONTHLY_REPORT,
                        address,
                        subject[:200],
                        body,
                    )
                    for address in center_admin_emails()
                ]
            )
    except IntegrityError:
        logger.info("monthly report %s built by another run", month.strftime("%Y-%m"))
        return None
    logger.info("monthly report %s built", month.strftime("%Y-%m"))
    return record
