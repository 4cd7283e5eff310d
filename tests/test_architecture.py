"""The shape of the code: apps import downwards only (.importlinter, docs/architecture.md).

An upward import (say guidance importing applications) fails here, in `make test` and CI.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def lint_imports(config: Path):
    return subprocess.run(  # noqa: S603
        [str(Path(sys.executable).with_name("lint-imports")), "--config", str(config)],
        cwd=ROOT / "site",
        env={**os.environ, "PYTHONPATH": str(ROOT / "site")},
        capture_output=True,
        text=True,
        check=False,
    )


def test_apps_depend_downwards_only():
    result = lint_imports(ROOT / ".importlinter")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path):
    """The guard itself works: the same contract with the one known exception removed
    reports the upward import it allows today."""
    config = (ROOT / ".importlinter").read_text(encoding="utf-8")
    strict = config.split("ignore_imports =")[0]
    (tmp_path / "strict.ini").write_text(strict, encoding="utf-8")
    result = lint_imports(tmp_path / "strict.ini")
    assert result.returncode != 0
    assert "applications.services.submission -> casework.deadlines" in result.stdout
