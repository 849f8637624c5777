"""Label placement that knows what matters: names the reader needs first, nothing on top of anything.

Order: the labels the map is about are placed first — the selection (a scene's highlights are its
selection) before the rest of them: the story's places (the manifest's ``always_label``, a scene's
``labels``) and every country in view; then by label priority, areas before lines before points. A
lower-priority label yields to them.

Where a label may go:
* a point's name sits beside its marker (eight positions, then a wider ring), never on another marker;
* an area's name sits inside it; a country's or a sea's inside the part of it that is *in view*, so
  Iran, Turkey and Georgia are named even when their usual label point is off the map;
* a line's name sits along the line, beside it, never on it.
No label touches another label, a marker, a route line, or a reserved rectangle (the page's inset, north
arrow and scale bar, handed in by the exporter; the annotations' texts and markers).

The user's label edits (``MapState.label_overrides``, model.label_edits) come first: a hidden label is not
placed, a label with a text of its own shows that text, a forced label is placed whatever its scale and even
where it must cross something, and a moved label is placed with its centre where the user put it (a
longitude/latitude), before any other, so the engine works around it.

``plan_labels`` is pure geometry on a MapState and is cached per view, so hover and selection repaints do not
place the labels again.
"""

from __future__ import annotations

import json
import math
from collections import OrderedDict
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPainterPath

from corridor_viewer.model import label_edits
from corridor_viewer.model.feature import Feature
from corridor_viewer.model.mapstate import MapState
from corridor_viewer.model.style import LabelStyle
from corridor_viewer.model.terms import display_label
from corridor_viewer.model.viewport import Viewport
from corridor_viewer.render.text import draw_halo_text, pt_to_px, text_box

AREA_KINDS = {"country", "sea", "lake"}  # named inside their visible part
FORCED_STYLE = LabelStyle(size_pt=9.0, bold=True)  # a forced label of a layer that has no labels of its own


@dataclass(frozen=True)
class PlacedLabel:
    fid: str
    text: str
    origin: QPointF  # baseline start
    rect: QRectF  # the label's box, padded
    px: float
    bold: bool
    italic: bool
    color: str
    halo: str
    must: bool


def label_text(feature: Feature, lang: str, caps: bool, status: str | None = None) -> str:
    """The label as published: "Nagorno-Karabakh (former)" for a region that no longer exists (model.terms,
    shared with the HTML page and the legend)."""
    text = display_label(feature, lang, status or feature.status)
    return text.upper() if caps and lang == "en" else text


class _Segments:
    """Line segments on screen, bucketed in a coarse grid of screen cells: a label box is tested only against
    the segments of the cells it overlaps (the loop over every segment was most of the first paint's label
    planning). Pure Python on purpose: numpy here would be imported before the first paint."""

    CELL = 48.0

    def __init__(self, segments: list[tuple[float, float, float, float]]) -> None:
        self.items = segments
        self.cells: dict[tuple[int, int], list[int]] = {}
        c = self.CELL
        for i, (ax, ay, bx, by) in enumerate(segments):
            for gx in range(int(min(ax, bx) // c), int(max(ax, bx) // c) + 1):
                for gy in range(int(min(ay, by) // c), int(max(ay, by) // c) + 1):
                    self.cells.setdefault((gx, gy), []).append(i)

    def __len__(self) -> int:
        return len(self.items)

    def near(self, x0: float, y0: float, x1: float, y1: float) -> list[tuple[float, float, float, float]]:
        c = self.CELL
        found: set[int] = set()
        for gx in range(int(x0 // c), int(x1 // c) + 1):
            for gy in range(int(y0 // c), int(y1 // c) + 1):
                found.update(self.cells.get((gx, gy), ()))
        return [self.items[i] for i in sorted(found)]


def _rect_hits_segments(rect: QRectF, segments: _Segments | list[tuple[float, float, float, float]]) -> bool:
    """Whether any segment crosses or lies in the rectangle (Liang–Barsky clipping, no allocation)."""
    x0, y0, x1, y1 = rect.left(), rect.top(), rect.right(), rect.bottom()
    if isinstance(segments, _Segments):
        segments = segments.near(x0, y0, x1, y1)
    for ax, ay, bx, by in segments:
        if max(ax, bx) < x0 or min(ax, bx) > x1 or max(ay, by) < y0 or min(ay, by) > y1:
            continue
        dx, dy = bx - ax, by - ay
        t0, t1 = 0.0, 1.0
        for p, q in ((-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)):
            if p == 0:
                if q < 0:
                    break
                continue
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                break
        else:
            return True
    return False


def _screen_lines(f: Feature, vp: Viewport) -> list[list[tuple[float, float]]]:
    return [[vp.to_screen(x, y) for x, y in part[0]] for part in f.geometry.parts]


def _segments(lines: list[list[tuple[float, float]]], view: QRectF) -> list[tuple[float, float, float, float]]:
    out = []
    left, top, right, bottom = view.left() - 20, view.top() - 20, view.right() + 20, view.bottom() + 20
    for line in lines:
        for (ax, ay), (bx, by) in pairwise(line):
            if max(ax, bx) >= left and min(ax, bx) <= right and max(ay, by) >= top and min(ay, by) <= bottom:
                out.append((ax, ay, bx, by))
    return out


def _point_candidates(anchor: QPointF, box: QRectF, marker: float, rtl: bool):
    w, h, asc = box.width(), box.height(), -box.top()
    for ring in (marker / 2 + 3, marker / 2 + 9):
        gap = ring
        right = QPointF(anchor.x() + gap, anchor.y() + asc - h / 2)
        left = QPointF(anchor.x() - gap - w, anchor.y() + asc - h / 2)
        above = QPointF(anchor.x() - w / 2, anchor.y() - gap - h + asc)
        below = QPointF(anchor.x() - w / 2, anchor.y() + gap + asc)
        ne = QPointF(anchor.x() + gap * 0.7, anchor.y() - gap * 0.7 - h + asc)
        nw = QPointF(anchor.x() - gap * 0.7 - w, anchor.y() - gap * 0.7 - h + asc)
        se = QPointF(anchor.x() + gap * 0.7, anchor.y() + gap * 0.7 + asc)
        sw = QPointF(anchor.x() - gap * 0.7 - w, anchor.y() + gap * 0.7 + asc)
        # Arabic maps conventionally put a point's name on its left, English maps on its right.
        yield from ((left, right, nw, sw, above, below, ne, se) if rtl else (right, left, ne, se, above, below,
                                                                           nw, sw))


def _centred(c: QPointF, box: QRectF) -> QPointF:
    return QPointF(c.x() - box.width() / 2, c.y() - box.top() - box.height() / 2)


def _area_candidates(anchor: QPointF, box: QRectF):
    h, w = box.height(), box.width()
    for dx, dy in ((0, 0), (0, -h), (0, h), (-w / 3, 0), (w / 3, 0), (0, -2 * h), (0, 2 * h)):
        yield _centred(anchor + QPointF(dx, dy), box)


def _inside_candidates(path: QPainterPath, view: QRectF, box: QRectF, limit: int = 12) -> list[QPointF]:
    """Label positions inside the visible part of an area, best first: where the whole label box fits
    inside, nearest the middle of what is visible."""
    area = path.boundingRect().intersected(view)
    if area.isEmpty():
        return []
    nx, ny = 12, 9
    inside = []
    for i in range(nx):
        for j in range(ny):
            p = QPointF(area.left() + (i + 0.5) * area.width() / nx, area.top() + (j + 0.5) * area.height() / ny)
            if path.contains(p):
                inside.append(p)
    if not inside:
        return []
    cx = sum(p.x() for p in inside) / len(inside)
    cy = sum(p.y() for p in inside) / len(inside)
    w, h = box.width(), box.height()
    scored = []
    for p in inside:
        r = QRectF(p.x() - w / 2, p.y() - h / 2, w, h)
        probes = (r.topLeft(), r.topRight(), r.bottomLeft(), r.bottomRight(), QPointF(r.center().x(), r.top()),
                  QPointF(r.center().x(), r.bottom()))
        fit = sum(path.contains(q) for q in probes) / len(probes)
        if not view.contains(r):
            fit -= 1
        dist = math.hypot(p.x() - cx, p.y() - cy) / max(1.0, math.hypot(area.width(), area.height()))
        scored.append((-fit, dist, p))
    scored.sort(key=lambda t: (t[0], t[1]))
    return [_centred(p, box) for _, _, p in scored[:limit]]


def _line_candidates(lines: list[list[tuple[float, float]]], box: QRectF, view: QRectF, width: float):
    """Positions beside the line: at points along its visible part, offset to either side."""
    pts = [(x, y) for line in lines for x, y in line]
    visible = [line for line in lines if any(view.contains(QPointF(x, y)) for x, y in line)]
    if not pts or not visible:
        return
    line = max(visible, key=lambda ln: sum(math.dist(a, b) for a, b in pairwise(ln)))
    seg = [math.dist(a, b) for a, b in pairwise(line)]
    total = sum(seg)
    if total <= 0:
        return
    w, h = box.width(), box.height()
    for frac in (0.5, 0.35, 0.65, 0.22, 0.78, 0.1, 0.9):
        target, run = total * frac, 0.0
        for (a, b), d in zip(pairwise(line), seg, strict=True):
            if run + d >= target and d > 0:
                t = (target - run) / d
                px, py = a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
                nx, ny = -(b[1] - a[1]) / d, (b[0] - a[0]) / d  # unit normal
                # Offset by the label's half extent along the normal, so the box clears the line.
                reach = abs(nx) * w / 2 + abs(ny) * h / 2
                for side in (1, -1):
                    c = QPointF(px + side * nx * (reach + width / 2 + 3), py + side * ny * (reach + width / 2 + 3))
                    yield _centred(c, box)
                break
            run += d


_cache: OrderedDict = OrderedDict()
_store = None  # an io.plancache.LabelPlanCache the app installs: the last session's plans, read at start-up


def use_plan_store(store) -> None:
    """Consult ``store`` (get/put of rows by key text, ``layer_ids``) when a plan is not in memory; None: off."""
    global _store
    _store = store


def _canon(v):
    if isinstance(v, (set, frozenset)):
        return sorted(v, key=repr)
    if isinstance(v, QRectF):
        return [v.x(), v.y(), v.width(), v.height()]
    return repr(v)


def _rows(placed: list[PlacedLabel]) -> list[list]:
    return [[p.fid, p.text, p.origin.x(), p.origin.y(), p.rect.x(), p.rect.y(), p.rect.width(), p.rect.height(),
             p.px, p.bold, p.italic, p.color, p.halo, p.must] for p in placed]


def _from_rows(rows: list, state: MapState) -> list[PlacedLabel] | None:
    """Placed labels from stored rows, or None when the rows are not what _rows wrote for this map."""
    out = []
    try:
        for fid, text, ox, oy, rx, ry, rw, rh, px, bold, italic, color, halo, must in rows:
            if fid not in state.features or not isinstance(text, str) or not isinstance(color, str) \
                    or not isinstance(halo, str):
                return None
            nums = [float(v) for v in (ox, oy, rx, ry, rw, rh, px)]
            if not all(math.isfinite(v) for v in nums):
                return None
            out.append(PlacedLabel(fid, text, QPointF(nums[0], nums[1]), QRectF(*nums[2:6]), nums[6], bool(bold),
                                   bool(italic), color, halo, bool(must)))
    except (TypeError, ValueError):
        return None
    return out


def plan_labels(state: MapState, k: float = 1.0, obstacles: tuple[QRectF, ...] = (),
                high_contrast: bool = False, lines: tuple[tuple[float, float, float, float], ...] = ()
                ) -> list[PlacedLabel]:
    """Where every label goes (cached per state look, view and obstacles). ``lines``: screen segments labels
    keep off like routes (the annotations' lines and arrows)."""
    vp = state.viewport
    key = (state.look_key(), vp.cx, vp.cy, vp.m_per_px, vp.width, vp.height, state.language, k, state.selection,
           state.emphasis, tuple((r.x(), r.y(), r.width(), r.height()) for r in obstacles), tuple(
               sorted(state.badges.items())) if state.badges else (), high_contrast,
           label_edits.key(state.label_overrides), lines)
    hit = _cache.get(key)
    if hit is not None:
        _cache.move_to_end(key)
        return hit
    store = _store if _store is not None and all(lv.layer.id in _store.layer_ids for lv in state.layers) else None
    text = json.dumps(key, default=_canon, ensure_ascii=False) if store is not None else ""
    placed = _from_rows(store.get(text) or [], state) if store is not None else None
    if not placed:
        placed = _plan(state, k, obstacles, high_contrast, lines)
        if store is not None:
            store.put(text, _rows(placed))
    _cache[key] = placed
    if len(_cache) > 16:
        _cache.popitem(last=False)
    return placed


def _plan(state: MapState, k: float, obstacles: tuple[QRectF, ...], high_contrast: bool,
          lines: tuple[tuple[float, float, float, float], ...] = ()) -> list[PlacedLabel]:
    from corridor_viewer.render.paint import _path_for, world_transform

    vp = state.viewport
    lang = state.language
    rtl = lang == "ar"
    scale = vp.m_per_px / k  # exports at poster size show the labels of the equivalent screen view
    view = QRectF(0, 0, vp.width, vp.height)
    inner = view.adjusted(2 * k, 2 * k, -2 * k, -2 * k)
    wb = vp.world_bounds
    tf = world_transform(vp)
    must_ids = set(state.selection) | set(state.emphasis)
    overrides = state.label_overrides or {}
    markers: list[tuple[str, QRectF]] = []
    route_lines: dict[str, list] = {}
    todo = []
    for lv in state.layers:
        if not lv.visible:
            continue
        for f in lv.drawn_features() if lv.group == "routes" else ():
            b = f.geometry.bounds
            if f.geometry.kind == "line" and not (b[2] < wb[0] or b[0] > wb[2] or b[3] < wb[1] or b[1] > wb[3]) \
                    and state.status_of(f) is not None:
                route_lines[f.id] = _screen_lines(f, vp)
        ls = lv.style.labels
        for f in lv.features:
            g = f.geometry
            status = state.status_of(f)
            if status is None:
                continue
            b = g.bounds
            if b[2] < wb[0] or b[0] > wb[2] or b[3] < wb[1] or b[1] > wb[3]:
                continue
            style = lv.style.for_feature(f.id, f.kind, status)
            if g.kind == "point" and style.marker is not None and not lv.style.umbrella_hidden:
                x, y = vp.to_screen(*g.point)
                m = (style.marker.size * 1.25 + 2 * style.marker.stroke_width) * k
                if f.id in state.selection:  # the highlight's halo ring (paint._draw_highlight) is the marker now
                    m = max(m, (style.marker.size + 10) * k)
                markers.append((f.id, QRectF(x - m / 2, y - m / 2, m, m)))
            edit = overrides.get(f.id)
            if edit is not None and edit.hidden:
                continue
            forced = edit is not None and (edit.forced or edit.at is not None)
            fls = ls if ls is not None else (FORCED_STYLE if forced else None)
            if fls is None or (f.label_anchor is None and f.kind not in AREA_KINDS and not forced):
                continue
            area_like = f.kind in AREA_KINDS and g.kind == "polygon"
            must = f.id in must_ids or f.part_of in state.selection or (f.kind == "country" and area_like) or forced
            if not must:
                if not (fls.min_m_per_px <= scale <= fls.max_m_per_px) or scale > state.label_limits.get(f.priority,
                                                                                                         700.0):
                    continue
                if state.dim_except is not None and f.id not in state.dim_except and lv.group != "context":
                    continue
            placement = "point" if g.kind == "point" else ("inside" if area_like else fls.placement)
            if edit is not None and edit.at is not None:
                placement = "at"
            # A label the user put somewhere first; then the selection (a scene's highlights), then the other
            # names the map is about; among equals the smaller area first, as it has fewer places for its name
            # (the Lachin corridor's strip before the district around it, whose name can move).
            if placement == "at":
                rank = -1
            else:
                rank = (0 if f.id in state.selection or f.part_of in state.selection else 1) if must else 2
            size = (b[2] - b[0]) * (b[3] - b[1]) if g.kind == "polygon" else 0.0
            order = (rank, f.priority, {"inside": 0, "centroid": 0, "line": 1}.get(placement, 2), size, -lv.z)
            todo.append((order, f, lv, fls, status, style, placement, must, edit))
    todo.sort(key=lambda t: t[0])
    route_segments = {fid: _Segments(_segments(lines, view)) for fid, lines in route_lines.items()}
    all_route_segments = _Segments([s for segs in route_segments.values() for s in segs.items] + list(lines))
    placed: list[PlacedLabel] = []
    taken: list[QRectF] = []
    hard = list(obstacles)
    for _order, f, lv, ls, status, style, placement, must, edit in todo:
        own = edit.text.for_lang(lang).strip() if edit is not None and edit.text else ""
        text = own or label_text(f, lang, ls.caps, status)
        count = state.badges.get(f.id) if state.badges and not own else None
        if count:
            text = f"{text} ({count})"
        px = pt_to_px(ls.size_pt) * k
        box = text_box(text, px, ls.bold or high_contrast, ls.italic)
        own_markers = {f.id}
        reach = 48 if must else 12  # a name the map is about may look further inside its area for room
        anchor = f.label_anchor or ((f.geometry.bounds[0] + f.geometry.bounds[2]) / 2,
                                    (f.geometry.bounds[1] + f.geometry.bounds[3]) / 2)
        forced = edit is not None and (edit.forced or edit.at is not None)
        if placement == "at":
            from corridor_viewer.model import projection

            cx, cy = vp.to_screen(*projection.forward(*edit.at))
            origin = _centred(QPointF(cx, cy), box)
            rect = box.translated(origin).adjusted(-2 * k, -1 * k, 2 * k, 1 * k)
            if rect.intersects(view):
                color, halo = ("#000000", "#ffffff") if high_contrast else (ls.color, ls.halo)
                placed.append(PlacedLabel(f.id, text, origin, rect, px, ls.bold or high_contrast, ls.italic, color,
                                          halo, True))
                taken.append(rect)
            continue
        if placement == "point":
            x, y = vp.to_screen(*f.geometry.point)
            marker = (style.marker.size * k) if style.marker else 0.0
            # A marker drawn on the same spot (the Russian base in Gyumri, Iran's consulate in Kapan) is this
            # point's own too, and the name keeps clear of the larger of the two: otherwise neither name
            # could sit beside the pair.
            same_spot = [(fid, m) for fid, m in markers if (m.center() - QPointF(x, y)).manhattanLength() < 1.0]
            own_markers |= {fid for fid, _ in same_spot}
            marker = max([marker] + [m.width() for fid, m in same_spot if fid != f.id])
            if marker and f.id in state.selection:
                marker = max(marker, (style.marker.size + 10) * k)  # clear of the highlight's halo ring
            cands = _point_candidates(QPointF(x, y), box, marker, rtl)
        elif placement == "inside":
            cands = iter(_inside_candidates(tf.map(_path_for(f, lv.layer)), inner, box, reach))
        elif placement == "line":
            lines = route_lines.get(f.id) or _screen_lines(f, vp) if f.geometry.kind == "line" else \
                [ln for s in lv.features if s.part_of == f.id and s.id in route_lines for ln in route_lines[s.id]]
            if not lines:
                cands = _area_candidates(QPointF(*vp.to_screen(*anchor)), box)
            else:
                width = (style.line_width or style.width) * k
                cands = _line_candidates(lines, box, inner, width)
        else:
            cands = _area_candidates(QPointF(*vp.to_screen(*anchor)), box)
            if f.geometry.kind == "polygon":
                # An area whose usual label point is off the map (or taken) is named inside what is in view.
                path = tf.map(_path_for(f, lv.layer))
                cands = (c for group in (cands, _inside_candidates(path, inner, box, reach)) for c in group)
        candidates = list(cands)
        chosen = None
        # Strict first (nothing underneath); the labels the map is about may then cross a route line.
        for strict in ((True, False) if must else (True,)):
            for origin in candidates:
                rect = box.translated(origin).adjusted(-2 * k, -1 * k, 2 * k, 1 * k)
                if not inner.contains(rect) or any(rect.intersects(r) for r in taken) \
                        or any(rect.intersects(r) for r in hard):
                    continue
                if any(rect.intersects(m) for fid, m in markers if fid not in own_markers):
                    continue
                if strict and _rect_hits_segments(rect, all_route_segments):
                    continue
                if placement == "line" and _rect_hits_segments(rect, route_segments.get(f.id, ())):
                    continue
                chosen = (origin, rect)
                break
            if chosen is not None:
                break
        if chosen is None and forced:
            # Forced on: the best spot in view even if it crosses something (the user asked for this name).
            spot = next((o for o in candidates if inner.contains(box.translated(o))), candidates[0] if candidates
                        else None)
            if spot is not None:
                chosen = (spot, box.translated(spot).adjusted(-2 * k, -1 * k, 2 * k, 1 * k))
        if chosen is None:
            continue
        origin, rect = chosen
        color, halo = ("#000000", "#ffffff") if high_contrast else (ls.color, ls.halo)
        placed.append(PlacedLabel(f.id, text, origin, rect, px, ls.bold or high_contrast, ls.italic, color, halo,
                                  must))
        taken.append(rect)
    return placed


def draw_labels(painter: QPainter, state: MapState, k: float = 1.0, as_text: bool = False,
                raster: bool = False, high_contrast: bool = False,
                obstacles: tuple[QRectF, ...] = (), lines: tuple = ()) -> list[tuple[str, QRectF]]:
    """Place and draw the labels; returns (feature id, box) of each (tests and exports check them)."""
    placed = plan_labels(state, k, obstacles, high_contrast, lines)
    hw = (5 if high_contrast else 3) * k
    for lab in placed:
        draw_halo_text(painter, lab.text, lab.origin, lab.px, lab.color, lab.halo, bold=lab.bold, italic=lab.italic,
                       as_text=as_text, halo_width=hw, raster=raster)
    return [(lab.fid, lab.rect) for lab in placed]


__all__ = ["PlacedLabel", "draw_labels", "label_text", "plan_labels"]
