"""Give the publishing sections their own page types in databases built before they existed.

A fresh `load_demo` creates them with the right types (demo.site_tree.SECTION_TYPES).
An older database has StandardPages at /policies/, /notices/ and /guidance/: each is
replaced by the index page of its type at the same URL, and the main navigation is
pointed at the new page. The old StandardPage children (the seed policy as a plain page)
go with it; the seed policy step then publishes it as a PolicyPage.
"""

from django.apps import apps

from demo.site_tree import SECTION_TYPES
from home.models import HomePage, NavigationItem, StandardPage


def load(stdout):
    changes = []
    home = HomePage.objects.get()
    for slug, model_label in SECTION_TYPES.items():
        model = apps.get_model(model_label)
        old = home.get_children().filter(slug=slug).type(StandardPage).first()
        if old is None:
            continue
        old = old.specific
        menu_items = list(NavigationItem.objects.filter(page=old).values_list("pk", flat=True))
        title, summary, body = old.title, old.intro, old.body
        old.delete()
        new = model(title=title, slug=slug, intro=body, search_description=summary)
        home.add_child(instance=new)
        new.save_revision().publish()
        NavigationItem.objects.filter(pk__in=menu_items).update(page=new)
        changes.append(f"section {title} is now a {model._meta.verbose_name}")
    return changes
