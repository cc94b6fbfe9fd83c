"""How the map looks: the normal theme, and a high-contrast one for projectors in bright rooms.

High contrast keeps every layer's and track's colour (the colour-blind-safe palettes a class
already knows) but draws the map on white with black coastlines, cases zone edges and trails in
black so that even the light colours (orange, sky blue) stand out against white, thickens lines,
and sets every label larger, bold and black on a wide white halo (21:1 on white, at least 7:1 on
the grey land). Painters read the theme from their `PaintContext`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor


@dataclass(frozen=True)
class Theme:
    name: str
    sea: str
    land: str
    coast: str
    coast_width: float  # 0 = cosmetic 1 px
    graticule: str  # #AARRGGBB
    graticule_text: str
    text: str  # labels, scale bar, north arrow, legend text
    halo: str  # #AARRGGBB around map labels
    halo_width: float
    bold: bool  # labels in bold
    scale: float  # multiplies the font scale: type, icons and offsets grow together
    edge_width: float  # multiplies zone-edge widths
    casing: str  # #RRGGBB drawn under zone edges and trails, "" for none
    trail_width: float  # 0 = cosmetic 1 px: the fast path
    head_outline: str
    panel: str  # #AARRGGBB behind the legend, clock, title and track labels
    panel_border: str  # #AARRGGBB, "" for none

    @property
    def high_contrast(self) -> bool:
        return self is HIGH_CONTRAST

    def color(self, name: str) -> QColor:
        return QColor(getattr(self, name))


NORMAL = Theme(
    name="normal",
    sea="#dfe9f2",
    land="#f4f1e8",
    coast="#8c8577",
    coast_width=0.0,
    graticule="#465a6e82",  # rgba(90, 110, 130, 70)
    graticule_text="#3c5064",
    text="#222222",
    halo="#dcffffff",
    halo_width=3.0,
    bold=False,
    scale=1.0,
    edge_width=1.0,
    casing="",
    trail_width=0.0,
    head_outline="#ffffff",
    panel="#d7ffffff",
    panel_border="#3c000000",
)

HIGH_CONTRAST = Theme(
    name="high_contrast",
    sea="#ffffff",
    land="#e0e0e0",
    coast="#000000",
    coast_width=1.3,
    graticule="#8c000000",
    graticule_text="#000000",
    text="#000000",
    halo="#ffffffff",
    halo_width=5.0,
    bold=True,
    scale=1.25,
    edge_width=1.8,
    casing="#000000",
    trail_width=3.0,
    head_outline="#000000",
    panel="#ffffffff",
    panel_border="#ff000000",
)

THEMES = {t.name: t for t in (NORMAL, HIGH_CONTRAST)}
