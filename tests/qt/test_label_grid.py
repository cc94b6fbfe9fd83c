"""The labels' occupancy grid against a plain reference (a boolean picture of the same cells,
one rectangle at a time): marked icons, the summed-area pre-check and `take` agree with it
exactly, at the screen's edges too."""

import numpy as np

from viewer.render.label_sprites import GRID_PX, LabelGrid

W, H = 640, 360


def _cells(x0, y0, x1, y1, shape):
    """Cell ranges [a, b) of a rectangle from (x0, y0) to (x1, y1) px, clipped like the grid."""
    ny, nx = shape
    a = (max(int(x0 // GRID_PX), 0), max(int(y0 // GRID_PX), 0))
    b = (min(int(x1 // GRID_PX) + 1, nx), min(int(y1 // GRID_PX) + 1, ny))
    return a, b


def test_marked_icons_cover_exactly_their_squares():
    rng = np.random.default_rng(3)
    xs = rng.uniform(-30, W + 30, 500)
    ys = rng.uniform(-30, H + 30, 500)
    xs[:3] = [np.nan, 0.0, W]  # a missing position, the edges
    r = 9.6
    grid = LabelGrid(W, H)
    grid.mark_points(xs, ys, r)
    expected = np.zeros_like(grid.cells)
    ny, nx = expected.shape
    for x, y in zip(xs, ys, strict=True):
        if not (np.isfinite(x) and -r < x < W + r and -r < y < H + r):
            continue
        x0 = min(max(int((x - r) // GRID_PX), 0), nx - 1)
        y0 = min(max(int((y - r) // GRID_PX), 0), ny - 1)
        x1 = min(max(int((x + r) // GRID_PX), 0), nx - 1)
        y1 = min(max(int((y + r) // GRID_PX), 0), ny - 1)
        expected[y0 : y1 + 1, x0 : x1 + 1] = True
    assert (grid.cells == expected).all()
    assert expected.sum() > 1000  # a real picture, not an empty one


def test_take_and_the_precheck_agree_with_the_reference_picture():
    rng = np.random.default_rng(4)
    grid = LabelGrid(W, H)
    grid.mark_points(rng.uniform(0, W, 60), rng.uniform(0, H, 60), 8.0)
    grid.mark(100.0, 100.0, 80.0, 20.0)  # a place name
    reference = grid.cells.copy()
    taken = refused = 0
    for _ in range(800):
        x, y = rng.uniform(-60, W + 10), rng.uniform(-30, H + 10)
        w, h = rng.uniform(20, 70), rng.uniform(10, 16)
        precheck = bool(grid.free(np.array([x]), np.array([y]), np.array([w]), np.array([h]))[0])
        (a, b) = _cells(x, y, x + w, y + h, reference.shape)
        free = a[0] < b[0] and a[1] < b[1] and not reference[a[1] : b[1], a[0] : b[0]].any()
        assert precheck == free
        assert grid.take(x, y, w, h) == free
        if free:
            reference[a[1] : b[1], a[0] : b[0]] = True
            taken += 1
        else:
            refused += 1
        assert (grid.cells == reference).all()
    assert taken > 20 and refused > 200
    grid.clear()
    assert not grid.cells.any() and grid.take(10.0, 10.0, 40.0, 12.0)
