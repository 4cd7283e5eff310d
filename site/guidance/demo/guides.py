"""Demo guidance pages (text in guide_content.py), linked to the seed policy page and to
the document templates (form_templates.py)."""

import copy

from home.models import HomePage

from ..models import GuidanceIndexPage, GuidancePage, PolicyPage
from .form_templates import load_documents
from .guide_content import GUIDES
from .guide_text import SEED


def _call_to_action(guide, home):
    text, description = guide["cta"]
    target = guide["cta_target"]
    if target.startswith("/"):
        return {"text": text, "description": description, "page": None, "url": target}
    page = home.get_children().filter(slug=target).first()
    return {"text": text, "description": description, "page": page, "url": ""}


def _body(guide, seed_policy, home, documents):
    blocks = []
    for kind, value in copy.deepcopy(guide["body"]):
        if kind == "legal_basis":
            for citation in value["citations"]:
                if citation["source"] == SEED and seed_policy is not None:
                    citation["page"] = seed_policy
        if kind == "downloads":
            for item in value["documents"]:
                item["document"] = documents[item["document"]]
        blocks.append((kind, value))
    blocks.append(("call_to_action", _call_to_action(guide, home)))
    for name, note in guide["contacts"]:
        blocks.append(("center_contact", {"name": name, "note": note}))
    return blocks


def _untouched_old_demo(page):
    """A demo guide from before ADR 0047 (contact cards with the address and phone copied in)
    that no person has edited since: the loader rebuilds it. Anything edited stays."""
    old_cards = any(block.block_type == "contacts" for block in page.body)
    edited = page.revisions.exclude(user=None).exists()
    return old_cards and not edited


def load(stdout):
    index = GuidanceIndexPage.objects.get()
    home = HomePage.objects.get()
    seed_policy = PolicyPage.objects.filter(document_number=SEED).first()
    documents, changes = load_documents()
    existing = {page.slug: page for page in GuidancePage.objects.child_of(index)}
    for guide in GUIDES:
        if guide["slug"] in existing:
            page = existing[guide["slug"]]
            if _untouched_old_demo(page):
                page.body = _body(guide, seed_policy, home, documents)
                page.summary = page.search_description = guide["summary"]
                page.save_revision().publish()
                changes.append(f"guidance {guide['title']} (contact cards now from settings)")
            continue
        page = GuidancePage(
            title=guide["title"],
            slug=guide["slug"],
            summary=guide["summary"],
            audience=guide["audience"],
            search_description=guide["summary"],
            body=_body(guide, seed_policy, home, documents),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        changes.append(f"guidance {guide['title']}")
    return changes
