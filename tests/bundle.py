"""The PyInstaller bundle for the tests that run it (packaging smoke test, end-to-end test).

With ``ADIZ_TEST_BUNDLE=1`` (CI) a missing bundle is built first (packaging/build_bundle.sh,
about a minute) and the tests run; without it and without a bundle they are skipped, with the
reason in pytest's summary.
"""

import os
import subprocess
from pathlib import Path

import pytest

from tests.reference_data import REPO

PACKAGING = REPO / "packaging"
BUNDLE = PACKAGING / "dist" / "adiz-viewer"
BUNDLE_EXE = BUNDLE / "adiz-viewer"
BUNDLE_SKIP_REASON = (
    "bundle not built: run packaging/build_bundle.sh then ADIZ_TEST_BUNDLE=1 "
    "pytest tests/packaging tests/e2e (with ADIZ_TEST_BUNDLE=1 a missing bundle is built first, "
    "~1 min)"
)


def bundle_exe() -> Path:
    """The bundle's executable; built first under ``ADIZ_TEST_BUNDLE=1``, else skip if absent."""
    if not BUNDLE_EXE.exists():
        if os.environ.get("ADIZ_TEST_BUNDLE") != "1":
            pytest.skip(BUNDLE_SKIP_REASON)
        subprocess.run(["bash", str(PACKAGING / "build_bundle.sh"), "--no-test"], check=True)
    return BUNDLE_EXE


def tarball() -> Path:
    """The bundle packed for download (packaging/build_tarball.sh; ~1 min to pack, after the
    bundle); packed afresh each session so that it holds the bundle under test."""
    bundle_exe()
    subprocess.run(["bash", str(PACKAGING / "build_tarball.sh")], check=True)
    found = sorted(BUNDLE.parent.glob("adiz-viewer-*-linux-*.tar.gz"))
    assert found, "build_tarball.sh wrote no .tar.gz"
    return max(found, key=lambda p: p.stat().st_mtime)
