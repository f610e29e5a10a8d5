"""Attribution on the real-world corpus's development documents (tests/data/realworld: published
texts of seven domains, gold by ANNOTATION.md) keeps the scores this round reached, so a change that
helps one text and hurts the others is caught. The holdout documents are never read here: they are
scored once, at the end of a round, by `benchmarks/score_realworld.py --split holdout`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from benchmarks.score_realworld import CORPUS, domain_claims, summary
from benchmarks.score_extraction import score
from figcheck.claims.config import load_config
from figcheck.claims.sources import provenance_faults, read_source_text

# Pooled over the seven domains' dev documents (each round's holdout joins dev once it has been
# scored): 0.970 / 0.991 / 0.856 / 0.927 / 0.677 / 0.827 / 0.871 once round 10's second holdout joined
# (497 documents), 0.970 / 0.991 / 0.866 / 0.940 / 0.690 / 0.853 / 0.872 at the end of round 11, and
# 0.967 / 0.989 / 0.862 / 0.935 / 0.681 / 0.851 / 0.866 once round 11's holdout joined (548 documents),
# 0.976 / 0.994 / 0.864 / 0.936 / 0.687 / 0.851 / 0.866 at the end of round 12, and
# 0.977 / 0.994 / 0.861 / 0.927 / 0.684 / 0.849 / 0.866 once round 12's holdout joined (601 documents),
# 0.981 / 0.995 / 0.865 / 0.936 / 0.686 / 0.851 / 0.872 at the end of round 13, and
# 0.978 / 0.994 / 0.859 / 0.925 / 0.675 / 0.849 / 0.868 once round 13's holdout joined (650 documents),
# 0.980 / 0.995 / 0.862 / 0.927 / 0.681 / 0.852 / 0.869 at the end of round 14, and
# 0.979 / 0.994 / 0.857 / 0.912 / 0.676 / 0.849 / 0.866 once round 14's holdout joined (700 documents),
# 0.981 / 0.995 / 0.861 / 0.927 / 0.680 / 0.849 / 0.868 at the end of round 15, and
# 0.978 / 0.994 / 0.857 / 0.922 / 0.678 / 0.843 / 0.864 once round 15's holdout joined (751 documents),
# 0.979 / 0.994 / 0.861 / 0.927 / 0.683 / 0.848 / 0.865 at the end of round 16, and
# 0.978 / 0.994 / 0.859 / 0.923 / 0.677 / 0.847 / 0.866 once round 16's holdout joined (803 documents),
# 0.978 / 0.994 / 0.860 / 0.923 / 0.684 / 0.847 / 0.866 once 186 elections rows took the configured metric
# of a phase's figure, and 0.978 / 0.994 / 0.862 / 0.923 / 0.691 / 0.848 / 0.866 at the end of round 17, and
# 0.977 / 0.994 / 0.859 / 0.911 / 0.691 / 0.848 / 0.863 once round 17's holdout joined (855 documents),
# 0.977 / 0.994 / 0.861 / 0.920 / 0.694 / 0.848 / 0.863 at the end of round 18, and
# 0.977 / 0.994 / 0.859 / 0.916 / 0.691 / 0.846 / 0.863 once round 18's holdout joined (907 documents),
# 0.977 / 0.994 / 0.861 / 0.919 / 0.692 / 0.849 / 0.865 at the end of round 19, and
# 0.976 / 0.994 / 0.859 / 0.916 / 0.686 / 0.848 / 0.865 once round 19's holdout joined (959 documents),
# 0.976 / 0.994 / 0.860 / 0.920 / 0.687 / 0.851 / 0.865 at the end of round 20, and
# 0.976 / 0.993 / 0.860 / 0.920 / 0.685 / 0.850 / 0.866 once round 20's holdout joined (1,009 documents),
# 0.976 / 0.993 / 0.861 / 0.920 / 0.687 / 0.852 / 0.866 at the end of round 21.
# Each floor sits a little below, for ties the parse may break otherwise.
FLOORS = {"precision": 0.975, "recall": 0.992, "attributes": 0.860, "entity": 0.918, "metric": 0.686,
          "scope": 0.851, "period_end": 0.865}


@pytest.fixture(scope="module")
def extracted() -> list[tuple[Path, pd.DataFrame, list[dict]]]:
    """Per workspace: its claims of the dev documents and their gold rows."""
    workspaces = sorted(p for p in CORPUS.iterdir() if (p / "gold" / "claims.csv").is_file())
    return [(workspace, *domain_claims(workspace, "dev")[:2]) for workspace in workspaces]


@pytest.fixture(scope="module")
def pooled(extracted) -> dict:
    gold, claims, configured = [], [], set()
    for workspace, found, rows in extracted:
        gold += [{**g, "source_id": f"{workspace.name}/{g['source_id']}"} for g in rows]
        claims += [{**c, "source_id": f"{workspace.name}/{c['source_id']}"} for c in found.to_dict("records")]
        configured |= set(load_config(workspace).metrics)
    return summary(score(gold, claims, configured))


def test_every_claim_of_real_text_keeps_its_provenance(extracted):
    """Each claim's span, figure, line and quote match its source text, so the store accepts it."""
    faults = []
    for workspace, found, _ in extracted:
        config = load_config(workspace)
        files = dict(pd.read_csv(workspace / config.registry, dtype=str, keep_default_na=False)[["source_id", "file"]]
                     .itertuples(index=False, name=None))
        texts = {sid: read_source_text(workspace / config.sources_dir / files[sid])
                 for sid in found["source_id"].unique()}
        for row in found.itertuples(index=False):
            faults += [f"{workspace.name}/{row.source_id}: {fault}" for fault in provenance_faults(
                texts[row.source_id], row.char_start, row.char_end, row.text, row.quote, row.line)]
    assert faults == []


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_real_world_dev_scores_do_not_slip(pooled, measure):
    assert pooled[measure] >= FLOORS[measure], pooled
