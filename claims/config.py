"""`figcheck.toml`: parsed with tomllib, checked against a declared shape, unknown keys refused by name."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from figcheck.claims.errors import FigcheckError

CONFIG_NAME = "figcheck.toml"


class ConfigError(FigcheckError):
    """A configuration problem, worded for the person who edits figcheck.toml."""


# The shape of the file. A dict is a table with these keys; "*" stands for any key (a name the user
# chooses, e.g. an entity code); a type or tuple of types is a leaf; a list [T] is an array of T.
_RULE = {
    "enabled": bool,
    "severity": str,
    "tolerance": (int, float),
    "metrics": [str],
    "entities": [str],
    "key": [str],
    "description": str,
}
_SPEC: dict = {
    "workspace": {
        "registry": str,
        "sources_dir": str,
        "claims_dir": str,
        "reports_dir": str,
        "baseline": str,
        "language": str,
        "subject": str,
    },
    "tolerance": {"approx": (int, float), "exact": (int, float)},
    "reliability": {"default": (int, float), "sources": {"*": (int, float)}, "publishers": {"*": (int, float)}},
    "review": {"confirmed_weight": (int, float), "candidate_weight": (int, float)},
    "solver": {"time_limit": (int, float), "max_ties": int, "max_component": int, "jobs": int},
    "entities": {"*": {"name": str, "forms": [str]}},
    # the workspace's own scope cues, added to the language's: event = ["a convoy"]
    "scope": {"cumulative": [str], "event": [str], "snapshot": [str]},
    "groups": {"*": {"members": [str], "forms": [str]}},
    "metrics": {
        "*": {
            "words": [str],
            "predicates": [str],
            "excluded_predicates": [str],
            "scope": str,
            "kind": str,
            "part_of": str,
            "subset_of": str,
            "description": str,
        }
    },
    "rules": {"*": _RULE},
}

SEVERITIES = ("error", "warning", "info")
SCOPES = ("cumulative", "event", "snapshot")


def _check_shape(value, spec, where: str) -> None:
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            raise ConfigError(f"'{where}' must be a table")
        for key, sub in value.items():
            path = f"{where}.{key}" if where else key
            if key in spec:
                _check_shape(sub, spec[key], path)
            elif "*" in spec:
                _check_shape(sub, spec["*"], path)
            else:
                known = ", ".join(sorted(k for k in spec if k != "*"))
                raise ConfigError(f"unknown key '{path}' (known here: {known})")
    elif isinstance(spec, list):
        if not isinstance(value, list):
            raise ConfigError(f"'{where}' must be an array")
        for i, item in enumerate(value):
            _check_shape(item, spec[0], f"{where}[{i}]")
    elif not isinstance(value, spec) or (spec is not bool and isinstance(value, bool)):
        names = spec.__name__ if isinstance(spec, type) else " or ".join(t.__name__ for t in spec)
        raise ConfigError(f"'{where}' must be {names}, not {type(value).__name__}")


@dataclass(frozen=True)
class Metric:
    name: str
    words: tuple[str, ...] = ()
    predicates: tuple[str, ...] = ()
    excluded_predicates: tuple[str, ...] = ()
    scope: str = ""
    kind: str = "count"
    part_of: str = ""
    subset_of: str = ""
    description: str = ""


@dataclass(frozen=True)
class Rule:
    name: str
    enabled: bool = True
    severity: str = "error"
    tolerance: float = 0.0
    metrics: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    key: tuple[str, ...] = ()
    description: str = ""
    given: tuple[str, ...] = ()  # the keys figcheck.toml set; a rule's own defaults fill the rest

    def over(self, default: "Rule") -> "Rule":
        """These settings where figcheck.toml gave them, the rule's defaults (`default`) elsewhere."""
        if not self.given:
            return self
        return replace(default, **{key: getattr(self, key) for key in self.given})

    def applies_to(self, metric: str) -> bool:
        return not self.metrics or metric in self.metrics


@dataclass(frozen=True)
class Config:
    registry: str = "sources.csv"
    sources_dir: str = "sources"
    claims_dir: str = "claims"
    reports_dir: str = "reports"
    baseline: str = "figcheck-baseline.json"
    language: str = "en"
    subject: str = ""
    approx_tolerance: float = 0.05
    exact_tolerance: float = 0.0
    default_reliability: float = 1.0
    source_reliability: dict[str, float] = field(default_factory=dict)
    publisher_reliability: dict[str, float] = field(default_factory=dict)
    confirmed_weight: float = 10.0
    candidate_weight: float = 1.0
    solver_time_limit: float = 10.0
    solver_max_ties: int = 20
    solver_max_component: int = 2000
    solver_jobs: int = 0          # processes solving groups at once; 0: one per core
    entities: dict[str, dict] = field(default_factory=dict)  # code -> {"name": str, "forms": [str]}
    groups: dict[str, dict] = field(default_factory=dict)    # name -> {"members": [codes], "forms": [str]}
    metrics: dict[str, Metric] = field(default_factory=dict)
    scope_cues: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (scope, its cue words) from [scope]
    rules: dict[str, Rule] = field(default_factory=dict)

    def reliability(self, source_id: str, publisher: str = "") -> float:
        if source_id in self.source_reliability:
            return self.source_reliability[source_id]
        return self.publisher_reliability.get(publisher, self.default_reliability)


def parse_config(text: str, origin: str = CONFIG_NAME) -> Config:
    """Parse and check the text of a figcheck.toml; raises ConfigError naming the file and key."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: not valid TOML: {exc}") from None
    try:
        _check_shape(raw, _SPEC, "")
        return _build(raw)
    except ConfigError as exc:
        raise ConfigError(f"{origin}: {exc}") from None


def load_config(workspace: Path) -> Config:
    path = Path(workspace) / CONFIG_NAME
    if not path.is_file():
        raise ConfigError(f"{path}: no configuration found; create one with 'figcheck init {workspace}'")
    return parse_config(path.read_text(encoding="utf-8"), str(path))


def _build(raw: dict) -> Config:
    ws = raw.get("workspace", {})
    tol = raw.get("tolerance", {})
    rel = raw.get("reliability", {})
    review = raw.get("review", {})
    solver = raw.get("solver", {})
    metrics = {}
    for name, m in raw.get("metrics", {}).items():
        metric = Metric(name=name, **{k: tuple(v) if isinstance(v, list) else v for k, v in m.items()})
        if metric.scope and metric.scope not in SCOPES:
            raise ConfigError(f"'metrics.{name}.scope' must be one of {', '.join(SCOPES)}")
        metrics[name] = metric
    for metric in metrics.values():
        for link in ("part_of", "subset_of"):
            target = getattr(metric, link)
            if target and target not in metrics:
                raise ConfigError(f"'metrics.{metric.name}.{link}' names unknown metric '{target}'")
    rules = {}
    for name, r in raw.get("rules", {}).items():
        settings = {k: tuple(v) if isinstance(v, list) else v for k, v in r.items()}
        rule = Rule(name=name, given=tuple(sorted(settings)), **settings)
        if rule.severity not in SEVERITIES:
            raise ConfigError(f"'rules.{name}.severity' must be one of {', '.join(SEVERITIES)}")
        rules[name] = rule
    entities = {code: {"name": e.get("name", code), "forms": list(e.get("forms", []))}
                for code, e in raw.get("entities", {}).items()}
    groups = {}
    for name, g in raw.get("groups", {}).items():
        unknown = [m for m in g.get("members", []) if m not in entities]
        if unknown:
            raise ConfigError(f"'groups.{name}.members' names unknown entities: {', '.join(unknown)}")
        groups[name] = {"members": sorted(g.get("members", [])), "forms": list(g.get("forms", []))}
    defaults = Config()
    return Config(
        registry=ws.get("registry", defaults.registry),
        sources_dir=ws.get("sources_dir", defaults.sources_dir),
        claims_dir=ws.get("claims_dir", defaults.claims_dir),
        reports_dir=ws.get("reports_dir", defaults.reports_dir),
        baseline=ws.get("baseline", defaults.baseline),
        language=ws.get("language", defaults.language),
        subject=ws.get("subject", defaults.subject),
        approx_tolerance=float(tol.get("approx", defaults.approx_tolerance)),
        exact_tolerance=float(tol.get("exact", defaults.exact_tolerance)),
        default_reliability=float(rel.get("default", defaults.default_reliability)),
        source_reliability={k: float(v) for k, v in rel.get("sources", {}).items()},
        publisher_reliability={k: float(v) for k, v in rel.get("publishers", {}).items()},
        confirmed_weight=float(review.get("confirmed_weight", defaults.confirmed_weight)),
        candidate_weight=float(review.get("candidate_weight", defaults.candidate_weight)),
        solver_time_limit=float(solver.get("time_limit", defaults.solver_time_limit)),
        solver_max_ties=int(solver.get("max_ties", defaults.solver_max_ties)),
        solver_max_component=int(solver.get("max_component", defaults.solver_max_component)),
        solver_jobs=int(solver.get("jobs", defaults.solver_jobs)),
        entities=entities,
        groups=groups,
        metrics=metrics,
        scope_cues=tuple(sorted((name, tuple(words)) for name, words in raw.get("scope", {}).items())),
        rules=rules,
    )
