"""Cost of the georeferenced picture underlay: the static layers (basemap, zones, names) repainted
with and without the traced example's picture, at several zooms, 1920x1080, in this process.

    .venv/bin/python benchmarks/bench_underlay.py

The static layers are repainted only when the view, the projection or a layer changes (a pan
blits the cached image), so this is the cost of a zoom step, not of a replay frame. The picture
is warped cell by cell; the grid is as coarse as keeps each cell within half a pixel of the map
projection, and the table shows the grid chosen.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def best_of(n, fn) -> float:
    best = float("inf")
    for _ in range(n):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    from viewer.cli.headless import open_session
    from viewer.render.map_scene import MapScene

    session = open_session([str(ROOT / "resources/sample/trace_example.briefing.json")])
    scene = MapScene.for_session(session)
    painter = scene.underlay
    base = session.map_view(1920, 1080)
    header = ("metres/pixel", "grid", "without (ms)", "with (ms)", "ratio")
    print("{:>12s} {:>6s} {:>13s} {:>10s} {:>6s}".format(*header))
    for mpp in (4000.0, 1150.0, 300.0, 60.0):
        view = replace(base, scale=mpp)

        def repaint(view=view) -> None:
            scene._static_cache = None
            scene.static_image(view)

        scene.set_underlay(None)
        without = best_of(5, repaint)
        scene.set_underlay(painter)
        with_picture = best_of(5, repaint)
        print(
            f"{mpp:12.0f} {painter.cells:>4d}²  {without * 1000:13.1f} {with_picture * 1000:10.1f} "
            f"{with_picture / without:6.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
