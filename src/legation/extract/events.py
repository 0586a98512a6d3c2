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
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property, partial

from legation.extract import Doc
from legation.extract.clauses import ENDS_IT, PAST_ACT, Clause, split
from legation.extract.cues import contexts, has_cue, read_clause
from legation.extract.dating import (
    Timeline,
    base,
    began_ended,
    best,
    from_until,
    is_frame,
    listed,
    timeline,
    year,
)
from legation.extract.time import TimeExpr
from legation.extract.triggers import SENTENCES
from legation.facts import Actor, Event
from legation.places import find_cities, find_countries

# "relations … were very good": a state of the relationship, not an act. The relationship is the subject.
_STATE = re.compile(
    r"^\W*(?:(?:however|additionally|historically|initially|since then|today|currently|then|thus),?\s+)?"
    r"(?:[\w’'-]+\s+){0,5}?(?:relations?|relationship|ties)\b(?:\s+(?:between|of|with)\s+[^,;]{0,60}?)?"
    r"\s+(?:(?:have|has|had)\s+)?(?:(?:been|remained|become|are|is|were|was|remain|became|seemed)\b|"
    r"(?:still|largely|traditionally|historically|initially|always)\b)"
    r"|^[^,;]{0,60}\b(?:enjoy|enjoyed|enjoys)\b",
    re.IGNORECASE,
)
_MODAL = re.compile(r"\b(?:should|would|could|might|may|promises? to|is planning|are planning|is able|are able|"
                    r"can)\b", re.IGNORECASE)
_NUMBERS = {w: i for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])}
# What a clause says its act lasted: "lasted fourteen years", "the resistance went on for two decades", "remained
# under Qing rule for more than two centuries". ("almost" and "more than" move the end a twentieth of the span.)
_LASTED = re.compile(r"\b(?:(?:lasted|lasting)(?:\s+for)?|(?:continued|went\s+on|remained|stayed|persisted|endured|"
                     r"ruled|reigned|held|occupied|controlled)\b[^,;.()]{0,60}?\bfor)\s+(?:most\s+of\s+)?"
                     r"(?:the\s+(?:following|next)\s+)?(?:(?P<about>some|about|around|roughly|nearly|"
                     r"almost|just\s+under|more\s+than|over|just\s+over)\s+)?"
                     r"(?P<n>\d{1,3}|[a-z]+)\s+(?P<unit>years|decades?|centur(?:y|ies))\b", re.IGNORECASE)
_CONJOINED = re.compile(r"[,;]\s+(?:and|but|while|whereas)\b")
_UNIT_YEARS = {"y": 1, "d": 10, "c": 100}
_LASTED_INDEX = SENTENCES.lexicon([_LASTED])  # (found with the sentences' other words: see legation.extract.triggers)


def _lasted(text: str, start: int, end: int) -> re.Match | None:
    """``_LASTED.search(text, start, end)``."""
    return _LASTED_INDEX.search_in(0, text, start, end)


# A conjunct whose verb is left out as the one before it ("defeated its army at Custoza that July | and
# again at Novara the following spring"): it tells the act before it once more.
_GAPPED = re.compile(r"^\W*(?:and|but|then)\s+(?:then\s+|later\s+)?(?:again|once\s+(?:more|again))\b"
                     r"(?![^,;]*\b(?:was|were|is|are|had|has|have)\b)", re.IGNORECASE)
# "did not send a new one until March 2008": not before that time, so then.
_NOT_UNTIL = re.compile(r"\b(?P<not>not|never)\b[^,;]{0,60}?\b(?:until|till)\b", re.IGNORECASE)
# Words by which a clause speaks of both sides at once.
_JOINT = re.compile(r"\b(?:both|they|their|them|each other|one another|mutual|bilateral|two (?:countries|nations|"
                    r"states|sides|governments)|neighbou?ring countries)\b", re.IGNORECASE)
# A past-tense verb right after a capital: the capital names the government acting ("Vienna protested").
_ACTED = re.compile(r"\s+(?:also\s+|then\s+|later\s+)?(?-i:[a-z]+ed)\b")
_NAMES_A_WAR = re.compile(r"\b(?:war|invasion|crisis|conflict|revolution)\b", re.IGNORECASE)


def _blank(text: str, times: list[TimeExpr], offset: int) -> str:
    """The clause with frame time expressions ("during the Cold War") blanked, so their words are no cues."""
    chars = list(text)
    for t in times:
        if is_frame(t) or not _NAMES_A_WAR.search(t.text):
            for k in range(max(0, t.span[0] - offset), min(len(chars), t.span[1] - offset)):
                chars[k] = " "
    return "".join(chars)


class _Places:
    """Countries and the sides' cities named in one sentence, found once and shared by its clauses."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.text = text
        self.sides = doc.sides

    @cached_property
    def countries(self):
        return find_countries(self.text)

    @cached_property
    def cities(self):
        return sorted((c for side in self.sides for c in find_cities(self.text, side)), key=lambda c: c[1])

    def actors(self, a: int, b: int) -> tuple[Actor, ...]:
        seen: dict[str, Actor] = {}
        for m in self.countries:
            if a <= m.span[0] and m.span[1] <= b and m.iso3 not in seen and (
                    m.iso3 in self.sides or m.kind in ("name", "historical")):
                seen[m.iso3] = Actor(m.historical or m.text, m.iso3)
        return tuple(seen.values())

    def location(self, a: int, b: int) -> str | None:
        """The first city of either side named in the clause."""
        return next((c.name for c, (x, y) in self.cities if a <= x and y <= b), None)

    def subject_side(self, a: int) -> bool:
        """True when the clause at ``a`` opens with a side's name: "Qatar rejected the demands", or with its capital
        as the government acting: "Vienna protested that …"."""
        return any(m.iso3 in self.sides and (m.kind != "capital" or _ACTED.match(self.text, m.span[1]))
                   and self.text[a:m.span[0]].strip(" ,").casefold() in ("", "the", "and")
                   for m in self.countries if m.span[0] >= a)

    def may_inherit(self, a: int) -> bool:
        """Whether the clause at ``a`` may take its paragraph's time: its sentence names both sides
        ("Nigeria retaliated …, and South Africa apologised"), or it opens with one of them."""
        return self.bilateral(0, len(self.text), self.text) or self.subject_side(a)

    def bilateral(self, a: int, b: int, text: str) -> bool:
        """True when a clause speaks of both sides: both named, or a word for the two of them."""
        named = {m.iso3 for m in self.countries if m.iso3 in self.sides and a <= m.span[0] and m.span[1] <= b}
        named |= {c.iso3 for c, (x, y) in self.cities if a <= x and y <= b}
        return len(named) == 2 or bool(_JOINT.search(text))


def _run_on(when: TimeExpr | None, text: str, clause: Clause) -> TimeExpr | None:
    """``when``, run on by what the clause says it lasted: "Negotiations … began in 1951 and lasted
    fourteen years", "…; the war of independence lasted thirteen years" (after "in March 1961")."""
    if when is None or when.end != when.start or not (d := _lasted(text, clause.start, clause.end)):
        return when
    if _CONJOINED.search(text, clause.start, d.start()):
        return when  # "Canada cut off all nuclear aid, and relations stayed cool for two decades": another act's
    n = d.group("n")
    n = int(n) if n.isdigit() else _NUMBERS.get(n.casefold(), 1 if n.casefold() in ("a", "an") else None)
    if not n:
        return when
    span = n * _UNIT_YEARS[d.group("unit")[0].casefold()]
    about = (d.group("about") or "").casefold()
    span += span // 20 * (-1 if about in ("nearly", "almost", "just under") else about in ("more than", "over",
                                                                                            "just over"))
    return replace(when, end=str(year(when.start) + span).zfill(4))


def _trimmed(text: str, clause: Clause) -> int:
    """Where the clause's words end: before its closing stop and commas."""
    j = clause.end
    while j > clause.start and text[j - 1] in " .,;:":
        j -= 1
    return j


def _inherited(carried: TimeExpr, reading, clause_text: str, bilateral: Callable[[], bool]) -> TimeExpr | None:
    """A time for a past act with none of its own: ``carried``, the sentence's (see :func:`_carried`).

    Only for acts of both sides ("Both sides signed an agreement …"): a time
    carried over to a one-sided sentence dates it by guesswork.
    """
    if not reading.strong or _MODAL.search(clause_text) or not PAST_ACT.search(clause_text):
        return None
    if not bilateral():  # (asked last: it looks for the sides' cities)
        return None
    return carried


# A sentence that answers the act told just before it: "Canada imposed visas … on July 13, 2009. Mexico called the
# measure unfriendly. It retaliated by requiring visas of Canadian officials."
_ANSWERS = re.compile(
    r"\b(?:retaliat(?:ed|ing|ion)|respond(?:ed|ing)|in\s+response|repl(?:ied|ying)|answered|in\s+reply|in\s+kind)\b|"
    r"\b(?:called|condemned|critici[sz]ed|protested|denounced|welcomed|rejected|regretted|accepted|revoked|reversed)\s+"
    r"(?:the|this|that|these)\s+(?:[\w-]+\s+)?(?:measures?|move|decision|steps?|ban|arrests?|expulsions?|closure|"
    r"attacks?|law|ruling|verdict|sanctions|incident|killings?|remarks|statement|raids?|strikes?|annexation|invasion|"
    r"embargo|requirement|tariffs?|plot|coup|bombings?|shootings?|massacre|crackdown)\b|"
    # "He also cut its telephone and ferry links": more of the act just told, by its actor.
    r"^\W*(?:He|She|It|They)\s+also\b", re.IGNORECASE)


def _answered(doc: Doc, tl: Timeline) -> list[TimeExpr | None]:
    """For each sentence with no time of its own that answers the one before it (see _ANSWERS), the time of the
    act it answers: the last dated sentence's of the paragraph, through a chain of such answers."""
    out: list[TimeExpr | None] = []
    last: TimeExpr | None = None
    for i, s in enumerate(doc.sentences):
        if i and doc.sentences[i - 1].block != s.block:
            last = None
        times = [t for t in tl.resolved(i) if t.start is not None]
        if times:
            out.append(None)
            last = base(best(times))
        elif last is not None and _ANSWERS.search(s.text):
            out.append(last)
        else:
            out.append(None)
            last = None
    return out


def _carried(doc: Doc, tl: Timeline, i: int) -> TimeExpr | None:
    """The time sentence ``i`` may inherit: its paragraph's so far, else its section heading's."""
    s = doc.sentences[i]
    if i > 0 and doc.sentences[i - 1].block == s.block and tl.carried[i - 1] is not None:
        return tl.carried[i - 1]
    heading = tl.headings[i]
    if heading is not None and heading.start and heading.end and _years(heading) <= 100:
        return heading
    return None


def _years(expr: TimeExpr) -> int:
    return year(expr.end) - year(expr.start)


def extract(doc: Doc) -> tuple[Event, ...]:
    tl = timeline(doc.sentences, doc.context)
    answered = _answered(doc, tl)
    events: list[Event] = []
    for i, sentence in enumerate(doc.sentences):
        times = tl.resolved(i)
        carried = _carried(doc, tl, i)
        answer = answered[i] is not None  # (dated by the act it answers, whoever its subject: see below)
        carried = carried or answered[i]
        if carried is None and all(t.start is None for t in times):
            continue  # no time of its own nor one to inherit: none of its clauses can be dated
        clauses = split(sentence.text, times, has_cue)
        places = _Places(doc, sentence.text)
        dated: list[tuple[Clause, TimeExpr | None]] = []
        for clause in clauses:
            own = [t for t in clause.times if t.start is not None]
            when = (began_ended(own, sentence.text) or from_until(own, sentence.text) or listed(own, sentence.text)
                    or best(own)) if own else None
            dated.append((clause, _run_on(when, sentence.text, clause)))
        before = None  # the reading and actors of the clause before, when it was an event
        for k, (clause, when) in enumerate(dated):
            told, before = before, None
            if when is None:
                if clause.fronted:
                    continue  # "After the Soviet Union collapsed, …": the background of the main clause
                siblings = [w for _, w in dated[:k][::-1] + dated[k + 1:] if w is not None]
                if not siblings and carried is None:
                    continue  # (undated, and nothing to date it by: not worth reading)
            text = sentence.text[clause.start:clause.end]
            blanked = _blank(text, list(clause.times), clause.start)
            reading = read_clause(blanked)
            gapped = not reading.types and told is not None and _GAPPED.match(blanked)
            if gapped and not blanked[gapped.end():].strip(" ,.;:"):
                # "invaded Norway in 1716 | and again in 1718": one act told over a time, as the references
                # read it: the act before, to this time
                last = events[-1]
                if when is not None and when.end and last.end and last.end < when.end:
                    evidence, span = doc.span_of(sentence, told[2], _trimmed(sentence.text, clause))
                    events[-1] = replace(last, evidence=evidence, span=span, end=when.end)
                continue
            if gapped:  # "defeated its army at Custoza that July | and again at Novara the following spring"
                reading = told[0]
            elif not reading.types:
                continue
            if "negation" in reading.aux and when is not None and when.kind == "until" and when.end and (
                    m := _NOT_UNTIL.search(text)):
                # "ambassadors were not exchanged again until 1976": exchanged, in 1976
                reading = read_clause(blanked[:m.start("not")] + " " * len(m.group("not")) + blanked[m.end("not"):])
                when = replace(when, start=when.end, kind="point")
            if when is None and siblings and not any(w is not None for _, w in dated[:k]) and siblings[0].rel > 0 \
                    and (anchor := tl.anchors[i]) is not None and anchor.start:
                # "defeated him, | razed Vientiane the following year": the year the later time counts from
                when = replace(base(anchor), kind="point")
            if when is None:
                if siblings and not _MODAL.search(blanked):
                    when = _run_on(siblings[0], sentence.text, clause)
                    if ENDS_IT.match(text) and when.end and when.end != when.start:
                        # "…of 1768–1774 | ended with the Treaty of Küçük Kaynarca": when the war ended
                        when = replace(when, start=when.end, kind="point")
                elif not siblings:  # (then ``carried`` is a time: see above)
                    # (an answer is dated by what it answers, whoever its subject: "It retaliated by …")
                    sided = (lambda: True) if answer else partial(places.may_inherit, clause.start)
                    when = _inherited(carried, reading, blanked, sided)
            if when is None:
                continue
            if not reading.strong and _STATE.match(blanked):
                continue
            evidence, span = doc.span_of(sentence, clause.start, _trimmed(sentence.text, clause))
            actors = places.actors(clause.start, clause.end)
            if gapped and not actors:
                actors = told[1]
            before = reading, actors, clause.start
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
                actors=actors,
                location=places.location(clause.start, clause.end),
                section=sentence.section,
            ))
    return tuple(events)
