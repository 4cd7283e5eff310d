"""Satisfaction after closing (满意度评价): when a case ends, the applicant gets a link
(SMS, and email when given) to rate it once; the link is signed, needs no login and
expires after RATING_LINK_DAYS. A rating of LOW_SCORE or less tells the agency's liaisons.

The link carries only the signed case id: no personal data, nothing guessable.
"""

import logging

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from cases.models import Case, Notification, SatisfactionRating
from cases.services import notify

logger = logging.getLogger(__name__)

SALT = "cases.satisfaction"
RATING_LINK_DAYS = 30
LOW_SCORE = 2


class LinkRefused(Exception):
    """The link is forged, expired, for an unknown case, or already used."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # "invalid", "expired", "used"


def token_for(case: Case) -> str:
    return signing.dumps(case.pk, salt=SALT, compress=False)


def rating_url(case: Case) -> str:
    path = reverse("applications:rate", args=[token_for(case)])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def case_for(token: str) -> Case:
    """The case a link is for, if it may still be rated; LinkRefused otherwise."""
    try:
        pk = signing.loads(token, salt=SALT, max_age=RATING_LINK_DAYS * 86400)
    except signing.SignatureExpired as error:
        raise LinkRefused("expired") from error
    except signing.BadSignature as error:
        raise LinkRefused("invalid") from error
    case = Case.objects.select_related("agency").filter(pk=pk).first()
    if case is None:
        raise LinkRefused("invalid")
    if SatisfactionRating.objects.filter(case=case).exists():
        raise LinkRefused("used")
    return case


def invite(case: Case) -> list[Notification]:
    """Record and queue the invitation (inside the transaction that ended the case)."""
    context = {
        "case": case,
        "url": rating_url(case),
        "days": RATING_LINK_DAYS,
        "verify_url": notify.verify_url(),
    }
    planned = []
    purpose = Notification.Purpose.SATISFACTION_INVITE
    if case.applicant_phone:
        text = render_to_string("emails/satisfaction_sms.txt", context).strip()
        planned.append(
            notify.message(case, Notification.Channel.SMS, purpose, case.applicant_phone, "", text)
        )
    if case.applicant_email:
        subject = _("How did we do? Application %(reference)s") % {"reference": case.reference}
        body = render_to_string("emails/satisfaction.txt", context)
        planned.append(
            notify.message(
                case, Notification.Channel.EMAIL, purpose, case.applicant_email, subject, body
            )
        )
    return notify.record(planned)


def record(case: Case, overall: int, timeliness: int, fairness: int, comment: str = ""):
    """Store the one rating of `case`; LinkRefused("used") if it was rated meanwhile."""
    try:
        with transaction.atomic():
            rating = SatisfactionRating.objects.create(
                case=case,
                overall=overall,
                timeliness=timeliness,
                fairness=fairness,
                comment=comment,
                agency_id=case.agency_id,
                organization_id=case.organization_id,
                mediator_id=case.mediator_id,
            )
            if min(overall, timeliness, fairness) <= LOW_SCORE:
                _alert_liaisons(case, rating)
    except IntegrityError as error:
        raise LinkRefused("used") from error
    logger.info("case %s rated", case.reference)
    return rating


def _alert_liaisons(case, rating):
    subject = _("Low satisfaction rating for %(reference)s") % {"reference": case.reference}
    body = render_to_string(
        "emails/low_rating.txt",
        {
            "case": case,
            "rating": rating,
            "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("casework:case", args=[case.reference]),
        },
    )
    notify.record(
        [
            notify.message(
                case,
                Notification.Channel.EMAIL,
                Notification.Purpose.LOW_RATING,
                address,
                subject[:200],
                body,
            )
            for address in notify.liaison_emails(case.agency)
        ]
    )
