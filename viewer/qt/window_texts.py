"""What the window says in words: the interface's titles for the core's names (place-name
usages, projections, coastline resolutions, feature roles, confidence), the degrees-minutes
read-out, Help > Keyboard shortcuts and Help > About."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from viewer import __version__
from viewer.core.basemap import ATTRIBUTION
from viewer.core.catalog import Catalog
from viewer.core.constants import NAMING_ALL, NAMING_EN, NAMING_JA, NAMING_ZH_CN, NAMING_ZH_TW
from viewer.core.projection import PRESETS, Projection
from viewer.qt.app_settings import APP_NAME
from viewer.qt.i18n import translate

NAMING_TITLES = {
    NAMING_EN: QT_TRANSLATE_NOOP("MainWindow", "English"),
    NAMING_JA: QT_TRANSLATE_NOOP("MainWindow", "Japanese usage (日本)"),
    NAMING_ZH_CN: QT_TRANSLATE_NOOP("MainWindow", "PRC usage (中国大陆)"),
    NAMING_ZH_TW: QT_TRANSLATE_NOOP("MainWindow", "ROC usage (臺灣)"),
    NAMING_ALL: QT_TRANSLATE_NOOP("MainWindow", "All usages"),
}
# The core's words for projections, coastline resolutions, feature roles and confidence, and
# the track colourings, as the interface shows them (translated where they are shown).
PROJECTION_TITLES = {
    "lcc": QT_TRANSLATE_NOOP("MainWindow", "Lambert conformal conic (Taiwan region)"),
    "webmercator": QT_TRANSLATE_NOOP("MainWindow", "Web Mercator (EPSG:3857)"),
    "equirectangular": QT_TRANSLATE_NOOP("MainWindow", "Equirectangular"),
}
RESOLUTION_TITLES = {
    "c": QT_TRANSLATE_NOOP("MainWindow", "crude"),
    "l": QT_TRANSLATE_NOOP("MainWindow", "low"),
    "i": QT_TRANSLATE_NOOP("MainWindow", "intermediate"),
    "h": QT_TRANSLATE_NOOP("MainWindow", "high"),
    "f": QT_TRANSLATE_NOOP("MainWindow", "full"),
}
ROLE_TITLES = {
    "area": QT_TRANSLATE_NOOP("MainWindow", "area"),
    "edge": QT_TRANSLATE_NOOP("MainWindow", "edge"),
    "point": QT_TRANSLATE_NOOP("MainWindow", "point"),
}
CONFIDENCE_TITLES = {
    "O": QT_TRANSLATE_NOOP("MainWindow", "official"),
    "S": QT_TRANSLATE_NOOP("MainWindow", "secondary"),
    "U": QT_TRANSLATE_NOOP("MainWindow", "approximate"),
}
COLOUR_BY_TITLES = {
    "kind": QT_TRANSLATE_NOOP("MainWindow", "Kind"),
    "track": QT_TRANSLATE_NOOP("MainWindow", "Track"),
    "side": QT_TRANSLATE_NOOP("MainWindow", "Side"),
}


def shown(table: dict[str, str], key: str, default: str | None = None) -> str:
    """The translated title of ``key`` in ``table``; else ``default`` (else the key) as is."""
    if key in table:
        return translate("MainWindow", table[key])
    return default if default is not None else key


def projection_title(projection: Projection) -> str:
    """A preset's translated title; any other CRS by its own (PROJ) name."""
    for key, (_, definition) in PRESETS.items():
        if definition == projection.definition:
            return shown(PROJECTION_TITLES, key, projection.title)
    return projection.title


def format_dm(value: float, pos: str, neg: str) -> str:
    """Degrees and decimal minutes, e.g. 25°44.60′N."""
    hemi = pos if value >= 0 else neg
    v = abs(value)
    d = int(v)
    m = (v - d) * 60.0
    if m >= 59.995:
        d, m = d + 1, 0.0
    return f"{d}°{m:05.2f}′{hemi}"


def shortcuts_text() -> str:
    """Help > Keyboard shortcuts, in the interface language."""
    return translate(
        "MainWindow",
        """Map
  Drag; arrow keys (Shift+arrows during a replay): pan    Wheel, + / -: zoom at the cursor
  Ctrl+0: home view      Ctrl+Shift+L: zoom to the selected layer
  Click a zone, line or place: its source, date and confidence
Replay
  Space: play / pause    Left / Right: step    Home / End: start / end
  I / O: in / out point  L: loop               [ / ]: slower / faster
  F: follow the selected track    click a track: its details
Briefing
  PageDown / PageUp (and Right / Left while presenting): next / previous scene
  Ctrl+1..9: go to a scene        Ctrl+M: add a scene from the current view
  F5: presentation mode (Esc leaves)
Tools
  M: measure range and bearing    Shift+T / A / C / P: annotate (text, arrow, circle, polygon)
  Ctrl+Z / Ctrl+Shift+Z: undo / redo scene and annotation edits
Files
  Ctrl+O: open tracks    Ctrl+Shift+O: open a briefing    Ctrl+S: save the briefing
  Ctrl+L: add a layer file        Ctrl+E: export PNG      Ctrl+Shift+E: export video
""",
    )


def about_text(catalog: Catalog) -> str:
    lines = [
        f"<b>{APP_NAME} {__version__}</b>",
        "<p>"
        + translate(
            "MainWindow",
            "Reference layers are drawn from published coordinates where they exist; the "
            "rest is dashed and marked approximate, and partial layers say so.",
        )
        + "</p><p><b>"
        + translate("MainWindow", "Data sources")
        + "</b></p><ul>",
    ]
    lines += [f"<li>{s.citation()}</li>" for s in catalog.sources.values()]
    lines.append("</ul><p><b>" + translate("MainWindow", "Not drawn") + "</b></p><ul>")
    lines += [f"<li>{n['title']}: {n['why']}</li>" for n in catalog.not_drawn]
    lines.append(f"</ul><p>{ATTRIBUTION}.</p>")
    libraries = (
        "Qt for Python (PySide6, LGPL-3.0), NumPy, pandas, GeoPandas, "
        "Shapely, pyproj/PROJ, pyogrio/GDAL, gpxpy, pyais, defusedxml, imageio-ffmpeg"
    )
    lines.append(
        "<p>" + translate("MainWindow", "Libraries: {names}.").format(names=libraries) + "</p>"
    )
    return "\n".join(lines)
