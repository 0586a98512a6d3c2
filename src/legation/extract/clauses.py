"""Cut a sentence into the clauses that each report one event.

Encyclopedic English packs several events into one sentence: coordinated
clauses ("…in 1966; a strategic alliance was formed in 1972, and …"),
enumerations of dated noun phrases ("particularly the 1963 Sand War, the
Western Sahara War of 1975–1991, …") and fronted subordinate clauses ("Upon
the selection of X as Prime Minister, a peace agreement was forged"). This
module finds those cuts; the event extractor decides which parts are events.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from legation.extract.dating import began_ended, is_frame
from legation.extract.time import TimeExpr, is_span

# A comma or semicolon that opens a new clause, with the conjunction that introduces it. (Written as
# its first character and then what follows each kind, so that the engine skips to those characters.)
_CONJ = re.compile(
    r"[;,\s](?:(?<=;)\s+|(?<=,)\s+(?=(?:and|but|while|whereas|after which|which then|yet|although|though|"
    r"subsequently)\b)|(?<=\s)\s*(?=but\b))",
    re.IGNORECASE,
)
# A relative clause with a time of its own is an event of its own ("…, which were withdrawn in 1963").
_RELATIVE = re.compile(r",\s+(?=(?:which|where|when|whereupon|who|whom|whose)\b)", re.IGNORECASE)
# "…expelled 45 Russian diplomats whom it accused of spying": without a comma (searched only where " whom " is).
_WHOM = re.compile(r"\s(?=whom\s+(?:it|they)\s)", re.IGNORECASE)
# ", and met Atatürk": a second verb of the same subject, without a time of its own, is the same occasion.
_SAME_SUBJECT = re.compile(r"and\s+(?:then\s+|also\s+|later\s+)?(?-i:met|held|signed|visited|discussed|toured|"
                           r"addressed|attended|received|laid)\b")
# ", and South Africa apologised", ", and both countries recalled their ambassadors": a coordinated clause
# with a subject of its own reports an act of its own, dated or not.
_NEW_SUBJECT = re.compile(r"(?:and\s+)?(?:(?:the|its|their)\s+)?(?:[A-Z][\w’'-]+|both\s+(?:countries|sides|states|governments))"
                          r"(?:\s+[A-Z][\w’'-]+)*(?:\s+(?-i:[a-z]+s))?\s+(?-i:[a-z]+ed|was|were|had|did)\b"
                          r"|(?:and\s+)?(?:its|their)\s+(?-i:[a-z]+)(?:\s+(?-i:[a-z]+))?\s+(?-i:[a-z]+ed)\b")
# "the army invaded Honduras and its air force bombed …": a subject of its own after "and", without a comma.
_AND_ITS = re.compile(r"\s(?=and\s+(?:its|their)\s+(?-i:[a-z]+)(?:\s+(?-i:[a-z]+))?\s+(?-i:[a-z]+ed)\b)")
# "Nigeria boycotted the forum, South Africa closed its missions, and …": a list of clauses, each with a
# subject of its own, joined by commas and a last "and".
_SUBJECT_VERB = r"(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|was|were)\b"
_LISTED_SUBJECT = re.compile(rf",\s+(?={_SUBJECT_VERB})")
_OPENS_CLAUSE = re.compile(_SUBJECT_VERB)  # (the part before such a comma must open so too)
_VERB_AFTER_COMMA = re.compile(r",\s+(?=(?:then\s+|later\s+)?(?-i:[a-z]+ed)\s+(?-i:[A-Z]|the\b|an?\b|its\b|their\b))")
_LAST_AND = re.compile(r",\s+and\s")
_ENDING_WORDS = re.compile(r"ended|concluded|closed|settled|brought")  # (one of which _ENDED_WITH needs)
_ENDING = r"(?:was\s+|were\s+)?(?:ended|concluded|closed|settled|brought to an end)\s+(?:with|by)"
ENDS_IT = re.compile(_ENDING + r"\b", re.IGNORECASE)  # how a part cut off by _ENDED_WITH opens
_ENDED_WITH = re.compile(rf"\s(?={_ENDING}\s+(?:the\s+|an?\s+)?(?:[\w’'-]+\s+){{0,4}}?(?:Treaty|Peace|Agreement|Accords?|"
                         r"Armistice|Protocol|Convention|treaty|peace|agreement|armistice|accords?)\b)")
_EMBEDDED_RELATIVE = re.compile(r"^(?:By|In|At|Under|Through|With)\b[^,;]*(?P<r>,\s+(?:which|who)\b[^,;()]*,)"
                                r"(?=\s+(?-i:[A-Z]))", re.IGNORECASE)
# "…, who signed the Bicesse Accords …": a relative clause of people who acted.
_WHO = re.compile(r"who\s+(?-i:[a-z]+ed|signed|met|sent|made|took|gave|held|won|fought|began)\b", re.IGNORECASE)
# "…called for unification, which Tehran denounced": a relative clause in which another party answers the
# act (rejects, condemns, accepts, pays …) reports an act of its own; so does one in which the party just
# named answers ("an investigation blamed North Korea, which denied responsibility").
_WHICH_SUBJECT = re.compile(r"which\s+(?:the\s+)?(?-i:[A-Z][\w’'-]+)(?:\s+(?-i:[A-Z][\w’'-]+))*"
                            r"(?:\s+(?:government|authorities|foreign\s+ministry))?\s+(?-i:called|denounced|"
                            r"condemned|rejected|refused|protested|opposed|critici[sz]ed|denied|disputed|contested|"
                            r"resisted|ignored|vetoed|welcomed|accepted|recogni[sz]ed|endorsed|backed|supported|"
                            r"approved|ratified|paid)\b|which\s+(?:later\s+|flatly\s+|promptly\s+)?(?-i:denied|rejected|"
                            r"refused|condemned|protested)\b|whom\s+(?:it|they|the\s+(?:-?[\w-]+\s+)?government)\s+(?-i:accused|"
                            r"blamed|charged|suspected)\b", re.IGNORECASE)
# "…visited Vukovar in 2010, where Tadić apologised": a place's relative clause reports an act of its own.
_PLACE_RELATIVE = re.compile(r"(?:where|whereupon)\b", re.IGNORECASE)
# "Rouhani returned the visit in March 2014, when the two governments signed a memorandum": the occasion's
# relative clause, with both sides acting, reports an act of its own (not one of decades: a state).
_OCCASION_RELATIVE = re.compile(r"when\s+(?:the\s+two|both\b|(?:he|she|they)\s+and\s+(?-i:[A-Z]))", re.IGNORECASE)
# "…; Spain answered with hours-long checks at the border": a part whose subject answers the act before it.
_ANSWER_OPENS = re.compile(r"(?:the\s+)?(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)*\s+(?:answered|retaliated|responded|"
                           r"replied|reacted)\b")
# "of 1772, 1793 and 1795", "In 2017 and 2018": one list of years, not two clauses.
_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")
# "over Nakhchivan, Zangezur and Karabakh": a comma inside a list of names.
_IN_A_LIST = re.compile(r",\s+(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*)*(?:,\s+(?-i:[A-Z])[\w’'-]*(?:\s+"
                        r"(?-i:[A-Z])[\w’'-]*)*)*,?\s+(?:and|or)\s+(?-i:[A-Z])[\w’'-]*\b(?!\s+(?:[a-z]+ed|was|were)\b)")
_AND = re.compile(r"\s\s*(?=and\b)")  # (\s+, opening with one \s for the engine to skip to)
# A past act: simple past, not the present perfect of a state ("have developed a special partnership").
# (\b before the look-behinds, which it makes fail at most places: the same test, cheaper.)
PAST_ACT = re.compile(r"\b(?<!\bhave )(?<!\bhas )(?<!\bhad )(?:\w+ed|met|signed|paid|made|took|sent|held|began|"
                      r"went|came|gave|fought|won|broke|set up|led|saw|sought|kept|forged|underlined|given|driven|"
                      r"taken|thrown|broken|chosen|beaten|withdrawn|overthrown|struck|fled|left|sold|built|lost|shot|"
                      r"fell|froze|frozen|rose|shut|cut)\b",
                      re.IGNORECASE)
_COMMA = re.compile(r",\s+")
_COLON = re.compile(r":\s+")
_PASSIVE_OR_PAST = re.compile(r"\b(?:was|were)\s+(?:\w+ly\s+)?(?-i:[a-z]+ed)\b|\b(?-i:[A-Z])[\w-]+\s+(?-i:[a-z]+ed)\b")
_FOCUS = re.compile(r",\s+(?=(?:particularly|especially|notably|including|such as|most notably)\b)", re.IGNORECASE)
_FRONTED = re.compile(
    r"^(?:upon|after|following|although|though|while|when|despite|since|before|through|with|as)\b[^,]{12,}?,\s+",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_PUNCT = re.compile(r"[,;]")
_BARE_YEAR = re.compile(r"(?:in\s+)?\d{3,4}", re.IGNORECASE)


@dataclass(frozen=True)
class Clause:
    """Part ``start:end`` of a sentence, with the time expressions inside it."""

    start: int
    end: int
    times: tuple[TimeExpr, ...]
    fronted: bool = False  # a fronted subordinate clause ("After the Soviet Union collapsed, …")


_MARKS = re.compile(r'[()"“”]')


def _protected(text: str) -> list[bool]:
    """For each character, whether it lies inside parentheses or quotation marks."""
    out = [False] * len(text)
    depth = 0
    quote = False
    inside = -1  # where the current protected stretch began, if it did
    for m in _MARKS.finditer(text):  # the state changes only at a mark
        i = m.start()
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        else:
            quote = not quote if ch == '"' else ch == "“"
        if depth > 0 or quote:
            if inside < 0:
                inside = i
        elif inside >= 0:
            out[inside:i] = [True] * (i - inside)  # up to the mark that ends it, itself not protected
            inside = -1
    if inside >= 0:
        out[inside:] = [True] * (len(text) - inside)
    return out


def _only_time(text: str, times: Sequence[TimeExpr], offset: int) -> bool:
    """True when a part holds nothing but its time adverbial ("In 1951", "On 24 August 2021").

    A time that names what happened ("the 1963 Sand War", "“reconciliation” (1945–1963)")
    is not an adverbial: such a part stands on its own.
    """
    if not times or not all(is_frame(t) for t in times):
        return False
    rest = text
    for t in sorted(times, key=lambda t: -t.span[0]):
        a, b = t.span[0] - offset, t.span[1] - offset
        if 0 <= a <= b <= len(rest):
            rest = rest[:a] + " " + rest[b:]
    words = [w for w in _WORD.findall(rest) if w.casefold() not in ("in", "on", "at", "by", "the", "during", "since")]
    return len(words) <= 1


def _told(part: str, last: bool) -> bool:
    """Whether a clause tells its act: not one cut off at the copy's end before its verb's object
    ("…, when the two sides signed a")."""
    if not last or part.rstrip()[-1:] in ".!?)\"”":
        return True
    verb = PAST_ACT.search(part)
    return verb is not None and len(part[verb.end():].split()) >= 2


def split(text: str, times: Sequence[TimeExpr], has_cue: Callable[[str], bool]) -> list[Clause]:
    """The clauses of a sentence, each with its own time expressions.

    >>> from legation.extract.time import find_times
    >>> s = "Chinese aid began in 1966; an alliance was formed in 1972."
    >>> [s[c.start:c.end] for c in split(s, find_times(s), lambda t: True)]
    ['Chinese aid began in 1966', 'an alliance was formed in 1972.']
    """
    guard = _protected(text)
    # "By the Treaty of Paris of 1763, which ended the Seven Years' War, France ceded Canada": a relative
    # clause between commas, before the main clause, is parenthetical: nothing is cut inside or at it.
    if m := _EMBEDDED_RELATIVE.match(text):
        guard[m.start("r"):m.end("r")] = [True] * (m.end("r") - m.start("r"))
    cuts: set[tuple[int, int]] = set()  # (end of left part, start of right part)

    def inside_time(pos: int) -> bool:
        return any(t.span[0] <= pos < t.span[1] for t in times)

    def ok(m: re.Match) -> bool:
        return not guard[m.start()] and not inside_time(m.start())

    every = sorted(times, key=lambda t: t.span)
    # "launched Operation Maitri, its largest relief mission abroad, within hours": a span from the time
    # told (see periods.RELATIVE_PHRASES) dates its clause but marks off none.
    times = [t for t in every if not is_span(t)]

    def timed(a: int, b: int) -> bool:
        return any(a <= t.span[0] and t.span[1] <= b for t in times)

    # Coordinated clauses: cut when both report something and one of them says when.
    conj = [m for m in _CONJ.finditer(text) if ok(m)]
    if " and its " in text or " and their " in text:  # (a cheap gate: few sentences have one)
        conj = sorted(conj + [m for m in _AND_ITS.finditer(text) if ok(m)], key=lambda m: m.start())
    edges = [0, *[m.start() for m in conj], len(text)]
    for n, m in enumerate(conj):
        left, right = (edges[n], m.start()), (m.end(), edges[n + 2])
        timed_left, timed_right = timed(*left), timed(*right)
        # (The cues matter only when one side is timed and the other not.)
        if (timed_left and timed_right) or (
                (timed_left or timed_right or _NEW_SUBJECT.match(text, m.end()))
                and has_cue(text[left[0]:left[1]]) and has_cue(text[right[0]:right[1]])
                and not _SAME_SUBJECT.match(text, m.end())):
            cuts.add((m.start(), m.end()))
        elif text[m.start()] == ";":
            # "On 2 August 1990 Iraq invaded Kuwait; the emir fled to Saudi Arabia": two sentences in one, of which
            # one reports an act and says when. (Each part runs to the next semicolon.)
            a, b = text.rfind(";", 0, m.start()) + 1, text.find(";", m.end())
            b = len(text) if b < 0 else b
            # (or the part after answers the dated act before: "…; Spain answered with hours-long checks …")
            left_timed = timed(a, m.start())
            if (left_timed and has_cue(text[a:m.start()])) or (
                    (timed(m.end(), b) or (left_timed and _ANSWER_OPENS.match(text, m.end()))) and has_cue(text[m.end():b])):
                cuts.add((m.start(), m.end()))
    # "Siamese armies defeated him, razed Vientiane the following year and …": a verb of the same subject with a
    # time of its own, after a part with none, is another occasion.
    for m in _VERB_AFTER_COMMA.finditer(text) if times else ():
        if timed(0, m.start()) or not ok(m):
            continue
        b = next((c.start() for c in _PUNCT.finditer(text, m.end())), len(text))
        if timed(m.end(), b):
            a = max((c.end() for c in _PUNCT.finditer(text, 0, m.start())), default=0)
            if has_cue(text[a:m.start()]) and has_cue(text[m.end():b]):
                cuts.add((m.start(), m.end()))
    if last_and := [m for m in _LAST_AND.finditer(text) if ok(m)]:
        for m in _LISTED_SUBJECT.finditer(text, 0, last_and[-1].start()):
            segment = max((c.end() for c in _COMMA.finditer(text, 0, m.start())), default=0)
            if ok(m) and _OPENS_CLAUSE.match(text, segment) and has_cue(text[:m.start()]) \
                    and has_cue(text[m.end():last_and[-1].start()]):
                cuts.add((m.start(), m.end()))
    # "travelled to Uganda a few weeks later: on 11 April 2021 she and Museveni signed …", "backed the new regime: a
    # mutual defence pact was signed on October 27, 1955": after a colon, a clause that opens with a time of its own,
    # or one with a verb and a time of its own, tells the next step, not the one before.
    for m in (_COLON.finditer(text) if ":" in text else ()):
        left, right = text[:m.start()], text[m.end():]
        clause = left[max((c.end() for c in _PUNCT.finditer(left)), default=0):]  # (the clause the colon ends)
        verb = PAST_ACT.search(clause)  # (not "X is Y's largest trading partner: in 2022 …")
        if ok(m) and verb and has_cue(right) and has_cue(left) and (any(t.span[0] == m.end() for t in times) or (
                # (a verb with an object before the colon: "trade resumed: Russia lifted …" tells how it resumed)
                timed(m.end(), len(text)) and _PASSIVE_OR_PAST.search(right) and clause[verb.end():].split())):
            cuts.add((m.start(), m.end()))
    # "A war … from 1821 to 1823 ended with the First Treaty of Erzurum": the war and the treaty that
    # ended it are two events.
    for m in (_ENDED_WITH.finditer(text) if _ENDING_WORDS.search(text) else ()):
        if ok(m) and timed(0, m.start()) and has_cue(text[:m.start()]):  # (the war has a time of its own)
            cuts.add((m.start(), m.end()))
    relatives = list(_RELATIVE.finditer(text))
    if " whom " in text:
        relatives = sorted(relatives + list(_WHOM.finditer(text)), key=lambda m: m.start())
    for m in relatives:
        # The relative clause runs to the next comma: "X, which ruled India, was attacked …" is embedded.
        nxt = min([c.start() for c in _PUNCT.finditer(text[m.end():])] + [len(text) - m.end()]) + m.end()
        right = text[m.end():nxt]
        if ok(m) and has_cue(right) and (
                (timed(0, m.start()) and timed(m.end(), nxt)) or (
                    # "Portugal mediated between …, who signed the Bicesse Accords … on 31 May 1991": the
                    # relative's time is the sentence's only one, and each part reports an act (of people)
                    nxt == len(text) and timed(m.end(), nxt) and not timed(0, m.start())
                    and _WHO.match(right) and has_cue(text[:m.start()]))
                or (timed(0, m.start()) and _PLACE_RELATIVE.match(right) and has_cue(text[:m.start()]))
                or (_OCCASION_RELATIVE.match(right) and has_cue(text[:m.start()]) and _told(right, nxt == len(text))
                    and any(t.span[1] <= m.start() and t.precision in ("day", "month", "year") for t in times))
                or (_WHICH_SUBJECT.match(right) and has_cue(text[:m.start()]))):
            cuts.add((m.start(), m.end()))
    # A fronted subordinate clause with an event of its own, unless it only dates the main clause
    # ("After Morocco had gained independence in 1956, King Mohammed V provided arms").
    if (m := _FRONTED.match(text)) and not guard[m.end() - 2]:
        left = text[: m.end()]
        fronted_times = [t for t in times if t.span[1] <= m.end()]
        dates_main = bool(fronted_times) and not timed(m.end(), len(text))
        if not dates_main and not _only_time(left, fronted_times, 0) and has_cue(text[m.end():]):
            cuts.add((m.end() - len(m.group(0)) + len(m.group(0).rstrip(", ")), m.end()))
    # Between two time expressions in different clauses, cut at the first comma between them.
    ordered = sorted(times, key=lambda t: t.span)
    for a, b in zip(ordered, ordered[1:], strict=False):
        between = [(s, e) for s, e in cuts if a.span[1] <= s and e <= b.span[0]]
        bare = _BARE_YEAR.fullmatch(b.text)
        if between or (bare and _LIST_GAP.fullmatch(text, a.span[1], b.span[0])) or began_ended([a, b], text):
            continue  # (one list of years; one thing that began and ended)
        focus = [m for m in _FOCUS.finditer(text, a.span[1], b.span[0]) if ok(m)]
        # (Not the comma that closes an opening time: "On December 16, 2015, the court ruled … and on 2 February
        # 2018 ordered …" is cut before the second time's "and".)
        commas = (focus or [m for m in _COMMA.finditer(text, a.span[1], b.span[0])
                            if ok(m) and not _IN_A_LIST.match(text, m.start())
                            and not (m.start() == a.span[1] and _only_time(text[:m.start()], [a], 0)
                                     and text[:b.span[0]].endswith(" and "))]
                  or [m for m in _AND.finditer(text, a.span[1], b.span[0]) if ok(m)])
        if commas:
            cuts.add((commas[0].start(), commas[0].end()))
    # An enumeration introduced by "particularly …" starts a part of its own.
    if ordered:
        for m in _FOCUS.finditer(text, 0, ordered[0].span[0]):
            if ok(m):
                cuts.add((m.start(), m.end()))

    parts: list[tuple[int, int]] = []
    start = 0
    for left_end, right_start in sorted(cuts):
        if left_end > start:
            parts.append((start, left_end))
        start = right_start
    parts.append((start, len(text)))

    fronted = _FRONTED.match(text)
    fronted_end = next((a for a, b in cuts if a < len(text) and fronted and b == fronted.end()), None)
    clauses = [Clause(s, e, tuple(t for t in every if s <= t.span[0] and t.span[1] <= e), s == 0 and e == fronted_end)
               for s, e in parts]
    # A part that is only a time adverbial ("In 1951,") belongs to the clause after it.
    merged: list[Clause] = []
    carry: Clause | None = None
    for c in clauses:
        if carry is not None:
            c = Clause(carry.start, c.end, carry.times + c.times, carry.fronted)
            carry = None
        if c is not clauses[-1] and _only_time(text[c.start:c.end], c.times, c.start):
            carry = c
            continue
        merged.append(c)
    if carry is not None:
        merged.append(carry)
    return merged
