"""The briefing in the window: open and save briefings, scenes (step, add, rename, move,
delete), annotations drawn on the map, undo and redo, presentation mode, autosave and recovery
after a crash. The document and its edits are the session's; this part asks and shows."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from viewer.core.briefing import (
    Annotation,
    BriefingError,
    Scene,
    TimeRange,
    discard_recovery,
    find_recovery,
    load_briefing,
    missing_files,
    relocate_file,
    save_briefing,
    write_recovery,
)
from viewer.qt.annotation_tool import AnnotationTool
from viewer.qt.app_settings import APP_NAME, DEFAULT_BRIEFING
from viewer.qt.briefing_name import confirm_briefing_path
from viewer.qt.controller import Controller
from viewer.qt.document_controller import briefing_folder, remember_briefing_folder
from viewer.qt.i18n import translate
from viewer.qt.timing_dialog import (
    annotation_timing_dialog,
    annotation_with_timing,
    scene_timing_dialog,
    scene_with_timing,
)

AUTOSAVE_MS = 60_000


class BriefingController(Controller):
    def __init__(self, session, window) -> None:
        super().__init__(session, window)
        self.annotation_tool = AnnotationTool(window.canvas, self.add_annotation, self._ask_text)
        window.canvas.screen_painters.append(self.annotation_tool.paint_preview)
        self._autosave_timer = QTimer(self, interval=AUTOSAVE_MS, timeout=self.autosave)
        self._autosave_timer.start()
        self.create_actions()
        self.refresh_undo()
        session.events.connect("briefing", self._on_briefing_changed)
        session.events.connect("scene", self._on_scene_changed)

    def create_actions(self) -> None:
        w = self.window
        self.open_briefing_act = QAction(
            translate("MainWindow", "Open &briefing…"),
            w,
            shortcut="Ctrl+Shift+O",
            statusTip=translate("MainWindow", "Open a saved briefing (*.briefing.json)"),
            triggered=self.open_briefing_dialog,
        )
        self.save_act = QAction(
            translate("MainWindow", "&Save briefing"),
            w,
            shortcut=QKeySequence.Save,
            statusTip=translate(
                "MainWindow", "Save the briefing: files, layers, view, clock, scenes"
            ),
            triggered=self.save_briefing,
        )
        self.save_as_act = QAction(
            translate("MainWindow", "Save briefing &as…"),
            w,
            shortcut=QKeySequence.SaveAs,
            triggered=self.save_briefing_as,
        )
        self.add_scene_act = QAction(
            translate("MainWindow", "&Add scene from current view"),
            w,
            shortcut="Ctrl+M",
            statusTip=translate("MainWindow", "A scene = this view, time, layers and speed"),
            triggered=self.add_scene,
        )
        self.rename_scene_act = QAction(
            translate("MainWindow", "&Rename scene…"), w, triggered=self.rename_scene
        )
        self.delete_scene_act = QAction(
            translate("MainWindow", "&Delete scene"), w, triggered=self.delete_scene
        )
        self.scene_timing_act = QAction(  # issue 22: times typed (viewer/qt/timing_dialog.py)
            translate("MainWindow", "Scene &timing…"), w, triggered=self.edit_scene_timing
        )
        self.annotation_timing_act = QAction(
            translate("MainWindow", "When the last annotation shows…"),
            w,
            triggered=self.edit_annotation_timing,
        )
        self.scene_earlier_act = QAction(
            translate("MainWindow", "Move scene &earlier"),
            w,
            triggered=lambda: self.move_scene(-1),
        )
        self.scene_later_act = QAction(
            translate("MainWindow", "Move scene &later"),
            w,
            triggered=lambda: self.move_scene(+1),
        )
        self.next_scene_act = QAction(
            translate("MainWindow", "&Next scene"),
            w,
            shortcut=QKeySequence.MoveToNextPage,
            statusTip=translate("MainWindow", "Step to the next scene (presenter clicker)"),
            triggered=lambda: self.step_scene(+1),
        )
        self.prev_scene_act = QAction(
            translate("MainWindow", "&Previous scene"),
            w,
            shortcut=QKeySequence.MoveToPreviousPage,
            triggered=lambda: self.step_scene(-1),
        )
        self.present_act = QAction(
            translate("MainWindow", "&Presentation mode"),
            w,
            shortcut="F5",
            checkable=True,
            statusTip=translate("MainWindow", "Full screen, large type, no panels (Esc leaves)"),
            triggered=self.set_presentation,
        )
        self.annotate_acts: dict[str, QAction] = {}
        for kind, title, key in (
            ("text", translate("MainWindow", "&Text"), "Shift+T"),
            ("arrow", translate("MainWindow", "&Arrow"), "Shift+A"),
            ("circle", translate("MainWindow", "&Circle"), "Shift+C"),
            ("polygon", translate("MainWindow", "&Polygon (Enter to finish)"), "Shift+P"),
        ):
            act = QAction(title, w, checkable=True, shortcut=key)
            w.tools.register(kind, self.annotation_tool.handlers[kind], act)  # one tool state
            self.annotate_acts[kind] = act
        self.annotate_range_act = QAction(
            translate("MainWindow", "Only during the in/out range"),
            w,
            checkable=True,
            statusTip=translate(
                "MainWindow",
                "New annotations show only while the replay is inside the in/out points",
            ),
        )
        self.delete_annotation_act = QAction(
            translate("MainWindow", "Delete the last annotation"),
            w,
            triggered=self.delete_last_annotation,
        )
        self.undo_act = QAction(
            translate("MainWindow", "&Undo"), w, shortcut=QKeySequence.Undo, triggered=self.undo
        )
        self.redo_act = QAction(
            translate("MainWindow", "&Redo"), w, shortcut=QKeySequence.Redo, triggered=self.redo
        )

    # ------------------------------------------------------------------ open and save
    @Slot()
    def open_briefing_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            translate("Briefing", "Open briefing"),
            briefing_folder(self.session),
            translate("Briefing", "Briefings (*.briefing.json);;All files (*)"),
        )
        if path:
            remember_briefing_folder(path)
            self.open_briefing(path)

    def open_briefing(self, path: str | Path) -> bool:
        """Open a briefing: its layers, view, clock settings, annotations, scenes, track files."""
        path = Path(path)
        try:
            briefing = load_briefing(path)
        except BriefingError as exc:
            self.show_error(translate("Briefing", "Cannot open briefing"), str(exc))
            return False
        missing = missing_files(briefing, path.parent)
        if missing and QApplication.platformName() not in ("offscreen", "minimal"):
            for ref in missing:  # ask where each moved file is now
                found, _ = QFileDialog.getOpenFileName(
                    self.window,
                    translate("Briefing", "Where is {file}?").format(file=Path(ref.path).name),
                    str(path.parent),
                    translate("Briefing", "{file};;All files (*)").format(file=Path(ref.path).name),
                )
                if found:
                    briefing = relocate_file(briefing, ref, found, path.parent)
            missing = missing_files(briefing, path.parent)
        if missing:
            names = ", ".join(m.path for m in missing)
            self.show_error(
                translate("Briefing", "Track files not found"),
                translate(
                    "Briefing",
                    "{briefing}: these track files are not where the briefing says "
                    "(relative to {folder}): {names}. Open them with File > Open.",
                ).format(briefing=path.name, folder=path.parent, names=names),
            )
        try:
            projection = briefing.view.projection()
        except ValueError as exc:
            self.show_error(translate("Briefing", "Unknown projection"), str(exc))
            projection = self.session.state.projection
        canvas = self.window.canvas
        files = self.session.apply_briefing(briefing, path, projection)
        self.window.setWindowTitle(f"{briefing.title} — {APP_NAME}")
        fit = self.session.map_view  # the briefing's extent, fitted to the canvas
        canvas.set_view(fit(canvas.width(), canvas.height()), settle=False, fit=fit)
        canvas.invalidate()
        for file_path, options in files:  # read as when saved: confirmed units are not asked
            self.window.track_files.open_files([str(file_path)], options)
        for ref in briefing.archives[:1]:  # one archive open at a time
            self.window.archives.open_ref(ref, path.parent)
        if len(briefing.archives) > 1:
            self.show_message(
                translate("Briefing", "Only the briefing's first archive is opened"), 10000
            )
        canvas.update()
        return True

    @Slot()
    def save_briefing(self) -> bool:
        path = self.session.briefing_path
        if path is None or path == DEFAULT_BRIEFING:
            return self.save_briefing_as()
        return self._save_to(path)

    @Slot()
    def save_briefing_as(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self.window,
                translate("Briefing", "Save briefing"),
                str(Path(briefing_folder(self.session)) / "my.briefing.json"),
                translate("Briefing", "Briefings (*.briefing.json)"),
            )
            if not path:
                return False
        target = confirm_briefing_path(self.window, path)  # "x.json" is not changed silently
        return self._save_to(Path(target)) if target else False

    def _save_to(self, path: Path) -> bool:
        briefing = self.session.snapshot(self._shown_view(), base=path.parent)
        try:
            save_briefing(briefing, path)
        except BriefingError as exc:
            self.show_error(translate("Briefing", "Save failed"), str(exc))
            return False
        discard_recovery(self.session.briefing_path)
        self.session.saved_as(briefing, path)
        remember_briefing_folder(path)
        self.window.setWindowTitle(f"{briefing.title} — {APP_NAME}")
        self.show_message(translate("Briefing", "Saved {path}").format(path=path), 8000)
        return True

    def _shown_view(self):
        """The map's view for a save, or None while it still fits the briefing's or a scene's
        extent (not moved since): the extent stored stays as it is, whatever the window size."""
        canvas = self.window.canvas
        return None if canvas.fit is not None else canvas.view

    def autosave(self) -> None:
        """Every minute, unsaved changes go to a recovery file (offered after a crash)."""
        if not self.session.dirty:
            return
        try:
            write_recovery(self.session.snapshot(self._shown_view()), self.session.briefing_path)
        except (OSError, ValueError) as exc:
            self.show_message(
                translate("Briefing", "Autosave failed: {error}").format(error=exc), 8000
            )

    def offer_recovery(self) -> bool:
        """After a crash: offer to restore the newest autosave."""
        found = find_recovery()
        if not found or QApplication.platformName() in ("offscreen", "minimal"):
            return False
        rec = found[0]
        answer = QMessageBox.question(
            self.window,
            translate("Briefing", "Restore unsaved work?"),
            translate(
                "Briefing",
                "ADIZ Viewer did not close cleanly. Restore the briefing autosaved at {time}?",
            ).format(time=f"{rec.saved_at:%Y-%m-%d %H:%M}"),
        )
        if answer != QMessageBox.Yes:
            discard_recovery(rec.document)
            return False
        target = rec.document or (rec.base / "recovered.briefing.json")
        restored = target.with_name(
            target.name.removesuffix(".briefing.json") + ".recovered.briefing.json"
        )
        save_briefing(rec.briefing, restored)
        discard_recovery(rec.document)
        return self.open_briefing(restored)

    # ------------------------------------------------------------------ edits
    def _on_briefing_changed(self, changed: frozenset[str]) -> None:
        if "scenes" in changed:
            self.refresh_scenes_menu()
        if "title" in changed and self.session.briefing is not None:
            self.window.setWindowTitle(f"{self.session.briefing.title} — {APP_NAME}")
        self.refresh_undo()
        self.window.canvas.update()

    def refresh_undo(self) -> None:
        """Edit > Undo and Redo name the edit they would undo or redo ("Undo add arrow")."""
        undo, redo = self.session.undo_action, self.session.redo_action
        self.undo_act.setText(
            translate("Briefing", "&Undo {action}").format(action=undo)
            if undo
            else translate("MainWindow", "&Undo")
        )
        self.redo_act.setText(
            translate("Briefing", "&Redo {action}").format(action=redo)
            if redo
            else translate("MainWindow", "&Redo")
        )
        self.undo_act.setEnabled(undo is not None)
        self.redo_act.setEnabled(redo is not None)

    def _on_scene_changed(self, index: int) -> None:
        self.refresh_scenes_menu()

    @Slot()
    def undo(self) -> None:
        """Undo the last edit to scenes, annotations or what was authored."""
        self.session.undo()
        self.refresh_undo()  # (bringing back a removed file changes no briefing field)

    @Slot()
    def redo(self) -> None:
        self.session.redo()
        self.refresh_undo()

    def add_annotation(self, annotation: Annotation) -> None:
        tl = self.session.timeline
        if self.annotate_range_act.isChecked() and self.session.tracks.items:
            span = TimeRange(datetime.fromtimestamp(tl.lo, UTC), datetime.fromtimestamp(tl.hi, UTC))
            annotation = replace(annotation, time=span)
        b = self.session.briefing
        actions = {
            "text": translate("Briefing", "add text"),
            "arrow": translate("Briefing", "add arrow"),
            "circle": translate("Briefing", "add circle"),
            "polygon": translate("Briefing", "add polygon"),
        }
        self.session.edit(
            annotations=(*(b.annotations if b else ()), annotation),
            action=actions.get(annotation.kind, ""),
        )
        kinds = {
            "text": translate("Briefing", "Added a text (Edit > Undo removes it)"),
            "arrow": translate("Briefing", "Added an arrow (Edit > Undo removes it)"),
            "circle": translate("Briefing", "Added a circle (Edit > Undo removes it)"),
            "polygon": translate("Briefing", "Added a polygon (Edit > Undo removes it)"),
        }
        message = kinds.get(annotation.kind) or translate(
            "Briefing", "Added {kind} (Edit > Undo removes it)"
        ).format(kind=annotation.kind)
        self.show_message(message, 6000)

    @Slot()
    def delete_last_annotation(self) -> None:
        b = self.session.briefing
        if b and b.annotations:
            action = translate("Briefing", "delete annotation")
            self.session.edit(annotations=b.annotations[:-1], action=action)

    def _ask_text(self, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self.window, translate("Briefing", "Annotation"), prompt)
        return text if ok else None

    # ------------------------------------------------------------------ scenes
    def refresh_scenes_menu(self) -> None:
        menu = self.window.scenes_menu
        menu.clear()
        menu.addAction(self.next_scene_act)
        menu.addAction(self.prev_scene_act)
        menu.addAction(self.present_act)
        for act in self.window.presenter.menu_actions():
            menu.addAction(act)
        menu.addSeparator()
        for act in (
            self.add_scene_act,
            self.rename_scene_act,
            self.scene_timing_act,
            self.delete_scene_act,
            self.scene_earlier_act,
            self.scene_later_act,
        ):
            menu.addAction(act)
            act.setEnabled(act is self.add_scene_act or self.session.scene_index >= 0)
        scenes = self.session.briefing.scenes if self.session.briefing else ()
        if scenes:
            menu.addSeparator()
        for i, scene in enumerate(scenes):
            act = menu.addAction(f"{i + 1}. {scene.title}")
            if i < 9:
                act.setShortcut(f"Ctrl+{i + 1}")
            act.triggered.connect(lambda _=False, k=i: self.show_scene(k))
        self.next_scene_act.setEnabled(bool(scenes))
        self.prev_scene_act.setEnabled(bool(scenes))

    def _scenes(self) -> list[Scene]:
        return list(self.session.briefing.scenes if self.session.briefing else ())

    @Slot()
    def add_scene(self) -> None:
        """A new scene after the current one: this view, time, visible layers and speed."""
        session, tl = self.session, self.session.timeline
        scenes = self._scenes()
        scene = Scene(
            title=translate("Briefing", "Scene {n}").format(n=len(scenes) + 1),
            view=session.snapshot(self.window.canvas.view).view,
            time=datetime.fromtimestamp(tl.time, UTC) if session.tracks.items else None,
            layers=tuple(st.id for st in session.state.layers if st.visible),
            speed=tl.speed,
        )
        at = session.scene_index + 1 if session.scene_index >= 0 else len(scenes)
        scenes.insert(at, scene)
        session.set_scenes(scenes, at, translate("Briefing", "add scene"))
        self.show_message(translate("Briefing", "Added {scene}").format(scene=scene.title), 5000)

    @Slot()
    def rename_scene(self, title: str | None = None) -> None:
        index = self.session.scene_index
        if not self.session.briefing or index < 0:
            return
        scenes = self._scenes()
        if title is None:
            title, ok = QInputDialog.getText(
                self.window,
                translate("Briefing", "Rename scene"),
                translate("Briefing", "Title:"),
                text=scenes[index].title,
            )
            if not ok:
                return
        if title.strip():
            scenes[index] = replace(scenes[index], title=title.strip())
            self.session.set_scenes(scenes, index, translate("Briefing", "rename scene"))

    @Slot()
    def edit_scene_timing(self) -> None:
        """The current scene's still time or range to play, typed (`timing_dialog`)."""
        index = self.session.scene_index
        if not self.session.briefing or index < 0:
            return
        scenes = self._scenes()
        dialog = scene_timing_dialog(scenes[index], *self._zone_and_now(), self.window)
        if self._run_dialog(dialog) and dialog.result_timing is not None:
            scenes[index] = scene_with_timing(scenes[index], dialog.result_timing)
            self.session.set_scenes(scenes, index, translate("Briefing", "scene timing"))

    @Slot()
    def edit_annotation_timing(self) -> None:
        """When the last annotation shows: always, or a range typed (`timing_dialog`)."""
        b = self.session.briefing
        if not b or not b.annotations:
            return
        *rest, last = b.annotations
        dialog = annotation_timing_dialog(last, *self._zone_and_now(), self.window)
        if self._run_dialog(dialog) and dialog.result_timing is not None:
            changed = annotation_with_timing(last, dialog.result_timing)
            action = translate("Briefing", "annotation timing")
            self.session.edit(annotations=(*rest, changed), action=action)

    def _zone_and_now(self) -> tuple[str, datetime | None]:
        """The clock's zone, and its time while a replay is loaded."""
        tl = self.session.timeline
        now = datetime.fromtimestamp(tl.time, UTC) if self.session.tracks.items else None
        return tl.zone, now

    def _run_dialog(self, dialog) -> bool:
        """``dialog.exec()``; tests replace it (a modal loop cannot run in them)."""
        return bool(dialog.exec())

    @Slot()
    def delete_scene(self) -> None:
        index = self.session.scene_index
        if not self.session.briefing or index < 0:
            return
        scenes = self._scenes()
        del scenes[index]
        action = translate("Briefing", "delete scene")
        self.session.set_scenes(scenes, min(index, len(scenes) - 1), action)

    def move_scene(self, direction: int) -> None:
        i = self.session.scene_index
        if not self.session.briefing or i < 0:
            return
        scenes = self._scenes()
        j = i + direction
        if 0 <= j < len(scenes):
            scenes[i], scenes[j] = scenes[j], scenes[i]
            self.session.set_scenes(scenes, j, translate("Briefing", "move scene"))

    def step_scene(self, direction: int) -> None:
        scenes = self._scenes()
        if scenes:
            n = len(scenes)
            self.show_scene(max(0, min(n - 1, self.session.scene_index + direction)))

    def show_scene(self, index: int, animate: bool = True) -> None:
        """Go to a scene (`Session.apply_scene`: its layers, speed, time or range to play),
        gliding to its view; its note goes to the presenter."""
        st = self.session.apply_scene(index)
        canvas = self.window.canvas

        def fit(width: int, height: int):  # the scene's extent, its region clear of overlays
            return self.window.scene.scene_view(self.session, width, height, index)

        target = fit(canvas.width(), canvas.height())
        if canvas.isVisible() and animate:
            canvas.animate_to(target, fit=fit)  # a short glide: the class keeps its bearings
        else:
            canvas.set_view(target, settle=False, fit=fit)
            canvas.invalidate()
        if st.time_range is not None and self.session.tracks.items:
            self.session.timeline.play()
        title = translate("Briefing", "Scene {n}/{total}: {title}").format(
            n=index + 1, total=len(self._scenes()), title=st.title
        )
        self.show_message(title, 20000)  # its note: in the presenter view

    # ------------------------------------------------------------------ presenting
    @Slot(bool)
    def set_presentation(self, on: bool) -> None:
        """Full screen for a projector (`PresenterController.set_presentation`); Esc or F5
        leaves."""
        self.window.presenter.set_presentation(on)

    @property
    def presenting(self) -> bool:
        return self.present_act.isChecked()
