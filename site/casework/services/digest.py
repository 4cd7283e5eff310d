"""The daily deadline digest: each agency's liaisons get one mail listing the agency's cases
that are overdue or due soon (ADR 0016).

Five queries whatever the number of cases (liaisons, per-agency counts, the listed rows,
today's digests already sent, the agencies), then a constant number of writes per agency.
At most LIST_LIMIT cases are listed per group; the rest are counted and the queue linked.
Mails go through Notification records and the notification delivery task, like every
other message. The DeadlineDigest row, unique per agency and day, is written in the same
transaction as the mails, so a second run on the same day, even a concurrent one, sends
nothing twice. No personal data is in the mail: references, clocks and dates only.
"""

import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from types import SimpleNamespace
from urllib.parse import urlencode

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Q
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from cases import deadlines
from cases.choices import ApplicationType, CaseStatus
from cases.models import Case, Notification
from cases.services import notify
from casework.models import DeadlineDigest
from directory.models import Agency, AgencyMembership

logger = logging.getLogger(__name__)

LIST_LIMIT = 50


@dataclass
class Entry:
    reference: str
    application_type: str
    status: str
    clock: str
    due: datetime.date
    remark: str  # "3 days overdue" / "due today" / "2 days left"
    handler: str
    url: str
    # The applicant's art. 14 date (15 days from receipt), beside the working limit.
    arbitration_open: datetime.date | None = None


@dataclass
class AgencyDigest:
    agency: Agency
    recipients: list[str]
    overdue: list[Entry] = field(default_factory=list)
    due_soon: list[Entry] = field(default_factory=list)
    overdue_total: int = 0
    due_soon_total: int = 0

    @property
    def overdue_unlisted(self) -> int:
        return self.overdue_total - len(self.overdue)

    @property
    def due_soon_unlisted(self) -> int:
        return self.due_soon_total - len(self.due_soon)


def _liaisons() -> dict[int, list[str]]:
    emails = defaultdict(set)
    rows = AgencyMembership.objects.filter(
        role=AgencyMembership.Role.LIAISON, user__is_active=True
    ).values_list("agency_id", "user__email")
    for agency_id, email in rows:
        if email:
            emails[agency_id].add(email)
    return {agency_id: sorted(found) for agency_id, found in emails.items()}


def _clock_name(row) -> str:
    due = row["next_due"]
    if row["feedback_due"] == due:
        return str(_("Feedback to the court"))
    if row["mediation_due"] == due and row["status"] != CaseStatus.SUBMITTED:
        return str(_("Mediation working limit"))
    if row["application_type"] == ApplicationType.MEDIATION:
        return str(_("Acceptance decision"))
    return str(_("First response"))


def _arbitration_open(row) -> datetime.date | None:
    case = SimpleNamespace(
        application_type=row["application_type"],
        dispute_stage=row["dispute_stage"],
        arrived_at=row["arrived_at"],
        submitted_at=row["submitted_at"],
    )
    return deadlines.arbitration_open_after(case) if deadlines.counts_art_14(case) else None


def _remark(days: int) -> str:
    if days < 0:
        return _("%(days)s days overdue") % {"days": -days}
    if days == 0:
        return _("due today")
    return _("%(days)s days left") % {"days": days}


def collect(today: datetime.date | None = None) -> list[AgencyDigest]:
    """Every agency with liaisons and at least one case overdue or due soon."""
    today = today or deadlines.today()
    horizon = today + datetime.timedelta(days=deadlines.due_soon_days())
    liaisons = _liaisons()
    due = Case.objects.filter(
        next_due__isnull=False, next_due__lte=horizon, agency_id__in=list(liaisons)
    )
    is_overdue = ExpressionWrapper(Q(next_due__lt=today), output_field=BooleanField())
    totals = {
        row["agency_id"]: row
        for row in due.values("agency_id").annotate(
            overdue=Count("pk", filter=Q(next_due__lt=today)),
            due_soon=Count("pk", filter=Q(next_due__gte=today)),
        )
    }
    if not totals:
        return []
    rows = (
        due.annotate(
            overdue_flag=is_overdue,
            rank=Window(
                RowNumber(),
                partition_by=[F("agency_id"), is_overdue],
                order_by=[F("next_due").asc(), F("pk").asc()],
            ),
        )
        .filter(rank__lte=LIST_LIMIT)
        .values(
            "reference",
            "agency_id",
            "application_type",
            "status",
            "next_due",
            "mediation_due",
            "feedback_due",
            "arrived_at",
            "submitted_at",
            "dispute_stage",
            "assigned_to__username",
            "assigned_to__first_name",
            "assigned_to__last_name",
        )
        .order_by("agency_id", "next_due", "pk")
    )
    types = dict(ApplicationType.choices)
    statuses = dict(CaseStatus.choices)
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    agencies = Agency.objects.in_bulk(list(totals))
    digests = {
        agency_id: AgencyDigest(
            agency=agencies[agency_id],
            recipients=liaisons[agency_id],
            overdue_total=total["overdue"],
            due_soon_total=total["due_soon"],
        )
        for agency_id, total in totals.items()
    }
    for row in rows:
        handler = (
            f"{row['assigned_to__last_name']}{row['assigned_to__first_name']}".strip()
            or row["assigned_to__username"]
            or ""
        )
        overdue = row["next_due"] < today
        entry = Entry(
            reference=row["reference"],
            application_type=str(types.get(row["application_type"], "")),
            status=str(statuses.get(row["status"], "")),
            clock=_clock_name(row),
            due=row["next_due"],
            remark=_remark((row["next_due"] - today).days),
            handler=handler,
            url=base + reverse("casework:case", args=[row["reference"]]),
            arbitration_open=_arbitration_open(row),
        )
        digest = digests[row["agency_id"]]
        (digest.overdue if overdue else digest.due_soon).append(entry)
    return sorted(digests.values(), key=lambda d: d.agency.code)


def render(digest: AgencyDigest, today: datetime.date) -> tuple[str, str]:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("casework:queue")
    subject = _(
        "Deadlines of %(agency)s on %(date)s: %(overdue)s overdue, %(due_soon)s due soon"
    ) % {
        "agency": digest.agency.short_name,
        "date": today.isoformat(),
        "overdue": digest.overdue_total,
        "due_soon": digest.due_soon_total,
    }
    body = render_to_string(
        "emails/deadline_digest.txt",
        {
            "digest": digest,
            "today": today,
            "due_soon_heading": _("Due within %(days)s days") % {"days": deadlines.due_soon_days()},
            "overdue_url": f"{base}?{urlencode({'tab': 'overdue'})}",
            "due_soon_url": f"{base}?{urlencode({'tab': 'due_soon'})}",
            "queue_url": base,
        },
    )
    return subject, body


def send(today: datetime.date | None = None) -> list[DeadlineDigest]:
    """Send today's digests not yet sent; returns the ones sent by this run."""
    today = today or deadlines.today()
    with translation.override(settings.LANGUAGE_CODE):
        digests = collect(today)
        already = set(DeadlineDigest.objects.filter(day=today).values_list("agency_id", flat=True))
        sent = []
        for digest in digests:
            if digest.agency.pk in already:
                continue
            record = _send_one(digest, today)
            if record is not None:
                sent.append(record)
    return sent


def _send_one(digest: AgencyDigest, today: datetime.date) -> DeadlineDigest | None:
    subject, body = render(digest, today)
    try:
        with transaction.atomic():
            record = DeadlineDigest.objects.create(
                agency=digest.agency,
                day=today,
                overdue=digest.overdue_total,
                due_soon=digest.due_soon_total,
                recipients=len(digest.recipients),
            )
            notify.record(
                [
                    notify.message(
                        None,
                        Notification.Channel.EMAIL,
                        Notification.Purpose.DEADLINE_DIGEST,
                        address,
                        subject[:200],
                        body,
                    )
                    for address in digest.recipients
                ]
            )
    except IntegrityError:
        # Another run sent this agency's digest for today first.
        logger.info("deadline digest for %s on %s already sent", digest.agency.code, today)
        return None
    logger.info(
        "deadline digest for %s: %s overdue, %s due soon, %s recipient(s)",
        digest.agency.code,
        digest.overdue_total,
        digest.due_soon_total,
        len(digest.recipients),
    )
    return record
