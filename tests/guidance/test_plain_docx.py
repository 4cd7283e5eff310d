"""The minimal .docx writer behind the demo document templates."""

import io
import zipfile
from xml.dom import minidom

from guidance.demo.form_templates import FORM_TEMPLATES
from guidance.demo.plain_docx import docx_bytes


def document_xml(data):
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        assert set(package.namelist()) == {
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
        }
        for name in package.namelist():
            minidom.parseString(package.read(name))  # noqa: S318 - our own output
        return package.read("word/document.xml").decode()


def test_text_is_escaped_and_every_paragraph_is_kept():
    xml = document_xml(docx_bytes("标题 <&>", ["第一段 a<b", "第二段 & 完"]))
    assert "标题 &lt;&amp;&gt;" in xml
    assert xml.count("<w:p>") == 3 and "第一段 a&lt;b" in xml and "第二段 &amp; 完" in xml


def test_the_same_text_gives_the_same_bytes():
    """So a second demo load (or a test session) reuses the stored file."""
    assert docx_bytes("标题", ["一"]) == docx_bytes("标题", ["一"])


def test_the_arbitration_template_has_the_items_of_article_28():
    title, filename, paragraphs = FORM_TEMPLATES["arbitration"]
    xml = document_xml(docx_bytes(title, paragraphs))
    assert filename.endswith(".docx")
    for item in ["申请人", "被申请人", "仲裁请求", "事实和理由", "证据和证据来源、证人姓名和住所"]:
        assert item in xml, item
