"""A deliberately simple extractor (every run of digits is a count) for testing the store and the
command line apart from the real extractor's judgement."""

import re

import pandas as pd

from figcheck.claims.ids import claim_id
from figcheck.claims.model import CLAIM_COLUMNS
from figcheck.claims.sources import line_of


def fake_extract(text, source, config):
    rows, seen = [], {}
    for match in re.finditer(r"\d+", text):
        start, end = match.span()
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        quote = text[line_start:line_end if line_end >= 0 else len(text)]
        occurrence = seen.get((quote, match.group()), 0)
        seen[(quote, match.group())] = occurrence + 1
        value = float(match.group())
        rows.append({
            "claim_id": claim_id(source["source_id"], quote, match.group(), occurrence),
            "source_id": source["source_id"], "line": line_of(text, start), "char_start": start, "char_end": end,
            "text": match.group(), "quote": quote, "value": value, "qualifier": "eq", "lower": value, "upper": value,
            "unit": "", "kind": "count", "entity": "", "metric": "", "scope": "", "period_start": "",
            "period_end": "", "part_of": "", "method": "auto", "status": "candidate", "note": "",
            "source_sha256": "", "auto_digest": "",
        })
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


def use_fake_extractor(monkeypatch):
    import figcheck.store_update as extract_command

    monkeypatch.setattr(extract_command, "_extract_chunk",
                        lambda items: pd.concat([fake_extract(text, source, None) for text, source in items]))
