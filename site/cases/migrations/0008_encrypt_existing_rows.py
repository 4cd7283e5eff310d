"""Personal data encrypted at rest (ADR 0038), the rows: existing mobiles, answers and
notification recipients encrypted in place, in batches, with the first of
PERSONAL_DATA_KEYS; the digests and the mask filled. Backwards writes the plain values
again: only for deliberately going back to an older schema."""

import json

from django.db import migrations

from personal_data import keys
from cases.privacy import mask_phone

BATCH = 500


def _rows(connection, table, columns):
    """Batches of (id, *columns), by id: never a cursor open across the updates."""
    last = 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, {columns} FROM {table} WHERE id > %s ORDER BY id LIMIT {BATCH}",
                [last],
            )
            batch = cursor.fetchall()
        if not batch:
            return
        yield batch
        last = batch[-1][0]


def _applicant_id(answers: dict):
    return ((answers or {}).get("applicant") or {}).get("id_number")


def encrypt_existing_rows(apps, schema_editor):
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    case_table, notification_table = quote("applications_case"), quote("applications_notification")
    for batch in _rows(connection, case_table, "applicant_phone, answers"):
        updates = []
        for pk, phone, answers in batch:
            data = answers if isinstance(answers, dict) else json.loads(answers or "{}")
            phone = phone or ""
            updates.append(
                (
                    keys.encrypt(phone) if phone else "",
                    keys.encrypt(json.dumps(data, ensure_ascii=False)),
                    keys.digest("phone", phone),
                    mask_phone(phone),
                    keys.digest("id_number", _applicant_id(data)),
                    pk,
                )
            )
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {case_table} SET applicant_phone = %s, answers = %s, "
                "applicant_phone_digest = %s, applicant_phone_masked = %s, "
                "applicant_id_digest = %s WHERE id = %s",
                updates,
            )
    for batch in _rows(connection, notification_table, "recipient"):
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {notification_table} SET recipient = %s WHERE id = %s",
                [(keys.encrypt(recipient) if recipient else "", pk) for pk, recipient in batch],
            )


def decrypt_rows(apps, schema_editor):
    """Backwards (only for migrating to an older schema on purpose): the plain values."""
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    case_table, notification_table = quote("applications_case"), quote("applications_notification")
    for batch in _rows(connection, case_table, "applicant_phone, answers"):
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {case_table} SET applicant_phone = %s, answers = %s WHERE id = %s",
                [
                    (keys.decrypt(phone) if phone else "", keys.decrypt(answers), pk)
                    for pk, phone, answers in batch
                ],
            )
    for batch in _rows(connection, notification_table, "recipient"):
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {notification_table} SET recipient = %s WHERE id = %s",
                [(keys.decrypt(recipient) if recipient else "", pk) for pk, recipient in batch],
            )


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0007_encrypt_personal_data"),
    ]

    operations = [
        migrations.RunPython(encrypt_existing_rows, decrypt_rows, elidable=False),
    ]
