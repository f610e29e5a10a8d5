"""Rendering verify results: markers and footnotes in the draft, escaping, JSON shape."""

from __future__ import annotations

import json

from figcheck.reports.verify_render import render
from tests.test_verify_match import WS, WS_CLAIMS, claims_frame, draft_claim, run

DRAFT = "Arrivals: 595 people came. Later 650 people came.\n"


def _result(draft_text=DRAFT):
    rows = [draft_claim(595, claim_id="d1", start_at=draft_text.index("595"), text="595"),
            draft_claim(650, claim_id="d2", start_at=draft_text.index("650"), text="650")]
    for row in rows:
        row["unit"] = "people"
    return run(rows, WS_CLAIMS, WS)


def test_marker_follows_the_figure_and_its_counted_noun():
    out = render(_result(), DRAFT, "d.md", "2024-03-01", "md")
    assert out.startswith("Arrivals: 595 people ⟦✓ supported⟧[^fc1] came. Later 650 people ⟦✗ contradicted⟧[^fc2] came.")
    assert "\n[^fc1]: **✓ supported**" in out and "\n[^fc2]: **✗ contradicted**" in out


def test_footnote_labels_never_clash_with_the_drafts_own():
    draft = DRAFT.rstrip("\n") + " See[^fc1].\n\n[^fc1]: the editor's own note.\n"
    out = render(_result(draft), draft, "d.md", "2024-03-01", "md")
    assert "[^fcx1]: **✓ supported**" in out
    assert out.count("[^fc1]:") == 1


def test_source_quotes_are_inert_markdown():
    hostile = claims_frame({**WS_CLAIMS.iloc[0].to_dict(), "quote": "595 | <img src=x> **bold** [a](b)"})
    rows = [draft_claim(595, claim_id="d1", start_at=DRAFT.index("595"), text="595")]
    result = run(rows, hostile, WS)
    footnote = render(result, DRAFT, "d.md", "2024-03-01", "md").split("[^fc1]: ", 2)[-1]
    assert "<img" not in footnote and "&lt;img" in footnote
    assert "\\|" in footnote and "\\*\\*bold\\*\\*" in footnote and "\\[a\\]" in footnote


def test_terminal_output_shows_control_characters_escaped():
    hostile = claims_frame({**WS_CLAIMS.iloc[0].to_dict(), "source_id": "wire"})
    rows = [draft_claim(650, claim_id="d1", start_at=0, text="650")]
    rows[0]["quote"] = "650 \x1b[2J people\u202e"
    out = render(run(rows, hostile, WS), "", "d\x1b.md", "", "text")
    assert "\x1b" not in out and "\u202e" not in out
    assert "\\u001b" in out and "undated" in out


def test_json_lists_each_figure_with_its_sources():
    document = json.loads(render(_result(), DRAFT, "d.md", "2024-03-01", "json", notes=["a note"]))
    assert [f["status"] for f in document["figures"]] == ["supported", "contradicted"]
    figure = document["figures"][1]
    assert {"line", "value", "text", "entity", "metric", "status", "reference", "sources"} <= set(figure)
    assert figure["value"] == 650 and figure["reference"] == "595"
    assert [(s["source_id"], s["value"], s["publisher"]) for s in figure["sources"]] == [("wire", 595, "Wire Service")]
    assert document["summary"]["contradicted"] == 1 and document["notes"] == ["a note"]
    assert document["draft"] == {"file": "d.md", "date": "2024-03-01"}
