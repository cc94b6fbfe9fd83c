"""How a track file saved from traced tracks (`viewer.io.traced_files`) is told apart from any
other: the ``source`` column of a CSV reads "traced ...", a GeoJSON collection carries the
``adiz_viewer`` member. The readers' registry asks (`is_traced_file`) to replay such tracks
without gaps; it needs nothing else from the traced files' module (no import loop)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Final

from viewer.core.constants import SOURCE

GEOJSON_MEMBER: Final = "adiz_viewer"
FORMAT: Final = "adiz-viewer-traced"


def is_traced_file(path: str | Path) -> bool:
    """Whether ``path`` was saved by `save_traced` (its fixes are the vertices of drawn paths:
    the replay shows no gaps on them). Reads the header and first row of a CSV; the collection
    member of a GeoJSON under 64 MB."""
    path = Path(path)
    try:
        if path.suffix.lower() == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as fh:
                rows = csv.reader(fh)
                header = next(rows, [])
                first = next(rows, [])
            if SOURCE not in header or len(first) != len(header):
                return False
            return first[header.index(SOURCE)].startswith("traced ")
        if path.suffix.lower() in (".geojson", ".json") and path.stat().st_size < 64 << 20:
            doc = json.loads(path.read_text(encoding="utf-8-sig"))
            member = doc.get(GEOJSON_MEMBER) if isinstance(doc, dict) else None
            return isinstance(member, dict) and member.get("format") == FORMAT
    except (OSError, ValueError, UnicodeDecodeError, csv.Error):
        return False
    return False
