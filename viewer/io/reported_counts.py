"""Daily counts as a ministry published them, from a small table (CSV, ; or tab separated).

Taiwan's Ministry of National Defense publishes each day the number of PLA aircraft by type that
entered the ADIZ, the aircraft that crossed the median line and the ships around Taiwan. Three
layouts are recognised from the header (`recognise`), any other is mapped by hand
(`CountsMapping`, the import dialog's column mapping):

- **one row per day and kind** (this app's own): ``date, kind, count[, source]``; kinds are the
  app's kinds (``fighter``, ``isr``...) or aircraft types (``J-16``, ``KJ-500``);
- **Taiwan ADIZ Violations Database, daily totals** (the database's "Daily totals" sheet
  exported as CSV): a ``Date`` column (month/day/year, as the sheet writes it) and one column
  per aircraft category (``Fighter``, ``Bomber``, ``ISR``...) and/or a ``Total``;
- **ROC MND daily report figures**: a date, one column per aircraft type or category, the
  aircraft that crossed the median line, and the ships (PLAN vessels, official ships).

The whole file is checked first: any bad cell refuses the file with the line numbers and what
was expected, so a figure is never silently left out. Median-line crossings and balloons are
figures, not aircraft by kind: they are returned apart (`ReportedImport.figures`).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from viewer.core.constants import (
    KIND_BOMBER,
    KIND_FIGHTER,
    KIND_HELICOPTER,
    KIND_ISR,
    KIND_SHIP,
    KIND_TRANSPORT,
    KIND_UAV,
    KIND_UNKNOWN,
    KINDS,
)
from viewer.core.counts import ReportedCount
from viewer.io.normalize import normalise_kind
from viewer.io.report import TrackImportError

MAX_BYTES = 5 << 20  # a few years of daily rows fit in far less
REQUIRED = ("date", "kind", "count")
LAYOUT_NATIVE = "one row per day and kind (date, kind, count, source)"
LAYOUT_ADIZ_DB = "Taiwan ADIZ Violations Database, daily totals"
LAYOUT_MND = "ROC MND daily report figures"
LAYOUT_BY_HAND = "columns mapped by hand"
#: what a count column can hold besides a kind
TOTAL = "total"  # all aircraft of the day (its kinds unknown beyond the columns given)
MEDIAN_LINE = "median_line"  # aircraft that crossed the median line
BALLOONS = "balloons"
IGNORE = ""
FIGURES = (MEDIAN_LINE, BALLOONS)

# Header words -> what the column counts; checked after lower-casing, trimming and dropping a
# trailing plural "s". Aircraft types ("J-16") are told by `normalise_kind`.
HEADER_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (meaning, re.compile(pattern))
    for meaning, pattern in (
        (MEDIAN_LINE, r"median|中線|centre ?line|center ?line"),
        (BALLOONS, r"balloon|氣球"),
        (KIND_SHIP, r"ship|vessel|plan\b|navy|naval|coast ?guard|艦|船"),
        (TOTAL, r"^(total|total aircraft|aircraft|pla aircraft|sorties|total sorties|共機|架次)"),
        (KIND_FIGHTER, r"^fighter"),
        (KIND_BOMBER, r"^bomber"),
        (KIND_ISR, r"^(isr|asw|ew|aew|aew&c|recon|reconnaissance|isr/asw|isr/asw/ew|kj)"),
        (KIND_UAV, r"^(uav|drone|uas)"),
        (KIND_HELICOPTER, r"^helicopter"),
        (KIND_TRANSPORT, r"^(transport|tanker|transport/tanker)"),
        (KIND_UNKNOWN, r"^(other|unknown|unidentified)"),
    )
)
DATE_HEADERS = ("date", "day", "日期", "date (yyyy-mm-dd)")
SOURCE_HEADERS = ("source", "來源", "出處")
KIND_HEADERS = ("kind", "type", "aircraft type", "airframe", "category")
COUNT_HEADERS = ("count", "number", "no.", "sorties", "aircraft")
DATE_ORDERS = ("ymd", "mdy", "dmy")


@dataclass(frozen=True)
class CountTable:
    """A count file's cells: ``header`` and ``rows`` (with their 1-based file lines)."""

    path: str
    header: list[str]
    rows: list[tuple[int, list[str]]]


@dataclass(frozen=True)
class CountsMapping:
    """How a table's columns give the counts (column indexes into the header).

    ``kind_column`` + ``count_column``: one row per day and kind; else ``count_columns``: one
    column per kind or figure (column -> a kind in `KINDS`, `TOTAL`, `MEDIAN_LINE`,
    `BALLOONS`). ``date_order``: 'ymd', 'mdy' or 'dmy' for dates written with slashes.
    ``default_source`` fills rows without a source."""

    date_column: int
    kind_column: int | None = None
    count_column: int | None = None
    count_columns: tuple[tuple[int, str], ...] = ()
    source_column: int | None = None
    date_order: str = "ymd"
    default_source: str = ""
    layout: str = LAYOUT_BY_HAND


@dataclass(frozen=True)
class ReportedFigure:
    """A published daily figure that is not aircraft of one kind (e.g. median-line crossings)."""

    date: date
    what: str
    count: int
    source: str = ""


@dataclass
class ReportedImport:
    counts: list[ReportedCount]
    figures: list[ReportedFigure] = field(default_factory=list)
    layout: str = ""
    notes: list[str] = field(default_factory=list)


def read_reported_counts(path: str | Path, default_source: str = "") -> list[ReportedCount]:
    """The counts in ``path`` (a recognised layout); raises `TrackImportError` naming the lines
    that are wrong."""
    return import_reported_counts(path, default_source=default_source).counts


def import_reported_counts(
    path: str | Path, mapping: CountsMapping | None = None, default_source: str = ""
) -> ReportedImport:
    """Counts and other figures from ``path``, by ``mapping`` or else by the recognised layout;
    `CountsLayoutUnknown` (a `TrackImportError`) when no layout is recognised."""
    table = read_count_table(path)
    if mapping is None:
        mapping = recognise(table)
        if mapping is None:
            raise CountsLayoutUnknown(table)
    if default_source and not mapping.default_source:
        mapping = replace(mapping, default_source=default_source)
    return apply_mapping(table, mapping)


class CountsLayoutUnknown(TrackImportError):
    """No layout recognised from the header: ``table`` is there to be mapped by hand."""

    def __init__(self, table: CountTable) -> None:
        super().__init__(
            table.path,
            "no date, kind, count columns recognised; expected a header date,kind,count"
            "[,source], or a date column and one column per kind or aircraft type (found: "
            f"{', '.join(table.header)}) — map the columns by hand",
            line=1,
        )
        self.table = table


def read_count_table(path: str | Path) -> CountTable:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TrackImportError(path, f"cannot open the file ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise TrackImportError(path, "larger than 5 MB: daily counts are a few lines per day")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TrackImportError(path, f"not UTF-8 text (byte {exc.start})") from None
    first_line = text.lstrip().split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)  # the header's separator: , ; or tab
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise TrackImportError(path, f"not a readable table ({exc})") from None
    numbered = [(n, r) for n, r in enumerate(rows, start=1) if any(c.strip() for c in r)]
    if not numbered:
        raise TrackImportError(path, "the file is empty; expected a header: date,kind,count,source")
    (_, header), body = numbered[0], numbered[1:]
    return CountTable(str(path), [h.strip() for h in header], body)


def column_meaning(header: str) -> str | None:
    """What a count column's header says it counts: a kind, TOTAL, MEDIAN_LINE, BALLOONS; None
    when the header names nothing countable."""
    text = header.strip().lower()
    text = re.sub(r"\s*\(.*?\)\s*", " ", text).strip()  # "Fighters (J-16, Su-30)" -> "fighters"
    for word in (text, text[:-1] if text.endswith("s") else text):
        for meaning, pattern in HEADER_WORDS:
            if pattern.search(word):
                return meaning
    kind = normalise_kind(header)
    return kind if kind != KIND_UNKNOWN else None


def recognise(table: CountTable) -> CountsMapping | None:
    """The mapping of a recognised layout, or None."""
    low = [h.lower() for h in table.header]
    date_col = next((i for i, h in enumerate(low) if h in DATE_HEADERS), None)
    if date_col is None:
        return None
    source_col = next((i for i, h in enumerate(low) if h in SOURCE_HEADERS), None)
    order = _date_order([r[date_col] for _, r in table.rows if date_col < len(r)])
    kind_col = next((i for i, h in enumerate(low) if h in KIND_HEADERS), None)
    count_col = next((i for i, h in enumerate(low) if h in COUNT_HEADERS and i != kind_col), None)
    if kind_col is not None and count_col is not None:
        return CountsMapping(
            date_col,
            kind_col,
            count_col,
            source_column=source_col,
            date_order=order,
            layout=LAYOUT_NATIVE,
        )
    taken = {date_col, source_col}
    columns = tuple(
        (i, meaning)
        for i, h in enumerate(table.header)
        if i not in taken and (meaning := column_meaning(h)) is not None
    )
    if not columns:
        return None
    meanings = {m for _, m in columns}
    layout = LAYOUT_MND if meanings & {MEDIAN_LINE, KIND_SHIP} else LAYOUT_ADIZ_DB
    return CountsMapping(
        date_col,
        count_columns=columns,
        source_column=source_col,
        date_order=order,
        layout=layout,
    )


def _date_order(values: list[str]) -> str:
    """'ymd' for ISO dates; for d/m/y or m/d/y, 'dmy' when a first number exceeds 12, else
    'mdy' (the Taiwan ADIZ Violations Database's way)."""
    slashed = [v.strip() for v in values if re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{4}", v.strip())]
    if not slashed:
        return "ymd"
    return "dmy" if any(int(re.split(r"[/.]", v)[0]) > 12 for v in slashed) else "mdy"


def parse_day(text: str, order: str) -> date:
    """A date as written: ISO ``2021-10-04``, ``2021/10/04``, or ``10/4/2021`` read in
    ``order`` ('mdy' or 'dmy'); ValueError otherwise."""
    text = text.strip()
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
    if m:
        return date(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text)
    if m and order in ("mdy", "dmy"):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        return date(year, a, b) if order == "mdy" else date(year, b, a)
    raise ValueError(text)


def apply_mapping(table: CountTable, mapping: CountsMapping) -> ReportedImport:
    """The counts and figures ``mapping`` reads from ``table``; `TrackImportError` naming every
    bad line (up to 5) when any cell cannot be read."""
    out = ReportedImport([], layout=mapping.layout)
    problems: list[str] = []
    examples = {"mdy": "month/day/year", "dmy": "day/month/year", "ymd": "YYYY-MM-DD"}
    for line, row in table.rows:

        def cell(i: int | None, row: list[str] = row) -> str:
            return row[i].strip() if i is not None and i < len(row) else ""

        try:
            day = parse_day(cell(mapping.date_column), mapping.date_order)
        except ValueError:
            problems.append(
                f"line {line}: date {cell(mapping.date_column)!r} is not "
                f"{examples.get(mapping.date_order, 'YYYY-MM-DD')}"
            )
            continue
        source = cell(mapping.source_column) or mapping.default_source
        if mapping.kind_column is not None:
            _long_row(
                out,
                problems,
                line,
                day,
                source,
                cell(mapping.kind_column),
                cell(mapping.count_column),
            )
        else:
            _wide_row(out, problems, line, day, source, mapping, cell, table.header)
    if problems:
        shown = "; ".join(problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise TrackImportError(table.path, f"{len(problems)} row(s) cannot be read: {shown}{more}")
    if not out.counts and not out.figures:
        raise TrackImportError(table.path, "no counts in the file, only its header")
    if mapping.date_order in ("mdy", "dmy") and any(
        "/" in r[mapping.date_column] for _, r in table.rows if mapping.date_column < len(r)
    ):
        out.notes.append(f"dates read as {examples[mapping.date_order]}")
    return out


def _long_row(out, problems, line, day, source, kind_text, count_text) -> None:
    kind = normalise_kind(kind_text)
    if kind == KIND_UNKNOWN and kind_text.lower() != KIND_UNKNOWN:
        problems.append(
            f"line {line}: kind {kind_text!r} is not a kind ({', '.join(KINDS)}) or a known "
            "aircraft type"
        )
        return
    if not count_text.isdigit():
        problems.append(f"line {line}: count {count_text!r} is not a whole number >= 0")
        return
    out.counts.append(ReportedCount(day, kind, int(count_text), source))


def _wide_row(out, problems, line, day, source, mapping, cell, header) -> None:
    by_kind: dict[str, int] = {}
    total = None
    for col, meaning in mapping.count_columns:
        text = cell(col).replace(",", "")
        if text in ("", "-", "–"):
            continue  # an empty cell: nothing of that kind reported that day
        if not text.isdigit():
            problems.append(
                f"line {line}: {header[col]!r} {cell(col)!r} is not a whole number >= 0"
            )
            continue
        n = int(text)
        if meaning == TOTAL:
            total = n
        elif meaning in FIGURES:
            if n:
                out.figures.append(ReportedFigure(day, meaning, n, source))
        elif meaning in KINDS:
            by_kind[meaning] = by_kind.get(meaning, 0) + n
    aircraft = sum(n for k, n in by_kind.items() if k != KIND_SHIP)
    if total is not None and total > aircraft:
        by_kind[KIND_UNKNOWN] = by_kind.get(KIND_UNKNOWN, 0) + total - aircraft
        if aircraft:
            out.notes.append(
                f"line {line}: the total ({total}) exceeds the aircraft by kind ({aircraft}); "
                f"the {total - aircraft} more are counted as unknown"
            )
    elif total is not None and total < aircraft:
        out.notes.append(
            f"line {line}: the total ({total}) is less than the aircraft by kind ({aircraft}); "
            "the kinds were kept"
        )
    for kind in KINDS:
        if by_kind.get(kind):
            out.counts.append(ReportedCount(day, kind, by_kind[kind], source))
