"""Demo guidance pages (text in guide_content.py), linked to the seed policy page."""

import copy

from home.models import HomePage

from ..models import GuidanceIndexPage, GuidancePage, PolicyPage
from .guide_content import GUIDES, SEED


def _body(guide, seed_policy, home):
    blocks = []
    for kind, value in copy.deepcopy(guide["body"]):
        if kind == "legal_basis":
            for citation in value["citations"]:
                if citation["source"] == SEED and seed_policy is not None:
                    citation["page"] = seed_policy
        blocks.append((kind, value))
    text, description = guide["cta"]
    target = home.get_children().filter(slug=guide["cta_target"]).first()
    blocks.append(
        (
            "call_to_action",
            {"text": text, "description": description, "page": target, "url": ""},
        )
    )
    blocks.append(("contacts", guide["contacts"]))
    return blocks


def load(stdout):
    index = GuidanceIndexPage.objects.get()
    home = HomePage.objects.get()
    seed_policy = PolicyPage.objects.filter(document_number=SEED).first()
    existing = set(index.get_children().values_list("slug", flat=True))
    changes = []
    for guide in GUIDES:
        if guide["slug"] in existing:
            continue
        page = GuidancePage(
            title=guide["title"],
            slug=guide["slug"],
            summary=guide["summary"],
            audience=guide["audience"],
            search_description=guide["summary"],
            body=_body(guide, seed_policy, home),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        changes.append(f"guidance {guide['title']}")
    return changes
