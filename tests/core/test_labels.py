"""Label placement (no Qt): known answers for points, lines and areas, collisions, thinning."""

import math

import numpy as np
import pytest
import shapely

from viewer.core.labels import (
    AREA,
    LINE,
    POINT,
    LabelCandidate,
    place_labels,
    quads_overlap,
    rectangle,
    upright,
    zoom_level,
)

VIEW = (400.0, 300.0)


def point(key, xy, size=(40, 10), **kw):
    return LabelCandidate(key, key, size, POINT, xy, **kw)


def test_zoom_level_is_the_web_map_zoom_at_the_equator():
    assert zoom_level(156_543.033928) == pytest.approx(0.0)
    assert zoom_level(156_543.033928 / 2**7) == pytest.approx(7.0)
    with pytest.raises(ValueError, match="metres per pixel"):
        zoom_level(0.0)


def test_upright_folds_angles_so_text_never_reads_upside_down():
    assert upright(0) == 0
    assert upright(135) == pytest.approx(-45)
    assert upright(-135) == pytest.approx(45)
    assert upright(90) == 90
    assert upright(-90) == 90
    assert upright(270) == 90


def test_rectangle_corners_turned_clockwise_on_screen():
    quad = rectangle(0, 0, 20, 10, 90)  # turned 90° clockwise: the text runs down the screen
    np.testing.assert_allclose(quad[0], (5, -10), atol=1e-9)  # top-left
    np.testing.assert_allclose(quad[1], (5, 10), atol=1e-9)  # top-right, below it


def test_quads_overlap_uses_the_rotated_rectangles_not_their_boxes():
    diagonal = rectangle(100, 100, 200, 10, 45)
    # A box in the corner of the diagonal label's bounding box but away from the label itself.
    corner = rectangle(160, 50, 20, 10)
    assert not quads_overlap(diagonal, corner)
    assert quads_overlap(diagonal, rectangle(100, 100, 10, 10))
    assert not quads_overlap(rectangle(0, 0, 10, 10), rectangle(10, 0, 10, 10))  # touching


def test_point_label_goes_to_the_right_of_its_marker_first():
    (p,) = place_labels([point("Taipei", (100, 100), gap=4)], VIEW, zoom=7)
    assert (p.x, p.y, p.angle) == (100 + 20 + 4, 100, 0.0)
    assert p.box == (104.0, 95.0, 144.0, 105.0)


def test_point_label_moves_left_when_the_right_is_taken_or_off_screen():
    (p,) = place_labels([point("Naha", (390, 100), gap=4)], VIEW, zoom=7)
    assert p.x == 390 - 24  # the right would leave the view
    (q,) = place_labels(
        [point("Naha", (100, 100), gap=4)], VIEW, zoom=7, obstacles=[(105, 90, 150, 110)]
    )
    assert q.x == 76 and q.y == 100


def test_centred_point_label_sits_on_its_anchor():
    (p,) = place_labels([point("East China Sea", (200, 150), size=(80, 12), around=False)], VIEW, 7)
    assert (p.x, p.y) == (200, 150)


def test_greedy_by_priority_then_key_and_deterministic():
    a = point("a", (100, 100), size=(60, 10), priority=1, around=False)
    b = point("b", (100, 100), size=(60, 10), priority=5, around=False)
    c = point("c", (100, 100), size=(60, 10), priority=5, around=False)
    placed = place_labels([a, b, c], VIEW, 7)
    assert [p.key for p in placed] == ["b", "c", "a"]
    assert (placed[0].x, placed[0].y) == (100, 100)  # the first gets the anchor
    assert placed == place_labels([c, a, b], VIEW, 7)  # the input order does not matter
    for i, p in enumerate(placed):
        for q in placed[i + 1 :]:
            assert not quads_overlap(np.array(p.corners), np.array(q.corners))


def test_labels_below_their_minimum_zoom_are_left_out():
    cands = [point("Penghu", (100, 100), min_zoom=7.5), point("Taiwan", (200, 200), min_zoom=5)]
    assert [p.key for p in place_labels(cands, VIEW, zoom=7)] == ["Taiwan"]
    assert {p.key for p in place_labels(cands, VIEW, zoom=8)} == {"Penghu", "Taiwan"}


def test_a_label_with_no_free_position_is_dropped():
    blocked = (0, 0, 400, 300)
    assert place_labels([point("x", (100, 100))], VIEW, 7, obstacles=[blocked]) == []


def test_line_label_runs_along_a_diagonal_line_upright_and_beside_it():
    # A line from bottom-left to top-right at 45° on screen (y grows down): -45° text.
    line = np.array([(50.0, 250.0), (250.0, 50.0)])
    cand = LabelCandidate("median", "median line", (80, 10), LINE, line, gap=2)
    (p,) = place_labels([cand], VIEW, 7)
    assert p.angle == pytest.approx(-45.0)
    # Centred on the middle of the line, moved off it by half the height + gap (7 px) to the
    # text's "up" side: up-left of the line for text running up-right.
    off = 7 / math.sqrt(2)
    assert p.x == pytest.approx(150 - off)
    assert p.y == pytest.approx(150 - off)
    # Drawn the other way round, the label is the same: upright either way.
    (q,) = place_labels(
        [LabelCandidate("median", "median line", (80, 10), LINE, line[::-1], gap=2)], VIEW, 7
    )
    assert (q.x, q.y, q.angle) == pytest.approx((p.x, p.y, p.angle))


def test_line_label_uses_the_visible_part_of_the_line():
    # Most of the line is off screen to the right: the label sits on the visible 200 px.
    line = np.array([(200.0, 100.0), (2000.0, 100.0)])
    (p,) = place_labels([LabelCandidate("l", "l", (60, 10), LINE, line, gap=0)], VIEW, 7)
    assert p.angle == 0.0
    assert p.x == pytest.approx(300.0)  # middle of 200..400
    assert p.y == pytest.approx(95.0)  # above the line


def test_line_label_skips_a_bend_and_finds_a_straight_stretch():
    # An L: 100 px across then 300 px down. The middle of the whole line is on the down leg,
    # the label is too long for the across leg: it goes along the down leg, turned 90°.
    line = np.array([(50.0, 0.0), (150.0, 0.0), (150.0, 300.0)])
    (p,) = place_labels([LabelCandidate("l", "l", (120, 10), LINE, line, gap=0)], VIEW, 7)
    assert p.angle == pytest.approx(90.0)
    assert p.x == pytest.approx(155.0)  # beside the vertical leg (text "up" points to +x)


def test_a_line_whose_stretches_are_taken_is_named_upright_beside_it():
    # A vertical line x = 200, y 20..280, with taken boxes every 50 px down it (names, islets):
    # no 100 px stretch is free to run along, so the name goes upright beside it, right first.
    line = np.array([(200.0, 20.0), (200.0, 280.0)])
    taken = [(190.0, y, 210.0, y + 8.0) for y in range(40, 280, 50)]
    (p,) = place_labels([LabelCandidate("j", "Japan ADIZ", (100, 12), LINE, line)], VIEW, 7, taken)
    assert p.angle == 0.0
    assert p.box[0] > 200  # right of the line, clear of it
    assert not any(p.box[0] < x1 and p.box[2] > x0 and p.box[1] < y1 and p.box[3] > y0
                   for x0, y0, x1, y1 in taken)  # fmt: skip


def test_a_name_centred_on_a_short_guide_line_runs_along_it_lengthened():
    # A strait's guide: 40 px at 45 degrees, the name 80 px long, centred on it (gap < 0):
    # turned with the guide at its middle, not dropped as a too-short line's would be.
    guide = np.array([(200.0, 170.0), (228.28, 141.72)])
    cand = LabelCandidate("s", "Strait", (80, 12), LINE, guide, gap=-6.0)
    (p,) = place_labels([cand], VIEW, 7)
    assert p.angle == pytest.approx(-45.0, abs=0.5)
    assert (p.x, p.y) == pytest.approx((214.14, 155.86), abs=1.0)


def test_a_line_too_short_for_its_label_gets_none():
    line = np.array([(10.0, 10.0), (40.0, 10.0)])
    assert place_labels([LabelCandidate("l", "l", (60, 10), LINE, line)], VIEW, 7) == []


def test_area_label_at_the_pole_of_inaccessibility_of_the_visible_part():
    # A 600 x 100 rectangle of which only x in 0..400 is on screen: the label is centred in the
    # visible part (200, 150), not in the whole zone (300, 150).
    zone = shapely.box(0, 100, 600, 200)
    (p,) = place_labels([LabelCandidate("z", "Zone", (60, 12), AREA, zone)], VIEW, 7)
    assert p.x == pytest.approx(200, abs=4)
    assert p.y == pytest.approx(150, abs=4)
    assert shapely.Polygon(p.corners).within(zone)


def test_area_label_in_a_ring_avoids_the_hole():
    # An annulus (a 24 nmi zone minus the 12 nmi one): the label goes in the ring, not the hole.
    ring = shapely.Point(200, 150).buffer(140).difference(shapely.Point(200, 150).buffer(70))
    (p,) = place_labels([LabelCandidate("cz", "contiguous zone", (50, 10), AREA, ring)], VIEW, 7)
    assert shapely.Polygon(p.corners).within(ring)
    assert math.hypot(p.x - 200, p.y - 150) > 70


def test_area_label_moves_when_its_best_spot_is_taken():
    zone = shapely.box(60, 60, 340, 240)
    first = LabelCandidate("a", "A", (100, 20), AREA, zone, priority=2)
    second = LabelCandidate("b", "B", (100, 20), AREA, zone, priority=1)
    a, b = place_labels([first, second], VIEW, 7)
    assert (a.x, a.y) == pytest.approx((200, 150), abs=6)
    assert not quads_overlap(np.array(a.corners), np.array(b.corners))
    assert shapely.Polygon(b.corners).within(zone)


def test_an_area_too_small_for_its_label_gets_none():
    zone = shapely.box(100, 100, 130, 110)
    assert place_labels([LabelCandidate("z", "Z", (60, 12), AREA, zone)], VIEW, 7) == []


def test_bad_candidates_are_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="kind must be one of"):
        LabelCandidate("x", "x", (10, 10), "blob", (0, 0))
    with pytest.raises(ValueError, match="size must be two positive numbers"):
        LabelCandidate("x", "x", (0, 10), POINT, (0, 0))
    with pytest.raises(ValueError, match="repeated: \\['x'\\]"):
        place_labels([point("x", (10, 10)), point("x", (50, 50))], VIEW, 7)


def test_many_labels_never_overlap():
    rng = np.random.default_rng(7)
    cands = [
        point(f"p{i}", tuple(rng.uniform(0, 400, 2)), size=(float(rng.uniform(20, 80)), 10.0))
        for i in range(200)
    ]
    placed = place_labels(cands, VIEW, 7, pad=0)
    assert 10 < len(placed) < 200
    quads = [np.array(p.corners) for p in placed]
    for i, a in enumerate(quads):
        assert a[:, 0].min() >= 0 and a[:, 0].max() <= VIEW[0]
        for b in quads[i + 1 :]:
            assert not quads_overlap(a, b)


def test_a_thin_zone_gets_its_name_along_its_edge_on_the_inner_side():
    band = shapely.box(50, 100, 350, 110)  # 10 px tall: a 12 px label cannot fit inside
    (p,) = place_labels([LabelCandidate("z", "Zone", (60, 12), AREA, band, gap=0)], VIEW, 7)
    assert p.angle == 0.0
    assert 100 < p.y < 110  # centred inside the band, along its edge
    assert not shapely.Polygon(p.corners).within(band)


def test_a_zone_filling_the_view_is_named_along_its_own_edge():
    # Everything west of x = 350 (far beyond the view on the other sides): its middle is the
    # map's middle, so the name runs down its edge, on the inside, not along the view's border.
    zone = shapely.box(-1000, -1000, 350, 1000)
    (p,) = place_labels([LabelCandidate("z", "Zone", (60, 12), AREA, zone, gap=3)], VIEW, 7)
    assert abs(p.angle) == 90.0
    assert 340 < p.x < 350  # beside the edge, inside the zone
    assert shapely.Polygon(p.corners).within(zone)


def test_a_line_in_pieces_is_labelled_on_its_longest_visible_piece():
    short = np.array([(10.0, 50.0), (60.0, 50.0)])
    long = np.array([(100.0, 200.0), (380.0, 200.0)])
    cand = LabelCandidate("l", "l", (40, 10), LINE, [short, long], gap=0)
    (p,) = place_labels([cand], VIEW, 7)
    assert (p.x, p.y) == pytest.approx((240.0, 195.0))
