"""Claim frames for reconciliation tests: a builder with defaults, and hypothesis strategies for
claims and for consistent claim systems (totals split into parts, series that never shrink)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import strategies as st

from figcheck.claims.config import parse_config
from figcheck.claims.ids import claim_id
from figcheck.claims.model import CLAIM_COLUMNS
from figcheck.reconcile.engine import reconcile

_DEFAULTS = {"line": 1, "char_start": 0, "char_end": 1, "text": "1", "quote": "", "value": 0.0, "qualifier": "eq",
             "lower": np.nan, "upper": np.nan, "unit": "", "kind": "count", "entity": "", "metric": "", "scope": "",
             "period_start": "", "period_end": "", "part_of": "", "method": "auto", "status": "candidate", "note": "",
             "source_sha256": "", "auto_digest": ""}

SOURCES = pd.DataFrame({
    "source_id": [f"s{i}" for i in range(6)], "file": [f"s{i}.txt" for i in range(6)],
    "title": [f"Report {i}" for i in range(6)], "publisher": [f"Publisher {i}" for i in range(6)],
    "published": [f"202{i}-06-30" for i in range(6)], "period_start": "", "period_end": "", "language": "en", "url": "",
})

CONFIG_TEXT = """
[metrics.total]
scope = "cumulative"
[metrics."total.a"]
scope = "cumulative"
part_of = "total"
[metrics."total.b"]
scope = "cumulative"
part_of = "total"
[metrics."total.a.special"]
scope = "cumulative"
subset_of = "total.a"
[metrics.rounds]
scope = "cumulative"
[metrics.attendees]
scope = "event"
[rules.cohort]
key = ["entity", "period_start", "rounds"]
[rules.groups]
severity = "warning"
tolerance = 0.0
"""
CONFIG = parse_config(CONFIG_TEXT)


def interval(value: float, qualifier: str) -> tuple[float, float]:
    """The interval an extractor stores for a figure (tolerances are the reconciler's business)."""
    if qualifier in ("gt", "ge"):
        return value, np.inf
    if qualifier in ("lt", "le"):
        return -np.inf, value
    return value, value


def claim_frame(rows: list[dict]) -> pd.DataFrame:
    """Claim rows in CLAIM_COLUMNS order; unspecified fields take neutral defaults, ids are derived
    from source, quote and text as the extractor derives them, and lower/upper from the qualifier."""
    records = []
    seen: dict[tuple, int] = {}
    for row in rows:
        record = {**_DEFAULTS, **row}
        record["source_id"] = record.get("source_id", "s0")
        if not record["quote"]:
            record["quote"] = f"{record['entity']} {record['metric']} {record['value']:g} {record['period_end']} #{len(records)}"
        record["text"] = row.get("text") or f"{record['value']:g}"  # the figure as written
        low, high = interval(float(record["value"]), record["qualifier"])
        record["lower"] = low if pd.isna(record["lower"]) else record["lower"]
        record["upper"] = high if pd.isna(record["upper"]) else record["upper"]
        if "claim_id" not in row:
            key = (record["source_id"], record["quote"], record["text"])
            record["claim_id"] = claim_id(*key, seen.get(key, 0))
            seen[key] = seen.get(key, 0) + 1
        records.append(record)
    frame = pd.DataFrame(records, columns=CLAIM_COLUMNS)
    frame["value"] = frame["value"].astype(float)
    return frame


def reconciled(rows: list[dict], config=CONFIG):
    """The Reconciliation of claims built by `claim_frame` over the test sources."""
    return reconcile(claim_frame(rows), SOURCES, config)


def with_claims(result, severity=("error", "warning")) -> pd.DataFrame:
    """Findings of the given severities, one row per (finding, claim), with the claim's value."""
    chosen = result.findings.loc[result.findings["severity"].isin(severity)]
    return chosen.merge(result.finding_claims, on="finding_id")


# ---- hypothesis strategies -------------------------------------------------------------------

QUALIFIERS = st.sampled_from(["eq", "approx", "gt", "ge", "lt", "le"])


@st.composite
def claims(draw, size=st.integers(1, 12)) -> pd.DataFrame:
    """Arbitrary (not necessarily consistent) claims over the test vocabulary."""
    rows = []
    for _ in range(draw(size)):
        rows.append({
            "source_id": draw(st.sampled_from(list(SOURCES["source_id"]))),
            "entity": draw(st.sampled_from(["AA", "BB", "AA+BB"])),
            "metric": draw(st.sampled_from(["total", "total.a", "total.b", "attendees"])),
            "value": float(draw(st.integers(0, 500))),
            "qualifier": draw(QUALIFIERS),
            "period_end": draw(st.sampled_from(["", "2021", "2021-08", "2022-03"])),
        })
    return claim_frame(rows)


@st.composite
def consistent_systems(draw, redundancy: bool = False) -> tuple[pd.DataFrame, list[int]]:
    """A claim system every rule accepts, and the positions of claims stated by >= 3 sources
    (redundant: changing one leaves two others to outvote it).

    Per entity: a cumulative series of totals that never shrinks, each total split into parts
    a + b (sometimes one part left out) with a subset of a; figures stated exactly by one to three
    sources, sometimes as lower bounds below the true value; group figures at least the sum of the
    members; event figures at random. With `redundancy`, the first total is stated exactly by three.
    """
    entities = draw(st.lists(st.sampled_from(["AA", "BB", "CC"]), min_size=1, max_size=2, unique=True))
    rows, redundant = [], []
    sums: dict[str, dict[str, int]] = {}
    for entity in entities:
        dates = draw(st.lists(st.sampled_from(["2020", "2021-03", "2021-08", "2022-11", "2023"]), min_size=1, max_size=3, unique=True))
        a = b = special = 0
        for date in sorted(dates):
            a = draw(st.integers(a, a + 300))
            b = draw(st.integers(b, b + 300))
            special = draw(st.integers(special, a))
            total = a + b
            sums.setdefault(date, {})[entity] = total
            forced = redundancy and not rows
            copies = 3 if forced else draw(st.integers(1, 3))
            loose = [copy > 0 and total > 0 and not forced and draw(st.booleans()) for copy in range(copies)]
            for copy in range(copies):
                source = f"s{copy}"
                quote = f"By {date}, {entity} had {total}: {a} a and {b} b (report {copy})."
                base = {"source_id": source, "entity": entity, "period_end": date, "quote": quote, "line": 1 + copy}
                rows.append({**base, "metric": "total", "value": float(total - 1 if loose[copy] else total),
                             "qualifier": "gt" if loose[copy] else "eq", "text": f"{total}"})
                if copies == 3 and not any(loose):
                    redundant.append(len(rows) - 1)
                rows.append({**base, "metric": "total.a", "value": float(a), "text": f"{a} a"})
                if draw(st.booleans()):
                    rows.append({**base, "metric": "total.b", "value": float(b), "text": f"{b} b"})
                rows.append({**base, "metric": "total.a.special", "value": float(special), "text": f"{special} special"})
    for date, members in sums.items():
        if len(members) > 1 and draw(st.booleans()):
            group = "+".join(sorted(members))
            rows.append({"source_id": "s4", "entity": group, "metric": "total", "period_end": date,
                         "value": float(sum(members.values())), "qualifier": "ge", "text": "group"})
    for i in range(draw(st.integers(0, 4))):
        rows.append({"source_id": "s5", "entity": entities[0], "metric": "attendees", "scope": "event",
                     "period_start": f"202{i}-0{i + 1}", "period_end": f"202{i}-0{i + 1}",
                     "value": float(draw(st.integers(0, 400))), "text": f"attendees {i}"})
    return claim_frame(rows), redundant


def stated_together(a: int, b: int) -> bool:
    """Reference: whether one document's two figures can be one quantity stated twice: at most three
    times apart, or a power of ten apart (a slip of scale, "42 billion" for "4.2 billion")."""
    low, high = sorted((a, b))
    slip = 0 < low < high and high % low == 0 and str(high // low).strip("0") == "1"
    return 3 * low >= high or slip
