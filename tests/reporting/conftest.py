from tests.casework.conftest import (  # noqa: F401 (fixtures)
    _fresh_cache_and_private_storage,
    casework_data,
    casework_data_committed,
)
