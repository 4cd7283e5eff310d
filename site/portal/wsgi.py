"""WSGI entry point: `gunicorn portal.wsgi` with site/ on the path (see README).

Once the application is loaded, its objects (modules, classes, URL patterns, the search
dictionary: about 200,000) are moved out of the garbage collector's reach with
`gc.freeze()`: they live as long as the process, and every full collection would
otherwise walk them all, a pause of 50-100 ms in the middle of some request.
"""

import gc
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from django.core.wsgi import get_wsgi_application  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
application = get_wsgi_application()
gc.collect()
gc.freeze()
