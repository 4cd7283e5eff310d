"""Anonymising closed cases after the retention period (cases/services/retention.py,
ADR 0039): who is anonymised and who is not, what goes and what stays, idempotence, the
purge log and the management command."""

import datetime
import io
import os
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.management import call_command

from cases.choices import CaseStatus
from cases.models import Case, CaseEvent, EvidenceFile, Notification, PurgeRecord
from cases.services.repeat_applicants import same_applicant
from cases.services.retention import PLACEHOLDER, anonymise_closed_cases
from tests.casework.factories import make_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("casework_data")]

BEIJING = ZoneInfo("Asia/Shanghai")
NOW = datetime.datetime(2026, 12, 4, 10, 0, tzinfo=BEIJING)
THREE_YEARS_AGO = datetime.datetime(2023, 12, 4, 10, 0, tzinfo=BEIJING)
DAY = datetime.timedelta(days=1)


def closed_case(closed_at, status=CaseStatus.CLOSED, evidence=True):
    """A case submitted a month before `closed_at`, ended and closed then, with a note, an
    evidence file on disk and its notifications."""
    with time_machine.travel(closed_at - 30 * DAY, tick=False):
        case = make_case()
        if evidence:
            record = EvidenceFile(
                case=case,
                original_name="张示例身份证.pdf",
                content_type="application/pdf",
                size=9,
                sha256="0" * 64,
            )
            record.file.save("proof.pdf", ContentFile(b"%PDF-1.4 x"), save=False)
            record.save()
    with time_machine.travel(closed_at, tick=False):
        CaseEvent.objects.create(
            case=case, kind=CaseEvent.Kind.NOTE, staff_note="张示例来电，手机13800000001"
        )
    Case.objects.filter(pk=case.pk).update(
        status=status, closed_at=closed_at if status == CaseStatus.CLOSED else None
    )
    case.refresh_from_db()
    return case


def anonymise(**kwargs):
    with time_machine.travel(NOW, tick=False):
        return anonymise_closed_cases(**kwargs)


def test_a_case_closed_three_years_and_a_day_ago_is_anonymised(settings):
    case = closed_case(THREE_YEARS_AGO - DAY)
    files = [record.file.path for record in case.evidence.all()]
    facts = (case.application_type, case.region, case.agency_id, case.categories)
    facts += (case.amount_claimed, case.workers_involved, case.submitted_at, case.closed_at)

    outcome = anonymise()

    assert (outcome.cases, outcome.evidence_files) == (1, 1)
    case.refresh_from_db()
    assert case.anonymised_at == NOW
    assert (case.applicant_name, case.applicant_phone) == (PLACEHOLDER, PLACEHOLDER)
    assert case.applicant_email == "" and case.respondent_name == PLACEHOLDER
    applicant = case.answers["applicant"]
    # Identifiers are emptied, not replaced: no digest left to match other cases by.
    assert applicant["id_number"] == "" and applicant["name"] == PLACEHOLDER
    assert (case.applicant_id_digest, case.applicant_phone_digest) == ("", "")
    assert applicant["kind"] == "worker"  # a fact, not a person
    assert case.answers["dispute"]["facts"] == PLACEHOLDER
    assert case.answers["dispute"]["categories"] == ["pay"]
    kept = (case.application_type, case.region, case.agency_id, case.categories)
    kept += (case.amount_claimed, case.workers_involved, case.submitted_at, case.closed_at)
    assert kept == facts
    assert not EvidenceFile.objects.filter(case=case).exists()
    assert files and not any(os.path.exists(path) for path in files)
    notes = CaseEvent.objects.filter(case=case).values_list("staff_note", "public_note")
    assert all(text in ("", PLACEHOLDER) for pair in notes for text in pair)
    for notification in Notification.objects.filter(case=case):
        assert (notification.recipient, notification.body) == (PLACEHOLDER, PLACEHOLDER)
        assert notification.status != Notification.Status.QUEUED
    text = repr(list(Case.objects.filter(pk=case.pk).values()))
    assert "张示例" not in text and "13800000001" not in text


def test_anonymised_cases_are_nobody_s_other_applications():
    from casework.models import AuditEntry
    from casework.services import audit

    first, second = closed_case(THREE_YEARS_AGO - DAY), closed_case(THREE_YEARS_AGO - 2 * DAY)
    live = make_case()  # the same mobile and ID number as the two old ones (factory data)
    record = first.evidence.get()
    audit.record(
        None,
        AuditEntry.Action.DOWNLOAD,
        case=first,
        detail=f"evidence:{record.pk} 张示例身份证.pdf",
    )
    Notification.objects.filter(case=first).update(
        last_error="550 rejected: worker@example.invalid"
    )
    assert {case.pk for case in same_applicant(live)} == {first.pk, second.pk}

    anonymise()

    first.refresh_from_db()
    assert same_applicant(first) == [] and same_applicant(live) == []
    assert AuditEntry.objects.get(case=first).detail == f"evidence:{record.pk}"
    assert not Notification.objects.filter(case=first).exclude(last_error="").exists()


def test_a_case_closed_a_day_short_of_three_years_is_kept():
    case = closed_case(THREE_YEARS_AGO + DAY)
    assert anonymise().cases == 0
    case.refresh_from_db()
    assert case.anonymised_at is None and case.applicant_name == "张示例"
    assert EvidenceFile.objects.filter(case=case).count() == 1
    assert case.evidence.get().file.storage.exists(case.evidence.get().file.name)


def test_open_cases_are_never_anonymised():
    for status in (CaseStatus.SUBMITTED, CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION):
        closed_case(THREE_YEARS_AGO - 400 * DAY, status=status, evidence=False)
    assert anonymise().cases == 0
    assert not Case.objects.exclude(applicant_name="张示例").exists()


def test_an_ended_case_never_closed_counts_from_its_last_event():
    quiet = closed_case(THREE_YEARS_AGO - DAY, status=CaseStatus.AGREEMENT, evidence=False)
    busy = closed_case(THREE_YEARS_AGO - DAY, status=CaseStatus.AGREEMENT, evidence=False)
    with time_machine.travel(THREE_YEARS_AGO + DAY, tick=False):
        CaseEvent.objects.create(case=busy, kind=CaseEvent.Kind.NOTE, staff_note="回访")
    assert anonymise().cases == 1
    assert Case.objects.get(pk=quiet.pk).anonymised_at == NOW
    assert Case.objects.get(pk=busy.pk).anonymised_at is None


def test_the_period_is_a_setting(settings):
    case = closed_case(THREE_YEARS_AGO + DAY)
    settings.PERSONAL_DATA_RETENTION_YEARS = 2
    assert anonymise().cases == 1
    case.refresh_from_db()
    assert case.anonymised_at == NOW


def test_idempotent_and_each_run_logged():
    case = closed_case(THREE_YEARS_AGO - DAY)
    anonymise()
    case.refresh_from_db()
    first = (case.anonymised_at, case.updated_at)
    with time_machine.travel(NOW + DAY, tick=False):
        again = anonymise_closed_cases()
    assert (again.cases, again.evidence_files) == (0, 0)
    case.refresh_from_db()
    assert (case.anonymised_at, case.updated_at) == first
    records = list(PurgeRecord.objects.order_by("created_at", "kind").values_list("kind", "count"))
    assert records == [
        ("cases_anonymised", 1),
        ("evidence_deleted", 1),
        ("cases_anonymised", 0),
        ("evidence_deleted", 0),
    ]
    detail = PurgeRecord.objects.values_list("detail", flat=True).first()
    assert detail.startswith("closed before 2023-12-0") and "张" not in detail


def test_dry_run_counts_and_changes_nothing():
    case = closed_case(THREE_YEARS_AGO - DAY)
    output = io.StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("anonymise_closed_cases", "--dry-run", stdout=output)
    assert "Would anonymise 1 case(s)" in output.getvalue()
    assert "1 evidence file(s)" in output.getvalue()
    case.refresh_from_db()
    assert case.anonymised_at is None and case.applicant_name == "张示例"
    assert EvidenceFile.objects.filter(case=case).exists()
    assert not PurgeRecord.objects.exists()


def test_the_command_anonymises_and_says_how_many():
    closed_case(THREE_YEARS_AGO - DAY)
    output = io.StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("anonymise_closed_cases", stdout=output)
    assert "Anonymised 1 case(s) closed before 2023-12-04 10:00" in output.getvalue()
    assert "张示例" not in output.getvalue()


def test_scheduled_nightly():
    from portal.schedule import BY_NAME

    job = BY_NAME["anonymise_closed_cases"]
    assert job.command == "anonymise_closed_cases" and job.cron == "0 4 * * *"
