"""End to end: the real application in a real X server (Xvfb), driven like a person drives it.

Launches ``python -m viewer TRACKFILE`` — and, when asked for, the wheel installed in a fresh
virtual environment (`tests.installed`) and the PyInstaller bundle's executable (`tests.bundle`)
— presses Space with xdotool and watches the screen until the track head has moved east on the
map; the clock in the timeline advanced too. Nothing is timed: it waits for what it looks for.
Needs Xvfb and xdotool (``bash run.sh test`` installs them).
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.bundle import bundle_exe
from tests.installed import installed

pytestmark = pytest.mark.e2e

GRAB = r"""
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
app.primaryScreen().grabWindow(0).save(sys.argv[1])
"""


def _need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(
            f"{tool} is not installed: run the tests with 'bash run.sh test', which installs it"
        )
    return path


@pytest.fixture
def xserver(tmp_path):
    xvfb = _need("Xvfb")
    for n in range(140, 200):
        if not Path(f"/tmp/.X{n}-lock").exists():
            break
    display = f":{n}"
    proc = subprocess.Popen(
        [xvfb, display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{n}").exists():
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            pytest.fail("Xvfb did not start")
        time.sleep(0.05)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(
        DISPLAY=display,
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_STATE_HOME=str(tmp_path / "state"),
    )
    yield env
    proc.terminate()
    proc.wait(timeout=10)


def _screenshot(env, path: Path):
    from PySide6.QtGui import QImage

    subprocess.run([sys.executable, "-c", GRAB, str(path)], env=env, check=True, timeout=60)
    return QImage(str(path))


def _fighter_centroid(image, top: int, bottom: int):
    """Centre of the fighter-coloured pixels (#E31A1C) in the rows top..bottom; None if none."""
    xs, ys = [], []
    for y in range(top, bottom, 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - 0xE3) < 25
                and abs(c.green() - 0x1A) < 25
                and abs(c.blue() - 0x1C) < 25
            ):
                xs.append(x)
                ys.append(y)
    if not xs:
        return None
    return sum(xs) / len(xs), sum(ys) / len(ys)


def _until(what: str, probe, seconds: float):
    """Call ``probe()`` until it returns something truthy; fail saying ``what`` after ``seconds``
    (the real window is watched, not timed: a busy machine only makes it slower)."""
    deadline = time.monotonic() + seconds
    while True:
        result = probe()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"{what} within {seconds:.0f} s")
        time.sleep(0.3)


def _launch(launcher: str, env: dict[str, str], home: Path) -> tuple[list[str], dict[str, str]]:
    """The command and environment that start the app: from this checkout's Python; the wheel
    installed in a fresh virtual environment (`tests.installed`), with no PYTHONPATH; or the
    bundle with no Python around (only the display, the home and the settings folders)."""
    if launcher == "python":
        return [sys.executable, "-m", "viewer"], env
    keep = ("DISPLAY", "XDG_CONFIG_HOME", "XDG_STATE_HOME")
    bare = {k: env[k] for k in keep} | {"HOME": str(home), "LANG": "C.UTF-8"}
    if launcher == "wheel":
        return [str(installed().bin / "adiz-viewer")], bare | {"PATH": os.environ["PATH"]}
    return [str(bundle_exe())], bare


def eastbound_track(path: Path) -> Path:
    """A track file: one J-16 flying 2 h eastward at 23.5°N from 118°E to 123°E, a fix a
    minute."""
    rows = ["callsign,time,lat,lon,type"]
    for i in range(121):
        rows.append(
            f"E2E1,2021-10-04T{i // 60:02d}:{i % 60:02d}:00Z,23.5,{118 + 5 * i / 120:.4f},J-16"
        )
    path.write_text("\n".join(rows) + "\n")
    return path


@pytest.mark.parametrize("launcher", ["python", "wheel", "bundle"])
def test_space_replays_the_track_in_the_real_window(xserver, tmp_path, launcher):
    command, env = _launch(launcher, xserver, tmp_path)
    xdotool = _need("xdotool")
    track = eastbound_track(tmp_path / "eastbound.csv")
    app = subprocess.Popen(
        [*command, str(track)],
        env=env,
        cwd=tmp_path,  # not the checkout: the installed copies must not find it
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    shots = iter(range(1000))

    def shot():
        assert app.poll() is None, f"the app died: {app.stdout.read().decode()[-2000:]}"
        return _screenshot(xserver, tmp_path / f"shot{next(shots)}.png")

    def visible_window() -> str:
        if app.poll() is not None:
            pytest.fail(f"the app exited: {app.stdout.read().decode()[-2000:]}")
        out = subprocess.run(  # the mapped top-level window, not Qt's hidden leader window
            [xdotool, "search", "--onlyvisible", "--name", "ADIZ Viewer"],
            env=xserver,
            capture_output=True,
            text=True,
        )
        return out.stdout.split()[0] if out.stdout.split() else ""

    def focused(window: str) -> bool:
        subprocess.run([xdotool, "windowfocus", "--sync", window], env=xserver, check=False)
        out = subprocess.run([xdotool, "getwindowfocus"], env=xserver, capture_output=True)
        return out.stdout.decode().strip() == window

    try:
        window = _until("no ADIZ Viewer window", visible_window, 90)
        subprocess.run([xdotool, "windowsize", window, "1280", "800"], env=xserver, check=True)
        subprocess.run([xdotool, "windowmove", window, "0", "0"], env=xserver, check=True)
        map_bottom = int(800 * 0.78)

        def head_shown():  # the file loads in the background
            image = shot()
            head = _fighter_centroid(image, 40, map_bottom)
            return (image, head) if head is not None else None

        before, (x0, _) = _until("no track head on the map", head_shown, 90)
        _until("the window did not take the keyboard focus", lambda: focused(window), 30)
        subprocess.run([xdotool, "key", "space"], env=xserver, check=True)

        def moved():
            image = shot()
            head = _fighter_centroid(image, 40, map_bottom)
            return (image, head[0]) if head is not None and head[0] - x0 > 5 else None

        after, _ = _until(f"the head did not move east of x {x0:.0f}", moved, 60)
        assert app.poll() is None, "the app died"
    finally:
        app.terminate()
        app.wait(timeout=20)
    # the clock lives in the timeline at the bottom: its pixels changed
    bottom = before.copy(0, map_bottom, before.width(), before.height() - map_bottom)
    bottom_after = after.copy(0, map_bottom, after.width(), after.height() - map_bottom)
    assert bottom != bottom_after, "the timeline and clock did not change"
