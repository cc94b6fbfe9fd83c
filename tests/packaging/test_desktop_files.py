"""The desktop entry, icon and file type, and the user install / uninstall scripts."""

import configparser
import os
import subprocess
import xml.etree.ElementTree as ET

from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from tests.reference_data import REPO

PACKAGING = REPO / "packaging"


def test_desktop_entry_keys():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(PACKAGING / "adiz-viewer.desktop")
    d = entry["Desktop Entry"]
    assert d["Type"] == "Application" and d["Exec"].startswith("adiz-viewer")
    assert d["Icon"] == "adiz-viewer" and "Education" in d["Categories"]
    assert "application/x-adiz-briefing" in d["MimeType"]


def test_icon_renders_at_16_and_256(qapp):
    renderer = QSvgRenderer(str(REPO / "resources" / "icons" / "adiz-viewer.svg"))
    assert renderer.isValid()
    for size in (16, 256):
        image = QImage(size, size, QImage.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        colours = {image.pixel(x, y) for x in range(size) for y in range(size)}
        assert len(colours) > 3  # not blank


def test_mime_type_declares_the_briefing_glob():
    root = ET.parse(PACKAGING / "adiz-viewer-mime.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    glob = root.find("m:mime-type/m:glob", ns)
    assert glob is not None and glob.get("pattern") == "*.briefing.json"


def test_install_and_uninstall_in_a_temporary_home(tmp_path):
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "ADIZ_BIN_DIR": str(tmp_path / "bin"),
    }
    subprocess.run(
        ["bash", str(PACKAGING / "install-user.sh")], env=env, check=True, capture_output=True
    )
    desktop = tmp_path / "data" / "applications" / "adiz-viewer.desktop"
    launcher = tmp_path / "bin" / "adiz-viewer"
    assert desktop.exists() and launcher.exists()
    assert f"Exec={launcher}" in desktop.read_text()
    subprocess.run(
        ["bash", str(PACKAGING / "uninstall-user.sh")], env=env, check=True, capture_output=True
    )
    assert not desktop.exists() and not launcher.exists()
