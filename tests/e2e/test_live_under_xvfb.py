"""End to end, live: ``adiz-viewer --feed sbs://127.0.0.1:PORT`` in a real X server (Xvfb), fed by
an SBS replay server in this test (an aircraft flying east, a position every 0.3 s, stamped as
sent): the window
opens connected, the aircraft's head appears on the map and moves east as messages arrive, the
Live button shows, and the feed is recorded by default in the Documents folder. Nothing is
timed: the screen is watched until it shows what is looked for.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from tests.e2e.test_app_under_xvfb import _need, _screenshot, _until, xserver  # noqa: F401
from tests.io.feed_servers import TcpReplayServer
from tests.qt.live_helpers import sbs_callsign, sbs_position

pytestmark = pytest.mark.e2e

GREY = (0x66, 0x66, 0x66)  # an aircraft of unknown kind (SBS says no kind)


def _live_red(image, top: int) -> bool:
    """The Live button's red (#c62828, as the style shades it) in rows top.. of the screen."""
    for y in range(top, image.height() - 3, 2):
        for x in range(0, image.width() - 3, 2):
            if all(_reddish(_rgb(image, x + i, y + j)) for i in range(3) for j in range(3)):
                return True
    return False


def _reddish(rgb: tuple[int, int, int]) -> bool:
    r, g, b = rgb
    return r > 160 and g < 100 and b < 100


def _blocks(image, colour, top: int, bottom: int, tol: int = 12, size: int = 3):
    """Centres of the solid ``size`` x ``size`` blocks of ``colour`` in rows top..bottom (a
    head's body; antialiased text never makes a solid block of one grey)."""
    found = []
    for y in range(top, bottom - size, 2):
        for x in range(0, image.width() - size, 2):
            if all(
                sum(abs(a - b) for a, b in zip(_rgb(image, x + i, y + j), colour, strict=True))
                < tol
                for i in range(size)
                for j in range(size)
            ):
                found.append((x + size / 2, y + size / 2))
    return found


def _rgb(image, x: int, y: int) -> tuple[int, int, int]:
    c = image.pixelColor(x, y)
    return c.red(), c.green(), c.blue()


def test_the_window_opened_on_a_feed_shows_a_moving_head(xserver, tmp_path):  # noqa: F811
    server = TcpReplayServer()
    env = dict(xserver, HOME=str(tmp_path))  # the recordings go to ~/Documents: this one
    app = subprocess.Popen(
        [sys.executable, "-m", "viewer", "--feed", f"sbs://127.0.0.1:{server.port}?tz=UTC"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    stop = threading.Event()

    def play() -> None:
        client = server.accept(timeout=120)
        client.sendall(sbs_callsign("7c0e2e", time.time(), "E2E1"))
        k = 0
        while not stop.is_set():  # stamped as sent; fast: 0.03 degrees east a message
            client.sendall(sbs_position("7c0e2e", time.time(), 118.5 + 0.03 * k, 23.5))
            k += 1
            stop.wait(0.3)

    player = threading.Thread(target=play, daemon=True)
    player.start()
    shots = iter(range(1000))
    map_bottom = int(800 * 0.7)

    def shot():
        assert app.poll() is None, f"the app died: {app.stdout.read().decode()[-2000:]}"
        return _screenshot(xserver, tmp_path / f"live{next(shots)}.png")

    xdotool = _need("xdotool")

    def visible_window() -> str:
        out = subprocess.run(
            [xdotool, "search", "--onlyvisible", "--name", "ADIZ Viewer"],
            env=xserver,
            capture_output=True,
            text=True,
        )
        return out.stdout.split()[0] if out.stdout.split() else ""

    try:
        window = _until("no ADIZ Viewer window", visible_window, 120)
        subprocess.run([xdotool, "windowsize", window, "1280", "800"], env=xserver, check=True)
        subprocess.run([xdotool, "windowmove", window, "0", "0"], env=xserver, check=True)

        def head():
            image = shot()
            blocks = _blocks(image, GREY, 40, map_bottom)
            return (image, blocks) if blocks else None

        _, blocks = _until("no aircraft head on the map", head, 120)
        x0 = max(x for x, _ in blocks)

        def moved():
            image = shot()
            now = _blocks(image, GREY, 40, map_bottom)
            return image if now and max(x for x, _ in now) - x0 > 5 else None

        after = _until(f"the head did not move east of x {x0:.0f}", moved, 90)
        assert _live_red(after, map_bottom), "no Live button"
    finally:
        stop.set()
        app.terminate()
        app.wait(timeout=20)
        server.close()
    recordings = list((tmp_path / "Documents" / "ADIZ Viewer recordings").glob("*/*.sbs"))
    assert recordings and b"E2E1" in recordings[0].read_bytes()
