"""DuckDB's spill folder (``adiz-duckdb-<pid>-*``) never outlives its engine: deleted on close,
when the engine is garbage-collected unclosed, and — left by a killed process — by the next
engine opened."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import tempfile

from viewer.io.archive import open_archive
from viewer.io.archive.duckdb_engine import TEMP_PREFIX, sweep_stale_temp_dirs


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_folder_goes_on_close_and_when_an_unclosed_engine_is_collected(archive_files):
    with open_archive(archive_files["hive"]) as archive:
        closed = archive.engine.temp_dir
        assert closed.is_dir() and closed.name.startswith(f"{TEMP_PREFIX}{os.getpid()}-")
    assert not closed.exists()

    archive = open_archive(archive_files["hive"])
    dropped = archive.engine.temp_dir
    assert archive.count() > 0 and dropped.is_dir()
    del archive
    gc.collect()
    assert not dropped.exists()


def test_folders_of_processes_gone_are_swept_by_the_next_engine(
    archive_files, tmp_path, monkeypatch
):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stale = tmp_path / f"{TEMP_PREFIX}{_dead_pid()}-x1"
    (stale / "spill").mkdir(parents=True)
    (stale / "spill" / "block.tmp").write_bytes(b"0" * 100)
    alive = tmp_path / f"{TEMP_PREFIX}{os.getppid()}-x2"  # a running process's: kept
    alive.mkdir()
    other = tmp_path / f"{TEMP_PREFIX}unknown"  # not ours to judge: kept
    other.mkdir()
    with open_archive(archive_files["hive"]) as archive:
        assert archive.engine.temp_dir.parent == tmp_path
        assert not stale.exists()
        assert alive.is_dir() and other.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([alive.name, other.name])
    assert sweep_stale_temp_dirs(tmp_path) == []
