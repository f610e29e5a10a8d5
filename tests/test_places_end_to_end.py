"""A dossier with ISO 3166-2 codes, a group of provinces and a country declared the sum of its
provinces, from `figcheck init` through extract, check, report and verify."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from figcheck.checks.workspace import load_workspace
from figcheck.cli import main

SOURCES = {
    "001": ("2023-05-02", "Kenya has recorded 1,000 cholera cases since January 2023, the health ministry said.\n\n"
                          "The ministry deployed 12 response teams.\n"),
    "002": ("2023-05-02", "Nairobi has recorded 700 cholera cases since January 2023.\n\n"
                          "West Pokot has recorded 600 cholera cases since January 2023.\n"),
    "003": ("2023-05-02", "Nairobi and West Pokot have recorded 1,300 cholera cases since January 2023.\n"),
}
VOCABULARY = """
[places]
subdivisions = ["KE"]

[entities.KE]
parts = ["KE-30", "KE-47"]

[metrics.cases]
words = ["cholera cases", "cases"]
scope = "cumulative"
"""


def make_dossier(root: Path, vocabulary: str = VOCABULARY) -> Path:
    assert main(["init", str(root)]) == 0
    config = root / "figcheck.toml"
    config.write_text(config.read_text(encoding="utf-8") + vocabulary, encoding="utf-8")
    with open(root / "sources.csv", "a", encoding="utf-8", newline="") as registry:
        writer = csv.writer(registry)
        for source_id, (published, text) in SOURCES.items():
            (root / "sources" / f"{source_id}.txt").write_text(text, encoding="utf-8")
            writer.writerow([source_id, f"{source_id}.txt", f"Report {source_id}", "Health desk", published,
                             "", "", "en", ""])
    return root


def test_provinces_a_group_of_them_and_their_country_run_end_to_end(tmp_path, capsys):
    root = make_dossier(tmp_path / "dossier")
    assert main(["extract", str(root)]) == 0
    claims = load_workspace(root).claims.set_index("text")
    assert claims.loc["1,000", "entity"] == "KE"
    assert claims.loc["700", "entity"] == "KE-30" and claims.loc["600", "entity"] == "KE-47"
    assert claims.loc["1,300", "entity"] == "KE-30+KE-47"
    capsys.readouterr()

    assert main(["check", str(root), "--format", "json"]) == 0  # the template's groups rule warns
    out = capsys.readouterr()
    findings = json.loads(out.out)["findings"]
    # The provinces add up to 1,300, more than the 1,000 stated for Kenya: flagged, citing all three.
    country = [f for f in findings if f["rule"] == "groups" and f["entity"] == "KE"]
    assert len(country) == 1 and country[0]["severity"] == "warning"
    assert {c["value"] for c in country[0]["claims"]} == {1000, 700, 600}
    assert not [f for f in findings if f["entity"] == "KE-30+KE-47"]  # the group of provinces agrees with them
    # "12 response teams" is no cases figure: no metric, or an automatic one without a date of its own.
    assert re.search(r"Coverage: 4 of 5 claims checked; 1 has no (metric|date of its own)", out.err)  # json stays whole

    assert main(["report", str(root)]) == 0
    audit = (root / "reports" / "audit.md").read_text(encoding="utf-8")
    assert "Coverage: 4 of 5 claims checked" in audit
    # The unchecked figures are listed in the report's second file, with the other appendices.
    appendix = (root / "reports" / "audit-appendix.md").read_text(encoding="utf-8").split("## Appendix: figures not checked")[1]
    assert "| 12 " in appendix


def test_verify_tells_a_figure_a_source_states_from_one_nothing_covers(tmp_path, capsys):
    # With a second country declared, a draft naming no place is placed nowhere: figcheck cannot classify it.
    root = make_dossier(tmp_path / "dossier", VOCABULARY + '\n[entities.UG]\nname = "Uganda"\n')
    assert main(["extract", str(root), "--quiet"]) == 0
    draft = tmp_path / "draft.md"
    draft.write_text("The ministry has deployed 12 response teams and 40 mobile clinics.\n", encoding="utf-8")
    capsys.readouterr()
    main(["verify", str(root), str(draft), "--format", "json"])
    out = capsys.readouterr()
    figures = {f["text"]: f for f in json.loads(out.out)["figures"]}
    assert figures["12"]["status"] == figures["40"]["status"] == "unverifiable"
    assert "a source states this figure (source 001, line 3), but figcheck could not classify it" in figures["12"]["message"]
    assert "nothing in the dossier covers it" in figures["40"]["message"]
    assert "the dossier's coverage: 4 of 5 claims checked" in out.err


def test_extract_counts_claims_whose_fields_changed(tmp_path, capsys):
    root = make_dossier(tmp_path / "dossier")
    assert main(["extract", str(root), "--quiet"]) == 0
    config = root / "figcheck.toml"
    # Nairobi figures now belong to a subject of the workspace's own: same claims, another entity.
    config.write_text(config.read_text(encoding="utf-8") + '\n[entities.nbo]\nforms = ["Nairobi"]\n', encoding="utf-8")
    capsys.readouterr()
    assert main(["extract", str(root)]) == 0
    assert "0 claims added, 2 changed, 0 removed" in capsys.readouterr().out


def test_verify_places_a_draft_naming_no_place_in_the_workspaces_one_country(tmp_path, capsys):
    root = make_dossier(tmp_path / "dossier")
    assert main(["extract", str(root), "--quiet"]) == 0
    draft = tmp_path / "draft.md"
    draft.write_text("The ministry has deployed 12 response teams and 40 mobile clinics.\n", encoding="utf-8")
    capsys.readouterr()
    main(["verify", str(root), str(draft), "--format", "json"])
    figures = {f["text"]: f for f in json.loads(capsys.readouterr().out)["figures"]}
    # Kenya's source states the 12 teams; nothing states the 40 clinics
    assert (figures["12"]["status"], figures["40"]["status"]) == ("supported", "unverifiable")
