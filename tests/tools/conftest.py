from tests.casework.conftest import (  # noqa: F401 (fixtures)
    _fresh_cache_and_private_storage,
    casework_data,
)
from tests.casework.views.conftest import case_staff, login  # noqa: E402, F401
