"""Political leaders: who acted for which country, from ``data/leaders.tsv``.

Relations articles name people far more often than they name the countries those people acted
for: "Richard Nixon and Leonid Brezhnev signed SALT I" means the United States and the Soviet Union
to any careful reader. This module ships that common knowledge as a small gazetteer of heads of
state and government, monarchs, foreign ministers and a few other figures, each row giving the
present-day country (ISO 3166 alpha-3; successor states for historical ones, so the Soviet Union
and the Russian Empire are ``RUS``), the role held and the years in office. A ruler of a state
that several present-day states count as their predecessor has a row for each (the grand princes
of Kievan Rus': Ukraine, Russia and Belarus); the article's sides choose among them.

The table is read lazily on first use, so importing this module costs nothing beyond the
standard library.

>>> country_of("President Vladimir Putin")
'RUS'
>>> country_of("Nixon", sides=("RUS", "USA"))
'USA'
>>> [(leader.name, text_span) for leader, text_span in find_leaders("Nixon met Brezhnev in Moscow.")]
[('Richard Nixon', (0, 5)), ('Leonid Brezhnev', (10, 18))]
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

__all__ = ["Leader", "country_of", "find_leaders", "leaders", "titles_of"]

_NOW = 2026  # the year an open term is counted to


@dataclass(frozen=True)
class Leader:
    """One stint of one person in one role, acting for the present-day country ``iso3``.

    ``start`` and ``end`` are years; ``end`` is None while the person is still in office. A
    person who held two roles (Vladimir Putin as President and as Prime Minister) or held one
    role twice with a gap has several rows.
    """

    name: str
    iso3: str
    role: str
    start: int | None
    end: int | None

    def covers(self, year: int) -> bool:
        """Whether ``year`` falls within this stint (an open end reaches to the present)."""
        if self.start is not None and year < self.start:
            return False
        return self.end is None or year <= self.end


# Letters that Unicode decomposition leaves alone but English prose writes without the mark.
_FOLD = str.maketrans(
    {
        "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
        "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe",
        "ß": "ss", "ħ": "h", "Ħ": "H", "’": "'", "‘": "'", "ʻ": "'", "ʼ": "'", "`": "'",
        "‐": "-", "‑": "-",
    }
)  # fmt: skip


def fold(text: str) -> str:
    """``text`` without diacritics, case kept: "Erdoğan" → "Erdogan", "Wałęsa" → "Walesa"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_WORD = re.compile(r"\w+")
_ASCII_WORD = re.compile(r"\w+", re.ASCII)  # the same runs in ASCII text, without Unicode's tables

# Titles and courtesy words that may stand before a name and are not part of it ("President",
# "Secretary of State", "His Majesty King"), stripped word by word from the front of a query.
_TITLES = frozenset(
    """
    the former then late incumbent acting interim outgoing new current president vice prime minister
    premier chancellor foreign secretary of state general chairman chairwoman first deputy supreme
    leader king queen emperor empress tsar czar tsarina tsaritsa kaiser sultan shah emir amir sheikh
    shaikh sheik crown prince princess grand duke duchess regent lord lady sir dame his her majesty
    highness royal imperial excellency holiness pope marshal field generalissimo admiral colonel
    lieutenant major captain commander chief mr mrs ms dr doctor comrade
    """.split()  # noqa: SIM905
)


def key(name: str) -> str:
    """The lookup key of a name: accents folded, lower-cased, punctuation between words ignored."""
    return " ".join(_WORD.findall(fold(name).lower()))


_SECONDARY = (
    "foreign",
    "secretary of state",
    "external",
    "vice",
    "deputy",
    "advis",
    "minister of",
    "defence",
    "defense",
    "army",
    "politburo",
    "explorer",
    "conquistador",
)
_GOVERNMENT = ("prime minister", "premier", "chancellor", "taoiseach")


def _role_rank(role: str) -> int:
    """0 for heads of state and of ruling parties, 1 for heads of government, 2 for the rest."""
    lowered = role.lower()
    if any(word in lowered for word in _SECONDARY):
        return 2
    if any(word in lowered for word in _GOVERNMENT):
        return 1
    return 0


@dataclass(frozen=True)
class _Table:
    rows: tuple[Leader, ...]
    index: dict[str, tuple[int, ...]]  # key -> row numbers
    forms: dict[str, tuple[str, ...]]  # key -> the forms behind it as written in the table (for case checks)
    max_words: int
    titles: dict[str, frozenset[str]]
    # Every key and every run of its first words ("vladimir", "vladimir ilyich"): a scan of running
    # text stops extending a name as soon as its words begin no known one.
    prefixes: frozenset[str]
    # The first words (keys) that some known name writes in lower case ("al-Sisi", "bin Salman"):
    # a word written in lower case starts no other name.
    lower_first: frozenset[str]


_REGNAL_OF = re.compile(r"([A-Z][\w-]+ [IVX]+) of [A-Z]")


@functools.cache
def _table() -> _Table:
    text = (resources.files("legation") / "data" / "leaders.tsv").read_text(encoding="utf-8")
    rows: list[Leader] = []
    index: dict[str, list[int]] = {}
    forms: dict[str, set[str]] = {}
    titles: dict[str, set[str]] = {}
    keys: dict[str, str] = {}  # form -> key, as most forms recur on several rows
    lines = text.splitlines()
    header = lines[0].split("\t")
    col = {name: header.index(name) for name in ("name", "aliases", "iso3", "role", "start", "end")}
    for line in lines[1:]:
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        start = cells[col["start"]]
        end = cells[col["end"]] if len(cells) > col["end"] else ""
        row = Leader(
            name=cells[col["name"]],
            iso3=cells[col["iso3"]],
            role=cells[col["role"]],
            start=int(start) if start else None,
            end=int(end) if end else None,
        )
        number = len(rows)
        rows.append(row)
        if row.end is None or row.end >= 1900:
            titles.setdefault(row.iso3, set()).add(row.role.lower())
        aliases = cells[col["aliases"]]
        # "Nicholas I of Montenegro" is "Nicholas I" too: a regnal name is written without its realm.
        regnal = _REGNAL_OF.match(row.name)
        for form in (row.name, *(aliases.split("|") if aliases else ()), *((regnal.group(1),) if regnal else ())):
            k = keys.get(form)
            if k is None:
                k = keys[form] = key(form)
                forms.setdefault(k, set()).add(form)
            if not k:
                continue
            numbers = index.setdefault(k, [])
            if not numbers or numbers[-1] != number:
                numbers.append(number)
    return _Table(
        rows=tuple(rows),
        index={k: tuple(v) for k, v in index.items()},
        forms={k: tuple(v) for k, v in forms.items()},
        max_words=max((k.count(" ") + 1 for k in index), default=0),
        titles={iso3: frozenset(roles) for iso3, roles in titles.items()},
        prefixes=frozenset(k.rsplit(" ", n)[0] for k in index for n in range(k.count(" ") + 1)),
        lower_first=frozenset(k.split(" ")[0] for k, written in forms.items()
                              if any(not _WORD.findall(fold(form))[0][0].isupper() for form in written if key(form))),
    )


def _strip_titles(words: list[str]) -> list[str]:
    start = 0
    while start < len(words) - 1 and words[start] in _TITLES:
        start += 1
    return words[start:]


def _lookup(name: str) -> tuple[int, ...]:
    table = _table()
    k = key(name)
    found = table.index.get(k)
    if found is None and k:
        words = k.split(" ")
        if len(words) > 1 and words[-1] == "s" and re.search(r"['’]s\W*$", name):
            words.pop()  # a possessive: "Putin's"
        found = table.index.get(" ".join(_strip_titles(words)))
    return found or ()


def leaders(name: str) -> list[Leader]:
    """Every row for ``name``: the exact name or an alias, ignoring case, accents and titles.

    "President Vladimir Putin", "vladimir putin" and "Putin" all give Putin's rows. A name shared
    by two people ("George I" of Great Britain and of Greece) gives the rows of both; an unknown
    name gives ``[]``.
    """
    table = _table()
    return [table.rows[number] for number in _lookup(name)]


def _unique_iso3(rows: Iterable[Leader]) -> str | None:
    codes = {row.iso3 for row in rows}
    return codes.pop() if len(codes) == 1 else None


def country_of(name: str, sides: tuple[str, str] | None = None, year: int | None = None,
               in_office: bool = False) -> str | None:
    """The country ``name`` acted for, or None when unknown or ambiguous.

    With ``sides`` only those two countries are considered ("which side of this relationship is
    Nixon on?"); with ``year`` rows whose years cover it are preferred, so "George I" in 1900
    is the King of Greece. With ``in_office`` as well, only they count: "Nicholas I" in 1912 is
    not the tsar who died in 1855.
    """
    rows = leaders(name)
    if sides is not None:
        rows = [row for row in rows if row.iso3 in sides]
    if year is not None:
        covering = [row for row in rows if row.covers(year)]
        if covering or in_office:
            rows = covering
    return _unique_iso3(rows)


def titles_of(iso3: str) -> frozenset[str]:
    """The roles (lower-case) that the leaders of ``iso3`` held since 1900.

    For "Prime Minister X and President Y" this tells which side of a pair has prime ministers.
    """
    return _table().titles.get(iso3, frozenset())


def _best(rows: list[Leader]) -> Leader:
    """The main row among those of one name: its commonest country, highest role, longest held."""
    counts: dict[str, int] = {}
    years: dict[tuple[str, str, str], int] = {}
    for row in rows:
        counts[row.iso3] = counts.get(row.iso3, 0) + 1
        held = (row.end or _NOW) - (row.start or _NOW) + 1
        years[row.name, row.iso3, row.role] = years.get((row.name, row.iso3, row.role), 0) + held
    return min(
        rows,
        key=lambda row: (
            -counts[row.iso3],
            _role_rank(row.role),
            -years[row.name, row.iso3, row.role],
            -(row.start or 0),
        ),
    )


# What may stand between two words of one name in running text: spaces, a hyphen or apostrophe,
# or a full stop after an initial ("George W. Bush", "F.W. de Klerk").
_JOIN = re.compile(r"\s+|\s*[-'’‐‑]\s*|\.\s*")
# Combining forms that are also names: "Franco-German" is not about Francisco Franco.
_PREFIXES = frozenset({"Franco"})
# A regnal number after a name makes it another person's name.
_NUMERAL = re.compile(r"[IVX]+")


def _case_ok(written: list[str], form: str) -> bool:
    """Whether the words as written are capitalized wherever the known form is."""
    pattern = _WORD.findall(fold(form))
    return all(not p[0].isupper() or w[0].isupper() for w, p in zip(written, pattern, strict=True))


def find_leaders(text: str) -> list[tuple[Leader, tuple[int, int]]]:
    """Every known leader's name in ``text`` with its character span, in order of appearance.

    Longest names win ("Indira Gandhi" over "Gandhi"), matches never overlap and respect word
    boundaries, and words capitalized in the known name must be capitalized in the text (so
    "Moi" is found in "Daniel arap Moi said" but not in "moi"). Each span gets one row: the
    person's main one (see :func:`leaders` for all of them).
    """
    return list(_find_leaders(text))


@functools.lru_cache(maxsize=4096)
def _find_leaders(text: str) -> tuple[tuple[Leader, tuple[int, int]], ...]:
    table = _table()
    prefixes = table.prefixes
    written = _ASCII_WORD.findall(text) if text.isascii() else [fold(w) for w in _WORD.findall(text)]
    lowered = [w.lower() for w in written]
    spans: list[tuple[int, int]] = []  # where the words are, found when first needed (most texts name no one)
    found: list[tuple[Leader, tuple[int, int]]] = []
    after = 0  # the first word a name may start at: the one after the last name found
    lower_first = table.lower_first
    for i in [i for i, k in enumerate(lowered) if k in prefixes]:
        if i < after or (not written[i][0].isupper() and lowered[i] not in lower_first):
            continue  # (no name starting with this word writes it in lower case: see _case_ok)
        k = lowered[i]
        # Words that can belong to one name starting at i, as long as they begin a known name.
        size = 1
        while size < table.max_words and i + size < len(written):
            k = f"{k} {lowered[i + size]}"
            if k not in prefixes:  # (tested first: the cheaper, and the likelier to fail)
                break
            spans = spans or [m.span() for m in _WORD.finditer(text)]  # (the words of ``written``, in order)
            prev_end, next_start = spans[i + size - 1][1], spans[i + size][0]
            gap = text[prev_end:next_start]
            joined = _JOIN.fullmatch(gap)
            if not joined or ("." in gap and len(written[i + size - 1]) > 2):
                break
            size += 1
        for n in range(size, 0, -1):
            k = " ".join(lowered[i:i + n])
            numbers = table.index.get(k)
            if numbers is None:
                continue
            words = written[i:i + n]
            if not any(_case_ok(words, form) for form in table.forms[k]):
                continue
            spans = spans or [m.span() for m in _WORD.finditer(text)]
            start, end = spans[i][0], spans[i + n - 1][1]
            if n == 1 and words[0] in _PREFIXES and text[end : end + 1] == "-":
                continue
            if (
                i + n < len(spans)
                and _NUMERAL.fullmatch(written[i + n])
                and not _NUMERAL.fullmatch(words[-1])
                and text[end : spans[i + n][0]].isspace()
            ):
                continue  # "King John VI" is not King John
            found.append((_best([table.rows[number] for number in numbers]), (start, end)))
            after = i + n
            break
    return tuple(found)
