"""Where the app's data files are: the one lookup for the app, the command line, the bundle and
the tests.

The reference-layer catalog (``layers/``) and the resources (``resources/``: default briefing and
sample tracks, briefing schema, published figures, icons, translations) ship inside the package
as ``viewer/_data/layers`` and ``viewer/_data/resources``: in a checkout these are two symbolic
links to the folders at the top of the repository; in a wheel, an sdist or the PyInstaller
bundle they are copies. They are found through `importlib.resources`, so the app works from any
working directory and from any kind of install (pip, pipx, editable, bundle).

One override, for development: ``ADIZ_DATA_DIR=FOLDER``, a folder holding ``layers/`` and
``resources/`` (e.g. a checkout on a system where git did not make the symbolic links, or a
modified copy of the data).
"""

from __future__ import annotations

import importlib.resources
import os
from pathlib import Path

ENV_VAR = "ADIZ_DATA_DIR"


class DataFilesMissing(RuntimeError):
    """The package's data folder cannot be found (a broken install)."""


def data_root() -> Path:
    """``$ADIZ_DATA_DIR``, else the package's ``_data`` folder."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    root = importlib.resources.files("viewer") / "_data"
    if not isinstance(root, Path):  # e.g. imported from a zip archive
        raise DataFilesMissing(
            f"viewer/_data is not a folder on disk ({root!r}): install ADIZ Viewer as a wheel "
            f"or set {ENV_VAR} to a folder holding layers/ and resources/"
        )
    return root


def layers_dir() -> Path:
    """The reference-layer catalog: ``manifest.json`` and the GeoJSON layers (real path: in a
    checkout, the top-level ``layers/``)."""
    return (data_root() / "layers").resolve()


def resources_dir() -> Path:
    """Default briefing, samples, schema, published figures, icons and translations (real path:
    in a checkout, the top-level ``resources/``)."""
    return (data_root() / "resources").resolve()


def resource(*parts: str) -> Path:
    """A file or folder under ``resources/``, e.g. ``resource("icons", "adiz-viewer.svg")``."""
    return resources_dir().joinpath(*parts)
