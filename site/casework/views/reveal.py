"""Show one masked personal value of a case: POST only (the value never travels in a URL),
checked by `get_case_or_404`, logged by `personal_data.reveal` (the path, never the value).

With JavaScript the page asks for JSON and shows the value in place; without, the case page
is rendered again with that value shown. Neither response may be cached.
"""

from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from casework.services import personal_data
from casework.views.case_page import case_context, load_case


@require_POST
def reveal(request, reference):
    case = load_case(request.user, reference)
    path = request.POST.get("path", "")
    if path not in personal_data.REVEALABLE:
        return HttpResponseBadRequest(_("Unknown field."))
    value = personal_data.reveal(request.user, case, path)
    if "application/json" in request.headers.get("Accept", ""):
        response = JsonResponse({"path": path, "value": value})
    else:
        response = render(
            request, "casework/case.html", case_context(request, case, revealed={path: value})
        )
    add_never_cache_headers(response)
    return response
