"""Archives made by the tests: generated flights written as a partitioned Parquet folder (hive
``date=/hour=``, and OpenSky-style file names with epoch times) and as one CSV, the same rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.archive.flights import days_of_flights, write_by_name, write_csv, write_hive

# The seed: flights whose fixes are dense enough that no segment clips a zone between two fixes
# outside it, so the events are the same whether they are found from each fix's status or along
# each segment (the app's zone events are moving from the first to the second, issue 15; the
# engine counts along segments, and the known-answer tests hold it to segment cases).
SEED = 24
FIRST_DAY = "2024-05-01"
DAYS = 3
FLIGHTS_PER_DAY = 200  # about a quarter stay in the box: 22,348 fixes
# Flights kept south of the East China Sea ADIZ's coastal closure (26°44'N) and east of Taiwan's
# ADIZ's west edge: every boundary they meet is a straight published edge, a circle or the median
# line, where a segment of a few km crosses at most once.
REGION = (118.2, 21.0, 126.6, 26.0)
KEEP_WITHIN = (117.7, 20.4, 127.6, 26.5)


@pytest.fixture(scope="session")
def flights_table():
    return days_of_flights(
        SEED,
        FIRST_DAY,
        DAYS,
        FLIGHTS_PER_DAY,
        with_kind=True,
        region=REGION,
        keep_within=KEEP_WITHIN,
        duration_s=(1200.0, 5400.0),
    )


@pytest.fixture(scope="session")
def archive_files(tmp_path_factory, flights_table) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("archive")
    write_hive(flights_table, root / "hive", by_hour=True)
    write_by_name(flights_table, root / "by_name", epoch=True)
    write_csv(flights_table, root / "all.csv")
    return {"hive": root / "hive", "by_name": root / "by_name", "csv": root / "all.csv"}


@pytest.fixture(scope="session")
def csv_trackset(archive_files):
    from viewer.io.registry import load_trackset

    trackset, _ = load_trackset(archive_files["csv"])
    return trackset


@pytest.fixture(scope="session")
def zones():
    from viewer.core.catalog import load_catalog

    return load_catalog().analysis_zones()


def postgres_required() -> bool:
    """In CI and under `bash run.sh test` (which installs PostgreSQL) the PostGIS tests must run:
    a missing server fails them instead of skipping."""
    import os

    return bool(os.environ.get("CI")) or os.environ.get("ADIZ_REQUIRE_POSTGRES") == "1"


@pytest.fixture(scope="session")
def postgres(flights_table):
    """A throwaway PostgreSQL + PostGIS server holding the flights in two tables."""
    import psycopg

    from tests.archive.pg_cluster import ThrowawayPostgres, postgis_available, postgres_bindir
    from tests.archive.postgis_data import GEOM_TABLE, PLAIN_TABLE, load_fixes

    bindir = postgres_bindir()
    if bindir is None or not postgis_available(bindir):
        why = "PostgreSQL with PostGIS is not installed (Debian: postgresql postgis)"
        if postgres_required():
            pytest.fail(why + ": required here (CI or ADIZ_REQUIRE_POSTGRES=1)")
        pytest.skip(why)
    server = ThrowawayPostgres().start()
    try:
        with psycopg.connect(server.url, autocommit=True) as con:
            load_fixes(con, flights_table, GEOM_TABLE, postgis=True)
            load_fixes(con, flights_table, PLAIN_TABLE, postgis=False)
        yield server
    finally:
        server.stop()
