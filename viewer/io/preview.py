"""The first rows of a track file as they will be read (units converted, times in UTC), for
the import dialog: a wrong column or unit is seen before the file is loaded.

    preview = preview_rows("sorties.csv", ReadOptions(altitude_unit="ft"), rows=8)
    preview.schema, preview.frame, preview.error
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.io.registry import ReadOptions, detect_format, read_tracks
from viewer.io.report import TrackImportError

if TYPE_CHECKING:
    import pandas as pd

HEAD_BYTES = 256 << 10  # a CSV's preview reads at most this much of the file


@dataclass(frozen=True)
class Preview:
    schema: str  # the source recognised ("" when the columns were matched one by one)
    frame: pd.DataFrame | None  # the canonical table's first rows (None when unreadable)
    error: str = ""  # why the rows cannot be shown with these options


def preview_rows(path: str | Path, options: ReadOptions | None = None, rows: int = 8) -> Preview:
    """The first ``rows`` fixes read with ``options`` (never asking: units as given or guessed).
    A CSV is previewed from its first lines only; other formats are read whole."""
    path = Path(path)
    options = replace(options or ReadOptions(), confirm_units=False, time_range=None)
    try:
        if detect_format(path) == "csv":
            with tempfile.TemporaryDirectory() as tmp:
                head = Path(tmp) / path.name
                head.write_bytes(_head_lines(path, rows))
                result = read_tracks(head, options)
        else:
            result = read_tracks(path, options)
    except TrackImportError as exc:
        return Preview("", None, exc.reason)
    return Preview(result.report.schema, result.frame.head(rows))


def _head_lines(path: Path, rows: int) -> bytes:
    """The header and the first data lines (a few more than shown: some may be skipped)."""
    with path.open("rb") as fh:
        data = fh.read(HEAD_BYTES)
    lines = data.splitlines(keepends=True)
    if len(data) == HEAD_BYTES and lines:
        lines = lines[:-1]  # the last one may be cut
    kept = [ln for ln in lines if ln.strip()][: 1 + 4 * rows]
    return b"".join(kept)
