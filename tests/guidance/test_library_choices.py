"""The policy library's filter choices are cached per content version: a request after
a change shows it, a request without a change does not read all policies again, and the
query budget holds on every path."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import Agency
from guidance.library_choices import _cache_key
from guidance.models import PolicyIndexPage, PolicyPage

pytestmark = pytest.mark.django_db

CHOICES_QUERY = "SELECT DISTINCT"  # the one query that reads every policy's year and issuers


def get(client, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/policies/", params or {})
    assert response.status_code == 200
    sql = [query["sql"] for query in queries.captured_queries]
    return response.content.decode(), sql


def year_options(html):
    select = html.split('name="year"')[1].split("</select>")[0]
    return re.findall(r'<option value="(\d{4})"', select)


def listed(html):
    return re.findall(r'<h2 class="h5 mb-1"><a href="[^"]+">([^<]+)</a>', html)


def publish(title, year, issuer_code="court-city"):
    page = PolicyPage(title=title, body="<p>正文</p>", date_published=datetime.date(year, 3, 1))
    page.issuers = list(Agency.objects.filter(code=issuer_code))
    PolicyIndexPage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    return page


def test_choices_are_read_once_then_served_from_the_cache(client, demo_site):
    get(client)  # warm Wagtail's own caches (site root paths ...)
    cache.delete(_cache_key(PolicyIndexPage.objects.get()))
    html, first = get(client)
    assert any(CHOICES_QUERY in sql for sql in first)
    html_again, second = get(client)
    assert not any(CHOICES_QUERY in sql for sql in second)
    assert len(second) == len(first) - 1
    assert year_options(html_again) == year_options(html) == ["2023"]
    assert listed(html_again) == listed(html) and len(listed(html)) == 1


def test_a_published_policy_shows_in_the_choices_at_once(client, demo_site):
    get(client)  # cache the choices
    page = publish("二〇三一年测试文件", 2031, issuer_code="justice-city")
    html, sql = get(client)
    assert year_options(html) == ["2031", "2023"]
    assert 'value="justice-city"' in html.split('name="issuer"')[1].split("</select>")[0]
    assert len(sql) <= 12 and any(CHOICES_QUERY in s for s in sql)
    page.unpublish()
    html, _ = get(client)
    assert year_options(html) == ["2023"]


def test_a_filter_that_a_change_made_valid_filters_at_once(client, demo_site):
    html, _ = get(client, {"year": "2031"})  # not in use: ignored, the whole list
    assert len(listed(html)) == 1
    publish("二〇三一年测试文件", 2031)
    html, _ = get(client, {"year": "2031"})
    assert listed(html) == ["二〇三一年测试文件"]
    assert '<option value="2031" selected>' in html


def test_the_first_request_after_a_change_stays_within_the_query_budget(client, demo_site):
    get(client, {"validity": "in_force", "page": "2"})  # warm Wagtail's own caches
    cache.delete(_cache_key(PolicyIndexPage.objects.get()))
    _, cold = get(client, {"validity": "in_force", "page": "2"})
    _, warm = get(client, {"validity": "in_force", "page": "2"})
    assert any(CHOICES_QUERY in sql for sql in cold)
    assert len(cold) <= 12 and len(warm) == len(cold) - 1
