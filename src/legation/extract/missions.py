"""Diplomatic missions (contract § Missions): from the infobox and from sentences.

Sentences name missions in a few shapes: "Russia has an embassy in Rabat and
a consulate general in Casablanca", "Morocco is represented in Russia by its
embassy to Moscow", "There is a Japanese embassy at Ngerekebesang in Koror",
"the embassy of Morocco in the Soviet Union in Moscow", "In 1897, the Russian
Empire established a consulate in Tangier", "X is accredited to Y from its
embassy in Z". A mission is kept only between the two sides: missions to third
countries and to international organisations are left out. One mission per
(kind, sender, host, city): a "consular office" in a city where the sender
has a consulate (general) is that consulate.
"""

from __future__ import annotations

import re
from dataclasses import replace

from legation.extract import Doc
from legation.extract.dating import year
from legation.extract.time import find_times
from legation.extract.triggers import SENTENCES
from legation.facts import Mission
from legation.places import city as lookup_city
from legation.places import country as lookup_country
from legation.places import find_cities, find_countries

_KINDS: tuple[tuple[str, str], ...] = (
    (r"consulates?[- ]general|consulate generals|general consulates?", "consulate-general"),
    (r"honorary consulates?(?:[- ]general)?", "honorary-consulate"),
    (r"vice[- ]consulates?", "vice-consulate"),
    (r"consular (?:office|section|post)s?", "consular-office"),
    (r"consulates?", "consulate"),
    # A deputy or assistant high commission is a high commission's post outside the capital: no kind of
    # the contract's but "other".
    (r"(?:deputy|assistant) high commissions?", "other"),
    (r"high commissions?", "high-commission"),
    (r"permanent missions?", "permanent-mission"),
    (r"representative offices?|representation offices?|trade (?:and economic )?offices?", "representative-office"),
    (r"liaison offices?", "liaison-office"),
    (r"embass(?:y|ies)|legations?", "embassy"),
)
_KIND = re.compile(r"\b(?:" + "|".join(f"(?P<k{i}>{p})" for i, (p, _) in enumerate(_KINDS)) + r")\b", re.IGNORECASE)
_KINDS_LEXICON = SENTENCES.lexicon([_KIND])  # a sentence names no mission unless a word starts as a mission's name does
_RANK = {"consulate-general": 3, "consulate": 2, "consular-office": 1}
_NEGATED = re.compile(r"\b(?:does not|do not|doesn't|don't|did not|has no|have no|had no|without|lacks?)\s+(?:\w+\s+){0,3}$",
                      re.IGNORECASE)
_FORMER = re.compile(r"\b(?:former|formerly|closed|had|was|were|used to|until|shut)\b", re.IGNORECASE)
_CURRENT = re.compile(r"\b(?:has|have|maintains?|operates?|is represented|are represented|there is|there are|"
                      r"hosts?|currently)\b", re.IGNORECASE)
_OPENED = re.compile(r"\b(?:established|opened|set up|founded|inaugurated|reopened)\b", re.IGNORECASE)
_CLOSED = re.compile(r"\b(?:closed|shut down|shut)\b", re.IGNORECASE)
_ACCREDITED = re.compile(r"\baccredited to (?P<host>[^,.;]+?) (?:from|through|via) (?:its|their|the) "
                         r"(?P<kind>embassy|high commission|consulate) in (?P<city>[^,.;]+)", re.IGNORECASE)
_PLURAL = re.compile(r"\w(?:ies|s)\b", re.IGNORECASE)
_TO_AN_ORGANISATION = re.compile(r"\s+(?:to|at)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+(?:of\s+(?:the\s+)?)?){0,6}?"
                                 r"(?:Organi[sz]ation|Union|Nations|Council|Cooperation|Co-operation|Community|Commission|"
                                 r"Agency|League|UNESCO|NATO|OSCE|WTO|UN|EU|AU|ASEAN|OPEC|OAS|OIC)\b")
_PRONOUN = re.compile(r"\b(?:it|its|they|their)\b", re.IGNORECASE)


# Spelling variants whose common English form the contract names ("Tangier, Marrakesh, Kyiv").
_ENGLISH_SPELLING = {
    "tanger": "Tangier", "tangiers": "Tangier", "marrakech": "Marrakesh", "kiev": "Kyiv", "fes": "Fez",
    "st. petersburg": "Saint Petersburg", "st petersburg": "Saint Petersburg", "sankt-peterburg": "Saint Petersburg",
    "koln": "Cologne", "köln": "Cologne", "munchen": "Munich", "münchen": "Munich", "wien": "Vienna",
    "praha": "Prague", "warszawa": "Warsaw", "lisboa": "Lisbon", "moskva": "Moscow", "roma": "Rome",
    "bruxelles": "Brussels", "den haag": "The Hague", "genève": "Geneva", "geneve": "Geneva",
}


def city_label(written: str, canonical: str) -> str:
    """The city's name for the record: as the English text writes it, accents restored, variants normalized.

    The article's own English name is kept ("Cologne", "Leningrad" in a 1973 sentence); a name
    that differs from the gazetteer's only by accents takes the accents ("Reykjavik" →
    "Reykjavík"); a few spelling variants take their common English form ("Tanger" → "Tangier").
    """
    import unicodedata

    written = re.sub(r"(?:'s|’s)$", "", written.strip())
    if written.casefold() in _ENGLISH_SPELLING:
        return _ENGLISH_SPELLING[written.casefold()]

    def fold(text: str) -> str:
        text = unicodedata.normalize("NFKD", text)
        return "".join(c for c in text if not unicodedata.combining(c)).casefold()

    if fold(written) == fold(canonical) or not written:
        return canonical
    return written


def _kind(m: re.Match) -> str:
    return next(_KINDS[i][1] for i in range(len(_KINDS)) if m.group(f"k{i}"))


def _infobox(doc: Doc) -> list[Mission]:
    out = []
    for entry in doc.article.infobox:
        key = re.fullmatch(r"mission(\d*)", entry.key.strip(), re.IGNORECASE)
        if not key or not entry.value:
            continue
        m = _KIND.search(entry.value)
        kind = _kind(m) if m else "embassy"
        # "Embassy of Canada, Washington, D.C.": the name ends at the first comma, the city follows.
        name, _, place = entry.value.partition(",")
        if not place:
            name, place = entry.value, ""
        place = place.strip()
        mentions = [x for x in find_countries(name) if x.iso3 in doc.sides]
        n = int(key.group(1) or 1)
        sender = mentions[0].iso3 if mentions else doc.sides[min(n, 2) - 1]
        host = doc.other(sender)
        found = None
        for option in dict.fromkeys((place, place.rpartition(",")[2].strip(), place.partition(",")[0].strip())):
            if option and (found := lookup_city(option, host) or lookup_city(option)) is not None:
                break
        if found is not None and found.iso3 in doc.sides and found.iso3 != host:
            continue
        city_name = city_label(option, found.name) if found else place
        if not city_name:
            continue
        evidence = doc.article.text[entry.span[0]:entry.span[1]]
        former = bool(re.search(r"\bformer\b", entry.value, re.IGNORECASE))
        out.append(Mission(evidence=evidence, span=entry.span, kind=kind, sender=sender, host=host, city=city_name,
                           status="former" if former else "current",
                           lat=found.lat if found else None, lon=found.lon if found else None))
    return out


def _sender(doc: Doc, text: str, m: re.Match, clause_start: int, subject: str | None) -> str | None:
    """The side a mission named at ``m`` represents."""
    before = text[clause_start:m.start()]
    after = text[m.end():m.end() + 40]
    # "embassy of Morocco", "Embassy of the Russian Federation"
    if of := re.match(r"\s+of\s+(?:the\s+)?([^,;.()]+)", after):
        mentions = find_countries(of.group(1))
        if mentions and mentions[0].span[0] <= 4:
            return mentions[0].iso3 if mentions[0].iso3 in doc.sides else "?"
    # "a Japanese embassy", "Russia's consulate", "the Soviet embassy"
    near = [x for x in find_countries(before[-40:]) if x.iso3]
    if near and re.match(r"^(?:'s|’s|'|)\s*(?:(?:first|new|former|old|own|general|honorary)\s+)*$",
                         before[-40:][near[-1].span[1]:], re.IGNORECASE):
        return near[-1].iso3 if near[-1].iso3 in doc.sides else "?"
    # The subject of the clause: the first side named before the verb, not after "in"/"to".
    for x in find_countries(before):
        if x.iso3 in doc.sides and not re.search(r"\b(?:in|to|at|from|with|of)\s+(?:the\s+)?$", before[:x.span[0]]):
            return x.iso3
    if _PRONOUN.search(before) and subject:
        return subject
    return subject


def _sentences(doc: Doc) -> list[Mission]:
    out = []
    for s in doc.sentences:
        text = s.text
        if not _KINDS_LEXICON.any(text):
            continue
        years = [t for t in find_times(text, doc.context) if t.start and t.kind != "relative"]
        subject = None
        for x in find_countries(text):
            if x.iso3 in doc.sides:
                subject = x.iso3
                break
        # "X is accredited to Y from its embassy in Z": an embassy in a third country that covers the other side.
        for acc in _ACCREDITED.finditer(text):
            host = lookup_country(acc.group("host"))
            place = lookup_city(acc.group("city").strip())
            sender = subject
            if host and sender and host.iso3 == doc.other(sender) and place:
                ev, span = doc.span_of(s)
                out.append(Mission(evidence=ev, span=span, kind="embassy", sender=sender, host=host.iso3,
                                   city=place.name, status="current", lat=place.lat, lon=place.lon))
        kinds = list(_KIND.finditer(text))
        clause_start = 0
        last_status = "unknown"
        for n, m in enumerate(kinds):
            if _ACCREDITED.search(text[max(0, m.start() - 60):m.end() + 5]):
                continue
            # The clause of this mission starts after the mission named before it, or at a clause break.
            previous_end = kinds[n - 1].end() if n else 0
            boundary = max(text.rfind(";", 0, m.start()), text.rfind(", while", 0, m.start()),
                           text.rfind(", and", 0, m.start()), text.rfind(" while ", 0, m.start()))
            clause_start = max(previous_end, boundary + 1 if boundary >= 0 else 0)
            if _NEGATED.search(text[max(0, m.start() - 40):m.start()]):
                continue
            sender = _sender(doc, text, m, clause_start, subject)
            if sender in (None, "?"):
                continue
            subject = sender
            host = doc.other(sender)
            stop = kinds[n + 1].start() if n + 1 < len(kinds) else len(text)
            semi = text.find(";", m.end(), stop)
            stop = semi if semi >= 0 else stop
            tail = text[m.end():stop]
            # "consulates-general in Denpasar, Makassar and Surabaya": one mission per city.
            plural = bool(_PLURAL.search(m.group(0)))  # ("honorary consulates in Haifa and Eilat")
            if _TO_AN_ORGANISATION.match(tail):
                continue  # "a permanent mission to the Organization of the Black Sea Economic Cooperation"
            cities = []
            for found, (a, b) in find_cities(tail, host, foreign=True):  # (only a city of the host can be meant)
                if not re.search(r"\b(?:in|at|to)\b", tail[:a]) and not cities:
                    continue
                if found.iso3 not in doc.sides:
                    continue
                if found.iso3 != host:
                    continue
                cities.append(replace(found, name=city_label(tail[a:b], found.name)))
            if not cities:
                continue
            if not plural:
                # "in Minato-ku, Tokyo": the best-known city of the phrase.
                cities = [max(cities[:2], key=lambda c: c.population)]
            kind = _kind(m)
            window = text[clause_start:stop]
            # "Russia has an embassy in Rabat and a consulate general in Casablanca": the verb serves both.
            status = last_status if n and not _CURRENT.search(window) and not _FORMER.search(window) else "unknown"
            if re.search(r"\bformer\b", text[max(0, m.start() - 12):m.start()], re.IGNORECASE) or _CLOSED.search(window):
                status = "former"
            elif _CURRENT.search(window):
                status = "current"
            opened = closed = None
            if years and _OPENED.search(window):
                opened = year(years[0].start) if years[0].start else None
            if years and _CLOSED.search(window):
                closed = year(years[0].start) if years[0].start else None
            historical = any(x.historical and x.iso3 == sender for x in find_countries(window))
            if historical and status != "current":
                status = "former"
            last_status = status
            ev, span = doc.span_of(s)
            for c in cities:
                out.append(Mission(evidence=ev, span=span, kind=kind, sender=sender, host=host, city=c.name,
                                   opened=opened, closed=closed, status=status, lat=c.lat, lon=c.lon))
        # "… a consulate general in Leningrad and the Soviet Union one in San Francisco": the same kind, elided.
        for e in _ELLIPSIS.finditer(text):
            before = [k for k in kinds if k.end() <= e.start()]
            sender = next((x.iso3 for x in find_countries(e.group("who")) if x.iso3 in doc.sides), None)
            if not before or sender is None:
                continue
            host = doc.other(sender)
            place = next((c for c, _ in find_cities(e.group("where"), host)), None)
            if place is None:
                continue
            window = text[before[-1].start():e.end()]
            opened = None
            if years and _OPENED.search(text):
                opened = year(years[-1].start) if years[-1].start else None
            ev, span = doc.span_of(s)
            status = "former" if any(x.historical and x.iso3 == sender for x in find_countries(window)) else "unknown"
            out.append(Mission(evidence=ev, span=span, kind=_kind(before[-1]), sender=sender, host=host,
                               city=city_label(e.group("where"), place.name), opened=opened, status=status,
                               lat=place.lat, lon=place.lon))
    return out


_ELLIPSIS = re.compile(r"\band\s+(?P<who>(?:the\s+)?[A-Z][\w ]+?)\s+one\s+(?:in|at)\s+"
                       r"(?P<where>[A-Z][\w.’' -]+?)(?=\s+in\s+\d|[,.;]|$)")


def merge(missions: list[Mission]) -> list[Mission]:
    """One mission per (kind, sender, host, city); consular kinds in one city are one mission."""
    out: list[Mission] = []
    for m in missions:
        same = next((i for i, o in enumerate(out) if (o.sender, o.host) == (m.sender, m.host)
                     and (o.city == m.city or (o.lat is not None and (o.lat, o.lon) == (m.lat, m.lon)))
                     and (o.kind == m.kind or (o.kind in _RANK and m.kind in _RANK))), None)
        if same is None:
            out.append(m)
            continue
        o = out[same]
        kind = max((o.kind, m.kind), key=lambda k: _RANK.get(k, 9))
        status = "current" if "current" in (o.status, m.status) else ("former" if "former" in (o.status, m.status)
                                                                       else "unknown")
        out[same] = replace(o, kind=kind, opened=o.opened or m.opened, closed=o.closed or m.closed, status=status,
                            lat=o.lat if o.lat is not None else m.lat, lon=o.lon if o.lon is not None else m.lon)
    return out


def extract(doc: Doc) -> tuple[Mission, ...]:
    return tuple(merge(_infobox(doc) + _sentences(doc)))
