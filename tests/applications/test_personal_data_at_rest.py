"""Personal data encrypted at rest (ADR 0038): after a submission through the real wizard
and API, no table holds the plain ID number or mobile; the site still finds the case by
its keyed digests and still shows masks. Run on SQLite and PostgreSQL."""

import json

import pytest
from cryptography.fernet import Fernet
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import Client

from applications.services import tracking
from cases.models import Case, Notification
from cases.services.submission import submit
from personal_data import keys
from personal_data.checks import personal_data_keys_read_stored_data

from .factories import MEDIATION_STEPS, WORKER_ID, api_mediation, application
from .wizard_client import fill
from .wizard_client import submit as submit_wizard

pytestmark = pytest.mark.usefixtures("routing_data")

PHONE = "13800000001"
EMAIL = "worker@example.invalid"


def every_stored_value() -> str:
    """The text of every row of every table, as the database returns it."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            chunks.append(repr(cursor.fetchall()))
    return "\n".join(chunks)


def raw_case(case) -> dict:
    columns = [
        "applicant_phone",
        "answers",
        "applicant_phone_digest",
        "applicant_phone_masked",
        "applicant_id_digest",
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(columns)} FROM applications_case WHERE id = %s",  # noqa: S608
            [case.pk],
        )
        return dict(zip(columns, cursor.fetchone(), strict=True))


def assert_nothing_plain(case):
    raw = raw_case(case)
    for value in (WORKER_ID, PHONE, EMAIL, "张示例"):
        assert value not in str(raw["applicant_phone"]) + str(raw["answers"])
    assert raw["applicant_phone_digest"] == keys.digest("phone", PHONE)
    assert raw["applicant_id_digest"] == keys.digest("id_number", WORKER_ID)
    assert raw["applicant_phone_masked"] == "138****0001"
    stored = every_stored_value()
    assert WORKER_ID not in stored and PHONE not in stored
    with connection.cursor() as cursor:
        cursor.execute("SELECT recipient FROM applications_notification")
        recipients = " ".join(row[0] for row in cursor.fetchall())
    assert recipients and PHONE not in recipients and EMAIL not in recipients
    # Read through the models, everything is as the applicant gave it.
    case = Case.objects.get(pk=case.pk)
    assert case.applicant_phone == PHONE
    assert case.answers["applicant"]["id_number"] == WORKER_ID
    assert PHONE in {n.recipient for n in Notification.objects.filter(case=case)}


def test_a_wizard_submission_leaves_no_plain_id_number_or_mobile(run_on_commit):
    client = Client()
    fill(client, "mediation", MEDIATION_STEPS)
    response, _key = submit_wizard(client, "mediation")
    assert response.status_code == 302
    case = Case.objects.get()
    assert_nothing_plain(case)
    # The wizard's answers left the session with the submission.
    for session in Session.objects.all():
        assert WORKER_ID not in json.dumps(session.get_decoded(), ensure_ascii=False)
    if connection.vendor == "sqlite":
        # The whole database file, free pages included.
        image = connection.connection.serialize()
        assert WORKER_ID.encode() not in image and PHONE.encode() not in image


def test_an_api_submission_leaves_no_plain_id_number_or_mobile():
    response = Client().post(
        "/api/v1/applications", json.dumps(api_mediation()), content_type="application/json"
    )
    assert response.status_code == 201, response.json()
    case = Case.objects.get()
    assert case.answers["applicant"]["id_number"] == WORKER_ID
    raw = raw_case(case)
    assert WORKER_ID not in raw["answers"] and raw["applicant_id_digest"]
    assert WORKER_ID not in every_stored_value()


def test_tracking_finds_the_case_by_its_digest_only_with_the_right_mobile():
    case, _created = submit(application())
    assert tracking.find(case.reference, PHONE) == case
    assert tracking.find(case.reference, "13800000002") is None
    assert tracking.find(case.reference, "") is None
    html = Client().post("/track/", {"reference": case.reference, "phone": PHONE}).content
    assert case.reference in html.decode() and "已收到申请" in html.decode()


def test_plain_lookups_on_encrypted_columns_are_refused():
    from django.core.exceptions import FieldError

    with pytest.raises(FieldError):
        Case.objects.filter(applicant_phone=PHONE).exists()
    assert not Case.objects.filter(applicant_phone__isnull=True).exists()


def test_saving_only_the_mobile_updates_its_digest_and_mask():
    case, _created = submit(application())
    case.applicant_phone = "13912345678"
    case.save(update_fields=["applicant_phone"])
    raw = raw_case(case)
    assert raw["applicant_phone_digest"] == keys.digest("phone", "13912345678")
    assert raw["applicant_phone_masked"] == "139****5678"
    # Ordinary assignment of placeholders (anonymisation) works and clears the digests.
    case.applicant_phone = ""
    case.answers = {"applicant": {"name": "已匿名"}}
    case.save()
    raw = raw_case(case)
    assert raw["applicant_phone"] == "" and raw["applicant_phone_digest"] == ""
    assert raw["applicant_id_digest"] == ""
    assert Case.objects.get(pk=case.pk).answers == {"applicant": {"name": "已匿名"}}


def test_a_wrong_key_refuses_to_read_and_the_startup_check_names_it(settings):
    case, _created = submit(application())
    assert personal_data_keys_read_stored_data(databases=["default"]) == []
    settings.PERSONAL_DATA_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(keys.PersonalDataKeyError, match="PERSONAL_DATA_KEYS"):
        Case.objects.get(pk=case.pk)
    errors = personal_data_keys_read_stored_data(databases=["default"])
    assert [error.id for error in errors] == ["personal_data.E001"]
    assert "PERSONAL_DATA_KEYS" in errors[0].msg


def test_without_keys_nothing_is_written(settings):
    settings.PERSONAL_DATA_KEYS = []
    with pytest.raises(ImproperlyConfigured, match="PERSONAL_DATA_KEYS"):
        submit(application())
    settings.PERSONAL_DATA_KEYS = None
    with pytest.raises(ImproperlyConfigured):
        submit(application())
    assert not Case.objects.exists() and not Notification.objects.exists()


def test_serializers_round_trip_the_plain_answers():
    from django.core import serializers

    case, _created = submit(application())
    dumped = serializers.serialize("json", [case])
    assert json.loads(dumped)[0]["fields"]["answers"]["applicant"]["id_number"] == WORKER_ID
    (loaded,) = serializers.deserialize("json", dumped)
    assert loaded.object.answers == case.answers
    assert loaded.object.applicant_phone == PHONE


def test_update_of_a_digest_source_is_refused_and_changes_nothing():
    from personal_data.querysets import StaleDigestError

    case, _created = submit(application())
    before = raw_case(case)
    with pytest.raises(StaleDigestError, match="applicant_phone"):
        Case.objects.filter(pk=case.pk).update(applicant_phone="13912345678")
    case.answers = {"applicant": {"name": "改"}}
    with pytest.raises(StaleDigestError, match="answers"):
        Case.objects.bulk_update([case], ["answers"])
    assert raw_case(case) == before
    # Fields nothing is derived from update as ever.
    assert Case.objects.filter(pk=case.pk).update(applicant_email="new@example.org") == 1
