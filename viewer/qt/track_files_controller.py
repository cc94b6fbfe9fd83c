"""The track files of the window: open (dialog, recent files, drag and drop, command line),
background loading with progress and Cancel, the questions a file can raise (time zone, columns,
units) and the import reports. Each loaded file goes to the session (`Session.add_tracks`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressBar, QPushButton

from viewer.core.read_options import ReadOptions, asking_units, with_tz
from viewer.core.timeline import ZONE_KEYS
from viewer.io.report import ColumnsUnknown, TimeZoneRequired, UnitsUnsure
from viewer.qt.app_settings import MAX_RECENT, ORG_NAME, TRACK_PATTERNS, as_list
from viewer.qt.controller import Controller
from viewer.qt.i18n import translate
from viewer.qt.import_dialog import ImportDialog
from viewer.qt.report_dialog import ImportReportDialog
from viewer.qt.time_zone_dialog import ask_time_zone
from viewer.qt.track_loader import TrackLoader


class TrackFilesController(Controller):
    def __init__(self, session, window) -> None:
        super().__init__(session, window)
        self.loader = TrackLoader(window)
        self.loader.progress.connect(self._on_load_progress)
        self.loader.finished.connect(self._on_load_finished)
        self.loader.failed.connect(self._on_load_failed)
        self.loader.cancelled.connect(self._on_load_cancelled)
        self._loading: dict[str, float] = {}  # file being loaded -> fraction done
        self._requested: dict[str, ReadOptions | None] = {}  # file -> the options asked for
        self.import_dialog: ImportDialog | None = None  # while it asks about a file
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setFormat(translate("MainWindow", "Loading… %p%"))
        self.cancel_button = QPushButton(translate("MainWindow", "Cancel"))
        self.cancel_button.setToolTip(translate("MainWindow", "Stop loading the track files"))
        self.cancel_button.clicked.connect(self.cancel_loading)
        self.progress_bar.hide()
        self.cancel_button.hide()
        self.create_actions()

    def create_actions(self) -> None:
        self.open_act = QAction(
            translate("MainWindow", "&Open track files…"),
            self.window,
            shortcut=QKeySequence.Open,
            statusTip=translate(
                "MainWindow",
                "Load CSV, GeoJSON, GPX, KML/KMZ, GeoPackage, "
                "Parquet, AIS NMEA or Cursor-on-Target track files",
            ),
            triggered=self.open_dialog,
        )
        self.report_act = QAction(
            translate("MainWindow", "Import &reports…"),
            self.window,
            statusTip=translate("MainWindow", "What was read and skipped in each loaded file"),
            triggered=self.show_reports,
        )

    @Slot()
    def open_dialog(self) -> None:
        settings = QSettings(ORG_NAME, ORG_NAME)
        folder = str(settings.value("files/last_folder", ""))
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            translate("TrackFiles", "Open track files"),
            folder,
            translate("TrackFiles", "Track files ({patterns});;All files (*)").format(
                patterns=TRACK_PATTERNS
            ),
        )
        self.window.documents.open_files(paths)  # this briefing or a new one

    def open_files(self, paths: list[str], options: ReadOptions | None = None) -> None:
        """Load track files in the background, each its own layer with its own report
        (a briefing file is opened as a briefing). A unit the file does not give is asked
        (the import dialog), never silently assumed. A file goes to the recent files once it
        has loaded (not when its load fails or is cancelled)."""
        asked = asking_units(options)
        for path in paths:
            if str(path).lower().endswith(".briefing.json"):
                self.window.briefings.open_briefing(path)
                continue
            key = str(Path(path).resolve())
            if key in self._loading:
                continue
            self._loading[key] = 0.0
            self._requested[key] = asked
            self.loader.load(key, self.session.state.projection, asked)
            QSettings(ORG_NAME, ORG_NAME).setValue("files/last_folder", str(Path(key).parent))
        self._update_progress()

    @property
    def loading(self) -> bool:
        """Whether files are being read."""
        return bool(self._loading)

    @Slot()
    def cancel_loading(self) -> None:
        for key in list(self._loading):
            self.loader.cancel(key)

    def _on_load_progress(self, key: str, fraction: float) -> None:
        if key in self._loading:
            self._loading[key] = fraction
            self._update_progress()

    def _update_progress(self) -> None:
        busy = bool(self._loading)
        self.progress_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            done = sum(self._loading.values()) / len(self._loading)
            self.progress_bar.setValue(round(done * 1000))

    def _on_load_finished(self, key: str, trackset, report) -> None:
        self._loading.pop(key, None)
        if self.session.pending_time is not None and not self._loading:
            QTimer.singleShot(0, self.session.apply_pending_time)
        self._update_progress()
        self.session.add_tracks(key, trackset, report, self._requested.get(key))
        self._remember_recent(key)
        self.window.documents.files_loaded(key)  # the map goes to the files the user opened
        n_skipped = len(getattr(report, "skipped", []))
        n_warn = len(getattr(report, "warnings", []))
        name = Path(key).name
        tracks, fixes = trackset.n_tracks, f"{trackset.n_fixes:,}"
        if n_skipped or n_warn:
            msg = translate(
                "TrackFiles",
                "Loaded {file}: {tracks} tracks, {fixes} fixes ({skipped} rows skipped, "
                "{warnings} warnings: File > Import reports)",
            ).format(file=name, tracks=tracks, fixes=fixes, skipped=n_skipped, warnings=n_warn)
        else:
            msg = translate("TrackFiles", "Loaded {file}: {tracks} tracks, {fixes} fixes").format(
                file=name, tracks=tracks, fixes=fixes
            )
        self.show_message(msg, 15000)
        self.window.last_message = msg

    def _on_load_failed(self, key: str, message: str, error: object) -> None:
        self._loading.pop(key, None)
        self._update_progress()
        if isinstance(error, TimeZoneRequired) and self._ask_time_zone_and_retry(
            key, message, error.example
        ):
            return
        if isinstance(error, ColumnsUnknown) and self._ask_columns_and_retry(key, error):
            return
        if isinstance(error, UnitsUnsure):
            self._ask_units_and_retry(key, error)
            return
        self.show_error(translate("TrackFiles", "Cannot open track file"), message)

    def _on_load_cancelled(self, key: str) -> None:
        self._loading.pop(key, None)
        self._update_progress()
        self.show_message(
            translate("TrackFiles", "Loading {file} cancelled").format(file=Path(key).name), 8000
        )

    def _ask_time_zone_and_retry(self, key: str, message: str, example: str = "") -> bool:
        """Naive times: ask which zone they are in (never assume), then read again."""
        if QApplication.platformName() in ("offscreen", "minimal"):
            return False
        zone = ask_time_zone(self.window, Path(key).name, message, example, list(ZONE_KEYS))
        if not zone:
            return False
        self.open_files([key], with_tz(self._requested.get(key), zone))
        return True

    def _ask_columns_and_retry(self, key: str, error: ColumnsUnknown) -> bool:
        """Columns not recognised by name: let the user map them, then read again."""
        if QApplication.platformName() in ("offscreen", "minimal"):
            return False
        dialog = ImportDialog(Path(key).name, error.columns, error.reason, self.window, path=key)
        if dialog.exec() != ImportDialog.Accepted:
            return False
        self.open_files([key], dialog.options())
        return True

    def _ask_units_and_retry(self, key: str, error: UnitsUnsure) -> None:
        """Columns found but a unit only guessed: the import dialog, pre-filled with the detected
        columns and the guesses highlighted with their reasons; OK reads again with the units
        chosen (recorded in the report), Cancel leaves the app as it was. The dialog does not
        block (``open``), so the window keeps painting."""
        name = Path(key).name
        previous = self._requested.get(key)
        message = translate(
            "TrackFiles",
            "{name} does not say which unit some columns are in. Check the highlighted units (the guesses are pre-selected), then load.",  # noqa: E501
        ).format(name=name)
        dialog = ImportDialog(
            name,
            error.columns,
            message,
            self.window,
            mapping=error.mapping,
            unsure=error.units,
            zone=previous.tz if previous else None,
            path=key,
        )
        self.import_dialog = dialog

        def done(result: int) -> None:
            self.import_dialog = None
            dialog.deleteLater()
            if result != ImportDialog.DialogCode.Accepted:
                text = translate(
                    "TrackFiles", "Loading {name} cancelled: its units were not confirmed"
                ).format(name=name)
                self.show_message(text, 8000)
                self.window.last_message = text
                return
            options = dialog.options()
            if previous is not None:  # keep what was declared before (zone, time range)
                options = replace(
                    options, tz=options.tz or previous.tz, time_range=previous.time_range
                )
            self.open_files([key], options)

        dialog.finished.connect(done)
        dialog.open()

    @Slot()
    def show_reports(self) -> None:
        if not self.session.reports:
            self.show_message(translate("TrackFiles", "No track file loaded yet"), 5000)
            return
        for key, report in self.session.reports.items():
            ImportReportDialog(Path(key).name, report, self.window).show()

    def _remember_recent(self, path: str) -> None:
        """Put a file that loaded first in File > Open recent."""
        settings = QSettings(ORG_NAME, ORG_NAME)
        recent = [p for p in as_list(settings.value("files/recent")) if p != path]
        settings.setValue("files/recent", [path, *recent][:MAX_RECENT])
        self.refresh_recent_menu()

    def refresh_recent_menu(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        recent = as_list(QSettings(ORG_NAME, ORG_NAME).value("files/recent"))
        for path in recent:
            act = menu.addAction(Path(path).name)
            act.setStatusTip(path)
            act.triggered.connect(lambda _=False, p=path: self.window.documents.open_files([p]))
        menu.setEnabled(bool(recent))

    def shutdown(self) -> None:
        """The window closes: nothing more is delivered from the loading threads."""
        self.loader.shutdown()
