"""axe-core scans (the copy bundled with axe-playwright-python, served by no CDN)."""

from axe_playwright_python.sync_playwright import Axe

BLOCKING = {"serious", "critical"}


def blocking_violations(page):
    results = Axe().run(page)
    found = []
    for violation in results.response["violations"]:
        if violation.get("impact") in BLOCKING:
            targets = [node["target"] for node in violation["nodes"]]
            found.append(f"{violation['id']} ({violation['impact']}): {targets}")
    return found
