"""Re-encrypting every stored personal value with the first of PERSONAL_DATA_KEYS.

Rotation (docs/deploy/personal-data-keys.md): put the new key first in PERSONAL_DATA_KEYS,
keeping the old one after it; restart; run `manage.py rotate_personal_data_key`; then
remove the old key.
Reading decrypts with whichever key fits, writing encrypts with the first, so each batch
is simply read and written back. The digests use their own key and do not change.
"""

from django.apps import apps
from django.db import transaction

from personal_data.fields import EncryptedCharField, EncryptedJSONField

BATCH = 500


def encrypted_fields() -> dict:
    """{model: [field names]} of every model holding encrypted values."""
    found = {}
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        names = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, EncryptedCharField | EncryptedJSONField)
        ]
        if names:
            found[model] = names
    return found


def rotate_model(model, names: list[str], batch: int = BATCH) -> int:
    """Rewrite every row of `model`, in batches by primary key; the number of rows."""
    done, last = 0, None
    while True:
        rows = model._base_manager.order_by("pk").only("pk", *names)
        if last is not None:
            rows = rows.filter(pk__gt=last)
        rows = list(rows[:batch])
        if not rows:
            return done
        with transaction.atomic():
            model._base_manager.bulk_update(rows, names)
        done += len(rows)
        last = rows[-1].pk


def rotate_all(batch: int = BATCH) -> dict[str, int]:
    return {
        model._meta.label: rotate_model(model, names, batch)
        for model, names in encrypted_fields().items()
    }
