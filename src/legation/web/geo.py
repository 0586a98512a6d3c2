"""Maps as plain SVG, projected on the server: country shapes, mission points and lines.

The shapes are Natural Earth's 1:110m countries as the npm package ``world-atlas`` 2.0.2 ships
them (``static/countries-110m.json``, TopoJSON keyed by ISO 3166-1 numeric code; licence in
``static/countries-110m.LICENSE.txt``). They are decoded once and projected with the Natural Earth
projection into a fixed frame 1000 units wide; a map is that frame seen through a ``viewBox``.
Countries too small for the 110m shapes (Palau, Singapore, Malta, …) are drawn as points at their
capital. Nothing here imports a web framework.

>>> x, y = project(0, 0)
>>> round(x), round(y)
(500, 260)
"""

from __future__ import annotations

import functools
import itertools
import json
import math
from dataclasses import dataclass
from importlib import resources

from legation.places import capital, city, country

WIDTH = 1000.0
# Natural Earth I spans ±2.7353 (x) and ±1.4224 (y) radians-scaled units at lon ±180°, lat ±90°.
_SCALE = WIDTH / (2 * 0.8707 * math.pi)
_TOP = 1.4224 * _SCALE
# The world map leaves out Antarctica and the far north: latitudes 84°N … 57°S.
WORLD_NORTH, WORLD_SOUTH = 84.0, -57.0

Ring = list[tuple[float, float]]


def project(lon: float, lat: float) -> tuple[float, float]:
    """Natural Earth I projection (Šavrič et al. 2011, as d3-geo writes it) into the SVG frame."""
    lam, phi = math.radians(lon), math.radians(max(-90.0, min(90.0, lat)))
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return WIDTH / 2 + x * _SCALE, _TOP - y * _SCALE


# --- the shapes --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Shape:
    """One country's outline: its SVG path, and the bounding box of its main parts in the frame."""

    iso3: str
    path: str
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 of the parts that matter for framing
    label: tuple[float, float]  # where its name goes: the centre of its largest part


def _decode(topology: dict) -> dict[str, list[list[Ring]]]:
    """TopoJSON countries as polygons of (lon, lat) rings, by ISO3 (delta-encoded, quantized arcs)."""
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: list[int]) -> Ring:
        out: Ring = []
        for i in indexes:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points if not out else points[1:])
        if any(abs(p[0] - q[0]) > 180 for p, q in itertools.pairwise(out)):
            # A ring across the antimeridian (Chukotka, Wrangel Island, Fiji): continue it east of
            # 180° rather than draw a line across the whole world.
            out = [(lon + 360 if lon < 0 else lon, lat) for lon, lat in out]
        return out

    shapes: dict[str, list[list[Ring]]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        # Three shapes have no code (Kosovo, N. Cyprus, Somaliland): their name finds Kosovo.
        found = country(geometry["id"]) if geometry.get("id") else country(geometry["properties"]["name"])
        if found is None or found.iso3 == "ATA":  # no map here reaches Antarctica
            continue
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        shapes.setdefault(found.iso3, []).extend([[ring(r) for r in polygon] for polygon in polygons])
    return shapes


def _area(points: list[tuple[float, float]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True))) / 2


def _path(polygons: list[list[list[tuple[float, float]]]]) -> str:
    parts = []
    for polygon in polygons:
        for ring in polygon:
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in ring) + "Z")
    return "".join(parts)


@functools.cache
def shapes() -> dict[str, Shape]:
    """Every country with a 110m shape, projected, by ISO3."""
    raw = resources.files("legation.web").joinpath("static/countries-110m.json").read_text("utf-8")
    out = {}
    for iso3, polygons in _decode(json.loads(raw)).items():
        projected = [[[project(lon, lat) for lon, lat in ring] for ring in polygon] for polygon in polygons]
        areas = [_area(polygon[0]) for polygon in projected]
        biggest = max(areas)
        # A map framed on France or the United States should not reach French Guiana or Hawaii:
        # only parts at least 15% the size of the largest count for framing.
        main = [p for p, a in zip(projected, areas, strict=True) if a >= biggest * 0.15]
        xs = [x for p in main for x, _ in p[0]]
        ys = [y for p in main for _, y in p[0]]
        largest = projected[areas.index(biggest)][0]
        out[iso3] = Shape(iso3, _path(projected), (min(xs), min(ys), max(xs), max(ys)), _centroid(largest))
    return out


def _centroid(ring: list[tuple[float, float]]) -> tuple[float, float]:
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        f = x0 * y1 - x1 * y0
        a += f
        cx += (x0 + x1) * f
        cy += (y0 + y1) * f
    if abs(a) < 1e-9:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return sum(xs) / len(xs), sum(ys) / len(ys)
    return cx / (3 * a), cy / (3 * a)


def micro_point(iso3: str) -> tuple[float, float] | None:
    """Where a country without a 110m shape is drawn: its capital, projected (None if unknown)."""
    seat = capital(iso3)
    return project(seat.lon, seat.lat) if seat is not None else None


def country_name(iso3: str) -> str:
    found = country(iso3)
    return found.name if found else iso3


# --- maps ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ViewBox:
    x: float
    y: float
    w: float
    h: float

    def __str__(self) -> str:
        return f"{self.x:.1f} {self.y:.1f} {self.w:.1f} {self.h:.1f}"


def world_box() -> ViewBox:
    top = project(0, WORLD_NORTH)[1]
    bottom = project(0, WORLD_SOUTH)[1]
    return ViewBox(0, top, WIDTH, bottom - top)


def frame(points: list[tuple[float, float]], aspect: tuple[float, float] = (1.3, 2.2), pad: float = 0.08,
          least: float = 60.0) -> ViewBox:
    """The smallest box holding ``points``, padded, its width / height kept within ``aspect``."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    w, h = max(x1 - x0, least), max(y1 - y0, least / aspect[1])
    w, h = w * (1 + 2 * pad), h * (1 + 2 * pad)
    if w / h < aspect[0]:
        w = h * aspect[0]
    elif w / h > aspect[1]:
        h = w / aspect[1]
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return ViewBox(cx - w / 2, cy - h / 2, w, h)


def _bins(top: int) -> list[int]:
    """Lower bounds of five shading classes up to ``top``: 1, 2, 4, … (doubling), fewer if ``top`` is small."""
    bounds = [1]
    while len(bounds) < 5 and bounds[-1] * 2 <= top:
        bounds.append(bounds[-1] * 2)
    return bounds


def world_map(counts: dict[str, dict[str, int]]) -> dict:
    """The index map: every country, shaded by how many pairs and missions legation knows for it.

    ``counts`` maps ISO3 to ``{"pairs": n, "missions": m}``.
    """
    totals = {iso3: c.get("pairs", 0) + c.get("missions", 0) for iso3, c in counts.items()}
    bounds = _bins(max(totals.values(), default=1))

    def level(n: int) -> int:
        return sum(1 for b in bounds if n >= b)

    def tip(iso3: str) -> str:
        c = counts.get(iso3, {})
        return (f"{country_name(iso3)}: {c.get('pairs', 0)} pair{'s' if c.get('pairs', 0) != 1 else ''}, "
                f"{c.get('missions', 0)} mission{'s' if c.get('missions', 0) != 1 else ''}")

    countries = [{"iso3": s.iso3, "name": country_name(s.iso3), "path": s.path,
                  "level": level(totals.get(s.iso3, 0)), "tip": tip(s.iso3)}
                 for s in sorted(shapes().values(), key=lambda s: s.iso3)]
    micro = []
    for iso3 in sorted(totals):
        if iso3 in shapes() or not totals[iso3]:
            continue
        point = micro_point(iso3)
        if point:
            micro.append({"iso3": iso3, "name": country_name(iso3), "x": point[0], "y": point[1],
                          "level": level(totals[iso3]), "tip": tip(iso3)})
    legend = [{"level": i + 1, "label": f"{b}" + (f"–{bounds[i + 1] - 1}" if i + 1 < len(bounds) and
                                                    bounds[i + 1] - 1 > b else "" if i + 1 < len(bounds) else "+")}
              for i, b in enumerate(bounds)]
    return {"box": str(world_box()), "countries": countries, "micro": micro, "legend": legend}


def _mission_point(m) -> tuple[float, float] | None:
    if m.lat is not None and m.lon is not None:
        return project(m.lon, m.lat)
    found = city(m.city, m.host) if m.city else None
    return project(found.lon, found.lat) if found else None


def _curve(a: tuple[float, float], b: tuple[float, float], bend: float = 0.18) -> str:
    """A gently bent line from ``a`` to ``b`` (a quadratic Bézier), so lines both ways do not overlap."""
    (x0, y0), (x1, y1) = a, b
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    dx, dy = x1 - x0, y1 - y0
    cx, cy = mx - dy * bend, my + dx * bend
    return f"M{x0:.2f},{y0:.2f}Q{cx:.2f},{cy:.2f} {x1:.2f},{y1:.2f}"


class _Labels:
    """Greedy label placement: each label takes the first candidate spot that overlaps nothing taken."""

    def __init__(self, view: ViewBox) -> None:
        self.view = view
        self.taken: list[tuple[float, float, float, float]] = []

    def block(self, x: float, y: float, r: float) -> None:
        self.taken.append((x - r, y - r, x + r, y + r))

    def _fits(self, box: tuple[float, float, float, float]) -> bool:
        v = self.view
        inside = box[0] >= v.x and box[2] <= v.x + v.w and box[1] >= v.y and box[3] <= v.y + v.h
        return inside and all(box[2] <= t[0] or box[0] >= t[2] or box[3] <= t[1] or box[1] >= t[3]
                              for t in self.taken)

    def place(self, text: str, size: float, spots: list[tuple[float, float, str]]) -> tuple[float, float, str]:
        """The first of ``spots`` (x, baseline y, anchor) where ``text`` fits; else the first spot."""
        w = len(text) * size * 0.58
        for x, y, anchor in spots:
            x0 = x if anchor == "start" else x - w if anchor == "end" else x - w / 2
            box = (x0, y - size * 0.8, x0 + w, y + size * 0.25)
            if self._fits(box):
                self.taken.append(box)
                return x, y, anchor
        return spots[0]


def _city_spots(x: float, y: float, size: float) -> list[tuple[float, float, str]]:
    gap, base = size * 0.6, y + size * 0.35
    spots = [(x + gap, base, "start"), (x - gap, base, "end"), (x, y - gap, "middle"), (x, y + size + gap * 0.5, "middle")]
    for step in range(1, 8):
        for sign in (1, -1):
            spots += [(x + gap * 2, base + sign * step * size * 1.1, "start"),
                      (x - gap * 2, base + sign * step * size * 1.1, "end")]
    return spots


def pair_map(a: str, b: str, missions: list, highlight=None) -> dict:
    """The pair page's map: the two countries, their missions at cities, lines from sender to host.

    ``missions`` are :class:`~legation.store.StoredFact` of :class:`~legation.facts.Mission`. A
    mission's line starts at its sender's capital; former missions are drawn hollow and dashed.
    ``highlight(fact)`` gives the text span a click on a point highlights (default: the fact's span).
    """
    every = shapes()
    focus, micro, frame_points = [], [], []
    for iso3 in dict.fromkeys((a, b)):
        shape = every.get(iso3)
        if shape is not None:
            focus.append({"iso3": iso3, "name": country_name(iso3), "path": shape.path,
                          "lx": shape.label[0], "ly": shape.label[1]})
            frame_points += [(shape.box[0], shape.box[1]), (shape.box[2], shape.box[3])]
            continue
        point = micro_point(iso3)
        if point is not None:
            micro.append({"iso3": iso3, "name": country_name(iso3), "x": point[0], "y": point[1]})
            frame_points.append(point)

    points, lines, capitals = [], [], {}
    for item in missions:
        m = item.fact
        at = _mission_point(m)
        if at is None:
            continue
        former = m.status == "former"
        points.append({"id": item.id, "x": at[0], "y": at[1], "city": m.city, "label": m.city,
                       "kind": m.kind, "sender": m.sender, "host": m.host, "status": m.status,
                       "former": former, "hl": highlight(m) if highlight else list(m.span), "evidence": m.evidence,
                       "tip": f"{m.kind.replace('-', ' ')} of {country_name(m.sender)} in {m.city} ({m.status})"})
        frame_points.append(at)
        seat = capital(m.sender) if m.sender else None
        if seat is not None:
            start = project(seat.lon, seat.lat)
            if math.dist(start, at) > 0.5:
                capitals[m.sender] = {"iso3": m.sender, "x": start[0], "y": start[1], "city": seat.name}
                lines.append({"id": item.id, "d": _curve(start, at), "former": former})
                frame_points.append(start)

    box = frame(frame_points) if frame_points else world_box()
    # Marks and labels are sized to the box, so a map of two neighbours reads like one of two continents.
    unit = box.w / 100
    sizes = {"point": unit * 0.85, "capital": unit * 1.0, "city": unit * 2.0, "country": unit * 2.6}
    labels = _Labels(box)
    for p in points:
        labels.block(p["x"], p["y"], sizes["point"] * 1.3)
    for c in capitals.values():
        labels.block(c["x"], c["y"], sizes["capital"])
    # One label per city, however many missions are there.
    seen: set[tuple[float, float]] = set()
    for p in sorted(points, key=lambda p: (p["y"], p["x"])):
        key = (round(p["x"], 1), round(p["y"], 1))
        if key in seen:
            p.update(label="", lx=p["x"], ly=p["y"], anchor="start", leader=False)
            continue
        seen.add(key)
        spots = _city_spots(p["x"], p["y"], sizes["city"])
        lx, ly, anchor = labels.place(p["label"], sizes["city"], spots)
        p.update(lx=lx, ly=ly, anchor=anchor, leader=spots.index((lx, ly, anchor)) >= 4)
    size = sizes["country"]
    for c in focus:
        x0, y0, x1, y1 = every[c["iso3"]].box
        cx, cy = c["lx"], c["ly"]
        spots = [(cx, cy + size * 0.35, "middle"), ((x0 + x1) / 2, y1 + size * 1.1, "middle"),
                 ((x0 + x1) / 2, y0 - size * 0.4, "middle"), (x1 + size * 0.4, cy, "start"),
                 (x0 - size * 0.4, cy, "end")]
        c["lx"], c["ly"], c["anchor"] = labels.place(c["name"], size, spots)
    for c in micro:
        c["lx"], c["ly"], c["anchor"] = labels.place(c["name"], size, [
            (c["x"] + size * 0.6, c["y"] + size * 0.35, "start"), (c["x"] - size * 0.6, c["y"] + size * 0.35, "end"),
            (c["x"], c["y"] - size * 0.6, "middle"), (c["x"], c["y"] + size * 1.2, "middle")])
    others = [{"iso3": s.iso3, "path": s.path} for s in every.values() if s.iso3 not in (a, b)]
    return {"box": str(box), "unit": unit, "sizes": sizes, "others": others, "focus": focus, "micro": micro,
            "points": points, "lines": lines, "capitals": list(capitals.values())}

