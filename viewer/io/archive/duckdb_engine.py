"""A folder of (Geo)Parquet files partitioned by time, read through DuckDB (embedded, in-process).

The files may be partitioned hive-style (``date=2024-05-01/hour=13/part-0.parquet``,
``year=2024/month=05/day=01/...``) or by file name (``states_2024-05-01-13.parquet``,
``adsb_20240501.parquet``). For a time window, only the files whose partition (widened by 14 hours
either side, so partitions by local date are never cut) meets the window are given to DuckDB, which
then skips the row groups whose time statistics lie outside it; files whose name carries no date
are always read through their statistics.

DuckDB's memory is capped (`ENGINE_MEMORY_LIMIT`); what a query holds beyond spills to a temporary
folder (``adiz-duckdb-<pid>-*``) deleted on close, when the engine is garbage-collected unclosed,
or — left by a process that was killed — by the next engine opened once that process is gone.
No extension is loaded (none can be downloaded here): positions are plain
lon/lat columns (or a GeoArrow point struct).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import weakref
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from viewer.core.constants import LAT, LON, TIME, TRACK_ID
from viewer.io.archive.dialect import DUCKDB, EPOCH_MS, EPOCH_S, TIMESTAMPTZ
from viewer.io.archive.engine import Engine
from viewer.io.archive.model import ENGINE_MEMORY_LIMIT, ArchiveError, Window
from viewer.io.archive.schema import LONLAT, Column

if TYPE_CHECKING:
    import pyarrow as pa

# Deferred on purpose: duckdb, pandas, pyarrow (heavy: imported by the functions that use them, so
# importing the module stays quick (STYLE 12)).

PARQUET_SUFFIXES = (".parquet", ".geoparquet", ".pq")
PARTITION_SLACK_S = 14 * 3600  # time zones run from UTC-12 to UTC+14

_DATE_KEYS = re.compile(r"(?:^|/)(?:date|day|dt)=(\d{4})-?(\d{2})-?(\d{2})(?:/|$)")
_YMD_KEYS = re.compile(
    r"(?:^|/)(?:year|y)=(\d{4})/(?:month|m)=(\d{1,2})/(?:day|d)=(\d{1,2})(?:/|$)"
)
_HOUR_KEY = re.compile(r"(?:^|/)(?:hour|hr|h)=(\d{1,2})(?:/|$)")
_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?:[T_-]?(\d{2})(?!\d))?")
TEMP_PREFIX = "adiz-duckdb-"
_TEMP_OF_PID = re.compile(rf"^{TEMP_PREFIX}(\d+)-")


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process (PermissionError): alive
        return True
    return True


def sweep_stale_temp_dirs(parent: str | Path | None = None) -> list[Path]:
    """Remove the spill folders of engines whose process is gone (killed before it could close
    them); return what was removed. A folder of a running process is left alone."""
    removed = []
    base = Path(parent or tempfile.gettempdir())
    with contextlib.suppress(OSError):
        for path in base.glob(f"{TEMP_PREFIX}*"):
            m = _TEMP_OF_PID.match(path.name)
            if m is None or int(m.group(1)) == os.getpid() or _process_alive(int(m.group(1))):
                continue
            shutil.rmtree(path, ignore_errors=True)
            if not path.exists():
                removed.append(path)
    return removed


def _release(con, temp_dir: Path) -> None:
    """Close the connection and delete its spill folder (`close`, or the engine collected)."""
    try:
        con.close()
    finally:
        shutil.rmtree(temp_dir, ignore_errors=True)


def partition_span(relative: str) -> tuple[float, float] | None:
    """The UTC span (epoch seconds) a file's path says it holds: a day, or an hour with
    ``hour=``; None when the path names no date."""
    m = _DATE_KEYS.search(relative) or _YMD_KEYS.search(relative)
    hour: int | None = None
    if m:
        h = _HOUR_KEY.search(relative)
        hour = int(h.group(1)) if h else None
    else:
        m = _NAME_DATE.search(Path(relative).name)
        if m is None:
            return None
        hour = int(m.group(4)) if m.group(4) is not None else None
    if not 1970 <= int(m.group(1)) <= 2200:
        return None
    try:
        day = datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)), tzinfo=UTC)
    except ValueError:
        return None
    if hour is not None and 0 <= hour <= 23:
        start = day.timestamp() + hour * 3600
        return start, start + 3600
    return day.timestamp(), day.timestamp() + 86400


class DuckDBEngine(Engine):
    """DuckDB over the Parquet files under ``folder``."""

    dialect = DUCKDB
    name = "DuckDB"
    # a year of 100M fixes in 13 chunks rather than 25: 24-27 s instead of 31-34 s for the
    # counts, 485 MB peak instead of 402 MB (`benchmarks/bench_archive.py`, a quiet machine)
    chunk_fixes = 8_000_000

    def __init__(self, folder: str | Path, threads: int | None = None) -> None:
        import duckdb

        folder = Path(folder)
        super().__init__(str(folder))
        if not folder.exists():
            raise ArchiveError(str(folder), "no such folder")
        if folder.is_file():
            files = [folder]
            root = folder.parent
        else:
            files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in PARQUET_SUFFIXES)
            root = folder
        if not files:
            raise ArchiveError(str(folder), "no Parquet files in the folder")
        self.folder = folder
        self.files = files
        rel = [p.relative_to(root).as_posix() for p in files]
        self.hive = any("=" in part for r in rel for part in r.split("/")[:-1])
        self.partition_keys = sorted(
            {part.split("=", 1)[0] for r in rel for part in r.split("/")[:-1] if "=" in part}
        )
        spans = [partition_span(r) for r in rel]
        self._starts = np.array([s[0] if s else -np.inf for s in spans])
        self._ends = np.array([s[1] if s else np.inf for s in spans])
        sweep_stale_temp_dirs()
        self.temp_dir = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-"))
        try:
            self.con = duckdb.connect(":memory:")
        except BaseException:
            shutil.rmtree(self.temp_dir, ignore_errors=True)
            raise
        # closes the connection and deletes the folder once the engine is unreachable, if
        # `close` was never called
        self._release = weakref.finalize(self, _release, self.con, self.temp_dir)
        settings = {
            "memory_limit": ENGINE_MEMORY_LIMIT,
            "temp_directory": str(self.temp_dir),
            "preserve_insertion_order": "false",
            "enable_progress_bar": "false",
        }
        if threads:
            settings["threads"] = str(int(threads))
        for key, value in settings.items():
            self.con.execute(f"SET {key} = {DUCKDB.string(value)}").fetchall()
        self._duckdb = duckdb

    def check_partitions(self, time_expr: str) -> str | None:
        """The first and last dated files must hold times within what their paths say (with the
        slack); else pruning by path is turned off and the reason returned."""
        dated = [i for i in range(len(self.files)) if np.isfinite(self._starts[i])]
        for i in {dated[0], dated[-1]} if dated else set():
            sql = f"SELECT min({time_expr}), max({time_expr}) FROM {self._read([self.files[i]])}"
            lo, hi = self.con.execute(sql).fetchall()[0]
            if lo is None:
                continue
            if lo < self._starts[i] - PARTITION_SLACK_S or hi > self._ends[i] + PARTITION_SLACK_S:
                self._starts[:] = -np.inf
                self._ends[:] = np.inf
                return (
                    f"{self.files[i].name} holds times outside the date in its path: "
                    "every file is read through its statistics"
                )
        return None

    def metadata_summary(self, schema) -> tuple[int, float, float] | None:
        """From the Parquet footers alone (no row read): (rows, first, last time in epoch
        seconds) when every row group's statistics show the time, track id and position present
        and in range — then the rows need no checks (`rows_valid`); None otherwise."""
        import pandas as pd

        if schema.position != LONLAT or schema.time_kind not in (TIMESTAMPTZ, EPOCH_S, EPOCH_MS):
            return None
        names = {c: schema.columns[c] for c in (TIME, TRACK_ID, LON, LAT)}
        listed = ", ".join(DUCKDB.string(str(f)) for f in self.files)
        wanted = ", ".join(DUCKDB.string(n) for n in names.values())
        rows = self.con.execute(
            "SELECT file_name, row_group_id, row_group_num_rows, path_in_schema, "
            "stats_min_value, stats_max_value, stats_null_count "
            f"FROM parquet_metadata([{listed}]) WHERE path_in_schema IN ({wanted})"
        ).fetchall()
        if not rows:
            return None
        frame = pd.DataFrame(rows, columns=["file", "group", "n", "column", "lo", "hi", "nulls"])
        groups = frame.drop_duplicates(["file", "group"])
        if len(frame) != len(groups) * len(set(names.values())):
            return None  # a column missing from some file: read the rows
        if frame["nulls"].isna().any() or (frame["nulls"] > 0).any():
            return None
        if frame["lo"].isna().any() or frame["hi"].isna().any():
            return None
        try:
            for canon, bound in ((LON, 180.0), (LAT, 90.0)):
                sel = frame[frame["column"] == names[canon]]
                lo, hi = sel["lo"].astype(float), sel["hi"].astype(float)
                if not ((lo >= -bound).all() and (hi <= bound).all()):
                    return None
            if (frame[frame["column"] == names[TRACK_ID]]["lo"] == "").any():
                return None
            times = frame[frame["column"] == names[TIME]]
            if schema.time_kind == TIMESTAMPTZ:
                epoch = pd.Timestamp(0, tz="UTC")
                lo_s = (pd.to_datetime(times["lo"], utc=True) - epoch).dt.total_seconds()
                hi_s = (pd.to_datetime(times["hi"], utc=True) - epoch).dt.total_seconds()
                lo_s, hi_s = lo_s.to_numpy(np.float64), hi_s.to_numpy(np.float64)
            else:
                scale = 1000.0 if schema.time_kind == EPOCH_MS else 1.0
                lo_s = times["lo"].astype(float).to_numpy() / scale
                hi_s = times["hi"].astype(float).to_numpy() / scale
        except (ValueError, TypeError):
            return None
        self.rows_valid = True
        self.row_group_times = (times["n"].to_numpy(np.int64), lo_s, hi_s)
        return int(groups["n"].sum()), float(lo_s.min()), float(hi_s.max())

    # ---------------------------------------------------------------- the relation
    def files_for(self, window: Window | None) -> list[Path]:
        if window is None or (window.start is None and window.end is None):
            return list(self.files)
        lo = window.start_s if window.start is not None else -np.inf
        hi = window.end_s if window.end is not None else np.inf
        keep = (self._ends + PARTITION_SLACK_S > lo) & (self._starts - PARTITION_SLACK_S < hi)
        return [f for f, k in zip(self.files, keep, strict=True) if k]

    def relation(self, window: Window | None) -> str:
        files = self.files_for(window)
        if not files:  # nothing in the window: the schema of one file, no rows
            return f"(SELECT * FROM {self._read([self.files[0]])} LIMIT 0)"
        return self._read(files)

    def _read(self, files: list[Path]) -> str:
        listed = ", ".join(DUCKDB.string(str(f)) for f in files)
        hive = "true" if self.hive else "false"
        return f"read_parquet([{listed}], hive_partitioning = {hive})"

    def columns(self) -> list[Column]:
        rows = self.con.execute(f"DESCRIBE SELECT * FROM {self._read(self.files[:1])}").fetchall()
        return [Column(str(r[0]), str(r[1])) for r in rows]

    def sample(self, column: str, n: int = 10_000) -> np.ndarray:
        sql = (
            f"SELECT {DUCKDB.ident(column)} FROM {self._read(self.files[:1])} "
            f"WHERE {DUCKDB.ident(column)} IS NOT NULL LIMIT {int(n)}"
        )
        try:
            values = self.con.execute(sql).fetchnumpy()[column]
        except self._duckdb.Error:
            return np.empty(0)
        try:
            return np.asarray(values, dtype=np.float64)
        except (TypeError, ValueError):
            return np.empty(0)

    # ---------------------------------------------------------------- running
    def _execute(self, sql: str) -> None:
        self.con.execute(sql).fetchall()

    def _fetch(self, sql: str) -> pa.Table:
        relation = self.con.sql(sql)
        to_arrow = getattr(relation, "to_arrow_table", None) or relation.arrow
        return to_arrow()

    def _interrupt(self) -> None:
        self.con.interrupt()

    def _is_interrupt(self, exc: BaseException) -> bool:
        return isinstance(exc, self._duckdb.InterruptException)

    def load_table(self, name: str, columns: dict[str, np.ndarray]) -> None:
        import pyarrow as pa

        arrays = {}
        for key, values in columns.items():
            values = np.asarray(values)
            mask = np.isnan(values) if values.dtype.kind == "f" else None
            arrays[key] = pa.array(values, mask=mask)
        view = f"{name}_arrow"
        self.con.register(view, pa.table(arrays))
        try:
            self.con.execute(f"DROP TABLE IF EXISTS {name}").fetchall()
            self.con.execute(f"CREATE TEMP TABLE {name} AS SELECT * FROM {view}").fetchall()
        finally:
            self.con.unregister(view)

    def close(self) -> None:
        self._release()
