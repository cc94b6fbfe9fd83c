"""Panning smoothness: frame times while dragging the map, and the re-render once it settles.

    .venv/bin/python benchmarks/bench_pan.py

Offscreen MapCanvas at 1920x1080 with every bundled layer. While the user drags, each frame
moves the cached picture of the static layers (a blit); once the view is still for 120 ms the
layers are painted again at the new view. Goal (issue 3): drag frames within 16.7 ms (60 fps).
Baseline in the same run: the full static repaint a naive canvas would do on every drag frame.
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from viewer.core.catalog import load_catalog
    from viewer.core.map_state import MapState
    from viewer.qt.main_window import make_application
    from viewer.qt.map_canvas import MapCanvas
    from viewer.render.map_scene import MapScene

    app = make_application()
    canvas = MapCanvas(MapScene(MapState(load_catalog())))
    canvas.resize(1920, 1080)
    canvas.show()
    app.processEvents()
    canvas.home()
    canvas.repaint()  # warm caches (tiles, projected layers)

    def timed(fn, n):
        out = []
        for _ in range(n):
            t = time.perf_counter()
            fn()
            out.append((time.perf_counter() - t) * 1000)
        return out

    def drag_frame():
        canvas.set_view(canvas.view.panned(7, 3))
        canvas.repaint()

    def full_frame():
        canvas.set_view(canvas.view.panned(7, 3), settle=False)
        canvas.invalidate()
        canvas.repaint()

    drag = timed(drag_frame, 120)
    canvas._settle.stop()
    full = timed(full_frame, 30)
    rows = [("drag frame (blit of cached layers)", drag), ("full repaint of every layer", full)]
    for zoom in (1, 8, 40):
        canvas.home()
        canvas.set_view(canvas.view.zoomed(zoom), settle=False)
        canvas.invalidate()
        canvas.repaint()
        res = canvas.scene.basemap_painter.last_resolution
        rows.append((f"settled repaint, zoom x{zoom} (GSHHG {res})", timed(full_frame, 10)))
    print(f"{'1920x1080, all bundled layers':42s} {'median ms':>10s} {'p95 ms':>8s}")
    for name, values in rows:
        p95 = sorted(values)[int(0.95 * (len(values) - 1))]
        print(f"{name:42s} {statistics.median(values):10.1f} {p95:8.1f}")
    med = statistics.median(drag)
    verdict = "met" if med < 16.7 else "NOT met"
    print(f"drag frames: {1000 / med:.0f} fps median; goal 60 fps: {verdict}")
    print(f"ratio full repaint / drag frame: {statistics.median(full) / med:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
