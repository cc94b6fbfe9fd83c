"""What a reader says about a file: `ImportReport`, and the errors a reader raises."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

MAX_SKIPPED_KEPT = 10_000  # beyond this, only the count grows (a 5M-row file of garbage)


@dataclass(frozen=True)
class SkippedRow:
    line: int | None  # 1-based line in the file (None where the format has no lines)
    reason: str


@dataclass
class ImportReport:
    """Rows read, tracks, time span, every skipped row with its line and reason, warnings."""

    path: str
    format: str = ""
    #: the source recognised from the header or structure, as the user knows it
    #: (e.g. "OpenSky state vectors (CSV)"); "" when the columns were matched one by one
    schema: str = ""
    #: canonical field -> the file's column (or JSON key / record field) it was read from
    column_map: dict[str, str] = field(default_factory=dict)
    #: canonical field ('alt_m', 'speed_kt', ...) -> how its unit was known, e.g.
    #: "ft (documented by the schema)", "m/s (header)", "ft (guessed: values up to 41,000)"
    units: dict[str, str] = field(default_factory=dict)
    rows_read: int = 0
    fixes: int = 0
    tracks: int = 0
    time_start: datetime | None = None
    time_end: datetime | None = None
    skipped: list[SkippedRow] = field(default_factory=list)
    skipped_total: int = 0
    warnings: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def skip(self, line: int | None, reason: str) -> None:
        self.skipped_total += 1
        if len(self.skipped) < MAX_SKIPPED_KEPT:
            self.skipped.append(SkippedRow(line, reason))

    def warn(self, text: str) -> None:
        self.warnings.append(text)

    def notice(self, text: str) -> None:
        self.notices.append(text)

    def summary(self) -> str:
        name = Path(self.path).name
        lines = [f"{name}: {self.format or 'unknown format'}"]
        if self.schema:
            lines.append(f"  recognised as: {self.schema}")
        if self.column_map:
            lines.append(
                "  columns: " + ", ".join(f"{k} ← '{v}'" for k, v in self.column_map.items())
            )
        if self.units:
            lines.append(
                "  units: " + ", ".join(f"{field_}: {how}" for field_, how in self.units.items())
            )
        lines.append(
            f"  {self.rows_read:,} rows read, {self.fixes:,} fixes in {self.tracks:,} tracks"
        )
        if self.time_start is not None and self.time_end is not None:
            lines.append(
                f"  time span (UTC): {self.time_start:%Y-%m-%d %H:%M:%S} – "
                f"{self.time_end:%Y-%m-%d %H:%M:%S}"
            )
        if self.skipped_total:
            lines.append(f"  {self.skipped_total:,} rows skipped:")
            for row in self.skipped[:20]:
                where = f"line {row.line}" if row.line is not None else "—"
                lines.append(f"    {where}: {row.reason}")
            if self.skipped_total > 20:
                lines.append(f"    … {self.skipped_total - 20:,} more")
        lines += [f"  warning: {w}" for w in self.warnings]
        lines += [f"  notice: {n}" for n in self.notices]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for key in ("time_start", "time_end"):
            value = d[key]
            d[key] = value.isoformat().replace("+00:00", "Z") if value is not None else None
        return d


class TrackImportError(Exception):
    """A file that cannot be read at all: names the file, the line where known, and why."""

    def __init__(self, path: str | Path, reason: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.reason = reason
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


class TimeZoneRequired(TrackImportError):
    """Times without a zone and none declared: the caller must say which zone they are in."""

    def __init__(self, path: str | Path, column: str, example: str) -> None:
        super().__init__(
            path,
            f"the times in column '{column}' have no time zone (e.g. '{example}'); declare the "
            "zone they are in (for example Asia/Taipei or UTC) — times are never assumed",
        )
        self.column = column
        self.example = example  # a time as the file writes it


class ColumnsUnknown(TrackImportError):
    """The columns holding time or coordinates could not be recognised by their names; the
    caller can map them by hand (``ReadOptions.column_map``). ``columns``: the file's columns."""

    def __init__(self, path: str | Path, reason: str, columns: list[str]) -> None:
        super().__init__(path, reason, line=1)
        self.columns = columns


class UnitsUnsure(TrackImportError):
    """Columns found, but a unit (altitude, speed) only guessed, and the caller asked to confirm
    units (``ReadOptions.confirm_units``): ``units`` are `viewer.io.columns.UnsureUnit`s with the
    guess and its reason, ``mapping`` the detected canonical -> file column, ``columns`` the
    file's columns. Read again with ``altitude_unit`` / ``speed_unit`` given."""

    def __init__(
        self, path: str | Path, columns: list[str], mapping: dict[str, str], units: list[Any]
    ) -> None:
        reason = "; ".join(u.warning() for u in units)
        super().__init__(path, f"units not given in the file: {reason}", line=1)
        self.columns = columns
        self.mapping = mapping
        self.units = units


class ImportCancelled(Exception):
    """The user cancelled the load."""
