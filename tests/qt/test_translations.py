"""Interface languages (issue 8): every interface string has a finished Traditional Chinese and
Japanese translation, the window shows no English under either, and the choice is saved.

The .qm files are compiled here from the committed .ts files (into a temporary folder), so the
tests never depend on run.sh having built them."""

from __future__ import annotations

import ast
import logging
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QDockWidget,
    QLabel,
    QTabBar,
    QTextBrowser,
    QTreeWidget,
    QWidget,
)

from viewer.qt import i18n
from viewer.qt.app_settings import ORG_NAME

REPO = Path(__file__).resolve().parents[2]
# the interface strings: the window (viewer/qt) and what the map draws (viewer/render)
QT_SOURCES = sorted((REPO / "viewer" / "qt").glob("*.py")) + sorted(
    (REPO / "viewer" / "render").glob("*.py")
)
TS_DIR = REPO / "resources" / "translations"
LANGS = ("zh_TW", "ja")
SAMPLE = REPO / "resources" / "sample" / "record_day_2021-10-04.csv"


def _tool(name: str) -> str:
    path = Path(sys.executable).parent / name
    if not path.exists():
        pytest.fail(f"{name} not found next to {sys.executable} (it comes with PySide6)")
    return str(path)


def read_ts(path: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <translation> element."""
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            out[(name, message.findtext("source"))] = message.find("translation")
    return out


@pytest.fixture(scope="session")
def extracted(tmp_path_factory) -> dict[tuple[str, str], ET.Element]:
    """What pyside6-lupdate finds in viewer/qt and viewer/render today (a fresh .ts, nothing
    translated)."""
    out = tmp_path_factory.mktemp("lupdate") / "fresh.ts"
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-silent",
            "-locations",
            "none",
            *map(str, QT_SOURCES),
            "-ts",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    return read_ts(out)


@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("qm")
    for lang in LANGS:
        subprocess.run(
            [
                _tool("pyside6-lrelease"),
                "-silent",
                str(TS_DIR / f"adiz_viewer_{lang}.ts"),
                "-qm",
                str(folder / f"adiz_viewer_{lang}.qm"),
            ],
            check=True,
            capture_output=True,
        )
    return folder


@pytest.fixture
def settings_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))  # QSettings never touch the user's
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    return tmp_path


@pytest.fixture
def language(request, qapp, qm_dir, settings_home, monkeypatch):
    """The interface in ``request.param`` for one test, English again afterwards."""
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", qm_dir)
    assert i18n.apply_language(request.param)
    yield request.param
    i18n.apply_language("en")


def open_window(qtbot, with_tracks: bool = True):
    from viewer.core.catalog import load_catalog
    from viewer.core.map_state import MapState
    from viewer.core.session import Session
    from viewer.qt.main_window import MainWindow, make_application

    make_application()
    window = MainWindow(Session(MapState(load_catalog())))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    if with_tracks:
        window.open_files([str(SAMPLE)])
        qtbot.waitUntil(
            lambda: bool(window.session.tracks.items) and not window.track_files._loading,
            timeout=30000,
        )
        qtbot.waitUntil(lambda: len(window.zone_events.events_panel.all_events) > 0, timeout=30000)
    return window


# ---------------------------------------------------------------------------- the .ts files
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\d|%p%")
ACCELERATOR = re.compile(r"&(?=[^&\s])")


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_has_a_finished_translation(extracted, lang):
    committed = read_ts(TS_DIR / f"adiz_viewer_{lang}.ts")
    problems = []
    for key, _ in sorted(extracted.items()):
        context, source = key
        tr = committed.get(key)
        if tr is None:
            problems.append(f"{context}: {source!r} is not in the .ts (run update.sh)")
            continue
        text = tr.text or ""
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
            problems.append(f"{context}: {source!r} is not translated")
            continue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: placeholders differ in {source!r} -> {text!r}")
        if bool(ACCELERATOR.search(source)) != bool(ACCELERATOR.search(text)):
            problems.append(f"{context}: the & accelerator is lost or added in {text!r}")
        if text.strip() == source.strip() and re.search(r"[A-Za-z]{3,}", source):
            problems.append(f"{context}: {source!r} is left in English")
    stale = sorted(set(committed) - set(extracted))
    problems += [f"{c}: {s!r} is no longer in the sources (run update.sh)" for c, s in stale]
    assert not problems, f"{len(problems)} problem(s) in adiz_viewer_{lang}.ts:\n" + "\n".join(
        problems
    )


def test_lupdate_finds_the_strings(extracted):
    """The extraction itself works: strings from each part of the interface are there."""
    contexts = {c for c, _ in extracted}
    assert {"MainWindow", "Timeline", "Replay", "Briefing", "EventsPanel"} <= contexts
    assert ("MainWindow", "&File") in extracted
    assert ("TrackPainter", "fighter") in extracted  # through QT_TRANSLATE_NOOP
    assert len(extracted) > 250


TRANSLATE_CALLS = ("translate", "QCoreApplication.translate", "QT_TRANSLATE_NOOP")


def test_translate_calls_have_literal_text():
    """lupdate reads literal strings only: an f-string or concatenation would never match."""
    bad = []
    for path in QT_SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = ast.unparse(node.func)
            wrapper = path.name in ("i18n.py", "translate.py")  # translate() itself
            if func not in TRANSLATE_CALLS or wrapper or len(node.args) < 2:
                continue
            context, text = node.args[:2]
            literal_context = isinstance(context, ast.Constant) and isinstance(context.value, str)
            if not literal_context or isinstance(text, ast.JoinedStr | ast.BinOp):
                bad.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:80]}")
    assert not bad, "translate() needs a literal context and text:\n" + "\n".join(bad)


# ---------------------------------------------------------------------------- the window
# Tokens that stay as they are in every language: the app's name, units, formats, standards,
# key names, time-zone ids and file names.
_ALLOWED = (
    "ADIZ Viewer nmi km ft kt min dpi DPI UTC ID HD CSV PNG MP4 GIF JSON "
    "GeoJSON GPX KML KMZ GeoPackage Parquet AIS NMEA Cursor on Target Shapefile ADS TAK "
    "EPSG PROJ TWD97 TM2 UTM Web JPEG RMS QGIS GDAL aux xml World "  # a "world file" is a name
    "PostgreSQL PostGIS OpenSky DuckDB Trino URL "  # the archives' engines
    "OK PC "  # Japanese writes these in Latin letters too
    "Space Left Right Home End PageDown PageUp Esc Ctrl Shift Enter"
)
ALLOWED_WORDS = set(_ALLOWED.split())
STRIP = re.compile(
    r"\*\.[\w.]+"  # file patterns
    r"|[\w.-]+\.(?:csv|json|png|mp4|gif|briefing)\b"  # file names
    r"|\b[A-Z][a-z]+/[A-Za-z_]+"  # time-zone ids
    r"|\b[a-z0-9]+(?:_[a-z0-9]+)+\b"  # ids: taiwan_adiz
    r"|\b\d+[A-Za-z]+\b"  # 4K, 12nmi
)


def english_words(text: str) -> list[str]:
    text = STRIP.sub(" ", text.replace("&", ""))
    words = re.findall(r"\b[A-Za-z][A-Za-z0-9]+\b", text)  # MP4, A4, TWD97
    return [w for w in words if w not in ALLOWED_WORDS and len(re.sub(r"\d", "", w)) > 1]


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for what the interface shows of itself, leaving out data: layer and track
    names, zone ids, file names, the import report and the core's layer descriptions."""
    out: list[tuple[str, str]] = []
    skip_actions = set(window.language_acts.values())  # each language by its own name
    skip_actions |= set(window.recent_menu.actions()) | set(window.scenes_menu.actions())
    skip_actions -= {
        window.briefings.next_scene_act,
        window.briefings.prev_scene_act,
        window.briefings.present_act,
        window.briefings.add_scene_act,
        window.briefings.rename_scene_act,
        window.briefings.delete_scene_act,
        window.briefings.scene_earlier_act,
        window.briefings.scene_later_act,
    }
    for act in window.findChildren(QAction):
        if act in skip_actions or act.isSeparator():
            continue
        for what, text in (("text", act.text()), ("status tip", act.statusTip())):
            out.append((f"action {what}", text))
        if act.menu() is not None:
            out.append(("menu", act.menu().title()))
    for dock in window.findChildren(QDockWidget):
        out.append(("dock", dock.windowTitle()))
    data_combos = {
        window.zone_events.counts_panel.zone,  # zone ids
        window.zone_events.events_panel.zone_filter,  # "all", then zone ids
    }
    for widget in window.findChildren(QWidget):
        out.append((f"{type(widget).__name__} tooltip", widget.toolTip()))
        if isinstance(widget, QLabel):
            out.append(("label", widget.text()))
        elif isinstance(widget, QAbstractButton):
            out.append(("button", widget.text()))
        elif isinstance(widget, QComboBox):
            n = (
                1
                if widget in data_combos or widget is window.zone_events.counts_panel.view
                else widget.count()
            )
            out += [("combo item", widget.itemText(i)) for i in range(min(n, widget.count()))]
        elif isinstance(widget, QTabBar):
            out += [("tab", widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QTextBrowser):
            out.append(("placeholder", widget.placeholderText()))
        elif isinstance(widget, QTreeWidget):
            tree = widget
            out += [
                ("layer group", tree.topLevelItem(i).text(0))
                for i in range(tree.topLevelItemCount())
            ]
    out.append(("layer info", window.layer_panel.info.toPlainText()))
    out.append(("progress", window.track_files.progress_bar.format()))
    out.append(("status bar", window.statusBar().currentMessage()))
    out.append(("view label", window.map.view_label.text()))
    model = window.zone_events.events_panel.model
    from PySide6.QtCore import Qt

    for col in range(model.columnCount()):
        out.append(("events header", model.headerData(col, Qt.Horizontal, Qt.DisplayRole)))
    for row in range(min(model.rowCount(), 20)):
        for col in (2, 4):  # kind, event
            out.append(("events cell", model.data(model.index(row, col), Qt.DisplayRole)))
    return [(where, str(text)) for where, text in out if text]


def dialog_texts(window) -> list[tuple[str, str]]:
    """The dialogs that open without blocking: export PNG, import columns, import report."""
    from viewer.qt.export_dialog import ExportPngDialog
    from viewer.qt.import_dialog import ImportDialog
    from viewer.qt.report_dialog import ImportReportDialog

    out = []
    report = next(iter(window.session.reports.values()))
    for dialog in (
        ExportPngDialog(window),
        ImportDialog("flights.csv", ["when", "north", "east"], "", window),
        ImportReportDialog("flights.csv", report, window),
    ):
        out.append(("dialog title", dialog.windowTitle()))
        for widget in dialog.findChildren(QWidget):
            if isinstance(widget, QLabel):
                out.append(("dialog label", widget.text()))
            elif isinstance(widget, QAbstractButton):
                out.append(("dialog button", widget.text()))
            elif isinstance(widget, QComboBox) and widget.count():
                out.append(("dialog combo", widget.itemText(0)))
        dialog.deleteLater()
    return [(where, text) for where, text in out if text]


def english_left(texts: list[tuple[str, str]]) -> list[str]:
    return [
        f"{where}: {text!r} ({', '.join(words)})"
        for where, text in texts
        if (words := english_words(text))
    ]


@pytest.mark.parametrize("language", LANGS, indirect=True)
def test_the_window_shows_no_english(qtbot, language):
    from viewer.qt.main_window import shortcuts_text

    window = open_window(qtbot)
    texts = visible_texts(window) + dialog_texts(window)
    texts.append(("keyboard shortcuts", shortcuts_text()))
    assert len(texts) > 150
    left = english_left(texts)
    assert not left, f"{len(left)} text(s) left in English under {language}:\n" + "\n".join(left)
    window.close()


def test_the_check_finds_english_in_the_english_window(qtbot, settings_home):
    """The same walk over the untranslated window flags (nearly) everything: the check works."""
    window = open_window(qtbot)
    texts = visible_texts(window) + dialog_texts(window)
    assert len(english_left(texts)) > 100
    window.close()


# ---------------------------------------------------------------------------- the setting
def test_language_choice_is_saved_and_installed_at_the_next_start(
    qtbot, qm_dir, settings_home, monkeypatch
):
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", qm_dir)
    window = open_window(qtbot, with_tracks=False)
    assert window.language_acts[i18n.SYSTEM].isChecked()  # nothing saved yet
    window.language_acts["ja"].trigger()
    assert QSettings(ORG_NAME, ORG_NAME).value(i18n.SETTING_KEY) == "ja"
    assert "started again" in window.last_message  # applies at the next start
    window.close()
    try:
        assert i18n.resolve_language() == "ja"
        assert i18n.apply_language(i18n.resolve_language())
        assert i18n.current_language() == "ja"
        assert QCoreApplication.translate("MainWindow", "&File") == "ファイル(&F)"
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        assert buttons.button(QDialogButtonBox.Cancel).text() == "キャンセル"  # Qt's own .qm
        window = open_window(qtbot, with_tracks=False)
        assert window.language_acts["ja"].isChecked()
        assert window.file_menu.title() == "ファイル(&F)"
        window.close()
    finally:
        i18n.apply_language("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_lang_option_and_environment_come_before_the_setting(settings_home, monkeypatch):
    i18n.save_language("ja")
    assert i18n.resolve_language() == "ja"
    monkeypatch.setenv(i18n.ENV_VAR, "zh-TW")
    assert i18n.resolve_language() == "zh_TW"
    assert i18n.resolve_language("en_US.UTF-8") == "en"
    assert i18n.resolve_language("ja_JP") == "ja"
    monkeypatch.setenv(i18n.ENV_VAR, "klingon")
    assert i18n.resolve_language() == "ja"  # not a language: the setting


def test_lang_option_reaches_the_app(monkeypatch):
    from viewer import app
    from viewer.qt import main_window

    seen = {}
    monkeypatch.setattr(
        main_window,
        "run_app",
        lambda files, language=None, feeds=None: seen.update(lang=language) or 0,
    )
    assert app.main(["--lang", "zh_TW"]) == 0
    assert seen["lang"] == "zh_TW"


def test_without_the_qm_files_the_app_stays_english_and_says_so(
    qapp, tmp_path, monkeypatch, caplog
):
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)  # no .qm here
    with caplog.at_level(logging.WARNING, logger="viewer.qt.i18n"):
        assert not i18n.apply_language("ja")
    assert "stays in English" in caplog.text and "adiz_viewer_ja.qm" in caplog.text
    assert i18n.current_language() == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


@pytest.mark.parametrize("lang", LANGS)
def test_a_cjk_font_is_installed_for_the_language(qapp, lang):
    """CJK text renders on a fresh machine: run.sh installs fonts-noto-cjk, and the interface
    font puts the language's CJK face first."""
    families = set(QFontDatabase.families(i18n.WRITING_SYSTEMS[lang]))
    wanted = i18n.CJK_FONTS[lang]
    assert families & set(wanted), f"no {wanted[0]} (install fonts-noto-cjk; run.sh does)"
    assert i18n.ui_font_families(lang)[1] == wanted[0]
