"""`figcheck.toml`: parsed with tomllib, checked whole against its declared shape.

The shape is declared once, in `_SPEC`: every key with its type, the values it allows and the names
it must refer to. Every problem is reported at once, each with its line: tomllib gives no positions,
so `_locate` finds the line of a key in the text (no maintained TOML parser both reads TOML 1.0
exactly as tomllib does and keeps the line of every key).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from figcheck.claims.atomic import os_failure
from figcheck.claims.errors import FigcheckError
from figcheck.claims.model import KINDS, SCOPES, SEVERITIES

CONFIG_NAME = "figcheck.toml"


class ConfigError(FigcheckError):
    """A configuration problem, worded for the person who edits figcheck.toml."""


@dataclass(frozen=True)
class Key:
    """One setting: its type(s), and where given the values it allows, its least value, or the
    kind of name it must be ("metric", "entity" for a code, "claim entity" for a code, a group of
    codes joined by '+' or the subject)."""

    types: type | tuple[type, ...]
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    names: str = ""


NUMBER = (int, float)
_RULE = {
    "enabled": Key(bool),
    "severity": Key(str, choices=SEVERITIES),
    "tolerance": Key(NUMBER, minimum=0),
    "metrics": [Key(str, names="metric")],
    "entities": [Key(str, names="claim entity")],
    "key": [Key(str)],
    "description": Key(str),
}
# A dict is a table with these keys; "*" stands for any key (a name the user chooses, e.g. an entity
# code); a Key is a leaf; a list [Key] is an array of such leaves.
_SPEC: dict = {
    "workspace": {
        "registry": Key(str),
        "sources_dir": Key(str),
        "claims_dir": Key(str),
        "reports_dir": Key(str),
        "baseline": Key(str),
        "language": Key(str),
        "subject": Key(str),
    },
    "tolerance": {"approx": Key(NUMBER, minimum=0), "exact": Key(NUMBER, minimum=0)},
    "reliability": {
        "default": Key(NUMBER, minimum=0),
        "sources": {"*": Key(NUMBER, minimum=0)},
        "publishers": {"*": Key(NUMBER, minimum=0)},
    },
    "review": {"confirmed_weight": Key(NUMBER, minimum=0), "candidate_weight": Key(NUMBER, minimum=0)},
    "solver": {
        "time_limit": Key(NUMBER, minimum=0),
        "max_ties": Key(int, minimum=1),
        "max_component": Key(int, minimum=1),
        "jobs": Key(int, minimum=0),
    },
    "places": {"builtin": Key(bool), "subdivisions": [Key(str)], "movement": Key(str, choices=("origin",))},
    "entities": {"*": {"name": Key(str), "forms": [Key(str)], "parts": [Key(str)]}},
    "groups": {"*": {"members": [Key(str, names="entity")], "forms": [Key(str)]}},
    "copies": {"similarity": Key(NUMBER, minimum=0)},
    # the workspace's own scope cues, added to the language's: event = ["a convoy"]
    "scope": {"cumulative": [Key(str)], "event": [Key(str)], "snapshot": [Key(str)]},
    # the workspace's own currency forms, added to the language's: NGN = ["N", "naira"]
    "currencies": {"*": [Key(str)]},
    "metrics": {
        "*": {
            "words": [Key(str)],
            "predicates": [Key(str)],
            "excluded_predicates": [Key(str)],
            "scope": Key(str, choices=SCOPES),
            "kind": Key(str, choices=KINDS),
            "part_of": Key(str, names="metric"),
            "subset_of": Key(str, names="metric"),
            # the place the measure is about where a figure's sentence names none: "crossings to the UK"
            "entity": Key(str, names="claim entity"),
            "description": Key(str),
        }
    },
    "rules": {"*": _RULE},
}
# Links between metrics that must not loop: a metric cannot be, through its parents, part of itself.
METRIC_LINKS = ("part_of", "subset_of")


def _type_words(types) -> str:
    return types.__name__ if isinstance(types, type) else " or ".join(t.__name__ for t in types)


def _check_shape(value, spec, path: tuple[str, ...], problems: list, refs: list) -> None:
    """Appends (path, message) for every value that does not fit `spec`, and (path, kind, value)
    to `refs` for every name to be checked once the whole file is known."""
    where = ".".join(path)
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            problems.append((path, f"'{where}' must be a table"))
            return
        for key, sub in value.items():
            if key in spec:
                _check_shape(sub, spec[key], path + (key,), problems, refs)
            elif "*" in spec:
                _check_shape(sub, spec["*"], path + (key,), problems, refs)
            else:
                known = ", ".join(sorted(k for k in spec if k != "*"))
                problems.append((path + (key,), f"unknown key '{'.'.join(path + (key,))}' (known here: {known})"))
    elif isinstance(spec, list):
        if not isinstance(value, list):
            problems.append((path, f"'{where}' must be an array"))
            return
        for i, item in enumerate(value):
            _check_leaf(item, spec[0], path, f"{where}[{i}]", problems, refs, array=where)
    else:
        _check_leaf(value, spec, path, where, problems, refs)


def _check_leaf(value, key: Key, path: tuple[str, ...], where: str, problems: list, refs: list,
                array: str = "") -> None:
    if not isinstance(value, key.types) or (key.types is not bool and isinstance(value, bool)):
        problems.append((path, f"'{where}' must be {_type_words(key.types)}, not {type(value).__name__}"))
    elif key.choices and value not in key.choices:
        problems.append((path, f"'{where}' must be one of {', '.join(key.choices)}, not {value!r}"))
    elif key.minimum is not None and value < key.minimum:
        problems.append((path, f"'{where}' must be at least {key.minimum}, not {value}"))
    elif key.names:
        refs.append((path, array or where, key.names, value, bool(array)))


def _check_names(raw: dict, refs: list, problems: list) -> None:
    """Every name a key refers to exists; metric links do not loop."""
    metrics = raw.get("metrics", {})
    codes = set(raw.get("entities", {}))
    subject = raw.get("workspace", {}).get("subject", "")
    known = {
        "metric": lambda name: name in metrics,
        "entity": lambda name: not _unknown_codes([name], codes),
        "claim entity": lambda name: name == subject or not _unknown_codes(name.split("+"), codes),
    }
    words = {"metric": ("metric", "metrics", ""), "entity": ("entity", "entities", ""),
             "claim entity": ("entity", "entities", " (give entity codes, joined by '+' for a group, or the subject)")}
    unknown: dict[tuple, list[str]] = {}
    for path, where, kind, name, array in refs:
        if not known[kind](name):
            unknown.setdefault((path, where, kind, array), []).append(name)
    for (path, where, kind, array), names in unknown.items():
        one, many, hint = words[kind]
        said = f"unknown {many}: {', '.join(names)}" if array else f"unknown {one} '{names[0]}'"
        problems.append((path, f"'{where}' names {said}{hint}"))
    problems += [(("entities", code), f"'entities.{code}': an entity code is letters, digits, '_', '.' or '-' "
                                      "(an ISO code such as 'KZ' or 'KE-30', or a name of your own)")
                 for code in codes if not re.fullmatch(ENTITY_CODE, code)]
    problems += _cycles(metrics)
    problems += currency_problems(raw.get("currencies", {}))


def currency_problems(currencies) -> list:
    """Each key of [currencies] is an ISO 4217 code Babel knows; each form is written once, with a
    letter or a currency sign and no digit (a figure is read after or before it, never inside it)."""
    if not isinstance(currencies, dict) or not currencies:
        return []
    from babel.numbers import list_currencies

    known = list_currencies()
    problems = []
    owner: dict[str, str] = {}
    for iso, forms in currencies.items():
        if iso not in known:
            problems.append((("currencies", iso), f"'currencies.{iso}': not an ISO 4217 currency code (such as 'NGN' or 'KZT')"))
        for form in forms if isinstance(forms, list) else ():
            if not isinstance(form, str):
                continue  # reported by the shape check
            if not form.strip() or form != form.strip() or any(c.isdigit() for c in form):
                problems.append((("currencies", iso), f"'currencies.{iso}': {form!r} is no currency form "
                                                      "(give a word or a sign, without digits or outer spaces)"))
            elif owner.setdefault(form.casefold(), iso) != iso:
                problems.append((("currencies", iso), f"'currencies.{iso}': {form!r} is already a form of "
                                                      f"{owner[form.casefold()]}; a form names one currency"))
    return problems


def parse_currencies(currencies: dict) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Currency forms ({"NGN": ["N", "naira"]}) as (ISO code, forms) pairs, checked as figcheck.toml's
    [currencies]; raises ConfigError naming every bad entry."""
    given = {iso: list(forms) if isinstance(forms, tuple) else forms for iso, forms in currencies.items()}
    problems: list = []
    _check_shape(given, _SPEC["currencies"], ("currencies",), problems, [])
    problems += currency_problems(given)
    if problems:
        raise ConfigError("; ".join(message for _, message in problems))
    return tuple(sorted((iso, tuple(forms)) for iso, forms in currencies.items()))


def _unknown_codes(names: list[str], configured: set[str]) -> list[str]:
    """Names that are neither configured entities nor built-in ISO codes (the gazetteer is read only
    for a name the configuration does not declare)."""
    rest = [name for name in names if name not in configured]
    if not rest:
        return []
    from figcheck.claims.gazetteer import unknown_codes  # the gazetteer imports this module

    return unknown_codes(rest, configured)


def _cycles(metrics: dict) -> list:
    """One problem per loop of part_of/subset_of links, found depth-first: each metric is visited once."""
    state: dict[str, int] = {}  # 1 while on the current trail, 2 once all its links are followed
    problems = []
    for start in sorted(metrics):
        if start in state:
            continue
        state[start], trail, stack = 1, [start], [iter(_links(metrics, start))]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                state[trail.pop()] = 2
                stack.pop()
                continue
            link, target = step
            if state.get(target) == 1:
                loop = " -> ".join(trail[trail.index(target):] + [target])
                problems.append((("metrics", trail[-1], link),
                                 f"'metrics.{trail[-1]}.{link}' closes a loop: {loop}; a metric cannot be part of itself"))
            elif target not in state:
                state[target] = 1
                trail.append(target)
                stack.append(iter(_links(metrics, target)))
    return problems


def _links(metrics: dict, name: str):
    table = metrics.get(name, {})
    return [(link, table[link]) for link in METRIC_LINKS
            if isinstance(table, dict) and isinstance(table.get(link), str) and table[link] in metrics]


_HEADER = re.compile(r"^\s*\[\[?\s*(?P<key>[^\]]*?)\s*\]\]?\s*(?:#.*)?$")
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_ASSIGNMENT = re.compile(rf"^\s*(?P<key>{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=")
_PART = re.compile(_KEY_PART)


def _key_path(dotted: str) -> tuple[str, ...]:
    return tuple(part[1:-1] if part[0] in "\"'" else part for part in _PART.findall(dotted))


def _key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The line each table header and key assignment of the text is on (multi-line strings skipped)."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    in_string = ""
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string:
            if line.count(in_string) % 2:
                in_string = ""
            continue
        header = _HEADER.match(line)
        if header:
            table = _key_path(header["key"])
            lines.setdefault(table, number)
            continue
        assignment = _ASSIGNMENT.match(line)
        if assignment:
            lines.setdefault(table + _key_path(assignment["key"]), number)
            rest = line[assignment.end():]
            in_string = next((q for q in ('"""', "'''") if rest.count(q) % 2), "")
    return lines


def _locate(lines: dict[tuple[str, ...], int], path: tuple[str, ...]) -> int | None:
    """The line of `path`, or of its nearest enclosing key that has one (keys of an inline table)."""
    for length in range(len(path), 0, -1):
        if path[:length] in lines:
            return lines[path[:length]]
    return None


def _report(problems: list, text: str, origin: str) -> str:
    lines = _key_lines(text)
    located = sorted(((_locate(lines, path) or 0), message) for path, message in problems)
    messages = [f"{origin}:{line}: {message}" if line else f"{origin}: {message}" for line, message in located]
    if len(messages) == 1:
        return messages[0]
    return "\n".join([f"{len(messages)} problems in {origin}:"] + [f"  {m}" for m in messages])


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
    entity: str = ""
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
    builtin_places: bool = True   # the built-in gazetteer (figcheck.claims.gazetteer) is on
    subdivisions: tuple[str, ...] = ()  # countries whose ISO 3166-2 subdivisions texts may name
    movement: str = ""  # "origin": people who moved stand where they came from, not where they went
    entities: dict[str, dict] = field(default_factory=dict)  # code -> {"name", "forms", "parts"}
    copy_similarity: float = 90.0  # rapidfuzz ratio (0-100) above which two sources' sentences are one statement
    groups: dict[str, dict] = field(default_factory=dict)    # name -> {"members": [codes], "forms": [str]}
    metrics: dict[str, Metric] = field(default_factory=dict)
    scope_cues: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (scope, its cue words) from [scope]
    currencies: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (ISO code, its forms) from [currencies]
    rules: dict[str, Rule] = field(default_factory=dict)

    def reliability(self, source_id: str, publisher: str = "") -> float:
        if source_id in self.source_reliability:
            return self.source_reliability[source_id]
        return self.publisher_reliability.get(publisher, self.default_reliability)


def parse_config(text: str, origin: str = CONFIG_NAME) -> Config:
    """Parse and check the text of a figcheck.toml; raises ConfigError naming every problem and its line."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: not valid TOML: {exc}") from None
    problems: list = []
    refs: list = []
    _check_shape(raw, _SPEC, (), problems, refs)
    _check_names(raw, refs, problems)
    if problems:
        raise ConfigError(_report(problems, text, origin))
    return _build(raw)


def load_config(workspace: Path) -> Config:
    path = Path(workspace) / CONFIG_NAME
    if not path.is_file():
        raise ConfigError(f"{path}: no configuration found; create one with 'figcheck init {workspace}'")
    return load_config_file(path)


def load_config_file(path: Path) -> Config:
    """The configuration in the file at `path`, checked."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    except OSError as exc:
        raise os_failure(path, exc, "read") from None
    return parse_config(text, str(path))


def _build(raw: dict) -> Config:
    """The Config of a file that passed every check."""
    ws = raw.get("workspace", {})
    tol = raw.get("tolerance", {})
    rel = raw.get("reliability", {})
    review = raw.get("review", {})
    solver = raw.get("solver", {})
    similarity = float(raw.get("copies", {}).get("similarity", Config.copy_similarity))
    if similarity > 100:
        raise ConfigError("'copies.similarity' must lie between 0 and 100")
    metrics = {name: Metric(name=name, **{k: tuple(v) if isinstance(v, list) else v for k, v in m.items()})
               for name, m in raw.get("metrics", {}).items()}
    rules = {}
    for name, r in raw.get("rules", {}).items():
        settings = {k: tuple(v) if isinstance(v, list) else v for k, v in r.items()}
        rules[name] = Rule(name=name, given=tuple(sorted(settings)), **settings)
    entities, groups = _places(raw)
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
        builtin_places=raw.get("places", {}).get("builtin", True),
        subdivisions=tuple(raw.get("places", {}).get("subdivisions", ())),
        movement=raw.get("places", {}).get("movement", ""),
        copy_similarity=similarity,
        entities=entities,
        groups=groups,
        metrics=metrics,
        scope_cues=tuple(sorted((name, tuple(words)) for name, words in raw.get("scope", {}).items())),
        currencies=parse_currencies(raw.get("currencies", {})),
        rules=rules,
    )


# An entity code as claims carry it: letters, digits, "_", "." and "-" ("KZ", "KE-30", "unhcr"); a
# claim about a group joins its members' codes with "+" (checks.schemas.ENTITY).
ENTITY_CODE = r"[A-Za-z0-9][A-Za-z0-9_.-]*"


def _places(raw: dict) -> tuple[dict, dict]:
    """`[entities.*]` and `[groups.*]` of a checked file (names are checked against the gazetteer when it is built)."""
    entities = {code: {"name": e.get("name", ""), "forms": list(e.get("forms", [])), "parts": list(e.get("parts", []))}
                for code, e in raw.get("entities", {}).items()}
    groups = {name: {"members": sorted(g.get("members", [])), "forms": list(g.get("forms", []))}
              for name, g in raw.get("groups", {}).items()}
    return entities, groups
