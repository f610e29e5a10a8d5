"""The rule registry.

A rule is a module of this package, or a module an installed distribution names under the entry
point group `figcheck.rules`, with:

    NAME                          its name: `[rules.NAME]` in figcheck.toml (the module's name)
    DEFAULT                       a `Rule`: its settings when figcheck.toml leaves them out
    OPTIONS                       optional: the settings it reads beyond the common ones (COMMON_OPTIONS)
    check(ctx, rule) -> Found     its findings
    relations(ctx, rule)          optional: its constraints for the solver (a `Relations`); none by default
    prepare(claims, config, rule) optional: columns added to the prepared claims before any rule runs,
                                  called whether or not the rule is enabled, so they always exist
    LAST = True                   optional: runs after every other rule (ctx.flagged then holds every
                                  claim in an error or warning finding)

Rules run in name order, built-in ones first, then those marked LAST. Adding a rule is adding a
module and its test (docs/contributing.md).
"""

from __future__ import annotations

from types import ModuleType

from figcheck.claims.config import Config, ConfigError, Rule
from figcheck.claims.plugins import Registry

# Settings every rule takes; a rule declares any other it reads in OPTIONS.
COMMON_OPTIONS = ("enabled", "severity", "tolerance", "metrics", "entities", "description")

RULES = Registry(__name__, "figcheck.rules", "rule")


def rule_modules() -> dict[str, ModuleType]:
    """Every rule by name, in the order they run; FigcheckError when a module breaks the contract."""
    modules = {name: RULES.load(name) for name in RULES.names()}  # found and imported once
    for name, module in modules.items():
        problems = [f"NAME is {getattr(module, 'NAME', None)!r}, not {name!r}"] if getattr(module, "NAME", None) != name else []
        if not isinstance(getattr(module, "DEFAULT", None), Rule):
            problems.append("DEFAULT is not a figcheck.claims.config.Rule")
        if not callable(getattr(module, "check", None)):
            problems.append("it has no check(ctx, rule) function")
        if problems:
            raise ConfigError(f"rule module {module.__name__}: {'; '.join(problems)}")
    return dict(sorted(modules.items(), key=lambda item: bool(getattr(item[1], "LAST", False))))


def options(module: ModuleType) -> tuple[str, ...]:
    """The settings `[rules.NAME]` may give this rule."""
    return COMMON_OPTIONS + tuple(getattr(module, "OPTIONS", ()))


def resolve(config: Config) -> dict[str, Rule]:
    """Each rule's settings: the [rules.<name>] table when present, else the rule's defaults.

    A table naming no rule, or giving a rule a setting it does not read, is refused by name."""
    modules = rule_modules()
    unknown = sorted(set(config.rules) - set(modules))
    if unknown:
        raise ConfigError(f"figcheck.toml: unknown rule(s) {', '.join(f'[rules.{n}]' for n in unknown)}; "
                          f"known rules: {', '.join(modules)}")
    for name, settings in config.rules.items():
        allowed = options(modules[name])
        refused = [key for key in settings.given if key not in allowed]
        if refused:
            raise ConfigError(f"figcheck.toml: 'rules.{name}.{refused[0]}': the {name} rule has no setting "
                              f"'{refused[0]}' (its settings: {', '.join(allowed)})")
    return {name: config.rules[name].over(module.DEFAULT) if name in config.rules else module.DEFAULT
            for name, module in modules.items()}
