"""The user's own files in the window: File > New briefing, removing a loaded track file
(undoable), and what happens when track files are opened while a briefing is open — they join
it, or start a new briefing of their own ("Add to this briefing" / "New briefing", asked, the
choice remembered when the user says so). The dialog, the recent files, drag and drop and the
command line all come here. Once the files are in, the map and the timeline go to them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QCheckBox, QInputDialog, QMenu, QMessageBox

from viewer.core.tracing import TRACED_PATH
from viewer.qt.app_settings import APP_NAME, DEFAULT_BRIEFING, ORG_NAME
from viewer.qt.controller import Controller
from viewer.qt.i18n import translate

ADD, NEW = "add", "new"
CHOICE_KEY = "files/open_into"  # the remembered answer: "add", "new" or "" (ask)
FOLDER_KEY = "briefings/last_folder"  # where the last briefing was saved or opened


def briefing_folder(session) -> str:
    """Where the briefing dialogs open: the briefing's own folder (not the bundled sample's),
    else the folder last used for briefings, else the user's documents folder."""
    path = session.briefing_path
    if path is not None and path != DEFAULT_BRIEFING:
        return str(Path(path).parent)
    last = str(QSettings(ORG_NAME, ORG_NAME).value(FOLDER_KEY, "") or "")
    if last and Path(last).is_dir():
        return last
    docs = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    return docs if docs and Path(docs).is_dir() else str(Path.home())


def remember_briefing_folder(path: str | Path) -> None:
    QSettings(ORG_NAME, ORG_NAME).setValue(FOLDER_KEY, str(Path(path).parent))


def title_for_files(paths: list[str], span: tuple[float, float] | None) -> str:
    """A new briefing's title from its files: their names and the days they span
    ("flights_june — 5 Jun 2024" or "a, b — 5 Jun 2024 to 7 Jun 2024")."""
    names = [Path(p).name.split(".")[0] for p in paths]
    name = ", ".join(names[:3]) + ("…" if len(names) > 3 else "")
    if span is None:
        return name
    first, last = (datetime.fromtimestamp(t, UTC).strftime("%-d %b %Y") for t in span)
    return f"{name} — {first}" if first == last else f"{name} — {first} to {last}"


class DocumentController(Controller):
    def __init__(self, session, window) -> None:
        super().__init__(session, window)
        self._fit_when_loaded: set[str] = set()  # files whose arrival moves the map to them
        self._new_title_pending = False  # the new briefing is titled from its files
        self.create_actions()
        self.remove_menu = QMenu(translate("MainWindow", "&Remove track file"), window)
        self.remove_menu.setStatusTip(
            translate("MainWindow", "Unload a track file from the briefing (Edit > Undo)")
        )
        session.tracks.events.connect("changed", self._on_tracks_changed)
        self.refresh_remove_menu()

    def create_actions(self) -> None:
        self.new_act = QAction(
            translate("MainWindow", "&New briefing…"),
            self.window,
            shortcut=QKeySequence.New,
            statusTip=translate(
                "MainWindow", "An empty briefing: the reference layers, no tracks, a title of yours"
            ),
            triggered=lambda: self.new_briefing(),
        )

    # ------------------------------------------------------------------ new briefing
    @Slot()
    def new_briefing(self, title: str | None = None) -> bool:
        """An empty briefing (after asking to save unsaved changes); its title asked."""
        if not self._may_discard():
            return False
        if title is None:
            title = self._ask_title(translate("Document", "Untitled briefing"))
            if title is None:
                return False
        self._start_new(title or translate("Document", "Untitled briefing"))
        return True

    def _start_new(self, title: str) -> None:
        self.session.new_briefing(title)
        canvas = self.window.canvas
        fit = self.session.map_view
        canvas.set_view(fit(canvas.width(), canvas.height()), settle=False, fit=fit)
        canvas.invalidate()
        self.window.setWindowTitle(f"{title} — {APP_NAME}")
        self.window.replay.details.clear()
        self.show_message(translate("Document", "New briefing: {title}").format(title=title), 8000)

    def _ask_title(self, default: str) -> str | None:
        """The new briefing's title (tests replace this: a modal dialog cannot run in them)."""
        if QApplication.platformName() in ("offscreen", "minimal"):
            return default
        text, ok = QInputDialog.getText(
            self.window,
            translate("Document", "New briefing"),
            translate("Document", "Title of the briefing:"),
            text=default,
        )
        return text.strip() if ok else None

    def _may_discard(self) -> bool:
        """Unsaved changes: save them, discard them, or stay (False)."""
        if not self.session.dirty or QApplication.platformName() in ("offscreen", "minimal"):
            return True
        answer = QMessageBox.question(
            self.window,
            translate("MainWindow", "Unsaved changes"),
            translate("MainWindow", "Save the briefing before closing?"),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
        )
        if answer == QMessageBox.Cancel:
            return False
        return answer != QMessageBox.Save or self.window.briefings.save_briefing()

    # ------------------------------------------------------------------ opening files
    def open_files(self, paths: list[str]) -> None:
        """Files the user opened (dialog, recent files, drag and drop, command line): briefings
        open as briefings; track files join the open briefing or start a new one (asked); the
        map and the timeline then go to them."""
        paths = [str(p) for p in paths]
        briefings = [p for p in paths if p.lower().endswith(".briefing.json")]
        tracks = [p for p in paths if p not in briefings]
        for path in briefings:
            self.window.briefings.open_briefing(path)
        if not tracks:
            return
        if self.session.briefing is not None and not briefings:
            choice = self._add_or_new(tracks)
            if choice is None:
                return
            if choice == NEW:
                if not self._may_discard():
                    return
                self._start_new(translate("Document", "Untitled briefing"))
                self._new_title_pending = True
        keys = [str(Path(p).resolve()) for p in tracks]
        self._fit_when_loaded.update(keys)
        self.window.track_files.open_files(tracks)

    def make_room(self, source: str, title: str) -> bool:
        """An archive (``source``) about to open while a briefing is open: it joins this
        briefing or a new one titled ``title`` starts (asked as for track files, so the
        sample's tracks and its "illustrative" notice do not stay over real data). False when
        cancelled."""
        if self.session.briefing is None:
            return True
        choice = self._add_or_new([source])
        if choice == NEW:
            if not self._may_discard():
                return False
            self._start_new(title)
        return choice is not None

    def _add_or_new(self, paths: list[str]) -> str | None:
        """ "add", "new" or None (cancelled): the remembered answer, else asked."""
        remembered = str(QSettings(ORG_NAME, ORG_NAME).value(CHOICE_KEY, "") or "")
        if remembered in (ADD, NEW):
            return remembered
        return self.ask_add_or_new(paths)

    def ask_add_or_new(self, paths: list[str]) -> str | None:
        """Ask whether ``paths`` join this briefing or start a new one (tests replace this)."""
        if QApplication.platformName() in ("offscreen", "minimal"):
            return ADD
        title = self.session.briefing.title if self.session.briefing else ""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Question)
        box.setWindowTitle(translate("Document", "Open track files"))
        box.setText(
            translate(
                "Document", "Add {files} to the open briefing “{title}”, or start a new briefing?"
            ).format(files=", ".join(Path(p).name for p in paths), title=title)
        )
        add = box.addButton(translate("Document", "Add to this briefing"), QMessageBox.AcceptRole)
        new = box.addButton(translate("Document", "New briefing"), QMessageBox.AcceptRole)
        box.addButton(QMessageBox.Cancel)
        remember = QCheckBox(translate("Document", "Remember my choice"))
        box.setCheckBox(remember)
        box.setDefaultButton(new)
        box.exec()
        clicked = box.clickedButton()
        choice = ADD if clicked is add else NEW if clicked is new else None
        if choice is not None and remember.isChecked():
            QSettings(ORG_NAME, ORG_NAME).setValue(CHOICE_KEY, choice)
        return choice

    def files_loaded(self, key: str) -> None:
        """A file the user opened is in: when the last of them is, the map goes to their
        tracks and a new briefing takes its title from them."""
        if key not in self._fit_when_loaded or self.window.track_files.loading:
            return
        self._fit_when_loaded.clear()  # (a file that failed does not hold the others up)
        box = self.session.tracks.lonlat_box()
        if self._new_title_pending:
            self._new_title_pending = False
            files = [str(i.path) for i in self.session.tracks.items if i.path != TRACED_PATH]
            title = title_for_files(files, self.session.tracks.time_span)
            self.session.edit(undo=False, title=title)
            self.window.setWindowTitle(f"{title} — {APP_NAME}")
        if box is not None:
            self.window.canvas.zoom_to_lonlat(box)

    # ------------------------------------------------------------------ removing a file
    def _on_tracks_changed(self, *_: object) -> None:
        self.refresh_remove_menu()

    def refresh_remove_menu(self) -> None:
        menu = self.remove_menu
        menu.clear()
        items = [i for i in self.session.tracks.items if i.path != TRACED_PATH]
        for item in items:
            act = menu.addAction(item.path.name)
            act.setData(str(item.path))  # (a path, not text to translate)
            act.triggered.connect(lambda _=False, p=item.path: self.remove_file(p))
        menu.setEnabled(bool(items))

    def remove_file(self, path: str | Path) -> bool:
        """Unload a track file; Edit > Undo loads it back."""
        name = Path(path).name
        action = translate("Document", "remove {file}").format(file=name)
        if not self.session.remove_tracks(path, action=action):
            return False
        self.window.briefings.refresh_undo()
        self.show_message(
            translate("Document", "Removed {file} (Edit > Undo brings it back)").format(file=name),
            8000,
        )
        self.window.canvas.update()
        return True
