"""Rules and output formats are found by registry: a module added to the package folder, or named by
an installed distribution's entry point, runs with nothing else changed. The modules added here are
the examples of docs/contributing.md, so the recipes stay true."""

import re
import sys
from pathlib import Path

import pytest

from figcheck.claims.config import ConfigError, parse_config
from figcheck.cli import main
from figcheck.reconcile import rules as rules_package
from figcheck.reconcile.rules import RULES, resolve, rule_modules
from figcheck.reports import formats as formats_package
from figcheck.reports.formats import FORMATS, format_names
from tests.reconcile_strategies import CONFIG_TEXT, reconciled

RECIPES = Path(__file__).resolve().parents[1] / "docs" / "contributing.md"
SHARE = {"entity": "AA", "metric": "total", "kind": "percent", "unit": "%", "period_end": "2021"}


def recipe(path: str) -> str:
    """The example module docs/contributing.md gives for `path`."""
    found = re.search(rf"<!-- example: {re.escape(path)} -->\n```python\n(.*?)```", RECIPES.read_text(encoding="utf-8"), re.S)
    assert found, f"docs/contributing.md has no example for {path}"
    return found.group(1)


def recipe_test(path: str) -> str:
    """The test file docs/contributing.md gives beside the example module, named `path`."""
    found = re.search(rf"`{re.escape(path)}`[^\n]*\n\n```python\n(.*?)```", RECIPES.read_text(encoding="utf-8"), re.S)
    assert found, f"docs/contributing.md has no test file {path}"
    return found.group(1)


@pytest.fixture
def added(tmp_path, monkeypatch):
    """Add a module to a registry's package folder (a second folder on its __path__) for one test."""
    def add(package, registry, name: str, source: str):
        folder = tmp_path / package.__name__
        folder.mkdir(exist_ok=True)
        (folder / f"{name}.py").write_text(source, encoding="utf-8")
        monkeypatch.setattr(package, "__path__", [*package.__path__, str(folder)])
        monkeypatch.delitem(sys.modules, f"{package.__name__}.{name}", raising=False)
        registry.clear()

    yield add
    RULES.clear()
    FORMATS.clear()
    for name in ("shares", "failing", "broken"):
        sys.modules.pop(f"{rules_package.__name__}.{name}", None)
        sys.modules.pop(f"{formats_package.__name__}.{name}", None)


def test_a_rule_module_added_to_the_folder_runs_with_its_defaults(added):
    added(rules_package, RULES, "shares", recipe("reconcile/rules/shares.py"))
    assert "shares" in rule_modules()
    result = reconciled([{**SHARE, "source_id": "s1", "value": 120.0}, {**SHARE, "source_id": "s2", "value": 12.0,
                                                                          "metric": "total.a"}])
    shares = result.findings.loc[result.findings["rule"] == "shares"]
    assert list(shares["severity"]) == ["warning"]
    assert "120 (source s1, line 1) is a share" in shares.iloc[0]["message"]


def test_the_recipe_s_test_file_passes_with_the_recipe_s_rule(added):
    added(rules_package, RULES, "shares", recipe("reconcile/rules/shares.py"))
    namespace: dict = {}
    exec(compile(recipe_test("tests/test_rule_shares.py"), "test_rule_shares.py", "exec"), namespace)
    tests = [test for name, test in namespace.items() if name.startswith("test_")]
    assert tests
    for test in tests:
        test()


def test_an_added_rule_is_configured_like_a_built_in_one(added):
    added(rules_package, RULES, "shares", recipe("reconcile/rules/shares.py"))
    config = parse_config(CONFIG_TEXT + '[rules.shares]\nseverity = "error"\nmetrics = ["total.a"]\n')
    result = reconciled([{**SHARE, "source_id": "s1", "value": 120.0},
                         {**SHARE, "source_id": "s2", "value": 130.0, "metric": "total.a"}], config)
    shares = result.findings.loc[result.findings["rule"] == "shares"]
    assert list(shares["severity"]) == ["error"] and list(shares["metric"]) == ["total.a"]


def test_without_the_module_its_settings_are_refused_by_name():
    with pytest.raises(ConfigError, match=r"unknown rule\(s\) \[rules.shares\].*known rules: agreement"):
        resolve(parse_config('[rules.shares]\nseverity = "error"\n'))


def test_a_setting_the_rule_does_not_read_is_refused_naming_its_settings():
    with pytest.raises(ConfigError, match=r"'rules.agreement.key'.*no setting 'key'.*tolerance"):
        resolve(parse_config('[rules.agreement]\nkey = ["entity"]\n'))
    assert resolve(parse_config('[rules.cohort]\nkey = ["entity"]\n'))["cohort"].key == ("entity",)


def test_a_rule_breaking_the_contract_is_named(added):
    added(rules_package, RULES, "broken", 'NAME = "other"\n')
    with pytest.raises(ConfigError, match=r"broken: NAME is 'other', not 'broken'.*no check"):
        rule_modules()


def test_a_rule_of_another_distribution_loads_by_entry_point(tmp_path, monkeypatch):
    (tmp_path / "my_rules.py").write_text(recipe("reconcile/rules/shares.py"), encoding="utf-8")
    dist = tmp_path / "my_rules-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: my-rules\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[figcheck.rules]\nshares = my_rules\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    RULES.clear()
    try:
        assert list(rule_modules())[-2:] == ["shares", "explained"]  # plugins after built-ins; explained last
        result = reconciled([{**SHARE, "source_id": "s1", "value": 101.0}])
        assert list(result.findings["rule"]) == ["shares"]
    finally:
        RULES.clear()
        sys.modules.pop("my_rules", None)


def test_an_output_format_added_to_the_folder_is_a_choice_of_check(added, ws, capsys):
    added(formats_package, FORMATS, "failing", recipe("reports/formats/failing.py"))
    assert "failing" in format_names()
    assert main(["check", str(ws), "--format", "failing"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(re.fullmatch(r"[0-9a-f]{16}\t\S.*", line) for line in lines)


def test_an_unknown_format_exits_2_listing_the_known_ones(ws, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(ws), "--format", "failing"])
    assert exit_info.value.code == 2
    assert "sarif" in capsys.readouterr().err
