"""Exported PNGs and MP4s carry the program's name and version (and what was rendered), read
back from the files by `tests.file_metadata`, not by the code that wrote them."""

from datetime import UTC, datetime, timedelta

from tests.file_metadata import mp4_tags, png_text_chunks
from viewer import __version__
from viewer.app import main
from viewer.core.briefing import default_briefing_path

SOFTWARE = f"ADIZ Viewer {__version__}"


def test_rendered_png_names_the_software_version_and_input(tmp_path, qapp):
    out = tmp_path / "frame.png"
    briefing = str(default_briefing_path())
    assert main(["render", briefing, "--scene", "1", "--out", str(out), "--size", "320x200"]) == 0
    text = png_text_chunks(out)
    assert text["Software"] == SOFTWARE
    assert text["Description"] == "Map rendered from default.briefing.json"
    made = datetime.fromisoformat(text["Creation Time"])
    assert abs(datetime.now(UTC) - made) < timedelta(minutes=5)


def test_rendered_mp4_carries_the_version_in_its_tags(tmp_path, qapp):
    out = tmp_path / "clip.mp4"
    args = ["render", "--out", str(out), "--size", "160x96", "--fps", "2", "--duration", "1"]
    assert main(args) == 0
    tags = mp4_tags(out)
    assert tags["comment"] == SOFTWARE
    assert tags["description"] == "Map rendered from the reference layers alone"


def test_png_frames_in_a_folder_carry_it_too(tmp_path, qapp):
    folder = tmp_path / "frames"
    folder.mkdir()
    args = ["render", "--out", str(folder), "--size", "96x64", "--fps", "2", "--duration", "1"]
    assert main(args) == 0
    frames = sorted(folder.glob("frame_*.png"))
    assert len(frames) == 2
    assert all(png_text_chunks(f)["Software"] == SOFTWARE for f in frames)
