"""A chart per entity whose figures change over time: the claims by date, contradicted ones marked.

Drawn with matplotlib's Agg canvas at a fixed size, style and font, and saved without the
software/version metadata, so the same claims give the same PNG bytes.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pandas as pd

from figcheck.reconcile.wording import number

SIZE_INCHES = (8.0, 4.5)
DPI = 100
STYLE = {
    "font.family": "DejaVu Sans",  # shipped with matplotlib: every machine draws the same glyphs
    "font.size": 9.0,
    "text.parse_math": False,      # a `$` in a label is text, not TeX
    "svg.hashsalt": "figcheck",
}
LOG_SCALE_RATIO = 20  # values spanning more than this factor are drawn on a log axis


@dataclass(frozen=True)
class Chart:
    entity: str
    filename: str
    png: bytes
    alt: str


def partial_date(value: str) -> pd.Timestamp:
    """2021 -> 2021-01-01, 2021-08 -> 2021-08-01: the start of the stated year or month."""
    parts = (value.split("-") + ["01", "01"])[:3]
    return pd.Timestamp("-".join(parts))


def chart_points(claims: pd.DataFrame, sources: pd.DataFrame, contradicted: set[str]) -> pd.DataFrame:
    """Dated claims of series (entity, metric) stated at two dates or more; one point per source,
    date and value. Event figures (one meeting, one flight) are no series and are left out."""
    published = dict(zip(sources["source_id"], sources["published"]))
    points = claims[(claims["status"] != "rejected") & (claims["entity"] != "") & (claims["metric"] != "")
                    & (claims["scope"] != "event")].copy()
    points["date_label"] = points["period_end"].where(points["period_end"] != "", points["source_id"].map(published))
    points = points[points["date_label"].fillna("") != ""]
    points["date"] = points["date_label"].map(partial_date)
    points["contradicted"] = points["claim_id"].isin(contradicted)
    points = (points.sort_values(["contradicted", "claim_id"], ascending=[False, True])
              .drop_duplicates(["entity", "metric", "date", "value", "source_id"]))
    dates_per_series = points.groupby(["entity", "metric"])["date"].transform("nunique")
    points = points[dates_per_series >= 2]
    return points.sort_values(["entity", "metric", "date", "value", "claim_id"], ignore_index=True)


def chart_filename(entity: str) -> str:
    return "chart-" + re.sub(r"[^A-Za-z0-9_.+-]", "_", entity) + ".png"


def _alt_text(entity_name: str, points: pd.DataFrame) -> str:
    series = []
    for metric, group in points.groupby("metric", sort=True):
        figures = ", ".join(f"{number(p.value)} ({p.date_label}, source {p.source_id}"
                            f"{', contradicted' if p.contradicted else ''})" for p in group.itertuples())
        series.append(f"{metric}: {figures}")
    return f"Figures for {entity_name} by date. " + "; ".join(series)


def _draw(entity_name: str, points: pd.DataFrame) -> bytes:
    # matplotlib is loaded here, not at import: every other command starts without its cost.
    import matplotlib
    import matplotlib.style
    import matplotlib.ticker
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import DateFormatter
    from matplotlib.figure import Figure

    style = {**STYLE, "axes.prop_cycle": matplotlib.rcParamsDefault["axes.prop_cycle"]}
    with matplotlib.style.context("default"), matplotlib.rc_context(style):
        figure = Figure(figsize=SIZE_INCHES, dpi=DPI)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        for metric, group in points.groupby("metric", sort=True):
            line, = axes.plot(group["date"], group["value"], marker="o", label=metric)
            for p in group.itertuples():
                axes.annotate(number(p.value), (p.date, p.value), textcoords="offset points",
                              xytext=(4, 4), fontsize=8, color=line.get_color())
        marked = points[points["contradicted"]]
        if not marked.empty:
            axes.scatter(marked["date"], marked["value"], s=140, facecolors="none", edgecolors="red",
                         linewidths=1.5, zorder=3, label="contradicted")
        values = points["value"][points["value"] > 0]
        if not values.empty and values.max() / values.min() > LOG_SCALE_RATIO:
            axes.set_yscale("log")
        axes.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda value, _: number(value)))
        axes.yaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
        axes.xaxis.set_major_formatter(DateFormatter("%Y-%m"))
        axes.margins(x=0.08, y=0.12)  # room for the value labels at the edges
        axes.set_title(f"{entity_name}: figures by date")
        axes.set_ylabel("value as stated")
        axes.grid(True, alpha=0.3)
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
        figure.autofmt_xdate()
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def entity_charts(claims: pd.DataFrame, sources: pd.DataFrame, contradicted: set[str],
                  names: dict[str, str]) -> list[Chart]:
    """One chart per entity with a series that changes over time, in entity order."""
    points = chart_points(claims, sources, contradicted)
    charts = []
    for entity, group in points.groupby("entity", sort=True):
        name = names.get(entity, entity)
        charts.append(Chart(entity, chart_filename(entity), _draw(name, group), _alt_text(name, group)))
    return charts
