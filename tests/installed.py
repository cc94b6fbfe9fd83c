"""The installed product, for the tests that run it as a user would (tests/packaging, tests/e2e).

`installed()` builds the sdist and the wheel with ``python -m build`` from a clean copy of the
checkout (the files git tracks or would track: no compiled translations, no .venv), so the build
compiles the translations as a fresh clone's would; then makes a fresh virtual environment in a
temporary folder (no system site-packages, nothing from the project's .venv) and installs the
wheel into it with pip. Everything is installed from a wheelhouse of the project's dependencies
(``.venv/wheelhouse``), filled with ``pip download`` the first time and whenever pyproject.toml
changes; after that, building and installing need no network.

With ``ADIZ_TEST_INSTALL=1`` (CI) this runs once per test session (about a minute, plus the first
download); without it the tests that need it are skipped, with the reason in pytest's summary.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.reference_data import REPO

WHEELHOUSE = REPO / ".venv" / "wheelhouse"
#: what the sdist build asks for when the translations need compiling (packaging/build_backend.py),
#: and pip itself (pipx upgrades its shared pip)
BUILD_REQUIREMENTS = ("setuptools>=77", "PySide6-Essentials>=6.8", "pip")
SKIP_REASON = (
    "installed-product tests not requested: ADIZ_TEST_INSTALL=1 pytest tests/packaging tests/e2e "
    "builds the wheel and installs it in a fresh virtual environment (~1-2 min)"
)


@dataclass(frozen=True)
class Installed:
    root: Path  # temporary folder holding everything below
    source: Path  # the clean copy of the checkout the build ran in
    sdist: Path
    wheel: Path
    venv: Path

    @property
    def bin(self) -> Path:
        return self.venv / "bin"

    def env(self, **extra: str) -> dict[str, str]:
        """A user's environment: no PYTHONPATH, no virtual environment active, pip offline."""
        drop = ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")
        env = {k: v for k, v in os.environ.items() if k not in drop}
        env.update(offline_pip_env(), **extra)
        return env


def offline_pip_env() -> dict[str, str]:
    return {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(WHEELHOUSE)}


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    result = subprocess.run([str(c) for c in cmd], check=False, **kwargs)
    if result.returncode != 0:
        raise AssertionError(
            f"{' '.join(map(str, cmd))} exited {result.returncode}:\n"
            f"{(result.stdout or '')[-3000:]}\n{(result.stderr or '')[-3000:]}"
        )
    return result


def clean_copy(dest: Path) -> Path:
    """The checkout's files as a fresh clone has them (symbolic links kept as links)."""
    listed = run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO).stdout
    for name in filter(None, listed.split("\0")):
        src = REPO / name
        if not src.exists() and not src.is_symlink():
            continue  # deleted in the work tree, not yet in git
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target, follow_symlinks=False)
    assert not list(dest.rglob("*.qm")), "git ignores the compiled translations"
    return dest


def fill_wheelhouse(source: Path) -> None:
    """Download the dependencies (and the build requirements) unless already there for this
    pyproject.toml and Python."""
    stamp = WHEELHOUSE / ".stamp"
    what = [(REPO / "pyproject.toml").read_text(), sys.version, *BUILD_REQUIREMENTS]
    key = hashlib.sha256("\n".join(what).encode()).hexdigest()
    if stamp.is_file() and stamp.read_text() == key:
        return
    WHEELHOUSE.mkdir(parents=True, exist_ok=True)
    pip = [sys.executable, "-m", "pip", "download", "-q", "-d", WHEELHOUSE]
    run([*pip, source, *BUILD_REQUIREMENTS], timeout=1200)
    for leftover in WHEELHOUSE.glob("adiz_viewer-*"):
        leftover.unlink()
    stamp.write_text(key)


@functools.cache
def installed() -> Installed:
    """Build and install once per session (see the module docstring); skip unless asked."""
    if os.environ.get("ADIZ_TEST_INSTALL") != "1":
        pytest.skip(SKIP_REASON)
    root = Path(tempfile.mkdtemp(prefix="adiz-installed-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    source = clean_copy(root / "source")
    fill_wheelhouse(source)
    dist = root / "dist"
    env = {**os.environ, **offline_pip_env()}
    run([sys.executable, "-m", "build", "--outdir", dist, source], env=env, timeout=1200)
    (sdist,) = dist.glob("adiz_viewer-*.tar.gz")
    (wheel,) = dist.glob("adiz_viewer-*.whl")
    venv = root / "venv"
    run([sys.executable, "-m", "venv", venv], timeout=300)
    run([venv / "bin" / "python", "-m", "pip", "install", "-q", wheel], env=env, timeout=1200)
    return Installed(root=root, source=source, sdist=sdist, wheel=wheel, venv=venv)
