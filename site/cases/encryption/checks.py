"""Startup check: the configured personal data keys can read what the database holds.

Registered with the database tag, so it runs with `migrate` and `check --database default`
(the deploy steps in docs/deploy/personal-data-keys.md) and the instance refuses to start
on a wrong key instead of failing on the first case page. Reads the newest case's answers
and the newest notification's recipient (always encrypted).
"""

from django.core import checks
from django.db import DatabaseError, connection
from django.db.migrations.recorder import MigrationRecorder

from cases.encryption import keys

WRONG_KEY = "cases.E001"
# Before this migration the rows are plain (an installation being upgraded): nothing to
# decrypt yet, and `migrate`, which runs this check first, must be able to get there.
ENCRYPTED_FROM = ("cases", "0008_encrypt_existing_rows")


@checks.register(checks.Tags.database)
def personal_data_keys_read_stored_data(app_configs=None, databases=None, **kwargs):
    if not databases or "default" not in databases:
        return []
    from cases.models import Case, Notification

    try:
        if ENCRYPTED_FROM not in MigrationRecorder(connection).applied_migrations():
            return []
        for model, field in ((Case, "answers"), (Notification, "recipient")):
            list(model.objects.order_by("-pk").values_list(field, flat=True)[:1])  # decrypts
    except keys.PersonalDataKeyError:
        return [checks.Error(keys.WRONG_KEY_MESSAGE, id=WRONG_KEY)]
    except DatabaseError:
        return []  # tables not migrated yet: nothing stored to read
    return []
