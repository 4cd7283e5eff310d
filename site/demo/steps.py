"""What `load_demo` runs, in dependency order. Each step takes the command's stdout and
returns a list of what it changed (empty when everything was already in place), so a
second run changes nothing. Each app owns its demo loaders (`<app>/demo/`); this list
only orders them."""

from cases.demo import liaisons, routing_rules
from casework.demo import cases, staff
from demo import privacy_notice, sections, site_tree
from directory.demo import agencies, directory_page, mediators, organizations, staff_access
from guidance.demo import guides, moderation, notices, seed_policy
from home.demo import admin_user
from reporting.demo import history
from search.demo import promotions, synonyms

STEPS = [
    site_tree.load,
    privacy_notice.load,
    sections.load,
    agencies.load,
    organizations.load,
    mediators.load,
    directory_page.load,
    seed_policy.load,
    notices.load,
    guides.load,
    admin_user.load,
    moderation.load,
    liaisons.load,
    routing_rules.load,
    staff.load,
    staff_access.load,
    cases.load,
    history.load,
    synonyms.load,
    promotions.load,
]
