"""Events: dated things that happened between the two sides (contract § Events).

Each sentence is cut into clauses (:mod:`legation.extract.clauses`); a clause
is an event when the PLOVER lexicon (:mod:`legation.extract.cues`) finds what
happened in it and a time can be given to it: its own, one from another
clause of the same sentence, or, for a past-tense act, the time of the
sentence before it in the same paragraph or of its section heading.
Statements about the state of relations ("relations were developing very
well") are assessments, not events.
"""

from __future__ import annotations

import re

from legation.extract import Doc
from legation.extract.clauses import Clause, split
from legation.extract.cues import contexts, has_cue, read_clause
from legation.extract.dating import Timeline, base, is_frame, rank, timeline
from legation.extract.time import TimeExpr
from legation.facts import Actor, Event
from legation.places import find_cities, find_countries

# "relations … were very good": a state, not an act.
_STATE = re.compile(
    r"^(?:[^.;]*\b(?:relations?|relationship|ties)\b[^.;]*\b(?:is|are|was|were|have been|has been|had been|"
    r"remained|became|remain)\b|[^.;]*\b(?:enjoy|enjoyed)\b)",
    re.IGNORECASE,
)
_PAST_ACT = re.compile(r"\b\w+ed\b|\b(?:met|signed|paid|made|took|sent|held|began|went|came|gave|fought|won|"
                       r"broke|set up|led|saw)\b", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:should|would|could|might|may|promises? to|is planning|are planning|is able|are able|"
                    r"can)\b", re.IGNORECASE)


def _blank(text: str, times: list[TimeExpr], offset: int) -> str:
    """The clause with frame time expressions ("during the Cold War") blanked, so their words are no cues."""
    chars = list(text)
    for t in times:
        if is_frame(t) or not re.search(r"\b(?:war|invasion|crisis|conflict|revolution)\b", t.text, re.IGNORECASE):
            for k in range(max(0, t.span[0] - offset), min(len(chars), t.span[1] - offset)):
                chars[k] = " "
    return "".join(chars)


def _best(times: list[TimeExpr]) -> TimeExpr:
    """The most precise of a clause's times; the first among equals."""
    return max(times, key=lambda t: (rank(t), -t.span[0]))


def _actors(doc: Doc, text: str) -> tuple[Actor, ...]:
    seen: dict[str, Actor] = {}
    for m in find_countries(text):
        name = m.historical or m.text
        if m.iso3 not in seen and (m.iso3 in doc.sides or m.kind in ("name", "historical")):
            seen[m.iso3] = Actor(name, m.iso3)
    return tuple(seen.values())


def _location(doc: Doc, text: str) -> str | None:
    """The first city of either side named in the clause."""
    cities = [c for side in doc.sides for c in find_cities(text, side)]
    return min(cities, key=lambda c: c[1][0])[0].name if cities else None


def _inherited(doc: Doc, tl: Timeline, i: int, reading, clause_text: str) -> TimeExpr | None:
    """A time for a clause with none of its own, when the text implies one."""
    if not reading.strong or _MODAL.search(clause_text) or not _PAST_ACT.search(clause_text):
        return None
    s = doc.sentences[i]
    if i > 0:
        prev = doc.sentences[i - 1]
        if prev.block == s.block:
            times = [t for t in tl.resolved(i - 1) if t.start is not None]
            if times:
                return base(_best(times))
    return tl.headings[i]


def extract(doc: Doc) -> tuple[Event, ...]:
    tl = timeline(doc.sentences, doc.context)
    events: list[Event] = []
    for i, sentence in enumerate(doc.sentences):
        times = tl.resolved(i)
        clauses = split(sentence.text, times, has_cue)
        dated: list[tuple[Clause, TimeExpr | None]] = []
        for clause in clauses:
            own = [t for t in clause.times if t.start is not None]
            dated.append((clause, _best(own) if own else None))
        for k, (clause, when) in enumerate(dated):
            text = sentence.text[clause.start:clause.end]
            blanked = _blank(text, list(clause.times), clause.start)
            reading = read_clause(blanked)
            if not reading.types:
                continue
            if when is None:
                siblings = [w for _, w in dated[:k][::-1] + dated[k + 1:] if w is not None]
                when = siblings[0] if siblings else _inherited(doc, tl, i, reading, blanked)
            if when is None:
                continue
            if _STATE.match(blanked) and not reading.strong:
                continue
            j = clause.end
            while j > clause.start and sentence.text[j - 1] in " .,;:":
                j -= 1
            evidence, span = doc.span_of(sentence, clause.start, j)
            events.append(Event(
                evidence=evidence,
                span=span,
                start=when.start,
                end=when.end,
                time_text=when.text,
                types=reading.types,
                mode=reading.mode,
                contexts=contexts(text),
                aux=reading.aux,
                actors=_actors(doc, text),
                location=_location(doc, text),
                section=sentence.section,
            ))
    return tuple(events)
