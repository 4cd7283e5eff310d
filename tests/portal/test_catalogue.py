"""The zh_Hans catalogue is complete and builds without system gettext."""

import polib
from django.utils import translation

from portal.catalogue import compile_catalogues, extract_msgids, po_path, template_msgids


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
        '{% translate "May" context "month" %}{% translate variable %}'
    )
    assert found == {(None, "Home"), (None, "Menu"), ("month", "May")}


def test_compiled_catalogue_translates(tmp_path, settings):
    compiled = compile_catalogues()
    assert compiled and all(path.stat().st_size > 0 for path in compiled)
    with translation.override("zh-hans"):
        assert translation.gettext("Large text") == "大字模式"
