"""One installed name: what figcheck installs, that nothing generic lands at the top level, that a
user's own `checks.py` or `reports/` cannot shadow it, and the stage order as an import contract.

The installed layout is built with setuptools' build_py from a copy of the project: the same files,
under the same names, that a wheel (and so `pip install figcheck`) puts in site-packages.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
STAGES = ("claims", "checks", "reconcile", "reports")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A folder laid out as site-packages is after installing figcheck (its library files)."""
    build = tmp_path_factory.mktemp("build")
    for name in ("pyproject.toml", "README.md", "figcheck", *STAGES):
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, build / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, build / name)
    site = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "-c", "import setuptools; setuptools.setup()", "-q", "build_py",
                    "--build-lib", str(site)], cwd=build, check=True, capture_output=True)
    return site


def python(code: str, path: Path, cwd: Path) -> subprocess.CompletedProcess:
    """Run `code` with `path` first on sys.path, as if it were site-packages, from `cwd`."""
    return subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(path)!r}); {code}"],
                          cwd=cwd, capture_output=True, text=True)


def test_only_figcheck_is_installed_at_the_top_level(installed):
    assert sorted(p.name for p in installed.iterdir()) == ["figcheck"]
    for stage in STAGES:
        assert (installed / "figcheck" / stage / "__init__.py").is_file()
    assert (installed / "figcheck" / "py.typed").is_file()
    assert (installed / "figcheck" / "claims" / "lang" / "en.toml").is_file()


@pytest.mark.parametrize("stage", STAGES)
def test_no_stage_is_importable_by_its_bare_name(installed, tmp_path, stage):
    run = python(f"import {stage}", installed, tmp_path)
    assert run.returncode != 0 and "ModuleNotFoundError" in run.stderr


def test_the_installed_package_runs_from_its_own_files(installed, tmp_path):
    run = python("import figcheck.cli, figcheck.reports.formats as f; print(figcheck.cli.__file__); "
                 "print(f.format_names())", installed, tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0].startswith(str(installed))
    assert "sarif" in run.stdout


def test_a_repository_with_its_own_checks_and_reports_still_runs_pytest_figcheck(tmp_path, extracted):
    """Modules named like figcheck's stages (a `pip install reports`, or files of the user's own)
    sit first on sys.path here and would break any import of them."""
    repo = tmp_path / "repo"
    shutil.copytree(extracted, repo / "dossier")
    (repo / "checks.py").write_text("raise ImportError('the repository\\'s own checks.py was imported')\n")
    (repo / "reports").mkdir()
    (repo / "reports" / "__init__.py").write_text("raise ImportError('the repository\\'s own reports/ was imported')\n")
    (repo / "claims.py").write_text("raise ImportError('the repository\\'s own claims.py was imported')\n")
    env = {**os.environ, "PYTHONPATH": str(repo)}
    # The plugin loads by its entry point, as in any repository where figcheck is installed.
    run = subprocess.run([sys.executable, "-m", "pytest", "--figcheck", "dossier",
                          "-p", "no:cacheprovider", "-q", "--rootdir", str(repo)],
                         cwd=repo, env=env, capture_output=True, text=True)
    assert "own" not in run.stdout + run.stderr
    assert run.returncode == 1  # the dossier's new contradictions fail, as they should
    assert " passed" in run.stdout and " failed" in run.stdout


def test_the_stages_import_only_the_stages_before_them(installed):
    """import-linter's layers contract in pyproject.toml, on the installed layout (where every stage
    sits inside the figcheck package, as the import graph needs)."""
    lint = Path(sys.executable).with_name("lint-imports")
    run = subprocess.run([str(lint), "--config", str(PROJECT / "pyproject.toml"), "--no-cache"],
                         cwd=installed, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 kept, 0 broken" in run.stdout
