"""Transfers record their sender, so transfers out of an agency can be counted. Existing
transfer events get the agency the case was with just before: the agency of the latest
earlier event that names one (its routing or previous transfer)."""

import django.db.models.deletion
from django.db import migrations, models


def backfill_senders(apps, schema_editor):
    CaseEvent = apps.get_model("cases", "CaseEvent")
    transfers = CaseEvent.objects.filter(kind="transferred", from_agency__isnull=True)
    for event in transfers.iterator():
        previous = (
            CaseEvent.objects.filter(case_id=event.case_id, agency__isnull=False)
            .filter(
                models.Q(created_at__lt=event.created_at)
                | models.Q(created_at=event.created_at, pk__lt=event.pk)
            )
            .order_by("-created_at", "-pk")
            .values_list("agency_id", flat=True)
            .first()
        )
        if previous and previous != event.agency_id:
            CaseEvent.objects.filter(pk=event.pk).update(from_agency_id=previous)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_initial"),
        ("directory", "0005_specialty_names_without_separators"),
    ]

    operations = [
        migrations.AddField(
            model_name="caseevent",
            name="from_agency",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="directory.agency",
            ),
        ),
        migrations.RunPython(backfill_senders, migrations.RunPython.noop),
    ]
