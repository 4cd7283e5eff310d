"""Public URLs of directory records (they live under the organization directory page)."""

from directory.models.pages import OrganizationIndexPage


def directory_url(request=None) -> str:
    page = OrganizationIndexPage.objects.live().first()
    if page is None:
        return ""
    return page.get_url(request) or ""


def organization_url(organization, request=None) -> str:
    base = directory_url(request)
    return f"{base}{organization.code}/" if base else ""


def mediator_url(mediator, request=None) -> str:
    base = directory_url(request)
    return f"{base}mediators/{mediator.code}/" if base else ""
