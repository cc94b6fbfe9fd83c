"""`adiz-viewer render` and the no-display fallback of the plain command."""

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from viewer.app import main
from viewer.core.briefing import default_briefing_path


def test_render_writes_a_png_of_the_requested_size(tmp_path, qapp):
    out = tmp_path / "map.png"
    assert main(["render", "--out", str(out), "--size", "800x500"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 500)


def test_render_rejects_bad_size_and_crs(tmp_path, capsys, qapp):
    out = tmp_path / "map.png"
    assert main(["render", "--out", str(out), "--crs", "EPSG:99999"]) == 2
    assert "EPSG:99999" in capsys.readouterr().err
    try:
        main(["render", "--out", str(out), "--size", "huge"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "WIDTHxHEIGHT" in capsys.readouterr().err
    assert not out.exists()


def test_without_a_display_the_app_says_so_and_renders_a_png(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    out = tmp_path / "default.png"
    res = subprocess.run(
        [sys.executable, "-m", "viewer", "--no-display-png", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    assert "no display" in res.stderr
    assert f"(the default briefing's first scene) to {out} instead" in res.stderr
    assert str(out) in res.stdout
    # what the window would show first: the default briefing's first scene, as `render` draws it
    reference = tmp_path / "scene1.png"
    briefing = str(default_briefing_path())
    subprocess.run(
        [sys.executable, "-m", "viewer", "render", briefing, "--scene", "1", "--out", reference],
        env=env,
        capture_output=True,
        timeout=120,
        check=True,
    )
    image = QImage(str(out))
    assert image.width() == 1920
    assert image == QImage(str(reference))
