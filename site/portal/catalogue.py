"""Our gettext catalogue without system gettext: extract msgids, update and compile .po files.

Python sources are read with `ast` (calls to `_`, `gettext`, `gettext_lazy`, `pgettext`,
`pgettext_lazy`), templates with Django's own lexer (`{% translate %}` / `{% trans %}`).
Keep each msgid a single string literal so extraction stays exact. What this extractor
cannot read (plurals with `ngettext`, `{% blocktranslate %}`, a msgid that is not a
literal) stops it with `UnreadableMessage` naming the file and line, rather than leaving
the string silently untranslated.
"""

import ast
from pathlib import Path

import polib
from django.conf import settings
from django.template.base import Lexer, TokenType

# `gettext_now`: the alias modules use for gettext where `_` is gettext_lazy (casework);
# left out, its strings were never extracted and showed in English ("Term 1").
GETTEXT_NAMES = {"_", "gettext", "gettext_now", "gettext_lazy", "pgettext", "pgettext_lazy"}
UNSUPPORTED_NAMES = {"ngettext", "ngettext_lazy", "npgettext", "npgettext_lazy"}
UNSUPPORTED_TAGS = {"blocktranslate", "blocktrans", "plural"}


class UnreadableMessage(ValueError):
    """A translatable string the extractor cannot read; the message says where."""


SKIP_DIRS = {"migrations", "__pycache__"}
DOMAIN = "django"


def source_roots() -> list[Path]:
    return [Path(settings.SITE_DIR), Path(settings.BASE_DIR) / "templates"]


def _iter_files(suffix: str):
    for root in source_roots():
        for path in sorted(root.rglob(f"*{suffix}")):
            if not SKIP_DIRS.intersection(path.parts):
                yield path


def python_msgids(source: str, origin: str = "<string>") -> set[tuple[str | None, str]]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        where = f"{origin}:{node.lineno}"
        if name in UNSUPPORTED_NAMES:
            raise UnreadableMessage(f"{where}: {name}() is not supported; use two gettext calls.")
        if name not in GETTEXT_NAMES:
            continue
        wanted = 2 if name.startswith("pgettext") else 1
        literal = [
            arg.value
            for arg in node.args[:wanted]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
        ]
        if len(literal) < wanted:
            raise UnreadableMessage(f"{where}: {name}() needs a string literal msgid.")
        found.add((literal[0], literal[1]) if wanted == 2 else (None, literal[0]))
    return found


def _unquote(bit: str) -> str | None:
    if len(bit) >= 2 and bit[0] == bit[-1] and bit[0] in "\"'":
        return bit[1:-1]
    return None


def template_msgids(source: str, origin: str = "<string>") -> set[tuple[str | None, str]]:
    found = set()
    for token in Lexer(source).tokenize():
        if token.token_type != TokenType.BLOCK:
            continue
        bits = token.split_contents()
        where = f"{origin}:{token.lineno}"
        if bits[0] in UNSUPPORTED_TAGS:
            raise UnreadableMessage(
                f"{where}: {{% {bits[0]} %}} is not supported; use {{% translate %}} pieces."
            )
        if bits[0] not in ("translate", "trans"):
            continue
        msgid = _unquote(bits[1]) if len(bits) >= 2 else None
        if msgid is None:
            raise UnreadableMessage(f"{where}: {{% {bits[0]} %}} needs a string literal msgid.")
        context = None
        if "context" in bits[2:]:
            index = bits.index("context")
            context = _unquote(bits[index + 1]) if index + 1 < len(bits) else None
        found.add((context, msgid))
    return found


def extract_msgids() -> set[tuple[str | None, str]]:
    found = set()
    for path in _iter_files(".py"):
        found |= python_msgids(path.read_text(encoding="utf-8"), str(path))
    for path in _iter_files(".html"):
        found |= template_msgids(path.read_text(encoding="utf-8"), str(path))
    for path in _iter_files(".txt"):
        if "templates" in path.parts:
            found |= template_msgids(path.read_text(encoding="utf-8"), str(path))
    return found


def po_path(language: str = "zh_Hans") -> Path:
    return Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def load_catalogue(language: str = "zh_Hans") -> polib.POFile:
    path = po_path(language)
    if path.exists():
        return polib.pofile(str(path), wrapwidth=0)
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = {
        "Project-Id-Version": "suizhou-mediation-portal",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    return catalogue


def update_catalogue(language: str = "zh_Hans") -> tuple[list, list]:
    """Add new msgids (untranslated) and drop vanished ones. Returns (added, removed)."""
    catalogue = load_catalogue(language)
    wanted = extract_msgids()
    present = {(entry.msgctxt, entry.msgid) for entry in catalogue if not entry.obsolete}
    added = sorted(wanted - present, key=lambda item: item[1])
    for context, msgid in added:
        catalogue.append(polib.POEntry(msgctxt=context, msgid=msgid, msgstr=""))
    obsolete = [entry for entry in catalogue if (entry.msgctxt, entry.msgid) not in wanted]
    for entry in obsolete:
        catalogue.remove(entry)
    obsolete = [entry.msgid for entry in obsolete]
    path = po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(path))
    return added, obsolete


def compile_catalogues() -> list[Path]:
    compiled = []
    # Every catalogue Django reads: ours and the Wagtail supplement (ADR 0048).
    paths = [
        path
        for root in settings.LOCALE_PATHS
        for path in sorted(Path(root).glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    ]
    for path in paths:
        target = path.with_suffix(".mo")
        polib.pofile(str(path)).save_as_mofile(str(target))
        compiled.append(target)
    return compiled
