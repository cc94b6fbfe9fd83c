"""The density layer in the window: while the window of the archive chosen holds more fixes than
the replay budget, the engine counts fixes per screen cell (`viewer.core.density.view_grid`)
for what the map shows; asked again once the view has been still for `DEBOUNCE_MS` (a newer
question cancels an older one in the engine), worked out into a raster off the UI thread and
drawn by `viewer.render.density_painter.DensityPainter` under the zone lines, with its legend."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from viewer.core.archive_state import OVER_BUDGET, ArchiveState, window_words
from viewer.core.density import class_bounds, class_raster, view_grid
from viewer.io.archive import Grid, Window
from viewer.qt.i18n import translate
from viewer.render.density_painter import DensityLegend, DensityPainter

DEBOUNCE_MS = 300
DENSITY = "density"  # the kind of question (one at a time: the newest wins)


class ArchiveDensity(QObject):
    """The density part of `viewer.qt.archive_controller.ArchiveController`: ``ask`` puts a
    question to the archive's worker (``ask(kind, fn)``)."""

    def __init__(self, window, state: ArchiveState, ask) -> None:
        super().__init__(window)
        self.window = window
        self.state = state
        self.ask = ask
        self.painter = DensityPainter()
        self.legend = DensityLegend(self.painter)
        window.scene.density = self.painter
        window.scene.overlays.append(self.legend)
        self._asked: tuple | None = None  # what the shown (or coming) counts are for
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        window.canvas.view_changed.connect(self._on_view_changed)
        window.session.state.events.connect("projection", self._on_view_changed)

    @property
    def wanted(self) -> bool:
        return self.state.is_open and self.state.window_state == OVER_BUDGET

    def _on_view_changed(self, *_: object) -> None:
        if self.wanted:
            self._timer.start()

    def refresh(self) -> None:
        """Ask the engine for the counts per cell of the view now shown (unless they are what is
        shown or coming already)."""
        if not self.wanted or self.state.chosen is None:
            return
        canvas = self.window.canvas
        view, projection = canvas.view, self.window.session.state.projection
        grid = view_grid(view, projection)
        if grid is None:
            return
        bbox, nx, ny = grid
        key = (grid, self.state.chosen, projection.definition)
        if key == self._asked:
            return
        self._asked = key
        start, end = self.state.chosen
        box = self.state.ref.bbox if self.state.ref is not None else None
        window = Window(start, end, box)
        caption = translate("Density", "{window}: {fixes} fixes (the replay budget is {budget})")
        caption = caption.format(
            window=window_words(start, end),
            fixes=self._fixes_words(),
            budget=f"{self.window.archives.budget:,}",
        )

        def work(archive, cancel, progress):
            density = archive.density(Grid(bbox, nx, ny), window, cancel=cancel)
            bounds = class_bounds(int(density.counts.max()) if density.counts.size else 1)
            classes = class_raster(density.counts, bbox, bounds, projection, view)
            return density, bounds, classes, view, projection.definition, caption

        self.ask(DENSITY, work)

    def _fixes_words(self) -> str:
        n = self.state.window_fixes
        if n is None:
            return "?"
        bounds = self.state.fixes_bounds(*self.state.chosen) if self.state.chosen else None
        exact = bounds is None or bounds[0] == n
        return f"{n:,}" if exact else translate("Density", "at least {n}").format(n=f"{n:,}")

    def show(self, result) -> None:
        """The counts arrived: draw them."""
        density, bounds, classes, view, projection, caption = result
        if not self.wanted:
            return
        self.state.set_density(density)
        self.painter.set_raster(classes, bounds, view, projection, caption)
        self.window.canvas.invalidate()

    def forget(self, asked: bool = True) -> None:
        """The counts asked for did not come (cancelled or failed): ask again next time."""
        if asked:
            self._asked = None

    def hide(self) -> None:
        """The window's fixes are replayed (or the archive closed): no heat grid."""
        self._timer.stop()
        self._asked = None
        if self.painter.shown:
            self.painter.clear()
            self.window.canvas.invalidate()
        if self.state.density is not None:
            self.state.set_density(None)


__all__ = ["ArchiveDensity"]
