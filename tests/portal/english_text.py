"""Find untranslated English in a rendered admin page: visible text nodes, the attributes
people read (title, aria-label, placeholder, alt, value of buttons) and the labels Wagtail
passes to its scripts as JSON (sidebar menu, explorer)."""

import json
import re
from html.parser import HTMLParser

WORD = re.compile(r"[A-Za-z][A-Za-z']+")
READ_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value"}
VOID_TAGS = {"br", "img", "input", "meta", "link", "hr", "source", "col", "wbr"}
SKIPPED_TAGS = {"style", "code", "pre", "svg"}
JSON_KEYS = {"label", "title", "help_text", "helpText", "ariaLabel", "text"}


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self.stack = []
        self.script_json = False
        self.script_buffer = []
        self.option_value = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag not in VOID_TAGS:
            self.stack.append(tag)
        if tag == "option":
            self.option_value = attributes.get("value")
        if tag == "script":
            self.script_json = attributes.get("type") == "application/json"
            self.script_buffer = []
        for name, value in attrs:
            if value and name in READ_ATTRIBUTES:
                self.texts.append((f"@{name}", value))
        if (
            tag == "input"
            and attributes.get("type") in {"submit", "button"}
            and attributes.get("value")
        ):
            self.texts.append(("@value", attributes["value"]))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "script" and self.script_json:
            self._json_texts("".join(self.script_buffer))
            self.script_json = False
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if "script" in self.stack:
            if self.script_json:
                self.script_buffer.append(data)
            return
        if any(tag in SKIPPED_TAGS for tag in self.stack):
            return
        if "option" in self.stack and data.strip() == self.option_value:
            return  # a code shown as itself (time zones), not a label
        if data.strip():
            self.texts.append(("text", data.strip()))

    def _json_texts(self, raw):
        try:
            data = json.loads(raw)
        except ValueError:
            return
        self._walk(data)

    def _walk(self, node, key=None):
        if isinstance(node, dict):
            for name, value in node.items():
                self._walk(value, name)
        elif isinstance(node, list):
            for item in node:
                self._walk(item, key)
        elif isinstance(node, str) and key in JSON_KEYS:
            self.texts.append((f"json:{key}", node))


# Codes shown as they are: case references, credit codes, file names, slugs, web addresses
# and paths.
CODES = re.compile(
    r"SZ-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]"
    r"|\b[\w-]+\.(?:docx?|xlsx?|pdf|txt|csv|jpe?g|png|gif|webp|zip)\b"
    r"|\b[0-9A-Z]{18}\b"
    r"|\b[a-z0-9]+(?:[-_][a-z0-9]+)+\b"
    r"|\b[A-Z]{2,}(?:-[0-9A-Z]+)+\b"
    r"|https?://\S+"
    r"|(?<![\w<])/[\w\-./\[\]]*/"
)


def english_findings(html, allowed_words):
    """(where, text) for each piece of UI text with an ASCII word not in `allowed_words`
    (compared in lower case), once codes are set aside."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    findings = []
    for where, text in collector.texts:
        words = {word.lower().strip("'") for word in WORD.findall(CODES.sub(" ", text))}
        if words - allowed_words:
            findings.append((where, text[:120]))
    return findings
