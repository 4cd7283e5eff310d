"""The mediator register's ID numbers and phones encrypted at rest (ADR 0038), the rows:
existing values encrypted in place, in batches, with the first of PERSONAL_DATA_KEYS; the
digest and the mask filled. Backwards writes the plain values again: only for deliberately
going back to an older schema."""

from django.db import migrations

from personal_data import keys
from personal_data.masks import mask_phone

BATCH = 500
TABLE = "directory_mediator"


def _rows(connection):
    """Batches of (id, phone, id_number), by id: never a cursor open across the updates."""
    table, last = connection.ops.quote_name(TABLE), 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, phone, id_number FROM {table} WHERE id > %s ORDER BY id "
                f"LIMIT {BATCH}",
                [last],
            )
            batch = cursor.fetchall()
        if not batch:
            return
        yield batch
        last = batch[-1][0]


def _encrypted(value):
    return keys.encrypt(value) if value else ""


def _decrypted(value):
    return keys.decrypt(value) if value else ""


def encrypt_existing_rows(apps, schema_editor):
    connection = schema_editor.connection
    table = connection.ops.quote_name(TABLE)
    for batch in _rows(connection):
        updates = [
            (
                _encrypted(phone),
                mask_phone(phone or ""),
                _encrypted(id_number),
                keys.digest("id_number", id_number),
                pk,
            )
            for pk, phone, id_number in batch
        ]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET phone = %s, phone_masked = %s, id_number = %s, "
                "id_number_digest = %s WHERE id = %s",
                updates,
            )


def decrypt_rows(apps, schema_editor):
    connection = schema_editor.connection
    table = connection.ops.quote_name(TABLE)
    for batch in _rows(connection):
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET phone = %s, id_number = %s WHERE id = %s",
                [(_decrypted(phone), _decrypted(number), pk) for pk, phone, number in batch],
            )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0006_encrypt_mediator_personal_data"),
    ]

    operations = [
        migrations.RunPython(encrypt_existing_rows, decrypt_rows, elidable=False),
    ]
