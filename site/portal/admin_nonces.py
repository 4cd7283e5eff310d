"""The admin's script nonce, and writing it into the script tags Wagtail renders inline.

Wagtail's widgets render `<script>initDateChooser(...)</script>` and similar from Python
and templates that cannot take a nonce; here every `<script` tag of an admin response
(HTML, and the JSON of modal dialogs, whose HTML the page inserts and runs) gets one.
A script injected through stored content is escaped by the templates and never reaches
the response as a tag; if it did, it would carry our nonce, so the nonce guards against
injection through attributes and URLs, not against a template that marks content safe.

The nonce is the same for the whole of one signed-in session (an HMAC of the session key,
which Django changes at every sign-in): a modal dialog's JSON is fetched after its page,
and its scripts run in that page, so they must carry the page's nonce. Requests without a
session (the sign-in page) get a fresh random nonce each.
"""

import hashlib
import hmac
import re
import secrets
from base64 import urlsafe_b64encode

from django.conf import settings

SCRIPT_TAG = re.compile(rb"<script(?![^>]*\bnonce=)(?=[\s>])", re.IGNORECASE)
REWRITTEN_TYPES = ("text/html", "application/json")


def nonce_for(request) -> str:
    session = getattr(request, "session", None)
    key = session.session_key if session is not None else None
    if not key:
        return secrets.token_urlsafe(18)
    digest = hmac.new(
        settings.SECRET_KEY.encode(), b"admin-csp-nonce:" + key.encode(), hashlib.sha256
    ).digest()
    # URL-safe base64 without padding: valid unquoted inside JSON-embedded HTML too.
    return urlsafe_b64encode(digest[:18]).decode("ascii")


def write_into_scripts(response, nonce: str) -> None:
    if response.streaming or not response.get("Content-Type", "").startswith(REWRITTEN_TYPES):
        return
    content = response.content
    if b"<script" not in content.lower():
        return
    rewritten = SCRIPT_TAG.sub(b"<script nonce=" + nonce.encode("ascii"), content)
    response.content = rewritten
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(rewritten))


class AdminScriptNonceMiddleware:
    """Writes the nonce into admin responses' script tags. Placed below GZip and
    ConditionalGet, so it sees the page before it is compressed or its ETag computed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        path = request.path_info
        # Previews render editors' content as the public site would: it gets no nonce
        # (public templates have no inline script), so nothing stored in a page can run.
        if path.startswith("/admin/") and "/preview/" not in path:
            write_into_scripts(response, str(request.csp_nonce))
        return response
