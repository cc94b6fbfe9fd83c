"""The briefing part of the main window: open and save briefings, scenes (step, add, rename,
move, delete), presentation mode, autosave and recovery after a crash."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMessageBox,
)

from viewer.core.projection import Projection
from viewer.qt.app_settings import APP_NAME, DEFAULT_BRIEFING
from viewer.qt.i18n import translate
from viewer.qt.window_authoring import TRACED_PATH


class BriefingMixin:
    """Methods of `viewer.qt.main_window.MainWindow` (a mixin: ``self`` is the window)."""

    @Slot()
    def open_briefing_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("Briefing", "Open briefing"),
            "",
            translate("Briefing", "Briefings (*.briefing.json);;All files (*)"),
        )
        if path:
            self.open_briefing(path)

    def open_briefing(self, path: str | Path) -> bool:
        """Open a briefing: its layers, view, clock settings, annotations, scenes, track files."""
        from viewer.core.briefing import BriefingError, load_briefing, missing_files

        path = Path(path)
        try:
            briefing = load_briefing(path)
        except BriefingError as exc:
            self.show_error(translate("Briefing", "Cannot open briefing"), str(exc))
            return False
        missing = missing_files(briefing, path.parent)
        if missing and QApplication.platformName() not in ("offscreen", "minimal"):
            from viewer.core.briefing import relocate_file

            for ref in missing:  # ask where each moved file is now
                found, _ = QFileDialog.getOpenFileName(
                    self,
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
        self.briefing, self.briefing_path, self.scene_index = briefing, path, -1
        self._applying = True
        self.tracks.clear()  # the briefing replaces what was open
        self.reports.clear()
        self._span = None
        self.setWindowTitle(f"{briefing.title} — {APP_NAME}")
        self._apply_view_settings(briefing)
        self.timeline.set_speed(briefing.speed)
        self.timeline.set_trail(briefing.trail_seconds)
        if briefing.time_range is not None:
            self._pending_time = briefing.time_range.start.timestamp()
        from viewer.core.briefing import resolve_file
        from viewer.io.registry import options_for_ref

        for ref in briefing.files:
            file_path = resolve_file(ref, path.parent)
            if file_path.is_file():  # read as when saved: the units confirmed are not asked again
                self.open_files([str(file_path)], options_for_ref(ref))
        self._traced_shown = None  # the traced tracks replay again (the track list was cleared)
        self._authoring_refresh()
        self._refresh_scenes_menu()
        self.canvas.update()
        self._applying = False
        self.dirty = False
        return True

    def _apply_view_settings(self, briefing) -> None:
        try:
            projection = briefing.view.projection()
        except ValueError as exc:
            self.show_error(translate("Briefing", "Unknown projection"), str(exc))
            projection = self.state.projection
        self.state.set_projection(projection)
        self.state.set_naming(briefing.naming)
        if briefing.naming in self.naming_acts:
            self.naming_acts[briefing.naming].setChecked(True)
        for setting in briefing.layers:
            try:
                default = self.state.layer(setting.id).style.color
            except KeyError:
                continue
            st = setting.to_layer_state(default)
            self.state.update_layer(
                setting.id, visible=st.visible, opacity=st.opacity, color=st.color
            )
        self.canvas.set_view(
            briefing.view.to_map_view(self.canvas.width(), self.canvas.height(), projection),
            settle=False,
        )
        self.canvas.invalidate()

    def _apply_pending_time(self) -> None:
        if self._pending_time is not None:
            self.timeline.set_time(self._pending_time)
            self._pending_time = None

    def _refresh_scenes_menu(self) -> None:
        self.scenes_menu.clear()
        self.scenes_menu.addAction(self.next_scene_act)
        self.scenes_menu.addAction(self.prev_scene_act)
        self.scenes_menu.addAction(self.present_act)
        self.scenes_menu.addSeparator()
        for act in (
            self.add_scene_act,
            self.rename_scene_act,
            self.scene_timing_act,
            self.delete_scene_act,
            self.scene_earlier_act,
            self.scene_later_act,
        ):
            self.scenes_menu.addAction(act)
            act.setEnabled(act is self.add_scene_act or self.scene_index >= 0)
        scenes = self.briefing.scenes if self.briefing else ()
        if scenes:
            self.scenes_menu.addSeparator()
        for i, scene in enumerate(scenes):
            act = self.scenes_menu.addAction(f"{i + 1}. {scene.title}")
            if i < 9:
                act.setShortcut(f"Ctrl+{i + 1}")
            act.triggered.connect(lambda _=False, k=i: self.show_scene(k))
        self.next_scene_act.setEnabled(bool(scenes))
        self.prev_scene_act.setEnabled(bool(scenes))

    def current_briefing(self, base: Path | None = None):
        """The briefing as the window shows it now (track paths relative to ``base``)."""
        from dataclasses import replace as dc_replace

        from viewer.core.briefing import (
            Briefing,
            LayerSetting,
            TimeRange,
            ViewSpec,
            relative_ref_path,
        )
        from viewer.io.registry import ref_for_options

        old = self.briefing or Briefing()
        base = base or (self.briefing_path.parent if self.briefing_path else Path.cwd())
        files = tuple(  # with the zone, columns and units the user gave for each file
            ref_for_options(
                relative_ref_path(item.path, base), self._load_options.get(str(item.path))
            )
            for item in self.tracks.items
            if item.path != TRACED_PATH  # saved in the briefing itself, with its timing
        )
        span = (self.timeline.start, self.timeline.end) if self.tracks.items else None
        time_range = None
        if span:
            time_range = TimeRange(
                datetime.fromtimestamp(span[0], UTC), datetime.fromtimestamp(span[1], UTC)
            )
        crs = old.view.crs
        try:
            if Projection.from_user_input(crs).definition != self.state.projection.definition:
                crs = self.state.projection.definition
        except ValueError:
            crs = self.state.projection.definition
        view = ViewSpec.from_map_view(self.canvas.view, self.state.projection, crs)
        underlay = old.underlay
        if underlay is not None:
            underlay = dc_replace(
                underlay, path=relative_ref_path(self._picture_path(underlay), base)
            )
        return dc_replace(
            old,
            underlay=underlay,
            files=files,
            layers=tuple(
                LayerSetting.from_layer_state(st)
                for st in self.state.layers
                if not st.id.startswith("user:")
            ),
            view=view,
            time_range=time_range,
            speed=self.timeline.speed,
            trail_seconds=min(self.timeline.trail, 1e9),
            naming=self.state.naming,
        )

    @Slot()
    def save_briefing(self) -> bool:
        if self.briefing_path is None or self.briefing_path == DEFAULT_BRIEFING:
            return self.save_briefing_as()
        return self._save_to(self.briefing_path)

    @Slot()
    def save_briefing_as(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                translate("Briefing", "Save briefing"),
                "my.briefing.json",
                translate("Briefing", "Briefings (*.briefing.json)"),
            )
            if not path:
                return False
        from viewer.qt.briefing_name import confirm_briefing_path

        target = confirm_briefing_path(self, path)  # "x.json" is not changed silently
        return self._save_to(Path(target)) if target else False

    def _save_to(self, path: Path) -> bool:
        from viewer.core.briefing import BriefingError, discard_recovery, save_briefing

        briefing = self.current_briefing(base=path.parent)
        try:
            save_briefing(briefing, path)
        except BriefingError as exc:
            self.show_error(translate("Briefing", "Save failed"), str(exc))
            return False
        discard_recovery(self.briefing_path)
        self.briefing, self.briefing_path = briefing, path
        self.dirty = False
        self.setWindowTitle(f"{briefing.title} — {APP_NAME}")
        self.statusBar().showMessage(translate("Briefing", "Saved {path}").format(path=path), 8000)
        return True

    # ------------------------------------------------------------------ undo / redo
    def _snapshot(self) -> tuple:
        b = self.briefing
        authored = (b.underlay, b.traced, b.reported_counts) if b else (None, None, ())
        return (b.scenes if b else (), b.annotations if b else (), self.scene_index, authored)

    def _restore(self, snap: tuple) -> None:
        from dataclasses import replace as dc_replace

        from viewer.core.briefing import Briefing

        scenes, annotations, index, (underlay, traced, reported) = snap
        self.briefing = dc_replace(
            self.briefing or Briefing(),
            scenes=scenes,
            annotations=annotations,
            underlay=underlay,
            traced=traced,
            reported_counts=reported,
        )
        self._authoring_refresh()
        self._refresh_counts()
        self.scene_index = min(index, len(scenes) - 1)
        self.dirty = True
        self._refresh_scenes_menu()
        self.canvas.update()

    def _push_undo(self) -> None:
        self._undo.append(self._snapshot())
        self._redo.clear()
        self.undo_act.setEnabled(True)

    @Slot()
    def undo(self) -> None:
        """Undo the last edit to scenes or annotations."""
        if self._undo:
            self._redo.append(self._snapshot())
            self._restore(self._undo.pop())

    @Slot()
    def redo(self) -> None:
        if self._redo:
            self._undo.append(self._snapshot())
            self._restore(self._redo.pop())

    # ------------------------------------------------------------------ annotations
    def add_annotation(self, annotation) -> None:
        from dataclasses import replace as dc_replace

        from viewer.core.briefing import Briefing, TimeRange

        self._push_undo()
        if self.annotate_range_act.isChecked() and self.tracks.items:
            annotation = dc_replace(
                annotation,
                time=TimeRange(
                    datetime.fromtimestamp(self.timeline.lo, UTC),
                    datetime.fromtimestamp(self.timeline.hi, UTC),
                ),
            )
        b = self.briefing or Briefing()
        self.briefing = dc_replace(b, annotations=(*b.annotations, annotation))
        self.dirty = True
        self.canvas.update()
        kinds = {
            "text": translate("Briefing", "Added a text (Edit > Undo removes it)"),
            "arrow": translate("Briefing", "Added an arrow (Edit > Undo removes it)"),
            "circle": translate("Briefing", "Added a circle (Edit > Undo removes it)"),
            "polygon": translate("Briefing", "Added a polygon (Edit > Undo removes it)"),
        }
        message = kinds.get(annotation.kind) or translate(
            "Briefing", "Added {kind} (Edit > Undo removes it)"
        ).format(kind=annotation.kind)
        self.statusBar().showMessage(message, 6000)

    @Slot()
    def delete_last_annotation(self) -> None:
        from dataclasses import replace as dc_replace

        if self.briefing and self.briefing.annotations:
            self._push_undo()
            self.briefing = dc_replace(self.briefing, annotations=self.briefing.annotations[:-1])
            self.dirty = True
            self.canvas.update()

    def _ask_text(self, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, translate("Briefing", "Annotation"), prompt)
        return text if ok else None

    def _set_scenes(self, scenes, index: int) -> None:
        from dataclasses import replace as dc_replace

        from viewer.core.briefing import Briefing

        self._push_undo()
        self.briefing = dc_replace(self.briefing or Briefing(), scenes=tuple(scenes))
        self.scene_index = index
        self.dirty = True
        self._refresh_scenes_menu()

    @Slot()
    def add_scene(self) -> None:
        """A new scene after the current one: this view, time, visible layers and speed."""
        from viewer.core.briefing import Scene

        current = self.current_briefing()
        scenes = list(self.briefing.scenes if self.briefing else ())
        scene = Scene(
            title=translate("Briefing", "Scene {n}").format(n=len(scenes) + 1),
            view=current.view,
            time=datetime.fromtimestamp(self.timeline.time, UTC) if self.tracks.items else None,
            layers=tuple(st.id for st in self.state.layers if st.visible),
            speed=self.timeline.speed,
        )
        at = self.scene_index + 1 if self.scene_index >= 0 else len(scenes)
        scenes.insert(at, scene)
        self._set_scenes(scenes, at)
        self.statusBar().showMessage(
            translate("Briefing", "Added {scene}").format(scene=scene.title), 5000
        )

    @Slot()
    def rename_scene(self, title: str | None = None) -> None:
        from dataclasses import replace as dc_replace

        if not self.briefing or self.scene_index < 0:
            return
        scenes = list(self.briefing.scenes)
        if title is None:
            title, ok = QInputDialog.getText(
                self,
                translate("Briefing", "Rename scene"),
                translate("Briefing", "Title:"),
                text=scenes[self.scene_index].title,
            )
            if not ok:
                return
        if title.strip():
            scenes[self.scene_index] = dc_replace(scenes[self.scene_index], title=title.strip())
            self._set_scenes(scenes, self.scene_index)

    @Slot()
    def edit_scene_timing(self) -> None:
        """The current scene's still time or range to play, typed (`timing_dialog`)."""
        from viewer.qt.timing_dialog import scene_timing_dialog, scene_with_timing

        if not self.briefing or self.scene_index < 0:
            return
        scenes = list(self.briefing.scenes)
        now = datetime.fromtimestamp(self.timeline.time, UTC) if self.tracks.items else None
        dialog = scene_timing_dialog(scenes[self.scene_index], self.timeline.zone, now, self)
        if self._run_dialog(dialog) and dialog.result_timing is not None:
            scenes[self.scene_index] = scene_with_timing(
                scenes[self.scene_index], dialog.result_timing
            )
            self._set_scenes(scenes, self.scene_index)

    @Slot()
    def edit_annotation_timing(self) -> None:
        """When the last annotation shows: always, or a range typed (`timing_dialog`)."""
        from dataclasses import replace as dc_replace

        from viewer.qt.timing_dialog import annotation_timing_dialog, annotation_with_timing

        if not self.briefing or not self.briefing.annotations:
            return
        *rest, last = self.briefing.annotations
        now = datetime.fromtimestamp(self.timeline.time, UTC) if self.tracks.items else None
        dialog = annotation_timing_dialog(last, self.timeline.zone, now, self)
        if self._run_dialog(dialog) and dialog.result_timing is not None:
            self._push_undo()
            changed = annotation_with_timing(last, dialog.result_timing)
            self.briefing = dc_replace(self.briefing, annotations=(*rest, changed))
            self.dirty = True
            self.canvas.update()

    def _run_dialog(self, dialog) -> bool:
        """``dialog.exec()``; tests replace it (a modal loop cannot run in them)."""
        return bool(dialog.exec())

    @Slot()
    def delete_scene(self) -> None:
        if not self.briefing or self.scene_index < 0:
            return
        scenes = list(self.briefing.scenes)
        del scenes[self.scene_index]
        self._set_scenes(scenes, min(self.scene_index, len(scenes) - 1))

    def move_scene(self, direction: int) -> None:
        if not self.briefing or self.scene_index < 0:
            return
        scenes = list(self.briefing.scenes)
        i, j = self.scene_index, self.scene_index + direction
        if 0 <= j < len(scenes):
            scenes[i], scenes[j] = scenes[j], scenes[i]
            self._set_scenes(scenes, j)

    def _autosave(self) -> None:
        """Every minute, unsaved changes go to a recovery file (offered after a crash)."""
        from viewer.core.briefing import write_recovery

        if not self.dirty:
            return
        try:
            write_recovery(self.current_briefing(), self.briefing_path)
        except (OSError, ValueError) as exc:
            self.statusBar().showMessage(
                translate("Briefing", "Autosave failed: {error}").format(error=exc), 8000
            )

    def offer_recovery(self) -> bool:
        """After a crash: offer to restore the newest autosave."""
        from viewer.core.briefing import discard_recovery, find_recovery

        found = find_recovery()
        if not found or QApplication.platformName() in ("offscreen", "minimal"):
            return False
        rec = found[0]
        answer = QMessageBox.question(
            self,
            translate("Briefing", "Restore unsaved work?"),
            translate(
                "Briefing",
                "ADIZ Viewer did not close cleanly. Restore the briefing autosaved at {time}?",
            ).format(time=f"{rec.saved_at:%Y-%m-%d %H:%M}"),
        )
        if answer != QMessageBox.Yes:
            discard_recovery(rec.document)
            return False
        from viewer.core.briefing import save_briefing

        target = rec.document or (rec.base / "recovered.briefing.json")
        restored = target.with_name(
            target.name.removesuffix(".briefing.json") + ".recovered.briefing.json"
        )
        save_briefing(rec.briefing, restored)
        discard_recovery(rec.document)
        return self.open_briefing(restored)

    def _mark_dirty(self, *_: object) -> None:
        if not self._applying:  # opening a briefing or showing a scene is not an edit
            self.dirty = True

    def step_scene(self, direction: int) -> None:
        if self.briefing and self.briefing.scenes:
            n = len(self.briefing.scenes)
            self.show_scene(max(0, min(n - 1, self.scene_index + direction)))

    def show_scene(self, index: int, animate: bool = True) -> None:
        """Go to a scene: its view, layers, time (or range to play), speed; note to presenter."""
        scene = self.briefing.scenes[index]
        self.scene_index = index
        self._applying = True
        if scene.view is not None:
            target = scene.view.to_map_view(
                self.canvas.width(), self.canvas.height(), self.state.projection
            )
            if self.canvas.isVisible() and self.scene_index >= 0 and animate:
                self.canvas.animate_to(target)  # a short glide, so the class keeps its bearings
            else:
                self.canvas.set_view(target, settle=False)
                self.canvas.invalidate()
        if scene.layers is not None:
            wanted = set(scene.layers)
            for st in self.state.layers:
                if st.visible != (st.id in wanted):
                    self.state.update_layer(st.id, visible=st.id in wanted)
        if scene.speed is not None:
            self.timeline.set_speed(scene.speed)
        self.timeline.pause()
        if self.tracks.items:
            self.timeline.clear_in_out()
            if scene.time_range is not None:
                self.timeline.set_in_point(scene.time_range.start.timestamp())
                self.timeline.set_out_point(scene.time_range.end.timestamp())
                self.timeline.set_loop(not scene.pause_at_end)
                self.timeline.set_time(scene.time_range.start.timestamp())
                self.timeline.play()
            elif scene.time is not None:
                self.timeline.set_time(scene.time.timestamp())
        self._applying = False
        self._refresh_scenes_menu()
        title = translate("Briefing", "Scene {n}/{total}: {title}").format(
            n=index + 1, total=len(self.briefing.scenes), title=scene.title
        )
        self.statusBar().showMessage(title, 20000)
        note = translate("Briefing", "Presenter note:")
        self.details.setPlainText(f"{title}\n\n{note}\n{scene.note}")

    @Slot(bool)
    def set_presentation(self, on: bool) -> None:
        """Full screen for a projector: panels hidden, larger type; Esc or F5 leaves."""
        self.present_act.setChecked(on)
        self.scene.font_scale = 1.5 if on else 1.0
        # a presenter clicker sends PageDown/PageUp or Right/Left: both step scenes while presenting
        for act, page, arrow in (
            (self.next_scene_act, QKeySequence.MoveToNextPage, Qt.Key_Right),
            (self.prev_scene_act, QKeySequence.MoveToPreviousPage, Qt.Key_Left),
        ):
            keys = [QKeySequence(page), QKeySequence(arrow)] if on else [QKeySequence(page)]
            act.setShortcuts(keys)
        for act, key in (
            (self.qt_timeline.step_back_act, Qt.Key_Left),
            (self.qt_timeline.step_forward_act, Qt.Key_Right),
        ):
            act.setShortcut(QKeySequence() if on else QKeySequence(key))
        self.show_title_clock = on
        for dock in (
            self.layers_dock,
            self.details_dock,
            self.timeline_dock,
            self.events_dock,
            self.counts_dock,
        ):
            dock.setVisible(not on)
        self.menuBar().setVisible(not on)
        self.statusBar().setVisible(not on)
        if on:
            self.showFullScreen()
        else:
            self.showNormal()
        self.canvas.invalidate()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape and self.present_act.isChecked():
            self.set_presentation(False)
        else:
            super().keyPressEvent(event)
