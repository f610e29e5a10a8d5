"""Workspaces built from the real news excerpts of tests/data/findings: the excerpts as sources, and
claims written by hand the way a reviewer would confirm them (so the tests exercise reconciliation
and the report, not extraction)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import numpy as np
import pandas as pd

from figcheck.claims.extraction.clock import time_of_day
from figcheck.claims.ids import claim_id
from figcheck.claims.model import CLAIM_COLUMNS, SOURCE_COLUMNS
from figcheck.claims.store import store_texts

EXCERPTS = Path(__file__).resolve().parent / "data" / "findings"

CONFIG = """
[entities.IN]
name = "India"
forms = ["India"]

[entities.LK]
name = "Sri Lanka"
forms = ["Sri Lanka"]

[entities.US]
name = "United States"
forms = ["Austin"]

[metrics.killed]
scope = "cumulative"

[metrics.injured]
scope = "cumulative"

[metrics."injured.critical"]
scope = "cumulative"
part_of = "injured"

[metrics."injured.stable"]
scope = "cumulative"
part_of = "injured"

[metrics."killed.children"]
scope = "cumulative"
part_of = "killed"

[metrics."killed.women"]
scope = "cumulative"
part_of = "killed"

[metrics."killed.men"]
scope = "cumulative"
part_of = "killed"
"""

# The registry: one row per excerpt used (source_id, file, publisher, published, title).
REGISTRY = {
    "reuters": ("amritsar-reuters.txt", "Reuters", "2018-10-20", "India's Punjab state chief minister says train accident killed 59"),
    "chinadaily": ("amritsar-chinadaily.txt", "China Daily", "2018-10-20", "India's Punjab state chief minister says train accident killed 59"),
    "efe": ("amritsar-efe.txt", "EFE", "2018-10-20", "India raises train accident death toll to 59, some 143 injured"),
    "fe": ("amritsar-financialexpress.txt", "The Financial Express", "2018-10-20", "Amritsar train accident"),
    "scroll": ("amritsar-scroll.txt", "Scroll.in", "2018-10-20", "Amritsar train accident: Toll rises to 61"),
    "lk": ("srilanka-theaustralian.txt", "The Australian", "2019-04-25", "Sri Lanka attack: death toll lowered by 100 to 253"),
    "austin": ("austin-gadgetclock.txt", "Gadget Clock", "2021-06-12", "Austin shooting: 14 people are injured, police say"),
    "bihar": ("bihar-reuters.txt", "Reuters", "2014-08-18", "Indian train accident kills 18, injures two"),
}
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+|\n")


def text_of(source_id: str) -> str:
    return (EXCERPTS / REGISTRY[source_id][0]).read_text(encoding="utf-8")


def claim(source_id: str, surface: str, metric: str, entity: str = "IN", value: float | None = None, nth: int = 0,
          **fields) -> dict:
    """The claim of the `nth` occurrence of `surface` in the excerpt, its quote the sentence holding it
    and its time of day what `figcheck.claims.extraction.clock` reads there."""
    text = text_of(source_id)
    starts = [m.start() for m in re.finditer(r"(?<![\w])" + re.escape(surface) + r"(?![\w])", text)]
    start = starts[nth]
    end = start + len(surface)
    breaks = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    begin = max(b for b in breaks if b <= start)
    finish = min(m.start() for m in _SENTENCE_END.finditer(text + "\n", end))
    quote = text[begin:finish]
    value = float(surface.replace(",", "")) if value is None else float(value)
    qualifier = fields.pop("qualifier", "eq")
    lower, upper = (value, np.inf) if qualifier in ("ge", "gt") else (value, value)
    row = {
        "claim_id": claim_id(source_id, quote, surface, 0), "source_id": source_id, "line": text.count("\n", 0, start) + 1,
        "char_start": start, "char_end": end, "text": surface, "quote": quote, "value": value, "qualifier": qualifier,
        "lower": lower, "upper": upper, "unit": "", "kind": "count", "entity": entity, "metric": metric,
        "scope": "cumulative", "period_start": "", "period_end": "",
        "time": time_of_day(text, begin, finish, start, end), "part_of": "", "method": "manual", "status": "confirmed",
        "note": "", "source_sha256": "", "auto_digest": "",
    }
    row.update(fields)
    return row


def claims_frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


def sources_frame(source_ids: list[str], published: dict[str, str] | None = None) -> pd.DataFrame:
    rows = [{"source_id": s, "file": REGISTRY[s][0], "title": REGISTRY[s][3], "publisher": REGISTRY[s][1],
             "published": (published or {}).get(s, REGISTRY[s][2]), "period_start": "", "period_end": "",
             "language": "en", "url": ""} for s in source_ids]
    return pd.DataFrame(rows, columns=SOURCE_COLUMNS)


def write_workspace(root: Path, rows: list[dict], config_extra: str = "") -> Path:
    """A workspace folder holding the excerpts the claims cite, their registry and the claims."""
    claims = claims_frame(rows)
    source_ids = sorted(set(claims["source_id"]))
    (root / "sources").mkdir(parents=True)
    for s in source_ids:
        shutil.copy(EXCERPTS / REGISTRY[s][0], root / "sources" / REGISTRY[s][0])
    sources_frame(source_ids).to_csv(root / "sources.csv", index=False)
    (root / "figcheck.toml").write_text(CONFIG + config_extra, encoding="utf-8")
    (root / "claims").mkdir()
    for s, text in store_texts(claims, source_ids).items():
        (root / "claims" / f"{s}.csv").write_text(text, encoding="utf-8")
    return root
