"""The Wagtail admin strings Wagtail's zh_Hans catalogue lacks (ADR 0048): their own
catalogue, compiled with ours, every msgid exactly Wagtail's, every one translated."""

import re
from pathlib import Path

import polib
import wagtail
from django.conf import settings
from django.utils import translation

from portal.catalogue import compile_catalogues

SUPPLEMENT = Path(settings.BASE_DIR) / "locale" / "wagtail" / "zh_Hans" / "LC_MESSAGES"


def wagtail_msgids():
    found = set()
    for path in Path(wagtail.__file__).parent.rglob("locale/en/LC_MESSAGES/*.po"):
        for entry in polib.pofile(str(path)):
            found.add((entry.msgctxt, entry.msgid, entry.msgid_plural or None))
    return found


def supplement():
    return polib.pofile(str(SUPPLEMENT / "django.po"))


def test_every_msgid_is_wagtails_own_and_translated():
    known = wagtail_msgids()
    for entry in supplement():
        assert (entry.msgctxt, entry.msgid, entry.msgid_plural or None) in known, entry.msgid
        text = entry.msgstr_plural.get(0) if entry.msgid_plural else entry.msgstr
        assert text and text.strip(), entry.msgid


def test_placeholders_are_kept():
    placeholder = re.compile(r"%\(\w+\)[sd]")
    for entry in supplement():
        text = entry.msgstr_plural.get(0) if entry.msgid_plural else entry.msgstr
        wanted = set(placeholder.findall(entry.msgid))
        if "%(start_index)s" in entry.msgid:
            # The listing range leaves the model name out: Wagtail passes None for it in
            # search results ("1-8 of 8 None").
            wanted.discard("%(model_name)s")
        assert wanted <= set(placeholder.findall(text)), entry.msgid


def test_it_is_compiled_and_wagtail_strings_translate():
    compiled = compile_catalogues()
    assert SUPPLEMENT / "django.mo" in compiled
    with translation.override("zh-hans"):
        assert translation.gettext("Save changes") == "保存更改"
        assert translation.ngettext(
            "Referenced %(count)s time", "Referenced %(count)s times", 3
        ) % {"count": 3} == ("被引用 3 次")
        # Ours still wins and still works.
        assert translation.gettext("Large text") == "大字模式"
