"""Declines record their grounds as a category; earlier declines count as "other"."""

from django.db import migrations, models


def earlier_declines_are_other(apps, schema_editor):
    CaseOutcome = apps.get_model("casework", "CaseOutcome")
    CaseOutcome.objects.filter(kind="rejected", grounds="").update(grounds="other")


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0003_case_foreign_keys_to_cases"),
    ]

    operations = [
        migrations.AddField(
            model_name="caseoutcome",
            name="grounds",
            field=models.CharField(
                blank=True,
                choices=[
                    ("not_labor_dispute", "Not a labor or personnel dispute"),
                    ("out_of_area", "Outside this agency's area or remit"),
                    ("already_elsewhere", "Already before arbitration, a court or another body"),
                    ("time_limit", "The time limit for the claim has passed"),
                    ("incomplete", "Information missing and not supplied"),
                    ("duplicate", "Same dispute already applied for"),
                    ("other", "Other"),
                ],
                max_length=20,
                verbose_name="Grounds",
            ),
        ),
        migrations.RunPython(earlier_declines_are_other, migrations.RunPython.noop),
    ]
