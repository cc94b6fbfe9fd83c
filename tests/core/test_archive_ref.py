"""A briefing refers to an archive or a database query (source + window + box) and keeps it
through save and open; a password is never part of it."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.core.test_briefing import full_briefing, validate
from viewer.core import briefing as bf
from viewer.core.archive_ref import ArchiveRef

FOLDER = ArchiveRef(
    "archives/adsb-2024",
    datetime(2024, 5, 1, 6, tzinfo=UTC),
    datetime(2024, 5, 1, 7, tzinfo=UTC),
    (119.0, 21.5, 124.0, 26.0),
)
DATABASE = ArchiveRef("postgresql://analyst@db.example/tracks?table=public.fixes", tz="UTC")


def test_archives_survive_save_and_open(tmp_path: Path) -> None:
    briefing = replace(full_briefing(), archives=(FOLDER, DATABASE))
    path = bf.save_briefing(briefing, tmp_path / "lesson.briefing.json")
    again = bf.load_briefing(path)
    assert again.archives == (FOLDER, DATABASE)
    assert bf.dumps(again) == path.read_text(encoding="utf-8")  # byte-identical
    doc = json.loads(path.read_text(encoding="utf-8"))
    schema = json.loads(bf.schema_path().read_text(encoding="utf-8"))
    assert validate(doc, schema, schema) == []
    assert doc["archives"][0]["bbox"] == [119.0, 21.5, 124.0, 26.0]
    assert FOLDER.resolved(tmp_path) == str(tmp_path / "archives/adsb-2024")
    assert DATABASE.resolved(tmp_path) == DATABASE.source


def test_a_briefing_without_archives_is_written_as_before() -> None:
    assert "archives" not in bf.to_dict(full_briefing())


def test_a_password_is_never_kept_and_bad_fields_are_named() -> None:
    with pytest.raises(ValueError, match="credentials are never stored"):
        ArchiveRef("postgresql://analyst:secret@db.example/tracks")
    doc = bf.to_dict(replace(full_briefing(), archives=(FOLDER,)))
    doc["archives"][0]["source"] = "postgresql://analyst:secret@db/tracks"
    with pytest.raises(bf.BriefingError, match=r"archives\[0\].*never stored"):
        bf.from_dict(doc)
    doc["archives"][0] = {**doc["archives"][0], "source": "x", "bbox": [1, 2, 3]}
    with pytest.raises(bf.BriefingError, match=r"archives\[0\]\.bbox"):
        bf.from_dict(doc)
    doc["archives"][0] = {**doc["archives"][0], "bbox": None, "end": "2024-05-01T05:00:00Z"}
    with pytest.raises(bf.BriefingError, match="end must be after start"):
        bf.from_dict(doc)
