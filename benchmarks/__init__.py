"""Benchmarks (issue 7). Shared by the scripts: the machine they ran on and their parts of RESULTS.md.

Each script owns one section of RESULTS.md, between `<!-- NAME -->` and `<!-- /NAME -->`, and
refreshes only that section and the machine description, so the scripts can run in any order.
"""

from __future__ import annotations

import os
import platform
import pstats
import re
from importlib import metadata
from pathlib import Path

from figcheck.claims.atomic import write_atomic

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
LIBRARIES = ("figcheck", "pandas", "numpy", "pandera", "scipy", "quantulum3")
_TITLE = ("# Benchmark results\n\nWritten by `benchmarks/bench_extract.py` and `benchmarks/bench_check.py` "
          "(`make bench`); do not edit by hand.\n")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> str:
    try:
        match = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
        return f"{int(match.group(1)) / 2**20:.1f} GB" if match else "unknown"
    except OSError:
        return "unknown"


def machine() -> str:
    """A Markdown description of this machine and the library versions."""
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"
    return (f"- CPU: {_cpu_model()}, {os.cpu_count()} cores; memory {_memory_gb()}; load average when "
            f"written {load} (other work on a shared machine slows every figure)\n"
            f"- {platform.system()} {platform.release()}; Python {platform.python_version()}\n"
            f"- {', '.join(versions)}\n")


def update_results(name: str, body: str, timed: bool = True) -> None:
    """Replace section `name` of RESULTS.md with `body`, and the machine description when the figures
    are `timed` (scores that do not depend on the machine leave it as it is)."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.is_file() else _TITLE
    sections = [("machine", "## Machine\n\n" + machine())] if timed else []
    for section, content in sections + [(name, body.rstrip("\n") + "\n")]:
        block = f"<!-- {section} -->\n{content}<!-- /{section} -->\n"
        pattern = re.compile(rf"<!-- {section} -->\n.*?<!-- /{section} -->\n", re.S)
        text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + block
    write_atomic(RESULTS, text)


def hotspots(stats: pstats.Stats, limit: int = 8) -> str:
    """The project's functions (not the benchmarks') with the largest share of the profiled time,
    as a Markdown table: where an owner should look first."""
    root = str(RESULTS.parent.parent)
    total = max(stats.total_tt, 1e-9)
    rows = []
    for (path, line, name), (_, calls, own, cumulative, _) in stats.stats.items():
        if path.startswith(root) and "/benchmarks/" not in path and "/.venv/" not in path and name != "<module>":
            rows.append((cumulative, f"`{os.path.relpath(path, root)}:{line}` {name}", calls, own))
    rows.sort(reverse=True)
    lines = ["| function | calls | cumulative share | own share |", "|---|---:|---:|---:|"]
    lines += [f"| {where} | {calls:,} | {cum / total:.0%} | {own / total:.0%} |"
              for cum, where, calls, own in rows[:limit]]
    return "\n".join(lines)
