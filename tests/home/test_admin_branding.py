import pytest

pytestmark = pytest.mark.django_db


def test_admin_login_is_branded_in_chinese(client):
    html = client.get("/admin/login/").content.decode()
    assert "<title>登录 - 联调联处中心管理后台</title>" in html
    assert "登录联调联处中心管理后台" in html
    assert "Wagtail</title>" not in html


def test_admin_pages_are_branded(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "- 联调联处中心管理后台</title>" in html
