"""The benchmark generator: deterministic, consistent except where it says it planted a contradiction."""

import csv
import re

import pandas as pd
import pytest

from benchmarks.generate import claims_table, generate_workspace, main
from figcheck.checks.schemas import Claim, Source
from figcheck.claims.config import load_config
from figcheck.claims.sources import line_of, read_source_text


def _files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _number(text: str) -> float:
    return float(re.sub(r"[,\s+%]|per cent", "", text))


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("ws")
    summary = generate_workspace(root, claims=600, seed=7, contradiction_rate=0.4)
    return root, summary


def test_same_seed_gives_byte_identical_files(tmp_path, workspace):
    root, _ = workspace
    again = tmp_path / "again"
    generate_workspace(again, claims=600, seed=7, contradiction_rate=0.4)
    assert _files(again) == _files(root)
    other = tmp_path / "other"
    generate_workspace(other, claims=600, seed=8, contradiction_rate=0.4)
    assert _files(other)["sources.csv"] != _files(root)["sources.csv"]


def test_workspace_has_the_promised_files_and_size(workspace):
    root, summary = workspace
    assert summary.claims >= 600
    assert len(_rows(root / "gold.claims.csv")) == summary.claims
    assert len(_rows(root / "sources.csv")) == summary.sources == len(list((root / "sources").iterdir()))
    config = load_config(root)
    assert len(config.entities) >= 6 and config.groups and config.metrics
    registry = pd.read_csv(root / "sources.csv", dtype=str, keep_default_na=False)
    Source.validate(registry)


def test_planted_contradictions_are_recorded_where_they_are(workspace):
    root, summary = workspace
    planted = _rows(root / "contradictions.csv")
    assert planted and len(planted) == summary.contradictions
    assert {row["kind"] for row in planted} <= {"total", "parts", "cumulative"}
    gold = {(r["source_id"], r["line"], r["value"]) for r in _rows(root / "gold.claims.csv")}
    for row in planted:
        text = read_source_text(root / "sources" / row["file"])
        start, end = int(row["char_start"]), int(row["char_end"])
        assert text[start:end] == row["text"]
        assert line_of(text, start) == int(row["line"])
        assert _number(row["text"]) == float(row["value"]) != float(row["true_value"])
        assert (row["source_id"], row["line"], row["value"]) in gold


def test_every_gold_figure_is_on_its_line(workspace):
    root, _ = workspace
    lines = {}
    for row in _rows(root / "gold.claims.csv"):
        if row["source_id"] not in lines:
            file = f"{row['source_id']}.md" if (root / "sources" / f"{row['source_id']}.md").exists() \
                else f"{row['source_id']}.txt"
            lines[row["source_id"]] = read_source_text(root / "sources" / file).split("\n")
        assert row["surface"] in lines[row["source_id"]][int(row["line"]) - 1]


def test_claims_table_is_valid_and_matches_its_sources():
    claims, sources, config, planted, texts = claims_table(800, seed=3, contradiction_rate=0.3)
    Claim.validate(claims)
    Source.validate(sources)
    assert list(claims.columns) == list(Claim.to_schema().columns)
    assert set(claims["source_id"]) == set(sources["source_id"]) == set(texts)
    for row in claims.itertuples():
        assert texts[row.source_id][row.char_start:row.char_end] == row.text
        assert row.text in row.quote and row.quote in texts[row.source_id]
    assert set(claims["metric"]) <= set(config.metrics)
    assert set(planted["claim_id"]) <= set(claims["claim_id"])
    wrong = claims.set_index("claim_id").loc[planted["claim_id"], "value"].to_numpy()
    assert (wrong == planted["value"].to_numpy()).all()
    assert (wrong != planted["true_value"].to_numpy()).all()


def test_without_planting_the_claims_are_consistent():
    claims, _, config, planted, _ = claims_table(1500, seed=5, contradiction_rate=0.0)
    assert planted.empty
    # Parts add up to their totals.
    parts = claims[claims["part_of"] != ""].groupby("part_of")["value"].sum()
    totals = claims.set_index("claim_id").loc[parts.index, "value"]
    assert (parts.to_numpy() == totals.to_numpy()).all()
    # Exact claims on one quantity agree; every claim's interval holds the exact value.
    key = ["entity", "metric", "scope", "period_start", "period_end"]
    exact = claims[claims["qualifier"] == "eq"].groupby(key)["value"].agg(["min", "max"])
    assert (exact["min"] == exact["max"]).all()
    joined = claims.merge(exact.reset_index(), on=key)
    assert ((joined["lower"] <= joined["min"]) & (joined["min"] <= joined["upper"])).all()
    # Cumulative series never shrink.
    series = exact.reset_index()
    series = series[series["period_start"].str.len() == 7].sort_values(key)
    shrink = series.groupby(["entity", "metric", "period_start"])["min"].diff() < 0
    assert not shrink.any()
    # Subsets stay within their sets.
    for metric in config.metrics.values():
        if metric.subset_of:
            small = exact.xs(metric.name, level="metric")["min"]
            big = exact.xs(metric.subset_of, level="metric")["min"].reindex(small.index)
            assert (small <= big).all()


def test_command_line_writes_a_workspace(tmp_path, capsys):
    assert main([str(tmp_path / "cli"), "--claims", "50", "--seed", "2"]) == 0
    assert "claims" in capsys.readouterr().out
    assert (tmp_path / "cli" / "figcheck.toml").is_file()
    assert main([str(tmp_path / "few"), "--sources", "3"]) == 0
    assert len(list((tmp_path / "few" / "sources").iterdir())) == 3
    with pytest.raises(SystemExit) as exit_info:
        main([str(tmp_path / "bad"), "--claims", "0"])
    assert exit_info.value.code == 2
