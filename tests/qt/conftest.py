"""Qt fixtures: a map state on the real catalog, the scene, the main window (offscreen)."""

import pytest

from viewer.core.catalog import load_catalog
from viewer.core.map_state import MapState
from viewer.core.session import Session


@pytest.fixture
def state():
    return MapState(load_catalog())


@pytest.fixture
def window(qtbot, state, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))  # QSettings never touch the user's
    from viewer.qt.main_window import MainWindow, make_application

    make_application()
    w = MainWindow(Session(state))
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    return w
