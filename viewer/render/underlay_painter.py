"""The picture underlay on the map (the panel's picture view is `viewer.qt.picture_view`).

`UnderlayPainter` draws a georeferenced picture under the reference layers, in any map
projection: the picture is cut into a grid of cells, each cell's corners go pixel → lon/lat
(the affine fit) → map CRS → screen, and each cell is drawn with the projective transform of its
four corners; the grid is as coarse as keeps every cell within half a screen pixel of the true
projection (8×8 for a regional picture on the region's map, finer when zoomed in).
Neighbouring cells share corners exactly, so there are no seams, and the picture
bends with the map (a plate-carrée picture on a Lambert map curves, as it should).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter, QPolygonF, QTransform

from viewer.core.georeference import AffineFit, Underlay, image_mesh
from viewer.render.context import PaintContext, Painter
from viewer.render.translate import translate

MESH_CELLS = (8, 16, 32, 64)  # grids tried, coarse to fine
MESH_TOLERANCE_PX = 0.5
MAX_PIXELS = 80_000_000  # a 9000×9000 picture; larger ones are refused with a message


class PictureError(ValueError):
    """A picture that cannot be used as an underlay (the message says why)."""


def load_picture(path: str | Path) -> QImage:
    """Read a PNG/JPEG (or any format Qt reads) with a clear error when it cannot."""
    path = Path(path)
    if not path.is_file():
        raise PictureError(translate("Underlay", "{path}: no such file").format(path=path))
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # JPEG orientation from EXIF
    size = reader.size()
    if size.isValid() and size.width() * size.height() > MAX_PIXELS:
        raise PictureError(
            translate(
                "Underlay", "{path}: the picture is {w}×{h} pixels; scale it below 80 megapixels"
            ).format(path=path, w=size.width(), h=size.height())
        )
    image = reader.read()
    if image.isNull():
        raise PictureError(
            translate("Underlay", "{path}: not a picture Qt can read ({reason})").format(
                path=path, reason=reader.errorString()
            )
        )
    return image.convertToFormat(QImage.Format_ARGB32_Premultiplied)


class UnderlayPainter(Painter):
    """Paints ``underlay`` (with its picture ``image``) where its control points place it."""

    def __init__(self, underlay: Underlay, image: QImage) -> None:
        self.image = image
        self.underlay = underlay
        self.fit: AffineFit | None = underlay.fit()

    def set_underlay(self, underlay: Underlay) -> None:
        self.underlay = underlay
        self.fit = underlay.fit()

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        if self.fit is None or not self.underlay.visible or self.underlay.opacity <= 0:
            return
        gx, gy, sx, sy = self.mesh(ctx)
        # Cells overlap by half a picture pixel (to leave no gaps), so they are drawn opaque into
        # a layer of their own, and the layer is drawn once with the underlay's opacity.
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        vw, vh = ctx.view.width, ctx.view.height
        layer = QImage(round(vw * dpr), round(vh * dpr), QImage.Format_ARGB32_Premultiplied)
        layer.setDevicePixelRatio(dpr)
        layer.fill(Qt.transparent)
        cells = QPainter(layer)
        try:
            self._paint_cells(cells, gx, gy, sx, sy, vw, vh)
        finally:
            cells.end()
        painter.save()
        painter.setOpacity(self.underlay.opacity)
        painter.drawImage(QPointF(0, 0), layer)
        painter.restore()

    def _screen(self, ctx: PaintContext, px: np.ndarray, py: np.ndarray):
        lon, lat = self.fit.pixel_to_lonlat(px, py)  # type: ignore[union-attr]
        x, y = ctx.projection.forward(np.ravel(lon), np.ravel(lat))
        sx, sy = ctx.view.to_screen(np.asarray(x), np.asarray(y))
        return np.asarray(sx).reshape(np.shape(px)), np.asarray(sy).reshape(np.shape(px))

    def mesh(self, ctx: PaintContext):
        """The coarsest grid (8, 16, 32 or 64 cells a side) whose cells, drawn as projective
        quads, put every cell centre within half a screen pixel of where the projection puts it.
        Returns picture ``gx, gy`` and screen ``sx, sy`` arrays of the grid's corners."""
        w, h = self.image.width(), self.image.height()
        for cells in MESH_CELLS:
            gx, gy, _, _ = image_mesh(self.fit, w, h, cells)  # type: ignore[arg-type]
            sx, sy = self._screen(ctx, gx, gy)
            cx, cy = self._screen(
                ctx, (gx[:-1, :-1] + gx[1:, 1:]) / 2, (gy[:-1, :-1] + gy[1:, 1:]) / 2
            )
            # a small quad's projective map sends the centre close to the corners' mean
            mx = (sx[:-1, :-1] + sx[1:, :-1] + sx[:-1, 1:] + sx[1:, 1:]) / 4
            my = (sy[:-1, :-1] + sy[1:, :-1] + sy[:-1, 1:] + sy[1:, 1:]) / 4
            with np.errstate(invalid="ignore"):
                err = np.nanmax(np.hypot(mx - cx, my - cy)) if np.isfinite(mx).any() else 0.0
            if err <= MESH_TOLERANCE_PX:
                break
        self.cells = cells
        return gx, gy, sx, sy

    def _paint_cells(self, painter, gx, gy, sx, sy, vw, vh) -> None:
        painter.setRenderHint(QPainter.SmoothPixmapTransform, True)
        painter.setRenderHint(QPainter.Antialiasing, False)
        rows, cols = gx.shape[0] - 1, gx.shape[1] - 1
        for i in range(rows):
            for j in range(cols):
                cx = sx[i : i + 2, j : j + 2]
                cy = sy[i : i + 2, j : j + 2]
                if not (np.isfinite(cx).all() and np.isfinite(cy).all()):
                    continue
                if cx.max() < 0 or cy.max() < 0 or cx.min() > vw or cy.min() > vh:
                    continue
                x0, x1 = gx[i, j], gx[i, j + 1]
                y0, y1 = gy[i, j], gy[i + 1, j]
                src = QPolygonF(
                    [QPointF(x0, y0), QPointF(x1, y0), QPointF(x1, y1), QPointF(x0, y1)]
                )
                dst = QPolygonF(
                    [
                        QPointF(cx[0, 0], cy[0, 0]),
                        QPointF(cx[0, 1], cy[0, 1]),
                        QPointF(cx[1, 1], cy[1, 1]),
                        QPointF(cx[1, 0], cy[1, 0]),
                    ]
                )
                transform = QTransform()
                if not QTransform.quadToQuad(src, dst, transform):
                    continue
                painter.setTransform(transform)
                # a half-pixel overlap hides the sub-pixel gaps a projective warp can leave
                source = QRectF(x0, y0, x1 - x0, y1 - y0)
                painter.drawImage(source.adjusted(-0.5, -0.5, 0.5, 0.5), self.image, source)


def underlay_painter_for(
    underlay: Underlay | None, picture: Path, pictures: dict[str, QImage] | None = None
) -> UnderlayPainter | None:
    """The painter of ``underlay`` with its ``picture`` (read once into ``pictures``, a cache
    by absolute path, when given); None without an underlay. Raises `PictureError`."""
    if underlay is None:
        return None
    key = str(picture)
    image = pictures.get(key) if pictures is not None else None
    if image is None:
        image = load_picture(picture)
        if pictures is not None:
            pictures[key] = image
    return UnderlayPainter(underlay, image)
