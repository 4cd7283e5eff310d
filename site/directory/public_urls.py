"""Public URLs of directory records (they live under the organization directory page)."""

from directory.models.pages import OrganizationIndexPage


def directory_url(request=None) -> str:
    # Looked up once per request: a list of search results asks for it per record.
    cached = getattr(request, "_directory_url", None)
    if cached is not None:
        return cached
    page = OrganizationIndexPage.objects.live().first()
    url = (page.get_url(request) or "") if page is not None else ""
    if request is not None:
        request._directory_url = url
    return url


def organization_url(organization, request=None) -> str:
    base = directory_url(request)
    return f"{base}{organization.code}/" if base else ""


def mediator_url(mediator, request=None) -> str:
    base = directory_url(request)
    return f"{base}mediators/{mediator.code}/" if base else ""
