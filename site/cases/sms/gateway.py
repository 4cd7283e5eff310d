"""An SMS provider reached over HTTP (ADR 0042).

The contract is the one common to provincial government SMS platforms and commercial
providers' "HTTP API" products: a JSON POST per message, authenticated by an account id and
an HMAC-SHA256 signature of the timestamp and body with the account secret, answered with
JSON `{"code": "0", ...}` on success. Everything comes from the environment:

    SMS_GATEWAY_URL        https://sms.example.gov.cn/api/send
    SMS_GATEWAY_ACCOUNT    the account id
    SMS_GATEWAY_SECRET     the signing secret
    SMS_GATEWAY_SIGNATURE  the registered sender signature, e.g. 随州劳动争议调解中心
    SMS_GATEWAY_TEMPLATES  purpose=template id pairs, e.g. confirmation=T1001,progress=T1002
                           (a purpose without a template is sent as free text)
    SMS_GATEWAY_TIMEOUT    seconds, default 10

Server errors, timeouts and unreachable gateways are temporary (retried with backoff by
cases/tasks.py); a 4xx answer or a non-zero code is permanent.
"""

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from . import PermanentFailure, TemporaryFailure


@dataclass(frozen=True)
class GatewayConfig:
    url: str
    account: str
    secret: str
    signature: str
    templates: dict[str, str]
    timeout: float

    @classmethod
    def from_settings(cls) -> "GatewayConfig":
        missing = [
            name
            for name in ("SMS_GATEWAY_URL", "SMS_GATEWAY_ACCOUNT", "SMS_GATEWAY_SECRET")
            if not getattr(settings, name, "")
        ]
        if missing:
            raise ImproperlyConfigured(
                f"The HTTP SMS gateway needs {', '.join(missing)} in the environment."
            )
        url = settings.SMS_GATEWAY_URL
        if not url.startswith(("https://", "http://")):
            raise ImproperlyConfigured("SMS_GATEWAY_URL must be an http(s) URL.")
        return cls(
            url=url,
            account=settings.SMS_GATEWAY_ACCOUNT,
            secret=settings.SMS_GATEWAY_SECRET,
            signature=getattr(settings, "SMS_GATEWAY_SIGNATURE", ""),
            templates=parse_templates(getattr(settings, "SMS_GATEWAY_TEMPLATES", "")),
            timeout=float(getattr(settings, "SMS_GATEWAY_TIMEOUT", 10)),
        )


def parse_templates(value: str) -> dict[str, str]:
    """`confirmation=T1,progress=T2` -> {"confirmation": "T1", "progress": "T2"}."""
    templates = {}
    for pair in filter(None, (part.strip() for part in value.split(","))):
        purpose, separator, template = pair.partition("=")
        if not separator or not purpose.strip() or not template.strip():
            raise ImproperlyConfigured(
                f"SMS_GATEWAY_TEMPLATES: '{pair}' is not purpose=template_id."
            )
        templates[purpose.strip()] = template.strip()
    return templates


def sign(secret: str, timestamp: str, body: bytes) -> str:
    return hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


class HttpGatewayBackend:
    delivers = True

    def __init__(self):
        self.config = GatewayConfig.from_settings()

    def payload(self, phone: str, text: str, purpose: str) -> dict:
        payload = {
            "account": self.config.account,
            "mobile": phone,
            "content": text,
            "signature": self.config.signature,
            "request_id": uuid.uuid4().hex,
        }
        template = self.config.templates.get(purpose)
        if template:
            payload["template_id"] = template
        return payload

    def send(self, phone: str, text: str, purpose: str = "") -> str:
        body = json.dumps(self.payload(phone, text, purpose), ensure_ascii=False).encode()
        timestamp = str(int(time.time()))
        request = urllib.request.Request(  # noqa: S310 - scheme checked in GatewayConfig
            self.config.url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "X-Sms-Account": self.config.account,
                "X-Sms-Timestamp": timestamp,
                "X-Sms-Signature": sign(self.config.secret, timestamp, body),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.config.timeout) as response:  # noqa: S310
                answer = response.read(64 * 1024)
        except urllib.error.HTTPError as error:
            if error.code >= 500 or error.code == 429:
                raise TemporaryFailure(f"gateway answered HTTP {error.code}") from error
            raise PermanentFailure(f"gateway refused the message: HTTP {error.code}") from error
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            raise TemporaryFailure(f"gateway unreachable: {error}") from error
        return self.read_answer(answer)

    @staticmethod
    def read_answer(answer: bytes) -> str:
        try:
            data = json.loads(answer)
        except ValueError as error:
            raise TemporaryFailure("gateway answered something that is not JSON") from error
        if not isinstance(data, dict):
            raise TemporaryFailure("gateway answered something that is not a JSON object")
        code = str(data.get("code", ""))
        if code != "0":
            message = str(data.get("message", ""))[:200]
            raise PermanentFailure(f"gateway refused the message: code {code} {message}".strip())
        return str(data.get("message_id", ""))
