"""The pair page's charts as plain SVG geometry, computed on the server: a timeline and a curve.

The **timeline** puts every dated event on one time axis from the earliest start to the latest end.
An event whose interval is longer than its start's own unit ("1905".."1906", "the 1920s") is a bar
from start to end; the rest are dots. Marks are stacked in lanes so none overlaps another, and
coloured by the PLOVER quad class of the event's first type (``contract/plover.md``).

The **cooperation–conflict curve** gives each decade the mean PLOVER score (−10 … +10) of the
events that meet it. An event's score is the mean of its types' scores; an event spanning several
decades counts in each of them with weight 1/(number of decades), so "the 18th century" does not
outweigh a dated visit.

>>> year_value("1897"), year_value("1897", end=True)
(1897.0, 1898.0)
"""

from __future__ import annotations

import math
import re

from legation.facts import PLOVER_SCORES, QUAD_CLASS

QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
QUAD_KEYS = {q: q.replace(" ", "-") for q in QUADS}

_DATE = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# The drawing frame, in SVG user units (the SVG scales to the page's width).
WIDTH = 1000.0
LEFT, RIGHT = 16.0, 16.0
AXIS_H = 26.0
LANE_H = 17.0
DOT_R = 5.5
BAR_H = 9.0
MIN_BAR = 8.0
GAP = 3.0


def year_value(text: str | None, end: bool = False) -> float | None:
    """A date string (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) as a fractional year: its start, or with
    ``end`` the start of what follows it (intervals are inclusive, contract § Events)."""
    m = _DATE.match(text or "")
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is None or not 1 <= month <= 12:
        return float(year + (1 if end else 0))
    if day is None or not 1 <= day <= 31:
        return year + (month if end else month - 1) / 12
    days = _MONTH_DAYS[month - 1]
    return year + (month - 1) / 12 + (min(day, days) - (0 if end else 1)) / days / 12


def quad_of(types: tuple[str, ...] | list[str]) -> str | None:
    """The quad class of an event: that of its first PLOVER type (None for an untyped event)."""
    for t in types:
        if t in QUAD_CLASS:
            return QUAD_CLASS[t]
    return None


def score_of(types: tuple[str, ...] | list[str]) -> float | None:
    """The mean PLOVER score of an event's types (None for an untyped event)."""
    scores = [PLOVER_SCORES[t] for t in types if t in PLOVER_SCORES]
    return sum(scores) / len(scores) if scores else None


def _interval(event) -> tuple[float, float] | None:
    lo = year_value(event.start)
    hi = year_value(event.end or event.start, end=True)
    if lo is None or hi is None:
        return None
    return lo, max(hi, lo)


def _nice_step(span: float, target: int = 9) -> int:
    raw = span / target
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if step >= raw:
            return step
    return 1000 * math.ceil(raw / 1000)


def axis(lo: float, hi: float) -> dict:
    """The time axis shared by both charts: domain [lo, hi] in years, ticks at round years."""
    if hi - lo < 4:
        mid = (lo + hi) / 2
        lo, hi = mid - 2, mid + 2
    pad = (hi - lo) * 0.01
    lo, hi = lo - pad, hi + pad
    step = _nice_step(hi - lo)
    first = math.ceil(lo / step) * step
    scale = (WIDTH - LEFT - RIGHT) / (hi - lo)
    ticks = [{"year": y, "x": LEFT + (y - lo) * scale} for y in range(int(first), int(hi) + 1, step)]
    return {"lo": lo, "hi": hi, "scale": scale, "ticks": ticks}


def x_of(ax: dict, year: float) -> float:
    return LEFT + (year - ax["lo"]) * ax["scale"]


def timeline(events: list, highlight) -> dict | None:
    """The timeline of ``events`` (StoredFact[Event]); ``highlight(fact)`` gives a fact's text span
    to highlight. None when no event has a date."""
    dated = [(item, _interval(item.fact)) for item in events]
    dated = [(item, iv) for item, iv in dated if iv is not None]
    if not dated:
        return None
    ax = axis(min(iv[0] for _, iv in dated), max(iv[1] for _, iv in dated))
    marks = []
    for item, (lo, hi) in dated:
        e = item.fact
        x0, x1 = x_of(ax, lo), x_of(ax, hi)
        bar = bool(e.end) and e.end != e.start and (x1 - x0) >= MIN_BAR
        if bar:
            left, right = x0, x1
        else:
            cx = (x0 + x1) / 2
            left, right = cx - DOT_R, cx + DOT_R
        quad = quad_of(e.types)
        when = e.start if not e.end or e.end == e.start else f"{e.start}–{e.end}"
        marks.append({
            "id": item.id, "bar": bar, "x0": left, "x1": right, "cx": (left + right) / 2,
            "quad": QUAD_KEYS.get(quad, "untyped") if quad else "untyped", "quad_name": quad or "no PLOVER type",
            "when": when, "start": e.start, "end": e.end or e.start, "time_text": e.time_text,
            "types": list(e.types), "evidence": e.evidence, "hl": highlight(e), "section": item.section,
        })
    # Lanes: each mark goes in the first lane where it clears the last mark by GAP.
    ends: list[float] = []
    for mark in sorted(marks, key=lambda m: (m["x0"], m["x1"])):
        for lane, last in enumerate(ends):
            if mark["x0"] >= last + GAP:
                ends[lane] = mark["x1"]
                break
        else:
            lane = len(ends)
            ends.append(mark["x1"])
        mark["lane"] = lane
        mark["cy"] = 10 + lane * LANE_H + LANE_H / 2
    height = 10 + len(ends) * LANE_H + 6
    return {"width": WIDTH, "height": height + AXIS_H, "axis_y": height, "axis": ax, "marks": marks,
            "lanes": len(ends), "first": min(m["start"] for m in marks), "last": _latest(marks)}


def _latest(marks: list[dict]) -> str:
    return max((m["end"] for m in marks), key=lambda d: year_value(d, end=True) or 0)


def decades(events: list) -> list[dict]:
    """The cooperation–conflict score of each decade met by a typed, dated event (ascending)."""
    sums: dict[int, list[float]] = {}
    for item in events:
        e = item.fact
        score, iv = score_of(e.types), _interval(e)
        if score is None or iv is None:
            continue
        first, last = int(math.floor(iv[0] / 10) * 10), int(math.floor((iv[1] - 1e-9) / 10) * 10)
        n = (last - first) // 10 + 1
        for d in range(first, last + 1, 10):
            acc = sums.setdefault(d, [0.0, 0.0, 0])
            acc[0] += score / n
            acc[1] += 1 / n
            acc[2] += 1
    return [{"decade": d, "score": round(s / w, 2), "events": k, "weight": round(w, 3)}
            for d, (s, w, k) in sorted(sums.items())]


def curve(events: list) -> dict | None:
    """The curve's geometry: a point per decade at its middle, the line broken where a decade has none."""
    rows = decades(events)
    if not rows:
        return None
    ax = axis(rows[0]["decade"], rows[-1]["decade"] + 10)
    height, top, bottom = 170.0, 12.0, 150.0

    def y_of(score: float) -> float:
        return top + (10 - score) / 20 * (bottom - top)

    points, segments, current = [], [], []
    previous = None
    for row in rows:
        x = x_of(ax, row["decade"] + 5)
        point = {**row, "x": x, "y": y_of(row["score"]),
                 "sign": "pos" if row["score"] > 0 else "neg" if row["score"] < 0 else "zero",
                 "label": f"{row['decade']}s: {row['score']:+.1f} "
                          f"({row['events']} event{'s' if row['events'] != 1 else ''})"}
        if previous is not None and row["decade"] != previous + 10 and current:
            segments.append(current)
            current = []
        current.append(point)
        points.append(point)
        previous = row["decade"]
    if current:
        segments.append(current)
    paths = ["M" + "L".join(f"{p['x']:.1f},{p['y']:.1f}" for p in seg) for seg in segments]
    grid = [{"score": s, "y": y_of(s)} for s in (10, 5, 0, -5, -10)]
    return {"width": WIDTH, "height": height + AXIS_H, "axis_y": height, "axis": ax, "points": points,
            "paths": paths, "grid": grid, "left": LEFT, "right": WIDTH - RIGHT}
