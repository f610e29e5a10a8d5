"""A rate measured over a span ([spans] of the language file): "monthly inflation" and "inflation"
(annual) are one measure over a month and over a year, and a figure its span-less words name takes the
metric of the span its period is stated at."""

import calendar

import pytest
from hypothesis import given, settings, strategies as st

from figcheck.claims.config import parse_config
from figcheck.claims.extract import extract_source
from figcheck.claims.extraction.vocabulary import build_metric_vocabulary

CONFIG = parse_config("""
[entities.XA]
name = "Xanadu"
[metrics.inflation_annual_pct]
kind = "percent"
words = ["inflation", "annual inflation", "consumer prices"]
[metrics.inflation_monthly_pct]
kind = "percent"
words = ["monthly inflation"]
[metrics.inflation_forecast_pct]
kind = "percent"
words = ["monthly inflation"]
predicates = ["forecast"]
[metrics.unemployment_pct]
kind = "percent"
words = ["unemployment", "jobless rate"]
""")
SOURCE = {"source_id": "s1", "published": "2024-05-10"}


def metric_of(text: str, figure: str) -> str:
    return extract_source(text, SOURCE, CONFIG).set_index("text").loc[figure, "metric"]


def test_rivals_pair_the_metrics_of_one_head_noun_and_kind():
    spans = build_metric_vocabulary(CONFIG).spans
    assert spans["inflation_annual_pct"] == {"year": "inflation_annual_pct", "month": "inflation_monthly_pct"}
    assert spans["inflation_monthly_pct"]["year"] == "inflation_annual_pct"
    # a forecast (a metric that needs predicates) and an unrelated rate pair with nothing
    assert "inflation_forecast_pct" not in spans and "unemployment_pct" not in spans


@pytest.mark.parametrize("text, figure, metric", [
    ("Inflation in Xanadu was 3.1% in March.", "3.1%", "inflation_monthly_pct"),
    ("Inflation in Xanadu was 41.2% in 2023.", "41.2%", "inflation_annual_pct"),
    # the clause or the noun states the span: the words decide
    ("Annual inflation in Xanadu reached 41.2% in March.", "41.2%", "inflation_annual_pct"),
    ("Consumer prices in Xanadu rose 41.2% over 12 months to March.", "41.2%", "inflation_annual_pct"),
    # no period stated: the words decide
    ("Inflation in Xanadu was 41.2%, the bureau said.", "41.2%", "inflation_annual_pct"),
    # a rate with no rival keeps its metric
    ("Unemployment in Xanadu was 6.4% in March.", "6.4%", "unemployment_pct"),
])
def test_a_rate_takes_the_span_of_its_period(text, figure, metric):
    assert metric_of(text, figure) == metric


@settings(deadline=None, max_examples=25)
@given(month=st.integers(1, 12), year=st.integers(2001, 2023), value=st.integers(1, 99))
def test_any_month_names_the_monthly_rate_and_any_year_the_annual(month, year, value):
    name = calendar.month_name[month]
    assert metric_of(f"Inflation in Xanadu was {value}.5% in {name} {year}.", f"{value}.5%") == "inflation_monthly_pct"
    assert metric_of(f"Inflation in Xanadu was {value}.5% in {year}.", f"{value}.5%") == "inflation_annual_pct"
