"""Presenting with two screens (#19): the map full screen on the projector, the presenter view on
the laptop's screen, Swap screens exchanging them, and the window back where it was afterwards.

Qt's offscreen platform takes a list of screens from a configuration file, but only when the
application starts, so the window runs in a child process on a laptop (1920x1080, primary) and
a projector (1280x720) to its right; the child prints where each window ended up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from viewer.qt.presenter_controller import choose_screens

SCREENS = {
    "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96},
        {"name": "projector", "x": 1920, "y": 0, "width": 1280, "height": 720, "logicalDpi": 96},
    ]
}

CHILD = r"""
import json, sys
from PySide6.QtWidgets import QApplication
from viewer.core.catalog import load_catalog
from viewer.core.map_state import MapState
from viewer.core.session import Session
from viewer.qt.main_window import MainWindow, make_application

app = make_application()
w = MainWindow(Session(MapState(load_catalog())))
w.show()
w.setGeometry(100, 120, 1200, 800)
app.processEvents()

def where():
    app.processEvents()
    v = w.presenter.view
    return {
        "map": [w.screen().name(), w.geometry().getRect(), w.isFullScreen()],
        "view": [v.isVisible(), v.screen().name(), v.geometry().getRect()],
        "swap": [w.presenter.swap_act.isEnabled(), v.swap_button.isVisibleTo(v)],
    }

out = {"start": where()}
w.briefings.set_presentation(True)
out["presenting"] = where()
w.presenter.swap_screens()
out["swapped"] = where()
w.briefings.set_presentation(False)
out["after"] = where()
print(json.dumps(out))
"""


def _inside(rect, screen) -> bool:
    x, y, width, height = rect
    return (
        screen["x"] <= x + width / 2 < screen["x"] + screen["width"]
        and screen["y"] <= y + height / 2 < screen["y"] + screen["height"]
    )


def test_the_map_goes_to_the_projector_and_the_notes_to_the_laptop(tmp_path):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS))
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    run = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr[-3000:]
    warnings = [
        line
        for line in run.stderr.splitlines()
        if line.strip() and not line.startswith("This plugin does not support")
    ]
    assert not warnings, warnings  # the offscreen platform's own "not supported" notes only
    out = json.loads(run.stdout.strip().splitlines()[-1])
    laptop, projector = SCREENS["screens"]
    assert choose_screens(2, 0) == (1, 0)

    assert out["start"]["map"] == ["laptop", [100, 120, 1200, 800], False]
    assert out["start"]["view"][0] is False
    assert out["start"]["swap"] == [True, True]  # two screens: swapping is offered

    name, rect, full = out["presenting"]["map"]
    assert (name, full) == ("projector", True) and _inside(rect, projector)
    assert rect[2:] == [1280, 720]  # the whole projector
    shown, name, rect = out["presenting"]["view"]
    assert shown and name == "laptop" and _inside(rect, laptop)

    name, rect, full = out["swapped"]["map"]
    assert (name, full) == ("laptop", True) and _inside(rect, laptop)
    shown, name, rect = out["swapped"]["view"]
    assert shown and name == "projector" and _inside(rect, projector)

    assert out["after"]["map"] == ["laptop", [100, 120, 1200, 800], False]
    assert out["after"]["view"][0] is False  # the second screen's view goes with presenting
