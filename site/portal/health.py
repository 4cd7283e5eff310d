"""Liveness and readiness probe: the database answers and every migration is applied."""

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def pending_migrations(connection) -> int:
    executor = MigrationExecutor(connection)
    targets = executor.loader.graph.leaf_nodes()
    return len(executor.migration_plan(targets))


def database_status(connection) -> tuple[int, dict]:
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        pending = pending_migrations(connection)
    except Exception:  # any database failure means "not ready"
        return 503, {"status": "error", "database": "unreachable"}
    if pending:
        return 503, {"status": "error", "database": "ok", "pending_migrations": pending}
    return 200, {"status": "ok", "database": "ok"}


@never_cache
@require_GET
def healthz(request):
    status, body = database_status(connections[DEFAULT_DB_ALIAS])
    return JsonResponse(body, status=status)
