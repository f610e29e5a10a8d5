"""Quantity keys: which claims speak of the same quantity, and the dates they are compared on.

`prepare` turns validated claims and the source registry into the one frame every rule reads: rejected
claims dropped, group entities normalised, intervals with tolerances, dates as day ranges, a weight
for the solver and the quantity key `qkey`.
"""

import re

import numpy as np
import pandas as pd

from figcheck.claims.config import Config
from figcheck.claims.model import AUTOMATIC_METRIC
from figcheck.reconcile.copies import statements
from figcheck.reconcile.dates import day_range
from figcheck.reconcile.intervals import claim_intervals

_TEXT_COLUMNS = ("claim_id", "source_id", "text", "quote", "qualifier", "unit", "kind", "entity", "metric",
                 "scope", "period_start", "period_end", "time", "part_of", "method", "status", "note")
_SOURCE_COLUMNS = {"publisher": "publisher", "published": "published", "title": "title", "url": "url",
                   "period_start": "source_start", "period_end": "source_end"}
# Scopes whose figure describes a state at a date: an unstated end is the document's date.
DATED_SCOPES = ("cumulative", "snapshot")
# A claim covering only part of its entity: the extractor writes "part: in two camps" in its note.
PARTIAL_NOTE = re.compile(r"^\s*part\s*:", re.IGNORECASE)
DAY_LENGTH = 10  # characters of a YYYY-MM-DD date


def normalise_entity(entity: str, config: Config) -> str:
    """A configured group name or a listed group becomes its member codes sorted and joined by '+'."""
    if entity in config.groups:
        return "+".join(config.groups[entity]["members"])
    if "+" in entity:
        return "+".join(sorted(part.strip() for part in entity.split("+")))
    return entity


def quantity_key(entity: pd.Series, metric: pd.Series, scope: pd.Series, start: pd.Series, end: pd.Series) -> pd.Series:
    """The `qkey` of an identified claim: which entity, metric, scope and period it states."""
    # One join per row is several times faster than four whole-column concatenations.
    parts = zip(*(column.tolist() for column in (entity, metric, scope, start, end)))
    return pd.Series(["|".join(part) for part in parts], index=entity.index, dtype=str)


def prepare(claims: pd.DataFrame, sources: pd.DataFrame, config: Config) -> pd.DataFrame:
    """The claims every rule works on, sorted by claim_id so that input row order never matters.

    Added columns: publisher, published, title, url, source_start, source_end (from the registry);
    lower/upper (widened by tolerances) with lower_open/upper_open; scope (the metric's when the claim
    states none); as_of (period_end, else the publication date, else the source's period end) with
    as_of_first/as_of_last in days; key_end (as_of for cumulative and snapshot figures, the stated
    period_end otherwise); identified (the claim names a quantity other claims can share); qkey;
    weight (source reliability times review weight: the cost of calling the claim wrong).
    """
    frame = claims.loc[claims["status"].fillna("") != "rejected"].copy()
    for column in _TEXT_COLUMNS:
        frame[column] = frame[column].astype(object).fillna("").astype(str) if column in frame else ""
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce").astype(float)
    frame["line"] = pd.to_numeric(frame["line"], errors="coerce").fillna(0).astype(int)
    frame["char_start"] = pd.to_numeric(frame["char_start"], errors="coerce").fillna(0).astype(int)
    entities = {e: normalise_entity(e, config) for e in frame["entity"].unique()}
    frame["entity"] = frame["entity"].map(entities)
    metric_scope = pd.Series({name: m.scope for name, m in config.metrics.items()}, dtype=object)
    frame["scope"] = frame["scope"].where(frame["scope"] != "", frame["metric"].map(metric_scope).astype(object).fillna(""))

    registry = sources[[c for c in _SOURCE_COLUMNS if c in sources] + ["source_id"]].rename(columns=_SOURCE_COLUMNS)
    registry = registry.astype(str).drop_duplicates("source_id")
    frame = frame.drop(columns=[c for c in _SOURCE_COLUMNS.values() if c in frame]).merge(registry, on="source_id", how="left")
    for column in _SOURCE_COLUMNS.values():
        frame[column] = frame[column].astype(object).fillna("").astype(str) if column in frame else ""

    frame[["lower", "upper", "lower_open", "upper_open"]] = claim_intervals(frame, config)
    frame["statement"] = statements(frame, config.copy_similarity)
    as_of = frame["period_end"].where(frame["period_end"] != "", frame["published"])
    as_of = as_of.where(as_of != "", frame["source_end"])
    # A reprint states its original's figure as of the original's date.
    original = pd.Series(as_of.to_numpy(), index=frame["claim_id"])
    frame["as_of"] = as_of.where(frame["period_end"] != "", frame["statement"].map(original))
    frame["as_of_first"], frame["as_of_last"] = day_range(frame["as_of"])
    dated = frame["scope"].isin(DATED_SCOPES)
    frame["key_end"] = frame["as_of"].where(dated, frame["period_end"])
    frame["partial"] = frame["note"].str.contains(PARTIAL_NOTE)
    key = quantity_key(frame["entity"], frame["metric"], frame["scope"], frame["period_start"], frame["key_end"])
    frame["identified"] = (_identified(frame, dated) & ~frame["partial"] & ~_automatic_unnamed(frame, key)
                           & ~_side_by_side(frame, key) & ~_far_below(frame, key))
    frame["qkey"] = (key + _moment(frame)).where(frame["identified"], "claim|" + frame["claim_id"])

    # The registry gives each source one publisher, so reliability is a function of the source.
    sources_seen = frame.drop_duplicates("source_id")
    reliability = {s: config.reliability(s, p) for s, p in zip(sources_seen["source_id"], sources_seen["publisher"])}
    review = np.where(frame["status"] == "confirmed", config.confirmed_weight, config.candidate_weight)
    # One statement counts once however many sources repeat it.
    copies = frame.groupby("statement")["claim_id"].transform("size").to_numpy(float)
    frame["weight"] = frame["source_id"].map(reliability).to_numpy(float) * review / copies
    if not frame["claim_id"].is_monotonic_increasing:  # a stored workspace usually is already
        frame = frame.sort_values("claim_id", kind="stable")
    return frame.reset_index(drop=True)


def _moment(frame: pd.DataFrame) -> pd.Series:
    """Within one day, which moment a cumulative figure stands for: the stated time ("|T18:00"), else
    its statement's source ("|@003"). A running count is reported several times a day, so two sources
    giving no hour on one date are not one moment; one source's figures for one date are."""
    daily = (frame["scope"] == "cumulative") & (frame["as_of"].str.len() == DAY_LENGTH)
    source = frame["statement"].map(pd.Series(frame["source_id"].to_numpy(), index=frame["claim_id"])).astype(object).astype(str)
    moment = ("|T" + frame["time"]).where(frame["time"] != "", "|@" + source)
    return moment.where(daily, "")


def _automatic_unnamed(frame: pd.DataFrame, key: pd.Series) -> pd.Series:
    """Figures of one source sharing an automatic metric whose noun does not keep what sets them apart:
    items of one paragraph's (line's) list ("17 with serious injuries, 29 with moderate wounds"; "A gained
    2.3 million votes. B, 1.5 million"), or different values anywhere in the source ("the 10.4 million
    figure", later "the 20 million figure"), so none of them names the quantity; across sources such a
    metric still compares. A configured metric is the user's word that they do name it."""
    automatic = frame["metric"].str.startswith(AUTOMATIC_METRIC)
    apart = frame.groupby([frame["source_id"], key])["value"].transform("nunique") > 1
    return automatic & (frame.duplicated(["source_id", "line", "metric"], keep=False) | apart)


def _side_by_side(frame: pd.DataFrame, key: pd.Series) -> pd.Series:
    """Figures one sentence states side by side with different values for what reads as one quantity
    ("4 on the final morning, 28 in all"; "58.59%, against 66% in 2019"): a writer does not contradict
    themselves within a sentence, so the reading missed what sets them apart, and none of them names
    the quantity it seemed to."""
    values = frame.groupby([frame["source_id"], frame["quote"], key])["value"].transform("nunique")
    return values > 1


# A running total falling to under 1/FAR_BELOW of an earlier one, a subset or a part over FAR_BELOW
# times its set or total: a misread figure (a day's count, a part), not a discrepancy.
FAR_BELOW = 10.0


SOURCE_APART = 3.0  # within one source: a figure more than this many times smaller names another quantity


def _far_below(frame: pd.DataFrame, key: pd.Series) -> pd.Series:
    """A figure several times smaller than another its own source gives for what reads as the same
    quantity ("10.77 million children aged 5 to 9" beside "26.2 million children"): a writer does not
    state one quantity twice that far apart, so the reading missed the part it counts, and it names
    no quantity of its own; unless the two differ by a power of ten, a slip of scale ("42 billion"
    above "$4.2 billion"). Across sources such gaps are the discrepancies figcheck reports."""
    value = frame["value"].abs().to_numpy(float)
    largest = frame.groupby([frame["source_id"], key])["value"].transform("max").abs().to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        decades = np.log10(largest / value)
    slip = (value > 0) & (decades >= 1) & np.isclose(decades, np.round(decades))
    return pd.Series((value * SOURCE_APART < largest) & ~slip, index=frame.index)


def _identified(frame: pd.DataFrame, dated: pd.Series) -> pd.Series:
    """Whether a claim names a quantity that other claims can state too.

    A dated figure (cumulative, snapshot) needs an entity. An event figure, or one of no scope, also
    needs its own stated period: dated only by its document's coverage it names no particular event,
    and two meetings' participant counts are not one quantity.
    """
    named = (frame["metric"] != "") & (frame["entity"] != "")
    stated = (frame["period_start"] != "") & (frame["period_end"] != "")
    document_dates = (frame["period_start"] == frame["source_start"]) & (frame["period_end"] == frame["source_end"])
    return named & (dated | (stated & ~document_dates))
