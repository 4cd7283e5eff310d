"""A resident ID number belongs to one register entry: unique by its keyed digest (ADR 0038),
now that 0007 has filled the digests."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0007_encrypt_existing_mediators"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="mediator",
            constraint=models.UniqueConstraint(
                condition=models.Q(("id_number_digest", ""), _negated=True),
                fields=("id_number_digest",),
                name="unique_mediator_id_number",
            ),
        ),
    ]
