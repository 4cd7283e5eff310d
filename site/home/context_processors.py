from .display_mode import LARGE, mode_from_request


def display_mode(request):
    mode = mode_from_request(request)
    return {"display_mode": mode, "large_text": mode == LARGE}
