"""End to end (#19, #22): the map tools in the real window under Xvfb, driven with xdotool as a
teacher drives them, watched on the screen (never timed: each step waits for what it looks for).

- Presenting, Shift+A, drag an arrow, Cancel on its label dialog: nothing drawn; drag again,
  type a label, OK: the arrow is drawn; Esc ends the tool (its sign on the map goes), Esc leaves
  presentation mode (menu and toolbar back); a drag then pans the map and draws nothing more.
- T, click two vertices, Enter, OK in the track dialog, Esc: the toolbar is as before T (Trace
  unticked); a click on a track head selects it (Track details); a drag pans the map.
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from tests.e2e.test_app_under_xvfb import (  # noqa: F401 - xserver: the X server fixture
    _need,
    _screenshot,
    _until,
    eastbound_track,
    xserver,
)

pytestmark = pytest.mark.e2e

WIDTH, HEIGHT = 1280, 800
FIGHTER = (0xE3, 0x1A, 0x1C)  # the track head's colour (kind fighter)
ARROW = (0xC0, 0x39, 0x2B)  # the annotations' colour
MAP = (420, 50, WIDTH, 600)  # the map in the window's layout: right of the Layers panel (whose
# exercise-zone names are red too), above the timeline
PRESENTING = (0, 0, WIDTH, HEIGHT - 60)  # the map, full screen


def _rgb(image) -> np.ndarray:
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format_RGB888)
    buf = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    rows = buf.reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3).astype(int)


def _mask(a: np.ndarray, colour: tuple[int, int, int], tol: int = 18) -> np.ndarray:
    return (np.abs(a - np.array(colour)) <= tol).all(axis=2)


def _blob(a: np.ndarray, colour, box: tuple[int, int, int, int]) -> tuple[float, float] | None:
    """Centre of the ``colour`` pixels inside ``box`` (x0, y0, x1, y1); None if fewer than 6."""
    x0, y0, x1, y1 = (max(0, v) for v in box)
    ys, xs = np.nonzero(_mask(a[y0:y1, x0:x1], colour))
    return (x0 + xs.mean(), y0 + ys.mean()) if len(xs) >= 6 else None


class App:
    """The real app on a track file in the Xvfb of ``env``, and the means to drive it."""

    def __init__(self, env: dict[str, str], tmp_path, track) -> None:
        self.env, self.tmp = env, tmp_path
        self.xdotool = _need("xdotool")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "viewer", str(track)],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self._shots = iter(range(10_000))
        self.window = _until("no ADIZ Viewer window", lambda: self.visible("ADIZ Viewer"), 90)
        self.x("windowsize", self.window, str(WIDTH), str(HEIGHT))
        self.x("windowmove", self.window, "0", "0")

    def alive(self) -> None:
        if self.proc.poll() is not None:
            pytest.fail(f"the app exited: {self.proc.stdout.read().decode()[-3000:]}")

    def x(self, *args: str) -> str:
        out = subprocess.run(
            [self.xdotool, *args], env=self.env, capture_output=True, text=True, check=False
        )
        return out.stdout.strip()

    def visible(self, name: str) -> str:
        """The id of the mapped window named ``name`` (a regular expression), "" if none."""
        self.alive()
        found = self.x("search", "--onlyvisible", "--name", name).split()
        return found[0] if found else ""

    def focus(self) -> None:
        def focused() -> bool:
            self.x("windowfocus", "--sync", self.window)
            return self.x("getwindowfocus") == self.window

        _until("the window did not take the keyboard focus", focused, 30)

    def shot(self) -> np.ndarray:
        self.alive()
        return _rgb(_screenshot(self.env, self.tmp / f"shot{next(self._shots)}.png"))

    def key(self, *keys: str) -> None:
        self.x("key", *keys)

    def click(self, x: float, y: float) -> None:
        self.x("mousemove", "--sync", str(round(x)), str(round(y)), "click", "1")

    def drag(self, a: tuple[float, float], b: tuple[float, float]) -> None:
        """Press at ``a``, move to ``b`` in steps, release: as a hand drags."""
        self.x("mousemove", "--sync", str(round(a[0])), str(round(a[1])), "mousedown", "1")
        for k in range(1, 9):
            x = a[0] + (b[0] - a[0]) * k / 8
            y = a[1] + (b[1] - a[1]) * k / 8
            self.x("mousemove", "--sync", str(round(x)), str(round(y)))
        self.x("mouseup", "1")

    def dialog(self, name: str) -> str:
        """Wait for the dialog, then give it the keyboard (with no window manager in Xvfb a new
        window is not focused by anyone)."""
        found = _until(f"no {name!r} dialog", lambda: self.visible(f"^{name}$"), 30)

        def focused() -> bool:
            self.x("windowfocus", "--sync", found)
            return self.x("getwindowfocus") == found

        _until(f"the {name!r} dialog did not take the keyboard focus", focused, 30)
        return found

    def closed(self, name: str) -> None:
        """Wait until the dialog is gone, then give the window the keyboard back (with no
        window manager in Xvfb nobody else does)."""
        _until(f"the {name!r} dialog did not close", lambda: not self.visible(f"^{name}$"), 30)
        self.focus()

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=20)


@pytest.fixture
def app(xserver, tmp_path):  # noqa: F811 - the X server fixture, imported
    a = App(xserver, tmp_path, eastbound_track(tmp_path / "eastbound.csv"))
    try:
        yield a
    finally:
        a.stop()


def _head(app: App, box=MAP):
    """The screen and the track head's centre on it, once the file has loaded."""

    def found():
        s = app.shot()
        head = _blob(s, FIGHTER, box)
        return (s, head) if head is not None else None

    return _until("no track head on the map", found, 90)


def _home(app: App) -> np.ndarray:
    """Once the file has loaded, the map's home view (Ctrl+0): the map went to the track when
    it loaded, fitted to the window's size at that moment (before or after xdotool resized it:
    a race), so the head could sit on the map's edge. The settled screen."""
    _head(app, (MAP[0] - 20, *MAP[1:]))  # the file has loaded (the head may be at the edge)
    app.focus()
    _still(app)
    app.key("ctrl+0")
    start = _still(app)
    _head(app)
    return start


def _changed(app: App, before: np.ndarray, rows: slice, cols: slice = slice(None), what=""):
    """Wait until the screen in ``rows`` x ``cols`` differs from ``before``; the new screen."""

    def differs():
        s = app.shot()
        return (s,) if (s[rows, cols] != before[rows, cols]).any() else None

    return _until(f"the screen did not change: {what}", differs, 30)[0]


def _same(app: App, before: np.ndarray, rows: slice, cols: slice = slice(None), what=""):
    """Wait until the screen in ``rows`` x ``cols`` is as in ``before``; the new screen."""

    def equal():
        s = app.shot()
        return (s,) if (s[rows, cols] == before[rows, cols]).all() else None

    return _until(f"the screen did not come back: {what}", equal, 30)[0]


TOP = slice(0, 46)  # the menu bar and the Map tools toolbar (the docks' titles start below)


def _still(app: App) -> np.ndarray:
    """Wait until the window is in place and the screen stops changing (two shots alike: the
    replay is paused, nothing moves); that screen."""
    last = [app.shot()]

    def alike():
        s = app.shot()
        same = (s == last[0]).all() and (s[:20, :200] != 0).any()  # in place: not the root
        last[0] = s
        return (s,) if same else None

    return _until("the window did not settle", alike, 60)[0]


def test_presenting_an_arrow_escape_escape_cancel_adds_nothing(app):
    start = _home(app)
    app.key("F5")
    presenting = _changed(app, start, TOP, what="F5 did not hide the menu and the toolbar")
    _, (hx, hy) = _head(app, PRESENTING)  # the map moved up with the panels gone
    app.key("shift+a")
    bottom = slice(HEIGHT - 140, HEIGHT)
    middle = slice(WIDTH // 2 - 150, WIDTH // 2 + 150)
    signed = _changed(app, presenting, bottom, middle, what="no sign of the arrow tool")
    a, b = (hx + 80, hy - 200), (hx + 300, hy - 90)
    box = (int(a[0]) - 30, int(a[1]) - 40, int(b[0]) + 40, int(b[1]) + 40)

    def arrow_pixels(s: np.ndarray) -> int:
        x0, y0, x1, y1 = box
        return int(_mask(s[y0:y1, x0:x1], ARROW).sum())

    assert arrow_pixels(signed) < 10
    app.drag(a, b)
    app.dialog("Annotation")
    app.key("Escape")  # Cancel on the label dialog: the whole arrow is cancelled
    app.closed("Annotation")
    cancelled = app.shot()
    assert arrow_pixels(cancelled) < 10, "Cancel still added the arrow"
    app.drag(a, b)
    app.dialog("Annotation")
    app.x("type", "Route")
    app.key("Return")
    app.closed("Annotation")
    (drawn,) = _until(
        "the arrow was not drawn",
        lambda: (s := app.shot()) is not None and arrow_pixels(s) > 60 and (s,),
        30,
    )
    app.key("Escape")  # ends the tool: its sign goes, still presenting
    off = _same(app, presenting, bottom, middle, what="Esc did not end the arrow tool")
    assert (off[TOP] == drawn[TOP]).all(), "the first Esc left presentation mode"
    app.key("Escape")  # leaves presentation mode: menu and toolbar as at the start
    normal = _same(app, start, TOP, what="the second Esc did not leave presentation mode")
    normal, (hx2, hy2) = _head(app)
    count = int(_mask(normal, ARROW).sum())  # the arrow, in the window's type size
    assert count > 60
    moved_from = (hx2 + 200, hy2 - 150)
    app.drag(moved_from, (moved_from[0] + 120, moved_from[1] + 60))  # a drag pans
    (panned,) = _until(
        "the drag did not pan the map",
        lambda: (
            (s := app.shot()) is not None
            and (h := _blob(s, FIGHTER, MAP)) is not None
            and abs(h[0] - hx2 - 120) < 15
            and abs(h[1] - hy2 - 60) < 15
            and (s,)
        ),
        30,
    )
    after = int(_mask(panned, ARROW).sum())
    assert after < 1.4 * count, f"the drag drew another arrow ({count} -> {after} pixels)"
    assert after > 0.6 * count, "the arrow is gone"


def _shifted_match(before: np.ndarray, after: np.ndarray, box, dx: int, dy: int) -> float:
    """The share of the pixels of ``box`` (x0, y0, x1, y1) in ``before`` found again ``dx``,
    ``dy`` further in ``after``: near 1 when the map was panned by that much."""
    x0, y0, x1, y1 = box
    a = before[y0:y1, x0:x1]
    b = after[y0 + dy : y1 + dy, x0 + dx : x1 + dx]
    return float((np.abs(a - b).sum(axis=2) < 30).mean())


def test_trace_enter_ok_escape_then_a_click_selects_and_a_drag_pans(app):
    start = _home(app)
    app.key("t")
    tracing = _changed(app, start, TOP, what="T did not tick Trace in the toolbar")
    # the Traced tracks panel opened on the right: the map is x 410-790 or so
    for x, y in ((520, 200), (680, 250)):
        app.click(x, y)
    app.key("Return")
    app.dialog("Traced track")
    app.key("Return")  # OK
    app.closed("Traced track")
    app.key("Escape")
    stopped = _same(app, start, TOP, what="Esc did not untick Trace in the toolbar")
    assert (stopped[TOP] != tracing[TOP]).any()
    # a click on a zone selects it: its sources and confidence in the Layers panel
    info = (slice(390, 560), slice(0, 400))
    app.click(600, 320)
    _changed(app, stopped, *info, what="a click on the map did not select the zone there")
    # a drag pans the map (it adds no vertex)
    before = app.shot()
    app.drag((560, 330), (660, 380))
    box = (430, 120, 650, 300)  # a piece of the map, found again 100 right and 50 down
    _until(
        "the drag did not pan the map",
        lambda: _shifted_match(before, app.shot(), box, 100, 50) > 0.8,
        30,
    )
    assert _shifted_match(before, before, box, 100, 50) < 0.6  # a real move, not a still map
