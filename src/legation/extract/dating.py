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
from dataclasses import dataclass, field, replace

from legation.extract.time import TimeExpr, find_times, heading_time, is_span, parse_time, resolve
from legation.extract.triggers import SENTENCES

_PREPOSITION = re.compile(
    r"^(?:in|on|at|during|since|after|before|until|till|by|from|between|throughout|as of|around|circa|"
    r"in the course of|in the context of|following|upon|towards?|through|over|under|within|ahead of|"
    r"the aftermath of|in the aftermath of|after the end of|at the end of|until the end of)\b\s*(?:the\s+)?",
    re.IGNORECASE,
)
_THE_WAR = re.compile(r"\b(?:after|during|before|since|following|in the aftermath of|in the course of|in)\s+(?:the\s+)?"
                      r"(?:war|conflict)\b(?!\s+(?:of|in|between|with))", re.IGNORECASE)
# "the defeat of Japan in World War II", "following the end of the war": the time is the period's end.
_ENDING = re.compile(r"\b(?:following|after|in the aftermath of|at the end of|the end of|the defeat of|the collapse of|"
                     r"the fall of)\b[^,;]{0,40}$", re.IGNORECASE)
_THEN = re.compile(r"(?<!since )(?<!until )(?<!by )(?<!till )\b(?:then|thereafter|subsequently)\b(?![- ]\w+ist\b)",
                   re.IGNORECASE)
_WARLIKE = re.compile(r"\b(?:war|wars|conflict|revolution|crisis|invasion)\b", re.IGNORECASE)
_SINCE_INDEPENDENCE = re.compile(r"\bsince\s+(?:its\s+|their\s+)?independence\b", re.IGNORECASE)
# Words the two searches above need ("war", "then"), found with the sentences' other words (see
# legation.extract.triggers): most sentences have neither, and are not searched.
_GATES = SENTENCES.lexicon([re.compile(r"\b(?:war|conflict)\b", re.IGNORECASE),
                            re.compile(r"\b(?:then|thereafter|subsequently)\b", re.IGNORECASE)])


def _has(text: str, n: int) -> bool:
    return _GATES.search_in(n, text) is not None


_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")

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


_THEN_WORD = re.compile(r"\bthen\b", re.IGNORECASE)


def rank(expr: TimeExpr) -> int:
    return PRECISION_RANK.get(expr.precision, 0)


@dataclass
class Timeline:
    """Times of each sentence of a document, computed once and shared by extractors."""

    own: list[list[TimeExpr]]
    anchors: list[TimeExpr | None]  # the last absolute time before each sentence, same section
    headings: list[TimeExpr | None]
    wars: list[TimeExpr | None]
    carried: list[TimeExpr | None] = field(default_factory=list)
    lasts: list[TimeExpr | None] = field(default_factory=list)  # the last absolute time told before each sentence
    # Each sentence's years that name a thing ("the 1992 judgment"): no anchor for the times after them.
    naming: list[frozenset[tuple[int, int]]] = field(default_factory=list)
    _resolved: dict[int, list[TimeExpr]] = field(default_factory=dict, repr=False, compare=False)

    def resolved(self, i: int) -> list[TimeExpr]:
        """Sentence ``i``'s own expressions with relative ones anchored.

        A relative expression anchors on the last absolute one before it in the
        same sentence ("in 1943, and … the same year"), else on the sentence's anchor.
        """
        if (done := self._resolved.get(i)) is None:
            done = self._resolved[i] = self._resolve(i)  # (asked for by the carried times and the events)
        return list(done)

    def _resolve(self, i: int) -> list[TimeExpr]:
        out: list[TimeExpr] = []
        for expr in self.own[i]:
            earlier = [e for e in out if e.span[1] <= expr.span[0] and not is_span(e)]
            if self.naming and self.naming[i]:
                earlier = [e for e in earlier if e.span not in self.naming[i]] or earlier
            anchor = earlier[-1] if earlier else self.anchors[i]
            if not earlier and self.lasts and self.lasts[i] is not None and _THEN_WORD.search(expr.text):
                anchor = self.lasts[i]  # "… partners until the Iranian Revolution of 1979. Since then …": the last told
            if expr.kind == "relative":
                if anchor is None:
                    continue
                expr = resolve(expr, base(anchor))
                if expr.start is None:
                    continue
            elif expr.kind == "until" and expr.start == expr.end and anchor is not None:
                # "kept in regular contact … until 1991": from the time before it to 1991.
                start = base(anchor).start
                if start and start < expr.start:
                    expr = replace(expr, start=start)
            out.append(expr)
        return out


# "the first visit by an Indian prime minister since 1954": the year is what the event is measured
# against, not when it happened.
_FIRST_SINCE = re.compile(r"\b(?:first|only)\b[^,;.()]{0,70}\Z", re.IGNORECASE)


# "the instruments of ratification of the 1974 Land Boundary Agreement": the year names the agreement.
_NAMES_AN_AGREEMENT = re.compile(r"\s+(?:[\w’'–-]+\s+){0,3}?(?:Agreement|Treaty|Accords?|Pact|Protocol|Convention|"
                                 r"Declaration|agreement|treaty|accords?|pact|protocol|convention)\b")


def _reference(text: str, expr: TimeExpr) -> bool:
    """Whether a time expression only refers (to what a first is measured from, to an agreement it names)."""
    if expr.kind == "since":
        return _FIRST_SINCE.search(text, max(0, expr.span[0] - 80), expr.span[0]) is not None
    return (expr.text.isdigit() and text[max(0, expr.span[0] - 4):expr.span[0]].lower() == "the "
            and _NAMES_AN_AGREEMENT.match(text, expr.span[1]) is not None)


_COMMON_NOUN_AFTER = re.compile(r"\s+[a-z]")
_NOUN_OF_BEFORE = re.compile(r"\bthe\s+(?-i:[a-z]+)\s+of\s+\Z")


def _names_a_thing(text: str, expr: TimeExpr) -> bool:
    """Whether a bare year is an attribute of a noun ("an islet that the 1992 judgment had not named", "for calling
    the union of 1918 a 'liberation'")."""
    if not expr.text.isdigit():
        return False
    return (text[max(0, expr.span[0] - 4):expr.span[0]].lower() == "the "
            and _COMMON_NOUN_AFTER.match(text, expr.span[1]) is not None) or bool(
        _NOUN_OF_BEFORE.search(text, max(0, expr.span[0] - 30), expr.span[0]))


def timeline(sentences, context: frozenset[str]) -> Timeline:
    """Time expressions of every sentence, with anchors for relative ones."""
    own: list[list[TimeExpr]] = []
    anchors: list[TimeExpr | None] = []
    headings: list[TimeExpr | None] = []
    wars: list[TimeExpr | None] = []
    anchor: TimeExpr | None = None
    last: TimeExpr | None = None
    lasts: list[TimeExpr | None] = []
    naming: list[frozenset[tuple[int, int]]] = []
    last_war: TimeExpr | None = None
    section = None
    heading_cache: dict[str, TimeExpr | None] = {}
    for s in sentences:
        if s.section != section:
            section = s.section
            anchor = last = None
        if s.section not in heading_cache:
            heading_cache[s.section] = _section_time(s.section, context)
        exprs = [_ending(s.text, e) for e in find_times(s.text, context) if not _reference(s.text, e)]
        for e in exprs:
            if _WARLIKE.search(e.text) and e.kind != "relative" and e.start:
                last_war_here = e
                break
        else:
            last_war_here = None
        if not exprs and _has(s.text, 1) and (m := _THEN.search(s.text)):
            # "France and Morocco then agreed …": after the time of what came before.
            exprs = [TimeExpr(m.group(0), m.span(), None, None, "relative", "relative")]
        extra = _anaphora(s.text, last_war_here or last_war)
        if extra is not None and not any(a.span[0] < extra.span[1] and extra.span[0] < a.span[1] for a in exprs):
            exprs = sorted([*exprs, extra], key=lambda e: e.span)
        own.append(exprs)
        anchors.append(anchor)
        lasts.append(last)
        headings.append(heading_cache[s.section])
        wars.append(last_war)
        named = frozenset(e.span for e in exprs if _names_a_thing(s.text, e))
        naming.append(named)
        absolute = [e for e in exprs if e.kind != "relative" and e.start is not None]
        absolute = [e for e in absolute if e.span not in named] or absolute
        if absolute:
            anchor = max(reversed(absolute), key=rank)  # the most precise, the last told among equals
            last = absolute[-1] if absolute[-1].kind == "point" or absolute[-1].start == absolute[-1].end else None
        elif (told := [e for e in exprs if not is_span(e)]) and anchor is not None:
            anchor = resolve(told[-1], base(anchor)) if told[-1].kind == "relative" else anchor
        for e in exprs:
            if _WARLIKE.search(e.text) and e.kind != "relative" and e.start:
                last_war = e
    tl = Timeline(own, anchors, headings, wars, lasts=lasts, naming=naming)
    tl.carried = _carried(tl, sentences)
    return tl


def best(times: list[TimeExpr]) -> TimeExpr:
    """The time of a clause from its expressions: the most precise, first among equals, and a time the
    act is only placed after or before ("After the revolution of 25 April 1974, … signed … on 15 January
    1975") only when there is no other.

    A point at the very end of a framing period closes it: "During World War II,
    … fought back to final victory in 1945" is 1939..1945, not 1945.
    """
    top = max(times, key=lambda t: (t.kind not in ("after", "before"), rank(t), -t.span[0]))
    for frame in times:
        if (frame is not top and frame.kind == "period" and is_frame(frame) and frame.start and frame.end
                and top.start and year(top.start) == year(frame.end) and year(frame.start) < year(top.start)):
            return replace(top, start=frame.start, text=frame.text, span=frame.span, precision=frame.precision)
    return top


def year(date: str) -> int:
    """The year of a "YYYY[-MM[-DD]]" date ("-0500" for 500 BCE)."""
    return int(date[:5].rstrip("-")) if date.startswith("-") else int(date[:4])


# "which began in February 1899 and officially ended in 1902": one interval, from the first to the second.
_BEGAN_ENDED = re.compile(r"\b(?:began|started|broke out|erupted|opened)\s+(?:\w+\s+){0,2}?$", re.IGNORECASE)
# "in 1873 the Netherlands began a war against Aceh that lasted until 1904"
_BEGAN_THEN_LASTED = re.compile(r"[^;.]{0,60}?\b(?:began|started|launched|broke out|erupted|opened)\b[^;.]{0,80}?"
                                r"\b(?:that|which|and)\s+(?:lasted|continued|ran)\s+(?:(?:until|till|to|through|into)\s+)?",
                                re.IGNORECASE)
_THEN_ENDED = re.compile(r"\s*,?\s+and\s+(?:\w+ly\s+)?(?:ended|lasted|continued|ran|closed)\s+(?:\w+\s+){0,2}?$",
                         re.IGNORECASE)


def began_ended(times: list[TimeExpr], text: str) -> TimeExpr | None:
    """Two times of a beginning and an end ("began in 1899 and ended in 1902") as one interval."""
    points = sorted((t for t in times if t.start), key=lambda t: t.span)
    if len(points) != 2:
        return None
    a, b = points
    if not (_BEGAN_ENDED.search(text, max(0, a.span[0] - 40), a.span[0])
            and _THEN_ENDED.fullmatch(text, a.span[1], b.span[0])
            or _BEGAN_THEN_LASTED.fullmatch(text, a.span[1], b.span[0])) or (b.end or b.start) < a.start:
        return None
    return replace(a, end=b.end or b.start, text=text[a.span[0]:b.span[1]], span=(a.span[0], b.span[1]), kind="range")


def from_until(times: list[TimeExpr], text: str) -> TimeExpr | None:
    """A start and an end told apart ("resisted … from the 1620s until her death in 1663") as one interval."""
    if len(times) != 2 or times[0].kind != "since":
        return None
    a, b = times
    # ("from the 3rd century AD until the Arab conquest of the 630s": a time named after "until")
    if b.kind != "until" and not (b.kind == "point" and _UNTIL_BEFORE.search(text[a.span[1]:b.span[0]])):
        return None
    if not (a.start and b.end) or b.end < a.start or _PUNCT.search(text, a.span[1], b.span[0]):
        return None
    return replace(a, end=b.end, text=text[a.span[0]:b.span[1]], span=(a.span[0], b.span[1]), kind="range")


_PUNCT = re.compile(r"[,;:]")
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|up\s+to)\s+(?:the\s+)?[^,;:]{0,40}\Z", re.IGNORECASE)


def listed(times: list[TimeExpr], text: str) -> TimeExpr | None:
    """Years given as a list ("the partitions of 1772, 1793 and 1795") as one interval from first to last."""
    points = sorted((t for t in times if t.start and t.precision == "year" and t.kind == "point"), key=lambda t: t.span)
    if len(points) < 2:
        return None
    for a, b in zip(points, points[1:], strict=False):
        if not _LIST_GAP.fullmatch(text[a.span[1]:b.span[0]]):
            return None
    first, last = points[0], points[-1]
    return replace(first, end=last.end, text=text[first.span[0]:last.span[1]], span=(first.span[0], last.span[1]),
                   kind="range")


def _carried(tl: Timeline, sentences) -> list[TimeExpr | None]:
    """The time each sentence hands on to the next one of its paragraph.

    A sentence that opens with its time ("In March 2016, …", "During World
    War II, …") sets the time of what follows until another time is given; a
    time inside a later clause of a sentence is that clause's own.
    """
    out: list[TimeExpr | None] = []
    for i, s in enumerate(sentences):
        times = [t for t in tl.resolved(i) if t.start is not None]
        if times:
            top = best(times)
            out.append(base(top) if top.span[0] <= 40 else None)
        elif i > 0 and sentences[i - 1].block == s.block:
            out.append(out[-1])
        else:
            out.append(None)
    return out


def _section_time(path: str, context: frozenset[str]) -> TimeExpr | None:
    """The time of the innermost heading of a section path that implies one."""
    for title in reversed(path.split(" > ")) if path else ():
        t = heading_time(title, context)
        if t is not None and t.start is not None:
            return t
    return None


def _ending(text: str, expr: TimeExpr) -> TimeExpr:
    """A period named as ended ("following the defeat of Japan in World War II") is its end year."""
    if expr.kind == "period" and expr.end and _ENDING.search(text[max(0, expr.span[0] - 60):expr.span[0]]):
        return replace(expr, start=expr.end, kind="after")
    return expr


def _anaphora(text: str, last_war: TimeExpr | None) -> TimeExpr | None:
    """ "After the war" → after the last war named before this sentence."""
    if last_war is None:
        return None
    m = _THE_WAR.search(text) if _has(text, 0) else None
    if not m:
        return None
    war = base(last_war)
    word = m.group(0).split()[0].casefold()
    if word in ("after", "following", "since") or m.group(0).casefold().startswith("in the aftermath"):
        return TimeExpr(m.group(0), m.span(), war.end, war.end, war.precision, "after")
    if word == "before":
        return TimeExpr(m.group(0), m.span(), war.start, war.start, war.precision, "before")
    return TimeExpr(m.group(0), m.span(), war.start, war.end, war.precision, "period")
