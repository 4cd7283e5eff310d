"""The demo guidance: real, cited content built from the guidance blocks; block rendering."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page

from guidance.blocks import GUIDANCE_BLOCKS, CallToActionBlock
from guidance.models import GuidanceIndexPage, GuidancePage, NoticeIndexPage, PolicyIndexPage
from home.models import NavigationItem, StandardPage

pytestmark = pytest.mark.django_db

# slug -> facts each page must state (the cited articles and their limits)
FACTS = {
    "apply-for-mediation": [
        "12348",
        "12333",
        "劳动保障监察",
        "调解申请书",
        "授权委托书",
        "第二条",
        "因确认劳动关系发生的争议",
        "第十四条",
        "15日",
        "第二十七条",
        "1年",
    ],
    "union-setup": ["第十一条", "二十五人以上", "组织员一人", "第十二条", "报上一级工会批准"],
    "apply-for-arbitration": [
        "劳动合同履行地或者用人单位所在地",
        "第二十一条",
        "第二十七条",
        "1年",
        "劳动争议仲裁不收费",
        "第五十三条",
        "仲裁申请书",
        "授权委托书",
        "/tools/time-limit/",
        "12348",
        "12333",
        "劳动保障监察",
    ],
    "committee-setup": [
        "大中型企业应当依法设立调解委员会",
        "第十三条",
        "第十四条",
        "第十条",
        "职工代表和企业代表组成",
        "企业负责人指定",
        "主任",
    ],
    "court-referred-mediation": ["30日", "15日", "7日", "第二十七条", "反馈法院"],
    "sue-after-arbitral-award": [
        "12348",
        "第四十八条",
        "第四十九条",
        "第五十条",
        "诉讼服务站",
        "30日内",
    ],
}


def test_sections_have_their_own_types(demo_site):
    assert PolicyIndexPage.objects.get().url_path.endswith("/policies/")
    assert NoticeIndexPage.objects.get().url_path.endswith("/notices/")
    assert GuidanceIndexPage.objects.get().url_path.endswith("/guidance/")


@pytest.mark.parametrize(("slug", "facts"), FACTS.items())
def test_guidance_pages_state_the_law(client, demo_site, slug, facts):
    html = client.get(f"/guidance/{slug}/").content.decode()
    for fact in facts:
        assert fact in html, fact
    assert "<details>" in html or slug == "committee-setup" or slug == "court-referred-mediation"
    assert 'class="guide-block guide-cta"' in html and "btn btn-primary btn-lg" in html
    assert "示例" in html  # fictional contact details are marked


def test_citations_link_the_seed_policy(client, demo_site):
    html = client.get("/guidance/court-referred-mediation/").content.decode()
    assert '<a href="/policies/sui-ren-she-han-2023-57/">随人社函〔2023〕57号</a>' in html


def test_every_block_renders_its_preview(demo_site):
    for name, block in GUIDANCE_BLOCKS:
        if name == "contacts":
            continue
        html = block.render(block.get_preview_value())
        assert html.strip().startswith("<section"), name


def test_call_to_action_needs_exactly_one_target():
    block = CallToActionBlock()
    for value in [
        {"text": "申请", "description": "", "page": None, "url": ""},
        {"text": "申请", "description": "", "page": None, "url": "https://example.com/"},
        {"text": "申请", "description": "", "page": None, "url": "//evil.example/"},
    ]:
        with pytest.raises((StructBlockValidationError, ValidationError)):
            block.clean(block.to_python(value))
    assert block.clean(block.to_python({"text": "申请", "page": None, "url": "/apply/"}))


def test_old_standard_page_sections_are_replaced(demo_site):
    """A database from before the publishing types: sections were StandardPages."""
    home = demo_site
    for model in (PolicyIndexPage, NoticeIndexPage, GuidanceIndexPage):
        section = model.objects.get()
        title = section.title
        menu = list(NavigationItem.objects.filter(page=section).values_list("pk", flat=True))
        section.delete()
        old = StandardPage(title=title, slug=section.slug, intro="旧摘要", body="<p>旧正文</p>")
        home.add_child(instance=old)
        old.save_revision().publish()
        NavigationItem.objects.filter(pk__in=menu).update(page=old)
    call_command("load_demo", stdout=io.StringIO())
    for slug in ["policies", "notices", "guidance"]:
        page = home.get_children().get(slug=slug).specific
        assert not isinstance(page, StandardPage)
        assert NavigationItem.objects.get(label=page.title).page_id == page.pk
    assert GuidancePage.objects.count() == 6
    assert Page.objects.get(slug="sui-ren-she-han-2023-57").specific.document_number


def test_every_guide_has_the_apply_button_at_the_top(client, demo_site):
    for guide in GuidancePage.objects.live():
        html = client.get(guide.url).content.decode()
        button = html.index('<p class="guide-apply"><a class="btn btn-primary" href="/apply/">')
        assert button < html.index('class="guide-block'), guide.slug


def test_court_periods_are_stated_one_way(client, demo_site):
    """Delegated 30 days, entrusted 15 (ordinary) / 7 (simple), as cases/deadlines.py counts."""
    html = client.get("/guidance/court-referred-mediation/").content.decode()
    assert "委派调解30日" in html and "适用普通程序的15日，适用简易程序的7日" in html
    for limit in ["自接收案件之日起30日", "自接收案件之日起15日", "自接收案件之日起7日"]:
        assert limit in html
    # The seed document's single 30-day feedback line is not presented as the period for all
    assert "向法院反馈结果" not in html


def test_templates_are_word_documents_linked_from_the_guides(client, demo_site):
    import zipfile
    from xml.dom import minidom

    from wagtail.documents import get_document_model

    documents = get_document_model().objects.order_by("title")
    titles = [d.title for d in documents]
    assert titles == sorted(
        ["劳动人事争议仲裁申请书（模板）", "劳动争议调解申请书（模板）", "授权委托书（模板）"]
    )
    for document in documents:
        assert document.file.name.endswith(".docx") and document.file_size > 0
        with document.file.open("rb") as handle, zipfile.ZipFile(handle) as package:
            assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml"} <= set(
                package.namelist()
            )
            body = package.read("word/document.xml")  # written by plain_docx, trusted
            text = minidom.parseString(body).toxml()  # noqa: S318
        assert document.title in text
    html = client.get("/guidance/apply-for-arbitration/").content.decode()
    arbitration = documents.get(title="劳动人事争议仲裁申请书（模板）")
    assert f'href="{arbitration.url}" download' in html
    assert client.get(arbitration.url).status_code == 200


def test_second_load_adds_no_documents(demo_site):
    from wagtail.documents import get_document_model

    before = get_document_model().objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert get_document_model().objects.count() == before == 3
