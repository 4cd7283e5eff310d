"""What the search page tells a visitor when it could not use the input as given."""

from django.utils.translation import gettext as _

from .segmentation import MAX_QUERY_LENGTH


def page_notice(requested: str | None, page_obj) -> str:
    """A message when the page shown is not the page asked for (beyond the last, not a
    number); "" otherwise."""
    if str(page_obj.number) == (requested or "1"):
        return ""
    return _("That page of results does not exist; showing page %(number)s.") % {
        "number": page_obj.number
    }


def query_notices(raw: str, outcome) -> list[str]:
    """Why the search did not use the query as typed, in words a visitor understands."""
    notices = []
    if len(" ".join(raw.split())) > MAX_QUERY_LENGTH:
        notices.append(
            _("Your search was long: only its first %(count)s characters were used.")
            % {"count": MAX_QUERY_LENGTH}
        )
    if outcome is not None and not outcome.words:
        notices.append(
            _("Enter words or numbers: punctuation, symbols and emoji alone are not searched.")
        )
    return notices
