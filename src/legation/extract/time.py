"""Time expressions: the words that date an event, read as an inclusive interval.

The relation record (contract, "Events") dates events with ``start``/``end`` strings
``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``. This module finds the words that give a time and
reads them with a hand-written grammar that never invents what the text does not say: a
year stays a year, it does not become the 1st of January.

>>> parse_time("In March 2016, King Mohammed VI visited Russia.").start
'2016-03'

Two passes. The first finds cores, each kind with its own regular expression: a date, a
year, a decade, a century, a named period, a relative phrase; where cores overlap the
longest wins. The second grows each core to the left over a modifier ("the late", "the
end of") and a preposition ("since", "during"), joins neighbours into ranges ("between 880
and 910", "the 1920s and the 1930s") and applies what the preposition means. The word
lists and the table of named periods are in ``periods.py``.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from legation.extract import periods as vocab
from legation.extract.triggers import required, words_in

Date = tuple[int, int, int]  # year, month, day; 0 = not given
_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3, "century": 4, "period": 5, "relative": 6}


@dataclass(frozen=True)
class TimeExpr:
    """One time expression and the interval it means.

    >>> parse_time("since 1992")
    TimeExpr(text='since 1992', span=(0, 10), start='1992', end=None, precision='year', kind='since', rel=0)
    """

    text: str
    span: tuple[int, int]
    start: str | None
    end: str | None
    precision: str
    kind: str
    rel: int = 0


# ---------------------------------------------------------------- grammar pieces
_DASH = r"[-‐‑–—]"
_SEP = rf"(?:\s*{_DASH}\s*|\s+)"
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
_MONTHS = {m.lower(): i for i, m in enumerate(_MONTH_NAMES, 1)} | {"sept": 9} | {
    m.lower()[:3]: i for i, m in enumerate(_MONTH_NAMES, 1)}
# Month names are case-sensitive: "may" and "march" are also ordinary words.
_MONTH_FULL = "(?-i:" + "|".join(_MONTH_NAMES) + r")(?!\w)"
_MONTH = (r"(?-i:(?:" + "|".join(_MONTH_NAMES)
          + r")(?!\w)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|(?!\w)))")
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_ERA = r"(?-i:BCE|BC|B\.C\.E\.|B\.C\.|AD|A\.D\.|CE|C\.E\.)(?!\w)"
_ORD = r"(?:\d{1,2}(?:st|nd|rd|th)|twenty[\s-]+(?:first|second)|" + "|".join(vocab.ORDINALS) + ")"
_NUM_END = r"(?!\w)(?!,\d|\.\d)"

_MOD1 = (r"(?:very\s+)?(?:early|mid|middle|late|later|year|(?:spring|summer|autumn|winter)(?:\s+of)?|"
         r"(?:the\s+)?(?:end|close|beginning|start|dawn|outbreak|onset|middle|height|peak|turn|collapse|fall|"
         r"dissolution|break-?up|disintegration|demise|conclusion|creation|establishment|formation|founding|"
         r"foundation|advent|rise|(?:first|second|latter|last|final|early|later|closing|opening)\s+"
         r"(?:half|part|years|decades?|quarter))\s+of)")
_MODS = rf"{_MOD1}(?:\s*(?:-?\s*(?:to|through|into|and|or)\s*-?|{_DASH})\s*{_MOD1})?"
_MODGAP = r"(?:\s*-\s*|\s+)(?:the\s+)?"
_MODEXT = re.compile(rf"(?:\bthe\s+)?(?:(?<![\w-])(?P<mod>{_MODS}){_MODGAP})?\Z", re.I)
_MOD_HINTS = frozenset(("the", "of", "early", "mid", "middle", "late", "later", "year", "spring", "summer",
                        "autumn", "winter"))
_MOD_KEY = re.compile(
    r"(?P<h1>first\s+half)|(?P<h2>(?:second|latter)\s+half)|(?P<turn>turn)|"
    r"(?P<start>beginning|start|dawn|outbreak|onset|creation|establishment|formation|founding|foundation|"
    r"advent|rise)|(?P<end>end|close|collapse|fall|dissolution|break-?up|disintegration|demise|conclusion)|"
    r"(?P<early>early|first|opening)|(?P<late>late|later|latter|last|final|closing)|"
    r"(?P<mid>mid|middle|height|peak)", re.I)
# Offsets into a decade or century for each modifier (contract: "early 1960s" → 1960..1963).
_DECADE_MOD = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), "h1": (0, 4), "h2": (5, 9), "turn": (-1, 1)}
_CENTURY_MOD = {"early": (0, 33), "mid": (40, 60), "late": (67, 99), "h1": (0, 49), "h2": (50, 99),
                "turn": (-5, 5)}

_MEASURE_AFTER = re.compile(rf"\s*(?:{_DASH}\s*)?(?:{vocab.MEASURES})(?!\w)|\s*%", re.I)
_COUNT_AFTER = re.compile(rf"\s+(?:(?-i:[A-Z][\w-]*)\s+)?(?:{vocab.COUNTED})(?!\w)", re.I)
_LABEL_BEFORE = re.compile(rf"(?:(?<!\w)(?:{vocab.LABELS})\s*|[§#№$€£¥]\s*)\Z", re.I)
# (Also with what narrows the year between: "In late 1919 Chinese troops", "in March 1919".)
_TEMPORAL_BEFORE = re.compile(r"(?<!\w)(?:in|since|until|till|after|before|during|from|by|of)\s+(?:(?:the\s+)?(?:very\s+)?"
                              r"(?:early|late|mid-?|spring|summer|autumn|fall|winter|" + "|".join(_MONTH_NAMES) + r")"
                              r"(?:\s+of)?\s*)?\Z", re.I)
# "increased by 1500": a change by a number, not a time. (A month or a day is a time after any verb: "had crossed
# by November 1951"; so is a year after a verb of no change: "had crossed by 1951".)
_BY_VERB = re.compile(r"(?<!\w)(?:(?:in|de)creased|reduced|raised|lowered|cut|dropped|declined|fell|rose|grew|climbed|"
                      r"jumped|expanded|shrank|doubled|tripled|slashed|boosted|up|down|rise|drop|fall|grow|increase|"
                      r"decrease)\s+by\s+\Z", re.I)
_BETWEEN_BEFORE = re.compile(r"(?<!\w)between\s+(?:the\s+)?\Z", re.I)
_OF_IN = re.compile(r"\s+(?:of|in)\s+")
_POST_PRE = re.compile(r"(?<![^\W\d_])(?:post|pre)-\Z", re.I)
_NONSPACE = re.compile(r"\S+")
_DIGITS = re.compile(r"\d+")
_LEAD = "([\"'“‘"  # opening brackets and quotes before a preposition
_DECADE_END = re.compile(r"\d(?:0['’]?s)?\Z")
_JOIN = re.compile(rf"\A(?:\s*{_DASH}\s*|\s+(?P<w>to|until|till|through|thru|up\s+to|up\s+until|and|or)\s+)\Z", re.I)
_SUFFIX_SINCE = re.compile(
    rf"\s+(?:onwards?|and\s+(?:later|after|beyond))(?!\w)|\s+on(?=\s*[,.;:)]|\s*\Z)|"
    rf"(?:\s*{_DASH}\s*|\s+(?:to|until|till)\s+)(?:the\s+)?(?:present(?:\s+day)?|today|now|date)(?!\w)", re.I)

_PREPS = {p: k for k, words in vocab.PREPOSITIONS.items() for p in words.split("|")}
# The last words of the prepositions: a text before a time whose last word is none of these has no preposition.
_PREP_LAST = frozenset(p.rsplit(" ", 1)[-1] for p in _PREPS)
_PREP_WORDS = max(len(p.split(" ")) for p in _PREPS)
# The first words of the prepositions of each number of words.
_PREP_FIRST = [frozenset(p.split(" ")[0] for p in _PREPS if len(p.split(" ")) == n) for n in range(_PREP_WORDS + 1)]
_PREP_MOD = {"early in": "early", "earlier in": "early", "late in": "late", "later in": "late"}
# A three-digit number or a bare month is a time only after one of these.
_PREP_FOR_NUMBERS = frozenset(_PREPS) - {"on", "at", "under", "upon", "within", "amid", "amidst", "about",
                                         "through", "throughout"}
# Names that are also entities ("the Ottoman Empire") date only after these; "from" and "by"
# mark an origin or an agent there ("independence from the Ottoman Empire").
_PREP_FOR_ENTITIES = frozenset(p for p, k in _PREPS.items() if k in ("since", "until", "after", "before")) - {
    "from", "by", "back to"} | {"post-", "pre-", "during", "under", "throughout", "through", "in the course of",
                                "during the course of", "over the course of", "in the days of", "in the time of",
                                "at the time of", "in the midst of", "much of", "during much of",
                                "throughout much of", "for much of"}

# "two years later": a count, a unit and a direction.
_REL_N = (r"\b(?P<n>\d{1,3}|[a-z]+(?:\s+hundred)?)\s+(?P<u>years?|decades?|centur(?:y|ies)|months?|weeks?|days?)"
          rf"\s+(?P<d>later|afterwards?|thereafter|after\s+that|after{vocab.CLAUSE_END}|on{vocab.CLAUSE_END}|"
          rf"earlier|previously|beforehand|before{vocab.CLAUSE_END}|prior{vocab.CLAUSE_END})")
# "Then" dates only at the start of a sentence; elsewhere it often means "at that time" of
# a person ("(then a communist)") or "next" inside a clause.
_THEN = r"\b(?:then|later(?=,))\b"


# ---------------------------------------------------------------- cores (pass 1)
@dataclass
class _Core:
    s: int
    e: int
    cat: str                    # year, yrange, month, day, decade, century, named, bmonth, relative
    lo: Date | None
    hi: Date | None
    precision: str
    kind: str = "point"
    rel: int = 0
    need: str = ""              # "number": needs a preposition; "entity": see _PREP_FOR_ENTITIES; "bound"
    tail: Date | None = None    # end of the last unit of a range core ("19th and 20th centuries")
    size: int = 100             # years in a century core's unit (1000 for a millennium)
    core: int = -1              # start after modifier and article
    the: int = -1               # a bare "the" not taken: before a year it belongs to a noun
    mod: str = ""
    base: tuple[int, int] = (0, 0)  # unmodified first..last year, to tell consecutive units
    md: tuple[int, int] | None = None  # a day without a year ("26 January"): its month and day

    def __post_init__(self) -> None:
        self.core = self.s
        if self.lo and (self.tail or self.hi):
            self.base = (self.lo[0], (self.tail or self.hi)[0])


def _relative(m: re.Match, rel: int = 0, cat: str = "relative", need: str = "") -> _Core:
    """A time the caller must anchor; cat "bmonth" for a month or day without a year."""
    return _Core(m.start(), m.end(), cat, None, None, "relative", "relative", rel, need)


def _starts_number(text: str, s: int) -> bool:
    """True when a number starts at s: not after a letter, digit, decimal point, thousands comma,
    currency or number sign; after a dash only in "mid-", "pre-", "post-" or a range ("1990s–2000s")."""
    before = text[s - 1] if s else " "
    if before in "-‐‑–—":
        prev = text[max(0, s - 8):s - 1].rstrip().lower()
        return not prev or prev.endswith(("mid", "pre", "post")) or _DECADE_END.search(prev) is not None
    return not (before.isalnum() or before in "_.,$€£¥#/&")


def _blocked(text: str, s: int, e: int, digits: int) -> bool:
    """True when a number is a quantity or a label: "5300 km", "Resolution 550", "$1500"."""
    if _MEASURE_AFTER.match(text, e) or _LABEL_BEFORE.search(text, max(0, s - 30), s):
        return True
    if _COUNT_AFTER.match(text, e):
        return digits < 4 or not _TEMPORAL_BEFORE.search(text, max(0, s - 40), s)
    return False


def _bc(era: str | None) -> bool:
    return bool(era) and era.upper().startswith("B")


def _year_core(m: re.Match, text: str) -> _Core | None:
    digits, era = m.group("y"), m.group("era")
    y = int(digits)
    if not _starts_number(text, m.start()):
        return None
    if era:
        y = -y if _bc(era) else y
    elif len(digits) < 3 or not 100 <= y <= 2100 or _blocked(text, m.start(), m.end(), len(digits)):
        return None
    need = "number" if len(digits) == 3 and not era else ""
    return _Core(m.start(), m.end(), "year", (y, 0, 0), (y, 0, 0), "year", need=need)


def _yrange_core(m: re.Match, text: str) -> _Core | None:
    d1, d2, era = m.group("y"), m.group("y2"), m.group("era")
    y1, y2 = int(d1), int(d2)
    if not _starts_number(text, m.start()):
        return None
    if _bc(era):
        y1, y2 = -y1, -y2
    elif not era:
        if len(d1) < 3 or _blocked(text, m.start(), m.end(), len(d1)):
            return None
        if len(d2) == 2:  # "1936–39"
            y2 += y1 // 100 * 100 + (100 if y2 + y1 // 100 * 100 <= y1 else 0)
        if not (100 <= y1 < y2 <= 2100 and y2 - y1 <= 1000):
            return None
    if y2 < y1:
        return None
    need = "number" if len(d1) == 3 and not era else ""
    return _Core(m.start(), m.end(), "yrange", (y1, 0, 0), (y2, 0, 0), "year", "range", need=need)


def _ad_core(m: re.Match, text: str) -> _Core | None:
    y = int(m.group("y"))
    return _Core(m.start(), m.end(), "year", (y, 0, 0), (y, 0, 0), "year") if 0 < y <= 2100 else None


def _decade_core(m: re.Match, text: str) -> _Core | None:
    y = int(m.group("y"))
    if not 100 <= y <= 2090 or not _starts_number(text, m.start()):
        return None
    if y % 100 == 0 and y <= 1900:  # "the 1800s" is the century, as people write it
        return _Core(m.start(), m.end(), "century", (y, 0, 0), (y + 99, 0, 0), "century")
    return _Core(m.start(), m.end(), "decade", (y, 0, 0), (y + 9, 0, 0), "decade")


def _ordinal(word: str) -> int:
    word = re.sub(r"[\s-]+", " ", word.lower())
    if word[0].isdigit():
        return int(_DIGITS.match(word).group())
    return 20 + _ordinal(word[7:]) if word.startswith("twenty ") else vocab.ORDINALS.index(word) + 1


def _century_core(m: re.Match, text: str) -> _Core | None:
    bc, size = _bc(m.group("era")), 1000 if m.group("u").lower().startswith("millenn") else 100

    def unit(n: int) -> tuple[int, int]:
        if bc:
            return -n * size, -(n - 1) * size - 1
        return ((n - 1) * size, n * size - 1) if n > 1 else (1, size)  # there is no year 0

    n1 = _ordinal(m.group("o1"))
    if not 1 <= n1 <= (40 if bc else 21):
        return None
    lo, hi = unit(n1)
    end = m.end()
    if m.group("o3"):  # "from the 16th century to the 19th": the end's unit is left to the reader
        n3 = _ordinal(m.group("o3"))
        if not 1 <= n3 <= 21 or (n3 > n1 if bc else n3 <= n1):
            end = m.end("era") if m.group("era") else m.end("u")  # ("… century to the 1st Army")
    core = _Core(m.start(), end, "century", (lo, 0, 0), (hi, 0, 0), "century", size=size)
    if m.group("o2") or (m.group("o3") and end == m.end()):  # "16th to 19th centuries"
        n2 = _ordinal(m.group("o2") or m.group("o3"))
        if not 1 <= n2 <= 21 or (n2 > n1 if bc else n2 < n1):
            return None
        lo2, hi2 = unit(n2)
        if keys := _mod_keys(m.group("m2") or ""):  # "late 19th and early 20th centuries"
            lo2, hi2 = _sub_interval(lo2, hi2, keys, "century", size)
        core.tail, core.kind, core.base = (hi2, 0, 0), "range", (lo, unit(n2)[1])
    return core


def _month_num(name: str) -> int:
    name = name.lower().rstrip(".")
    return _MONTHS.get(name) or _MONTHS[name[:3]]


def _day_core(m: re.Match, text: str) -> _Core | None:
    month, d1 = _month_num(m.group("m")), int(_DIGITS.match(m.group("d1")).group())
    d2 = int(_DIGITS.match(m.group("d2")).group()) if m.group("d2") else d1
    if m.group(0)[0].isdigit() and not _starts_number(text, m.start()):
        return None
    if not d1 <= d2 <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
        return None
    if not m.group("y"):  # "on 8 December": the caller anchors it (or the day after it: see _join)
        core = _relative(m, cat="bmonth")
        core.md = (month, d1)
        return core
    y = int(m.group("y"))
    kind = "range" if d2 != d1 else "point"
    return _Core(m.start(), m.end(), "day", (y, month, d1), (y, month, d2), "day", kind) if 100 <= y <= 2100 else None


def _month_core(m: re.Match, text: str) -> _Core | None:
    m1, y = _month_num(m.group("m")), int(m.group("y"))
    m2 = _month_num(m.group("m2")) if m.group("m2") else m1
    if not (100 <= y <= 2100 and m1 <= m2):
        return None
    return _Core(m.start(), m.end(), "month", (y, m1, 0), (y, m2, 0), "month", "range" if m2 != m1 else "point")


def _iso_core(m: re.Match, text: str) -> _Core | None:
    y, mo, d = (int(g) for g in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31 and y <= 2100) or not _starts_number(text, m.start()):
        return None
    return _Core(m.start(), m.end(), "day", (y, mo, d), (y, mo, d), "day")


def _rel_n_core(m: re.Match, text: str) -> _Core | None:
    n = re.sub(r"\s+", " ", m.group("n").lower())
    if not n.isdigit() and n not in vocab.NUMBERS:
        return None
    n, unit = int(n) if n.isdigit() else vocab.NUMBERS[n], m.group("u").lower()
    years = n * 100 if unit.startswith("centur") else n * 10 if unit.startswith("decade") else \
        n // 12 if unit.startswith("month") else 0 if unit[0] in "wd" else n
    back = m.group("d").lower() in ("earlier", "previously", "beforehand", "before", "prior")
    return _relative(m, -years if back else years)


def _then_core(m: re.Match, text: str) -> _Core | None:
    before = text[:m.start()].rstrip(" \t\"'“‘([")
    return None if before and before[-1] not in ".!?:;\n" else _relative(m)


def _words(*lists: str) -> Callable[[str, str], bool]:
    """A trigger that fires when the lower-cased text contains a word of each list."""
    groups = [tuple(words.split("|")) for words in lists]

    def fires(text: str, low: str) -> bool:
        for words in groups:
            for w in words:
                if w in low:
                    break
            else:
                return False
        return True

    return fires


def _found(rx: str) -> Callable[[str, str], bool]:
    """A trigger that fires when the text matches a regular expression."""
    search = re.compile(rx).search
    return lambda text, low: search(text) is not None


# Each pattern runs only when its trigger fires: most sentences have no digit and no month. A number
# pattern opens with one digit ("\d\d{0,3}", not "\d{1,4}"): the engine then skips to the digits.
_DIGIT, _MONTHISH = _found(r"\d"), _found(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_PATTERNS = [(re.compile(rx, re.I), fn, trigger) for rx, fn, trigger in (
    (r"(\d\d{3})-(\d{2})-(\d{2})(?![\w-])", _iso_core, _DIGIT),
    (rf"(?P<d1>{_DAY})(?:(?:\s*{_DASH}\s*|\s+(?:to|and)\s+)(?P<d2>{_DAY}))?\s+(?:of\s+)?"
     rf"(?P<m>{_MONTH})(?:,?\s+(?P<y>\d{{3,4}})(?!\w|[,.]\d))?", _day_core, _MONTHISH),
    (rf"(?<!\w)(?P<m>{_MONTH})\s+(?P<d1>{_DAY})(?:\s*{_DASH}\s*(?P<d2>{_DAY}))?(?:,?\s+(?P<y>\d{{3,4}})(?!\w|[,.]\d))?"
     rf"(?!\s*(?:{vocab.MEASURES}|{vocab.COUNTED})(?!\w))", _day_core, _MONTHISH),
    (rf"(?<!\w)(?P<m>{_MONTH})(?:(?:\s*{_DASH}\s*|\s+(?:to|and|through|until)\s+)(?P<m2>{_MONTH}))?"
     rf"(?:\s+of)?,?\s+(?P<y>\d{{3,4}})(?!\w|[,.]\d)", _month_core, _MONTHISH),
    (rf"(?<!\w){_MONTH_FULL}", lambda m, text: _relative(m, cat="bmonth", need="number"), _MONTHISH),
    (rf"(?P<y>\d\d{{0,3}})(?:\s*(?P<era>{_ERA}))?{_NUM_END}", _year_core, _DIGIT),
    (rf"(?P<y>\d\d{{0,3}})\s*(?:{_DASH}|/)\s*(?P<y2>\d{{2,4}})(?:\s*(?P<era>{_ERA}))?{_NUM_END}(?!{_DASH}\d)",
     _yrange_core, _DIGIT),
    (r"(?<!\w)(?-i:AD|A\.D\.)\s+(?P<y>\d{1,4})(?!\w)", _ad_core, _DIGIT),
    (r"(?P<y>\d\d\d?0)['’]?s(?!\w)", _decade_core, _DIGIT),
    (rf"(?<!\w)(?P<o1>{_ORD})(?:(?:\s*{_DASH}\s*|\s+(?:to|and|or|through|into)\s+)(?:the\s+)?"
     rf"(?:(?P<m2>{_MODS}){_MODGAP})?(?P<o2>{_ORD}))?{_SEP}(?P<u>centur(?:y|ies)|millenni(?:um|a))"
     rf"(?:\s+(?P<era>{_ERA}))?(?:\s+(?:to|until|till|through|into)\s+(?:the\s+)?(?P<o3>{_ORD})(?![\w-]))?(?!\w)",
     _century_core, _words("centur|millenn")),
    (_REL_N, _rel_n_core, _words("year|decade|centur|month|week|day", "later|after|earlier|previous|before|prior| on")),
    (_THEN, _then_core, _words("then|later,")),
    *((rf"\b(?:{rx})", lambda m, text, rel=rel: _relative(m, rel), _words(words))
      for rx, rel, words in vocab.RELATIVE_PHRASES),
)]

# Words (their first three letters) each pattern needs, checked before its trigger: see triggers.required.
# The sets of starts needed are numbered; _NEEDS holds the numbers of each pattern's, _NEEDED_BY_START
# the numbers of the sets each start is in.
def _needed() -> tuple[list[frozenset[int]], dict[str, tuple[int, ...]]]:
    needed: list[frozenset[str]] = []
    needs = []
    for rx, _, _ in _PATTERNS:
        sets = required(rx)
        needed += [starts for starts in sets if starts not in needed]
        needs.append(frozenset(needed.index(starts) for starts in sets))
    by_start: dict[str, tuple[int, ...]] = {}
    for n, starts in enumerate(needed):
        for start in starts:
            by_start[start] = (*by_start.get(start, ()), n)
    return needs, by_start


_NEEDS, _NEEDED_BY_START = _needed()


# ---------------------------------------------------------------- named periods
def _alias_regex(alias: str) -> str:
    def word(w: str) -> str:
        if w == "@":
            return vocab.ERA_WORDS
        return f"(?-i:{w[1:]})" if w.startswith("=") else w.replace("'", "['’]?")

    return _SEP.join(word(w) for w in re.split(r"[\s-]+", alias))


def _build_named() -> dict[str, tuple[re.Pattern, dict[str, vocab.Period]]]:
    """One expression per first word, its aliases longest first, each in a group a0, a1, ..."""
    by_first: dict[str, list[tuple[str, vocab.Period]]] = {}
    for period in vocab.PERIODS:
        for alias in period.aliases:
            first = re.split(r"[\s-]+", alias)[0].lstrip("=").lower()
            assert re.fullmatch(r"[^\W_]+(?:'s)?", first), f"first word of {alias!r} must be a plain word"
            by_first.setdefault(first.removesuffix("'s"), []).append((alias, period))  # "Napoleon's"
    table = {}
    for first, entries in by_first.items():
        entries.sort(key=lambda ap: (-len(ap[0].split()), -len(ap[0])))
        body = "|".join(f"(?P<a{i}>{_alias_regex(alias)})" for i, (alias, _) in enumerate(entries))
        table[first] = (re.compile(rf"(?:{body})(?:{_SEP}{vocab.ERA_WORDS})?(?!\w)", re.I),
                        {f"a{i}": period for i, (_, period) in enumerate(entries)})
    return table


_NAMED = _build_named()
_WORD = re.compile(r"[^\W_]+")


def _period_interval(period: vocab.Period, context: frozenset[str]) -> tuple[int, int | None] | None:
    """The years a period covers for these countries; for several countries, what they share."""
    hits = [period.countries[c] for c in sorted(context) if c in period.countries]
    if not hits:
        return None if period.start is None else (period.start, period.end)
    lo, ends = max(h[0] for h in hits), [h[1] for h in hits if h[1] is not None]
    hi = min(ends) if ends else None
    return (lo, hi) if hi is None or lo <= hi else None


# The first three letters of the first words of named periods (and those of fewer letters): a text none of
# whose words starts so names no period.
_NAMED_STARTS = frozenset(first[:3] for first in _NAMED if len(first) >= 3)
_NAMED_SHORT = tuple(first for first in _NAMED if len(first) < 3)


def _named_words(text: str, low: str) -> list[tuple[int, str]]:
    """Where the words of ``low`` (runs of ``[^\\W_]``) that are first words of named periods start."""
    if "_" in text or "ſ" in text or "ı" in text or "İ" in text:
        # (Where its words and their folded starts may not be those of ``low``: read it word by word.)
        out = []
        at = 0
        for word in _WORD.findall(low):
            start = low.find(word, at)  # where this word starts: only non-word characters lie before it
            at = start + len(word)
            if word in _NAMED:
                out.append((start, word))
        return out
    at_key = words_in(text)
    wanted = set(_NAMED_STARTS.intersection(at_key))  # (this way round: it goes over the text's few words)
    if any(short in low for short in _NAMED_SHORT):  # (``low`` is the text as its keys are folded)
        wanted.update(key for key in at_key if key.startswith(_NAMED_SHORT))
    out = []
    for key in wanted:
        for start in at_key[key]:
            word = _WORD.match(low, start).group()
            if word in _NAMED:
                out.append((start, word))
    if len(wanted) > 1:
        out.sort()
    return out


_ANOTHER_OF_THE_NAME = re.compile(r"\b(?:First|Second|Third|Fourth|Fifth|Sixth|New|Little|Later|Last)\s+\Z")


_POLITY_END = re.compile(r"(?i:shogunate|dynasty|empire|kingdom|sultanate|caliphate|khanate|regime|government|"
                         r"administration|republic|monarchy|junta|raj)\Z")
_ACTS_AFTER = re.compile(r"\s+(?:(?:then|later|also|soon|finally|first|again)\s+)?(?:[a-z]+ed|was|were|had|did|sent|"
                         r"made|took|sought|kept|gave|fought|won|lost|broke|began|held|signed|became|forbade|forbid)\b")
_PREP_BEFORE_NAME = re.compile(r"\b(?:during|under|in|throughout|since|until|before|after|of|by)\s+(?:the\s+)?\Z",
                               re.IGNORECASE)


def _named_cores(text: str, low: str, context: frozenset[str]) -> list[_Core]:
    out: list[_Core] = []
    for start, word in _named_words(text, low):
        entry = _NAMED[word]
        m = entry[0].match(text, start)
        years = _period_interval(entry[1][m.lastgroup], context) if m else None
        if years is None or _ANOTHER_OF_THE_NAME.search(text, max(0, start - 12), start):
            continue  # ("the Second Hundred Years' War" is not the Hundred Years' War)
        if _POLITY_END.search(m.group()) and _ACTS_AFTER.match(text, m.end()) \
                and not _PREP_BEFORE_NAME.search(text, max(0, m.start() - 12), m.start()):
            continue  # "but the Tokugawa shogunate refused": the state acting, not the time it lasted
        need = {"prep": "entity", "bound": "bound"}.get(entry[1][m.lastgroup].needs, "")
        hi = None if years[1] is None else (years[1], 0, 0)
        out.append(_Core(m.start(), m.end(), "named", (years[0], 0, 0), hi, "period", "period", need=need))
    return out


# ---------------------------------------------------------------- modifiers and joins (pass 2)
def _mod_keys(mod: str) -> list[str]:
    return [k.lastgroup for k in _MOD_KEY.finditer(mod)]


def _sub_interval(lo: int, hi: int, keys: list[str], cat: str, size: int = 100) -> tuple[int, int]:
    """The part of lo..hi that modifiers name: "late" 1700..1799 → 1767..1799."""
    parts = []
    for key in keys:
        length = hi - lo + 1
        if cat != "named":
            a, b = (_DECADE_MOD if cat == "decade" else _CENTURY_MOD)[{"start": "early", "end": "late"}.get(key, key)]
            scale = 1 if cat == "decade" else size // 100
            parts.append((lo + a * scale, lo + b * scale + (scale - 1 if b == 99 else 0)))
        elif key in ("start", "end", "turn"):  # "the end of the Soviet Union": one year
            parts.append((hi, hi) if key == "end" else (lo, lo))
        elif key in ("h1", "h2"):
            parts.append((lo, lo + length // 2 - 1) if key == "h1" else (lo + length // 2, hi))
        elif length > 100:  # a long era: its first, middle or last quarter-century
            mid = (lo + hi) // 2
            parts.append({"early": (lo, lo + 24), "mid": (mid - 12, mid + 12), "late": (hi - 24, hi)}[key])
        else:
            t = length // 3
            parts.append({"early": (lo, lo + t), "mid": (lo + t, hi - t), "late": (hi - t, hi)}[key])
    return min(p[0] for p in parts), max(p[1] for p in parts)


def _attach_mod(text: str, c: _Core, floor: int) -> None:
    """Grow a core left over "the", "the late", "the end of the"; narrow its interval."""
    left = text[max(floor, c.s - 60):c.s]
    tail = left.rstrip()
    if c.cat == "relative" or not tail or not (
            tail.endswith("-") or tail.rsplit(None, 1)[-1].lower() in _MOD_HINTS):
        return
    m = _MODEXT.search(left)
    if m is None or m.start() == len(left):
        return
    start = c.s - len(left) + m.start()
    if not m.group("mod"):
        if c.cat in ("decade", "century", "named"):
            c.core = start
        else:
            c.the = start
        return
    keys, c.core, c.mod = _mod_keys(m.group("mod")), start, m.group("mod")
    if keys and c.cat in ("decade", "century", "named") and c.hi is not None:
        lo, hi = _sub_interval(c.lo[0], c.hi[0], keys, c.cat, c.size)
        c.lo, c.hi = (lo, 0, 0), (hi, 0, 0)
        if c.cat == "named" and all(k in ("start", "end", "turn") for k in keys):
            c.precision, c.kind = "year", "point"


@dataclass
class _Group:
    s: int
    e: int
    lo: Date | None
    hi: Date | None
    precision: str
    kind: str
    parts: tuple[_Core, ...]
    joined: str = ""  # "range" or "name"


def _join(text: str, a: _Core, b: _Core) -> _Group | None:
    """Join two neighbouring cores: "1963 Sand War", "1947–1991", "the 1920s and the 1930s"."""
    gap = text[a.e:b.core]
    if a.md and b.cat == "day" and b.lo is not None:
        return _join_yearless(text, a, b, gap)
    if "relative" in (a.kind, b.kind):
        return None
    if a.cat in ("year", "yrange") and b.cat == "named" and gap.isspace() and "\n" not in gap:
        start = a.core if a.mod else a.the if a.the >= 0 else a.s
        return _Group(start, b.e, a.lo, a.hi, a.precision, a.kind, (a, b), "name")
    if a.cat == "named" and b.cat in ("year", "yrange") and _OF_IN.fullmatch(gap):
        # "the Cuban Revolution of 1959"; "in 1380" only after a one-moment name ("the formation of X")
        if gap.split()[0] == "of" or a.kind == "point" or a.lo == a.hi:
            return _Group(a.core, b.e, b.lo, b.hi, b.precision, b.kind, (a, b), "name")
        return None
    m = _JOIN.match(gap)
    if m is None or a.lo is None or b.lo is None:
        return None
    if (m.group("w") or "").lower() in ("and", "or"):  # only "between A and B" or consecutive units
        between = _BETWEEN_BEFORE.search(text, max(0, a.core - 12), a.core)
        if not between and not (a.cat == b.cat and a.cat in ("decade", "century") and a.base[1] + 1 == b.base[0]):
            return None
    hi = b.tail or b.hi
    if hi is not None and hi[0] < a.lo[0]:
        return None
    precision = max(a.precision, b.precision, key=_RANK.__getitem__)
    return _Group(a.core, b.e, a.lo, hi, precision, "range", (a, b), "range")


def _join_yearless(text: str, a: _Core, b: _Core, gap: str) -> _Group | None:
    """"from 26 January to 28 February 1995": the first day takes the year of the second (or the year
    before, when its month comes later: "from 28 December to 3 January 1995")."""
    m = _JOIN.match(gap)
    if m is None or ((m.group("w") or "").lower() in ("and", "or")
                     and not _BETWEEN_BEFORE.search(text, max(0, a.core - 12), a.core)):
        return None
    month, day = a.md
    y = b.lo[0] if (month, day) <= (b.lo[1], b.lo[2]) else b.lo[0] - 1
    return _Group(a.core, b.e, (y, month, day), b.tail or b.hi, "day", "range", (a, b), "range")


# Words after which "back" belongs to a phrasal verb ("handed them back", "came back"), not to "back in 1990".
_BACK_AS_PARTICLE = frozenset({
    "them", "it", "him", "her", "us", "these", "those", "handed", "hand", "hands", "gave", "give", "gives", "came",
    "come", "comes", "went", "go", "goes", "brought", "bring", "sent", "send", "turned", "turn", "moved", "pushed",
    "drove", "driven", "fought", "paid", "called", "took", "taken", "won", "set", "held", "returned",
})


def _prep_before(text: str, s: int, floor: int) -> tuple[str, int] | None:
    """The preposition right before position s, longest first: ("in the aftermath of", start)."""
    left = text[max(floor, s - 60):s]
    if left.endswith("-"):  # "post-1991", "pre-war"
        m = _POST_PRE.search(left)
        return (m.group().lower(), s - len(m.group())) if m else None
    if not left or not left[-1].isspace():
        return None
    words = left.rsplit(None, _PREP_WORDS)[-_PREP_WORDS:]  # (what \S+ finds: both split at str.isspace)
    last = words[-1].lower() if words else ""
    if last not in _PREP_LAST and last.lstrip(_LEAD) not in _PREP_LAST:
        return None  # (the usual case, told without building the phrases)
    n = len(words)
    for i, w in enumerate(words):  # the longest phrase first
        lead = len(w) - len(w.lstrip(_LEAD))
        if w[lead:].lower() not in _PREP_FIRST[n - i]:
            continue  # no preposition of n - i words starts so
        phrase = " ".join(words[i:])[lead:].lower()
        if phrase in _PREPS:
            if phrase.startswith("back ") and i > 0 and words[i - 1].lower() in _BACK_AS_PARTICLE:
                continue  # "handed them back in 1946": "back" goes with the verb; "in 1946" is the time
            start = list(_NONSPACE.finditer(left))[i - n].start()
            return phrase, s - len(left) + start + lead
    return None


def _fmt(d: Date | None) -> str | None:
    if d is None:
        return None
    out = f"{d[0]:04d}" if d[0] >= 0 else f"-{-d[0]:04d}"
    return out + (f"-{d[1]:02d}" if d[1] else "") + (f"-{d[2]:02d}" if d[2] else "")


def _parse(value: str) -> Date:
    parts = [int(p) for p in value.lstrip("-").split("-")] + [0, 0]
    return (-parts[0] if value.startswith("-") else parts[0], parts[1], parts[2])


# "after the war with Siam of 1841–1845", "since the revolution of 1979": a preposition before the event
# the time dates, which the act is placed after (before, since, until). (Not an agreement's: "until the
# Addis Ababa Agreement of 1972" names an act of its own, which the clause reports.)
_EVENT_NOUNS = r"(?:wars?|conflict|crisis|revolution|invasion|uprising|rebellion|revolt|occupation|coup|partition)"
_PREP_EVENT_OF = re.compile(
    r"(?<!\w)(?P<p>after|following|shortly\s+after|soon\s+after|before|shortly\s+before|since|until|till)\s+the\s+"
    rf"(?:[\w'’–-]+\s+){{0,3}}?{_EVENT_NOUNS}(?:\s+(?:with|against|between|over|in)\s+[^,;.()\d]{{1,40}}?)?"
    r"\s+(?:of|in)\s+\Z", re.I)
# "until her death in 1663", "until its dissolution in 1991", "until Iraq withdrew in March 1959": the end
# of someone's or something's time.
_UNTIL_END_IN = re.compile(r"(?<!\w)(?P<p>until|till|since|after|before)\s+(?:(?:his|her|its|their|the)\s+(?:death|fall|"
                           r"collapse|abdication|overthrow|dissolution|deposition|assassination|exile|resignation)|"
                           r"(?:the\s+)?(?-i:[A-Z])[\w'’-]*\s+(?:[\w'’-]+\s+)?(?:withdrew|left|fell|broke|quit|\w+ed))\s+in\s+\Z",
                           re.I)


def _placed(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` holds a word that places an act after, before, since or until an event."""
    window = text[a:b].lower()
    return "after" in window or "before" in window or "until" in window or "since" in window or (
        "following" in window or "till" in window)


# "after the 1967 war": the same, the year before the event's noun.
_PREP_THE = re.compile(r"(?<!\w)(?P<p>after|following|before|since|until)\s+the\s+\Z", re.I)
_EVENT_NOUN_AFTER = re.compile(rf"\s+(?:[\w'’–-]+\s+){{0,2}}?{_EVENT_NOUNS}\b", re.I)
_THAT_BEFORE = re.compile(r"\b(?:later |earlier |early |late )?(?:that|the same)\s+\Z", re.IGNORECASE)


def _finish(text: str, g: _Group, floor: int) -> TimeExpr | None:
    """Apply the preposition before a group and the suffix after it; None if it dates nothing."""
    first = g.parts[0]
    found = _prep_before(text, g.s, floor) if first.cat != "relative" else None
    if first.cat != "relative" and (found is None or found[0] == "in") and _placed(text, max(floor, g.s - 100), g.s):
        # (told by their preposition: which must be in the words before, the usual case being that it is not)
        if found is None and (event := _PREP_EVENT_OF.search(text, max(floor, g.s - 100), g.s)):
            found = " ".join(event.group("p").lower().split()), event.start()
        elif event := _UNTIL_END_IN.search(text, max(floor, g.s - 40), g.s):
            found = event.group("p").lower(), event.start()  # "until her death in 1663"
        elif (found is None and first.cat == "year" and (event := _PREP_THE.search(text, max(floor, g.s - 20), g.s))
              and _EVENT_NOUN_AFTER.match(text, g.e)):
            found = event.group("p").lower(), event.start()
    prep, start = found or ("", g.s)
    if first.kind == "relative" and g.lo is None:  # a bare month or day keeps its preposition ("in March")
        if first.need == "number" and not (prep in _PREP_FOR_NUMBERS or first.mod):
            if not text[g.s].isupper() or not (that := _THAT_BEFORE.search(text, max(floor, g.s - 12), g.s)):
                return None  # ("a step that may help": no month)
            start = that.start()  # "that December": the month of the year just told
        return TimeExpr(text[start:g.e], (start, g.e), None, None, "relative", "relative", first.rel)
    kind = {"post-": "after", "pre-": "before"}.get(prep, _PREPS.get(prep))
    if prep == "from" and first.cat == "named" and g.joined != "range":
        prep, start, kind = "", g.s, None  # "fleeing from the Francoist dictatorship"
    if prep == "by" and first.cat == "year" and _BY_VERB.search(text, max(0, start - 20), start + 3):
        return None  # "increased by 1500"
    ranged = g.joined == "range" or g.kind == "range"  # "1936–39", "from 1930 to 1955"
    parens = text[g.s - 1:g.s] == "(" and text[g.e:g.e + 1] == ")"
    for c in g.parts:
        if (c.need == "number" and not (prep in _PREP_FOR_NUMBERS or (ranged and parens))
                or c.need == "entity" and not (prep in _PREP_FOR_ENTITIES or c.mod or g.joined == "name")
                or c.need == "bound" and not c.mod):
            return None
    lo, hi, precision, out_kind = g.lo, g.hi, g.precision, g.kind
    if prep in _PREP_MOD and first.cat in ("decade", "century", "named") and hi is not None:
        a, b = _sub_interval(lo[0], hi[0], [_PREP_MOD[prep]], first.cat, first.size)
        lo, hi = (a, 0, 0), (b, 0, 0)
    if ranged and prep in ("from", "between"):
        kind = None  # "from 1930 to 1955": the range itself
    end, suffix = g.e, _SUFFIX_SINCE.match(text, g.e)
    if suffix and kind in (None, "since"):
        kind, end = "since", suffix.end()
    if kind == "since":
        hi, out_kind = None, "since"
    elif kind == "until":
        out_kind = "until"
    elif kind in ("after", "before"):
        if kind == "after":  # X's end; "in the aftermath of X to 1968": from X's end to 1968
            lo = (first.tail or first.hi or first.lo) if g.joined == "range" else hi or lo
            hi = hi if g.joined == "range" or hi is None else lo
        else:  # X's start
            hi = lo
        precision, out_kind = "day" if lo[2] else "month" if lo[1] else "year", kind
    return TimeExpr(text[start:end], (start, end), _fmt(lo), _fmt(hi), precision, out_kind)


# ---------------------------------------------------------------- public interface
def find_times(text: str, context: frozenset[str] = frozenset()) -> list[TimeExpr]:
    """All time expressions in a sentence, in order, non-overlapping, longest match wins.

    >>> [t.text for t in find_times("In 1906, during the Cold War, since 1992")]
    ['In 1906', 'during the Cold War', 'since 1992']
    """
    return list(_find_times(text, frozenset(context)))


def _longest_first(c: _Core) -> tuple[int, int]:
    return c.s - c.e, c.s


_start = operator.attrgetter("s")


@functools.lru_cache(maxsize=8192)
def _find_times(text: str, context: frozenset[str]) -> tuple[TimeExpr, ...]:
    # Cached per sentence: the timeline, missions, agreements and people all ask about the same sentences.
    low = text.lower()
    met: set[int] = set()  # the sets needed that a word of the text starts as one of
    for start in _NEEDED_BY_START.keys() & words_in(text):
        met.update(_NEEDED_BY_START[start])
    fired: dict[Callable[[str, str], bool], bool] = {}  # a trigger shared by several patterns runs once
    cands: list[_Core] = []
    for (rx, fn, fires), needs in zip(_PATTERNS, _NEEDS, strict=True):
        if needs and not needs <= met:
            continue  # a word the pattern cannot do without is missing
        if (ok := fired.get(fires)) is None:
            ok = fired[fires] = fires(text, low)
        if ok:
            cands += [c for m in rx.finditer(text) if (c := fn(m, text))]
    cands += _named_cores(text, low, context)
    if len(cands) < 2:  # (most sentences: one time or none)
        cores = cands
    else:
        cands.sort(key=_longest_first)
        cores = []
        for c in cands:
            if all(c.e <= t.s or c.s >= t.e for t in cores):
                cores.append(c)
        cores.sort(key=_start)
    for i, c in enumerate(cores):
        _attach_mod(text, c, cores[i - 1].e if i else 0)
    groups, i = [], 0
    while i < len(cores):
        joined = _join(text, cores[i], cores[i + 1]) if i + 1 < len(cores) else None
        c = cores[i]
        groups.append(joined or _Group(c.core, c.e, c.lo, c.tail or c.hi, c.precision, c.kind, (c,)))
        i += 2 if joined else 1
    out: list[TimeExpr] = []
    for g in groups:
        if expr := _finish(text, g, out[-1].span[1] if out else 0):
            out.append(expr)
    return tuple(out)


def parse_time(text: str, context: frozenset[str] = frozenset()) -> TimeExpr | None:
    """The first time expression in text (convenience).

    >>> parse_time("the 1920s and the 1930s").end
    '1939'
    """
    found = find_times(text, context)
    return found[0] if found else None


_MONTH_DAY = re.compile(rf"(?:(?P<d>{_DAY})\s+(?:of\s+)?)?(?P<m>{_MONTH_FULL})(?:\s+(?P<d2>{_DAY}))?", re.I)
# What a relative expression's own words say of its direction ("since then", "until that year", "the year before").
_SINCE_WORD = re.compile(r"\b(?:since|from)\b")
_UNTIL_WORD = re.compile(r"\b(?:until|till|by|up\s+to)\b")
_BEFORE_WORD = re.compile(r"\bbefore\b")
_SAME_UNIT = re.compile(r"\b(?:same|that)\s+(month|year)\b")
# A season named from an earlier time, and the month each begins in (winter: the December it starts).
_SEASON = re.compile(r"\b(?:(following|next|subsequent)|(previous|preceding)|that|same)\s+(spring|summer|autumn|fall|winter)\b")
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_NEXT_WORDS = re.compile(r"\b(?:next|following|subsequent)\b")
_PREVIOUS_WORDS = re.compile(r"\b(?:previous|preceding)\b")
_SHIFTED = re.compile(r"\b(?:next|following|subsequent|later|earlier|previous|preceding)\b.*\b(?:month|week|day)s?\b|"
                      r"\b(?:months?|weeks?|days?)\s+(?:later|after|earlier|before)", re.I)


# "four days later", "two weeks earlier", "three months later", "the next day": a shift the anchor's day or
# month can be moved by.
_SHIFT = re.compile(r"(?<![\w-])(?:(?P<n>an?|\d{1,3}|[a-z]+(?:[ -][a-z]+)?)\s+(?P<u>days?|weeks?|months?)\s+"
                    r"(?P<d>later|after|afterwards|earlier|before)|(?:the\s+)?(?:next|following)\s+(?P<next>day|week|month))\b")


def _shifted(anchor: TimeExpr, m: re.Match) -> tuple[str, str] | None:
    """The anchor's start moved by the shift ``m`` names, and its precision; None when the anchor is not
    as precise as the shift (a year moved by four days is still that year)."""
    y, mo, d = _parse(anchor.start)
    if m.group("next"):
        n, unit, sign = 1, m.group("next"), 1
    else:
        word = m.group("n").lower()
        n = 1 if word in ("a", "an") else int(word) if word.isdigit() else vocab.NUMBERS.get(re.sub(r"[ -]+", " ", word))
        unit, sign = m.group("u").lower(), -1 if m.group("d").lower() in ("earlier", "before") else 1
    if not n:
        return None
    if unit.startswith(("day", "week")):
        if not d and mo and y >= 1 and n * (7 if unit.startswith("week") else 1) < 7:
            return _fmt((y, mo, 0)), "month"  # "the next day" after "in February 2015": still that month, likely
        if not d or y < 1:
            return None
        moved = date(y, mo, d) + timedelta(days=sign * n * (7 if unit.startswith("week") else 1))
        return _fmt((moved.year, moved.month, moved.day)), "day"
    if not mo or y < 1:
        return None
    k = y * 12 + mo - 1 + sign * n
    return _fmt((k // 12, k % 12 + 1, 0)), "month"


def resolve(expr: TimeExpr, anchor: TimeExpr) -> TimeExpr:
    """A relative expression dated from an earlier one; others are returned unchanged.

    >>> resolve(parse_time("a year later"), parse_time("in 1964")).start
    '1965'
    """
    if expr.kind != "relative" or expr.start is not None or anchor.start is None:
        return expr
    year, words = _parse(anchor.start)[0] + expr.rel, expr.text.lower()
    if month := _MONTH_DAY.search(expr.text):  # "in March", "on 8 December": the anchor's year
        day = month.group("d") or month.group("d2")
        d = int(_DIGITS.match(day).group()) if day else 0
        mo, anchor_month = _MONTHS[month.group("m").lower()], _parse(anchor.start)[1]
        if not expr.rel:  # "in July 2015, … the following May": May of 2016; "in 2018 … the following April": 2019
            if _NEXT_WORDS.search(words) and (not anchor_month or mo <= anchor_month):
                year += 1
            elif _PREVIOUS_WORDS.search(words) and (not anchor_month or mo >= anchor_month):
                year -= 1
        start = end = _fmt((year, mo, d))
        precision, kind = ("day" if d else "month"), "point"
    elif (shift := _SHIFT.search(words)) and (moved := _shifted(anchor, shift)):  # "four days later"
        start = end = moved[0]
        precision, kind = moved[1], "point"
    elif is_span(expr):  # "within weeks", "within a year": the anchor's year
        start = end = _fmt((_parse(anchor.start)[0], 0, 0))
        precision, kind = "year", "point"
    elif season := _SEASON.search(words):
        # "that autumn" is the anchor's year; "the following spring" after March 1848 is 1849, after
        # January 1849 still 1849; "the previous summer" before March 1849 is 1848, before October 1849 1849.
        y, mo, _ = _parse(anchor.start)
        begins = _SEASON_START[season.group(3)]
        if season.group(1):
            y += 0 if (0 < mo < begins or (not mo and begins == 12)) else 1
        elif season.group(2):
            y -= 0 if mo >= begins + 3 else 1
        start = end = _fmt((y, 0, 0))
        precision, kind = "year", "point"
    elif not expr.rel and (unit := _SAME_UNIT.search(words)) and anchor.start:
        # "the same month", "later that month" of 19 August 2009: August 2009 (of 2009 alone: 2009)
        y, mo, _ = _parse(anchor.start)
        month = unit.group(1) == "month" and mo
        start = end = _fmt((y, mo if month else 0, 0))
        precision, kind = ("month" if month else "year"), "point"
    elif expr.rel or _SHIFTED.search(words):  # "a year later"; "the next month" is still that year
        start = end = _fmt((year, 0, 0))
        precision, kind = "year", "point"
    else:
        start, end, precision = anchor.start, anchor.end, anchor.precision
        kind = anchor.kind if anchor.kind in ("point", "range", "period") else "point"
    if _SINCE_WORD.search(words):
        end, kind = None, "since"
    elif _UNTIL_WORD.search(words):
        kind = "until"
    elif _BEFORE_WORD.search(words) and not expr.rel:
        end, kind = start, "before"
    return replace(expr, start=start, end=end, precision=precision, kind=kind)


def is_span(expr: TimeExpr) -> bool:
    """Whether ``expr`` is a span from a time told before ("within weeks", "within 48 hours"), which dates
    its clause but neither marks one off nor anchors what follows (see periods.RELATIVE_PHRASES)."""
    return expr.text[:6].casefold() == "within"


def heading_time(heading: str, context: frozenset[str] = frozenset()) -> TimeExpr | None:
    """The time a section heading implies; several expressions give their union.

    >>> heading_time("Historical relations (1550–1989)").end
    '1989'
    """
    found = [t for t in find_times(heading, context) if t.start is not None]
    if len(found) <= 1:
        return found[0] if found else None
    s, e = found[0].span[0], found[-1].span[1]
    start = min(_parse(t.start) for t in found)
    end = None if any(t.end is None for t in found) else max(_parse(t.end) for t in found)
    precision = max((t.precision for t in found), key=_RANK.__getitem__)
    return TimeExpr(heading[s:e], (s, e), _fmt(start), _fmt(end), precision, "range")
