"""CSV / TSV track files, read with pyarrow's streaming CSV reader (fast, cancellable).

Handles a UTF-8 byte-order mark, Windows line endings, comma/semicolon/tab delimiters, comma
decimal separators, epoch or ISO 8601 times or separate date and time columns; detects columns
by their names (`viewer.io.columns`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from viewer.core.constants import ALT_M, SPEED_KT, TIME, TRACK_ID
from viewer.io.columns import DATE, ColumnMap, detect_columns, names_not_directions, settle_units
from viewer.io.normalize import finish_frame
from viewer.io.report import (
    ColumnsUnknown,
    ImportCancelled,
    ImportReport,
    TrackImportError,
)
from viewer.io.schemas import POSITION, apply_schema

# Deferred on purpose: pandas, pyarrow, pyarrow.csv (heavy: imported by the functions that use
# them, so importing the module stays quick (STYLE 12)).

BLOCK_SIZE = 8 << 20  # bytes per block: progress and cancel checks at this grain
THREAD_BLOCK_SIZE = 2 << 20  # pyarrow splits a block into pieces of this size for its threads
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
    cells = re.split(re.escape(delimiter) + r"|\s", sample)
    return sum(bool(re.fullmatch(r"-?\d+,\d+", c)) for c in cells) > 2


@dataclass
class ParsedCsv:
    """A CSV file parsed by pyarrow, before any row is checked: what both ways on share (the
    canonical table of `read_csv`, or `viewer.io.csv_trackset`'s straight freeze)."""

    path: Path
    report: ImportReport
    table: Any  # pyarrow.Table of the wanted columns, in the file's column names
    cmap: ColumnMap
    names: list[str]  # the header, made unique
    encoding: str
    decimal: str
    invalid_rows: list[tuple[int, str]]  # (data-row index, reason) of rows pyarrow skipped


def read_csv(
    path: Path,
    options,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> tuple:
    """-> (canonical frame, report)."""
    return canonical_table(parse_csv(path, options, progress, cancel), options, progress)


def parse_csv(
    path: Path,
    options,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ParsedCsv:
    """Sniff, detect the columns and parse the body (progress to 0.8)."""
    import pyarrow as pa

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
    try:
        data = pa.memory_map(str(path), "r").read_buffer()  # no copy: pages read on demand
        head = _head(data)
        head_end = _header_end(head)
        names = _header_names(head[:head_end], encoding, delimiter)
    except (pa.ArrowInvalid, OSError, UnicodeDecodeError) as exc:
        raise TrackImportError(path, f"not a readable CSV file ({_short(exc)})") from None
    if len(set(names)) < len(names):
        seen: dict[str, int] = {}
        unique = []
        for name in names:
            seen[name] = seen.get(name, 0) + 1
            unique.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
        dupes = sorted(n for n, k in seen.items() if k > 1)
        report.warn(f"the header repeats {dupes}; later copies were renamed with _2, _3...")
        names = unique
    try:
        cmap = detect_columns(names, options.column_map, options.altitude_unit, options.speed_unit)
    except ValueError as exc:
        raise TrackImportError(path, str(exc), line=1) from None
    _require(cmap, names, path)
    wanted = sorted(set(cmap.columns.values()))
    body = _BodyReader(names, wanted, encoding, delimiter, decimal)
    table = None
    for attempt in ("inferred", "strings"):
        # ids are text: '001234' (an ICAO address) keeps its zeros
        ids = {cmap.columns[TRACK_ID]: pa.string()} if TRACK_ID in cmap.columns else None
        types = ids if attempt == "inferred" else {c: pa.string() for c in wanted}
        try:
            table = body.read_all(_blocks(data, head_end), types, size, progress, cancel)
            break
        except pa.ArrowInvalid as exc:
            if attempt == "strings":
                raise TrackImportError(path, f"not a readable CSV file ({_short(exc)})") from None
    assert table is not None
    if options.column_map is None:
        named = names_not_directions(cmap, lambda col: table.column(col).slice(0, 1000).to_pylist())
        if named:
            report.notice(named)
    return ParsedCsv(path, report, table, cmap, names, encoding, decimal, body.invalid_rows)


def judge_and_note_units(parsed: ParsedCsv, options, values_of) -> None:
    """The units `detect_columns` could only guess: judged from the values
    (``values_of(canonical) -> float array``) and read so, asked about (`UnitsUnsure`, when the
    options say so) or warned about; the confirmed ones, the schema and the columns noted."""
    settle_units(parsed.cmap, values_of, options, parsed.report, parsed.path, parsed.names)


def canonical_table(
    parsed: ParsedCsv, options, progress: Callable[[float], None] | None = None
) -> tuple:
    """The parsed file's rows checked, converted and sorted: (canonical frame, report)."""
    path, report, cmap, decimal = parsed.path, parsed.report, parsed.cmap, parsed.decimal
    line_of = _line_mapper(path, parsed.invalid_rows)
    if parsed.invalid_rows:
        indices = np.array([i for i, _ in parsed.invalid_rows], dtype=np.int64)
        for line, (_, reason) in zip(_file_lines(path, indices), parsed.invalid_rows, strict=True):
            report.skip(line, reason)
    raw = parsed.table.to_pandas(types_mapper=None)
    for col in raw.columns:  # columns pyarrow kept as bytes (invalid UTF-8): decode, flag
        if raw[col].dtype == object and raw[col].map(type).eq(bytes).any():
            raw[col] = raw[col].map(
                lambda v: v.decode("utf-8", "replace") if isinstance(v, bytes) else v
            )
            report.warn(f"column '{col}' holds bytes that are not UTF-8; they were replaced by �")
    raw = raw.rename(columns={col: canon for canon, col in cmap.columns.items()})
    raw = _combine_date_time(raw)
    raw = apply_schema(raw, cmap.schema, report)
    judge_and_note_units(
        parsed,
        options,
        lambda canon: _numeric(raw[canon], decimal).to_numpy(np.float64, na_value=np.nan),
    )
    if ALT_M in raw.columns and cmap.alt_factor != 1.0:
        raw[ALT_M] = _numeric(raw[ALT_M], decimal) * cmap.alt_factor
    if SPEED_KT in raw.columns and cmap.speed_factor != 1.0:
        raw[SPEED_KT] = _numeric(raw[SPEED_KT], decimal) * cmap.speed_factor
    for col in raw.columns:
        if decimal == "," and raw[col].dtype == object and col not in (TIME,):
            converted = _numeric(raw[col], decimal)
            if converted.notna().any():
                raw[col] = converted
    frame = finish_frame(raw, report, path=path, tz=options.tz, line_of=line_of)
    if progress:
        progress(1.0)
    return frame, report


def _blocks(data, start: int, size: int | None = None) -> Iterator:
    """Zero-copy slices of the mapped file from ``start`` on, of about ``size`` bytes, each
    ending at a line end (the last \\n in the block, else the last \\r)."""
    size = size or BLOCK_SIZE
    view = np.frombuffer(data, dtype=np.uint8)
    n = len(view)
    while start < n:
        end = min(n, start + size)
        while end < n:
            cut = _last_line_end(view, start, end)
            if cut >= 0:
                end = cut + 1
                break
            end = min(n, end + size)  # a line longer than a block
        yield data.slice(start, end - start)
        start = end


def _last_line_end(view: np.ndarray, start: int, end: int) -> int:
    """Position of the last \\n in view[start:end], else of the last \\r; -1 if neither."""
    for char in (10, 13):
        stop = end
        while stop > start:  # backwards in small windows: the line end is near the block's end
            lo = max(start, stop - (64 << 10))
            hits = np.flatnonzero(view[lo:stop] == char)
            if len(hits):
                return lo + int(hits[-1])
            stop = lo
    return -1


def _head(data) -> bytes:
    """The start of the mapped file, enough to hold the header line (a copy of 64 KiB, more
    only for a longer header; not the whole first block, which would read 8 MB)."""
    size = 64 << 10
    while True:
        head = data.slice(0, min(len(data), size)).to_pybytes()
        if size >= len(data) or _header_end(head) < len(head) - 1:  # \r\n not cut
            return head
        size *= 4


def _header_end(block: bytes) -> int:
    """Where the header line (the first non-empty line, after any BOM) ends in the first block."""
    i = 3 if block.startswith(b"\xef\xbb\xbf") else 0
    n = len(block)
    while i < n and block[i] in (10, 13):
        i += 1
    ends = [j for j in (block.find(b"\n", i), block.find(b"\r", i)) if j >= 0]
    if not ends:
        return n
    j = min(ends)
    return j + 2 if block[j : j + 2] == b"\r\n" else j + 1


def _header_names(head: bytes, encoding: str, delimiter: str) -> list[str]:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    table = pacsv.read_csv(
        pa.py_buffer(head),
        read_options=pacsv.ReadOptions(encoding=encoding, use_threads=False),
        parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=False),
    )
    return list(table.schema.names)


class _BodyReader:
    """Parses the blocks with pyarrow's multithreaded reader, one block after another (progress
    and cancel between blocks). Rows with the wrong number of cells are skipped and kept as
    (data-row index, reason); their file lines are worked out only when there are some."""

    def __init__(
        self, names: list[str], wanted: list[str], encoding: str, delimiter: str, decimal: str
    ) -> None:
        self.names = names
        self.wanted = wanted
        self.encoding = encoding
        self.delimiter = delimiter
        self.decimal = decimal
        self.invalid_rows: list[tuple[int, str]] = []

    def read_all(self, chunks, types, size, progress, cancel):
        import pyarrow as pa

        self.invalid_rows = []
        tables = []
        done = 0
        rows_before = 0  # non-empty data lines in the blocks before this one
        fixed = dict(types) if types else None
        for chunk in chunks:
            if cancel is not None and cancel():
                raise ImportCancelled()
            table, invalid = self._parse(chunk, fixed, threads=True)
            if any(number is None for number, _ in invalid):  # threads do not number rows
                table, invalid = self._parse(chunk, fixed, threads=False)
            for number, reason in invalid:
                self.invalid_rows.append((rows_before + int(number or 1) - 1, reason))
            rows_before += table.num_rows + len(invalid)
            if fixed is None and table.num_rows:  # later blocks keep the first block's types
                fixed = {f.name: f.type for f in table.schema}
            tables.append(table)
            done += chunk.size
            if progress is not None:
                progress(min(0.8, 0.8 * done / size))
        if not tables:
            return pa.table({c: pa.array([], pa.string()) for c in self.wanted})
        return pa.concat_tables(tables)

    def _parse(self, chunk, types, threads: bool):
        import pyarrow as pa
        import pyarrow.csv as pacsv

        invalid: list[tuple[int | None, str]] = []

        def handler(row) -> str:
            number = getattr(row, "number", None)
            expected = getattr(row, "expected_columns", "?")
            found = getattr(row, "actual_columns", "?")
            number = number if isinstance(number, int) and number > 0 else None
            invalid.append((number, f"expected {expected} columns, found {found}"))
            return "skip"

        def parse(block_size: int, use_threads: bool):
            invalid.clear()
            return pacsv.read_csv(
                chunk,
                read_options=pacsv.ReadOptions(
                    block_size=block_size,
                    encoding=self.encoding,
                    use_threads=use_threads,
                    column_names=self.names,
                ),
                parse_options=pacsv.ParseOptions(
                    delimiter=self.delimiter,
                    newlines_in_values=False,
                    invalid_row_handler=handler,
                ),
                convert_options=pacsv.ConvertOptions(
                    decimal_point=self.decimal,
                    column_types=types or {},
                    include_columns=self.wanted,
                    strings_can_be_null=True,
                    timestamp_parsers=[pacsv.ISO8601],
                ),
            )

        try:
            table = parse(THREAD_BLOCK_SIZE, threads)
        except pa.ArrowInvalid as exc:
            if "straddl" not in str(exc):
                raise
            table = parse(chunk.size + 1, False)  # a row longer than a thread's block
        return table, list(invalid)


def _require(cmap: ColumnMap, names: list[str], path: Path) -> None:
    missing = [c for c in ("lat", "lon") if c not in cmap.columns and POSITION not in cmap.columns]
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


def _data_lines(path: Path) -> np.ndarray:
    """1-based file line of every non-empty line after the header (what the reader counts)."""
    # \r\n and a lone \r (old Mac files) end a line too, as they do for the reader
    data = path.read_bytes().replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    starts = np.flatnonzero(np.frombuffer(b"\n" + data, dtype=np.uint8) == 10)
    ends = np.append(starts[1:] - 1, len(data))
    content = np.flatnonzero(ends - starts > 0) + 1  # 1-based numbers of non-blank lines
    return content[1:]  # drop the header line


def _file_lines(path: Path, indices: np.ndarray, cache: dict | None = None) -> list[int | None]:
    """Data-row indices (counting skipped rows) -> 1-based file lines (None if unknown)."""
    cache = {} if cache is None else cache
    if "lines" not in cache:
        cache["lines"] = _data_lines(path)
    lines = cache["lines"]
    return [int(lines[i]) if 0 <= i < len(lines) else None for i in np.asarray(indices)]


def _line_mapper(path: Path, invalid_rows: list[tuple[int, str]]):
    """Row position in the table -> 1-based file line, counting the blank lines and the rows of
    the wrong width the reader skipped. The file is scanned only when a row has to be reported."""
    cache: dict = {}
    skipped = np.array(sorted(i for i, _ in invalid_rows), dtype=np.int64)
    # position p is data row p + (skipped rows before it): skipped[k] - k kept rows precede it
    kept_before = skipped - np.arange(len(skipped))

    def line_of(rows: np.ndarray) -> np.ndarray:
        rows = np.asarray(rows, dtype=np.int64)
        data_rows = rows + np.searchsorted(kept_before, rows, side="right")
        lines = _file_lines(path, data_rows, cache)
        return np.array([-1 if v is None else v for v in lines], dtype=np.int64)

    return line_of


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]


__all__ = ["read_csv", "sniff"]
