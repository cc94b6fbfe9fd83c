"""What the window says when an archive cannot be opened — a folder that is not there (typed, or
a briefing's that moved), a URL that is not a database or where no server answers, a password
the database refuses — and that it says it without hanging: the window keeps answering, nothing
stays open or busy. Over the generated archive of `tests/archive` and the throwaway PostgreSQL
(a role with a password, as `tests/archive/test_postgis_archive.py` makes it)."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.archive.conftest import archive_files, flights_table, postgres  # noqa: F401
from tests.archive.postgis_data import GEOM_TABLE
from viewer.core.archive_state import LOADED


def failed(qtbot, window, source: str) -> str:
    """Open ``source``; wait for the error; the archive is not open and nothing is running."""
    window.last_error = None
    window.archives.open_source(source)
    qtbot.waitUntil(lambda: window.last_error is not None, timeout=30_000)
    assert not window.session.archive.is_open
    assert not window.archives.busy() and not window.archives.status.cancel_button.isVisible()
    assert not window.archives.whole_act.isEnabled()
    return window.last_error


def test_a_folder_that_is_not_there(qtbot, window, tmp_path) -> None:
    missing = tmp_path / "adsb-2024"
    assert failed(qtbot, window, str(missing)) == f"{missing}: no such folder"


def test_a_folder_without_parquet_files(qtbot, window, tmp_path) -> None:
    (tmp_path / "notes.txt").write_text("not an archive")
    assert failed(qtbot, window, str(tmp_path)) == f"{tmp_path}: no Parquet files in the folder"


def test_a_url_that_is_not_a_database(qtbot, window) -> None:
    text = failed(qtbot, window, "mysql://me@db.example/tracks")
    assert text.startswith(
        "mysql://me@db.example/tracks: unknown kind of database 'mysql'; expected"
    )


def test_a_database_where_no_server_answers(qtbot, window) -> None:
    text = failed(qtbot, window, "postgresql://me@127.0.0.1:9/tracks?table=fixes")
    assert text.startswith("postgresql://me@127.0.0.1:9/tracks?table=fixes: cannot connect (")


def test_a_briefings_archive_that_moved(qtbot, window, archive_files, tmp_path) -> None:  # noqa: F811
    """Saved beside its archive, then the briefing copied elsewhere without it: opening says
    where the archive was looked for; the rest of the briefing opens."""
    hive = tmp_path / "hive"
    shutil.copytree(archive_files["hive"], hive)
    state = window.session.archive
    window.archives.open_source(str(hive))
    qtbot.waitUntil(lambda: state.window_state == LOADED, timeout=30_000)
    path = tmp_path / "lesson.briefing.json"
    assert window.briefings.save_briefing_as(str(path))
    moved = tmp_path / "moved"
    moved.mkdir()
    shutil.copy(path, moved / path.name)
    window.archives.close_archive()
    window.last_error = None
    assert window.briefings.open_briefing(moved / path.name)
    assert window.last_error == (
        f"The briefing's archive is not there: {moved / 'hive'} (kept relative to the "
        "briefing's folder). Open it with File > Open archive…"
    )
    assert not state.is_open and not window.archives.busy()
    assert json.loads((moved / path.name).read_text())["archives"][0]["source"] == "hive"


@pytest.fixture
def analyst(postgres):  # noqa: F811
    """A database user with a password (local connections as anyone but the superuser need
    one), made again or kept as it is whichever test made it first."""
    import psycopg

    hba = postgres.folder / "data" / "pg_hba.conf"
    hba.write_text("local all adiz trust\nlocal all all scram-sha-256\n")
    with psycopg.connect(postgres.url, autocommit=True) as con:
        exists = con.execute("SELECT 1 FROM pg_roles WHERE rolname = 'analyst'").fetchone()
        verb = "ALTER" if exists else "CREATE"
        con.execute(f"{verb} ROLE analyst LOGIN PASSWORD 'correct horse'")
        con.execute(f"GRANT SELECT ON {GEOM_TABLE} TO analyst")
        con.execute("SELECT pg_reload_conf()")
    yield postgres.url.replace("adiz@", "analyst@") + f"&table={GEOM_TABLE}"
    with psycopg.connect(postgres.url, autocommit=True) as con:  # droppable by the next one
        con.execute(f"REVOKE SELECT ON {GEOM_TABLE} FROM analyst")


@pytest.fixture
def no_keyring():
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_a_refused_password_is_asked_again_saying_so(
    qtbot,
    window,
    analyst,
    no_keyring,
) -> None:
    prompts: list[str] = []
    answers = iter(["wrong", "correct horse"])

    def answer(prompt: str, keyring_note: str):
        prompts.append(prompt)
        return next(answers), False

    window.archives.passwords.answer = answer
    window.archives.open_source(analyst)
    state = window.session.archive
    qtbot.waitUntil(lambda: state.window_state == LOADED, timeout=60_000)
    account = prompts[0].removeprefix("Password for ")
    assert prompts == [
        f"Password for {account}",
        f"The password was refused. Password for {account}",
    ]
    assert "correct horse" not in window.archives.status.label.text()


def test_a_wrong_password_says_so_and_stops(qtbot, window, analyst, no_keyring) -> None:
    prompts: list[str] = []

    def answer(prompt: str, keyring_note: str):
        prompts.append(prompt)
        return "wrong", False

    window.archives.passwords.answer = answer
    text = failed(qtbot, window, analyst)
    assert "cannot connect (" in text and "password authentication failed" in text
    assert len(prompts) == 2  # the same wrong password twice: not asked a third time
    assert "wrong" not in text


def test_no_password_given(qtbot, window, analyst, no_keyring) -> None:
    window.archives.passwords.answer = lambda prompt, note: None  # Cancel in the dialog
    assert failed(qtbot, window, analyst).endswith(": no password given")
