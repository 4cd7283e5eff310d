"""The mediator register's ID numbers and phones encrypted at rest (ADR 0038), the schema:
the columns become text (Fernet tokens), the ID number's keyed digest and the phone's mask
are added, and the uniqueness of ID numbers moves to the digest (0008, after 0007 has
filled it: on PostgreSQL index changes cannot follow row updates in one transaction)."""

import directory.models.mediators
import personal_data.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0005_specialty_names_without_separators"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="mediator",
            name="unique_mediator_id_number",
        ),
        migrations.AddField(
            model_name="mediator",
            name="id_number_digest",
            field=personal_data.fields.KeyedDigestField(
                kind="id_number", max_length=64, source="id_number"
            ),
        ),
        migrations.AddField(
            model_name="mediator",
            name="phone_masked",
            field=personal_data.fields.PhoneMaskField(
                max_length=20, source="phone", verbose_name="Contact phone (masked)"
            ),
        ),
        migrations.AlterField(
            model_name="mediator",
            name="id_number",
            field=personal_data.fields.EncryptedCharField(
                blank=True,
                max_length=18,
                validators=[directory.models.mediators.validate_id_number],
                verbose_name="Resident ID number",
            ),
        ),
        migrations.AlterField(
            model_name="mediator",
            name="phone",
            field=personal_data.fields.EncryptedCharField(
                blank=True, max_length=40, verbose_name="Contact phone"
            ),
        ),
    ]
