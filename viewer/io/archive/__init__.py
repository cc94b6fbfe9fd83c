"""Archives: years of fixes asked through an engine instead of loaded.

    archive = open_archive("/data/adsb-2024")                 # a folder of Parquet: DuckDB
    archive = open_archive("postgresql://me@db/tracks?table=fixes", ask_password=prompt)
    activity = archive.activity()                              # fixes and tracks per hour
    trackset, report = archive.load_window(Window(start, end, bbox))
    counts = archive.zone_counts(load_catalog().analysis_zones())

Sources: a folder (or one file) of (Geo)Parquet partitioned by time, through DuckDB; a PostgreSQL
table of fixes (PostGIS for the point tests), ``postgresql://user@host:port/db?table=schema.table``;
OpenSky's Trino database, ``opensky://user@trino.opensky-network.org`` (SQL only here: see
`viewer.io.archive.trino_engine`). Credentials are never part of the source: from the keyring, or
asked (`viewer.io.archive.credentials`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from viewer.core.constants import TIME
from viewer.io.archive.archive import Archive
from viewer.io.archive.engine import Engine
from viewer.io.archive.model import (
    DEFAULT_REPLAY_BUDGET,
    Activity,
    ArchiveError,
    ArchiveInfo,
    Density,
    Grid,
    OverBudget,
    QueryCancelled,
    Window,
    ZoneCounts,
)
from viewer.io.archive.queries import FixQuery
from viewer.io.archive.schema import recognise_columns
from viewer.io.registry import ReadOptions

# Deferred on purpose: viewer.io.archive.duckdb_engine, viewer.io.archive.postgres_engine,
# viewer.io.archive.trino_engine (each engine loads its database driver, an optional dependency,
# when an archive of its kind is opened).

URL_SCHEMES = ("postgresql", "postgres", "opensky", "trino")


def is_archive_source(text: str | Path) -> bool:
    """A database URL, or a folder of Parquet files (what `open_archive` takes); a single track
    file is not (the readers take it)."""
    text = str(text)
    if "://" in text:
        return text.split("://", 1)[0].lower() in URL_SCHEMES
    path = Path(text)
    return path.is_dir()


def open_archive(
    source: str | Path,
    options=None,
    *,
    ask_password: Callable[[str], str | None] | None = None,
    threads: int | None = None,
) -> Archive:
    """Open an archive folder or database URL and recognise its columns as a file's.

    ``options``: a `viewer.io.registry.ReadOptions` (column map, units, zone of naive times);
    ``ask_password(prompt)``: asked when a database needs a password that the keyring does not
    hold (None: fail clearly). Raises `ArchiveError` with what was wrong.
    """
    options = options or ReadOptions()
    text = str(source)
    scheme = text.split("://", 1)[0].lower() if "://" in text else ""
    engine: object
    if scheme in ("postgresql", "postgres"):
        from viewer.io.archive.postgres_engine import PostgresEngine

        engine = PostgresEngine(text, ask_password=ask_password)
    elif scheme in ("opensky", "trino"):
        from viewer.io.archive.trino_engine import TrinoEngine

        engine = TrinoEngine(text, ask_password=ask_password)
    elif scheme:
        raise ArchiveError(
            text, f"unknown kind of source {scheme!r}; expected a folder or one of {URL_SCHEMES}"
        )
    else:
        from viewer.io.archive.duckdb_engine import DuckDBEngine

        engine = DuckDBEngine(text, threads=threads)

    assert isinstance(engine, Engine)
    try:
        columns = engine.columns()
        schema = recognise_columns(
            columns,
            engine.sample,
            options,
            engine.source,
            exclude=getattr(engine, "partition_keys", ()),
        )
        info = _info(engine, schema)
    except BaseException:
        engine.close()
        raise
    return Archive(engine, schema, info)


def _info(engine, schema) -> ArchiveInfo:
    notes = []
    check = getattr(engine, "check_partitions", None)
    if check is not None:
        note = check(schema.expr(engine.dialect, TIME))
        if note:
            notes.append(note)
    t_min = t_max = None
    n = None
    summary = getattr(engine, "metadata_summary", lambda s: None)(schema)
    if summary is not None:  # the Parquet footers say it all: no row read
        n = summary[0]
        t_min = datetime.fromtimestamp(summary[1], UTC)
        t_max = datetime.fromtimestamp(summary[2], UTC)
        notes.append("every row has a time, a track id and a position (Parquet statistics)")
    else:  # the strip at once from the table's statistics, where it keeps them (PostgreSQL)
        getattr(engine, "time_histogram", lambda s: None)(schema)
    if summary is None and engine.hour_partition is None:  # Trino: a span would read it all
        query = FixQuery(engine.dialect, schema, engine.relation(None))
        row = engine.fetch(query.span()).to_pylist()[0]
        n = int(row["n"])
        if row["t_min"] is not None:
            t_min = datetime.fromtimestamp(float(row["t_min"]), UTC)
            t_max = datetime.fromtimestamp(float(row["t_max"]), UTC)
    return ArchiveInfo(
        source=engine.source,
        engine=engine.name,
        column_map=dict(schema.columns),
        units=dict(schema.units),
        time_start=t_min,
        time_end=t_max,
        fixes=n,
        files=len(getattr(engine, "files", ())),
        schema=schema.name,
        notices=tuple(notes),
        warnings=schema.warnings,
    )


__all__ = [
    "DEFAULT_REPLAY_BUDGET",
    "Activity",
    "Archive",
    "ArchiveError",
    "ArchiveInfo",
    "Density",
    "Grid",
    "OverBudget",
    "QueryCancelled",
    "Window",
    "ZoneCounts",
    "is_archive_source",
    "open_archive",
]
