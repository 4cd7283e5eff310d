"""Startup check: the configured personal data keys can read what the database holds.

Registered with the database tag, so it runs with `migrate` and `check --database default`
(the deploy steps in docs/deploy/personal-data-keys.md) and the instance refuses to start
on a wrong key instead of failing on the first page that shows personal data. For every
encrypted column of every model it reads the newest stored token and decrypts it.

The column is read as plain text (a cast, so the field does not decrypt it): a value that
is not a Fernet token is data from before its app's encryption migration (an installation
being upgraded, `migrate` about to encrypt it), which is nothing to check yet.
"""

from django.core import checks
from django.db import DatabaseError, models
from django.db.models.functions import Cast

from personal_data import keys
from personal_data.rotation import encrypted_fields

WRONG_KEY = "personal_data.E001"
FERNET_PREFIX = "gAAAAA"  # every Fernet token: version byte 0x80, base64


def _newest_token(model, name: str) -> str | None:
    raw = (
        model._base_manager.exclude(**{f"{name}__isnull": True})
        .annotate(raw=Cast(name, models.TextField()))
        .exclude(raw="")
        .order_by("-pk")
        .values_list("raw", flat=True)
        .first()
    )
    return raw if raw and raw.startswith(FERNET_PREFIX) else None


@checks.register(checks.Tags.database)
def personal_data_keys_read_stored_data(app_configs=None, databases=None, **kwargs):
    if not databases or "default" not in databases:
        return []
    try:
        for model, names in encrypted_fields().items():
            for name in names:
                token = _newest_token(model, name)
                if token is not None:
                    keys.decrypt(token)
    except keys.PersonalDataKeyError:
        return [checks.Error(keys.WRONG_KEY_MESSAGE, id=WRONG_KEY)]
    except DatabaseError:
        return []  # tables not migrated yet: nothing stored to read
    return []
