"""The single-file Linux download: the bundle as a .tar.gz (packaging/build_tarball.sh), unpacked
in a temporary folder and run with no Python around — the program, the launcher script that
install-user.sh writes, and the .desktop entry. Runs when the bundle does (``ADIZ_TEST_BUNDLE=1``,
as in CI; see `tests.bundle`)."""

import configparser
import subprocess
import tarfile

import pytest
from PySide6.QtGui import QImage

from tests.bundle import tarball
from tests.file_metadata import png_text_chunks
from viewer import __version__

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory):
    archive = tarball()
    assert archive.name == f"adiz-viewer-{__version__}-linux-x86_64.tar.gz"
    dest = tmp_path_factory.mktemp("download")
    with tarfile.open(archive) as tar:
        tar.extractall(dest, filter="tar")
    return dest / "adiz-viewer"


def bare_env(home):
    """No Python, no virtual environment: what a desktop session has."""
    return {"HOME": str(home), "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}


def test_the_download_holds_program_launcher_installer_entry_and_licences(unpacked):
    for name in ("adiz-viewer", "install-user.sh", "uninstall-user.sh", "adiz-viewer.desktop"):
        assert (unpacked / name).is_file(), name
    for name in ("LICENSE", "NOTICE", "LICENSES/LGPL-3.0.txt", "README.txt"):
        assert (unpacked / name).is_file(), name
    assert "./install-user.sh" in (unpacked / "README.txt").read_text()


def test_unpacked_program_prints_its_version_and_renders(unpacked, tmp_path, qapp):
    env = bare_env(tmp_path)
    version = subprocess.run(
        [unpacked / "adiz-viewer", "--version"], env=env, capture_output=True, text=True
    )
    assert version.stdout.strip() == f"adiz-viewer {__version__}"
    out = tmp_path / "from-download.png"
    result = subprocess.run(
        [unpacked / "adiz-viewer", "render", "--out", out, "--size", "480x300"],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (480, 300)
    assert len({image.pixel(x, y) for x in range(0, 480, 7) for y in range(0, 300, 7)}) > 10
    assert png_text_chunks(out)["Software"] == f"ADIZ Viewer {__version__}"


def test_install_user_writes_a_launcher_and_menu_entry_that_run_it(unpacked, tmp_path):
    home = tmp_path / "home"
    env = {**bare_env(home), "XDG_DATA_HOME": str(home / "data"), "ADIZ_BIN_DIR": str(home / "bin")}
    subprocess.run(["bash", unpacked / "install-user.sh"], env=env, check=True, capture_output=True)
    launcher = home / "bin" / "adiz-viewer"
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(home / "data" / "applications" / "adiz-viewer.desktop", encoding="utf-8")
    assert entry["Desktop Entry"]["Exec"] == f"{launcher} %F"
    version = subprocess.run([launcher, "--version"], env=env, capture_output=True, text=True)
    assert version.stdout.strip() == f"adiz-viewer {__version__}"
    icon = home / "data" / "icons" / "hicolor" / "48x48" / "apps" / "adiz-viewer.png"
    assert icon.is_file()
    subprocess.run(["bash", unpacked / "uninstall-user.sh"], env=env, check=True)
    assert not launcher.exists()
