"""Regression: PySide6 6.12.0 on CPython 3.11 drops a reference to None in void methods.

After a few thousand calls to e.g. ``QPainter.setPen`` the interpreter aborts (``none_dealloc``).
pyproject.toml excludes that release; this test calls such methods 100,000 times in a child
process, so an abort shows as a failure instead of killing the test run.
"""

import subprocess
import sys

CODE = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPen, QPolygonF, QColor
from PySide6.QtCore import QPointF
app = QGuiApplication([])
img = QImage(64, 64, QImage.Format_ARGB32)
p = QPainter(img)
pen = QPen(QColor("red"), 0)
poly = QPolygonF([QPointF(0, 0), QPointF(10, 10), QPointF(20, 5)])
before = sys.getrefcount(None)
for _ in range(100_000):
    p.setPen(pen)
    p.drawPolyline(poly)
p.end()
print("ok", before, sys.getrefcount(None))
"""


def test_void_methods_called_100000_times_do_not_abort():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, f"child died ({out.returncode}): {out.stderr[-2000:]}"
    assert out.stdout.startswith("ok")
