"""File > Export map as PNG: the map as shown, at any size and resolution, type scaled to read on
a slide, legend, scale bar and sources (and, when asked, title and clock) burned in."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QImage

from viewer.core.view import MapView
from viewer.render.map_scene import MapScene

SLIDE_WIDTH_PX = 1600.0  # type is scaled up for pictures wider than this
INCH_M = 0.0254


def map_picture(
    scene: MapScene,
    view: MapView,
    size: tuple[int, int] | None = None,
    dpi: int = 150,
    title_clock: bool = True,
) -> tuple[QImage, MapView]:
    """``scene`` rendered over ``view``'s ground extent at ``size`` pixels (the view's width fitted;
    None: the view's size), recorded as ``dpi``; with the title and clock when ``title_clock``.
    Returns the picture and the view it shows."""
    if size is not None:
        width, height = size
        # the same ground extent, more pixels: fit the current view's width
        view = replace(view, scale=view.scale * view.width / width).resized(width, height)
    title = scene.title_clock
    shown = (title.clock_visible, title.title_visible) if title is not None else None
    font_scale = scene.font_scale
    scene.font_scale = max(1.0, view.width / SLIDE_WIDTH_PX)  # type that reads on a slide
    if title is not None:
        title.clock_visible = title.title_visible = title_clock
    try:
        image = scene.render_image(view)
    finally:
        scene.font_scale = font_scale
        if title is not None and shown is not None:
            title.clock_visible, title.title_visible = shown
    image.setDotsPerMeterX(round(dpi / INCH_M))
    image.setDotsPerMeterY(round(dpi / INCH_M))
    return image, view
