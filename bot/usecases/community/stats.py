"""Statistics for the debates with residents and the heads of gminas: reports per category and
month, per unit, the share confirmed, the median time to take and to close a report.

The same figures go to a CSV file and to a PNG chart (matplotlib, offline, Agg backend). The
PNG also carries the figures it drew, read back from the drawn bars, in its metadata (key
FIGURES_KEY): a test checks them against the CSV written from the same data.

"gmina" groups by the gmina of the report's district (districts.csv `gmina`: a station covers one
or more gminas); a district whose gmina the directory does not know is counted under its station,
labelled as such (`unknown_gmina`); "district" by the dzielnicowy's district; "category" by threat
category. A report is counted as confirmed when an officer confirmed the threat or it was
eliminated (status confirmed or eliminated).
"""

from __future__ import annotations

import csv
import io
import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.usecases.community import queries
from db.models.reports import ReportStatus

GroupBy = Literal["gmina", "district", "category"]
GROUPINGS: tuple[GroupBy, ...] = ("gmina", "district", "category")
CONFIRMED = frozenset({ReportStatus.CONFIRMED, ReportStatus.ELIMINATED})
# The PNG's metadata entry holding the drawn figures as JSON.
FIGURES_KEY = "rdb-figures"
# Groups with no district (a report outside every district).
OUTSIDE = "-"
# The group code of a station's districts with no gmina in the directory: "?KMP-KONIN" (no gmina
# name starts with "?", so the two never mix).
UNKNOWN_GMINA = "?"
CSV_FIELDS = (
    "group",
    "name",
    "reports",
    "confirmed",
    "confirmed_share_pct",
    "median_hours_to_take",
    "median_hours_to_close",
)


@dataclass
class Group:
    """The figures of one group (a category, a district or a station)."""

    code: str
    name: str
    reports: int = 0
    confirmed: int = 0
    months: Counter[str] = field(default_factory=Counter)
    take_hours: list[float] = field(default_factory=list)
    close_hours: list[float] = field(default_factory=list)

    @property
    def confirmed_share(self) -> float:
        """Return the percentage confirmed, to one decimal."""
        return round(100 * self.confirmed / self.reports, 1) if self.reports else 0.0

    @property
    def median_take(self) -> float | None:
        """Return the median hours from sending to an officer taking it (None: none taken)."""
        return round(statistics.median(self.take_hours), 1) if self.take_hours else None

    @property
    def median_close(self) -> float | None:
        """Return the median hours from sending to closing (None: none closed)."""
        return round(statistics.median(self.close_hours), 1) if self.close_hours else None


@dataclass
class Stats:
    """Reports of a period in one unit, grouped."""

    since: datetime
    until: datetime
    by: GroupBy
    # The unit's name as the title shows it (a station, or every station).
    unit: str
    months: list[str]
    groups: list[Group]

    @property
    def total(self) -> int:
        """Return how many reports the period holds."""
        return sum(group.reports for group in self.groups)


def _hours(start: datetime, end: datetime | None) -> float | None:
    if end is None:
        return None
    return max((end - start).total_seconds() / 3600, 0.0)


async def collect(
    session: AsyncSession,
    *,
    since: datetime,
    until: datetime,
    by: GroupBy,
    timezone: str,
    category_name: Callable[[str], str],
    station_id: int | None = None,
    unit: str = "",
    outside: str = OUTSIDE,
    unknown_gmina: Callable[[str], str] = lambda station: f"{UNKNOWN_GMINA}{station}",
) -> Stats:
    """Count the reports sent in [since, until) (of one station, or all), grouped by `by`.

    `unknown_gmina(station name)` labels the reports of districts with no gmina.
    """
    rows = await queries.report_stats_rows(session, since, until, station_id)
    zone = ZoneInfo(timezone)
    groups: dict[str, Group] = {}
    # A gmina's folded name -> the first spelling met.
    spelled: dict[str, str] = {}
    months: set[str] = set()
    for (
        category,
        status,
        created,
        taken,
        closed,
        d_code,
        d_name,
        gmina,
        s_code,
        s_name,
    ) in rows:
        if by == "category":
            code, name = category, category_name(category)
        elif by == "district":
            code, name = d_code or OUTSIDE, d_name or outside
        elif not d_code:
            # Outside every district (the outer join's NULL).
            code, name = OUTSIDE, outside
        elif gmina and gmina.strip():
            # "Konin" and "konin " are one gmina (partners.csv matches them alike): the first
            # spelling met names it.
            spelling = " ".join(gmina.split())
            code = name = spelled.setdefault(spelling.casefold(), spelling)
        else:
            code, name = f"{UNKNOWN_GMINA}{s_code or ''}", unknown_gmina(s_name or "")
        group = groups.setdefault(code, Group(code, name))
        # A month's key, not a date in a sentence: ISO "2026-11" sorts as time does, names the
        # CSV's columns the same in every language (spreadsheets read it as a month) and labels
        # the chart's bars with those columns; so it is not written by the catalogs (dates.ftl).
        month = created.astimezone(zone).strftime("%Y-%m")
        months.add(month)
        group.reports += 1
        group.months[month] += 1
        if ReportStatus(status) in CONFIRMED:
            group.confirmed += 1
        if (hours := _hours(created, taken)) is not None:
            group.take_hours.append(hours)
        if (hours := _hours(created, closed)) is not None:
            group.close_hours.append(hours)
    ordered = sorted(groups.values(), key=lambda g: (-g.reports, g.name))
    return Stats(since, until, by, unit, sorted(months), ordered)


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def to_csv(stats: Stats) -> str:
    """Write one row per group: counts, share confirmed, medians, then reports per month."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*CSV_FIELDS, *stats.months])
    for group in stats.groups:
        # Names come from the directory and the categories, never from residents; still, a
        # spreadsheet must not read one as a formula.
        name = (
            f"'{group.name}" if group.name[:1] in "=+-@" and group.name != OUTSIDE else group.name
        )
        writer.writerow(
            [
                group.code,
                name,
                group.reports,
                group.confirmed,
                f"{group.confirmed_share:.1f}",
                _number(group.median_take),
                _number(group.median_close),
                *(group.months.get(month, 0) for month in stats.months),
            ]
        )
    return out.getvalue()


@dataclass(frozen=True)
class ChartTexts:
    """The chart's words in the reader's language (from the catalog)."""

    title: str
    per_month: str
    per_group: str
    reports: str
    confirmed: str
    medians: str
    take: str
    close: str
    hours: str
    empty: str


def to_png(stats: Stats, texts: ChartTexts) -> bytes:
    """Draw the charts; the PNG's metadata holds the figures read back from what was drawn."""
    import matplotlib

    # No display, no network: the Agg backend renders to memory.
    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    names = [group.name for group in stats.groups]
    figure = Figure(figsize=(11, 13), dpi=100, layout="constrained")
    figure.suptitle(texts.title, fontsize=14, fontweight="bold")
    per_month, per_group, medians = figure.subplots(3, 1)
    drawn: dict[str, object] = {"title": texts.title}

    # 1. Reports per month, stacked by group.
    per_month.set_title(texts.per_month)
    bottom = [0] * len(stats.months)
    months_drawn: dict[str, dict[str, float]] = {month: {} for month in stats.months}
    for group in stats.groups:
        counts = [group.months.get(month, 0) for month in stats.months]
        bars = per_month.bar(stats.months, counts, bottom=bottom, label=group.name)
        for month, bar in zip(stats.months, bars, strict=True):
            if bar.get_height():
                months_drawn[month][group.name] = float(bar.get_height())
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    per_month.set_ylabel(texts.reports)
    if stats.groups:
        per_month.legend(fontsize=7, ncols=2, loc="upper left")
    else:
        per_month.text(0.5, 0.5, texts.empty, ha="center", va="center")
    drawn["months"] = months_drawn

    # 2. Reports per group, the confirmed part over it, and the share as a label.
    per_group.set_title(texts.per_group)
    totals = per_group.barh(names, [g.reports for g in stats.groups], label=texts.reports)
    confirmed = per_group.barh(names, [g.confirmed for g in stats.groups], label=texts.confirmed)
    for bar, group in zip(totals, stats.groups, strict=True):
        per_group.annotate(
            f" {group.confirmed_share:.1f}%",
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            va="center",
            fontsize=8,
        )
    per_group.invert_yaxis()
    per_group.legend(fontsize=8, loc="lower right")
    drawn["reports"] = {n: float(b.get_width()) for n, b in zip(names, totals, strict=True)}
    drawn["confirmed"] = {n: float(b.get_width()) for n, b in zip(names, confirmed, strict=True)}

    # 3. Median hours to take and to close.
    medians.set_title(texts.medians)
    positions = list(range(len(names)))
    take = medians.bar(
        [p - 0.2 for p in positions],
        [g.median_take or 0 for g in stats.groups],
        width=0.4,
        label=texts.take,
    )
    close = medians.bar(
        [p + 0.2 for p in positions],
        [g.median_close or 0 for g in stats.groups],
        width=0.4,
        label=texts.close,
    )
    medians.set_xticks(positions, names, rotation=30, ha="right", fontsize=8)
    medians.set_ylabel(texts.hours)
    medians.legend(fontsize=8)
    # float(): a bar of whole numbers holds numpy integers, which JSON cannot write.
    drawn["median_hours_to_take"] = {
        n: round(float(b.get_height()), 1)
        for n, b, g in zip(names, take, stats.groups, strict=True)
        if g.median_take is not None
    }
    drawn["median_hours_to_close"] = {
        n: round(float(b.get_height()), 1)
        for n, b, g in zip(names, close, stats.groups, strict=True)
        if g.median_close is not None
    }

    out = io.BytesIO()
    figure.savefig(
        out,
        format="png",
        metadata={"Title": texts.title, FIGURES_KEY: json.dumps(drawn, ensure_ascii=False)},
    )
    return out.getvalue()


def group_label_totals(stats: Stats) -> dict[str, int]:
    """Return reports per group name (for summaries)."""
    found: dict[str, int] = defaultdict(int)
    for group in stats.groups:
        found[group.name] += group.reports
    return dict(found)
