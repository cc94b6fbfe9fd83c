"""What the window parts share: the app's identity (for QSettings), file filters, the default
briefing, and a helper for list settings."""

from __future__ import annotations

from viewer.core import package_data

APP_NAME = "ADIZ Viewer"

ORG_NAME = "adiz-viewer"

# View > Place names, when the user chose one (else the interface language's usage); a new key:
# the older "map/naming" kept whatever the last briefing showed, not a choice
PLACE_NAMES_KEY = "map/place_names"

TRACK_PATTERNS = (
    "*.csv *.tsv *.txt *.geojson *.json *.gpx *.kml *.kmz *.gpkg *.shp *.fgb "
    "*.parquet *.nmea *.ais *.xml *.cot *.acmi *.jsonl"
)
# The English file-dialog filters; the dialogs show them translated (the patterns stay).
TRACK_FILTER = f"Track files ({TRACK_PATTERNS});;All files (*)"


MAX_RECENT = 10

DEFAULT_BRIEFING = package_data.resource("sample", "default.briefing.json")

VECTOR_PATTERNS = "*.geojson *.json *.gpkg *.shp *.kml *.fgb"
VECTOR_FILTER = f"Vector layers ({VECTOR_PATTERNS});;All files (*)"


def as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]  # type: ignore[attr-defined]
