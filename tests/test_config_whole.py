"""figcheck.toml is checked whole: every problem, each with its line, all at once."""

import re

import pytest
from hypothesis import given, settings, strategies as st

from figcheck.claims.config import ConfigError, parse_config
from figcheck.cli import main

MANY_PROBLEMS = """\
[workspace]
subject = "Region"

[entities.AA]
name = "Aland"

[metrics.total]
kind = "weight"

[metrics.part]
part_of = "total"
scope = "daily"

[metrics.other]
subset_of = "nowhere"

[rules.agreement]
metrics = ["total", "missing"]
entities = ["AA", "AA+ZZ", "Region"]  # ZZ: no ISO code, nor configured
tolerance = -0.5

[reliability]
sources = { "003" = -1 }
"""


def problems_of(text: str) -> str:
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    return str(caught.value)


def test_every_problem_is_reported_at_once_each_with_its_line():
    message = problems_of(MANY_PROBLEMS)
    assert message.startswith("7 problems in figcheck.toml:")
    for expected in [
        "figcheck.toml:8: 'metrics.total.kind' must be one of count, percent",
        "figcheck.toml:12: 'metrics.part.scope' must be one of cumulative, event, snapshot, not 'daily'",
        "figcheck.toml:15: 'metrics.other.subset_of' names unknown metric 'nowhere'",
        "figcheck.toml:18: 'rules.agreement.metrics' names unknown metrics: missing",
        "figcheck.toml:19: 'rules.agreement.entities' names unknown entities: AA+ZZ",
        "figcheck.toml:20: 'rules.agreement.tolerance' must be at least 0, not -0.5",
        "figcheck.toml:23: 'reliability.sources.003' must be at least 0, not -1",
    ]:
        assert expected in message
    lines = [int(n) for n in re.findall(r"figcheck\.toml:(\d+):", message)]
    assert lines == sorted(lines)


def test_a_negative_reliability_in_an_inline_table_is_named_on_its_line():
    assert "figcheck.toml:2: 'reliability.sources.003' must be at least 0" in problems_of(
        '[reliability]\nsources = { "003" = -1 }\n')


def test_a_metric_s_place_must_be_a_known_entity():
    assert "figcheck.toml:3: 'metrics.crossings.entity' names unknown entity 'ZZ'" in problems_of(
        '[metrics.crossings]\nwords = ["crossings"]\nentity = "ZZ"\n')


@pytest.mark.parametrize("links, loop", [
    ({"a": ("part_of", "a")}, "a -> a"),
    ({"a": ("part_of", "b"), "b": ("part_of", "a")}, "a -> b -> a"),
    ({"a": ("part_of", "b"), "b": ("subset_of", "c"), "c": ("part_of", "a")}, "a -> b -> c -> a"),
])
def test_a_loop_of_part_of_and_subset_of_is_refused(links, loop):
    text = "".join(f'[metrics.{name}]\n{link} = "{target}"\n' for name, (link, target) in links.items())
    message = problems_of(text)
    assert "closes a loop: " + loop in message
    assert "cannot be part of itself" in message


def reaches_itself(parents: dict[str, str]) -> bool:
    """Reference: some metric reaches itself by following its links (fine for a handful of metrics)."""
    for start in parents:
        seen, node = set(), start
        while node in parents and node not in seen:
            seen.add(node)
            node = parents[node]
        if node in seen:
            return True
    return False


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(st.sampled_from("abcdef"), st.sampled_from("abcdef"), max_size=6))
def test_links_are_accepted_exactly_when_they_do_not_loop(parents):
    text = "".join(f'[metrics.{name}]\npart_of = "{parents[name]}"\n' for name in sorted(parents))
    text += "".join(f"[metrics.{name}]\n" for name in sorted(set(parents.values()) - set(parents)))
    if reaches_itself(parents):
        assert "closes a loop" in problems_of(text)
    else:
        parse_config(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(min_value=0, max_value=3)), min_size=1, max_size=8))
def test_each_bad_value_is_named_on_the_line_it_is_written(layout):
    """Metrics with a good or bad kind, after 0-3 comment or blank lines: each bad one on its line."""
    lines, expected = [], []
    for i, (bad, padding) in enumerate(layout):
        lines += ["# note", ""][:padding % 2 + 1] * (padding // 2 + 1)
        lines.append(f'[metrics."m.{i}"]')
        lines.append(f'kind = "{"weird" if bad else "count"}"')
        if bad:
            expected.append(f"figcheck.toml:{len(lines)}: 'metrics.m.{i}.kind' must be one of")
    text = "\n".join(lines) + "\n"
    if not expected:
        parse_config(text)
        return
    message = problems_of(text)
    for line in expected:
        assert line in message


def test_a_bad_configuration_stops_the_command_with_every_problem(example_workspace, capsys):
    config = example_workspace / "figcheck.toml"
    text = config.read_text(encoding="utf-8")
    for part, other in (("boys", "girls"), ("girls", "boys")):
        text = text.replace(f'words = ["{part}"]\nscope = "cumulative"\npart_of = "returnees.children"',
                            f'words = ["{part}"]\nscope = "cumulative"\npart_of = "returnees.{other}"')
    text = text.replace('[rules.groups]\n', '[rules.groups]\nmetrics = ["returnes"]\n')
    config.write_text(text, encoding="utf-8")
    assert main(["check", str(example_workspace)]) == 2
    err = capsys.readouterr().err
    assert "closes a loop: returnees.boys -> returnees.girls -> returnees.boys" in err
    assert "'rules.groups.metrics' names unknown metrics: returnes" in err
    assert "Traceback" not in err
