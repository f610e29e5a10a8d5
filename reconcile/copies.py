"""Copies: one sentence published by several sources (a wire story reprinted) is one statement.

Claims are first blocked by what they state (entity, metric, scope, period start, value,
qualifier): only claims of one block can be copies of each other, so no pair of claims across
blocks is ever compared. Sentences shorter than `MIN_LENGTH` characters are never copies. Within a block, quotes equal once case, spacing and punctuation are
ignored are one statement; the remaining distinct quotes of a block are compared with rapidfuzz's
`ratio` (an edit-distance similarity, 0-100, in C), and pairs at or above `copies.similarity` join
too. The statement is named by its earliest member (publication date, then source, then claim).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from figcheck.reconcile.components import connect

_BLOCK = ["entity", "metric", "scope", "period_start", "value", "qualifier"]
_PUNCTUATION = re.compile(r"[\W_]+")
# Shorter sentences ("Five people were killed.") are written alike by outlets reporting on their own.
MIN_LENGTH = 60
# Beyond this many distinct quotes in one block, only exact (normalised) copies are found: the
# fuzzy comparison is quadratic within a block.
FUZZY_BLOCK_LIMIT = 2000


def normalised(quote: str) -> str:
    """The quote with case, spacing and punctuation ignored: "Punjab’s" and "Punjab's" meet."""
    return _PUNCTUATION.sub(" ", quote.casefold()).strip()


def statements(claims: pd.DataFrame, similarity: float) -> pd.Series:
    """For each claim (prepared claims: source_id, published, quote and the block columns), the
    claim_id of the first claim of its statement; a claim no other source repeats names itself."""
    named = claims["entity"].ne("") & claims["metric"].ne("") & (claims["quote"].str.len() >= MIN_LENGTH)
    block = claims.loc[named].groupby(_BLOCK, sort=False, dropna=False).ngroup()
    shared = block.groupby(block).transform("size") > 1
    rows = claims.loc[block.index[shared.to_numpy()], ["claim_id", "source_id", "published", "quote"]]
    rows = rows.assign(block=block[shared].to_numpy())
    first = pd.Series(claims["claim_id"].to_numpy(), index=claims.index)
    if rows.empty:
        return first
    quotes = rows["quote"].drop_duplicates()
    normal = pd.Series([normalised(q) for q in quotes], index=quotes.to_numpy())
    rows["normal"] = rows["quote"].map(normal).to_numpy()
    # Nodes: each claim, then each (block, normalised quote); a claim joins its quote's node.
    text_codes, texts = pd.factorize(pd.Series(list(zip(rows["block"], rows["normal"]))), sort=False)
    n = len(rows)
    left, right = [np.arange(n)], [n + text_codes]
    if similarity < 100:
        left_texts, right_texts = _similar(texts, similarity)
        left.append(n + left_texts), right.append(n + right_texts)
    label = connect(n + len(texts), np.concatenate(left), np.concatenate(right))[:n]
    order = np.lexsort((rows["claim_id"].to_numpy(), rows["source_id"].to_numpy(), rows["published"].to_numpy(), label))
    leader = pd.Series(rows["claim_id"].to_numpy()[order], index=label[order]).groupby(level=0).first()
    first.loc[rows.index] = leader.reindex(label).to_numpy()
    return first


def _similar(texts: pd.Index, similarity: float) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of (block, normalised quote) nodes of one block whose quotes are at least `similarity` alike."""
    from rapidfuzz import fuzz, process

    table = pd.DataFrame(list(texts), columns=["block", "normal"])
    left, right = [], []
    for _, members in table.groupby("block", sort=False):
        if len(members) < 2 or len(members) > FUZZY_BLOCK_LIMIT:
            continue
        scores = process.cdist(members["normal"].tolist(), members["normal"].tolist(), scorer=fuzz.ratio,
                               dtype=np.float32)
        i, j = np.nonzero(np.triu(scores >= similarity, k=1))
        positions = members.index.to_numpy()
        left.append(positions[i]), right.append(positions[j])
    if not left:
        return np.zeros(0, dtype=int), np.zeros(0, dtype=int)
    return np.concatenate(left), np.concatenate(right)
