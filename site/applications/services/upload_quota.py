"""How much evidence one browser session, one client address and the whole site may hold
(ADR 0040). The per-file limits stay in cases/validators.py.

- Per session: files and bytes uploaded, counted in the session itself (removing a file
  does not give the quota back: re-uploading is not a way around it).
- Per client address: files and bytes per hour and per day, in the shared cache (fixed
  windows, like applications/services/ratelimit.py), so a visitor who drops the session
  cookie for every request is still counted.
- Site-wide: the bytes of every pending (not yet submitted) upload on disk; when the next
  files would pass the ceiling, uploads are refused until submissions and the purge of
  abandoned uploads free space. Submitting without evidence is never refused.

`refusal()` checks without counting; `record()` counts what was stored. Between the two
another request may pass the same check: the ceilings hold within a few files.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.services.client_address import client_ip
from cases.services import evidence as evidence_store

SESSION_KEY = "evidence-quota"
WINDOWS = {"hour": 3600, "day": 86400}


def _uploads_size(uploads) -> int:
    return sum(upload.size for upload in uploads)


def _session_used(session) -> tuple[int, int]:
    used = session.get(SESSION_KEY) or {}
    return int(used.get("files", 0)), int(used.get("bytes", 0))


def _ip_key(ip: str, window: str, kind: str) -> str:
    period = WINDOWS[window]
    digest = hashlib.sha256(f"evidence:{ip}".encode()).hexdigest()[:32]
    slot = int(timezone.now().timestamp() // period)
    return f"upload-quota:{digest}:{window}:{slot}:{kind}"


def _ip_used(ip: str, window: str) -> tuple[int, int]:
    files = cache.get(_ip_key(ip, window, "files")) or 0
    size = cache.get(_ip_key(ip, window, "bytes")) or 0
    return int(files), int(size)


def _ip_limits(window: str) -> tuple[int, int]:
    if window == "hour":
        return settings.EVIDENCE_IP_HOURLY_FILES, settings.EVIDENCE_IP_HOURLY_BYTES
    return settings.EVIDENCE_IP_DAILY_FILES, settings.EVIDENCE_IP_DAILY_BYTES


def refusal(request, uploads) -> str:
    """Why these uploads may not be stored (a message for the applicant), or ""."""
    if not uploads:
        return ""
    count, size = len(uploads), _uploads_size(uploads)
    files_used, bytes_used = _session_used(request.session)
    if (
        files_used + count > settings.EVIDENCE_SESSION_MAX_FILES
        or bytes_used + size > settings.EVIDENCE_SESSION_MAX_BYTES
    ):
        return _(
            "You have uploaded as many files as one application may. You can send the"
            " application without more files and bring the rest to the mediation."
        )
    ip = client_ip(request)
    for window in WINDOWS:
        max_files, max_bytes = _ip_limits(window)
        files_used, bytes_used = _ip_used(ip, window)
        if files_used + count > max_files or bytes_used + size > max_bytes:
            return _(
                "Too many files have been uploaded from your network recently. Please try"
                " again later, or send the application without files and bring them to"
                " the mediation."
            )
    if evidence_store.pending_bytes() + size > settings.EVIDENCE_PENDING_MAX_BYTES:
        return _(
            "Uploads are paused for now because the site has received many files. You can"
            " still send the application without files and bring them to the mediation."
        )
    return ""


def record(request, uploads) -> None:
    """Count stored uploads against the session and the client address."""
    if not uploads:
        return
    count, size = len(uploads), _uploads_size(uploads)
    files_used, bytes_used = _session_used(request.session)
    request.session[SESSION_KEY] = {"files": files_used + count, "bytes": bytes_used + size}
    ip = client_ip(request)
    for window, period in WINDOWS.items():
        for kind, amount in (("files", count), ("bytes", size)):
            key = _ip_key(ip, window, kind)
            cache.add(key, 0, timeout=period + 5)
            try:
                cache.incr(key, amount)
            except ValueError:  # expired between add and incr
                cache.set(key, amount, timeout=period + 5)
