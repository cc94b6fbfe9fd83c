"""The presenter view: what only the presenter sees while presenting — the scene's title and
note, the next scene, the time (the wall clock, how long the presentation has run, the map's
clock) and the active map tool — with Previous / Next and Edit titles and notes.

On a second screen it fills that screen (the audience's screen shows the map alone); with one
screen it is a small window the presenter can move, shown only on demand (Scenes > Presenter
notes, N): on a mirrored projector the class would see it too.
"""

from __future__ import annotations

import math
import time
from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from viewer.core.map_tools import MapTools
from viewer.core.session import Session
from viewer.core.timeline import format_time
from viewer.qt.i18n import translate
from viewer.qt.tool_controller import SIGN_TEXTS


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def elapsed_words(seconds: float) -> str:
    """``seconds`` as H:MM:SS or M:SS (how long the presentation has run)."""
    s = max(0, int(seconds))
    h, m, s = s // 3600, s // 60 % 60, s % 60
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class PresenterView(QWidget):
    """The presenter's screen on ``session`` and ``tools``; emits ``previous`` / ``next`` /
    ``edit_requested`` / ``swap_requested`` (the controller acts) and ``closed``."""

    previous = Signal()
    next = Signal()
    edit_requested = Signal()
    swap_requested = Signal()
    closed = Signal()

    def __init__(self, session: Session, tools: MapTools, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tools = tools
        self.started: float | None = None  # monotonic time presenting began
        self.setWindowTitle(translate("Presenter", "Presenter notes"))
        self.position = QLabel()
        self.position.setFont(_font(11))
        self.title = QLabel()
        self.title.setFont(_font(20, bold=True))
        self.title.setWordWrap(True)
        self.note = QTextBrowser()
        self.note.setFont(_font(16))
        self.next_label = QLabel()
        self.next_label.setFont(_font(13))
        self.next_label.setWordWrap(True)
        self.clock = QLabel()
        self.clock.setFont(_font(13, bold=True))
        self.tool = QLabel()
        self.tool.setFont(_font(11))
        self.prev_button = QPushButton(translate("Presenter", "◀ Previous"))
        self.next_button = QPushButton(translate("Presenter", "Next ▶"))
        self.edit_button = QPushButton(translate("Presenter", "Edit titles and notes…"))
        self.swap_button = QPushButton(translate("Presenter", "Swap screens"))
        self.swap_button.setToolTip(
            translate("Presenter", "Show the map on the other screen and these notes on this one")
        )
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.edit_button.clicked.connect(self.edit_requested)
        self.swap_button.clicked.connect(self.swap_requested)
        buttons = QHBoxLayout()
        for b in (self.prev_button, self.next_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.swap_button)
        buttons.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.position)
        layout.addWidget(self.title)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.next_label)
        layout.addWidget(self.clock)
        layout.addWidget(self.tool)
        layout.addLayout(buttons)
        self._timer = QTimer(self, interval=1000, timeout=self.refresh_clock)
        session.events.connect("scene", self._on_scene_changed)
        session.events.connect("briefing", self._on_briefing_changed)
        tools.events.connect("active", self._on_tool_changed)
        self.refresh()

    # ------------------------------------------------------------------ model events
    def _on_scene_changed(self, index: int) -> None:
        self.refresh()

    def _on_briefing_changed(self, changed: frozenset[str]) -> None:
        if changed & {"scenes", "title"}:
            self.refresh()

    def _on_tool_changed(self, old: str | None, new: str | None) -> None:
        self.refresh_tool()

    # ------------------------------------------------------------------ showing
    def refresh(self) -> None:
        """Scene, note, next scene, clock and tool as they are now."""
        b = self.session.briefing
        scenes = b.scenes if b else ()
        i = self.session.scene_index
        n = len(scenes)
        if 0 <= i < n:
            scene = scenes[i]
            self.position.setText(
                translate("Presenter", "Scene {n} of {total} · {briefing}").format(
                    n=i + 1, total=n, briefing=b.title if b else ""
                )
            )
            self.title.setText(scene.title)
            self.note.setPlainText(scene.note or translate("Presenter", "(no note for this scene)"))
        else:
            self.position.setText(b.title if b else "")
            self.title.setText(
                translate("Presenter", "Not on a scene yet")
                if n
                else translate("Presenter", "This briefing has no scenes")
            )
            self.note.setPlainText(b.description if b else "")
        nxt = i + 1
        if nxt < n:
            self.next_label.setText(
                translate("Presenter", "Next: {n}. {title}").format(
                    n=nxt + 1, title=scenes[nxt].title
                )
            )
        else:
            self.next_label.setText(translate("Presenter", "Next: (end of the briefing)"))
        self.prev_button.setEnabled(i > 0)
        self.next_button.setEnabled(nxt < n)
        self.refresh_clock()
        self.refresh_tool()

    def refresh_clock(self) -> None:
        parts = [datetime.now().strftime("%H:%M")]
        if self.started is not None:
            parts.append(
                translate("Presenter", "presenting {elapsed}").format(
                    elapsed=elapsed_words(time.monotonic() - self.started)
                )
            )
        tl = self.session.timeline
        if self.session.tracks.items and math.isfinite(tl.time):
            parts.append(
                translate("Presenter", "map time {time}").format(time=format_time(tl.time, tl.zone))
            )
        self.clock.setText("   ·   ".join(parts))

    def refresh_tool(self) -> None:
        tool = self.tools.active
        self.tool.setText(
            translate("Presenter", "Tool: {tool} — Esc ends it").format(
                tool=translate("Tools", SIGN_TEXTS[tool])
            )
            if tool
            else translate("Presenter", "No map tool (a click selects, a drag pans)")
        )

    def showEvent(self, event) -> None:
        self.refresh()
        self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def closeEvent(self, event) -> None:
        self.closed.emit()
        super().closeEvent(event)
