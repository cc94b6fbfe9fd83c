"""A throwaway PostgreSQL server for tests and benchmarks: `initdb` in a temporary folder, started
with `pg_ctl` on a Unix socket in that folder (no TCP port), stopped and deleted afterwards.

PostgreSQL refuses to run as root: as root (CI) the server runs as the ``postgres`` user that the
Debian package creates (``runuser``); as anyone else, as that user. The client connects through
the socket as the database superuser ``adiz`` (trust authentication: only this machine's users
who can reach the folder can connect, and it lives for one test run).

A run killed before it could stop its server (a timeout, Ctrl+C twice) leaves it running: each
folder names the process that started it (``owner.pid``), and the next start stops and deletes
the servers whose owner is gone (`sweep_orphans`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "adiz"
DATABASE = "adiz"
PREFIX = "adiz-pg-"
OWNER = "owner.pid"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def sweep_orphans(parent: Path | None = None, as_user: list[str] | None = None) -> list[Path]:
    """Stop (immediately) and delete the throwaway servers whose owner process is gone; return
    their folders. Folders without an owner file (made by hand, or by older code) are left."""
    removed = []
    bindir = postgres_bindir()
    for folder in Path(parent or tempfile.gettempdir()).glob(f"{PREFIX}*"):
        try:
            pid = int((folder / OWNER).read_text().strip())
        except (OSError, ValueError):
            continue
        if pid == os.getpid() or _alive(pid):
            continue
        if bindir is not None and (folder / "data" / "postmaster.pid").exists():
            subprocess.run(
                [*(as_user or []), str(bindir / "pg_ctl"), "-D", str(folder / "data"),
                 "-m", "immediate", "-w", "stop"],
                capture_output=True, timeout=60, check=False,
            )  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(folder)
    return removed


def postgres_bindir() -> Path | None:
    """The folder of initdb/pg_ctl: `pg_config --bindir`, else Debian's /usr/lib/postgresql/N/bin
    (the newest)."""
    found = shutil.which("initdb")
    if found and (Path(found).resolve().parent / "pg_ctl").exists():
        return Path(found).resolve().parent
    try:
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True)
        path = Path(out.stdout.strip())
        if (path / "initdb").exists():
            return path
    except (OSError, subprocess.CalledProcessError):
        pass
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3])
    )
    return candidates[-1].parent if candidates else None


def postgis_available(bindir: Path) -> bool:
    """PostGIS's extension files are installed for this server's version."""
    try:
        out = subprocess.run(
            [str(bindir / "pg_config"), "--sharedir"], capture_output=True, text=True, check=True
        )
        share = Path(out.stdout.strip())
    except (OSError, subprocess.CalledProcessError):
        share = bindir.parent.parent.parent.parent / "share" / "postgresql" / bindir.parent.name
    return (share / "extension" / "postgis.control").exists()


class ThrowawayPostgres:
    """``with ThrowawayPostgres() as pg: psycopg.connect(pg.url)``."""

    def __init__(self) -> None:
        bindir = postgres_bindir()
        if bindir is None:
            raise RuntimeError(
                "PostgreSQL is not installed (initdb not found): `bash run.sh test` installs "
                "the Debian packages postgresql and postgis"
            )
        self.bindir = bindir
        self.folder: Path | None = None
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            if shutil.which("runuser") is None:
                raise RuntimeError("running as root without runuser: cannot start PostgreSQL")
            self.as_user = ["runuser", "-u", "postgres", "--"]

    @property
    def socket_dir(self) -> Path:
        assert self.folder is not None
        return self.folder

    @property
    def url(self) -> str:
        """A libpq URL: the socket folder as the host (percent-encoded)."""
        from urllib.parse import quote

        return f"postgresql://{SUPERUSER}@/{DATABASE}?host={quote(str(self.socket_dir), safe='')}"

    def _run(self, *args: str) -> None:
        cmd = [*self.as_user, *args]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if done.returncode:
            raise RuntimeError(f"{' '.join(args[:2])} failed: {done.stderr.strip() or done.stdout}")

    def start(self) -> ThrowawayPostgres:
        sweep_orphans(as_user=self.as_user)
        self.folder = Path(tempfile.mkdtemp(prefix=PREFIX))
        (self.folder / OWNER).write_text(str(os.getpid()))
        data = self.folder / "data"
        if self.as_user:
            shutil.chown(self.folder, "postgres", "postgres")
        self.folder.chmod(0o755)
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            SUPERUSER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
        )
        options = (
            f"-k {self.folder} -c listen_addresses='' -c fsync=off -c full_page_writes=off "
            "-c synchronous_commit=off -c shared_buffers=128MB -c work_mem=64MB "
            "-c max_parallel_workers_per_gather=2"
        )
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "start",
        )
        self._run(str(self.bindir / "createdb"), "-h", str(self.folder), "-U", SUPERUSER, DATABASE)
        return self

    def stop(self) -> None:
        if self.folder is None:
            return
        try:
            self._run(
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.folder / "data"),
                "-m",
                "fast",
                "-w",
                "stop",
            )
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def __enter__(self) -> ThrowawayPostgres:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
