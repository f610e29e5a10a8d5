"""What the sources count, and `[metrics.*]` blocks proposed from it (`figcheck vocab WS`).

Lists the counted nouns and predicates of every count figure with how often and in how many sources
they occur, and writes proposed metric blocks to a proposal file (figcheck.vocab.toml) that the user
edits and copies into figcheck.toml, which this command never writes. Breakdowns the extractor linked
("595 citizens, of whom 156 women and 406 children") propose a family: nouns that head the same
parts are one metric, a noun seen beside other parts of a total is `part_of` it, and one seen alone
under a total is `subset_of` it (a subset need not add up: "32 orphans" of "406 children").
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pandas as pd

from figcheck.checks.validate import InputError
from figcheck.checks.workspace import load_workspace
from figcheck.claims.atomic import write_atomic
from figcheck.claims.config import CONFIG_NAME
from figcheck.claims.extract import extract_source

PROPOSAL_NAME = "figcheck.vocab.toml"
SCOPE_AGREEMENT = 0.6  # share of a metric's figures whose scope cues agree before the scope is proposed


def counted_terms(text: str, source: dict, config) -> pd.DataFrame:
    """Per claim of a source: claim_id, source_id, kind, unit, scope, part_of, noun, predicate.

    The one place that reads what a figure counts. The attribution pass's `counted_words` (noun and
    predicate lemmas from the dependency parse) is used where installed; otherwise the noun is the
    counted word as the scanner found it (`unit`, casefolded) and no predicate is known.
    """
    claims = extract_source(text, source, config)
    frame = claims[["claim_id", "source_id", "kind", "unit", "scope", "part_of"]].copy()
    try:
        from figcheck.claims.extract import counted_words
    except ImportError:
        frame["noun"] = frame["unit"].str.casefold().str.strip()
        frame["predicate"] = ""
        return frame
    words = counted_words(text, source, config)[["claim_id", "noun", "predicate"]]
    return frame.merge(words, on="claim_id", how="left").fillna({"noun": "", "predicate": ""})


def _terms(workspace) -> pd.DataFrame:
    frames = [counted_terms(workspace.texts[row["source_id"]], {k: str(v) for k, v in row.items()}, workspace.config)
              for row in workspace.sources.to_dict("records") if row["source_id"] in workspace.texts]
    terms = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=["claim_id", "source_id", "kind", "unit", "scope", "part_of", "noun", "predicate"])
    terms = terms.loc[terms["kind"] == "count"].reset_index(drop=True)
    # A figure the parse gave no noun ("... and 406 children") takes the lemma other figures with the
    # same counted word have, else that word itself.
    written = terms["unit"].str.casefold().str.strip()
    known = terms["noun"] != ""
    lemma = terms.loc[known].groupby(written[known])["noun"].agg(lambda nouns: nouns.mode().iloc[0])
    terms["noun"] = terms["noun"].where(known, written.map(lemma).fillna(written))
    # The counted word as written is a word of the metric where it inflects the noun ("children" of
    # "child"); where the parse found the noun elsewhere ("1500+ high" counts citizens) it is not.
    inflects = [w == n or (w[:1] == n[:1] and abs(len(w) - len(n)) <= 3) for w, n in zip(written, terms["noun"])]
    terms["form"] = terms["unit"].str.strip().where(pd.Series(inflects, index=terms.index, dtype=bool), "")
    return terms.loc[terms["noun"] != ""].reset_index(drop=True)


def noun_table(terms: pd.DataFrame) -> pd.DataFrame:
    """One row per counted noun: figures, sources, the predicates seen with it (most frequent first)."""
    if terms.empty:
        return pd.DataFrame(columns=["noun", "figures", "sources", "predicates"])
    grouped = terms.groupby("noun")
    table = pd.DataFrame({"figures": grouped.size(), "sources": grouped["source_id"].nunique(),
                          "predicates": grouped["predicate"].agg(_ranked)})
    return table.reset_index().sort_values(["figures", "noun"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _ranked(values) -> str:
    counts = Counter(v for v in values if v)
    return ", ".join(f"{v} ({n})" for v, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def propose(terms: pd.DataFrame, configured: dict[str, str], min_count: int) -> list[dict]:
    """Metric proposals: {name, words, predicates, scope, part_of, subset_of, figures}, families first.

    `configured` maps each word figcheck.toml already gives a metric (casefolded) to that metric: a
    proposal all of whose words are configured is left out, and its parts point at the configured metric.
    """
    by_id = terms.set_index("claim_id")
    parts = terms.loc[terms["part_of"].isin(by_id.index)]
    links = parts.assign(total_noun=by_id.loc[parts["part_of"], "noun"].to_numpy())
    links = links.loc[links["total_noun"] != links["noun"]]
    siblings = links.groupby("part_of")["noun"].transform("nunique")
    # Totals whose breakdowns share a part noun are one metric under different nouns ("595 citizens",
    # "599 people", "531 individuals", each split into women and children).
    family = _union({noun: set(group["noun"]) for noun, group in links.loc[siblings > 1].groupby("total_noun")})
    counts = terms["noun"].value_counts()
    proposals: dict[str, dict] = {}

    def metric(nouns: list[str], part_of: str = "", subset_of: str = "", name: str = "") -> str:
        name = name or _name(nouns[0])
        chosen = terms.loc[terms["noun"].isin(nouns)]
        forms = set(chosen["form"]) - {""}
        proposals[name] = {"name": name, "words": sorted(forms | set(nouns)), "forms": sorted(forms or nouns),
                           "predicates": _ranked(chosen["predicate"]), "scope": _scope(chosen["scope"]),
                           "part_of": part_of, "subset_of": subset_of, "figures": len(chosen)}
        return name

    placed = {noun for nouns in family for noun in nouns}  # each noun goes to one metric, totals first
    parent_of: dict[str, tuple[str, str]] = {}  # part noun -> (total's metric name, part_of | subset_of)

    def place_parts(total_nouns, total: str) -> None:
        for noun in sorted(set(links.loc[links["total_noun"].isin(total_nouns), "noun"]) - placed):
            beside_others = bool((siblings[links["noun"] == noun] > 1).any())
            parent_of[noun] = (total, "part_of" if beside_others else "subset_of")
            placed.add(noun)

    for nouns in family:
        ordered = sorted(nouns, key=lambda n: (-counts.get(n, 0), n))
        place_parts(nouns, metric(ordered))
    # Parts in the order they are reached from their totals, so a part's part follows it.
    pending = sorted(parent_of)
    while pending:
        noun = pending.pop(0)
        total, link = parent_of[noun]
        before = set(parent_of)
        place_parts([noun], metric([noun], **{link: total}, name=f"{total}.{_name(noun)}"))
        pending += sorted(set(parent_of) - before)
    for noun, count in counts.items():
        if count >= min_count and noun not in placed:
            metric([noun])
    # Configured: every word the texts use for it is a word of a configured metric.
    known = {name: configured[p["forms"][0].casefold()] for name, p in proposals.items()
             if all(w.casefold() in configured for w in p["forms"])}
    for p in proposals.values():
        for link in ("part_of", "subset_of"):
            p[link] = known.get(p[link], p[link])
    return [p for name, p in proposals.items() if name not in known]


def _union(edges: dict[str, set[str]]) -> list[set[str]]:
    """Totals that share a part, merged: connected components of the total-part relation."""
    groups: list[tuple[set[str], set[str]]] = []  # (totals, their parts)
    for total, parts in sorted(edges.items()):
        merged = ({total}, set(parts))
        for group in [g for g in groups if g[1] & parts]:
            groups.remove(group)
            merged = (merged[0] | group[0], merged[1] | group[1])
        groups.append(merged)
    return [totals for totals, _ in groups]


def _name(noun: str) -> str:
    return "_".join(noun.casefold().replace(".", " ").split()) or "figures"


def _scope(scopes: pd.Series) -> str:
    stated = scopes[scopes != ""].value_counts()
    if stated.empty or stated.iloc[0] < SCOPE_AGREEMENT * len(scopes):
        return ""
    return str(stated.index[0])


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a TOML basic string: JSON's escapes are TOML's


def render_proposal(proposals: list[dict], workspace_name: str) -> str:
    lines = [f"# Metrics proposed by `figcheck vocab` for {workspace_name}, from the nouns its sources count.",
             "# Edit the names and words, delete what you do not need, then copy the blocks into figcheck.toml",
             "# (its [metrics] section). Predicates are only listed: add those that tell metrics sharing a noun",
             "# apart as `predicates = [...]`, in the form the texts use them (\"returned\", \"brought back\").", ""]
    for p in proposals:
        lines.append(f"[metrics.{_quoted(p['name'])}]")
        lines.append(f"words = [{', '.join(_quoted(w) for w in p['words'])}]")
        for key in ("scope", "part_of", "subset_of"):
            if p[key]:
                lines.append(f"{key} = {_quoted(p[key])}")
        note = f"# {p['figures']} figure{'' if p['figures'] == 1 else 's'}"
        if p["predicates"]:
            note += f"; predicates seen: {p['predicates']}"
        lines += [note.replace("\n", " "), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def propose_vocabulary(root: Path, output: Path | None = None, force: bool = False,
                       min_count: int = 2) -> tuple[pd.DataFrame, list, Path]:
    """The counted-noun table, the proposed metrics, and the proposal file written (never figcheck.toml)."""
    workspace = load_workspace(root)
    output = output or workspace.root / PROPOSAL_NAME
    if output.resolve() == (workspace.root / CONFIG_NAME).resolve():
        raise InputError([f"{output}: figcheck vocab never writes {CONFIG_NAME}; choose another --output"])
    if output.exists() and not force:
        raise InputError([f"{output} exists and may hold your edits; pass --force to replace it, or --output"])
    terms = _terms(workspace)
    table = noun_table(terms)
    configured = {w.casefold(): m.name for m in workspace.config.metrics.values() for w in m.words}
    proposals = propose(terms, configured, min_count)
    write_atomic(output, render_proposal(proposals, workspace.root.resolve().name))
    return table, proposals, output
