"""The wheel, the sdist and the installed program, run as a user runs them: from a fresh virtual
environment outside the checkout, in another working directory (`tests.installed`; runs with
``ADIZ_TEST_INSTALL=1``, as in CI). The end-to-end window test runs against the same install
(tests/e2e, launcher "wheel"). `pipx install .` is run as the README writes it."""

import json
import subprocess
import tarfile
import zipfile
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.file_metadata import png_text_chunks
from tests.installed import WHEELHOUSE, installed, offline_pip_env, run
from tests.reference_data import REPO
from viewer import __version__
from viewer.app import main

pytestmark = pytest.mark.slow

DATA = "viewer/_data"
SAMPLE = REPO / "resources" / "sample" / "record_day_2021-10-04.csv"
# what the wheel must hold (issue 17's acceptance: unzip -l lists them)
MUST_HOLD = (
    f"{DATA}/layers/manifest.json",
    f"{DATA}/resources/sample/default.briefing.json",
    f"{DATA}/resources/translations/adiz_viewer_ja.qm",
    f"{DATA}/resources/translations/adiz_viewer_zh_TW.qm",
    f"{DATA}/resources/briefing.schema.json",
    f"{DATA}/resources/icons/adiz-viewer.svg",
)


@pytest.fixture(scope="module")
def inst():
    return installed()


@pytest.fixture
def elsewhere(tmp_path):
    """A working directory far from the checkout."""
    folder = tmp_path / "somewhere else"
    folder.mkdir()
    return folder


def adiz(inst, *args, cwd, **env):
    return run(
        [inst.bin / "adiz-viewer", *args],
        cwd=cwd,
        env=inst.env(QT_QPA_PLATFORM="offscreen", **env),
        timeout=300,
    )


def colours(image: QImage, step: int = 7) -> int:
    xs, ys = range(0, image.width(), step), range(0, image.height(), step)
    return len({image.pixel(x, y) for x in xs for y in ys})


# ----------------------------------------------------------------------------- the archives
def test_unzip_lists_the_catalog_the_default_briefing_and_the_translations(inst):
    listing = run(["unzip", "-l", inst.wheel]).stdout
    for name in MUST_HOLD:
        assert name in listing, f"{name} not in the wheel"
    names = zipfile.ZipFile(inst.wheel).namelist()
    licences = {n.rsplit("/licenses/", 1)[1] for n in names if "/licenses/" in n}
    assert licences == {"LICENSE", "NOTICE", "LICENSES/LGPL-3.0.txt"}
    assert not [n for n in names if n.endswith((".py", ".sh")) and n.startswith(DATA)], (
        "generator scripts are not data"
    )
    layers = {Path(n).name for n in names if n.startswith(f"{DATA}/layers/")}
    assert layers == {p.name for p in (REPO / "layers").glob("*.geojson")} | {"manifest.json"}


def test_the_wheels_translations_load_in_qt(inst, tmp_path):
    """The .qm files were compiled by the build (a clean copy has none) and Qt reads them."""
    compiled = sorted(p.name for p in (inst.source / "resources" / "translations").glob("*.qm"))
    assert compiled == ["adiz_viewer_ja.qm", "adiz_viewer_zh_TW.qm"]  # by the build backend
    with zipfile.ZipFile(inst.wheel) as whl:
        for lang, word in (("ja", "ファイル(&F)"), ("zh_TW", "檔案(&F)")):
            qm = tmp_path / f"{lang}.qm"
            qm.write_bytes(whl.read(f"{DATA}/resources/translations/adiz_viewer_{lang}.qm"))
            probe = (
                "import sys; from PySide6.QtCore import QCoreApplication, QTranslator; "
                "app = QCoreApplication([]); t = QTranslator(); assert t.load(sys.argv[1]); "
                "print(t.translate('MainWindow', '&File'))"
            )
            out = run([inst.bin / "python", "-c", probe, qm]).stdout.strip()
            assert out == word


def test_the_sdist_carries_sources_data_licences_and_the_backend(inst):
    with tarfile.open(inst.sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
        links = [m.name for m in tar.getmembers() if m.issym()]
    assert {"pyproject.toml", "LICENSE", "NOTICE", "packaging/build_backend.py"} <= names
    assert set(MUST_HOLD) <= names
    assert f"{DATA}/resources/translations/adiz_viewer_ja.ts" in names
    assert links == [], "the sdist holds copies, not links"


# ----------------------------------------------------------------------- the installed app
def test_installed_copy_is_outside_the_checkout(inst, elsewhere):
    probe = (
        "import viewer; from viewer.core import package_data as d; "
        "print(viewer.__file__); print(d.layers_dir()); print(d.resources_dir())"
    )
    out = run([inst.bin / "python", "-c", probe], cwd=elsewhere, env=inst.env()).stdout
    for line in out.split():
        assert Path(line).is_relative_to(inst.venv), line
        assert not Path(line).is_relative_to(REPO), line


def test_version_from_the_command_and_python_m(inst, elsewhere):
    assert adiz(inst, "--version", cwd=elsewhere).stdout.strip() == f"adiz-viewer {__version__}"
    out = run([inst.bin / "python", "-m", "viewer", "--version"], cwd=elsewhere, env=inst.env())
    assert out.stdout.strip() == f"adiz-viewer {__version__}"


def test_render_of_the_default_briefing(inst, elsewhere):
    probe = "from viewer.core.briefing import default_briefing_path as p; print(p())"
    briefing = run([inst.bin / "python", "-c", probe], cwd=elsewhere, env=inst.env()).stdout
    briefing = briefing.strip()
    assert Path(briefing).is_relative_to(inst.venv)
    result = adiz(
        inst, "render", briefing, "--out", "lesson.png", "--size", "800x450", cwd=elsewhere
    )
    assert "wrote" in result.stdout
    image = QImage(str(elsewhere / "lesson.png"))
    assert (image.width(), image.height()) == (800, 450)
    assert colours(image) > 50, "the render is nearly blank"
    assert png_text_chunks(elsewhere / "lesson.png")["Software"] == f"ADIZ Viewer {__version__}"


def test_first_run_without_a_display_renders_the_first_scene(inst, elsewhere):
    env = {k: v for k, v in inst.env().items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    result = run([inst.bin / "adiz-viewer"], cwd=elsewhere, env=env, timeout=300)
    png = elsewhere / "adiz-viewer-default.png"
    assert f"the default briefing's first scene) to {png}" in result.stderr
    assert str(png) in result.stdout
    assert colours(QImage(str(png))) > 50


def test_events_and_inspect_on_a_sample_match_the_checkout(inst, elsewhere, tmp_path, qapp, capsys):
    """The installed copy finds the same zone events and reads the file the same way as the
    code under test here (the sample's published figures are checked in tests/core)."""
    zones = ["--zones", "taiwan_adiz,median_line"]
    adiz(inst, "events", SAMPLE, *zones, "--out", "ev.csv", cwd=elsewhere)
    here = tmp_path / "here.csv"
    assert main(["events", str(SAMPLE), *zones, "--out", str(here)]) == 0
    installed_rows = (elsewhere / "ev.csv").read_text().splitlines()
    assert len(installed_rows) > 20  # 42 events and the header on the record day sample
    assert installed_rows == here.read_text().splitlines()
    report = json.loads(adiz(inst, "inspect", SAMPLE, "--json", cwd=elsewhere).stdout)
    assert report["ok"] and report["tracks"] > 10
    capsys.readouterr()
    main(["inspect", str(SAMPLE), "--json"])
    assert report == json.loads(capsys.readouterr().out)
    missing = subprocess.run(
        [inst.bin / "adiz-viewer", "inspect", "missing.csv"],
        cwd=elsewhere,
        env=inst.env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 2 and "missing.csv" in missing.stderr


# -------------------------------------------------------------------------------- pipx
def test_pipx_install_as_the_readme_says(inst, tmp_path):
    """README: `pipx install .` in the folder of the README (here the clean copy), offline from
    the wheelhouse; then the command works from anywhere."""
    readme = (REPO / "README.md").read_text()
    assert "pipx install ." in readme
    env = inst.env(
        PIPX_HOME=str(tmp_path / "pipx"),
        PIPX_BIN_DIR=str(tmp_path / "bin"),
        PIPX_MAN_DIR=str(tmp_path / "man"),
        **offline_pip_env(),
    )
    run([REPO / ".venv" / "bin" / "pipx", "install", "."], cwd=inst.source, env=env, timeout=1200)
    exe = tmp_path / "bin" / "adiz-viewer"
    version = run([exe, "--version"], cwd=tmp_path, env=env)
    assert version.stdout.strip() == f"adiz-viewer {__version__}"
    render = run(
        [exe, "render", "--out", tmp_path / "pipx.png", "--size", "320x200"],
        cwd=tmp_path,
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        timeout=300,
    )
    assert render.returncode == 0
    assert colours(QImage(str(tmp_path / "pipx.png"))) > 20
    assert WHEELHOUSE.is_dir()
    subprocess.run(  # tidy the pipx home (its venv lives in tmp_path anyway)
        [REPO / ".venv" / "bin" / "pipx", "uninstall", "adiz-viewer"], env=env, check=False
    )
