"""A database's password in the window: asked on the UI thread for the worker that opens it
(`PasswordBridge`), kept for this run only (the counts' second connection asks again), asked
again saying so when the database refused it, and put in the system keyring once the archive
opened when the user asked for that. Never written into a briefing."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from viewer.io.archive.credentials import keyring_status, set_password
from viewer.qt.archive_dialogs import PasswordDialog
from viewer.qt.archive_worker import PasswordBridge
from viewer.qt.i18n import translate

HEADLESS = ("offscreen", "minimal")
REFUSED = "\x00"  # before a password prompt: the database refused the one given


class ArchivePasswords(QObject):
    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self._given: dict[str, tuple[str, bool]] = {}  # source -> (password, keep)
        # answers a password question on the UI thread: (password, keep) or None (cancelled)
        self.answer: Callable[[str, str], tuple[str, bool] | None] = self._dialog
        self._bridges: list[PasswordBridge] = []

    def asker(self, source: str) -> Callable[[], Callable[[str], str | None]]:
        """For each opening of ``source`` (in a worker thread), the ``ask_password`` to give
        `open_archive`: it waits for the answer on the UI thread."""
        bridge = PasswordBridge(lambda prompt: self._answer(source, prompt), self)
        self._bridges.append(bridge)

        def new_ask() -> Callable[[str], str | None]:
            asks = itertools.count()

            def ask(prompt: str) -> str | None:  # asked again: the last one was refused
                return bridge.ask(prompt if next(asks) == 0 else REFUSED + prompt)

            return ask

        return new_ask

    def _answer(self, source: str, prompt: str) -> str | None:
        """The password for ``source`` (UI thread): the one given earlier in this run, else
        asked (again, saying so, when the database refused the last one)."""
        if prompt.startswith(REFUSED):
            self._given.pop(source, None)
            refused = translate("Archive", "The password was refused.")
            prompt = refused + " " + prompt[len(REFUSED) :]
        given = self._given.get(source)
        if given is not None:
            return given[0]
        answer = self.answer(prompt, keyring_status())
        if answer is None:
            return None
        self._given[source] = answer
        return answer[0]

    def _dialog(self, prompt: str, keyring_note: str) -> tuple[str, bool] | None:
        if QApplication.platformName() in HEADLESS:
            return None
        dialog = PasswordDialog(prompt, keyring_note, self.window)
        if dialog.exec() != QDialog.Accepted:
            return None
        return dialog.password(), dialog.remember()

    def opened(self, source: str) -> str:
        """``source`` opened: its password kept in the keyring if asked to; why not, or ""."""
        given = self._given.get(source)
        return set_password(source, given[0]) if given is not None and given[1] else ""

    def release(self) -> None:
        """No worker waits for an answer any more (each gets None)."""
        for bridge in self._bridges:
            bridge.release()
        self._bridges.clear()


__all__ = ["HEADLESS", "ArchivePasswords"]
