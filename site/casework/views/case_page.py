"""One case (first version: status and timeline; actions come with the UI)."""

from django.shortcuts import render

from casework import permissions


def case_page(request, reference):
    case = permissions.get_case_or_404(request.user, reference)
    return render(request, "casework/case.html", {"case": case})
