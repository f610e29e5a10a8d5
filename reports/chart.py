"""A chart per metric whose figures change over time: each entity's claims by date (and time of day
when stated), contradicted ones marked. Different metrics never share an axis.

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
DAY_TICKS_WITHIN = pd.Timedelta(days=92)  # a dossier spanning less than this is labelled by day, not by month


@dataclass(frozen=True)
class Chart:
    metric: str
    filename: str
    png: bytes
    alt: str


def partial_date(value: str) -> pd.Timestamp:
    """2021 -> 2021-01-01, 2021-08 -> 2021-08-01: the start of the stated year or month."""
    parts = (value.split("-") + ["01", "01"])[:3]
    return pd.Timestamp("-".join(parts))


def chart_points(claims: pd.DataFrame, sources: pd.DataFrame, contradicted: set[str]) -> pd.DataFrame:
    """Dated claims of series (entity, metric) stated at two moments or more; one point per source,
    moment and value. Event figures (one meeting, one flight) are no series and are left out."""
    published = dict(zip(sources["source_id"], sources["published"]))
    points = claims[(claims["status"] != "rejected") & (claims["entity"] != "") & (claims["metric"] != "")
                    & (claims["scope"] != "event")].copy()
    points["date_label"] = points["period_end"].where(points["period_end"] != "", points["source_id"].map(published))
    points = points[points["date_label"].fillna("") != ""]
    time = points["time"].astype(object).fillna("").astype(str) if "time" in points else pd.Series("", index=points.index)
    points["date"] = points["date_label"].map(partial_date) + pd.to_timedelta(
        time.where(time != "", "00:00") + ":00")
    points["date_label"] = points["date_label"].where(time == "", points["date_label"] + " " + time)
    points["contradicted"] = points["claim_id"].isin(contradicted)
    points = (points.sort_values(["contradicted", "claim_id"], ascending=[False, True])
              .drop_duplicates(["entity", "metric", "date", "value", "source_id"]))
    dates_per_series = points.groupby(["entity", "metric"])["date"].transform("nunique")
    points = points[dates_per_series >= 2]
    return points.sort_values(["entity", "metric", "date", "value", "claim_id"], ignore_index=True)


def chart_filename(metric: str) -> str:
    return "chart-" + re.sub(r"[^A-Za-z0-9_.+-]", "_", metric) + ".png"


def _alt_text(metric: str, points: pd.DataFrame, names: dict[str, str]) -> str:
    series = []
    for entity, group in points.groupby("entity", sort=True):
        figures = ", ".join(f"{number(p.value)} ({p.date_label}, source {p.source_id}"
                            f"{', contradicted' if p.contradicted else ''})" for p in group.itertuples())
        series.append(f"{names.get(entity, entity)}: {figures}")
    return f"{metric} by date. " + "; ".join(series)


def _draw(metric: str, points: pd.DataFrame, names: dict[str, str], by_day: bool) -> bytes:
    # matplotlib is loaded here, not at import: every other command starts without its cost.
    import matplotlib
    import matplotlib.style
    import matplotlib.ticker
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import AutoDateLocator, DateFormatter
    from matplotlib.figure import Figure

    style = {**STYLE, "axes.prop_cycle": matplotlib.rcParamsDefault["axes.prop_cycle"]}
    with matplotlib.style.context("default"), matplotlib.rc_context(style):
        figure = Figure(figsize=SIZE_INCHES, dpi=DPI)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        for entity, group in points.groupby("entity", sort=True):
            line, = axes.plot(group["date"], group["value"], marker="o", label=names.get(entity, entity))
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
        if by_day:
            axes.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=8, interval_multiples=True))
        axes.xaxis.set_major_formatter(DateFormatter("%Y-%m-%d" if by_day else "%Y-%m"))
        axes.margins(x=0.08, y=0.12)  # room for the value labels at the edges
        axes.set_title(f"{metric}: figures by date")
        axes.set_ylabel("value as stated")
        axes.grid(True, alpha=0.3)
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
        figure.autofmt_xdate()
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def by_day_ticks(dates: pd.Series) -> bool:
    """Whether the dossier's dates span less than `DAY_TICKS_WITHIN`, so ticks name days."""
    return not dates.empty and dates.max() - dates.min() < DAY_TICKS_WITHIN


def metric_charts(claims: pd.DataFrame, sources: pd.DataFrame, contradicted: set[str],
                  names: dict[str, str]) -> list[Chart]:
    """One chart per metric with a series that changes over time, in metric order; `names` labels
    the entities. Ticks name days when the dossier's dates span less than `DAY_TICKS_WITHIN`."""
    points = chart_points(claims, sources, contradicted)
    by_day = by_day_ticks(points["date"])
    return [Chart(metric, chart_filename(metric), _draw(metric, group, names, by_day), _alt_text(metric, group, names))
            for metric, group in points.groupby("metric", sort=True)]
