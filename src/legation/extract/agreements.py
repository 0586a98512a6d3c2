"""Agreements and treaties between the two sides (contract § Agreements).

An agreement is named ("the Sino-Pakistan Agreement of 1963", "a Treaty of
Association", "the Tangier Protocol"), described ("a new fisheries
cooperation agreement", "an agreement on mutual protection of secret
information", "a joint Defense and Security agreement") or reported by its
verb ("agreed on investing into an oil refinery"). It is dated by the event
of its clause (so "Both sides signed an agreement …" takes the time the
events extractor gave it). A definite "The new agreement, spanning 4 years"
refers back to the last agreement and adds to it. Agreements with third
countries ("free trade agreements with countries such as Canada") and
generic plurals ("Several treaties") are left out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from legation.extract import Doc
from legation.extract.time import find_times
from legation.extract.triggers import SENTENCES
from legation.facts import Agreement, Event
from legation.places import city as lookup_city
from legation.places import country as lookup_country
from legation.places import find_countries

_NOUN = (r"(?:agreements?|treat(?:y|ies)|protocols?|conventions?|accords?|pacts?|charters?|declarations?|"
         r"memorand(?:um|a)(?: of understanding)?|communiqu[ée]s?|(?<!great )(?<!good )deals?|"
         r"(?<=ceasefire )statements?|(?<=joint )statements?|(?<=trilateral )statements?|(?<=currency )swaps?)")
_UP = "[A-ZÀ-ÖØ-Þ\u0100-\u024F]"  # a capital, Latin accents too ("the Treaty of Åbo")
_NAMED = re.compile(
    rf"\b(?:(?:(?!(?:The|A|An|In|On|After|Since|With|Under|By|Both|This|That|Its|Their)\b){_UP}[\w’'–-]*\s+){{1,4}}"
    r"(?:Agreement|Treaty|Protocol|Convention|Accords?|Pact|Charter|Declaration|Communiqu[ée]|Armistice|Alliance)"
    r"|Entente Cordiale|(?:Points|Heads|Articles|Terms|Instruments?) of (?:Agreement|Understanding|Surrender|Accession)"
    rf"|(?:(?:{_UP}[\w’'–-]*\s+){{1,2}})?Acts? of Union"
    r"|(?:Treaty|Agreement|Convention|Protocol|Truce|Armistice) of \d{4}\b(?!\s*[–-])"
    r"|(?:Agreement|Treaty|Protocol|Convention|Accords?|Pact|Charter|Memorandum|Declaration|Peace|Truce|Armistice|"
    r"Framework|Union) "
    r"(?:of|on|for|between) (?:the )?"
    rf"{_UP}[\w’'-]*(?:\s+(?:of|on|in|and|the|for)?\s*{_UP}[\w’'-]*){{0,6}})"
    r"(?:\s+of\s+\d{4})?"
    # (Not the organisation a pact founded: "the Warsaw Pact invasion", "NATO and Warsaw Pact troops".)
    r"(?!\s+(?:Organi[sz]ation|Secretariat|Council|Commission|Committee|invasion|troops|forces|armies|members?|"
    r"countries|states|allies|exercises|headquarters|summit)\b)"
)
# "an agreement on 10 July 2015", "a postal agreement of 1920": a date, not what it is on.
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_WORDS = rf"(?:\d{{1,4}}\b|(?:{_MONTH_NAMES})\b)"
_DESCRIBED = re.compile(rf"(?:\b(?P<det>an?|the|this|its|their)\s+|(?<=signed )|^(?=(?-i:[A-Z])[\w-]+\s+(?:[\w-]+\s+)?"
                        rf"(?:agreements|treaties|accords|protocols|conventions)\s+(?:(?:were|have\s+been)\s+signed\b|"
                        rf"(?:of|in)\s+\d{{4}}\b)))"
                        rf"(?P<mods>(?:(?!(?:of|the|an?|in|on|to|for|with|by|signed|concluded|was|were|is|are|has|had)\b)"
                        rf"[\w–-]+(?:,(?=\s+(?-i:{_UP})))?\s+){{0,5}}?){_NOUN}\b(?!\s+(?:Organi[sz]ation|Secretariat|Council|Commission|"
                        rf"of (?:independence|war|sovereignty|neutrality)|(?:invasion|troops|forces|armies|members|"
                        rf"member states|countries|allies|exercises|headquarters)\b))"
                        rf"(?P<on>\s+(?:on|for|of|concerning|regarding)\s+(?!{_DATE_WORDS})[^,.;()]+)?", re.IGNORECASE)
# "agreed on investing into an oil refinery": an agreement on something ("agreed to buy" is a commitment).
_AGREED = re.compile(r"\b(?:agreed\s+(?:on|upon)|exchanged\s+(?:diplomatic\s+)?notes\s+(?:on|confirming|"
                     r"fixing|settling|establishing))\s+(?P<what>[^,.;]+)", re.IGNORECASE)
# Every match of _NAMED, _DESCRIBED or _AGREED has a word that starts as one of these (any case).
_NOUNS = SENTENCES.lexicon([re.compile(r"\b(?:agreement|treat|protocol|convention|accord|pact|charter|declaration|memorand|"
                             r"agreed|communiq|deal|peace|exchanged|statement|swap|truce|entente|armistice|framework|"
                             r"(?:dual|triple|quadruple|holy|auld|grand)\s+alliance|union\s+of\s+[a-z]|acts?\s+of\s+union)",
                             re.IGNORECASE)])  # ("the Soviet Union", "the European Union" open no agreement)
_ENDED_WITH = re.compile(r"\b(?:ended|concluded|closed|ending|settled)\s+(?:with|by)\s+(?:the\s+)?$", re.IGNORECASE)
_DURATION = re.compile(r"\b(?:spanning|lasting|for a (?:period|term) of|valid for|for)\s+(?P<n>\d+|one|two|three|four|"
                       r"five|six|seven|eight|nine|ten|twenty|fifty)\s+years\b", re.IGNORECASE)
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "twenty": 20, "fifty": 50}
_NOT_SIGNED = re.compile(r"\b(?:not|n't|never|refused to|declined to|failed to)\s+(?:\w+\s+){0,2}?(?:sign|ratif|conclud)",
                         re.IGNORECASE)
# "A basic treaty initialled in April 2000 was never signed"; "blocking talks on a new agreement": an agreement that
# never came about, or that was only talked of.
_NEVER_SIGNED = re.compile(r"[^.;]{0,60}?\b(?:was|were)\s+never\s+(?:signed|concluded|agreed)\b", re.IGNORECASE)
_TALKED_OF = re.compile(r"\b(?:talks|negotiations|negotiating)\s+(?:on|over|for|towards?)\s+(?:(?:a|an)\s+)?(?:new\s+)?\Z",
                        re.IGNORECASE)
# "once a peace treaty was signed", "until a treaty is concluded": a treaty waited for, not signed.
_AWAITED = re.compile(r"\b(?:once|if|unless|until|till)\s+(?:an?|the)\s+[^,.;]{0,40}?\b(?:was|is|were|are|would be|be|"
                      r"has been|had been)\s+(?:signed|concluded|ratified)\b", re.IGNORECASE)
# "…until 1925, when the Basic Convention established relations": the time the "when" clause hangs on.
_WHEN_BEFORE = re.compile(r",?\s+when\s+(?:the\s+)?[^,;.]*\Z", re.IGNORECASE)
# "the treaty establishing the Eurasian Economic Union": a definite treaty that says which is a new one.
_SAYS_WHICH = re.compile(r"\s+(?:(?:re-?)?establishing|creating|founding|setting up|restoring|reviving|replacing|that|which|on|"
                         r"of|between)\b", re.IGNORECASE)
_OF_YEAR = re.compile(r"\s+of\s+\d{4}\Z")
# What may stand between a treaty's name and the date it was signed: "… of Amity and Commerce, signed on …".
_SIGNED_AFTER = re.compile(r"[^,;.]*?(?:\b(?:signed|concluded|agreed|ratified)\b[^,;.]*)?|,\s+(?:which\s+was\s+|"
                           r"that\s+was\s+)?(?:signed|concluded|ratified)\b(?:[^,;.]|,(?=\s+(?-i:[A-Z]))|\.(?=(?-i:[A-Z])\.))*(?:\.\s+)?")
_ACTED_ON = re.compile(r"\b(?:suspend|terminat|renounc|cancel|abrogat|annul|violat|breach|denounc|tore up|"
                       r"withdr[ae]w from|pulled out of|scrapp|revok|end(?=ed|ing|s\b))\w*\s+\Z", re.IGNORECASE)
# A third country in a treaty's name makes it a party only as an adjective or in a compound ("Anglo-Egyptian
# Treaty", "United States–Mexico–Canada Agreement"); a plain name is where it was signed ("Luxembourg Agreement").
_ALLIANCE = re.compile(r"\b(?:Dual|Triple|Quadruple|Holy|Auld|Grand)\s+Alliance\Z")
_AGAINST = re.compile(r"\bagainst\s+(?:the\s+)?\Z", re.IGNORECASE)
_IN_A_CITY = re.compile(r"\s+(?:in|at)\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)\Z")
_IN_A_MONTH = re.compile(rf"\s+(?:in|on)\s+(?:{_MONTH_NAMES})\Z")
_WITH_A_THIRD = re.compile(r"\s+with\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
_BOUND_TO_A_THIRD = re.compile(r"\b(?:to|with)\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s+by\s+"
                               r"(?:(?:an?|the)\s+(?:[\w-]+\s+){0,3})?\Z")
_COMPOUND = re.compile(r"\w[–-]\w")
_ONE_OF = re.compile(r"\bone of\s+\Z", re.IGNORECASE)
_SIGNED_BEFORE = re.compile(r"\b(?:signed|concluded|ratified)\s+\Z", re.IGNORECASE)
_EXPIRED = re.compile(r"\bexpir(?:ed|es|ing)\b", re.IGNORECASE)
_THIRD_PARTY = re.compile(r"\bwith\s+(?:countries|nations|states)\b|\bsuch as\b", re.IGNORECASE)
_GENERIC_PLURAL = re.compile(r"^(?:several|many|various|numerous|some|other|multiple|the|these|its|their|"
                             r"[\w-]+ian|[\w-]+ese|franco-german)?\s*$", re.IGNORECASE)


def _inside_parentheses(text: str, pos: int) -> bool:
    return text.count("(", 0, pos) > text.count(")", 0, pos)


def _event_for(events: list[Event], span: tuple[int, int]) -> Event | None:
    """The event whose evidence covers a source position."""
    hits = [e for e in events if e.span[0] <= span[0] < e.span[1] or e.span[0] < span[1] <= e.span[1]]
    return hits[0] if hits else None


def _year_near(text: str, pos: int, context: frozenset[str], end: int | None = None) -> str | None:
    """The date an agreement named at ``text[pos:end]`` gives itself: "of 1919" in its name, "signed
    in 1958" right after it, or the end of the war it "ended with"; None when the text around it
    gives none (the clause's event dates it then).
    """
    times = [t for t in find_times(text, context) if t.start and t.kind != "relative" and t.precision != "period"]
    if not times:
        return None
    end = pos if end is None else end
    inside = [t for t in times if pos <= t.span[0] and t.span[1] <= end]
    if inside:
        return inside[0].start
    after = [t for t in times if end <= t.span[0] <= end + 40
             and _SIGNED_AFTER.fullmatch(text, end, t.span[0])]
    if after:
        return after[0].start
    before = [t for t in times if t.span[1] <= pos]
    # "The war of 1768–1774 ended with the Treaty of Küçük Kaynarca": signed when the war ended.
    if before and before[-1].end and _ENDED_WITH.search(text[:pos]):
        return before[-1].end
    if before and _WHEN_BEFORE.fullmatch(text, before[-1].span[1], pos):
        return before[-1].start
    return None


def _same_name(a: str, b: str) -> bool:
    """One treaty named twice: "the Visiting Forces Agreement of 1998" and "the Visiting Forces Agreement"
    (but "the Japan–Korea Treaty of 1876" and "… of 1905" are two)."""
    if _OF_YEAR.search(a) and _OF_YEAR.search(b):
        return a.casefold() == b.casefold()
    return _OF_YEAR.sub("", a).casefold() == _OF_YEAR.sub("", b).casefold()


def _nearest(text: str, pos: int, context: frozenset[str]) -> str | None:
    times = [t for t in find_times(text, context) if t.start and t.kind != "relative" and t.precision != "period"]
    return min(times, key=lambda t: abs(t.span[0] - pos)).start if times else None


def extract(doc: Doc) -> tuple[Agreement, ...]:
    events: list[Event] = list(doc.found.get("events", ()))
    out: list[Agreement] = []
    for s in doc.sentences:
        text = s.text
        if not _NOUNS.any(text):
            continue  # no word that starts an agreement's noun: none of the three patterns below can match
        mentions: list[tuple[int, int, str | None, str | None]] = []  # start, end, name, subject
        for m in _NAMED.finditer(text):
            name = m.group(0).strip()
            name = re.sub(r"^(?:The|A|An|In|On|After|Since|With)\s+", "", name)
            if _AGAINST.search(text, max(0, m.start() - 15), m.start()):
                continue  # "fought … against the Triple Alliance": a coalition fought, not a pact of the two
            if name.endswith("Alliance") and not _ALLIANCE.search(name):
                continue  # "the High North Alliance" is an association; "the Triple Alliance" a treaty
            if name.startswith("Union") and (lookup_country(name) is not None or find_countries(name)):
                continue  # "the Union of South Africa" is a state; "the Union of Lublin" a treaty
            if when := _IN_A_MONTH.search(name):
                name = name[:when.start()]  # "the Agreement on Maintaining Security in December 1995": when it was signed
            if (where := _IN_A_CITY.search(name)) and lookup_city(where.group(1)) is not None:
                name = name[:where.start()]  # "a Framework for General Co-operation in Cairo": where it was signed
            mentions.append((m.start(), m.end(), name, None))
        for m in _DESCRIBED.finditer(text):
            if any(m.start() < b and a < m.end() for a, b, _, _ in mentions):
                continue
            mods = (m.group("mods") or "").strip()
            noun_plural = re.search(r"(?:ies|ments|ols|ions|ords|cts|ers|da|és|es|als)\s*$", m.group(0).split()[-1]
                                    if not m.group("on") else text[m.start():m.end() - len(m.group("on"))])
            if noun_plural and _GENERIC_PLURAL.match(mods or "") and not (m.group("on") and _SIGNED_BEFORE.search(
                    text, max(0, m.start() - 30), m.start())):
                continue  # "Several treaties have been concluded"; but "signed agreements on trade, visas, …"
            if noun_plural and _ONE_OF.search(text, max(0, m.start() - 10), m.start()):
                continue  # "one of the most comprehensive free trade agreements in the world": a comparison
            if _ACTED_ON.search(text, max(0, m.start() - 30), m.start()):
                continue  # "Italy suspended the friendship treaty": one made before, not a new one
            mods = _ONLY_ORDER.sub("", mods)  # ("Further treaties in 1904 and 1907": no subject)
            subject = " ".join(x for x in (mods, (m.group("on") or "").strip()) if x) or None
            mentions.append((m.start(), m.end(), None, subject))
        named = any(name for _, _, name, _ in mentions)
        for m in _AGREED.finditer(text):
            # ("In the Maroua Declaration …, the heads of state agreed on …": the named one, reported)
            if not named and not any(a <= m.start() < b for a, b, _, _ in mentions):
                mentions.append((m.start(), m.end(), None, m.group("what").strip()))
        if not mentions or _THIRD_PARTY.search(text):
            continue
        parties = tuple(dict.fromkeys(x.iso3 for x in find_countries(text) if x.iso3 in doc.sides))
        third = [x for x in find_countries(text) if x.iso3 not in doc.sides and x.kind in ("name", "historical")]
        if re.search(r"\b(?:both sides|both countries|the two countries|the two sides|two countries|they)\b",
                     text, re.IGNORECASE) or len(parties) == 2:
            parties = doc.sides
        for start, end, name, subject in sorted(mentions):
            if _inside_parentheses(text, start) or _AWAITED.search(text, max(0, start - 60), end + 40) \
                    or _NEVER_SIGNED.match(text, end) or _TALKED_OF.search(text, max(0, start - 40), start):
                continue
            described = text[start:end]
            # "The new agreement, spanning 4 years, …" adds to the agreement before it.
            if name is None and out and re.match(r"(?:the|this)\s+(?:new\s+|same\s+)?(?:agreement|treaty|accord|deal|protocol|"
                                                 r"convention|pact|charter|declaration|memorandum|communiqu[ée])\b",
                                                 described, re.IGNORECASE) and not _AGREED.match(described) \
                    and not _SAYS_WHICH.match(text, end):
                if d := _DURATION.search(text):
                    n = d.group("n")
                    out[-1] = replace(out[-1], duration_years=float(_WORDS.get(n.casefold(), n) if not n.isdigit() else n))
                continue
            own = _year_near(text, start, doc.context, end)
            # "the customs treaty", once a customs treaty is known: that one, named again (unless dated otherwise).
            if name is None and subject and described[:4].casefold() == "the " and not _SAYS_WHICH.match(text, end) \
                    and not re.search(r"\d{4}", described) and any(
                        (a.subject or "").casefold() == subject.casefold() and own in (None, a.signed) for a in out):
                continue
            # "a customs treaty with Austria", "bound to Austria by a customs treaty": a third country's
            third_party = _WITH_A_THIRD.match(text, end) or _BOUND_TO_A_THIRD.search(text, max(0, start - 40), start)
            if name is None and third_party and parties != doc.sides \
                    and (c := find_countries(third_party.group(1))) \
                    and c[0].span[0] == 0 and c[0].iso3 not in doc.sides:
                continue
            if third and name and any(t.text in name and (t.kind != "name" or _COMPOUND.search(name)) for t in third) \
                    and not all(any(x.iso3 == side for x in find_countries(name)) for side in doc.sides):
                continue  # a treaty with a third country (but "the United States–Mexico–Canada Agreement")
            src = s.source_span(doc.article, start, end)
            event = _event_for(events, src)
            signed = own if own is not None else (event.start if event is not None else _nearest(text, start, doc.context))
            # "the 1995 security agreement", "the 1925 treaty": named by the year it was signed.
            if name is None and (year := re.search(r"\b(1[0-9]{3}|20[0-9]{2})\b", described)):
                signed = year.group(1)
                if any((a.signed or "")[:4] == signed for a in out):
                    continue  # the same agreement named again ("Indonesia cancelled the 1995 security agreement")
                subject = re.sub(r"\b(?:1[0-9]{3}|20[0-9]{2})\b\s*", "", subject or "").strip() or None
            if event is not None and "negation" in event.aux and _NOT_SIGNED.search(event.evidence):
                signed = None  # "the Soviet Union did not sign the Tangier Protocol" (not "… that never came into force")
            clause_end = len(text)
            for stop in re.finditer(r",\s+(?:after|while|and|but)\b|;", text[end:]):
                clause_end = end + stop.start()
                break
            clause_start = 0
            for stop in re.finditer(r"(?:,\s+(?:after|while|and|but)\b|;)", text[:start]):
                clause_start = stop.end()
            evidence, span = doc.span_of(s, clause_start, clause_end)
            duration = None
            if d := _DURATION.search(text[clause_start:clause_end]):
                n = d.group("n")
                duration = float(n) if n.isdigit() else float(_WORDS[n.casefold()])
            expires = None
            if _EXPIRED.search(text[end:clause_end]):
                expires = _year_near(text[end:], 0, doc.context)
            twin = next((i for i, a in enumerate(out) if name and a.name and _same_name(a.name, name)), None)
            if twin is not None:
                # The same treaty named again: one agreement, with what either mention says.
                a = out[twin]
                out[twin] = replace(a, signed=a.signed or signed, expires=a.expires or expires,
                                    duration_years=a.duration_years or duration,
                                    parties=a.parties if len(a.parties) >= len(parties) else parties)
                continue
            # "signed water agreements in 1961 and 1962", "… were signed in January 1974 and September 1975":
            # one agreement a date; "the SALT I and Anti-Ballistic Missile treaties": one a name; as many names as
            # dates, one each in turn.
            years = [signed]
            subjects = [subject]
            if name is None and _PLURAL_END.search(described):
                if listed := _YEARS_AFTER.match(text, end):
                    years = [t.start for t in find_times(listed.group(1), doc.context) if t.start] or years
                if subject and _NAMES_LISTED.fullmatch(subject) and not any(
                        lookup_city(part) for part in _LIST_GAP.split(subject)):
                    subjects = _LIST_GAP.split(subject)  # (but "the Zurich and London agreements" are one settlement)
            if len(years) > 1 and len(subjects) > 1:
                pairs = list(zip(years, subjects, strict=False)) if len(years) == len(subjects) else [
                    (signed, subject)]
            else:
                pairs = [(y, subj) for y in years for subj in subjects]
            for signed, subject in pairs:
                out.append(Agreement(evidence=evidence, span=span, name=name, subject=subject, signed=signed,
                                     expires=expires, duration_years=duration, parties=parties))
    return tuple(out)


_ONLY_ORDER = re.compile(r"^(?:further|other|later|earlier|subsequent|additional)\s*", re.IGNORECASE)
_PLURAL_END = re.compile(r"(?:agreements|treaties|accords|protocols|pacts|conventions)\Z", re.IGNORECASE)
_MONTH = rf"(?:(?:\d{{1,2}}\s+)?(?:{_MONTH_NAMES})\s+)?"
_YEARS_AFTER = re.compile(rf"\s+(?:were\s+|have\s+been\s+)?(?:signed\s+)?(?:in|on|of)\s+({_MONTH}\d{{4}}"
                          rf"(?:(?:,\s*|,?\s+and\s+)(?:in\s+|on\s+)?{_MONTH}\d{{4}})+)\b")
# "SALT I and Anti-Ballistic Missile", "Decoud–Quijarro, Aceval–Tamayo and Benítez–Ichazo": names, each capitalised.
_NAME = rf"{_UP}[\w’'–-]*(?:\s+{_UP}[\w’'–-]*)*"
_NAMES_LISTED = re.compile(rf"{_NAME}(?:,\s+{_NAME})*,?\s+and\s+{_NAME}")
_LIST_GAP = re.compile(r",?\s+and\s+|,\s+")
