"""The track-file part of the main window: open (dialog, recent files, drag and drop, command
line), background loading with progress and Cancel, import reports and dialogs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer, Slot
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
)

from viewer.core.track_layers import LoadedTracks
from viewer.qt.app_settings import (
    MAX_RECENT,
    ORG_NAME,
    TIME_ZONES,
    TRACK_PATTERNS,
    as_list,
    tz_of,
    with_tz,
)
from viewer.qt.i18n import translate


class TrackFilesMixin:
    """Methods of `viewer.qt.main_window.MainWindow` (a mixin: ``self`` is the window)."""

    @Slot()
    def open_dialog(self) -> None:
        settings = QSettings(ORG_NAME, ORG_NAME)
        folder = str(settings.value("files/last_folder", ""))
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            translate("TrackFiles", "Open track files"),
            folder,
            translate("TrackFiles", "Track files ({patterns});;All files (*)").format(
                patterns=TRACK_PATTERNS
            ),
        )
        self.open_files(paths)

    def open_files(self, paths: list[str], options: object = None) -> None:
        """Load track files in the background, each its own layer with its own report
        (a briefing file is opened as a briefing). A unit the file does not give is asked
        (the import dialog), never silently assumed. A file goes to the recent files once it
        has loaded (not when its load fails or is cancelled)."""
        options = _asking_units(options)
        for path in paths:
            if str(path).lower().endswith(".briefing.json"):
                self.open_briefing(path)
                continue
            key = str(Path(path).resolve())
            if key in self._loading:
                continue
            self._loading[key] = 0.0
            self._load_options[key] = options
            self.loader.load(key, self.state.projection, options)
            QSettings(ORG_NAME, ORG_NAME).setValue("files/last_folder", str(Path(key).parent))
        self._update_progress()

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
        if self._pending_time is not None and not self._loading:
            QTimer.singleShot(0, self._apply_pending_time)
        self._update_progress()
        self.reports[key] = report
        self.tracks.add(LoadedTracks(Path(key), trackset, report))
        self._remember_recent(key)
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
        self.statusBar().showMessage(msg, 15000)
        self.last_message = msg

    def _on_load_failed(self, key: str, message: str, error: object) -> None:
        self._loading.pop(key, None)
        self._update_progress()
        from viewer.io.report import ColumnsUnknown, TimeZoneRequired, UnitsUnsure

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
        self.statusBar().showMessage(
            translate("TrackFiles", "Loading {file} cancelled").format(file=Path(key).name), 8000
        )

    def _ask_time_zone_and_retry(self, key: str, message: str, example: str = "") -> bool:
        """Naive times: ask which zone they are in (never assume), then read again."""
        if QApplication.platformName() in ("offscreen", "minimal"):
            return False
        from viewer.qt.time_zone_dialog import ask_time_zone

        zone = ask_time_zone(self, Path(key).name, message, example, TIME_ZONES)
        if not zone:
            return False
        from viewer.io.registry import ReadOptions

        previous = self._load_options.get(key)
        options = ReadOptions(tz=zone) if previous is None else with_tz(previous, zone)
        self.open_files([key], options)
        return True

    def _ask_columns_and_retry(self, key: str, error) -> bool:
        """Columns not recognised by name: let the user map them, then read again."""
        if QApplication.platformName() in ("offscreen", "minimal"):
            return False
        from viewer.qt.import_dialog import ImportDialog

        dialog = ImportDialog(Path(key).name, error.columns, error.reason, self, path=key)
        if dialog.exec() != ImportDialog.Accepted:
            return False
        self.open_files([key], dialog.options())
        return True

    def _ask_units_and_retry(self, key: str, error) -> None:
        """Columns found but a unit only guessed: the import dialog, pre-filled with the detected
        columns and the guesses highlighted with their reasons; OK reads again with the units
        chosen (recorded in the report), Cancel leaves the app as it was. The dialog does not
        block (``open``), so the window keeps painting."""
        from viewer.qt.import_dialog import ImportDialog

        name = Path(key).name
        previous = self._load_options.get(key)
        message = translate(
            "TrackFiles",
            "{name} does not say which unit some columns are in. Check the highlighted units (the guesses are pre-selected), then load.",  # noqa: E501
        ).format(name=name)
        dialog = ImportDialog(
            name,
            error.columns,
            message,
            self,
            mapping=error.mapping,
            unsure=error.units,
            zone=tz_of(previous),
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
                self.statusBar().showMessage(text, 8000)
                self.last_message = text
                return
            options = dialog.options()
            if previous is not None:  # keep what was declared before (zone, time range)
                options = replace(
                    options,
                    tz=options.tz or tz_of(previous),
                    time_range=getattr(previous, "time_range", None),
                )
            self.open_files([key], options)

        dialog.finished.connect(done)
        dialog.open()

    @Slot()
    def show_reports(self) -> None:
        from viewer.qt.report_dialog import ImportReportDialog

        if not self.reports:
            self.statusBar().showMessage(translate("TrackFiles", "No track file loaded yet"), 5000)
            return
        for key, report in self.reports.items():
            ImportReportDialog(Path(key).name, report, self).show()

    def _remember_recent(self, path: str) -> None:
        """Put a file that loaded first in File > Open recent."""
        settings = QSettings(ORG_NAME, ORG_NAME)
        recent = [p for p in as_list(settings.value("files/recent")) if p != path]
        settings.setValue("files/recent", [path, *recent][:MAX_RECENT])
        self._refresh_recent_menu()

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = as_list(QSettings(ORG_NAME, ORG_NAME).value("files/recent"))
        for path in recent:
            act = self.recent_menu.addAction(Path(path).name)
            act.setStatusTip(path)
            act.triggered.connect(lambda _=False, p=path: self.open_files([p]))
        self.recent_menu.setEnabled(bool(recent))

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_files(paths)


def _asking_units(options: object) -> object:
    """The app's reads stop at a guessed unit (`UnitsUnsure`) so the user is asked."""
    from viewer.io.registry import ReadOptions

    if options is None:
        return ReadOptions(confirm_units=True)
    if isinstance(options, ReadOptions) and not options.confirm_units:
        return replace(options, confirm_units=True)
    return options
