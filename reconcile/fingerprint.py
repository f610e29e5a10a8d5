"""Finding ids that survive unrelated edits: a hash of the rule, the quantity compared and the claims'
sources, values, qualifiers and normalised quotes; never lines, row order or positions."""

import hashlib

import pandas as pd

from figcheck.claims.ids import normalise_quote
from figcheck.reconcile.wording import joined

_LENGTH = 16


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1d".join(parts).encode("utf-8")).hexdigest()[:_LENGTH]


def fingerprints(findings: pd.DataFrame, members: pd.DataFrame, claims: pd.DataFrame) -> pd.Series:
    """finding_id for each row of `findings` (columns n, rule, key), from `members` (n, claim_id).

    Two findings that would share an id (the same sentence stated twice, say) are told apart by
    their claim ids, which are as stable as the claims.
    """
    rows = members.merge(claims[["claim_id", "source_id", "value", "qualifier", "quote"]], on="claim_id")
    quotes = rows["quote"].drop_duplicates()
    normal = pd.Series([normalise_quote(q) for q in quotes], index=quotes.to_numpy())
    rows["token"] = (rows["source_id"] + "\x1f" + rows["value"].map(lambda v: f"{v:.12g}") + "\x1f"
                     + rows["qualifier"] + "\x1f" + rows["quote"].map(normal))
    by_token, by_id = rows.sort_values("token"), rows.sort_values("claim_id")
    tokens = joined(by_token["token"], by_token["n"], "\x1e")
    ids = joined(by_id["claim_id"], by_id["n"], "\x1e")
    table = findings[["n", "rule", "key"]].assign(token=findings["n"].map(tokens).astype(object).fillna(""),
                                                 ids=findings["n"].map(ids).astype(object).fillna(""))
    first = pd.Series([_digest(r, k, t) for r, k, t in zip(table["rule"], table["key"], table["token"])], index=findings.index)
    clash = first.duplicated(keep=False)
    second = pd.Series([_digest(r, k, t, i) for r, k, t, i in
                        zip(table["rule"][clash], table["key"][clash], table["token"][clash], table["ids"][clash])],
                       index=first.index[clash], dtype=object)
    return first.where(~clash, second)
