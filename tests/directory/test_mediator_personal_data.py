"""The mediator register's ID numbers and phones encrypted at rest (ADR 0038): stored as
tokens, found and kept unique by the keyed digest, masked in the admin list, covered by
key rotation, the startup key check and the migration that encrypted existing rows."""

import io

import pytest
from cryptography.fernet import Fernet
from django.core.checks import Tags, run_checks
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from stdnum.cn import ric

from directory.models import Mediator
from personal_data import keys
from personal_data.checks import personal_data_keys_read_stored_data

pytestmark = pytest.mark.django_db

PHONE = "13712345678"
LANDLINE = "0722-3456789"


def id_number(seed):
    body = f"42900119800101{seed:03d}"
    return body + ric.calc_check_digit(body + "0")


def raw(mediator) -> dict:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT phone, phone_masked, id_number, id_number_digest FROM directory_mediator "
            "WHERE id = %s",
            [mediator.pk],
        )
        return dict(zip(["phone", "masked", "id_number", "digest"], cursor.fetchone(), strict=True))


def test_phone_and_id_number_are_stored_encrypted(agencies, make_mediator):
    mediator = make_mediator(agencies["hrss"], phone=PHONE, id_number=id_number(1))
    stored = raw(mediator)
    assert PHONE not in stored["phone"] and id_number(1) not in stored["id_number"]
    assert stored["phone"].startswith("gAAAAA") and stored["id_number"].startswith("gAAAAA")
    assert stored["masked"] == "137****5678"
    assert stored["digest"] == keys.digest("id_number", id_number(1))
    fresh = Mediator.objects.get(pk=mediator.pk)
    assert (fresh.phone, fresh.id_number) == (PHONE, id_number(1))
    # No lookup on ciphertext: finding a mediator by ID number goes through the digest.
    with pytest.raises(Exception, match="Unsupported lookup"):
        Mediator.objects.filter(id_number=id_number(1)).exists()
    digest = keys.digest("id_number", id_number(1).lower())  # normalised: x and X alike
    assert Mediator.objects.filter(id_number_digest=digest).get() == mediator


def test_a_mediator_without_id_number_or_phone_stores_nothing(agencies, make_mediator):
    first = make_mediator(agencies["hrss"])
    second = make_mediator(agencies["hrss"])  # two blanks do not collide
    assert raw(first) == raw(second) == {"phone": "", "masked": "", "id_number": "", "digest": ""}


def test_an_id_number_belongs_to_one_register_entry(agencies, make_mediator):
    holder = make_mediator(agencies["hrss"], id_number=id_number(2))
    other = Mediator(name="李四", category="lawyer", agency=agencies["hrss"])
    other.id_number = id_number(2)
    with pytest.raises(ValidationError) as refused:
        other.full_clean(exclude=["code"])
    assert "id_number" in refused.value.message_dict
    holder.full_clean()  # its own number is no conflict
    # The database refuses it too, for anything that skips validation.
    with pytest.raises(IntegrityError), transaction.atomic():
        make_mediator(agencies["hrss"], id_number=id_number(2))


def test_admin_form_refuses_a_duplicate_id_number_and_saves_nothing(
    client, center_admin, agencies, make_mediator
):
    make_mediator(agencies["hrss"], id_number=id_number(3))
    client.force_login(center_admin)
    response = client.post(
        reverse("mediator:add"),
        {
            "name": "重复的人",
            "category": "notary",
            "agency": agencies["hrss"].pk,
            "status": "active",
            "id_number": id_number(3),
        },
    )
    assert response.status_code == 200
    assert "另一条名册记录已使用此身份证号" in response.content.decode()
    assert not Mediator.objects.filter(name="重复的人").exists()


def test_admin_list_shows_the_stored_mask_only(client, center_admin, agencies, make_mediator):
    make_mediator(agencies["hrss"], name="座机调解员", phone=LANDLINE, id_number=id_number(4))
    client.force_login(center_admin)
    content = client.get(reverse("mediator:index")).content.decode()
    assert "座机调解员" in content and "072****6789" in content
    assert LANDLINE not in content and id_number(4) not in content


def test_rotation_and_the_key_check_cover_the_register(settings, agencies, make_mediator):
    mediator = make_mediator(agencies["hrss"], phone=PHONE, id_number=id_number(5))
    before = raw(mediator)
    old, new = settings.PERSONAL_DATA_KEYS[0], Fernet.generate_key().decode()
    settings.PERSONAL_DATA_KEYS = [new, old]
    out = io.StringIO()
    call_command("rotate_personal_data_key", stdout=out)
    assert "directory.Mediator: 1 row(s) re-encrypted" in out.getvalue()
    settings.PERSONAL_DATA_KEYS = [new]
    after = raw(mediator)
    assert after["phone"] != before["phone"] and after["digest"] == before["digest"]
    assert Mediator.objects.get(pk=mediator.pk).id_number == id_number(5)
    assert personal_data_keys_read_stored_data(databases=["default"]) == []
    settings.PERSONAL_DATA_KEYS = [old]  # the register alone holds data: still checked
    errors = personal_data_keys_read_stored_data(databases=["default"])
    assert [error.id for error in errors] == ["personal_data.E001"]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)


@pytest.mark.usefixtures("transactional_db")
def test_the_migration_encrypts_existing_mediators(agencies, make_mediator):
    first = make_mediator(agencies["hrss"], phone=LANDLINE, id_number=id_number(6))
    blank = make_mediator(agencies["hrss"])
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        migrate([("directory", "0005_specialty_names_without_separators")])
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT phone, id_number FROM directory_mediator WHERE id = %s", [first.pk]
            )
            assert cursor.fetchone() == (LANDLINE, id_number(6))  # the schema before: plain
        problems = run_checks(tags=[Tags.database], databases=["default"])
        assert [p.id for p in problems if p.id.startswith("personal_data.")] == []
    finally:
        migrate(latest)
    stored = raw(first)
    assert LANDLINE not in stored["phone"] and id_number(6) not in stored["id_number"]
    assert stored["digest"] == keys.digest("id_number", id_number(6))
    assert stored["masked"] == "072****6789"
    assert raw(blank)["digest"] == "" and raw(blank)["id_number"] == ""
    first = Mediator.objects.get(pk=first.pk)
    assert (first.phone, first.id_number) == (LANDLINE, id_number(6))


def test_update_of_the_id_number_or_phone_is_refused(agencies, make_mediator):
    from personal_data.querysets import StaleDigestError

    mediator = make_mediator(agencies["hrss"], phone=PHONE, id_number=id_number(7))
    before = raw(mediator)
    with pytest.raises(StaleDigestError, match="id_number"):
        Mediator.objects.filter(pk=mediator.pk).update(id_number=id_number(8))
    with pytest.raises(StaleDigestError, match="phone"):
        Mediator.objects.active().update(phone=LANDLINE)
    assert raw(mediator) == before
    assert Mediator.objects.filter(pk=mediator.pk).update(name="改名") == 1
