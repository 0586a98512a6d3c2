"""Give every sentence its time: its own expressions, resolved against what came before.

A sentence's own time expressions come from :mod:`legation.extract.time`.
Relative ones ("Then", "the same year", "later that year") are anchored on
the last absolute time of the same section; an anaphoric "the war" is the
last war named before it; a sentence without a time of its own may take the
time of the sentence before it in the same paragraph, or of its section
heading ("Soviet period"), when the event extractor finds that the text
implies it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from legation.extract.time import TimeExpr, find_times, heading_time, parse_time, resolve

_PREPOSITION = re.compile(
    r"^(?:in|on|at|during|since|after|before|until|till|by|from|between|throughout|as of|around|circa|"
    r"in the course of|in the context of|following|upon|towards?|through|over|under|within|ahead of|"
    r"the aftermath of|in the aftermath of|after the end of|at the end of|until the end of)\b\s*(?:the\s+)?",
    re.IGNORECASE,
)
_THE_WAR = re.compile(r"\b(?:after|during|before|since|following|in)\s+the\s+war\b(?!\s+of)", re.IGNORECASE)
_SINCE_INDEPENDENCE = re.compile(r"\bsince\s+(?:its\s+|their\s+)?independence\b", re.IGNORECASE)

PRECISION_RANK = {"day": 6, "month": 5, "year": 4, "decade": 3, "century": 2, "period": 1, "relative": 0}


@dataclass(frozen=True)
class Dated:
    """A time for (part of) a sentence, and where it came from."""

    expr: TimeExpr
    origin: str  # "own", "relative", "previous", "heading", "anaphora"


def base(expr: TimeExpr) -> TimeExpr:
    """The interval an open expression is built on: "since the 18th century" → the 18th century.

    Used when a later sentence anchors on it ("Then …"): the anchor is the
    century, not the open interval from 1700 to the present.
    """
    if expr.kind in ("since", "after", "before", "until") or expr.end is None:
        inner = _PREPOSITION.sub("", expr.text, count=1)
        again = parse_time(inner) if inner != expr.text else None
        if again is not None and again.start is not None and again.kind not in ("since", "relative"):
            return replace(again, text=expr.text, span=expr.span)
        if expr.end is None and expr.start is not None:
            return replace(expr, end=expr.start)
    return expr


def is_frame(expr: TimeExpr) -> bool:
    """True when the expression frames the clause ("during the Cold War") rather than names what happened."""
    return bool(_PREPOSITION.match(expr.text))


def rank(expr: TimeExpr) -> int:
    return PRECISION_RANK.get(expr.precision, 0)


@dataclass
class Timeline:
    """Times of each sentence of a document, computed once and shared by extractors."""

    own: list[list[TimeExpr]]
    anchors: list[TimeExpr | None]  # the last absolute time before each sentence, same section
    headings: list[TimeExpr | None]
    wars: list[TimeExpr | None]

    def resolved(self, i: int) -> list[TimeExpr]:
        """Sentence ``i``'s own expressions with relative ones anchored."""
        out = []
        for expr in self.own[i]:
            if expr.kind == "relative":
                anchor = self.anchors[i]
                if anchor is None:
                    continue
                expr = resolve(expr, base(anchor))
                if expr.start is None:
                    continue
            out.append(expr)
        return out


def timeline(sentences, context: frozenset[str]) -> Timeline:
    """Time expressions of every sentence, with anchors for relative ones."""
    own: list[list[TimeExpr]] = []
    anchors: list[TimeExpr | None] = []
    headings: list[TimeExpr | None] = []
    wars: list[TimeExpr | None] = []
    anchor: TimeExpr | None = None
    last_war: TimeExpr | None = None
    section = None
    heading_cache: dict[str, TimeExpr | None] = {}
    for s in sentences:
        if s.section != section:
            section = s.section
            anchor = None
        if s.section not in heading_cache:
            heading_cache[s.section] = _section_time(s.section, context)
        exprs = find_times(s.text, context)
        if not any(e.kind != "relative" for e in exprs):
            extra = _anaphora(s.text, last_war)
            if extra is not None:
                exprs = sorted([*exprs, extra], key=lambda e: e.span)
        own.append(exprs)
        anchors.append(anchor)
        headings.append(heading_cache[s.section])
        wars.append(last_war)
        absolute = [e for e in exprs if e.kind != "relative" and e.start is not None]
        if absolute:
            anchor = max(absolute, key=rank)
        elif exprs and anchor is not None:
            anchor = resolve(exprs[-1], base(anchor)) if exprs[-1].kind == "relative" else anchor
        for e in exprs:
            if re.search(r"\bwar\b", e.text, re.IGNORECASE) and e.kind != "relative" and e.start:
                last_war = e
    return Timeline(own, anchors, headings, wars)


def _section_time(path: str, context: frozenset[str]) -> TimeExpr | None:
    """The time of the innermost heading of a section path that implies one."""
    for title in reversed(path.split(" > ")) if path else ():
        t = heading_time(title, context)
        if t is not None and t.start is not None:
            return t
    return None


def _anaphora(text: str, last_war: TimeExpr | None) -> TimeExpr | None:
    """ "After the war" → after the last war named before this sentence."""
    if last_war is None:
        return None
    m = _THE_WAR.search(text)
    if not m:
        return None
    war = base(last_war)
    word = m.group(0).split()[0].casefold()
    if word in ("after", "following", "since"):
        return TimeExpr(m.group(0), m.span(), war.end, war.end, war.precision, "after")
    if word == "before":
        return TimeExpr(m.group(0), m.span(), war.start, war.start, war.precision, "before")
    return TimeExpr(m.group(0), m.span(), war.start, war.end, war.precision, "period")
