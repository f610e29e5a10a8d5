"""`figcheck vocab`: counted nouns listed, metric blocks proposed from breakdowns, figcheck.toml untouched."""

import shutil
from pathlib import Path

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.claims.config import parse_config
from figcheck.cli import main
from figcheck.vocabulary import propose, render_proposal

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "central-asia"


def fresh_workspace(tmp_path: Path) -> Path:
    """The bundled dossier's sources in a workspace made by `figcheck init`: no vocabulary at all."""
    root = tmp_path / "dossier"
    assert main(["init", str(root)]) == 0
    shutil.copytree(EXAMPLE / "sources", root / "sources", dirs_exist_ok=True)
    shutil.copy(EXAMPLE / "sources.csv", root / "sources.csv")
    return root


def test_proposes_the_returnees_family_with_its_parts_from_a_workspace_without_vocabulary(tmp_path, capsys):
    root = fresh_workspace(tmp_path)
    template = (root / "figcheck.toml").read_text(encoding="utf-8")
    assert main(["vocab", str(root)]) == 0
    assert "child" in capsys.readouterr().out  # "children", or its lemma where the parser is installed
    proposal = (root / "figcheck.vocab.toml").read_text(encoding="utf-8")
    assert (root / "figcheck.toml").read_text(encoding="utf-8") == template
    metrics = parse_config(template + "\n" + proposal).metrics  # merges as it stands
    by_word = {w: m for m in metrics.values() for w in m.words}
    total = by_word["citizens"]
    assert by_word["individuals"] is total  # two nouns heading the same breakdown: one metric
    for part in ("women", "children", "men"):
        assert by_word[part].part_of == total.name
    assert by_word["orphans"].subset_of == by_word["children"].name  # seen alone under children
    assert by_word["male"].part_of == by_word["female"].part_of == by_word["participants"].name
    assert "operations" in by_word


def test_never_writes_figcheck_toml_nor_replaces_an_edited_proposal(tmp_path, capsys):
    root = fresh_workspace(tmp_path)
    config = root / "figcheck.toml"
    before = config.read_bytes()
    assert main(["vocab", str(root), "--output", str(config)]) == 2
    assert config.read_bytes() == before
    proposal = root / "figcheck.vocab.toml"
    proposal.write_text("# my edits\n", encoding="utf-8")
    assert main(["vocab", str(root)]) == 2
    assert "exists" in capsys.readouterr().err
    assert proposal.read_text(encoding="utf-8") == "# my edits\n"
    assert main(["vocab", str(root), "--force"]) == 0
    assert proposal.read_text(encoding="utf-8") != "# my edits\n"


def test_nouns_the_workspace_already_configures_are_not_proposed_again(tmp_path):
    root = tmp_path / "dossier"
    shutil.copytree(EXAMPLE, root)
    assert main(["vocab", str(root)]) == 0
    text = (root / "figcheck.vocab.toml").read_text(encoding="utf-8")
    config = parse_config((root / "figcheck.toml").read_text(encoding="utf-8") + "\n" + text)
    proposed = [m for name, m in config.metrics.items() if name in text]
    assert not any({"children", "women", "participants"} & set(m.words) for m in proposed)


# ---- proposals from arbitrary breakdowns --------------------------------------------------------

NOUNS = ["people", "citizens", "women", "men", "children", "orphans", "boys", "girls", "flights", "camps"]


@st.composite
def breakdowns(draw):
    """Count claims in sources, some totals split into parts, a few parts split again."""
    rows, n = [], 0
    for _ in range(draw(st.integers(1, 8))):
        total = f"c{n}"
        rows.append({"claim_id": total, "noun": draw(st.sampled_from(NOUNS)), "part_of": ""})
        n += 1
        for noun in draw(st.lists(st.sampled_from(NOUNS), max_size=3, unique=True)):
            rows.append({"claim_id": f"c{n}", "noun": noun, "part_of": draw(st.sampled_from([total, f"c{n - 1}"]))})
            n += 1
    frame = pd.DataFrame(rows)
    return frame.assign(source_id="s1", kind="count", unit=frame["noun"], form=frame["noun"], scope="", predicate="")


@settings(max_examples=60, deadline=None)
@given(breakdowns(), st.sets(st.sampled_from(NOUNS), max_size=3))
def test_every_proposal_merges_into_a_valid_configuration(terms, configured_nouns):
    configured = {noun: f"mine_{noun}" for noun in configured_nouns}
    existing = "".join(f'[metrics.mine_{noun}]\nwords = ["{noun}"]\n' for noun in configured_nouns)
    proposals = propose(terms, configured, min_count=1)
    config = parse_config(existing + render_proposal(proposals, "test"))  # part_of/subset_of name known metrics
    proposed_words = [w for p in proposals for w in p["words"]]
    assert len(proposed_words) == len(set(proposed_words))  # a noun is proposed for one metric only
    assert set(terms["noun"]) <= set(proposed_words) | configured_nouns  # min_count 1: every noun placed
    assert not any(all(w in configured for w in p["forms"]) for p in proposals)
    assert all(m.part_of != name and m.subset_of != name for name, m in config.metrics.items())
