"""Where an annotation's text goes: never struck through by its own arrow, never off the frame
from a place on screen (issue 19: "Territorial airspace: 12 nmi" was crossed by its arrow, and
a scene's note ran off the top of a 1280x720 picture)."""

import numpy as np
import pytest
from PySide6.QtGui import QImage, QPainter

from viewer.cli.headless import open_session
from viewer.core.briefing import Annotation, default_briefing_path
from viewer.render.annotation_painter import AnnotationPainter
from viewer.render.map_scene import MapScene
from viewer.render.overlay_layout import NOTICE

TEXT = "Territorial airspace: 12 nmi (22 km) from the coast"


def drawn(state, ann):
    """The text's box, and the tail and head of the arrow on screen (800x600 over Taiwan)."""
    scene = MapScene(state)
    view = scene.view_of_lonlat((120.0, 23.0, 122.0, 25.0), 800, 600)
    ctx = scene.context(view)
    painter_ = AnnotationPainter(lambda: (ann,), lambda: None)
    image = QImage(800, 600, QImage.Format_RGB32)
    qp = QPainter(image)
    painter_.paint(qp, ctx)  # paints where boxes() says, without a warning
    qp.end()
    (box,) = painter_.boxes(ctx)
    lonlat = np.array(ann.points)
    x, y = state.projection.forward(lonlat[:, 0], lonlat[:, 1])
    sx, sy = view.to_screen(x, y)
    return box, np.column_stack([sx, sy]), view


def crosses(box, a, b) -> bool:
    """Whether the segment a-b passes through the box (sampled every half pixel)."""
    n = int(np.hypot(*(b - a)) * 2) + 2
    pts = a + np.linspace(0.0, 1.0, n)[:, None] * (b - a)
    inside = (
        (pts[:, 0] > box.left())
        & (pts[:, 0] < box.right())
        & (pts[:, 1] > box.top())
        & (pts[:, 1] < box.bottom())
    )
    return bool(inside.any())


@pytest.mark.parametrize(
    "tail, head",
    [
        ((121.2, 24.1), (120.8, 24.3)),  # across, pointing left: the text right of the tail
        ((120.6, 24.1), (121.0, 24.3)),  # across, pointing right: left of the tail
        ((121.9, 24.0), (121.5, 24.2)),  # no room right of the tail: under it
        ((121.0, 23.5), (121.1, 24.4)),  # pointing up: under the tail
        ((121.0, 24.4), (121.1, 23.5)),  # pointing down: over the tail
    ],
)
def test_an_arrows_text_is_not_struck_through_by_the_arrow(qapp, state, tail, head):
    ann = Annotation("a", "arrow", (tail, head), text=TEXT)
    box, (t, h), view = drawn(state, ann)
    assert not crosses(box, t, h)
    assert box.left() >= 0 and box.right() <= view.width
    assert box.top() >= 0 and box.bottom() <= view.height
    assert box.left() - 12 <= t[0] <= box.right() + 12  # beside or under its tail
    assert min(abs(box.top() - t[1]), abs(box.bottom() - t[1]), abs(box.center().y() - t[1])) < 12


def test_a_text_at_the_frames_edge_is_moved_inside_it(qapp, state):
    ann = Annotation("t", "text", ((121.6, 25.03),), text=TEXT)  # the point at the top edge
    box, (p,), view = drawn(state, ann)
    assert 0 <= p[1] < 6  # the point is on screen, at the top: its text would run off it
    assert box.top() >= 0 and box.right() <= view.width  # the text all inside the frame


def test_a_text_whose_point_is_off_screen_stays_there(qapp, state):
    ann = Annotation("t", "text", ((123.5, 24.0),), text=TEXT)  # east of the view
    box, (p,), view = drawn(state, ann)
    assert p[0] > view.width and box.left() > view.width


@pytest.mark.parametrize("size", [(870, 570), (1280, 720), (1920, 1080)])
def test_no_annotation_text_goes_under_the_notice(qapp, size):
    # The median line scene in a 1280x800 window (a 870x570 map): its note sat at the top
    # edge, under "Illustrative scenario — not recorded tracks."
    session = open_session([str(default_briefing_path())])
    scene = MapScene.for_session(session)
    for index in range(len(session.briefing.scenes)):
        session.apply_scene(index)
        view = scene.scene_view(session, *size, index)
        scene.render_image(view)
        notice = scene.overlay_boxes(view).get(NOTICE)
        assert notice is not None and scene.notice_boxes(view) == [notice]  # the layout's box
        texts = scene.annotations.boxes(scene.context(view))
        assert texts and not [t for t in texts if t.intersects(notice)]
