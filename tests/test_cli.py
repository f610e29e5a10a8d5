"""The command line frame: init, claims, help and usage errors, through the entry point."""

import json
from importlib.metadata import version

import pytest

from figcheck.checks.workspace import load_workspace
from figcheck.cli import COMMANDS, main
from tests.fake_extractor import use_fake_extractor


def test_init_makes_a_workspace_that_loads_and_refuses_to_overwrite(tmp_path, capsys):
    target = tmp_path / "dossier"
    assert main(["init", str(target)]) == 0
    assert "figcheck extract" in capsys.readouterr().out
    workspace = load_workspace(target)
    assert workspace.claims.empty and workspace.sources.empty
    config = target / "figcheck.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n# my notes\n", encoding="utf-8")
    assert main(["init", str(target)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert config.read_text(encoding="utf-8").endswith("# my notes\n")


def test_claims_as_json_carry_provenance_and_unbounded_ends_as_null(example_workspace, monkeypatch, capsys):
    use_fake_extractor(monkeypatch)
    assert main(["extract", str(example_workspace), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["claims", str(example_workspace), "--format", "json", "--source", "001"]) == 0
    claims = json.loads(capsys.readouterr().out)["claims"]
    assert claims and {c["source_id"] for c in claims} == {"001"}
    text = (example_workspace / "sources" / "001_0de22b375836cd2a.txt").read_text(encoding="utf-8")
    for claim in claims:
        assert text[claim["char_start"]:claim["char_end"]] == claim["text"]
        assert claim["stale"] is False


def test_claims_csv_filters_by_status(example_workspace, monkeypatch, capsys):
    use_fake_extractor(monkeypatch)
    assert main(["extract", str(example_workspace), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["claims", str(example_workspace), "--status", "confirmed"]) == 0
    assert capsys.readouterr().out.count("\n") == 1  # only the header: nothing reviewed yet


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_ending_with_an_example_of_itself(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith(f"usage: figcheck {command}")
    example = text.split("Example:\n", 1)[1].strip()
    assert example.startswith(f"figcheck {command} ") or f"| figcheck {command} " in example


def test_version_is_the_installed_distribution_s(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"figcheck {version('figcheck')}\n"


def test_a_usage_error_exits_2_and_says_what_to_run(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["claims"])
    assert exit_info.value.code == 2
    assert "--help" in capsys.readouterr().err


def test_a_missing_workspace_exits_2_with_advice(tmp_path, capsys):
    assert main(["claims", str(tmp_path / "nowhere")]) == 2
    assert "figcheck init" in capsys.readouterr().err
