"""Load tests and benchmarks: the test settings with production's database task queue."""

from .test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
