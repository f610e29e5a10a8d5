"""`figcheck verify` through its entry point: drafts written for these tests, checked against the
bundled dossier and against a small workspace of another domain built here."""

from __future__ import annotations

import io
import json
import re
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from figcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOSSIER = ROOT / "examples" / "central-asia"
DRAFTS = Path(__file__).resolve().parent / "data" / "drafts"

FLOOD_CONFIG = """
[entities.MD]
name = "Moldova"
forms = ["Moldova", "Moldovan"]

[entities.RO]
name = "Romania"
forms = ["Romania", "Romanian"]

[entities.UA]
name = "Ukraine"
forms = ["Ukraine", "Ukrainian"]

[metrics.evacuees]
words = ["people", "residents", "persons"]
predicates = ["evacuated", "evacuate"]
scope = "cumulative"

[metrics."evacuees.children"]
words = ["children"]
scope = "cumulative"
part_of = "evacuees"

[metrics."evacuees.adults"]
words = ["adults"]
scope = "cumulative"
part_of = "evacuees"

[metrics.shelters]
words = ["shelters"]
scope = "snapshot"
"""
FLOOD_REGISTRY = """source_id,file,title,publisher,published,period_start,period_end,language,url
wire,wire.txt,Flood update,River Wire,2024-05-10,,2024-05-10,en,
ministry,ministry.txt,Ministry statement,Interior Ministry,2024-05-12,,2024-05-12,en,
ngo,ngo.txt,Relief bulletin,Relief Network,2024-05-14,,2024-05-14,en,
"""
FLOOD_SOURCES = {
    "wire.txt": "Flood update\n\nMoldovan authorities said 1,240 residents had been evacuated from the flooded "
                "districts so far, including 310 children. Emergency crews [see](x) have opened 14 shelters "
                "<b>*at once*</b> \x1b[H.\n",
    "ministry.txt": "Ministry statement\n\nSince the start of the floods, Moldova has evacuated 1,240 people. "
                    "Romania has evacuated about 800 people.\n",
    "ngo.txt": "Relief bulletin\n\nRomania has evacuated 700 people so far, the bulletin says.\n",
}


def run_cli(*argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


def verify_json(draft, workspace=DOSSIER, *extra) -> tuple[int, dict]:
    code, out, _ = run_cli("verify", workspace, draft, "--format", "json", *extra)
    return code, json.loads(out)


def by_text(document: dict) -> dict[str, dict]:
    """Figures keyed by their text as written plus the counted noun: "420 children"."""
    return {f"{f['text']} {f['unit']}": f for f in document["figures"]}


@pytest.fixture(scope="module")
def flood(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("flood")
    (root / "figcheck.toml").write_text(FLOOD_CONFIG, encoding="utf-8")
    (root / "sources.csv").write_text(FLOOD_REGISTRY, encoding="utf-8")
    (root / "sources").mkdir()
    for name, text in FLOOD_SOURCES.items():
        (root / "sources" / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def flood_runs(flood) -> dict[str, tuple[int, str, str]]:
    """The flood draft verified once in each format: (exit code, stdout, stderr)."""
    return {fmt: run_cli("verify", flood, DRAFTS / "flood.md", "--format", fmt)
            for fmt in ("text", "md", "json")}


@pytest.fixture(scope="module")
def explainer() -> tuple[int, dict]:
    return verify_json(DRAFTS / "explainer.md")


def test_each_verdict_on_the_bundled_dossier(explainer):
    code, document = explainer
    figures = by_text(document)
    assert figures["595 citizens"]["status"] == "supported"
    assert figures["156 women"]["status"] == "supported"
    assert figures["599 people"]["status"] == "disputed"
    assert figures["300 citizens"]["status"] == "unverifiable"
    assert code == 1  # a figure is contradicted
    summary = document["summary"]
    assert summary["figures"] == len(document["figures"]) == sum(summary[v] for v in
                                                                 ("supported", "contradicted", "disputed", "unverifiable"))


def test_entity_from_the_previous_sentence_is_contradicted_with_what_the_sources_say(explainer):
    _, document = explainer
    children = by_text(document)["420 children"]  # "Of those who came back, 420 were children."
    assert (children["entity"], children["metric"], children["status"]) == ("KZ", "returnees.children", "contradicted")
    assert children["reference"] == "406"
    assert [s["value"] for s in children["sources"]] == [406]
    assert "406" in children["message"] and "420" in children["message"]


def test_a_qualified_figure_is_supported_by_a_stronger_bound(explainer):
    _, document = explainer
    regional = by_text(document)["2,000 nationals"]  # "more than 2,000" against "more than 2,100"
    assert (regional["qualifier"], regional["status"], regional["reference"]) == ("gt", "supported", "more than 2,100")


def test_disputed_figure_names_the_figures_the_sources_disagree_between(explainer):
    _, document = explainer
    disputed = by_text(document)["599 people"]
    assert disputed["reference"] == "531 vs 599"
    assert {s["value"] for s in disputed["sources"]} == {531, 599}
    assert disputed["findings"] and all(f["message"] for f in disputed["findings"])


def test_the_drafts_date_decides_which_running_total_it_is_compared_with():
    # dated before the regional figure was published, the same sentence has nothing to be checked against
    _, document = verify_json(DRAFTS / "explainer.md", DOSSIER, "--date", "2023-09-01")
    assert document["draft"]["date"] == "2023-09-01"
    regional = by_text(document)["2,000 nationals"]
    assert regional["status"] == "unverifiable"
    assert "2025-04-30" in regional["message"]


def test_a_draft_whose_parts_do_not_add_up_fails_on_its_own():
    code, document = verify_json(DRAFTS / "unbalanced.md")
    assert document["summary"]["contradicted"] == 0
    [finding] = document["draft_findings"]
    assert finding["rule"] == "parts" and finding["lines"] == [6]
    assert "600" in finding["message"] and "700" in finding["message"]
    assert all(f["draft_findings"] == [finding["finding_id"]] for f in document["figures"])
    assert code == 1


def test_undated_draft_says_so_and_compares_with_the_latest():
    code, out, err = run_cli("verify", DOSSIER, DRAFTS / "undated.txt", "--format", "json")
    document = json.loads(out)
    assert document["draft"]["date"] is None
    assert "no date" in err and any("no date" in note for note in document["notes"])
    assert [f["status"] for f in document["figures"]] == ["supported", "supported"]
    assert code == 0


def test_another_domain(flood_runs):
    code, out, _ = flood_runs["json"]
    document = json.loads(out)
    figures = by_text(document)
    assert figures["1,240 residents"]["status"] == "supported"
    assert figures["300 children"]["status"] == "supported"  # "more than 300" against 310
    shelters = figures["20 shelters"]  # its entity comes from the sentence before
    assert (shelters["entity"], shelters["status"], shelters["reference"]) == ("MD", "contradicted", "14")
    romania = figures["800 people"]
    assert romania["status"] == "disputed" and romania["reference"] == "700 vs about 800"
    assert figures["5,000 people"]["status"] == "unverifiable"
    assert code == 1


def test_markdown_is_the_draft_annotated_in_place(flood_runs):
    draft = (DRAFTS / "flood.md").read_text(encoding="utf-8")
    code, out, _ = flood_runs["md"]
    document = json.loads(flood_runs["json"][1])
    body, _, notes = out.partition("\n---\n\n**figcheck verify**")
    markers = re.findall(r" ⟦(\S) (\w+)⟧\[\^fc(\d+)\]", body)
    assert [(status, int(n)) for _, status, n in markers] == [(f["status"], f["figure"]) for f in document["figures"]]
    assert re.sub(r" ⟦\S \w+⟧\[\^fc\d+\]", "", body).rstrip("\n") == draft.rstrip("\n")
    footnotes = re.findall(r"^\[\^fc(\d+)\]: \*\*\S (\w+)\*\*", notes, re.M)
    assert [(int(n), s) for n, s in footnotes] == [(f["figure"], f["status"]) for f in document["figures"]]
    # every figure's marker follows the figure itself
    for figure in document["figures"]:
        assert draft[figure["char_start"]:figure["char_end"]] == figure["text"]
    assert code == 1


def test_source_text_is_escaped_in_markdown_and_in_the_terminal(flood, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("---\ndate: 2024-05-20\n---\nMoldova has opened 14 shelters \x1b[2J\u202e.\n", encoding="utf-8")
    _, out, _ = run_cli("verify", flood, draft, "--format", "md")
    footnote = out[out.index("[^fc1]:"):]
    assert "<b>" not in footnote and "&lt;b&gt;" in footnote
    assert "\\*at once\\*" in footnote and "\\[see\\]" in footnote
    assert "\x1b" not in footnote
    _, text, _ = run_cli("verify", flood, draft)
    assert "\x1b" not in text and "\u202e" not in text
    assert "supported" in text


def test_text_output_lists_every_figure_and_the_summary(flood_runs):
    code, out, _ = flood_runs["text"]
    first = out.splitlines()[0]
    assert first.endswith("5 figures: 2 supported, 1 contradicted, 1 disputed, 1 unverifiable")
    assert re.search(r"20 shelters\s+MD shelters\s+✗ contradicted\s+14", out)
    assert "700 (source ngo, line 3) vs about 800 (source ministry, line 3)" in out
    assert code == 1


def test_output_is_byte_identical_across_runs(flood, flood_runs):
    for fmt, first in flood_runs.items():
        assert run_cli("verify", flood, DRAFTS / "flood.md", "--format", fmt) == first


def test_verifying_changes_nothing_in_the_workspace(flood, tmp_path):
    workspace = shutil.copytree(flood, tmp_path / "ws")
    def tree():
        return sorted((p.relative_to(workspace), p.read_bytes() if p.is_file() else b"") for p in workspace.rglob("*"))

    before = tree()
    code, _, _ = run_cli("verify", workspace, DRAFTS / "flood.md", "--format", "json")
    assert code == 1 and tree() == before


def test_a_supported_draft_exits_zero(flood, tmp_path):
    draft = tmp_path / "fine.md"
    draft.write_text("---\ndate: 2024-06-01\n---\nMoldova has evacuated 1,240 residents.\n", encoding="utf-8")
    code, document = verify_json(draft, flood)
    assert [f["status"] for f in document["figures"]] == ["supported"]
    assert code == 0


@pytest.mark.parametrize("make, words", [
    (lambda d: d / "missing.md", "no such draft"),
    (lambda d: (d / "latin1.md").write_bytes("Moldova: 1\xa0240 r\xe9sidents\n".encode("latin-1")) and d / "latin1.md",
     "not UTF-8"),
])
def test_bad_drafts_exit_2_with_a_message(make, words, tmp_path, flood):
    code, out, err = run_cli("verify", flood, make(tmp_path))
    assert code == 2 and out == ""
    assert words in err and "Traceback" not in err


def test_bad_dates_exit_2_naming_where(tmp_path, flood):
    draft = tmp_path / "draft.md"
    draft.write_text("---\ntitle: x\ndate: last Tuesday\n---\nMoldova has evacuated 1,240 residents.\n", encoding="utf-8")
    code, _, err = run_cli("verify", flood, draft)
    assert code == 2 and f"{draft}:3:7" in err and "YYYY-MM-DD" in err
    code, _, err = run_cli("verify", flood, DRAFTS / "flood.md", "--date", "2024-13-01")
    assert code == 2 and "--date" in err


def test_a_bad_workspace_exits_2(tmp_path, flood):
    code, _, err = run_cli("verify", tmp_path / "nowhere", DRAFTS / "flood.md")
    assert code == 2 and "no such workspace" in err
    broken = tmp_path / "broken"
    shutil.copytree(flood, broken)
    (broken / "sources" / "ngo.txt").unlink()
    code, _, err = run_cli("verify", broken, DRAFTS / "flood.md")
    assert code == 2 and "ngo.txt" in err


def test_markdown_keeps_the_drafts_windows_line_endings(flood, tmp_path):
    draft = tmp_path / "crlf.md"
    text = "---\r\ndate: 2024-05-20\r\n---\r\nMoldova has evacuated 1,240 residents.\r\nRomania has evacuated 800 people.\r\n"
    draft.write_bytes(text.encode("utf-8"))
    _, out, _ = run_cli("verify", flood, draft, "--format", "md")
    assert "\n" not in out.replace("\r\n", "")
    body = out[:out.index("\r\n---\r\n\r\n**figcheck verify**")]
    assert re.sub(r" ⟦\S \w+⟧\[\^fc\d+\]", "", body).rstrip("\r\n") == text.rstrip("\r\n")


def test_a_draft_whose_running_total_shrinks_fails_on_its_own():
    code, document = verify_json(DRAFTS / "shrinking.md")
    [finding] = document["draft_findings"]
    assert finding["rule"] == "cumulative" and finding["lines"] == [6, 8]
    assert [f["draft_findings"] for f in document["figures"]] == [[finding["finding_id"]]] * 2
    assert code == 1


def test_the_old_argument_order_exits_2_naming_the_command_to_run(flood, capsys):
    draft = DRAFTS / "flood.md"
    with pytest.raises(SystemExit) as exit_info:
        main(["verify", str(draft), "--workspace", str(flood)])
    assert exit_info.value.code == 2
    assert f"Run: figcheck verify {flood} {draft}" in capsys.readouterr().err
