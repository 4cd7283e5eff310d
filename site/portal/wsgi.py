"""WSGI entry point: `gunicorn portal.wsgi` with site/ on the path (see README).

Server start-up tuning (gc.freeze) lives in gunicorn.conf.py, not here.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from django.core.wsgi import get_wsgi_application  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
application = get_wsgi_application()
