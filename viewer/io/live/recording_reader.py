"""A live feed's recording read back as one track file: the folder `viewer.io.live.recorder`
writes for a feed (``feed.json`` and a ``YYYY-MM-DDTHHZ.fixes.csv`` an hour), its hours read in
order through the CSV reader and joined, so a track that flew across an hour is one track, as it
was live. Any feed's recording reads this way (Beast and JSON feeds too, whose raw files are not
track files); the raw ``.sbs``/``.nmea``/``.cot`` files also open on their own.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from viewer.core.constants import TIME, TRACK_ID
from viewer.io.report import ImportCancelled, ImportReport, TrackImportError

# Deferred on purpose: pandas, viewer.io.csv_reader (read when a recording is opened).

MANIFEST = "feed.json"
FIXES_SUFFIX = ".fixes.csv"


def is_recording(path: Path) -> bool:
    """A folder a feed was recorded in."""
    return path.is_dir() and (path / MANIFEST).is_file()


def recording_files(path: Path) -> list[Path]:
    """The recording's hourly files of decoded fixes, oldest first."""
    return sorted(p for p in path.glob(f"*{FIXES_SUFFIX}") if p.is_file())


def read_recording(
    path: Path,
    options,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
):
    """-> (canonical frame, report) of every hour of the recording in ``path``."""
    import pandas as pd

    from viewer.io.csv_reader import read_csv

    files = recording_files(path)
    if not files:
        raise TrackImportError(path, f"a recording folder with no *{FIXES_SUFFIX} file in it")
    report = ImportReport(str(path), format=f"live recording ({len(files)} hourly files)")
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
        report.notice(
            f"recorded from {manifest.get('url', '?')} ({manifest.get('protocol', '?')}), "
            f"started {manifest.get('started', '?')}"
        )
    except (OSError, ValueError, AttributeError):
        report.warn(f"{MANIFEST} could not be read: the feed it came from is not known")
    frames = []
    for k, file in enumerate(files):
        if cancel is not None and cancel():
            raise ImportCancelled(str(path))
        if file.stat().st_size == 0:
            continue

        def part(f: float, k: int = k) -> None:
            if progress is not None:
                progress((k + f) / len(files))

        frame, sub = read_csv(file, options, part, cancel)
        frames.append(frame)
        report.rows_read += sub.rows_read
        report.column_map = report.column_map or dict(sub.column_map)
        report.units = report.units or dict(sub.units)
        report.schema = report.schema or sub.schema
        for row in sub.skipped:
            report.skip(row.line, f"{file.name}: {row.reason}")
        report.skipped_total += sub.skipped_total - len(sub.skipped)
        for text in sub.warnings:
            report.warn(f"{file.name}: {text}")
    frames = [f for f in frames if len(f)]
    if not frames:
        raise TrackImportError(path, "the recording holds no fixes")
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    report.fixes = len(frame)
    report.tracks = int(frame[TRACK_ID].nunique())
    report.time_start = frame[TIME].min().to_pydatetime()
    report.time_end = frame[TIME].max().to_pydatetime()
    return frame, report
