import pytest
from django.core.management import call_command


@pytest.fixture
def demo_site(db, tmp_path, settings, monkeypatch):
    """The demo site as `load_demo` builds it, with credentials kept out of var/."""
    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("DEMO_PASSWORD", "demo-Password-123")
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    from home.models import HomePage

    return HomePage.objects.get()
