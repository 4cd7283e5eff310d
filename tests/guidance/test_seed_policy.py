import re

import pytest

from guidance.demo.seed_policy import document_html

pytestmark = pytest.mark.django_db


def test_document_is_published_in_full():
    html = document_html()
    text = re.sub(r"<[^>]+>", "", html)
    # Every sentence of the source's body is there, from salutation to the last clause.
    assert "各县、市、区人力资源和社会保障局" in text
    assert "保障各项机制的正常有效运行" in text
    assert "自接收案件之日起三十日内及时将调解结果反馈法院" in text
    for heading in [
        "一、完善多元调解机制",
        "二、做好裁诉衔接工作",
        "三、推进调解队伍建设",
        "四、强化工作保障",
    ]:
        assert f"<h3>{heading}</h3>" in html
    assert "[bookmark" not in html


def test_reached_from_home_page(client, demo_site):
    home = client.get("/")
    assert home.status_code == 200
    assert 'href="/policies/"' in home.content.decode()
    section = client.get("/policies/").content.decode()
    assert 'href="/policies/sui-ren-she-han-2023-57/"' in section
    policy = client.get("/policies/sui-ren-she-han-2023-57/")
    body = policy.content.decode()
    assert policy.status_code == 200
    assert "关于推进劳动人事争议纠纷“一站式”多元联调处置机制的补充意见" in body
    assert 'aria-current="page">关于印发' in body  # breadcrumb
    assert "<dd>随人社函〔2023〕57号</dd>" in body  # standard brackets in the metadata
