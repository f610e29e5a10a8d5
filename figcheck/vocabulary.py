"""What the sources count, and `[metrics.*]` blocks proposed from it (`figcheck vocab WS`).

Lists the counted nouns of every count figure with how often and in how many sources they occur and
the predicates seen with them, and writes proposed metric blocks to a proposal file
(figcheck.vocab.toml) that the user edits and copies into figcheck.toml, which this command never
writes. Breakdowns the extractor linked ("700 residents, of whom 300 women and 250 children") propose
a family: nouns that head the same parts are one metric, a noun seen beside other parts of a total is
`part_of` it, and one seen alone under a total is `subset_of` it (a subset need not add up: "12
orphans" of "250 children"). A general noun ("people") is split by its predicate: "people ... fled"
and "people ... evacuated" are two metrics sharing the word, told apart by `predicates` written as
the texts write them."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from figcheck.checks.validate import InputError
from figcheck.checks.workspace import load_workspace
from figcheck.claims.atomic import write_atomic
from figcheck.claims.config import CONFIG_NAME, Metric
from figcheck.claims.extract import counted_words, extract_source
from figcheck.reports.formats.text import terminal

PROPOSAL_NAME = "figcheck.vocab.toml"
SCOPE_AGREEMENT = 0.6  # share of a metric's figures whose scope cues agree before the scope is proposed


def counted_terms(text: str, source: dict, config) -> pd.DataFrame:
    """Per claim of a source: claim_id, source_id, kind, unit, scope, part_of, quote, noun, predicate,
    projected.

    The one place that reads what a figure counts: the attribution pass's `counted_words` gives the
    noun and predicate lemmas from the dependency parse, and whether the figure is a plan or forecast.
    """
    claims = extract_source(text, source, config)
    frame = claims[["claim_id", "source_id", "kind", "unit", "scope", "part_of", "quote"]]
    words = counted_words(text, source, config)[["claim_id", "noun", "predicate", "projected"]]
    return frame.merge(words, on="claim_id", how="left", validate="one_to_one").fillna(
        {"noun": "", "predicate": "", "projected": False}).astype({"projected": bool})


TERM_COLUMNS = ["claim_id", "source_id", "kind", "unit", "scope", "part_of", "quote", "noun", "predicate", "projected"]


def _terms(workspace) -> pd.DataFrame:
    frames = [counted_terms(workspace.texts[row["source_id"]], {k: str(v) for k, v in row.items()}, workspace.config)
              for row in workspace.sources.to_dict("records") if row["source_id"] in workspace.texts]
    terms = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=TERM_COLUMNS)
    terms = terms.loc[terms["kind"] == "count"].reset_index(drop=True)
    # A figure the parse gave no noun ("... and 250 children") takes the lemma other figures with the
    # same counted word have, else that word itself; so does one whose noun the parse left as written
    # where other figures show its lemma ("Children" read as a name at the start of a sentence).
    written = terms["unit"].str.casefold().str.strip()
    known = terms["noun"] != ""
    lemma = terms.loc[known].groupby(written[known])["noun"].agg(lambda nouns: nouns.mode().iloc[0])
    terms["noun"] = terms["noun"].where(known, written.map(lemma).fillna(written))
    as_written = terms["noun"] == written
    terms.loc[as_written, "noun"] = written[as_written].map(lemma).fillna(written[as_written])
    # The counted word as written is a word of the metric where it inflects the noun ("children" of
    # "child"); where the parse found the noun elsewhere ("1500+ high" counts citizens) it is not.
    inflects = [w == n or (w[:1] == n[:1] and abs(len(w) - len(n)) <= 3) for w, n in zip(written, terms["noun"])]
    terms["form"] = terms["unit"].str.strip().where(pd.Series(inflects, index=terms.index, dtype=bool), "")
    terms = terms.loc[terms["noun"] != ""].reset_index(drop=True)
    terms["predicate_forms"] = predicate_forms(terms, workspace.config.language or "en")
    return terms


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def predicate_forms(terms: pd.DataFrame, code: str = "en") -> pd.Series:
    """Per figure, the words of its quote that are its predicate ("fled" for "flee"), casefolded.

    Configured `predicates` are matched as written, so a proposal must carry the forms the texts use,
    not the lemma. A quote's words are lemmatised as verbs by the parse's own lemmatizer, which made
    the predicate's lemma in the first place; a word that is the lemma itself ("bring") is its own form.
    """
    empty = pd.Series([()] * len(terms), index=terms.index, dtype=object)
    wanted = terms["predicate"] != ""
    if not wanted.any():
        return empty
    words = terms.loc[wanted, "quote"].map(lambda quote: [w.casefold() for w in _WORD.findall(quote)])
    lemma_of = _verb_lemmas(sorted({w for ws in words for w in ws}), code)
    forms = [tuple(sorted({w for w in ws if w == p or lemma_of.get(w) == p}))
             for ws, p in zip(words, terms.loc[wanted, "predicate"])]
    return empty.where(~wanted, pd.Series(forms, index=words.index, dtype=object))


def _verb_lemmas(words: list[str], code: str) -> dict[str, str]:
    from spacy.tokens import Doc

    from figcheck.claims.extraction.syntax import load_parser

    nlp = load_parser(code)
    doc = nlp.get_pipe("lemmatizer")(Doc(nlp.vocab, words=words, pos=["VERB"] * len(words)))
    return {t.text: t.lemma_.casefold() for t in doc}


@dataclass(frozen=True)
class LanguageWords:
    generic: frozenset[str]   # counted nouns too general to name a metric: the predicate names it
    same: dict[str, str]      # predicate lemma -> what it counts ("kill" -> "death")
    neutral: frozenset[str]   # predicates that say nothing of what is counted ("be", "report")


def language_words(code: str = "en") -> LanguageWords:
    from figcheck.claims.extraction.metric import automatic_words

    automatic = automatic_words(code)
    return LanguageWords(automatic.generic, automatic.same, automatic.neutral)


def noun_table(terms: pd.DataFrame) -> pd.DataFrame:
    """One row per counted noun: figures, projected ones among them, sources, the predicates seen with
    it and how often (most frequent first)."""
    if terms.empty:
        return pd.DataFrame(columns=["noun", "figures", "projected", "sources", "predicates"])
    grouped = terms.groupby("noun")
    table = pd.DataFrame({"figures": grouped.size(), "projected": grouped["projected"].sum().astype(int),
                          "sources": grouped["source_id"].nunique(), "predicates": grouped["predicate"].agg(_ranked)})
    return table.reset_index().sort_values(["figures", "noun"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _ranked(values) -> str:
    return ", ".join(f"{v} ({n})" for v, n in _by_count(values))


def _by_count(values) -> list[tuple[str, int]]:
    counts = Counter(v for v in values if v)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _verbs(terms: pd.DataFrame, words: LanguageWords) -> pd.Series:
    """Per figure, what its predicate says is counted: the lemma, or the one it counts the same thing
    as ("kill", "die" -> "death"); "" for a neutral verb, a parse artefact, or a verb no quote shows."""
    predicate = terms["predicate"]
    informative = (predicate.str.fullmatch(_WORD.pattern) & ~predicate.isin(words.neutral)
                   & (terms["predicate_forms"].map(len) > 0))
    return predicate.map(lambda p: words.same.get(p, p)).where(informative.astype(bool), "")


def propose(terms: pd.DataFrame, configured: dict[str, Metric], min_count: int, words: LanguageWords) -> list[dict]:
    """Metric proposals: {name, words, forms, predicates, excluded_predicates, scope, part_of, subset_of,
    figures, seen}, families first, then nouns, then what a general noun counts by its predicate.

    A noun names a metric; a general noun ("people") does not, its predicate does ("people" who
    "fled" and who were "evacuated" are two metrics sharing a word). Plans and forecasts are left out:
    figcheck gives them automatic metrics of their own. `configured` holds figcheck.toml's metrics: a
    proposal it already covers is left out, and parts found under it point at the configured metric.
    """
    terms = terms.loc[~terms["projected"].astype(bool)].reset_index(drop=True)
    terms = terms.assign(verb=_verbs(terms, words))
    by_id = terms.set_index("claim_id")
    parts = terms.loc[terms["part_of"].isin(by_id.index)]
    links = parts.assign(total_noun=by_id.loc[parts["part_of"], "noun"].to_numpy())
    links = links.loc[links["total_noun"] != links["noun"]]
    siblings = links.groupby("part_of")["noun"].transform("nunique")
    # Totals whose breakdowns share a part noun are one metric under different nouns ("700 residents",
    # "640 people", "520 individuals", each split into women and children).
    family = _union({noun: set(group["noun"]) for noun, group in links.loc[siblings > 1].groupby("total_noun")})
    counts = terms["noun"].value_counts()
    counts = counts.iloc[sorted(range(len(counts)), key=lambda i: (-counts.iloc[i], counts.index[i]))]
    generic = terms["noun"].isin(words.generic)
    linked = terms["claim_id"].isin(links["part_of"]) | terms["claim_id"].isin(links["claim_id"])
    assigned = pd.Series("", index=terms.index, dtype=object)  # figure -> the proposal it supports
    proposals: dict[str, dict] = {}

    def metric(rows: pd.Series, name: str, part_of: str = "", subset_of: str = "", by_predicate: bool = False) -> str:
        if name in proposals:  # "people killed" joins "deaths": one name, one metric
            rows = rows | (assigned == name)
        assigned[rows] = name
        earlier = proposals.get(name, {})
        proposals[name] = {"name": name, "part_of": part_of or earlier.get("part_of", ""),
                           "subset_of": subset_of or earlier.get("subset_of", ""),
                           "by_predicate": by_predicate and earlier.get("by_predicate", True)}
        return name

    def nouns_rows(nouns) -> pd.Series:
        """The figures of these nouns; a general noun's only where a breakdown holds it, or its verb
        is one that breakdown's figures have, or it has none ("640 people" of a breakdown)."""
        rows = terms["noun"].isin(nouns)
        held = terms.loc[rows & generic & linked]
        breakdown = (terms["claim_id"].isin(held["claim_id"]) | terms["claim_id"].isin(held["part_of"])
                     | terms["part_of"].isin(held["claim_id"]) | terms["part_of"].isin(set(held["part_of"]) - {""}))
        verbs = set(terms.loc[breakdown, "verb"]) | {""}
        return rows & (~generic | terms["claim_id"].isin(held["claim_id"]) | terms["verb"].isin(verbs)) & (assigned == "")

    placed = {noun for nouns in family for noun in nouns}  # each noun goes to one metric, totals first
    parent_of: dict[str, tuple[str, str]] = {}  # part noun -> (total's metric name, part_of | subset_of)

    def place_parts(total_nouns, total: str) -> None:
        for noun in sorted(set(links.loc[links["total_noun"].isin(total_nouns), "noun"]) - placed):
            beside_others = bool((siblings[links["noun"] == noun] > 1).any())
            parent_of[noun] = (total, "part_of" if beside_others else "subset_of")
            placed.add(noun)

    for nouns in family:
        ordered = sorted(nouns, key=lambda n: (-counts.get(n, 0), n))
        place_parts(nouns, metric(nouns_rows(nouns), _name(ordered[0])))
    # Parts in the order they are reached from their totals, so a part's part follows it.
    pending = sorted(parent_of)
    while pending:
        noun = pending.pop(0)
        total, link = parent_of[noun]
        before = set(parent_of)
        place_parts([noun], metric(nouns_rows([noun]), f"{total}.{_name(noun)}", **{link: total}))
        pending += sorted(set(parent_of) - before)
    for noun, count in counts.items():
        if count >= min_count and noun not in placed and noun not in words.generic:
            metric(nouns_rows([noun]), _name(noun))
    # What a general noun counts is in its predicate: a verb the breakdown holding the noun has goes
    # to the metric that holds it ("640 people returned"); any other verb seen often enough is a
    # metric of its own, named by what the verb counts ("death") or by its most frequent form ("evacuated").
    families = _families(proposals)
    holders = {name: set(terms.loc[assigned.isin(families[_root(proposals, name)]), "verb"])
               for name in sorted(set(assigned[generic]) - {""})}
    rest = terms.loc[generic & (assigned == "") & (terms["verb"] != "")]
    for verb, n in _by_count(rest["verb"]):
        rows = generic & (assigned == "") & (terms["verb"] == verb)
        home = next((name for name, verbs in sorted(holders.items()) if verb in verbs), "")
        if home:
            metric(rows, home)
        elif n >= min_count:
            named = verb if verb in words.same.values() else _most_common(terms.loc[rows, "predicate_forms"])
            metric(rows, _name(named), by_predicate=True)
    return _finish(terms.assign(proposal=assigned), proposals, configured, min_count, words)


def _most_common(forms: pd.Series) -> str:
    return _by_count(form for fs in forms for form in fs)[0][0]


def _forms_of(rows: pd.DataFrame, verbs) -> list[str]:
    """The written forms of these verbs in these figures' quotes, most frequent first."""
    chosen = rows.loc[rows["verb"].isin(set(verbs))]
    return [form for form, _ in _by_count(form for fs in chosen["predicate_forms"] for form in fs)]


def _finish(terms: pd.DataFrame, proposals: dict[str, dict], configured: dict[str, Metric], min_count: int,
            words: LanguageWords) -> list[dict]:
    """Each proposal's words, predicates and scope from its figures; those figcheck.toml covers left out."""
    rows_of = {name: terms.loc[terms["proposal"] == name] for name in proposals}
    # A part inherits its total's predicates, and the verb of a breakdown is its total's ("700 residents,
    # of whom 300 women and 250 children, returned"): a total's own are those seen often enough with
    # it or any of its parts.
    family = _families(proposals)
    verbs: dict[str, set[str]] = {}
    for name, p in proposals.items():
        rows = rows_of[name]
        forms = set(rows["form"]) - {""}
        p.update(words=_unique(sorted(forms) + sorted(rows["noun"])), forms=_unique(sorted(forms or set(rows["noun"]))),
                 figures=len(rows), seen=_ranked(rows["predicate"]), scope=_scope(rows["scope"]))
        breakdown = terms.loc[terms["proposal"].isin(family[name])]
        verbs[name] = set() if _parent(p) else {
            v for v, n in _by_count(breakdown["verb"]) if n >= min_count}
    # A verb seen with a word two metrics share, under one of them only, tells them apart however rare.
    configured_words = {w.casefold() for m in configured.values() for w in m.words}
    by_word: dict[str, list[str]] = {}
    for name, p in proposals.items():
        for word in p["words"]:
            by_word.setdefault(word.casefold(), []).append(name)
    for word, names in sorted(by_word.items()):
        if len(names) + (word in configured_words) < 2:
            continue
        seen = {n: set(rows_of[n].loc[(rows_of[n]["noun"] == word) | (rows_of[n]["form"].str.casefold() == word),
                                      "verb"]) - {""} for n in names}
        for n in names:
            verbs[n] |= seen[n] - set().union(*(seen[m] for m in names if m != n))
    for name, p in proposals.items():
        p["predicates"] = _forms_of(terms.loc[terms["proposal"].isin(family[name])], verbs[name])
        # Verbs a general noun is seen with under other metrics rule this one out: a "people" figure
        # whose verb names none of them ("3 people drowned", too rare for a metric) is then not
        # taken by the first metric that has "people" among its words.
        nouns = set(rows_of[name]["noun"]) & words.generic
        elsewhere = terms.loc[terms["noun"].isin(nouns) & (terms["proposal"] != name)]
        other = set(elsewhere["verb"]) - verbs[name] - {""}
        p["excluded_predicates"] = sorted(set(_forms_of(elsewhere, other)) - set(p["predicates"])) if verbs[name] else []
    known = {name: _covered_by(p, configured) for name, p in proposals.items()}
    known = {name: metric for name, metric in known.items() if metric}
    for p in proposals.values():
        for link in ("part_of", "subset_of"):
            p[link] = known.get(p[link], p[link])
    return [p for name, p in proposals.items() if name not in known]


def _parent(proposal: dict) -> str:
    return proposal["part_of"] or proposal["subset_of"]


def _root(proposals: dict[str, dict], name: str) -> str:
    seen = set()
    while _parent(proposals[name]) in proposals and name not in seen:
        seen.add(name)
        name = _parent(proposals[name])
    return name


def _families(proposals: dict[str, dict]) -> dict[str, list[str]]:
    """Each proposal with every proposal below it (its parts, their parts...)."""
    family = {name: [name] for name in proposals}
    for name in proposals:
        parent = _parent(proposals[name])
        while parent in family and name not in family[parent]:
            family[parent].append(name)
            parent = _parent(proposals[parent])
    return family


def _unique(words: list[str]) -> list[str]:
    """Words as first written, one per casefolded form (words match regardless of case), sorted."""
    first: dict[str, str] = {}
    for word in words:
        first.setdefault(word.casefold(), word)
    return sorted(first.values(), key=lambda w: (w.casefold(), w))


def _covered_by(proposal: dict, configured: dict[str, Metric]) -> str:
    """The configured metric that already names this proposal, or "": one whose words hold every word
    the texts use for it, and, for a metric a general noun's predicate names, one of its predicates."""
    for metric in configured.values():
        own = {w.casefold() for w in metric.words}
        if not all(w.casefold() in own for w in proposal["forms"]):
            continue
        if proposal["by_predicate"] and not {p.casefold() for p in metric.predicates} & set(proposal["predicates"]):
            continue
        return metric.name
    return ""


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
    """A TOML basic string: JSON's escapes are TOML's. Control and format characters JSON leaves
    (DEL, which TOML refuses; bidi overrides, which would reorder the line in an editor) are escaped too."""
    return "".join(_escaped(ch) for ch in json.dumps(text, ensure_ascii=False))


def _escaped(ch: str) -> str:
    if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp"):
        return ch
    return f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}"


def render_proposal(proposals: list[dict], workspace_name: str, projected: int = 0) -> str:
    lines = [f"# Metrics proposed by `figcheck vocab` for {terminal(workspace_name)}, from the nouns its sources count.",
             "# Edit the names and words, delete what you do not need, then copy the blocks into figcheck.toml",
             "# (its [metrics] section). Predicates are the verbs as the texts write them: a figure whose noun",
             "# two metrics share goes to the one whose predicate is nearest; an excluded predicate rules one out."]
    if projected:
        lines.append(f"# {projected} planned or forecast figure{'' if projected == 1 else 's'} left out: "
                     "figcheck gives them automatic metrics of their own.")
    lines.append("")
    for p in proposals:
        lines.append(f"[metrics.{_quoted(p['name'])}]")
        for key in ("words", "predicates", "excluded_predicates"):
            if p[key]:
                lines.append(f"{key} = [{', '.join(_quoted(w) for w in p[key])}]")
        for key in ("scope", "part_of", "subset_of"):
            if p[key]:
                lines.append(f"{key} = {_quoted(p[key])}")
        note = f"# {p['figures']} figure{'' if p['figures'] == 1 else 's'}"
        if p["seen"]:
            note += f"; predicates seen: {p['seen']}"
        lines += [terminal(note), ""]  # TOML allows no control character, no line break, in a comment
    return "\n".join(lines).rstrip("\n") + "\n"


def proposal_path(root: Path, output: Path | None, force: bool) -> Path:
    """Where the proposal goes: never figcheck.toml (however the path is spelt, a link included), and
    never over an existing proposal that may hold edits unless `force`."""
    output = output or root / PROPOSAL_NAME
    if output.resolve() == (root / CONFIG_NAME).resolve():
        raise InputError([f"{output}: figcheck vocab never writes {CONFIG_NAME}; choose another --output"])
    if output.exists() and not force:
        raise InputError([f"{output} exists and may hold your edits; pass --force to replace it, or --output"])
    return output


def propose_vocabulary(root: Path, output: Path | None = None, force: bool = False,
                       min_count: int = 2) -> tuple[pd.DataFrame, list, Path]:
    """The counted-noun table, the proposed metrics, and the proposal file written (never figcheck.toml)."""
    workspace = load_workspace(root)
    output = proposal_path(workspace.root, output, force)
    terms = _terms(workspace)
    table = noun_table(terms)
    proposals = propose(terms, workspace.config.metrics, min_count, language_words(workspace.config.language or "en"))
    write_atomic(output, render_proposal(proposals, workspace.root.resolve().name, int(terms["projected"].sum())))
    return table, proposals, output
