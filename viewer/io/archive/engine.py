"""What the archive asks of an engine: run SQL, fetch Arrow, hold temporary tables, and stop a
running query when told (from any thread)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from viewer.io.archive.dialect import Dialect
from viewer.io.archive.model import QueryCancelled, Window
from viewer.io.archive.queries import HourPartition
from viewer.io.archive.schema import Column, FixSchema

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa

    from viewer.io.archive.zone_stream import TrackRange

Cancel = Callable[[], bool]
CANCEL_POLL_S = 0.05  # how often a running query checks the caller's cancel flag


class Engine:
    """One connection to an engine. Subclasses run SQL; this class adds the cancel watch: while a
    query runs, a thread polls the caller's ``cancel`` and interrupts the engine when it says so
    (and `interrupt` may be called from any thread at any time)."""

    dialect: Dialect
    name: str = "engine"
    #: fixes per chunk (or range of tracks) of a whole-archive zone count; the engine holds one
    chunk_fixes: int = 4_000_000
    hour_partition: HourPartition | None = None
    has_postgis: bool = False
    #: every row has a time, a track id and a position in range (known from statistics): the
    #: queries need not check them row by row
    rows_valid: bool = False
    # rows, first and last time (epoch seconds) of each row group, from the Parquet statistics
    # where they say it all (`DuckDBEngine.metadata_summary`); None elsewhere
    row_group_times: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def __init__(self, source: str) -> None:
        self.source = source
        self._cancelled = threading.Event()
        self._running = threading.Lock()

    # ---------------------------------------------------------------- subclasses provide
    def relation(self, window: Window | None) -> str:
        """The fixes' relation as the engine reads it, pruned to ``window`` where it can be."""
        raise NotImplementedError

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def sample(self, column: str, n: int = 10_000) -> np.ndarray:
        raise NotImplementedError

    def _execute(self, sql: str) -> None:
        raise NotImplementedError

    def _fetch(self, sql: str) -> pa.Table:
        raise NotImplementedError

    def _interrupt(self) -> None:
        raise NotImplementedError

    def _is_interrupt(self, exc: BaseException) -> bool:
        raise NotImplementedError

    def load_table(self, name: str, columns: dict[str, np.ndarray]) -> None:
        """A temporary table from NumPy columns (NaN in a float column becomes NULL)."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def track_ranges(self, schema: FixSchema, fixes: int) -> list[TrackRange] | None:
        """Where the engine reads the fixes in track-then-time order without sorting them (an
        index): ranges of track ids of about ``fixes`` fixes, for the zone counts to take one by
        one; None where it cannot."""
        return None

    # ---------------------------------------------------------------- running
    def execute(self, sql: str | Sequence[str], cancel: Cancel | None = None) -> None:
        for statement in [sql] if isinstance(sql, str) else sql:
            with self._watch(cancel):
                self._execute(statement)

    def fetch(self, sql: str, cancel: Cancel | None = None) -> pa.Table:
        with self._watch(cancel):
            return self._fetch(sql)

    def interrupt(self) -> None:
        """Stop the running query (thread-safe); it raises `QueryCancelled` in its thread."""
        self._cancelled.set()
        self._interrupt()

    def reset_cancel(self) -> None:
        self._cancelled.clear()

    @contextmanager
    def _watch(self, cancel: Cancel | None) -> Iterator[None]:
        if self._cancelled.is_set() or (cancel is not None and cancel()):
            raise QueryCancelled(self.source)
        stop = threading.Event()
        watcher = None
        if cancel is not None:

            def watch() -> None:
                while not stop.wait(CANCEL_POLL_S):
                    if cancel():
                        self.interrupt()
                        return

            watcher = threading.Thread(target=watch, name="archive-cancel-watch", daemon=True)
            watcher.start()
        try:
            with self._running:
                yield
        except Exception as exc:
            if self._cancelled.is_set() or self._is_interrupt(exc):
                raise QueryCancelled(self.source) from None
            raise
        finally:
            stop.set()
            if watcher is not None:
                watcher.join()
        if self._cancelled.is_set():  # interrupted just as it finished: still a cancel
            raise QueryCancelled(self.source)
