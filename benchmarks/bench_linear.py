"""Extraction time against document size, one paragraph against many (issue: linear time).

    python benchmarks/bench_linear.py [MEGABYTES ...]     (default 0.1 0.3 1 3 10)

Both documents hold the same generated sentences, half of them with a figure; the one-paragraph
document joins them with spaces, the other puts a blank line between every two. Extraction must
take time proportional to size in both, and one paragraph at most twice the many-paragraph time.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks import update_results  # noqa: E402
from figcheck.claims.config import parse_config  # noqa: E402
from figcheck.claims.extract import extract_source  # noqa: E402

CONFIG = parse_config('[entities.AA]\nname = "Aland"\n[metrics.arrivals]\nwords = ["arrivals"]\nscope = "cumulative"\n')
SOURCE = {"source_id": "b1", "published": "2024-06-30"}
PLAIN = ["The agency published its weekly note on the situation along the coast.",
         "Officials said the reception centres were working normally.",
         "Aid groups asked for more staff at the border crossings."]
FIGURES = ["Aland registered {n} arrivals since 3 May 2024.",
           "Of these, {k} people were children travelling alone.",
           "A further {m} arrivals were recorded on Sunday."]


def sentences(size: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out, total = [], 0
    while total < size:
        template = rng.choice(PLAIN) if rng.random() < 0.5 else rng.choice(FIGURES)
        s = template.format(n=f"{rng.randint(1000, 90000):,}", k=rng.randint(10, 900), m=rng.randint(10, 900))
        out.append(s)
        total += len(s) + 1
    return out


def seconds(text: str) -> float:
    started = time.perf_counter()
    extract_source(text, SOURCE, CONFIG)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    sizes = [float(a) for a in argv] or [0.1, 0.3, 1, 3, 10]
    extract_source("Aland registered 5 arrivals.", SOURCE, CONFIG)  # load the parser once
    rows = ["| MB | one paragraph s | many paragraphs s | ratio | one paragraph chars/s |", "|---|---|---|---|---|"]
    print("\n".join(rows))
    ratio = None
    for mb in sizes:
        parts = sentences(int(mb * 1_000_000))
        one = " ".join(parts)
        many = "\n\n".join(" ".join(parts[i:i + 2]) for i in range(0, len(parts), 2))
        a, b = seconds(one), seconds(many)
        ratio = a / b
        rows.append(f"| {mb:g} | {a:.2f} | {b:.2f} | {ratio:.2f} | {len(one) / a:,.0f} |")
        print(rows[-1], flush=True)
    verdict = (f"One paragraph of {sizes[-1]:g} MB: {ratio:.2f}x the many-paragraph time "
               f"({'meets' if ratio <= 2 else 'misses'} the target of at most 2x).")
    print(verdict)
    update_results("bench_linear", "\n".join([
        "## Extraction time against document size", "",
        f"`python benchmarks/bench_linear.py {' '.join(f'{m:g}' for m in sizes)}` (half the sentences hold a figure)", "",
        *rows, "", verdict]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
