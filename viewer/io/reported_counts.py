"""Daily counts as a ministry published them: a small CSV of ``date, kind, count[, source]``.

Taiwan's Ministry of National Defense publishes each day the number of PLA aircraft by type that
entered the ADIZ; a teacher types or pastes those figures into a spreadsheet. Kinds may be the
app's kinds (``fighter``, ``isr``...) or aircraft types (``J-16``, ``KJ-500``), normalised the way
track files are. The whole file is checked first: any bad row refuses the file with the line
numbers and what was expected, so a figure is never silently left out.

    date,kind,count,source
    2021-10-04,J-16,38,MND 2021-10-04 press release
    2021-10-04,H-6K,12,MND 2021-10-04 press release
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from viewer.core.constants import KIND_UNKNOWN
from viewer.core.counts import ReportedCount
from viewer.io.normalize import normalise_kind
from viewer.io.report import TrackImportError

MAX_BYTES = 5 << 20  # a few years of daily rows fit in far less
REQUIRED = ("date", "kind", "count")


def read_reported_counts(path: str | Path) -> list[ReportedCount]:
    """The counts in ``path``; raises `TrackImportError` naming the lines that are wrong."""
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
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise TrackImportError(path, "the file is empty; expected a header: date,kind,count,source")
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise TrackImportError(
            path,
            f"no {', '.join(missing)} column; expected a header date,kind,count[,source] "
            f"(found: {', '.join(rows[0])})",
            line=1,
        )
    col = {name: header.index(name) for name in (*REQUIRED, "source") if name in header}
    out: list[ReportedCount] = []
    problems: list[str] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(name: str, row: list[str] = row) -> str:
            i = col.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        try:
            day = date.fromisoformat(cell("date"))
        except ValueError:
            problems.append(f"line {line}: date {cell('date')!r} is not YYYY-MM-DD")
            continue
        kind_text = cell("kind")
        kind = normalise_kind(kind_text)
        if kind == KIND_UNKNOWN and kind_text.lower() != KIND_UNKNOWN:
            problems.append(
                f"line {line}: kind {kind_text!r} is not a kind (fighter, bomber, isr, uav, "
                "helicopter, transport, ship, unknown) or a known aircraft type"
            )
            continue
        count_text = cell("count")
        if not count_text.isdigit():
            problems.append(f"line {line}: count {count_text!r} is not a whole number >= 0")
            continue
        out.append(ReportedCount(day, kind, int(count_text), cell("source")))
    if problems:
        shown = "; ".join(problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise TrackImportError(path, f"{len(problems)} row(s) cannot be read: {shown}{more}")
    if not out:
        raise TrackImportError(path, "no counts in the file, only its header")
    return out
