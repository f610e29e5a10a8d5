"""`pytest --figcheck WS`: the workspace's checks collected as test items."""

import pytest

from figcheck.cli import main
from figcheck.api import Workspace

pytest_plugins = ["pytester"]


@pytest.fixture
def plugin(pytestconfig) -> list[str]:
    """Load the plugin by module unless the installed entry point has loaded it already."""
    return [] if pytestconfig.pluginmanager.has_plugin("figcheck") else ["-p", "figcheck.pytest_plugin"]


def test_one_item_per_quantity_failing_where_a_new_error_is(pytester, plugin, ws):
    result = Workspace(ws).check()
    cases = result.quantity_cases()
    failing = sum(any(f.fails for f in findings) for _, findings in cases)
    assert failing
    run = pytester.runpytest(*plugin, "--figcheck", str(ws), "-p", "no:cacheprovider")
    run.assert_outcomes(passed=len(cases) + 1 - failing, failed=failing)
    first = result.findings[result.findings["fails"]].iloc[0]
    run.stdout.fnmatch_lines([f"*{first['finding_id']}*", "*(most likely wrong)*"])


def test_accepted_findings_make_every_item_pass(pytester, plugin, ws, capsys):
    main(["baseline", str(ws)])
    capsys.readouterr()
    run = pytester.runpytest(*plugin, "--figcheck", str(ws), "-p", "no:cacheprovider")
    assert run.parseoutcomes().get("failed", 0) == 0 and run.parseoutcomes()["passed"] > 1
    with_errors = sum(any(f.severity == "error" for f in findings) for _, findings in Workspace(ws).check().quantity_cases())
    strict = pytester.runpytest(*plugin, "--figcheck", str(ws), "--figcheck-strict", "-p", "no:cacheprovider")
    assert strict.parseoutcomes().get("failed", 0) == with_errors > 0


def test_unreadable_workspace_is_one_failing_item_with_the_reason(pytester, plugin, tmp_path):
    run = pytester.runpytest(*plugin, "--figcheck", str(tmp_path / "nowhere"), "-p", "no:cacheprovider")
    run.assert_outcomes(failed=1)
    run.stdout.fnmatch_lines(["*no such workspace folder*"])


def test_without_the_option_nothing_is_collected(pytester, plugin):
    run = pytester.runpytest(*plugin, "-p", "no:cacheprovider")
    assert run.ret == pytest.ExitCode.NO_TESTS_COLLECTED
