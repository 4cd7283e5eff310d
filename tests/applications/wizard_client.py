"""Walk a wizard with Django's test client."""

from django.urls import reverse


def step_url(slug, step):
    return reverse("applications:step", args=[slug, step])


def fill(client, slug, steps: dict, **uploads):
    """POST every step's answers in order; returns the last response."""
    response = None
    for name, data in steps.items():
        payload = dict(data)
        payload.setdefault("action", "continue")
        if name in uploads:
            payload["files"] = uploads[name]
        response = client.post(step_url(slug, name), payload)
        assert response.status_code == 302, (name, response.content.decode()[:2000])
    return response


def submit(client, slug):
    check = client.get(reverse("applications:check", args=[slug]))
    assert check.status_code == 200
    key = check.context["review"]["submission_key"].value()
    return client.post(
        reverse("applications:check", args=[slug]),
        {"consent": "on", "submission_key": key, "website": ""},
    ), key
