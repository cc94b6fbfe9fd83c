"""Which reader reads a file, and the one entry point the app and the command line use.

frame, report = read_tracks("sorties.csv", ReadOptions(tz="Asia/Taipei"))
trackset, report = load_trackset("sorties.csv")
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from viewer.core.projection import Projection
from viewer.core.read_options import ReadOptions
from viewer.core.tracks import TrackSet
from viewer.io.report import ImportReport, TrackImportError
from viewer.io.traced_format import is_traced_file

if TYPE_CHECKING:
    import pandas as pd

    from viewer.core.projection import Projection
    from viewer.core.tracks import TrackSet

# Deferred on purpose: viewer.io.acmi_reader, viewer.io.bounded, viewer.io.csv_reader,
# viewer.io.csv_trackset, viewer.io.flights, viewer.io.json_tables, viewer.io.readsb_reader (the
# readers and their helpers are imported when a file of their format is read, as `READERS` are).

Progress = Callable[[float], None]
SBS_STARTS = (b"MSG,", b"AIR,", b"ID,", b"STA,", b"SEL,", b"CLK,")
Cancel = Callable[[], bool]

# format -> (module in viewer.io, function). Readers return (canonical frame, ImportReport).
READERS: dict[str, tuple[str, str]] = {
    "csv": ("viewer.io.csv_reader", "read_csv"),
    "geojson": ("viewer.io.geojson_reader", "read_geojson"),
    "gpx": ("viewer.io.gpx_reader", "read_gpx"),
    "kml": ("viewer.io.kml_reader", "read_kml"),
    "kmz": ("viewer.io.kml_reader", "read_kmz"),
    "ogr": ("viewer.io.ogr_reader", "read_ogr"),
    "parquet": ("viewer.io.ogr_reader", "read_parquet"),
    "nmea": ("viewer.io.nmea_reader", "read_nmea"),
    "cot": ("viewer.io.cot_reader", "read_cot"),
    "sbs": ("viewer.io.sbs_reader", "read_sbs"),
    "readsb": ("viewer.io.readsb_reader", "read_readsb"),
    "acmi": ("viewer.io.acmi_reader", "read_acmi"),
    "json": ("viewer.io.json_tables", "read_json_table"),
    "recording": ("viewer.io.live.recording_reader", "read_recording"),
}
EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".tab": "csv",
    ".geojson": "geojson",
    ".json": "geojson",
    ".jsonl": "json",
    ".ndjson": "json",
    ".gpx": "gpx",
    ".kml": "kml",
    ".kmz": "kmz",
    ".gpkg": "ogr",
    ".shp": "ogr",
    ".fgb": "ogr",
    ".gml": "ogr",
    ".parquet": "parquet",
    ".geoparquet": "parquet",
    ".pq": "parquet",
    ".nmea": "nmea",
    ".ais": "nmea",
    ".nm4": "nmea",
    ".cot": "cot",
    ".xml": "cot",
    ".sbs": "sbs",
    ".basestation": "sbs",
    ".acmi": "acmi",
}


@dataclass
class ReadResult:
    frame: pd.DataFrame
    report: ImportReport
    static_paths: list[Any] = field(default_factory=list)


def detect_format(path: str | Path) -> str:
    """The reader for a file, from its extension, else from its first bytes."""
    path = Path(path)
    if path.is_dir():
        if (path / "feed.json").is_file():  # a live feed's recording (viewer.io.live.recorder)
            return "recording"
        if any(path.rglob("*.parquet")):
            return "parquet"
        from viewer.io.readsb_reader import is_readsb_folder

        if is_readsb_folder(path):
            return "readsb"
        raise TrackImportError(
            path,
            "a folder without Parquet files or readsb traces; expected a track file, a "
            "partitioned Parquet folder, a globe-history folder of trace_full_*.json or a live "
            "feed's recording (a folder with feed.json)",
        )
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is not None and fmt not in ("csv", "cot", "geojson"):
        return fmt
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise TrackImportError(path, f"cannot open the file ({exc.strerror})") from None
    sniffed = _sniff_sources(path, head)
    if sniffed is not None:
        return sniffed
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith((b"PK\x03\x04",)):
        return "kmz"
    if text.startswith(b"PAR1"):
        return "parquet"
    if text.startswith(b"<"):
        low = text[:2000].lower()
        if b"<gpx" in low:
            return "gpx"
        if b"<kml" in low:
            return "kml"
        if b"<event" in low:
            return "cot"
    if text.startswith((b"{", b"[")):
        from viewer.io.json_tables import json_kind

        return json_kind(text)
    if text.startswith((b"!", b"\\")) or b"!AIVDM" in head or b"!AIVDO" in head:
        return "nmea"
    if text.startswith(SBS_STARTS):  # SBS-1 / BaseStation lines, whatever the extension
        return "sbs"
    return fmt or "csv"


def _sniff_sources(path: Path, head: bytes) -> str | None:
    """Formats told by their content whatever the file is called: readsb/tar1090 JSON (often
    gzip-compressed under a ``.json`` name) and Tacview ACMI text."""
    from viewer.io.acmi_reader import sniff_acmi
    from viewer.io.bounded import GZIP_MAGIC, head_bytes
    from viewer.io.readsb_reader import sniff_readsb

    if head.startswith(GZIP_MAGIC):
        head = head_bytes(path)
    if sniff_readsb(head):
        return "readsb"
    if sniff_acmi(head):
        return "acmi"
    return None


def read_tracks(
    path: str | Path,
    options: ReadOptions | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ReadResult:
    """Read any supported track file into the canonical table and its report."""
    path = Path(path)
    options = options or ReadOptions()
    module, func = READERS[_checked_format(path)]
    reader = getattr(import_module(module), func)
    result = _guarded(path, lambda: reader(path, options, progress, cancel))
    if not isinstance(result, ReadResult):
        result = ReadResult(*result)
    return _split(result, options)


def _split(result: ReadResult, options: ReadOptions) -> ReadResult:
    """The tracks cut into flights when the options ask (`ReadOptions.split_flights`)."""
    if options.split_flights is None or len(result.frame) == 0:
        return result
    from viewer.io.flights import split_flights

    frame = split_flights(result.frame, options.split_flights, result.report)
    return ReadResult(frame, result.report, result.static_paths)


def load_trackset(
    path: str | Path,
    projection: Projection | None = None,
    options: ReadOptions | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> tuple[TrackSet, ImportReport]:
    """Read a file and freeze it into a `TrackSet` projected into ``projection``.

    A clean CSV is frozen straight from pyarrow's columns (`viewer.io.csv_trackset`); every
    other file, and a CSV with anything to repair, through the canonical table."""
    path = Path(path)
    options = options or ReadOptions()
    projection = projection or Projection.default()
    if _checked_format(path) == "csv":
        trackset, report = _load_csv(path, options, projection, progress, cancel)
    else:
        trackset, report = _freeze(path, read_tracks(path, options, progress, cancel), projection)
    if is_traced_file(path):  # drawn paths, not samples: no gaps between their vertices
        trackset = replace(trackset, traced=True)
        report.notice("tracks traced by hand (illustrative): their fixes are path vertices")
    return trackset, report


def _load_csv(
    path: Path,
    options: ReadOptions,
    projection: Projection,
    progress: Progress | None,
    cancel: Cancel | None,
) -> tuple[TrackSet, ImportReport]:
    from viewer.io.csv_reader import canonical_table, parse_csv
    from viewer.io.csv_trackset import clean_trackset

    parsed = _guarded(path, lambda: parse_csv(path, options, progress, cancel))
    trackset = _guarded(path, lambda: clean_trackset(parsed, options, projection, path.name))
    if trackset is None:  # something to skip, sort or convert: the canonical table's way
        frame, report = _guarded(path, lambda: canonical_table(parsed, options, progress))
        return _freeze(path, _split(ReadResult(frame, report), options), projection)
    if progress is not None:
        progress(1.0)
    return trackset, parsed.report


def _freeze(
    path: Path, result: ReadResult, projection: Projection
) -> tuple[TrackSet, ImportReport]:
    if len(result.frame) == 0 and not result.static_paths:
        reasons = result.report.skipped[:3]
        detail = "; ".join(f"line {r.line}: {r.reason}" if r.line else r.reason for r in reasons)
        raise TrackImportError(
            path, "no usable fixes in the file" + (f" ({detail})" if detail else "")
        )
    return TrackSet.from_frame(result.frame, projection, name=path.name), result.report


def _checked_format(path: Path) -> str:
    if not path.exists():
        raise TrackImportError(path, "no such file")
    if path.is_file() and path.stat().st_size == 0:
        raise TrackImportError(path, "the file is empty (0 bytes)")
    return detect_format(path)


def _guarded(path: Path, step: Callable[[], Any]) -> Any:
    """A reader's step, its out-of-memory error said as an import error."""
    try:
        return step()
    except MemoryError:
        raise TrackImportError(path, "the file is too large for the memory available") from None
