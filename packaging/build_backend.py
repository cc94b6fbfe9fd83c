"""PEP 517 build backend: setuptools', plus the interface translations compiled into the build.

The compiled translations (``resources/translations/*.qm``) are build output, not committed.
Building a wheel or an sdist first compiles every ``.ts`` whose ``.qm`` is missing or older, with
Qt's ``lrelease`` from PySide6-Essentials, which is asked for as a build requirement only then:
a checkout where ``bash run.sh`` already compiled them, or an sdist (it carries them), builds
with setuptools alone. Editable installs read the checkout's folders and compile nothing
(``bash run.sh`` does). pyproject.toml names this module (``backend-path = ["packaging"]``).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from setuptools import build_meta as _setuptools
from setuptools.build_meta import (  # noqa: F401  (the hooks passed through unchanged)
    build_editable,
    get_requires_for_build_editable,
    prepare_metadata_for_build_editable,
    prepare_metadata_for_build_wheel,
)

#: relative to the source tree (the build's working directory): through the package's data
#: link in a checkout, a real folder in an unpacked sdist.
TRANSLATIONS = Path("viewer", "_data", "resources", "translations")
LRELEASE_REQUIREMENT = "PySide6-Essentials>=6.8"


def stale_translations(folder: Path = TRANSLATIONS) -> list[Path]:
    """The ``.ts`` files whose ``.qm`` is missing or older than them."""
    out = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime:
            out.append(ts)
    return out


def lrelease() -> Path:
    """Qt's lrelease as shipped in PySide6-Essentials (the build requirement above)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        raise RuntimeError(
            f"compiling the translations needs {LRELEASE_REQUIREMENT} in the build environment"
        )
    exe = Path(spec.origin).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    if not exe.is_file():
        raise RuntimeError(f"PySide6 has no lrelease at {exe}")
    return exe


def compile_translations(folder: Path = TRANSLATIONS) -> list[Path]:
    """Compile the stale ``.ts`` files; returns the ``.qm`` files written."""
    written = []
    for ts in stale_translations(folder):
        qm = ts.with_suffix(".qm")
        result = subprocess.run(
            [str(lrelease()), "-silent", str(ts), "-qm", str(qm)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not qm.is_file():
            raise RuntimeError(f"lrelease failed on {ts}: {result.stdout}{result.stderr}")
        written.append(qm)
    return written


def _with_lrelease(requires: list[str]) -> list[str]:
    return [*requires, LRELEASE_REQUIREMENT] if stale_translations() else requires


def get_requires_for_build_wheel(config_settings=None):
    return _with_lrelease(_setuptools.get_requires_for_build_wheel(config_settings))


def get_requires_for_build_sdist(config_settings=None):
    return _with_lrelease(_setuptools.get_requires_for_build_sdist(config_settings))


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    compile_translations()
    return _setuptools.build_wheel(wheel_directory, config_settings, metadata_directory)


def build_sdist(sdist_directory, config_settings=None):
    compile_translations()
    return _setuptools.build_sdist(sdist_directory, config_settings)
