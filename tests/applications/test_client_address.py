"""Client addresses behind a reverse proxy: believed only from trusted proxies, counted
from the right, so a spoofed X-Forwarded-For changes nothing (client_address.py)."""

import pytest
from django.test import RequestFactory

from applications.services import ratelimit
from applications.services.client_address import client_ip

factory = RequestFactory()


def request(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return factory.get("/", REMOTE_ADDR=remote, **extra)


def test_direct_client_is_its_remote_address(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request("198.51.100.9")) == "198.51.100.9"


def test_forwarded_header_is_ignored_without_a_trusted_proxy(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request("198.51.100.9", "1.2.3.4")) == "198.51.100.9"


def test_behind_one_proxy_the_address_it_appended_is_the_client(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request("127.0.0.1", "198.51.100.9")) == "198.51.100.9"


def test_spoofed_entries_left_of_the_proxys_are_ignored(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request("127.0.0.1", "1.2.3.4, 198.51.100.9")) == "198.51.100.9"


def test_an_untrusted_sender_cannot_claim_an_address(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request("198.51.100.77", "1.2.3.4")) == "198.51.100.77"


def test_trusted_networks_and_two_proxies(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    settings.TRUSTED_PROXY_COUNT = 2
    # client claims 1.2.3.4; the edge proxy appends the client, the inner one the edge.
    forwarded = "1.2.3.4, 198.51.100.9, 10.0.0.5"
    assert client_ip(request("10.0.0.6", forwarded)) == "198.51.100.9"


def test_trusted_proxy_without_the_header_falls_back_to_its_address(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request("127.0.0.1")) == "127.0.0.1"


def test_two_clients_behind_the_proxy_have_separate_limits(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.APPLICATION_RATE_LIMIT = "2/h"
    first = request("127.0.0.1", "198.51.100.1")
    second = request("127.0.0.1", "6.6.6.6, 198.51.100.2")
    assert [ratelimit.application_allowed(first) for _ in range(3)] == [True, True, False]
    assert ratelimit.application_allowed(second)  # not the first client's count


def test_malformed_trusted_proxies_stop_startup_naming_the_variable(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from portal.settings.environment import env_networks

    monkeypatch.setenv("TRUSTED_PROXIES", "127.0.0.1,nginx")
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        env_networks("TRUSTED_PROXIES")


def test_a_client_inside_the_trusted_network_is_itself(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(request("10.0.0.6", "10.1.2.3")) == "10.1.2.3"


def test_a_malformed_header_counts_against_the_proxy(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request("127.0.0.1", "not-an-address")) == "127.0.0.1"
