import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from home.blocks import QuickActionBlock
from home.models import NavigationItem, SiteSettings

pytestmark = pytest.mark.django_db


def clean(**value):
    base = {"title": "申请调解", "description": "", "page": None, "url": "", "icon": "apply"}
    block = QuickActionBlock()
    return block.clean(block.to_python({**base, **value}))


def test_quick_action_with_path_is_valid():
    assert clean(url="/track/")["url"] == "/track/"


@pytest.mark.parametrize("url", ["", "track", "//evil.example/", "https://evil.example/"])
def test_quick_action_needs_one_site_local_target(url):
    with pytest.raises(StructBlockValidationError):
        clean(url=url)


def test_quick_action_refuses_page_and_path_together(demo_site):
    block = QuickActionBlock()
    value = block.to_python(
        {"title": "x", "description": "", "page": demo_site.pk, "url": "/track/", "icon": "apply"}
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_navigation_item_validation(demo_site):
    site_settings = SiteSettings.objects.get()
    with pytest.raises(ValidationError):
        NavigationItem(settings=site_settings, label="x", path="").clean()
    with pytest.raises(ValidationError):
        NavigationItem(settings=site_settings, label="x", path="http://evil.example/").clean()
    NavigationItem(settings=site_settings, label="x", path="/track/").clean()


def test_current_section_is_marked(client, demo_site):
    html = client.get("/policies/sui-ren-she-han-2023-57/").content.decode()
    assert '<a href="/policies/" aria-current="true">政策文件</a>' in html
    assert '<a href="/notices/">通知公告</a>' in html
