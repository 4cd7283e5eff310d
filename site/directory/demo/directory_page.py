"""The organization directory page at /organizations/.

A fresh demo tree creates it directly (demo/site_tree.py). Databases built before
the directory existed have a plain StandardPage there: replace it, keeping its title, and
move the main-navigation item and the home page's quick action over to the new page.
"""

from directory.models import OrganizationIndexPage
from home.models import HomePage, NavigationItem

SLUG = "organizations"
MEDIATORS_INTRO = (
    "<p>以下是同意公开个人简介的在册调解员。申请调解时可以选择调解组织，由中心安排调解员。</p>"
)


def load(stdout):
    home = HomePage.objects.first()
    if home is None:
        return []
    old = home.get_children().filter(slug=SLUG).first()
    if old is None:
        return []
    if old.specific_class is OrganizationIndexPage:
        page = old.specific
        if page.mediators_intro:
            return []
        page.mediators_intro = MEDIATORS_INTRO
        page.save_revision().publish()
        return ["mediator directory introduction"]
    old = old.specific
    new = OrganizationIndexPage(
        title=old.title,
        slug=f"{SLUG}-directory",
        intro=getattr(old, "body", ""),
        mediators_intro=MEDIATORS_INTRO,
        search_description=getattr(old, "intro", ""),
    )
    home.add_child(instance=new)
    NavigationItem.objects.filter(page=old).update(page=new)
    home = home.specific
    if any(b.value.get("page") and b.value["page"].pk == old.pk for b in home.quick_actions):
        for block in home.quick_actions:
            if block.value.get("page") and block.value["page"].pk == old.pk:
                block.value["page"] = new
        home.save_revision().publish()
    old.delete()
    new.slug = SLUG
    new.save_revision().publish()
    return ["organization directory page replaces the plain section page"]
