"""The rule registry: each rule is a module with NAME, DEFAULT (its settings when figcheck.toml does
not mention it), `check(ctx, rule) -> Found` and `relations(ctx, rule) -> Relations` (its
constraints for the solver). The order below is the order they run; `explained` runs last because it
looks only at claims the others left unflagged."""

from figcheck.claims.config import Config, ConfigError, Rule
from figcheck.reconcile.rules import agreement, cohort, cumulative, explained, groups, headline, parts, subset

RULES = {module.NAME: module for module in (agreement, cohort, parts, subset, cumulative, groups, headline, explained)}


def resolve(config: Config) -> dict[str, Rule]:
    """Each rule's settings: the [rules.<name>] table when present, else the rule's defaults."""
    unknown = sorted(set(config.rules) - set(RULES))
    if unknown:
        raise ConfigError(f"figcheck.toml: unknown rule(s) {', '.join(f'[rules.{n}]' for n in unknown)}; "
                          f"known rules: {', '.join(RULES)}")
    return {name: config.rules[name].over(module.DEFAULT) if name in config.rules else module.DEFAULT
            for name, module in RULES.items()}
