"""Personal data encrypted at rest (ADR 0038), the schema: the encrypted columns become
text (they will hold Fernet tokens), the keyed digests and the mask are added. The rows
are encrypted by 0008, in its own transaction: on PostgreSQL, index changes cannot follow
row updates in one transaction (pending trigger events)."""

from django.db import migrations

import personal_data.fields


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0006_statistics_facts"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="applicant_id_digest",
            field=personal_data.fields.KeyedDigestField(
                db_index=True, kind="id_number", max_length=64, source="answers.applicant.id_number"
            ),
        ),
        migrations.AddField(
            model_name="case",
            name="applicant_phone_digest",
            field=personal_data.fields.KeyedDigestField(
                db_index=True, kind="phone", max_length=64, source="applicant_phone"
            ),
        ),
        migrations.AddField(
            model_name="case",
            name="applicant_phone_masked",
            field=personal_data.fields.PhoneMaskField(
                max_length=20, source="applicant_phone", verbose_name="Mobile"
            ),
        ),
        migrations.AlterField(
            model_name="case",
            name="answers",
            field=personal_data.fields.EncryptedJSONField(default=dict, verbose_name="Answers"),
        ),
        migrations.AlterField(
            model_name="case",
            name="applicant_phone",
            field=personal_data.fields.EncryptedCharField(max_length=11, verbose_name="Mobile"),
        ),
        migrations.AlterField(
            model_name="notification",
            name="recipient",
            field=personal_data.fields.EncryptedCharField(
                max_length=254, verbose_name="Recipient"
            ),
        ),
    ]
