"""Score `find_quantities` on the Recognizers-Text English number specs (tests/data/recognizers/).

Every case of NumberModel, NumberRangeModel and PercentModel is run through `find_quantities`; the
cases listed in out_of_scope.csv (each with its reason) are counted apart. A case passes when:

- NumberModel: the values figcheck reports, in text order, are the spec's values. A measurement
  ("the 180ml liquid") is no number there: the spec leaves it to its NumberWithUnit model, so figcheck's
  figures with a unit of measure are not compared.
- NumberRangeModel: figcheck's intervals (figures that are not a single point) are the spec's
  intervals, in order, with their closedness; a point the spec reports ("equal to 170") must be among
  figcheck's figures. Two conventions are mapped rather than scored: the spec writes a plain range
  half-open ("between 20 and 30" is [20,30)) where figcheck reads it closed, and an interval with no
  lower bound may start at 0 in figcheck for a non-negative figure (counts are never negative).
- PercentModel: the percentages figcheck reports are the spec's values; a spec result without a
  value ("a small percent") is no figure, so the case passes when figcheck reports none there.

`python benchmarks/score_recognizers.py` prints the pass rates and every failing case, and refreshes the
`score_recognizers` section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: make `benchmarks` importable

from tabulate import tabulate  # noqa: E402

from benchmarks import update_results  # noqa: E402
from figcheck.claims.quantities import find_quantities  # noqa: E402

DATA = ROOT / "tests" / "data" / "recognizers"
SPECS = ("NumberModel", "NumberRangeModel", "PercentModel")
_INTERVAL = re.compile(r"^([\[(])([^,]*),([^,\])]*)([\])])$")


@dataclass(frozen=True)
class Score:
    spec: str
    passed: int
    in_scope: int
    out_of_scope: int
    failures: tuple[tuple[str, str, str], ...]  # input, expected, found

    @property
    def rate(self) -> float:
        return self.passed / self.in_scope if self.in_scope else 1.0


def cases(spec: str) -> list[dict]:
    return json.loads((DATA / f"{spec}.json").read_text(encoding="utf-8-sig"))


def out_of_scope() -> dict[tuple[str, str], str]:
    """(spec, input) -> reason, from out_of_scope.csv."""
    with open(DATA / "out_of_scope.csv", newline="", encoding="utf-8") as f:
        return {(row["spec"], row["input"]): row["reason"] for row in csv.DictReader(f)}


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _same(expected: list[float], found: list[float]) -> bool:
    return len(expected) == len(found) and all(_close(a, b) for a, b in zip(expected, found))


def parse_interval(written: str) -> tuple[float, bool, float, bool]:
    """"(20,35]" -> (20, True, 35, False): lower, lower_open, upper, upper_open; a missing end is infinite."""
    m = _INTERVAL.match(written.replace(" ", ""))
    if not m:
        raise ValueError(f"not an interval: {written!r}")
    lower = float(m.group(2)) if m.group(2) else -math.inf
    upper = float(m.group(3)) if m.group(3) else math.inf
    return lower, m.group(1) == "(" or math.isinf(lower), upper, m.group(4) == ")" or math.isinf(upper)


def _interval_matches(spec: tuple, q: dict) -> bool:
    lower, lower_open, upper, upper_open = spec
    if math.isinf(lower):
        lower_ok = math.isinf(q["lower"]) or (q["lower"] == 0 and q["value"] >= 0)
    else:
        lower_ok = _close(lower, q["lower"]) and lower_open == q["lower_open"]
    plain_range = not lower_open and upper_open and not math.isinf(lower) and not math.isinf(upper)
    if math.isinf(upper):
        upper_ok = math.isinf(q["upper"])
    else:
        upper_ok = _close(upper, q["upper"]) and (upper_open == q["upper_open"] or plain_range)
    return lower_ok and upper_ok


def _is_point(q: dict) -> bool:
    return q["lower"] == q["upper"] and q["qualifier"] == "eq"


def passes(spec: str, case: dict) -> tuple[bool, str]:
    """Whether figcheck agrees with one case, and what it found (for the failure list)."""
    found = find_quantities(case["Input"])
    results = case["Results"]
    if spec == "NumberModel":
        values = [q["value"] for q in found if not (q["kind"] == "other" and q["unit_code"])]
        return _same([float(r["Resolution"]["value"]) for r in results], values), str(values)
    if spec == "PercentModel":
        values = [q["value"] for q in found if q["unit_code"] == "percent"]
        expected = [float(r["Resolution"]["value"].rstrip("%")) for r in results
                    if r["Resolution"].get("value") not in (None, "null")]
        return _same(expected, values), str(values)
    intervals = [parse_interval(r["Resolution"]["value"]) for r in results]
    ranges = [q for q in found if not _is_point(q)]
    shown = str([(q["qualifier"], q["lower"], q["upper"], q["lower_open"], q["upper_open"]) for q in found])
    wanted = [i for i in intervals if i[0] != i[2]]
    points = [i[0] for i in intervals if i[0] == i[2]]
    ok = (len(wanted) == len(ranges) and all(_interval_matches(i, q) for i, q in zip(wanted, ranges))
          and all(any(_is_point(q) and _close(p, q["value"]) for q in found) for p in points))
    return ok, shown


def score(spec: str) -> Score:
    skipped = out_of_scope()
    passed = in_scope = excluded = 0
    failures = []
    for case in cases(spec):
        if (spec, case["Input"]) in skipped:
            excluded += 1
            continue
        in_scope += 1
        ok, found = passes(spec, case)
        if ok:
            passed += 1
        else:
            expected = [(r["Text"], r["Resolution"].get("value")) for r in case["Results"]]
            failures.append((case["Input"], str(expected), found))
    return Score(spec, passed, in_scope, excluded, tuple(failures))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-results", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args(argv)
    scores = [score(spec) for spec in SPECS]
    table = tabulate([[s.spec, s.in_scope, s.out_of_scope, s.passed, f"{s.rate:.2f}"] for s in scores],
                     headers=["spec", "in scope", "out of scope", "passed", "pass rate"], tablefmt="github")
    print(table)
    for s in scores:
        for text, expected, found in s.failures:
            print(f"FAIL {s.spec}: {text!r}\n     expected {expected}\n     found    {found}")
    if not args.no_results:
        update_results("score_recognizers", "\n".join([
            "## Number grammar: Recognizers-Text English specs", "",
            "`python benchmarks/score_recognizers.py`: `find_quantities` on the vendored specs; "
            "out-of-scope cases in tests/data/recognizers/out_of_scope.csv.", "", table]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
