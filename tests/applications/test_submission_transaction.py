"""What a submission writes, and how briefly it holds the write lock (ADR 0020).

Reads (routing, the liaisons) and composing the messages happen before the transaction;
inside it only rows are written. With the production task queue (the database backend)
the delivery tasks are written in the same transaction.
"""

import json

import pytest
from django.db import IntegrityError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from cases import references
from cases.models import Case, CaseEvent, Notification
from cases.services import intake
from cases.services.submission import submit

from .factories import api_mediation

pytestmark = pytest.mark.usefixtures("routing_data")

# Routing rules, the handling agency, its liaisons, the live privacy notice's version;
# then the case, its two events, its messages in one statement and one delivery task per
# message.
MAX_QUERIES = 11


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def post(payload):
    return Client().post(
        "/api/v1/applications", json.dumps(payload), content_type="application/json"
    )


def _opens(sql):
    return sql.startswith(("BEGIN", "SAVEPOINT"))


def _closes(sql):
    return sql.startswith(("COMMIT", "RELEASE SAVEPOINT"))


def test_a_submission_reads_first_then_only_writes_in_its_transaction(
    database_queue, django_assert_max_num_queries
):
    payload = api_mediation()
    payload["applicant"].pop("email")
    with django_assert_max_num_queries(MAX_QUERIES), CaptureQueriesContext(connection) as queries:
        response = post(payload)
    assert response.status_code == 201, response.json()
    statements = [query["sql"].lstrip().upper() for query in queries.captured_queries]
    opened = next(i for i, sql in enumerate(statements) if _opens(sql))
    closed = max(i for i, sql in enumerate(statements) if _closes(sql))
    inside = statements[opened + 1 : closed]
    assert inside and all(sql.startswith("INSERT") for sql in inside), inside
    assert all(sql.startswith("SELECT") for sql in statements[:opened])
    # Everything a submission does was still done, in that transaction.
    case = Case.objects.get(reference=response.json()["reference"])
    assert CaseEvent.objects.filter(case=case).count() == 2
    messages = list(Notification.objects.filter(case=case))
    assert {m.purpose for m in messages} == {"new_case", "confirmation"}
    assert DBTaskResult.objects.count() == len(messages)
    assert all(case.reference in m.body for m in messages)


def test_a_taken_reference_is_drawn_again_and_the_messages_carry_the_new_one(
    database_queue, monkeypatch
):
    first, _created = submit(intake.parse(api_mediation()))
    fresh = references.generate()
    drawn = iter([first.reference, fresh])
    monkeypatch.setattr(references, "generate", lambda: next(drawn))

    second, created = submit(intake.parse(api_mediation()))

    assert created and second.reference == fresh
    assert Case.objects.count() == 2
    messages = Notification.objects.filter(case=second)
    assert messages.count() == 3
    for message in messages:
        assert fresh in message.body and first.reference not in message.body
        assert first.reference not in message.subject
    # The first case and its messages are untouched.
    assert Notification.objects.filter(case=first).count() == 3
    assert DBTaskResult.objects.count() == 6


def test_references_that_keep_colliding_fail_the_submission_without_a_trace(
    database_queue, monkeypatch
):
    first, _created = submit(intake.parse(api_mediation()))
    monkeypatch.setattr(references, "generate", lambda: first.reference)
    with pytest.raises(IntegrityError):
        submit(intake.parse(api_mediation()))
    assert Case.objects.count() == 1
    assert Notification.objects.count() == 3 and DBTaskResult.objects.count() == 3


def test_an_after_create_hook_runs_before_the_messages_are_composed(database_queue):
    application = intake.parse(api_mediation())

    def hook(case):
        case.routing_explanation = "人工指派：由曾都区人社局受理。"
        case.save(update_fields=["routing_explanation"])

    application.after_create = hook
    case, _created = submit(application)
    new_case = Notification.objects.get(case=case, purpose="new_case")
    assert "人工指派：由曾都区人社局受理。" in new_case.body


def test_a_repeated_idempotency_key_writes_nothing(database_queue):
    payload = api_mediation()
    first = Client().post(
        "/api/v1/applications",
        json.dumps(payload),
        content_type="application/json",
        headers={"Idempotency-Key": "retry-1"},
    )
    with CaptureQueriesContext(connection) as queries:
        again = Client().post(
            "/api/v1/applications",
            json.dumps(payload),
            content_type="application/json",
            headers={"Idempotency-Key": "retry-1"},
        )
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["reference"] == first.json()["reference"]
    assert not [q for q in queries.captured_queries if "INSERT" in q["sql"].upper()]
    assert Case.objects.count() == 1 and DBTaskResult.objects.count() == 3
