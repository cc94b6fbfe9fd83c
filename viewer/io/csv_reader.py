"""CSV / TSV track files, read with pyarrow's streaming CSV reader (fast, cancellable).

Handles a UTF-8 byte-order mark, Windows line endings, comma/semicolon/tab delimiters, comma
decimal separators, epoch or ISO 8601 times or separate date and time columns; detects columns
by their names (`viewer.io.columns`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from viewer.core.constants import ALT_M, SPEED_KT, TIME
from viewer.io.columns import DATE, ColumnMap, detect_columns
from viewer.io.normalize import finish_frame
from viewer.io.report import ColumnsUnknown, ImportCancelled, ImportReport, TrackImportError

BLOCK_SIZE = 8 << 20  # bytes per streamed block: progress and cancel checks at this grain
SNIFF_BYTES = 64 << 10


def sniff(path: Path) -> tuple[str, str, str]:
    """(encoding, delimiter, decimal point) from the first 64 KiB; errors for binary files."""
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    if not head.strip():
        raise TrackImportError(path, "the file is empty; expected a header line and rows", line=1)
    if b"\x00" in head:
        raise TrackImportError(path, "this is a binary file, not CSV text (it holds NUL bytes)")
    encoding = "utf-8"
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        whole_file = len(head) < SNIFF_BYTES
        if whole_file or exc.start < len(head) - 4:  # not a character cut at the sniff boundary
            encoding = "latin-1"
            text = head.decode("latin-1")
        else:
            text = head[: exc.start].decode("utf-8-sig", errors="ignore")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines:
        raise TrackImportError(path, "no header line; expected column names such as time,lat,lon")
    header = lines[0]
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    delimiter = max(counts, key=lambda d: counts[d])
    if counts[delimiter] == 0:
        raise TrackImportError(
            path,
            f"no delimiter in the header line {header[:80]!r}; expected columns separated "
            "by commas, semicolons or tabs",
            line=1,
        )
    decimal = "."
    if delimiter != "," and len(lines) > 1:
        sample = " ".join(lines[1:50])
        if any(ch.isdigit() for ch in sample) and _comma_decimals(sample, delimiter):
            decimal = ","
    return encoding, delimiter, decimal


def _comma_decimals(sample: str, delimiter: str) -> bool:
    import re

    cells = re.split(re.escape(delimiter) + r"|\s", sample)
    return sum(bool(re.fullmatch(r"-?\d+,\d+", c)) for c in cells) > 2


def read_csv(
    path: Path,
    options,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> tuple:
    """-> (canonical frame, report)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    report = ImportReport(str(path), format="CSV")
    encoding, delimiter, decimal = sniff(path)
    if encoding != "utf-8":
        report.warn("the file is not UTF-8; it was read as Latin-1 — check accented names")
    if delimiter != ",":
        report.notice(
            f"delimiter {'TAB' if delimiter == chr(9) else repr(delimiter)}"
            + (", decimal comma" if decimal == "," else "")
        )
    size = max(1, path.stat().st_size)

    header: dict[str, list[str]] = {}

    def stream(column_types=None):
        # serial reading: row numbers are known, so a malformed row is reported with its line
        read_opts = pacsv.ReadOptions(block_size=BLOCK_SIZE, encoding=encoding, use_threads=False)
        if "names" in header:  # a header with repeated names, made unique
            read_opts = pacsv.ReadOptions(
                block_size=BLOCK_SIZE,
                encoding=encoding,
                use_threads=False,
                column_names=header["names"],
                skip_rows=1,
            )
        parse_opts = pacsv.ParseOptions(
            delimiter=delimiter,
            newlines_in_values=False,
            invalid_row_handler=_bad_row_handler(report),
        )
        convert = pacsv.ConvertOptions(
            decimal_point=decimal,
            column_types=column_types or {},
            strings_can_be_null=True,
            timestamp_parsers=[pacsv.ISO8601],
        )
        return pacsv.open_csv(
            path, read_options=read_opts, parse_options=parse_opts, convert_options=convert
        )

    try:
        names = stream().schema.names  # parses the first block: forget what it reported
        report.skipped.clear()
        report.skipped_total = 0
        if len(set(names)) < len(names):
            seen: dict[str, int] = {}
            unique = []
            for name in names:
                seen[name] = seen.get(name, 0) + 1
                unique.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
            dupes = sorted(n for n, k in seen.items() if k > 1)
            report.warn(f"the header repeats {dupes}; later copies were renamed with _2, _3...")
            header["names"] = unique
            names = unique
    except (pa.ArrowInvalid, OSError, UnicodeDecodeError) as exc:
        raise TrackImportError(path, f"not a readable CSV file ({_short(exc)})") from None
    try:
        cmap = detect_columns(names, options.column_map, options.altitude_unit, options.speed_unit)
    except ValueError as exc:
        raise TrackImportError(path, str(exc), line=1) from None
    _require(cmap, names, path)
    for text in cmap.unsure:
        report.warn(text)
    wanted = sorted(set(cmap.columns.values()))
    table = None
    for attempt in ("inferred", "strings"):
        types = None if attempt == "inferred" else {c: pa.string() for c in wanted}
        try:
            table = _read_all(stream(types), wanted, size, progress, cancel)
            break
        except pa.ArrowInvalid:
            if attempt == "strings":
                raise
            report.skipped.clear()
            report.skipped_total = 0
    assert table is not None
    raw = table.to_pandas(types_mapper=None)
    for col in raw.columns:  # columns pyarrow kept as bytes (invalid UTF-8): decode, flag
        if raw[col].dtype == object and raw[col].map(type).eq(bytes).any():
            raw[col] = raw[col].map(
                lambda v: v.decode("utf-8", "replace") if isinstance(v, bytes) else v
            )
            report.warn(f"column '{col}' holds bytes that are not UTF-8; they were replaced by �")
    raw = raw.rename(columns={col: canon for canon, col in cmap.columns.items()})
    raw = _combine_date_time(raw)
    if ALT_M in raw.columns and cmap.alt_factor != 1.0:
        raw[ALT_M] = _numeric(raw[ALT_M], decimal) * cmap.alt_factor
    if SPEED_KT in raw.columns and cmap.speed_factor != 1.0:
        raw[SPEED_KT] = _numeric(raw[SPEED_KT], decimal) * cmap.speed_factor
    for col in raw.columns:
        if decimal == "," and raw[col].dtype == object and col not in (TIME,):
            converted = _numeric(raw[col], decimal)
            if converted.notna().any():
                raw[col] = converted
    report.notice(f"columns: {cmap.describe()}")
    line_of = _line_mapper(path, encoding)
    frame = finish_frame(raw, report, path=path, tz=options.tz, line_of=line_of)
    if progress:
        progress(1.0)
    return frame, report


def _read_all(reader, wanted, size, progress, cancel):
    import pyarrow as pa

    batches = []
    done = 0
    for batch in reader:
        if cancel is not None and cancel():
            raise ImportCancelled()
        batches.append(batch.select(wanted))
        done += batch.nbytes
        if progress is not None:
            progress(min(0.8, 0.8 * done / size))
    if not batches:
        return pa.Table.from_batches([], schema=reader.schema).select(wanted)
    return pa.Table.from_batches(batches)


def _bad_row_handler(report: ImportReport):
    def handler(row) -> str:
        line = getattr(row, "number", None)
        expected = getattr(row, "expected_columns", "?")
        found = getattr(row, "actual_columns", "?")
        report.skip(
            line if isinstance(line, int) else None, f"expected {expected} columns, found {found}"
        )
        return "skip"

    return handler


def _require(cmap: ColumnMap, names: list[str], path: Path) -> None:
    missing = [c for c in ("lat", "lon") if c not in cmap.columns]
    if TIME not in cmap.columns and DATE not in cmap.columns:
        missing.append("time")
    if missing:
        raise ColumnsUnknown(
            path,
            f"no column for {', '.join(missing)}: the header has {names}; expected names such as "
            "time/timestamp, lat/latitude, lon/longitude (map them by hand in the import "
            "dialog, or with a column map)",
            names,
        )


def _combine_date_time(raw):
    """A separate date column and a time-of-day column -> one time column."""
    if DATE not in raw.columns:
        return raw
    if TIME in raw.columns:
        raw[TIME] = raw[DATE].astype("string") + "T" + raw[TIME].astype("string")
    else:
        raw[TIME] = raw[DATE]
    return raw.drop(columns=[DATE])


def _numeric(values, decimal: str):
    import pandas as pd

    if decimal == "," and not pd.api.types.is_numeric_dtype(values):
        values = values.astype("string").str.replace(",", ".", regex=False)
    return pd.to_numeric(values, errors="coerce")


def _line_mapper(path: Path, encoding: str):
    """Row position -> 1-based file line, counting the blank lines the reader skipped.
    Built only when a row has to be reported."""
    cache: dict[str, np.ndarray] = {}

    def line_of(rows: np.ndarray) -> np.ndarray:
        if "lines" not in cache:
            # \r\n and a lone \r (old Mac files) end a line too, as they do for the reader
            data = path.read_bytes().replace(b"\r\n", b"\n").replace(b"\r", b"\n")
            starts = np.flatnonzero(np.frombuffer(b"\n" + data, dtype=np.uint8) == 10)
            ends = np.append(starts[1:] - 1, len(data))
            content = np.flatnonzero(ends - starts > 0) + 1  # 1-based numbers of non-blank lines
            cache["lines"] = content[1:]  # drop the header line
        lines = cache["lines"]
        rows = np.asarray(rows)
        if len(lines) == 0:
            return np.full(len(rows), -1)
        return np.where(rows < len(lines), lines[np.minimum(rows, len(lines) - 1)], -1)

    return line_of


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]


__all__ = ["read_csv", "sniff"]
