"""The zh_Hans catalogue is complete and builds without system gettext."""

import polib
import pytest
from django.utils import translation

from portal.catalogue import (
    UnreadableMessage,
    compile_catalogues,
    extract_msgids,
    po_path,
    python_msgids,
    template_msgids,
)


def test_every_ui_string_has_a_chinese_translation():
    catalogue = polib.pofile(str(po_path()))
    translated = {
        (entry.msgctxt, entry.msgid)
        for entry in catalogue
        if entry.msgstr.strip() and "fuzzy" not in entry.flags and not entry.obsolete
    }
    missing = sorted(msgid for key in extract_msgids() - translated for msgid in [key[1]])
    assert missing == [], f"untranslated msgids (run manage.py update_translations): {missing}"


def test_no_obsolete_or_fuzzy_entries():
    catalogue = polib.pofile(str(po_path()))
    assert not catalogue.obsolete_entries()
    assert not catalogue.fuzzy_entries()


def test_extraction_reads_templates_and_context():
    found = template_msgids(
        "{% load i18n %}{% translate \"Home\" %}{% trans 'Menu' %}"
        '{% translate "May" context "month" %}'
    )
    assert found == {(None, "Home"), (None, "Menu"), ("month", "May")}


def test_extraction_reads_python_and_context():
    found = python_msgids('_("Home")\ngettext_lazy("Menu")\npgettext("month", "May")\n')
    assert found == {(None, "Home"), (None, "Menu"), ("month", "May")}


def test_extraction_reads_the_gettext_now_alias():
    """Modules whose `_` is gettext_lazy call gettext as `gettext_now` ("Term 1" was English
    because these were never extracted)."""
    found = python_msgids('gettext_now("Term %(number)s") % {"number": 1}\n')
    assert found == {(None, "Term %(number)s")}


@pytest.mark.parametrize(
    ("source", "where"),
    [
        ("{% load i18n %}\n{% blocktranslate %}Hi {{ name }}{% endblocktranslate %}", "t.html:2"),
        ("{% load i18n %}{% blocktrans %}Hi{% endblocktrans %}", "t.html:1"),
        ("{% load i18n %}{% translate variable %}", "t.html:1"),
    ],
)
def test_templates_the_extractor_cannot_read_stop_it(source, where):
    with pytest.raises(UnreadableMessage, match=where):
        template_msgids(source, "t.html")


@pytest.mark.parametrize(
    "source",
    ['ngettext("one", "many", n)', "_(label)", 'gettext(f"Hi {name}")', 'pgettext("ctx", x)'],
)
def test_python_the_extractor_cannot_read_stops_it(source):
    with pytest.raises(UnreadableMessage, match="m.py:1"):
        python_msgids(source, "m.py")


def test_compiled_catalogue_translates(tmp_path, settings):
    compiled = compile_catalogues()
    assert compiled and all(path.stat().st_size > 0 for path in compiled)
    with translation.override("zh-hans"):
        assert translation.gettext("Large text") == "大字模式"
