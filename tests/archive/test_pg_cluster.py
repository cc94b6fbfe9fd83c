"""A test run killed before it stopped its throwaway PostgreSQL leaves the server running; the
next start finds it by its owner file (the owner process gone), stops it and deletes it."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.archive.conftest import postgres_required
from tests.archive.pg_cluster import OWNER, ThrowawayPostgres, postgres_bindir, sweep_orphans

ROOT = Path(__file__).resolve().parents[2]


def test_a_killed_runs_server_is_stopped_and_deleted_by_the_next_start():
    if postgres_bindir() is None:
        why = "PostgreSQL is not installed (Debian: postgresql)"
        if postgres_required():
            pytest.fail(why + ": required here (CI or ADIZ_REQUIRE_POSTGRES=1)")
        pytest.skip(why)
    child = subprocess.Popen(
        [sys.executable, "-c",
         "import time\n"
         "from tests.archive.pg_cluster import ThrowawayPostgres\n"
         "pg = ThrowawayPostgres().start()\n"
         "print(pg.folder, flush=True)\n"
         "time.sleep(600)\n"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        folder = Path(child.stdout.readline().strip())
    finally:
        child.send_signal(signal.SIGKILL)  # as a timeout kills a run: no clean-up
        child.wait(30)
    pid_file = folder / "data" / "postmaster.pid"
    assert int((folder / OWNER).read_text()) == child.pid
    server = int(pid_file.read_text().splitlines()[0])
    assert _running(server)  # the orphan server runs
    mine = ThrowawayPostgres()
    assert folder in sweep_orphans(as_user=mine.as_user)
    assert not folder.exists()
    assert not _running(server)


def _running(pid: int) -> bool:
    """A live process (not a zombie left for a parent that does not reap it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"
