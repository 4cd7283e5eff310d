"""The shape of the code: apps import downwards only (.importlinter, docs/architecture.md).

An upward import (say guidance importing applications), or an import between the sibling
apps `applications` (intake) and `casework` (handling), fails here, in `make test` and CI.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def lint_imports(config: Path, source: Path = ROOT / "site"):
    return subprocess.run(  # noqa: S603
        [
            str(Path(sys.executable).with_name("lint-imports")),
            "--config",
            str(config),
            "--no-cache",
        ],
        cwd=source,
        env={**os.environ, "PYTHONPATH": str(source)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_apps_depend_downwards_only():
    result = lint_imports(ROOT / ".importlinter")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path):
    """The guard itself works: the same contract with `cases` put above intake and casework
    turns their real imports of it into upward ones, and the linter names them."""
    config = (ROOT / ".importlinter").read_text(encoding="utf-8")
    upside_down = config.replace(
        "    casework | applications\n    cases\n", "    cases\n    casework | applications\n"
    )
    assert upside_down != config
    (tmp_path / "upside_down.ini").write_text(upside_down, encoding="utf-8")
    result = lint_imports(tmp_path / "upside_down.ini")
    assert result.returncode != 0
    assert "casework.services.actions -> cases.models" in result.stdout
    assert "applications.api -> cases" in result.stdout


@pytest.mark.parametrize(
    "importer, imported", [("casework", "applications"), ("applications", "casework")]
)
def test_intake_and_casework_never_import_each_other(tmp_path, importer, imported):
    """`casework | applications` are independent siblings: the real contract, run over a
    stand-in tree of the same apps where one imports the other, reports it."""
    config = (ROOT / ".importlinter").read_text(encoding="utf-8")
    packages = config.split("root_packages =")[1].split("include_external")[0].split()
    for package in packages:
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / importer / "reach.py").write_text(f"import {imported}\n", encoding="utf-8")
    result = lint_imports(ROOT / ".importlinter", source=tmp_path)
    assert result.returncode != 0
    assert f"{importer}.reach -> {imported}" in result.stdout
