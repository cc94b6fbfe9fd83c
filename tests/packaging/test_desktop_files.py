"""Desktop integration and the bundle: .desktop entry, icons, MIME type, install/uninstall scripts.

`test_bundle_smoke` runs the PyInstaller bundle (packaging/dist/adiz-viewer) when it is built; with
``ADIZ_TEST_BUNDLE=1`` it builds it first when missing (packaging/build_bundle.sh, about a minute)
and fails rather than skips. Without the variable and without a bundle it is skipped, with the
reason in pytest's summary.
"""

import configparser
import fnmatch
import os
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from tests.bundle import BUNDLE_EXE, bundle_exe
from tests.reference_data import REPO
from viewer import __version__

PACKAGING = REPO / "packaging"
ICONS = REPO / "resources" / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
BRIEFING_MIME = "application/x-adiz-briefing"
TRACK_MIMES = (
    "text/csv",
    "application/gpx+xml",
    "application/vnd.google-earth.kml+xml",
    "application/vnd.google-earth.kmz",
    "application/geo+json",
)
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def desktop_entry(path: Path = PACKAGING / "adiz-viewer.desktop") -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def colours(image: QImage, step: int = 1) -> set[int]:
    xs, ys = range(0, image.width(), step), range(0, image.height(), step)
    return {image.pixel(x, y) for x in xs for y in ys}


# ------------------------------------------------------------------------------- desktop entry
def test_desktop_entry_keys():
    d = desktop_entry()
    assert d["Type"] == "Application"
    assert d["Name"] == "ADIZ Viewer" and d["GenericName"] and d["Comment"]
    assert d["Exec"] == "adiz-viewer %F"
    assert d["Icon"] == "adiz-viewer"
    assert d["Terminal"] == "false"
    assert d["Categories"].split(";")[:3] == ["Education", "Geography", "Science"]
    mimes = d["MimeType"].rstrip(";").split(";")
    assert mimes == [BRIEFING_MIME, *TRACK_MIMES]
    for lang in ("zh_TW", "ja"):
        assert d[f"Name[{lang}]"] and d[f"Comment[{lang}]"]


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate not installed (apt-get install desktop-file-utils)",
)
def test_desktop_entry_passes_desktop_file_validate():
    result = subprocess.run(
        ["desktop-file-validate", str(PACKAGING / "adiz-viewer.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error:" not in result.stdout


# ------------------------------------------------------------------------------------- icons
def test_svg_icon_renders_at_16_px(qapp):
    renderer = QSvgRenderer(str(ICONS / "adiz-viewer.svg"))
    assert renderer.isValid()
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    assert len(colours(image)) > 8  # not blank


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_icon_exists_at_its_size(qapp, size):
    path = ICONS / f"adiz-viewer-{size}.png"
    image = QImage(str(path))
    assert not image.isNull(), f"{path} missing or unreadable"
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() < 128  # rounded corner: transparent
    assert image.pixelColor(size // 2, size // 2).alpha() == 255
    assert len(colours(image, step=max(1, size // 32))) > 8


def test_png_icons_match_the_svg(qapp):
    """The committed PNGs are renders of the current SVG (packaging/make_icons.py)."""
    size = 48
    renderer = QSvgRenderer(str(ICONS / "adiz-viewer.svg"))
    fresh = QImage(size, size, QImage.Format.Format_ARGB32)
    fresh.fill(0)
    painter = QPainter(fresh)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    committed = QImage(str(ICONS / f"adiz-viewer-{size}.png")).convertToFormat(
        QImage.Format.Format_ARGB32
    )
    diff = sum(
        abs(fresh.pixelColor(x, y).red() - committed.pixelColor(x, y).red())
        + abs(fresh.pixelColor(x, y).blue() - committed.pixelColor(x, y).blue())
        for x in range(size)
        for y in range(size)
    ) / (size * size)
    assert diff < 6, f"PNG icons are stale (mean difference {diff:.1f}): run make_icons.py"


def test_ico_and_icns_hold_png_images():
    ico = (ICONS / "adiz-viewer.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind) == (0, 1) and count == 6
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert sizes == {16, 32, 48, 64, 128, 256}
    icns = (ICONS / "adiz-viewer.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert icns[8:12] == b"icp4" and icns[16:20] == b"\x89PNG"


# --------------------------------------------------------------------------------- MIME type
def test_mime_xml_declares_the_briefing_type():
    root = ET.parse(PACKAGING / "adiz-viewer-mime.xml").getroot()
    mime = root.find("m:mime-type", MIME_NS)
    assert mime is not None and mime.get("type") == BRIEFING_MIME
    assert mime.find("m:sub-class-of", MIME_NS).get("type") == "application/json"
    assert mime.find("m:comment", MIME_NS).text
    pattern = mime.find("m:glob", MIME_NS).get("pattern")
    assert pattern == "*.briefing.json"
    assert fnmatch.fnmatch("default.briefing.json", pattern)
    assert not fnmatch.fnmatch("tracks.json", pattern)


# ----------------------------------------------------------------------- install / uninstall
def fake_checkout(tmp_path: Path) -> Path:
    """A checkout with the packaging files and a stand-in .venv/bin/adiz-viewer."""
    root = tmp_path / "checkout"
    (root / "packaging").mkdir(parents=True)
    for name in ("install-user.sh", "uninstall-user.sh", "adiz-viewer.desktop"):
        shutil.copy2(PACKAGING / name, root / "packaging" / name)
    shutil.copy2(PACKAGING / "adiz-viewer-mime.xml", root / "packaging")
    shutil.copytree(ICONS, root / "resources" / "icons")
    write_fake_app(root / ".venv" / "bin" / "adiz-viewer", tmp_path / "ran-with")
    return root


def fake_bundle(tmp_path: Path) -> Path:
    """An unpacked bundle's layout: the executable and scripts on top, data in _internal/."""
    bundle = tmp_path / "adiz-viewer"
    (bundle / "_internal" / "packaging").mkdir(parents=True)
    for name in ("install-user.sh", "uninstall-user.sh"):
        shutil.copy2(PACKAGING / name, bundle / name)
    for name in ("adiz-viewer.desktop", "adiz-viewer-mime.xml"):
        shutil.copy2(PACKAGING / name, bundle / "_internal" / "packaging" / name)
    shutil.copytree(ICONS, bundle / "_internal" / "viewer" / "_data" / "resources" / "icons")
    write_fake_app(bundle / "adiz-viewer", tmp_path / "ran-with")
    return bundle


def write_fake_app(path: Path, record: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'#!/usr/bin/env bash\necho "$@" > "{record}"\n')
    path.chmod(0o755)


def run_script(script: Path, home: Path, *args: str) -> None:
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "ADIZ_BIN_DIR": str(home / "bin"),
    }
    result = subprocess.run(
        ["bash", str(script), *args], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def installed_files(home: Path) -> set[Path]:
    """Files under `home` that belong to ADIZ Viewer (by name or by content)."""
    found = set()
    for path in home.rglob("*"):
        if path.is_file() and (
            "adiz" in path.name or b"adiz" in path.read_bytes() or b"ADIZ" in path.read_bytes()
        ):
            found.add(path)
    return found


def assert_installed(home: Path, target: Path, record: Path) -> None:
    data, launcher = home / "data", home / "bin" / "adiz-viewer"
    desktop = data / "applications" / "adiz-viewer.desktop"
    assert desktop_entry(desktop)["Exec"] == f"{launcher} %F"
    assert str(target) in launcher.read_text()
    for size in ICON_SIZES:
        png = data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "adiz-viewer.png"
        assert QImage(str(png)).width() == size
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "adiz-viewer.svg").exists()
    assert (data / "mime" / "packages" / "adiz-viewer.xml").exists()
    subprocess.run([str(launcher), "a.briefing.json", "b.csv"], check=True)
    assert record.read_text().split() == ["a.briefing.json", "b.csv"]


@pytest.mark.parametrize("flag", ["--venv", "--bundle"])
def test_install_and_uninstall_from_a_checkout(qapp, tmp_path, flag):
    checkout = fake_checkout(tmp_path)
    target = checkout / ".venv" / "bin" / "adiz-viewer"
    if flag == "--bundle":
        target = checkout / "packaging" / "dist" / "adiz-viewer" / "adiz-viewer"
        write_fake_app(target, tmp_path / "ran-with")
    home = tmp_path / "home"
    run_script(checkout / "packaging" / "install-user.sh", home, flag)
    assert_installed(home, target, tmp_path / "ran-with")
    run_script(checkout / "packaging" / "uninstall-user.sh", home)
    assert installed_files(home) == set()


def test_install_and_uninstall_from_an_unpacked_bundle(qapp, tmp_path):
    bundle = fake_bundle(tmp_path)
    home = tmp_path / "home"
    run_script(bundle / "install-user.sh", home)
    assert_installed(home, bundle / "adiz-viewer", tmp_path / "ran-with")
    run_script(bundle / "uninstall-user.sh", home)
    assert installed_files(home) == set()


# ---------------------------------------------------------------------------------- bundle
@pytest.mark.slow
def test_bundle_smoke(qapp, tmp_path):
    """The bundle starts with no Python around, renders one frame headless and exits 0."""
    bundle_exe()  # built first with ADIZ_TEST_BUNDLE=1, else skipped when absent
    # An empty environment: no PYTHONPATH, no virtual environment, only the Qt platform.
    env = {"HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    version = subprocess.run(
        [str(BUNDLE_EXE), "--version"], env=env, capture_output=True, text=True, check=True
    )
    assert version.stdout.strip() == f"adiz-viewer {__version__}"
    out = tmp_path / "x.png"
    result = subprocess.run(
        [str(BUNDLE_EXE), "render", "--out", str(out), "--size", "640x400"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (640, 400)
    assert len(colours(image, step=7)) > 10, "the bundle rendered a blank picture"
