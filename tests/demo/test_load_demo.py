import io
import stat

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory
from wagtail.models import Page, PageLogEntry, Revision, Site

from guidance.models import PolicyPage
from home.models import NavigationItem, SiteSettings

pytestmark = pytest.mark.django_db
# Sign-ins go through django-axes, which needs the request (its address) to count failures.
SIGN_IN = RequestFactory().post("/admin/login/")


def run_load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot():
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title", "live")),
        "revisions": Revision.objects.count(),
        "log": PageLogEntry.objects.count(),
        "users": list(get_user_model().objects.values_list("username", "password")),
        "sites": list(Site.objects.values_list("hostname", "root_page_id")),
        "nav": list(NavigationItem.objects.values_list("label", "page_id", "sort_order")),
        "contact": list(SiteSettings.objects.values_list("hotline", "address")),
    }


def test_builds_tree_settings_policy_and_admin(settings, tmp_path, monkeypatch):
    settings.VAR_DIR = tmp_path
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    output = run_load_demo()

    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class.__name__ == "HomePage"
    labels = [item.label for item in SiteSettings.for_site(site).menu_items]
    assert labels == ["政策文件", "通知公告", "办事指南", "调解组织", "在线申请", "进度查询"]
    assert SiteSettings.for_site(site).hotline
    policy = PolicyPage.objects.get(slug="sui-ren-she-han-2023-57")
    assert policy.live and policy.document_number == "随人社函〔2023〕57号"

    credentials = tmp_path / "demo-credentials.txt"
    assert stat.S_IMODE(credentials.stat().st_mode) == 0o600
    password = credentials.read_text().split("password: ")[1].strip()
    assert password in output  # printed once
    user = authenticate(SIGN_IN, username="admin", password=password)
    assert user is not None and user.is_superuser


def test_second_run_changes_nothing_and_says_so(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    run_load_demo()
    before = snapshot()
    output = run_load_demo()
    assert "nothing changed" in output
    assert snapshot() == before


def test_demo_password_from_environment(settings, tmp_path, monkeypatch):
    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("DEMO_PASSWORD", "Env-Chosen-Passw0rd")
    output = run_load_demo()
    assert "Env-Chosen-Passw0rd" not in output
    assert not (tmp_path / "demo-credentials.txt").exists()
    assert authenticate(SIGN_IN, username="admin", password="Env-Chosen-Passw0rd") is not None


def test_existing_admin_password_is_kept(settings, tmp_path, monkeypatch):
    settings.VAR_DIR = tmp_path
    get_user_model().objects.create_superuser("admin", "a@example.invalid", "Original-Pass-1")
    monkeypatch.setenv("DEMO_PASSWORD", "Another-Pass-2")
    run_load_demo()
    assert authenticate(SIGN_IN, username="admin", password="Original-Pass-1") is not None


def test_rebuilds_after_a_flush_removed_wagtail_root(settings, tmp_path):
    """A flushed database (transactional tests) lacks Wagtail's root and locale."""
    settings.VAR_DIR = tmp_path
    Site.objects.all().delete()
    Page.objects.all().delete()
    run_load_demo()
    assert Site.objects.get(is_default_site=True).root_page.title.startswith("随州市")
