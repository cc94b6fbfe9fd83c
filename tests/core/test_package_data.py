"""The one data lookup (`viewer.core.package_data`): the package's ``_data`` folder, or
``$ADIZ_DATA_DIR``; nothing in the package finds files relative to its own source file."""

import re
import shutil
from pathlib import Path

from tests.reference_data import REPO
from viewer.core import briefing, catalog, counts, package_data


def test_in_a_checkout_the_data_are_the_top_level_folders(monkeypatch):
    monkeypatch.delenv(package_data.ENV_VAR, raising=False)
    assert package_data.layers_dir() == REPO / "layers"
    assert package_data.resources_dir() == REPO / "resources"
    assert (package_data.layers_dir() / "manifest.json").is_file()
    assert package_data.resource("sample", "default.briefing.json").is_file()
    assert briefing.default_briefing_path() == REPO / "resources/sample/default.briefing.json"
    assert counts.FIGURES == REPO / "resources" / "reference_figures.json"
    assert catalog.default_layers_dir() == REPO / "layers"


def test_the_override_points_every_lookup_elsewhere(tmp_path, monkeypatch):
    shutil.copytree(REPO / "layers", tmp_path / "layers")
    (tmp_path / "resources").mkdir()
    manifest = tmp_path / "layers" / "manifest.json"
    manifest.write_text(manifest.read_text().replace("Taiwan ADIZ", "Taiwan ADIZ (override)"))
    monkeypatch.setenv(package_data.ENV_VAR, str(tmp_path))
    assert package_data.resources_dir() == tmp_path / "resources"
    assert briefing.schema_path() == tmp_path / "resources" / "briefing.schema.json"
    loaded = catalog.load_catalog(catalog.default_layers_dir())
    assert "Taiwan ADIZ (override)" in [layer.titles.get("en") for layer in loaded.layers]


def test_no_module_finds_data_relative_to_its_own_file():
    offenders = []
    for path in sorted((REPO / "viewer").rglob("*.py")):
        if "_data" in path.relative_to(REPO).parts:
            continue
        text = path.read_text(encoding="utf-8")
        for n, line in enumerate(text.splitlines(), 1):
            if re.search(r"__file__|parents\[\d\]", line):
                offenders.append(f"{path.relative_to(REPO)}:{n}: {line.strip()}")
    assert offenders == [], "use viewer.core.package_data instead:\n" + "\n".join(offenders)


def test_the_package_links_point_at_the_top_level_folders():
    for name in ("layers", "resources"):
        link = REPO / "viewer" / "_data" / name
        assert link.is_symlink(), f"{link} should be a symbolic link (git: mode 120000)"
        assert link.resolve() == REPO / name
        assert Path(link.readlink()) == Path("..", "..", name)
