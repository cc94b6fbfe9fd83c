"""Presenting in the window: presentation mode (F5), the presenter view with the scene's notes,
titles and notes edited, the laser pointer.

Screens: with one screen the map goes full screen and the presenter view stays hidden unless
asked for (Scenes > Presenter notes, N: a small window the presenter can move — on a mirrored
projector the class sees it too). With two or more, as presentation software does, the map goes
full screen on a screen other than the primary one (the projector, usually) and the presenter
view fills the primary screen; Swap screens exchanges them. The audience's screen shows the map
exactly as with one screen.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QRect, Qt, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

from viewer.core.briefing import Briefing
from viewer.core.map_tools import EDIT_VERTICES
from viewer.qt.controller import Controller
from viewer.qt.i18n import translate
from viewer.qt.laser_pointer import LaserPointer
from viewer.qt.notes_dialog import NotesDialog
from viewer.qt.presenter_view import PresenterView

SMALL_VIEW = (460, 320)  # the presenter view as a small window (one screen)


def choose_screens(count: int, primary: int, swap: bool = False) -> tuple[int | None, int | None]:
    """(audience screen, presenter screen) as indexes into the screens, for ``count`` screens
    with ``primary`` the primary one: with one screen (None, None) — the window's own screen,
    no presenter screen; with more, the first screen that is not the primary for the audience
    and the primary for the presenter, exchanged when ``swap``.

    >>> choose_screens(1, 0), choose_screens(2, 0), choose_screens(2, 0, swap=True)
    ((None, None), (1, 0), (0, 1))
    """
    if count < 2:
        return None, None
    audience = next(i for i in range(count) if i != primary)
    return (primary, audience) if swap else (audience, primary)


class PresenterController(Controller):
    def __init__(self, session, window) -> None:
        super().__init__(session, window)
        self.swap = False
        self._geometry: QRect | None = None  # where the window was, when presenting moved it
        self.view = PresenterView(session, window.tools.tools, window)
        self.view.setWindowFlags(Qt.Tool)
        self.view.resize(*SMALL_VIEW)
        self.view.previous.connect(lambda: window.briefings.step_scene(-1))
        self.view.next.connect(lambda: window.briefings.step_scene(+1))
        self.view.edit_requested.connect(self.edit_notes)
        self.view.swap_requested.connect(self.swap_screens)
        self.view.closed.connect(lambda: self.notes_act.setChecked(False))
        tools = window.tools.tools
        self.laser = LaserPointer(
            window.canvas, window, blocked=lambda: tools.active == EDIT_VERTICES
        )
        self.create_actions()

    def create_actions(self) -> None:
        w = self.window
        self.notes_act = QAction(
            translate("Presenter", "Presenter &notes"),
            w,
            shortcut="N",
            checkable=True,
            statusTip=translate(
                "Presenter",
                "The scene's title and note, the next scene and the time, for the presenter",
            ),
            toggled=self.show_notes,
        )
        self.edit_notes_act = QAction(
            translate("Presenter", "Titles and &notes…"),
            w,
            statusTip=translate(
                "Presenter", "Edit the briefing's title, the scenes' titles and presenter notes"
            ),
            triggered=self.edit_notes,
        )
        self.swap_act = QAction(
            translate("Presenter", "S&wap presenter and audience screens"),
            w,
            triggered=self.swap_screens,
        )
        w.addAction(self.notes_act)
        app = QGuiApplication.instance()
        app.screenAdded.connect(self._on_screens_changed)
        app.screenRemoved.connect(self._on_screens_changed)
        self._on_screens_changed()

    def _on_screens_changed(self, *_) -> None:
        """Swapping screens needs two."""
        two = len(QGuiApplication.screens()) > 1
        self.swap_act.setEnabled(two)
        self.view.swap_button.setVisible(two)

    def menu_actions(self) -> list[QAction]:
        """What the Scenes menu lists for presenting."""
        return [self.notes_act, self.edit_notes_act, self.swap_act]

    # ------------------------------------------------------------------ titles and notes
    @Slot()
    def edit_notes(self) -> bool:
        """The titles and notes dialog; OK keeps them as one undoable edit."""
        b = self.session.briefing or Briefing()
        dialog = NotesDialog(b.title, b.scenes, self.session.scene_index, self.window)
        if not self.window.briefings._run_dialog(dialog):
            return False
        return self.set_titles_and_notes(dialog.result_title, dialog.result_scenes)

    def set_titles_and_notes(self, title: str, scenes) -> bool:
        """Keep ``title`` and ``scenes`` (one edit, Edit > Undo "titles and notes")."""
        b = self.session.briefing or Briefing()
        if title == b.title and tuple(scenes) == b.scenes:
            return False
        action = translate("Presenter", "titles and notes")
        self.session.edit(title=title, scenes=tuple(scenes), action=action)
        return True

    # ------------------------------------------------------------------ the presenter view
    def show_notes(self, on: bool) -> None:
        """Scenes > Presenter notes: the presenter view on or off."""
        if on == self.view.isVisible():
            return
        if not on:
            self.view.hide()
            return
        screens = QGuiApplication.screens()
        _, presenter = self._screens()
        if presenter is not None and self.presenting:
            self._place(self.view, screens[presenter].availableGeometry(), Qt.Window)
        else:
            self._as_small_window()
        self.view.show()

    def _as_small_window(self) -> None:
        """A small window over the map's bottom-left corner, to be moved where wanted."""
        screen = (self.window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        w, h = SMALL_VIEW
        rect = QRect(screen.left() + 24, screen.bottom() - h - 48, w, h)
        self._place(self.view, rect, Qt.Tool)

    @staticmethod
    def _place(widget, rect: QRect, flags) -> None:
        if widget.windowFlags() & Qt.WindowType_Mask != flags:
            widget.setWindowFlags(flags)
        screen = QGuiApplication.screenAt(rect.center())
        if screen is not None:
            widget.setScreen(screen)
        widget.setGeometry(rect)

    def _screens(self) -> tuple[int | None, int | None]:
        screens = QGuiApplication.screens()
        primary = screens.index(QGuiApplication.primaryScreen()) if screens else 0
        return choose_screens(len(screens), primary, self.swap)

    @Slot()
    def swap_screens(self) -> None:
        """Exchange the audience's and the presenter's screens (two screens or more)."""
        self.swap = not self.swap
        if self.presenting:
            self._arrange()

    # ------------------------------------------------------------------ presentation mode
    @property
    def presenting(self) -> bool:
        return self.window.briefings.presenting

    def set_presentation(self, on: bool) -> None:
        """Full screen for a projector: panels, menus, toolbar and status bar hidden, larger
        type, title and clock on the map; with a second screen the presenter view on it."""
        w = self.window
        briefings = w.briefings
        briefings.present_act.setChecked(on)
        w.scene.font_scale = 1.5 if on else 1.0
        # a presenter clicker sends PageDown/PageUp or Right/Left: both step scenes while presenting
        for act, page, arrow in (
            (briefings.next_scene_act, QKeySequence.MoveToNextPage, Qt.Key_Right),
            (briefings.prev_scene_act, QKeySequence.MoveToPreviousPage, Qt.Key_Left),
        ):
            keys = [QKeySequence(page), QKeySequence(arrow)] if on else [QKeySequence(page)]
            act.setShortcuts(keys)
        qt_timeline = w.replay.qt_timeline
        for act, key in (
            (qt_timeline.step_back_act, Qt.Key_Left),
            (qt_timeline.step_forward_act, Qt.Key_Right),
        ):
            act.setShortcut(QKeySequence() if on else QKeySequence(key))
        w.show_title_clock(on)
        for dock in w.panel_docks():
            dock.setVisible(not on)
        for bar in (w.menuBar(), w.statusBar(), w.tools.toolbar):
            bar.setVisible(not on)
        if on:
            self.view.started = self.view.started or time.monotonic()
            self._arrange()
        else:
            self.view.started = None
            w.showNormal()
            if self._geometry is not None:  # back from the audience's screen
                w.setGeometry(self._geometry)
                self._geometry = None
            if self.view.isVisible() and self.view.windowFlags() & Qt.WindowType_Mask != Qt.Tool:
                self.notes_act.setChecked(False)  # the second screen's view goes with it
        w.tools.refresh()  # Esc now leaves presentation mode
        w.canvas.invalidate()

    def _arrange(self) -> None:
        """The map full screen on the audience's screen; the presenter view on the presenter's
        (two screens), or as it was (one)."""
        w, screens = self.window, QGuiApplication.screens()
        audience, presenter = self._screens()
        if audience is not None:
            if self._geometry is None:
                self._geometry = w.normalGeometry() if w.isFullScreen() else w.geometry()
            w.showNormal()
            w.setScreen(screens[audience])
            w.setGeometry(screens[audience].geometry())
        w.showFullScreen()
        if presenter is not None:
            self.view.hide()
            self._place(self.view, screens[presenter].availableGeometry(), Qt.Window)
            self.notes_act.setChecked(True)
            self.view.show()
