"""The client's IP address, also behind a reverse proxy, without trusting what clients say.

Behind nginx every request comes from the proxy (REMOTE_ADDR 127.0.0.1), so the client's
address must come from X-Forwarded-For; but that header is whatever the client sent, with
the proxy's own entry appended on the right. So:
- REMOTE_ADDR not a trusted proxy (TRUSTED_PROXIES, default none): REMOTE_ADDR is the
  client; any X-Forwarded-For is ignored (a client cannot pick its own address).
- REMOTE_ADDR a trusted proxy: the address the proxies appended, counted from the right
  (TRUSTED_PROXY_COUNT, default 1: nginx alone); entries further left are the client's
  own claims and never used. (django-ipware was tried and left out: its proxy count
  counts proxies inside the header and, non-strict, returns the left-most, spoofable entry;
  ADR 0024.)
nginx: `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;` (README, ADR 0024).
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]):
    return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies)


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address) -> bool:
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    return address is not None and any(address in network for network in networks)


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    if not _trusted(_address(remote)):
        return remote or "unknown"
    # Right to left: each trusted proxy appended the address it received from; the first
    # entry a trusted proxy did not vouch for is the client. TRUSTED_PROXY_COUNT bounds the
    # walk, so an entry the client wrote is never reached however it is dressed up.
    entries = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    hops = [entry for entry in reversed(entries) if entry.strip()]
    client = remote
    for entry in hops[: settings.TRUSTED_PROXY_COUNT]:
        address = _address(entry)
        if address is None:
            break  # a malformed chain: count it against the last sure address, not a guess
        client = str(address)
        if not _trusted(address):
            break
    return client
