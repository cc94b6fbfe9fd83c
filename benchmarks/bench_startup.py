"""Start-up time to first paint of the map: process start -> the canvas has painted its layers.

    .venv/bin/python benchmarks/bench_startup.py [--runs 6]

Runs the real start-up path (imports, catalog with its geodesic zones, main window, first
paint of land + reference layers) in fresh processes, offscreen at 1400x900. The first run is
reported as "cold" (file caches may be empty), the median of the rest as "warm".
Goal (issue 3): warm under 1.5 s. Baseline in the same script: a bare `python -c pass` and a bare
PySide6 window, so the ratio shows what the app adds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

CHILD_APP = r"""
import time
t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from viewer.core.catalog import load_catalog
from viewer.core.map_state import MapState
from viewer.core.session import Session
from viewer.qt.main_window import MainWindow, make_application

app = make_application()
window = MainWindow(Session(MapState(load_catalog())))
window.resize(1400, 900)

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint:
            QTimer.singleShot(0, done)
        return False

def done():
    print(f"{time.perf_counter() - t0:.4f}", flush=True)
    app.quit()

probe = FirstPaint()
window.canvas.installEventFilter(probe)
window.show()
app.exec()
"""

CHILD_BARE_QT = r"""
import time
t0 = time.perf_counter()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1400, 900); w.show()
QTimer.singleShot(0, lambda: (print(f"{time.perf_counter() - t0:.4f}", flush=True), app.quit()))
app.exec()
"""


def run_child(code: str) -> float:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True)  # fmt: skip
    wall = time.perf_counter() - start
    inner = float(out.stdout.strip().splitlines()[-1])
    return wall, inner


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=6)
    args = parser.parse_args()
    interp = statistics.median(run_child("print(0)")[0] for _ in range(3))
    bare = [run_child(CHILD_BARE_QT) for _ in range(3)]
    app = [run_child(CHILD_APP) for _ in range(args.runs)]
    cold = app[0][0]
    warm_wall = statistics.median(w for w, _ in app[1:])
    warm_inner = statistics.median(i for _, i in app[1:])
    bare_wall = statistics.median(w for w, _ in bare)
    print(f"{'what':44s} {'seconds':>8s}")
    print(f"{'python interpreter start + exit':44s} {interp:8.3f}")
    print(f"{'bare PySide6 window, process wall':44s} {bare_wall:8.3f}")
    print(f"{'ADIZ Viewer first paint, cold, process wall':44s} {cold:8.3f}")
    print(f"{'ADIZ Viewer first paint, warm, process wall':44s} {warm_wall:8.3f}")
    print(f"{'  of which in-process (imports..paint)':44s} {warm_inner:8.3f}")
    print(f"{'ratio warm / bare PySide6 window':44s} {warm_wall / bare_wall:8.2f}")
    goal = 1.5
    print(f"goal: warm first paint < {goal} s: {'met' if warm_wall < goal else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
