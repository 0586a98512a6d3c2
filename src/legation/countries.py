"""Countries: names, codes, historical states, and country mentions in running text.

Everything comes from ``data/countries.tsv``, the single source of truth: one row per ISO 3166 country
(plus Kosovo) with its common English name, official name, aliases, adjectives, demonyms, combining
prefixes ("Franco-") and capitals; one row per historical state with its successor; and one row of
fixed phrases that are not mentions ("Indian Ocean"). The table is read lazily on first use, so
importing this module costs nothing beyond the standard library.

>>> country("the Russian Federation").name
'Russia'
>>> [(m.text, m.iso3, m.kind) for m in find_countries("Soviet-Moroccan relations")]
[('Soviet', 'RUS', 'adjective'), ('Moroccan', 'MAR', 'adjective')]
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "Country",
    "Mention",
    "adjective_of",
    "country",
    "find_countries",
    "historical_name",
    "title_countries",
]

KINDS = ("name", "adjective", "demonym", "prefix", "historical", "capital")


@dataclass(frozen=True)
class Country:
    """A present-day country; ``name`` is the common English short name ("Russia", "The Gambia")."""

    iso3: str
    iso2: str
    numeric: str
    name: str


@dataclass(frozen=True)
class Mention:
    """One mention of a country in a text.

    ``kind`` is one of :data:`KINDS`. ``historical`` names the historical state when the mention
    is of one ("Russian Empire" for "the Russian Empire" or "Tsarist"); ``iso3`` is then its
    present-day successor. For kind ``"historical"`` it is always set.
    """

    text: str
    span: tuple[int, int]
    iso3: str
    kind: str
    historical: str | None = None


@dataclass(frozen=True)
class _Entry:
    iso3: str
    kind: str  # name | historical | adjective | demonym | capital | prefix | ignore
    historical: str | None
    secondary: bool
    order: int


_KIND_RANK = {"ignore": 0, "name": 1, "historical": 1, "adjective": 2, "demonym": 3, "capital": 4, "prefix": 5}

# --- normalisation ---------------------------------------------------------------------------------

_PUNCT = re.compile(r"[.,()\[\]\"“”]")
_APOS = re.compile(r"['’‘`ʻʼ]")
_DASH = re.compile(r"[-‐‑–—/]")


def _fold(text: str) -> str:
    if text.isascii():
        return text.replace("ı", "i")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")


def _key(text: str) -> str:
    """Lookup key: accents, case, punctuation and a leading "the" do not matter."""
    s = _fold(text).casefold().replace("&", " and ")
    s = _DASH.sub(" ", _APOS.sub("'", _PUNCT.sub("", s)))
    s = " ".join(s.split())
    if s.startswith("the "):
        s = s[4:]
    return s


# --- the table -------------------------------------------------------------------------------------


class _Table:
    def __init__(self) -> None:
        from importlib import resources

        text = (resources.files("legation") / "data" / "countries.tsv").read_text(encoding="utf-8")
        self.countries: dict[str, Country] = {}
        self.official: dict[str, str] = {}
        self.adjective: dict[str, str] = {}
        self.sovereign: set[str] = set()
        self.capitals: dict[str, list[str]] = {}
        self.former_capitals: dict[str, list[str]] = {}
        self.by_key: dict[str, tuple[str, str | None, bool]] = {}  # key -> (iso3, historical, secondary)
        self.historical_by_key: dict[str, str] = {}
        self.iso2: dict[str, str] = {}
        self.numeric: dict[str, str] = {}
        self.forms: dict[str, list[_Entry]] = {}
        self.prefixes: dict[str, list[_Entry]] = {}
        self.years: dict[str, str] = {}
        order = 0
        header: list[str] | None = None
        rows = []
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            rows.append(dict(zip(header, cols, strict=True)))
        # current countries first, so that their keys win over historical aliases
        rows.sort(key=lambda r: {"state": 0, "territory": 1, "historical": 2, "ignore": 3}[r["kind"]])
        for row in rows:
            order += 1
            kind = row["kind"]
            lists = {c: [x for x in row[c].split("|") if x] for c in
                     ("aliases", "adjectives", "demonyms", "prefixes", "capitals", "former_capitals")}
            if kind == "ignore":
                for form in lists["aliases"]:
                    self._add_form(form, _Entry("", "ignore", None, False, order))
                continue
            iso3 = row["iso3"]
            if kind == "historical":
                hist = row["name"]
                self.years[hist] = row["years"]
                for form in [hist, *lists["aliases"]]:
                    self._add_key(form, iso3, hist)
                    self.historical_by_key.setdefault(_key(form.rstrip("~")), hist)
                    self._add_form(form, self._entry(form, iso3, "historical", hist, order))
                for kind_col, mkind in (("adjectives", "adjective"), ("demonyms", "demonym")):
                    for form in lists[kind_col]:
                        self.historical_by_key.setdefault(_key(form.rstrip("~")), hist)
                        self._add_form(form, self._entry(form, iso3, mkind, hist, order))
                for form in lists["prefixes"]:
                    self._add_prefix(form, self._entry(form, iso3, "prefix", hist, order))
                continue
            self.countries[iso3] = Country(iso3, row["iso2"], row["numeric"], row["name"])
            self.official[iso3] = row["official"] or row["name"]
            self.iso2[row["iso2"]] = iso3
            if row["numeric"]:
                self.numeric[row["numeric"]] = iso3
            if lists["adjectives"]:
                self.adjective[iso3] = lists["adjectives"][0].rstrip("~")
            self.capitals[iso3] = lists["capitals"]
            self.former_capitals[iso3] = lists["former_capitals"]
            if kind == "state":
                self.sovereign.add(iso3)
            for form in [row["name"], row["official"], *lists["aliases"]]:
                if form:
                    self._add_key(form, iso3, None)
                    self._add_form(form, self._entry(form, iso3, "name", None, order))
            for kind_col, mkind in (("adjectives", "adjective"), ("demonyms", "demonym")):
                for form in lists[kind_col]:
                    self._add_form(form, self._entry(form, iso3, mkind, None, order))
            for form in lists["prefixes"]:
                self._add_prefix(form, self._entry(form, iso3, "prefix", None, order))
            if kind == "state":
                for form in lists["capitals"]:
                    self._add_form(form, self._entry(form, iso3, "capital", None, order))
        for entries in (*self.forms.values(), *self.prefixes.values()):
            entries.sort(key=lambda e: (e.secondary, _KIND_RANK[e.kind], e.order))

    @staticmethod
    def _entry(form: str, iso3: str, kind: str, hist: str | None, order: int) -> _Entry:
        return _Entry(iso3, kind, hist, form.endswith("~"), order)

    def _add_key(self, form: str, iso3: str, hist: str | None) -> None:
        # first come, first served (states, then territories, then historical states), except that a
        # secondary reading ("Congo~" in the DR Congo's row) never takes a key a primary one claims
        k = _key(form.rstrip("~"))
        if not k:
            return
        secondary = form.endswith("~")
        old = self.by_key.get(k)
        if old is None or (old[2] and not secondary):
            self.by_key[k] = (iso3, hist, secondary)

    def _add_form(self, form: str, entry: _Entry) -> None:
        form = form.rstrip("~")
        entries = self.forms.setdefault(form, [])
        if not any(e.iso3 == entry.iso3 and e.kind == entry.kind for e in entries):
            entries.append(entry)
        # "imperial Japan", "tsarist Russia": forms led by a lowercase adjective are listed in the table;
        # forms beginning "The" ("The Hague") also match with a lowercase article.
        if form.startswith("The "):
            self.forms.setdefault("the " + form[4:], []).append(entry)

    def _add_prefix(self, form: str, entry: _Entry) -> None:
        self.prefixes.setdefault(form.rstrip("~"), []).append(entry)


@functools.cache
def _table() -> _Table:
    return _Table()


# --- lookups ---------------------------------------------------------------------------------------


def country(text: str) -> Country | None:
    """The present-day country a name, code or historical name refers to, or None.

    Accepts common, official and former names ("Kingdom of Morocco", "Burma"), historical states
    (mapped to their successor: "Soviet Union" -> Russia), ISO 3166 alpha-2/alpha-3 codes written
    in capitals and numeric codes ("MA", "MAR", "504"). Case, accents and a leading "the" do not
    matter.
    """
    t = _table()
    s = (text or "").strip()
    if not s:
        return None
    if s.isdigit() and len(s) <= 3:
        iso3 = t.numeric.get(s.zfill(3))
        return t.countries.get(iso3) if iso3 else None
    hit = t.by_key.get(_key(s))
    if hit:
        return t.countries.get(hit[0])
    if s.isalpha() and s.isupper():
        if len(s) == 2 and s in t.iso2:
            return t.countries[t.iso2[s]]
        if len(s) == 3 and s in t.countries:
            return t.countries[s]
    if len(s) <= 3:
        return None  # codes count only in capitals ("IN" is India, "in" is not)
    return _pycountry_fallback(s)


def _pycountry_fallback(text: str) -> Country | None:
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a dependency, but only a fallback here
        return None
    names = _pycountry_names()
    if names is not None:
        found = names.get(text.lower())
        return _table().countries.get(found.alpha_3) if found is not None else None
    try:  # pragma: no cover - a pycountry whose database is laid out otherwise
        found = pycountry.countries.lookup(text)
    except LookupError:
        return None
    return _table().countries.get(found.alpha_3)


@functools.cache
def _pycountry_names() -> dict[str, object] | None:
    """What ``pycountry.countries.lookup`` finds for each (lower-cased) value, as one dict.

    ``lookup`` tries each index in turn and then the fields left out of the indices, record by
    record, raising and catching an exception on every miss: most names looked up here are
    people's, so it is slow where it matters. Built from the same indices and fields, in the same
    order (the first found wins); None if pycountry's database is not laid out so.
    """
    import pycountry

    db = pycountry.countries
    try:
        len(db)  # (loads it)
        names: dict[str, object] = {}
        for index in db.indices.values():
            for value, record in index.items():
                names.setdefault(value, record)
        for record in db.objects:
            for key in db.no_index:
                value = record._fields.get(key)
                if value is not None:
                    names.setdefault(value.lower(), record)
    except (AttributeError, TypeError):  # pragma: no cover
        return None
    if any(not hasattr(record, "alpha_3") for record in names.values()):  # pragma: no cover
        return None
    return names


def historical_name(text: str) -> str | None:
    """The canonical name of the historical state ``text`` names ("Tsarist Russia" -> "Russian Empire").

    Adjectives and demonyms of historical states count too ("Soviet" -> "Soviet Union"). Returns None
    for a present-day country or anything unknown.
    """
    t = _table()
    k = _key(text or "")
    hit = t.by_key.get(k)
    if hit is not None:
        return hit[1]
    return t.historical_by_key.get(k)


def adjective_of(iso3: str) -> str:
    """The usual English adjective for a country ("MAR" -> "Moroccan"); its name if it has none."""
    t = _table()
    code = iso3.upper()
    if code in t.adjective:
        return t.adjective[code]
    c = t.countries.get(code)
    if c is None:
        raise KeyError(iso3)
    return c.name


def official_name(iso3: str) -> str | None:
    """The official name of a country ("MAR" -> "Kingdom of Morocco")."""
    return _table().official.get(iso3.upper())


def years_of(historical: str) -> str | None:
    """The years of a historical state as written in the table ("Soviet Union" -> "1922-1991")."""
    return _table().years.get(historical) or None


def capital_names(iso3: str) -> list[str]:
    """The capital's names from the table, the primary first (used by :mod:`legation.places`)."""
    return list(_table().capitals.get(iso3.upper(), []))


def former_capital_names(iso3: str) -> list[str]:
    return list(_table().former_capitals.get(iso3.upper(), []))


def all_countries() -> list[Country]:
    """Every country in the table (249 ISO 3166 countries and Kosovo), by ISO3."""
    t = _table()
    return [t.countries[k] for k in sorted(t.countries)]


def is_sovereign(iso3: str) -> bool:
    return iso3.upper() in _table().sovereign


# --- titles ----------------------------------------------------------------------------------------

_BETWEEN = re.compile(r"^\s*relations\s+between\s+(?P<rest>.+?)\s*$", re.IGNORECASE)
_SUFFIX = re.compile(r"\s+(?:relations|relationship)\s*(?:\(.*\))?\s*$", re.IGNORECASE)


def title_countries(title: str) -> tuple[Country, Country] | None:
    """The two countries of a "X–Y relations" title, or None.

    Handles en dashes, hyphens (also inside names: "Guinea-Bissau–Portugal"), "X and Y relations"
    and "Relations between X and Y". Every split point is tried; a split where both sides are
    countries wins, dashes before hyphens before "and".
    """
    if not title:
        return None
    m = _BETWEEN.match(title)
    body = m.group("rest") if m else _SUFFIX.sub("", title).strip()
    if not body:
        return None
    splits: list[tuple[int, int]] = []
    if not m:
        splits += [(i, i + 1) for i, ch in enumerate(body) if ch in "–—‒―"]
        splits += [(i, i + 1) for i, ch in enumerate(body) if ch in "-‐‑"]
    splits += [(a.start(), a.end()) for a in re.finditer(r"\s+and\s+|\s*&\s*", body)]
    for i, j in splits:
        left, right = body[:i].strip(), body[j:].strip()
        if not left or not right:
            continue
        a, b = country(left), country(right)
        if a is not None and b is not None:
            return a, b
    return None


# --- mentions in text ------------------------------------------------------------------------------


def _trie_pattern(words: list[str]) -> str:
    """A regex matching exactly ``words``, longest alternative first at every branch."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
        return body

    return emit(trie)


_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"


@functools.lru_cache(maxsize=256)
def _pattern(only: frozenset[str] | None) -> re.Pattern[str]:
    t = _table()
    if only is None:
        forms = list(t.forms)
        prefixes = list(t.prefixes)
    else:
        wanted = [f for f, es in t.forms.items() if any(e.iso3 in only for e in es)]
        # forms of other countries that contain a wanted form must still win ("Northern Ireland"
        # is not Ireland, "Indian Ocean" is not India), so they stay in the pattern as blockers
        blockers = [f for f in t.forms if f not in wanted and any(w in f for w in wanted)]
        forms = wanted + blockers
        prefixes = [p for p, es in t.prefixes.items() if any(e.iso3 in only for e in es)]
        forms += [f for f in t.forms if any(f.startswith(p + "-") for p in prefixes) and f not in forms]
    word = _trie_pattern(forms) if forms else r"(?!x)x"
    pre = _trie_pattern(prefixes) if prefixes else r"(?!x)x"
    return re.compile(
        rf"(?<!\w)(?:(?P<the>[Tt]he)\s+)?(?:(?P<form>{word})(?![\w])|(?P<pre>{pre})[-‐–](?=[{_UPPER}]))"
    )


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# After "the" + adjective, these words mean the adjective stands for the people ("the French were").
_DEMONYM_NEXT = _words("""and or but nor who whom whose which that were was had have has are is also then
did would could should might may must will shall in of at on to from by for with under against during after
before since as themselves still never later soon eventually first used sent took made began signed established
invaded occupied captured defeated built controlled attacked ruled colonized colonised conquered arrived refused
agreed declared responded claimed wanted tried attempted lost won supported opposed considered regarded saw
viewed called named referred retreated withdrew left returned launched maintained remained became continued
into onto through over across against""")

# Words that may precede a capital at the start of a sentence without making it part of a longer name.
_FUNCTION = _words("""In At From To The And But On Of With By For Near After Before During Since Both While
When Then Also As Under Between Via Like Outside Inside Until Through Meanwhile Thus However Today Later Only
Neither Either Whereas Although Though Despite Unlike Embassy Consulate""")


def _prev_word(text: str, start: int) -> str | None:
    """The word right before ``start`` if only one space separates them."""
    if start < 2 or text[start - 1] != " " or not (text[start - 2].isalnum()):
        return None
    return _word_before(text, start - 1) or None


def _word_before(text: str, end: int) -> str:
    """The run of word characters that ends at ``end`` (what ``(\\w+)$`` finds in ``text[:end]``, read
    from the end; ``text[end - 1]`` is not a newline)."""
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return text[start:end]


def _next_word(text: str, end: int) -> str | None:
    m = re.match(r" (\w[\w'’-]*)", text[end:end + 40])
    return m.group(1) if m else None


# Names of one word that are written with "the" ("the Netherlands", "the Gambia").
_THE_NAMES = _words("""Netherlands Gambia Bahamas Philippines Maldives Seychelles Comoros Sudan Congo Vatican
Emirates Ukraine Argentine Lebanon Yemen Crimea Transvaal Hejaz Levant Caribbean Sahara""")


def _takes_the(form: str) -> bool:
    """Whether a preceding "the" belongs to the name ("the Soviet Union", "the USSR", "the Gambia")."""
    return " " in form or form.isupper() or "." in form or form in _THE_NAMES


def _used_as_noun(text: str, end: int) -> bool:
    """Whether "the <adjective>" ending at ``end`` names a people ("the French were", "the Japanese.")."""
    nxt = text[end:end + 1]
    if not nxt:
        return True
    if nxt in "-‐–—/" or nxt.isalnum():
        return False  # "the French-backed", "the Ethiopian–Somali conflict"
    if nxt != " ":
        return True  # "the Japanese.", "the Spanish,"
    word = _next_word(text, end)
    if word is None:
        return True
    if word in ("and", "or", "nor"):
        # "the Spanish and the Tlaxcaltecs in" (people) vs "the Moroccan and the Russian government"
        m = re.match(r" (?:and|or|nor) (?:the )?\w[\w'’-]*( \w+)?", text[end:end + 80])
        after = m.group(1).strip() if m and m.group(1) else None
        return after is None or after in _DEMONYM_NEXT or not after[0].islower()
    return word in _DEMONYM_NEXT


def find_countries(text: str, only: frozenset[str] | None = None) -> list[Mention]:
    """Every mention of a country in ``text`` (see :func:`_find_countries`); cached per sentence."""
    return list(_find_countries(text, frozenset(only) if only is not None else None))


@functools.lru_cache(maxsize=8192)
def _find_countries(text: str, only: frozenset[str] | None) -> tuple[Mention, ...]:
    """Every mention of a country in ``text``, left to right, longest match first, non-overlapping.

    Finds names ("Morocco", "the Russian Federation"), historical states ("the Soviet Union",
    kind "historical"), adjectives ("Moroccan", "Soviet"), demonyms ("Moroccans", "the Soviets",
    "the Spanish" used as a noun), combining prefixes ("Franco-", "Sino-") and national capitals
    used as metonyms ("Moscow backed ..."; kind "capital" - every standalone mention of a capital is
    reported, callers decide whether it stands for the state). Fixed phrases such as "Indian
    Ocean" or "Persian Gulf" are not mentions. Matching is case-sensitive (proper nouns).
    ``only`` restricts the result to those ISO3 codes.
    """
    if not text:
        return ()
    t = _table()
    only_set = only
    out: list[Mention] = []
    # One pattern for all countries, compiled once: a pattern per pair of sides costs more to
    # build than a whole article costs to search, and the pairs of a dump are thousands.
    for m in _pattern(None).finditer(text):
        if m.group("form") is not None:
            form, start, end = m.group("form"), m.start("form"), m.end("form")
            entries = t.forms.get(form, [])
        else:
            form, start, end = m.group("pre"), m.start("pre"), m.end("pre") + 1
            entries = t.prefixes.get(form, [])
        if not entries or entries[0].kind == "ignore":
            continue
        if only_set is not None:
            entries = [e for e in entries if e.iso3 in only_set]
            if not entries:
                continue
        entry = entries[0]
        kind = entry.kind
        has_the = m.group("the") is not None
        if kind == "capital":
            prev = _prev_word(text, start)
            nxt = _next_word(text, end)
            if (prev and prev[0].isupper() and prev not in _FUNCTION) or (nxt and nxt[0].isupper()):
                continue  # "George Washington", "Lake Victoria", "Moscow Metro", "Paris Peace Conference"
        if kind == "adjective" and has_the and _used_as_noun(text, end):
            kind = "demonym"
        if kind == "historical" and entry.historical is None:
            kind = "name"
        if has_the and (kind == "demonym" or (kind in ("name", "historical") and _takes_the(form))):
            start = m.start("the")
        out.append(Mention(text[start:end], (start, end), entry.iso3, kind, entry.historical))
    return tuple(out)
