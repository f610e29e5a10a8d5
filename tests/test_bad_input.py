"""Each kind of bad input: exit 2, one message naming file, line and column, and the store untouched."""

import csv
import io

import pytest
from hypothesis import given, settings, strategies as st

from figcheck.claims.config import ConfigError, parse_config
from figcheck.claims.model import CLAIM_COLUMNS
from figcheck.cli import main
from tests.fake_extractor import use_fake_extractor


def snapshot(root):
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def edit_claims(path, change):
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    header = change(rows) or CLAIM_COLUMNS
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.fixture
def fake_extracted(example_workspace, monkeypatch):
    use_fake_extractor(monkeypatch)
    assert main(["extract", str(example_workspace), "--quiet"]) == 0
    return example_workspace


def set_field(row_index, column, value):
    def change(rows):
        rows[row_index][column] = value
    return change


CASES = {
    "wrong type": (set_field(1, "char_start", "twelve"), "004.csv:3: column 'char_start': 'twelve' is not a whole number"),
    "unknown qualifier": (set_field(0, "qualifier", "roughly"), "004.csv:2: column 'qualifier': 'roughly' is not one of eq, approx"),
    "span outside the source": (set_field(2, "char_end", "999999"), "004.csv:4: column 'char_end': span"),
    "text not at its span": (set_field(2, "text", "12345"), "004.csv:4: column 'text': the source reads"),
    "bad date": (set_field(0, "period_end", "August 2021"), "004.csv:2: column 'period_end': 'August 2021' does not have the expected form (expected an ISO date"),
    "missing column": (lambda rows: [c for c in CLAIM_COLUMNS if c != "unit"], "004.csv:1: column 'unit': is missing"),
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("command", ["extract", "claims"])
def test_a_bad_claims_file_is_reported_and_nothing_is_rewritten(fake_extracted, case, command, capsys):
    change, expected = CASES[case]
    edit_claims(fake_extracted / "claims" / "004.csv", change)
    before = snapshot(fake_extracted / "claims")
    capsys.readouterr()
    assert main([command, str(fake_extracted)]) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert "Traceback" not in err
    assert snapshot(fake_extracted / "claims") == before


def test_a_duplicate_claim_id_is_named(fake_extracted, capsys):
    path = fake_extracted / "claims" / "001.csv"
    edit_claims(path, lambda rows: rows.append(dict(rows[0])) and None)
    assert main(["claims", str(fake_extracted)]) == 2
    err = capsys.readouterr().err
    assert "001.csv:" in err and "column 'claim_id'" in err and "appears more than once" in err


def test_a_registry_path_leaving_the_workspace_is_refused(example_workspace, capsys):
    registry = example_workspace / "sources.csv"
    registry.write_text(registry.read_text(encoding="utf-8").replace("002_fb4211f2864f7a0c.txt", "../../etc/passwd"),
                        encoding="utf-8")
    assert main(["claims", str(example_workspace)]) == 2
    err = capsys.readouterr().err
    assert "sources.csv:4: column 'file'" in err and "leaves the folder" in err


def test_a_document_that_is_not_utf8_is_named_and_left_out(example_workspace, capsys):
    (example_workspace / "sources" / "003_d9efdb324fa2ebcc.txt").write_bytes("caf\xe9 au lait, 12 cups".encode("latin-1"))
    assert main(["extract", str(example_workspace)]) == 2
    err = capsys.readouterr().err
    assert "003_d9efdb324fa2ebcc.txt: not UTF-8" in err and "sources.csv:5: column 'file'" in err
    # Like any unreadable document, it is left out while the other sources are extracted.
    assert not (example_workspace / "claims" / "003.csv").exists()
    assert (example_workspace / "claims" / "001.csv").is_file()


def test_a_registry_with_a_bad_date_and_a_missing_column(example_workspace, capsys):
    registry = example_workspace / "sources.csv"
    lines = registry.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace(",language", ",lang")
    lines[2] = lines[2].replace("2022-11-03,2022-11-02", "3 Nov 2022,2022-11-02")
    registry.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["extract", str(example_workspace)]) == 2
    err = capsys.readouterr().err
    assert "sources.csv:1: column 'language': is missing" in err


def test_an_unknown_configuration_key_is_named(example_workspace, capsys):
    config = example_workspace / "figcheck.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('[rules.parts]\n', '[rules.parts]\nseverty = "error"\n'),
                      encoding="utf-8")
    assert main(["extract", str(example_workspace)]) == 2
    assert "unknown key 'rules.parts.severty'" in capsys.readouterr().err


def test_a_configured_folder_outside_the_workspace_is_refused(example_workspace, capsys):
    config = example_workspace / "figcheck.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('claims_dir = "claims"', 'claims_dir = "../elsewhere"'),
                      encoding="utf-8")
    assert main(["extract", str(example_workspace)]) == 2
    assert "workspace.claims_dir '../elsewhere' leaves the folder" in capsys.readouterr().err


@pytest.mark.parametrize("text, expected", [
    ("[metrics.a]\nwords = 'x'", "'metrics.a.words' must be an array"),
    ("[metrics.a]\npart_of = 'b'", "'metrics.a.part_of' names unknown metric 'b'"),
    ("[rules.agreement]\nseverity = 'fatal'", "'rules.agreement.severity' must be one of error, warning, info"),
    ("[tolerance]\napprox = true", "'tolerance.approx' must be int or float, not bool"),
    ("[groups.g]\nmembers = ['XX']", "'groups.g.members' names unknown entities: XX"),
    ("not toml at all = = =", "not valid TOML"),
])
def test_configuration_errors_say_which_key(text, expected):
    with pytest.raises(ConfigError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        parse_config(text)


KNOWN_SECTIONS = {"workspace", "tolerance", "reliability", "review", "solver", "entities", "groups", "metrics", "rules"}


@settings(max_examples=50)
@given(st.from_regex(r"[a-z][a-z_]{0,15}", fullmatch=True).filter(lambda key: key not in KNOWN_SECTIONS))
def test_any_unknown_top_level_key_is_refused_by_name(key):
    with pytest.raises(ConfigError, match=f"unknown key '{key}'"):
        parse_config(f"{key} = 1\n")


def test_the_bundled_configuration_parses():
    from tests.conftest import EXAMPLE

    config = parse_config((EXAMPLE / "figcheck.toml").read_text(encoding="utf-8"))
    assert config.metrics["returnees.women"].part_of == "returnees"
    assert config.groups["central-asia"]["members"] == ["KG", "KZ", "TJ", "UZ"]


def test_a_rule_table_keeps_the_rules_own_defaults_for_keys_it_does_not_set():
    from figcheck.reconcile.rules import resolve

    rules = resolve(parse_config("[rules.groups]\nseverity = 'error'\n"))
    assert rules["groups"].severity == "error"
    assert rules["groups"].tolerance == resolve(parse_config(""))["groups"].tolerance > 0
