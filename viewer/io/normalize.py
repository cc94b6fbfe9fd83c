"""The last step of every reader: a raw table with canonical column names becomes the canonical
track table — coordinates and times checked row by row, times in UTC, kinds normalised,
duplicates dropped, sorted by track then time — and the `ImportReport` says what happened."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np

from viewer.core.constants import (
    ALT_M,
    CALLSIGN,
    COUNT,
    HEADING_DEG,
    KIND,
    KIND_BOMBER,
    KIND_FIGHTER,
    KIND_HELICOPTER,
    KIND_ISR,
    KIND_SHIP,
    KIND_TRANSPORT,
    KIND_UAV,
    KIND_UNKNOWN,
    KINDS,
    LABEL,
    LAT,
    LON,
    SIDE,
    SPEED_KT,
    TIME,
    TRACK_ID,
)
from viewer.io.flights import note_callsign_changes, tracks_changing_callsign
from viewer.io.report import ImportReport, TimeZoneRequired, TrackImportError

if TYPE_CHECKING:
    import pandas as pd

# Deferred on purpose: pandas, pyarrow (heavy: imported by the functions that use them, so
# importing the module stays quick (STYLE 12)).

LINE = "_line"  # optional raw column: the row's 1-based line in the file
CANONICAL_ORDER = (
    TRACK_ID,
    TIME,
    LON,
    LAT,
    ALT_M,
    SPEED_KT,
    HEADING_DEG,
    KIND,
    CALLSIGN,
    LABEL,
    COUNT,
    SIDE,
)
MIN_YEAR, MAX_YEAR = 1900, 2200

# Aircraft and vessel type words -> kind. Checked in order; first match wins.
KIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (KIND_UAV, r"\b(uav|uas|drone|bzk|tb-?001|wz-?\d+|gj-?\d+|ch-?\d+|mq-?\d+|rq-?\d+)"),
        (KIND_HELICOPTER, r"\b(heli|helicopter|z-?(8|9|18|20)|ka-?\d+|mi-?\d+|uh-?\d+|sh-?\d+)"),
        (KIND_BOMBER, r"\b(bomber|h-?6\w*|tu-?(95|22|160)|b-?(52|1|2)\b)"),
        (
            KIND_ISR,
            r"\b(kj-?\d+|y-?8|y-?9|tu-?154|il-?20|p-?3|p-?8|e-?2|e-?3|e-?767|ep-?3|"
            r"rc-?135|isr|aew|awacs|asw|elint|recon)",
        ),
        (KIND_TRANSPORT, r"\b(y-?20\w*|il-?76|il-?78|c-?130|c-?17|kc-?\w+|tanker|transport|cargo)"),
        (KIND_FIGHTER, r"\b(j-?\d+|su-?\d+|f-?\d+|jh-?7|mirage|fighter|idf|f-?ck)"),
        (
            KIND_SHIP,
            r"\b(ship|vessel|boat|coast ?guard|ccg|jcg|cgs|navy|destroyer|frigate|"
            r"cruiser|corvette|carrier|tanker ship|fishing|mmsi|ais)",
        ),
    )
)


def normalise_kind(value: object) -> str:
    """A free-text type ('J-16', 'H-6K', 'KJ-500', 'China Coast Guard 2302') -> one of KINDS."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return KIND_UNKNOWN
    text = str(value).strip()
    if text.lower() in KINDS:
        return text.lower()
    for kind, pattern in KIND_PATTERNS:
        if pattern.search(text):
            return kind
    return KIND_UNKNOWN


def parse_times(
    values: pd.Series, tz: str | None, path: str | Path, column: str, report: ImportReport
) -> pd.Series:
    """Any time column -> datetime64[ns, UTC] (NaT where unreadable).

    Epoch numbers (seconds, or milliseconds when > 1e11) are UTC. ISO 8601 strings with ``Z`` or
    an offset are converted; strings without a zone need ``tz`` (an IANA name), else
    `TimeZoneRequired` is raised: a time is never assumed.
    """
    import pandas as pd

    if isinstance(values.dtype, pd.DatetimeTZDtype):
        return _bounded(values.dt.tz_convert("UTC"))
    if pd.api.types.is_datetime64_dtype(values):
        return _localise(_bounded(values), tz, path, column, report)
    if pd.api.types.is_numeric_dtype(values):
        return _from_epoch(values, report)
    text = values.astype("string").str.strip()
    numeric = pd.to_numeric(text, errors="coerce")
    if numeric.notna().sum() > 0.9 * max(1, text.notna().sum()):
        return _from_epoch(numeric, report)
    text = text.reset_index(drop=True)
    if text.str.endswith("Z").fillna(False).all():
        aware = np.ones(len(text), dtype=bool)
    else:
        aware = _mask(text.str.contains(r"(?:Z|[+-]\d{2}:?\d{2})$", regex=True))
    values_ns = np.full(len(text), np.datetime64("NaT"), dtype="datetime64[ns]")
    if aware.any():
        parsed = _to_datetime(text[aware], report, utc=True)
        values_ns[aware] = (
            parsed.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy(dtype="datetime64[ns]")
        )
    looks_like_time = _mask(
        text.str.contains(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{1,2}:\d{2}", regex=True)
    )
    naive = ~aware & looks_like_time
    if naive.any():
        if tz is None:
            raise TimeZoneRequired(path, column, str(text[naive].iloc[0]))
        parsed = _localise(_to_datetime(text[naive], report, utc=False), tz, path, column, report)
        values_ns[naive] = parsed.dt.tz_localize(None).to_numpy(dtype="datetime64[ns]")
    return pd.Series(pd.DatetimeIndex(values_ns).tz_localize("UTC"))


def _mask(values: pd.Series) -> np.ndarray:
    """A nullable boolean result as a plain bool array (NA -> False)."""
    return values.fillna(False).to_numpy(dtype=bool)


def _coerce(text: pd.Series, fmt: str, utc: bool) -> pd.Series:
    """pd.to_datetime with unreadable or out-of-range values as NaT, whatever pandas raises."""
    import pandas as pd

    try:
        out = pd.to_datetime(text, format=fmt, utc=utc, errors="coerce")
    except (ValueError, OverflowError, TypeError):  # OutOfBoundsDatetime is a ValueError
        out = pd.Series([_one(v, fmt, utc) for v in text], index=text.index)
        out = pd.to_datetime(out, utc=utc, errors="coerce")
    if not utc and isinstance(out.dtype, pd.DatetimeTZDtype):  # mixed offsets in "naive" text
        out = out.dt.tz_convert("UTC").dt.tz_localize(None)
    return _bounded(out) if pd.api.types.is_datetime64_any_dtype(out) else out


def _one(value, fmt: str, utc: bool):
    import pandas as pd

    try:
        return pd.to_datetime(value, format=fmt, utc=utc)
    except (ValueError, OverflowError, TypeError):
        return pd.NaT


def _bounded(values: pd.Series) -> pd.Series:
    """Times outside the years MIN_YEAR..MAX_YEAR become NaT (before a nanosecond cast can
    overflow); the row is then reported as out of range."""
    import pandas as pd

    tz = "UTC" if isinstance(values.dtype, pd.DatetimeTZDtype) else None
    lo = pd.Timestamp(f"{MIN_YEAR}-01-01", tz=tz)
    hi = pd.Timestamp(f"{MAX_YEAR}-01-01", tz=tz)
    dtype = "datetime64[ns, UTC]" if tz else "datetime64[ns]"
    if len(values):  # the usual column, told by its least and greatest (NaT is the least)
        ticks = values.array.asi8
        unit = np.datetime_data(values.dtype.base if tz else values.dtype)[0]
        first, end = (
            np.datetime64(f"{y}-01-01").astype(f"M8[{unit}]").astype(np.int64)
            for y in (MIN_YEAR, MAX_YEAR)
        )
        if ticks.min() >= first and ticks.max() < end:
            return values.astype(dtype)
    ok = (values >= lo) & (values < hi)
    return values.where(ok).astype(dtype)


def _to_datetime(text: pd.Series, report: ImportReport, utc: bool) -> pd.Series:

    parsed = _coerce(text, "ISO8601", utc)
    if parsed.isna().mean() > 0.5 and len(text) > 0:
        flexible = _coerce(text, "mixed", utc)
        if flexible.notna().sum() > parsed.notna().sum():
            report.warn(
                "times are not ISO 8601; read with a flexible parser — check that day and month "
                f"are not swapped (e.g. '{text.iloc[0]}' -> {flexible.iloc[0]})"
            )
            parsed = flexible
    return parsed


def _localise(
    values: pd.Series, tz: str | None, path: str | Path, column: str, report: ImportReport
) -> pd.Series:
    if tz is None:
        example = values.dropna().iloc[0] if values.notna().any() else ""
        raise TimeZoneRequired(path, column, str(example))
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise TrackImportError(
            path, f"unknown time zone {tz!r}; expected an IANA name such as 'Asia/Taipei' or 'UTC'"
        ) from None
    report.notice(f"times without a zone were read as {tz} (declared) and stored in UTC")
    local = values.dt.tz_localize(tz, ambiguous="NaT", nonexistent="NaT")
    return local.dt.tz_convert("UTC").astype("datetime64[ns, UTC]")


def _from_epoch(numbers: pd.Series, report: ImportReport) -> pd.Series:
    import pandas as pd

    values = numbers.to_numpy(dtype=np.float64, na_value=np.nan)
    finite = values[np.isfinite(values)]
    unit = "ms" if len(finite) and float(np.median(np.abs(finite))) > 1e11 else "s"
    report.notice(f"times are epoch {'milliseconds' if unit == 'ms' else 'seconds'} (UTC)")
    seconds = values / 1000.0 if unit == "ms" else values
    lo = (np.datetime64(f"{MIN_YEAR}-01-01") - np.datetime64(0, "s")).astype(np.float64)
    hi = (np.datetime64(f"{MAX_YEAR}-01-01") - np.datetime64(0, "s")).astype(np.float64)
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(seconds) & (seconds >= lo) & (seconds < hi)
    ns = np.full(len(values), np.datetime64("NaT"), dtype="datetime64[ns]")
    ns[ok] = (seconds[ok] * 1e9).astype(np.int64).astype("datetime64[ns]")
    return pd.Series(pd.DatetimeIndex(ns).tz_localize("UTC"))


def finish_frame(
    raw: pd.DataFrame,
    report: ImportReport,
    *,
    path: str | Path,
    tz: str | None = None,
    line_of: Callable[[np.ndarray], np.ndarray] | None = None,
) -> pd.DataFrame:
    """Check, convert and sort a raw table (canonical column names) into the canonical table.

    ``line_of`` maps row positions to file lines, asked only for skipped rows; otherwise the
    raw ``_line`` column is used, if any.
    """
    import pandas as pd

    n = len(raw)
    report.rows_read += n
    if n == 0:
        return _empty()
    missing = [c for c in (LON, LAT, TIME) if c not in raw.columns]
    if missing:
        raise TrackImportError(
            path,
            f"no {', '.join(missing)} found; columns are {[c for c in raw.columns if c != LINE]}",
        )
    lon, lat = _floats(raw[LON]), _floats(raw[LAT])
    times = parse_times(raw[TIME], tz, path, TIME, report)
    if TRACK_ID in raw.columns:
        id_codes, id_names = _track_ids(raw[TRACK_ID])
    else:
        id_codes = np.zeros(n, dtype=np.intp)
        id_names = pd.Index([Path(path).stem], dtype="str")
        report.notice(f"no track id column: every row is one track named '{Path(path).stem}'")
    if not float(np.max(lon)) <= 180.0:  # some east of 180 (or NaN)
        wrap = (lon > 180.0) & (lon <= 360.0)
        if wrap.any():
            lon = np.where(wrap, lon - 360.0, lon)
            report.warn(
                f"{int(wrap.sum()):,} longitudes in 180–360° were read as east longitudes "
                "minus 360°"
            )
    t_ns = times.to_numpy(dtype="datetime64[ns]")
    lo, hi = np.datetime64(f"{MIN_YEAR}-01-01", "ns"), np.datetime64(f"{MAX_YEAR}-01-01", "ns")
    checks: list[tuple[np.ndarray, str]] = []
    if not _all_valid(lon, lat, t_ns, id_codes, lo, hi):  # else the usual file: no mask built
        nat = np.isnat(t_ns)
        out_of_range = ~nat & ((t_ns < lo) | (t_ns >= hi))
        if nat.any():  # unreadable times: is it a year out of range ('9999-12-31')? NaN: no year
            year_text = raw[TIME][nat].astype(str).str.extract(r"^\s*(\d{4})-", expand=False)
            years = pd.to_numeric(year_text, errors="coerce").to_numpy(dtype=np.float64)
            out_of_range[nat] = (years < MIN_YEAR) | (years >= MAX_YEAR)
        checks = [
            (np.isnan(lat) | np.isnan(lon), "empty or non-numeric coordinates"),
            (~np.isnan(lat) & (np.abs(lat) > 90.0), "latitude out of range (expected -90..90)"),
            (~np.isnan(lon) & (np.abs(lon) > 180.0), "longitude out of range (expected -180..180)"),
            (out_of_range, f"time out of range (expected years {MIN_YEAR}–{MAX_YEAR - 1})"),
            (nat, "bad or empty time (expected ISO 8601 or epoch seconds)"),
            (id_codes < 0, "empty track id"),
        ]
    bad = np.zeros(n, dtype=bool)
    for mask, reason in checks:
        new = mask & ~bad
        if new.any():
            rows = np.flatnonzero(new)
            lines = _lines(raw, rows, line_of)
            values = _cell_values(raw, rows, reason)
            for line, value in zip(lines, values, strict=True):
                report.skip(line, f"{reason}{value}")
            bad |= new
    report.skipped.sort(key=lambda r: (r.line is None, r.line or 0))
    keep = ~bad
    all_kept = bool(keep.all())

    def kept(series: pd.Series) -> pd.Series:
        return (series if all_kept else series[keep]).reset_index(drop=True)

    def kept_array(values: np.ndarray) -> np.ndarray:
        return values if all_kept else values[keep]

    codes = kept_array(id_codes)
    t_kept = kept_array(t_ns)
    out = pd.DataFrame(
        {
            TRACK_ID: _text(id_names, codes),
            TIME: pd.DatetimeIndex(t_kept.view(np.int64), dtype="datetime64[ns, UTC]"),
            LON: kept_array(lon),
            LAT: kept_array(lat),
        },
        copy=False,  # no copy into one 2-D block of floats (pandas copies on write anyway)
    )
    for col in (ALT_M, SPEED_KT, HEADING_DEG, COUNT):
        if col in raw.columns:
            out[col] = kept_array(pd.to_numeric(raw[col], errors="coerce").to_numpy(np.float64))
    for col in (CALLSIGN, LABEL, SIDE):
        if col in raw.columns:
            text = raw[col].astype(str)
            out[col] = kept(text.str.strip() if col == CALLSIGN else text)  # 'EVA123  ' (OpenSky)
    if KIND in raw.columns:
        kind_codes, uniques = _factorize(kept(raw[KIND]))  # missing -> -1: the last entry
        names = [str(u) for u in uniques]
        if len(kind_codes) and kind_codes.min() < 0:
            kind_codes = np.where(kind_codes < 0, len(names), kind_codes)
        out[KIND] = _text([*(normalise_kind(u) for u in names), KIND_UNKNOWN], kind_codes)
        if LABEL not in out.columns:
            out[LABEL] = _text([*names, ""], kind_codes)
    t_int = t_kept.view(np.int64)
    in_order = _ordered(codes, t_int)
    if not in_order:  # else: no duplicates, nothing to sort (the usual file)
        # duplicates (same track, same time): keep the first
        dup = out.duplicated(subset=[TRACK_ID, TIME]).to_numpy()
        if dup.any():
            report.warn(f"{int(dup.sum()):,} duplicate fixes (same track and time) dropped")
            out = out[~dup]
        codes, _ = pd.factorize(out[TRACK_ID].cat.codes.to_numpy())  # order of appearance
        t_sort = out[TIME].to_numpy(dtype="datetime64[ns]").astype(np.int64)
        order = np.lexsort((t_sort, codes))
        if len(order) and (order != np.arange(len(order))).any():
            moved = int((order != np.arange(len(order))).sum())
            report.warn(f"{moved:,} fixes were out of order and have been sorted by track and time")
            out = out.iloc[order]
        out = out.reset_index(drop=True)
    report.fixes += len(out)
    # in order: one run of rows per track
    tracks = int((codes[1:] != codes[:-1]).sum() + 1) if in_order and len(codes) else None
    report.tracks += tracks if tracks is not None else int(out[TRACK_ID].nunique())
    if len(out):
        t_out = t_int if in_order else out[TIME].to_numpy(dtype="datetime64[ns]").view(np.int64)
        # datetimes hold microseconds: nanoseconds dropped (as the fast CSV way does)
        first = pd.Timestamp(int(t_out.min()) // 1000 * 1000, tz="UTC").to_pydatetime()
        last = pd.Timestamp(int(t_out.max()) // 1000 * 1000, tz="UTC").to_pydatetime()
        report.time_start = first if report.time_start is None else min(report.time_start, first)
        report.time_end = last if report.time_end is None else max(report.time_end, last)
    if CALLSIGN in out.columns and len(out):
        changing = tracks_changing_callsign(
            out[TRACK_ID].cat.codes.to_numpy(), out[CALLSIGN].to_numpy(dtype=object)
        )
        note_callsign_changes(changing, report)
    columns = [c for c in CANONICAL_ORDER if c in out.columns]
    return out if list(out.columns) == columns else out[columns]


def _floats(values: pd.Series) -> np.ndarray:
    """A coordinate column as float64, NaN where not a number."""
    import pandas as pd

    if values.dtype == np.float64:
        return values.to_numpy()
    return pd.to_numeric(values, errors="coerce").to_numpy(dtype=np.float64)


def _all_valid(
    lon: np.ndarray,
    lat: np.ndarray,
    t_ns: np.ndarray,
    id_codes: np.ndarray,
    lo: np.datetime64,
    hi: np.datetime64,
) -> bool:
    """Every row passes `finish_frame`'s checks, told by minima and maxima alone (a NaN
    coordinate makes them NaN and NaT is the least time, so both fail the comparisons)."""
    t = t_ns.view(np.int64)
    return bool(
        np.min(lat) >= -90.0
        and np.max(lat) <= 90.0
        and np.min(lon) >= -180.0
        and np.max(lon) <= 180.0
        and lo.astype(np.int64) <= t.min()
        and t.max() < hi.astype(np.int64)
        and id_codes.min() >= 0
    )


def _factorize(values: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """`pandas.factorize` (codes in order of first appearance, -1 where missing), hashing only
    the first value of each run of equal neighbours for text read by pyarrow: a track file's
    ids and types come in long runs, so this is about twice as fast."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    n = len(values)
    arrow_text = isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow"
    if n < 2 or not arrow_text:
        codes, uniques = pd.factorize(values)
        return codes, pd.Index(uniques)
    arr = pa.array(values)  # no copy
    starts = run_starts(arr)
    heads = pc.dictionary_encode(take_sorted(arr, starts))  # first seen first, as factorize
    run_codes = pc.fill_null(heads.indices, -1).to_numpy(zero_copy_only=False).astype(np.intp)
    uniques = pd.Index(heads.dictionary.to_pandas(), dtype="str")
    return np.repeat(run_codes, np.diff(starts, append=n)), uniques


def run_starts(arr) -> np.ndarray:
    """The first row of each run of equal neighbours in an Arrow (chunked) array, from 0; a
    missing value is a run of its own."""
    import pyarrow.compute as pc

    n = len(arr)
    if n < 2:
        return np.zeros(min(n, 1), dtype=np.int64)
    change = pc.fill_null(pc.not_equal(arr.slice(1), arr.slice(0, n - 1)), True)
    rows = pc.indices_nonzero(change).to_numpy(zero_copy_only=False).astype(np.int64)
    return np.concatenate([np.zeros(1, dtype=np.int64), rows + 1])


def take_sorted(arr, rows: np.ndarray):
    """``arr[rows]`` for sorted row numbers, one array; a chunked array is taken from chunk by
    chunk (its own take would first join the chunks: a copy of every row)."""
    import pyarrow as pa

    if not isinstance(arr, pa.ChunkedArray):
        return arr.take(pa.array(rows))
    bounds = np.cumsum([0, *(len(c) for c in arr.chunks)])
    cuts = np.searchsorted(rows, bounds)
    parts = [
        chunk.take(pa.array(rows[cuts[k] : cuts[k + 1]] - bounds[k]))
        for k, chunk in enumerate(arr.chunks)
        if cuts[k + 1] > cuts[k]
    ]
    return pa.concat_arrays(parts) if parts else pa.array([], type=arr.type)


def _track_ids(values: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Track ids -> (code per row, -1 where empty; the ids as text, in order of appearance).
    Numeric ids (MMSI) read as floats lose their '.0'; surrounding blanks are stripped."""
    import pandas as pd

    codes, uniques = _factorize(values)  # the text work is done once per distinct id
    names = pd.Series(uniques)
    if pd.api.types.is_float_dtype(names):  # 123.0 -> '123'; 2.5 stays '2.5'
        values = names.to_numpy(dtype=np.float64)
        whole = np.isfinite(values) & (np.abs(values) < 2.0**63) & (values == np.trunc(values))
        text = names.astype(str).to_numpy(dtype=object)
        text[whole] = values[whole].astype(np.int64).astype(str)
        names = pd.Series(text, dtype="str")
    names = names.astype(str).str.strip()
    blank = (names.isna() | (names == "") | (names == "<NA>") | (names == "nan")).to_numpy()
    merged, text = pd.factorize(names)  # ' A' and 'A' are one track
    remap = np.where(blank, -1, merged)
    if not (remap == np.arange(len(remap))).all():  # else nothing merged or blank: codes stand
        codes = np.where(codes >= 0, remap[np.maximum(codes, 0)], -1)
    return codes, pd.Index(text, dtype="str")


def _text(names: pd.Index | list[str], codes: np.ndarray) -> pd.Series:
    """A text column as a categorical (one code per row: no string per row is built)."""
    import pandas as pd

    names = pd.Index(names, dtype="str")
    if not names.is_unique:  # kinds: several types are one kind
        small, names = pd.factorize(names)
        codes = small[codes]
    return pd.Series(pd.Categorical.from_codes(codes, categories=names, validate=False))


def _ordered(codes: np.ndarray, t: np.ndarray) -> bool:
    """Rows strictly increasing by (track code, time): grouped by track, sorted, no duplicates.
    (Compares neighbours into boolean arrays only: no 8-byte temporaries to allocate.)"""
    if len(codes) < 2:
        return True
    if not (codes[1:] >= codes[:-1]).all():
        return False
    return bool(((t[1:] > t[:-1]) | (codes[1:] != codes[:-1])).all())


def _lines(raw: pd.DataFrame, rows: np.ndarray, line_of) -> list[int | None]:
    if line_of is not None:
        return [int(v) for v in line_of(rows)]
    if LINE in raw.columns:
        return [int(v) for v in raw[LINE].to_numpy()[rows]]
    return [None] * len(rows)


def _cell_values(raw: pd.DataFrame, rows: np.ndarray, reason: str) -> list[str]:
    """What the offending cell held, for the message (only for the first rows)."""
    col = (
        LAT
        if "latitude" in reason
        else LON
        if "longitude" in reason
        else (TIME if "time" in reason else None)
    )
    if col is None or col not in raw.columns:
        return [""] * len(rows)
    values = raw[col].to_numpy()[rows[:200]]
    shown = [f"; got {str(v)[:40]!r}" for v in values]
    return shown + [""] * (len(rows) - len(shown))


def _empty() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        {
            TRACK_ID: pd.Series(dtype="string"),
            TIME: pd.Series(dtype="datetime64[ns, UTC]"),
            LON: pd.Series(dtype="float64"),
            LAT: pd.Series(dtype="float64"),
        }
    )
