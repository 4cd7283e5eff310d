"""Rotating the personal data key, and the migration that encrypted existing rows
(ADR 0038): values stay readable, digests stay stable, an old key can then be removed."""

import io

import pytest
from cryptography.fernet import Fernet
from django.core.checks import Tags, run_checks
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cases.models import Case, Notification
from cases.services.repeat_applicants import same_applicant
from cases.services.submission import submit
from personal_data import keys

from .factories import WORKER_ID, application, resident_id

pytestmark = pytest.mark.usefixtures("routing_data")

PHONE = "13800000001"


def raw(case) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT applicant_phone, answers, applicant_phone_digest, applicant_id_digest "
            "FROM applications_case WHERE id = %s",
            [case.pk],
        )
        return cursor.fetchone()


def test_rotation_re_encrypts_everything_with_the_new_key(settings):
    old, new = settings.PERSONAL_DATA_KEYS[0], Fernet.generate_key().decode()
    cases = [submit(application())[0] for _ in range(3)]
    before = {case.pk: raw(case) for case in cases}

    settings.PERSONAL_DATA_KEYS = [new, old]  # the new key first, the old one still readable
    out = io.StringIO()
    call_command("rotate_personal_data_key", "--batch", "2", stdout=out)
    assert "cases.Case: 3 row(s) re-encrypted" in out.getvalue()
    assert "cases.Notification:" in out.getvalue()

    settings.PERSONAL_DATA_KEYS = [new]  # the old key removed
    for case in Case.objects.all():
        assert case.applicant_phone == PHONE
        assert case.answers["applicant"]["id_number"] == WORKER_ID
        phone, answers, phone_digest, id_digest = raw(case)
        assert phone != before[case.pk][0] and answers != before[case.pk][1]
        # The digests have their own key: tracking and repeat detection keep working.
        assert (phone_digest, id_digest) == before[case.pk][2:]
    assert all(n.recipient for n in Notification.objects.all())
    assert Case.objects.filter(applicant_phone_digest=keys.digest("phone", PHONE)).count() == 3

    settings.PERSONAL_DATA_KEYS = [old]  # the old key alone reads nothing any more
    with pytest.raises(keys.PersonalDataKeyError):
        list(Case.objects.all())


def test_rotation_with_a_wrong_key_stops_and_changes_nothing(settings):
    case, _created = submit(application())
    before = raw(case)
    settings.PERSONAL_DATA_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(keys.PersonalDataKeyError):
        call_command("rotate_personal_data_key", stdout=io.StringIO())
    assert raw(case) == before


def test_same_applicant_by_mobile_or_id_number():
    first, _ = submit(application())
    other_id = resident_id(sequence="456")
    same_id, _ = submit(application(applicant={**application().applicant, "phone": "13911112222"}))
    same_phone, _ = submit(
        application(applicant={**application().applicant, "id_number": other_id})
    )
    stranger, _ = submit(
        application(
            applicant={**application().applicant, "id_number": other_id, "phone": "13933334444"}
        )
    )
    assert set(same_applicant(first)) == {same_id, same_phone}
    assert same_applicant(same_id) == [first]  # other ID, other phone than same_phone
    assert set(same_applicant(stranger)) == {same_phone}  # shares the ID number
    assert same_applicant(first, Case.objects.none()) == []


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.usefixtures("transactional_db")
def test_the_migration_encrypts_existing_rows():
    case, _created = submit(application())
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        migrate([("cases", "0006_statistics_facts")])  # the schema before: plain values
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT applicant_phone, answers FROM applications_case WHERE id = %s", [case.pk]
            )
            phone, answers = cursor.fetchone()
        assert phone == PHONE and WORKER_ID in str(answers)
        # `manage.py migrate` runs the database checks first: plain rows of an installation
        # being upgraded are not a wrong key, or the upgrade could never migrate.
        problems = run_checks(tags=[Tags.database], databases=["default"])
        assert [problem.id for problem in problems if problem.id.startswith("personal_data.")] == []
    finally:
        migrate(latest)
    phone, answers, phone_digest, id_digest = raw(case)
    assert PHONE not in phone and WORKER_ID not in answers
    assert phone_digest == keys.digest("phone", PHONE)
    assert id_digest == keys.digest("id_number", WORKER_ID)
    case = Case.objects.get(pk=case.pk)
    assert case.applicant_phone == PHONE and case.answers["applicant"]["id_number"] == WORKER_ID
    assert case.applicant_phone_masked == "138****0001"
    with connection.cursor() as cursor:
        cursor.execute("SELECT recipient FROM applications_notification")
        assert all(PHONE not in row[0] for row in cursor.fetchall())
