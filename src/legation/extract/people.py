"""People acting in the relations (contract § People): name, side, role.

A person is a run of capitalized name words that the text marks as a person:
a title before it ("King Hassan II", "Algerian President Abdelmadjid
Tebboune", "Empress Catherine II"), an appositive after it ("Maxim Litvinov,
the Soviet ambassador"), an infobox envoy line, or a person's verb after it
("Anthony Kaldellis views"). The side a person acted for comes from, in order:
the title's country ("King … of Morocco", "Algerian President"), "represent-
ative of X", "ambassador to X" (the other side), "X under NAME", a title only
one side had (Sultan, Empress, Tsar …), "NAME visited X" (the other side),
"relations with X" (the other side), and last the nearest side named in the
sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import NamedTuple

from legation.extract import Doc
from legation.extract.dating import year
from legation.extract.time import find_times
from legation.extract.triggers import SENTENCES
from legation.facts import Person
from legation.leaders import country_of, find_leaders, leaders, titles_of
from legation.places import city as lookup_city
from legation.places import country as lookup_country
from legation.places import find_countries

_TITLES = (
    r"King|Queen|Sultan|Sultana|Emperor|Empress|Tsar|Czar|Tsarina|Tsarevich|Kaiser|Shah|Emir|Amir|Sheikh|Imam|Prince|"
    r"Princess|Crown Prince|Prince Regent|Regent|Pope|Patriarch|Archbishop|Cardinal|President|Vice President|Vice-President|Prime Minister|"
    r"Premier|Chancellor|Foreign Minister|Minister|Secretary of State|Secretary|General|Marshal|Admiral|Colonel|"
    r"Commodore|Captain|Major|Lieutenant|Field Marshal|Khedive|Abuna|Negus|Shogun|Caliph|Khan|Raja|Maharaja|"
    r"High Commissioner|high commissioner|Ambassador|ambassador|Envoy|envoy|Consul|consul|Governor|Viceroy|Duke|Count|Lord|Sir|Dr\.|Mr\.|Mrs\.|"
    r"Chairman|Leader|leader|conquistador|writer|explorer|diplomat|general|president|king|prime minister|"
    r"minister|foreign minister|chancellor|emperor|sultan|premier|dictator|revolutionary|communist|settler|"
    r"vice-president|vice president|adviser|advisor|Adviser|Advisor"
)
# Capitals of the Latin alphabets of Europe ("Żeligowski", "Łukasz", "Šešelj", "Čapek", "Ørsted").
_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_NAME_WORD = rf"(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Za-zà-ÿ'’]+)*|[A-Z]\.|[A-Z][a-z]*[A-Z][a-z]+|[{_UP}][\wà-ÿ'’]*)"
_PARTICLE = r"(?:de|del|da|di|do|dos|du|la|le|van|von|der|den|ul|al|el|bin|ben|ibn|bint|y|e)"
_NUMERAL = r"(?:[IVX]{1,4})"
# "al-Araji", "el-Sisi", "bin-Salman": a particle joined to a name word, inside a name
_JOINED = r"(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|bin|ibn|abu|abd)-[A-Z][\wà-ÿ'’]*"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?(?:{_NAME_WORD}|{_JOINED})){{0,3}}(?:\s+{_NUMERAL})?\b"
_TITLED = re.compile(rf"\b(?P<title>{_TITLES})\s+(?P<name>{_NAME})")
# Some patterns end with words most sentences lack; that end, searched alone, rules them out cheaply
# (see _GATES below).
_APPOSITIVE_END = (r",\s+(?:the\s+|a\s+|then\s+)?(?P<adj>[A-Z][\w-]+\s+)?(?P<title>ambassador|envoy|president|"
                   r"prime minister|king|minister|foreign minister|leader|general|premier|consul|diplomat|chancellor|heir|"
                   r"crown prince)\b")
_APPOSITIVE = re.compile(rf"(?P<name>{_NAME}){_APPOSITIVE_END}")
# "The current President, Vladimir Putin, paid a visit"
_TITLE_APPOSITIVE = re.compile(rf"\b(?P<title>{_TITLES}),\s+(?P<name>{_NAME}),")
_AS_TITLE_END = (r"as\s+(?:the\s+)?(?:(?:first|last|new)\s+)?(?P<adj>[A-Z][\w-]+\s+)?(?P<title>Prime Minister|"
                 r"President|King|ambassador|Ambassador|Minister|minister|Chancellor|leader)\b")
_AS_TITLE = re.compile(rf"\b(?P<name>{_NAME})\s+{_AS_TITLE_END}")
_AGENT_VERBS = (r"(?:views|argued|wrote|said|stated|visited|met|led|underlined|declared|announced|signed|became|"
                r"participated|the first settler|coming to power|came to power|took power|ruled|resigned|"
                r"travell?ed|demanded|renounced|imposed|knelt|agreed|proposed|refused|rejected|accused|"
                r"condemned|ordered|invaded|launched|attended|hosted|received|issued|called|praised|won|lost|"
                r"expelled|recalled|apologi[sz]ed|sent|told|warned|threatened|returned|arrived|landed|"
                r"commanded|founded|negotiated|exchanged|established|opened|closed|withdrew|destroyed|sailed|swore|"
                r"presented|reached|crossed|captured|conquered|annexed|occupied|besieged|defeated|mediated|ceded|"
                r"surrendered|abdicated|seized|proclaimed|appointed|deposed|fled|married)")
_AGENT = re.compile(
    rf"(?P<name>{_NAME_WORD}\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{0,2}}),?\s+"
    rf"{_AGENT_VERBS}\b"
)
# "Presidents Jomo Kenyatta and Julius Nyerere", "Prime Ministers Nehru and Liaquat Ali Khan",
# "Ronald Reagan and Mikhail Gorbachev signed": each name of a coordination.
_PLURAL_TITLES = (r"Presidents|Prime Ministers|Foreign Ministers|Kings|Emperors|Chancellors|Premiers|Leaders|"
                  r"leaders|presidents|prime ministers|foreign ministers|security chiefs|defence ministers|"
                  r"defense ministers|interior ministers|trade ministers|envoys|special envoys|negotiators|"
                  r"army chiefs|chiefs of staff|kings|emperors")
_COORDINATED_END = (rf"and\s+(?:(?:[A-Z][a-z]+\s+)?(?:[a-z]+\s+){{0,3}}?(?:{_TITLES})\s+)?(?P<second>{_NAME})"
                    rf"(?=,?\s+(?:together with\b[^,]*,\s+)?{_AGENT_VERBS}\b|\s+signed\b)")
_COORDINATED = re.compile(
    rf"(?:\b(?P<title>{_PLURAL_TITLES})\s+)?(?P<first>{_NAME})(?:,\s+(?P<middle>{_NAME}))?,?\s+{_COORDINATED_END}"
)
_PLURAL_TITLED = re.compile(rf"\b(?P<title>{_PLURAL_TITLES})\s+(?P<first>{_NAME})(?:,\s+(?P<middle>{_NAME}))?,?"
                            rf"\s+and\s+(?P<second>{_NAME})")
# "signed … by Vice President Julio Argentino Roca Jr. and Walter Runciman": the second name has no title.
_TITLED_AND = re.compile(rf"\b(?P<title>{_TITLES})\s+(?P<first>{_NAME})\.?,?\s+and\s+(?P<second>{_NAME_WORD}\s+"
                         rf"(?:{_PARTICLE}\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD})?)\b")
_ROLE_NOUN = re.compile(rf"\b(?:its|his|their|the)\s+(?:pilot|commander|captain|leader|ruler|founder|envoy|navigator|"
                        rf"conquistador|explorer|king|queen|emperor|emir|sultan|shah|khan|chief|governor|president|"
                        rf"minister)\s+(?P<name>{_NAME})")
_GOVERNMENT_OF = re.compile(
    rf"\b(?:governments?|administrations?|regimes?|cabinets?|reign|rule|presidency|premiership) of "
    rf"(?P<name>{_NAME_WORD}\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD})?)"
    rf"(?:\s+and\s+(?P<name2>{_NAME_WORD}\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD})?))?"
)
_SUBJECT_OF = re.compile(rf"\b(?:under|according to|by)\s+(?P<name>{_NAME_WORD}\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}"
                         rf"(?:\s+{_NAME_WORD})?)\b")
_POSSESSIVE = re.compile(rf"\b(?P<name>(?:{_NAME_WORD}\s+){{0,2}}[A-Z][a-zà-ÿ]+)(?:'s|’s|')\s+(?:\([^)]*\)\s+)?"
                         r"(?:successor|predecessor|return|regime|government|mismanagement|rule|administration|"
                         r"campaign|death|visit|policy|policies|reign|presidency|tenure|forces)\b")
_REGIME = re.compile(r"\bthe\s+(?P<name>[A-Z][a-zà-ÿ]+)\s+(?:regime|government|administration|era|dictatorship)\b")

# How each pattern is searched. Those that open a word are indexed by its first letters (see
# legation.extract.triggers) and tried only where such a word starts; _AGENT only before a verb (see
# _agents); the others only when their gate finds what every match of theirs holds: a verb of
# _AGENT_VERBS after a space (as a word, found by the index), or their end, searched alone.
_VERB = re.compile(rf"\b{_AGENT_VERBS}\b")
_INDEXED = ("_TITLED", "_TITLE_APPOSITIVE", "_PLURAL_TITLED", "_SUBJECT_OF", "_REGIME", "_GOVERNMENT_OF", "_ROLE_NOUN",
            "_VERB", "_TITLED_AND")
_LEXICON = SENTENCES.lexicon([globals()[name] for name in _INDEXED])
_N_VERB = _INDEXED.index("_VERB")
Hits = dict[int, list[int] | None]


def _has_verb(text: str, hits: Hits) -> bool:
    return _N_VERB in hits and _LEXICON.search(_N_VERB, text, hits[_N_VERB]) is not None


_COORDINATED_GATE = re.compile(_COORDINATED_END).search
_GATES: dict[str, Callable[[str, Hits], object]] = {
    "_APPOSITIVE": lambda text, hits, search=re.compile(_APPOSITIVE_END).search: search(text),
    "_AS_TITLE": lambda text, hits, search=re.compile(_AS_TITLE_END).search: search(text),
    "_COORDINATED": lambda text, hits: _has_verb(text, hits) and _COORDINATED_GATE(text),
    "_POSSESSIVE": lambda text, hits: "'" in text or "’" in text,
}


_CAPITAL = re.compile(r"[A-ZÀ-Þ]")  # where a name word can start
_RUN = re.compile(r"\S+")


def _agents(text: str, hits: Hits) -> Iterable[re.Match]:
    """``_AGENT.finditer(text)``, tried only where a match can start.

    A match ends with a verb (after a space, so where a word starts) and its name is at most five
    pieces (name words, a particle), each in one of the runs of non-space characters before the verb:
    it starts with a capital within the five runs before one of the verbs.
    """
    if _N_VERB not in hits:
        return
    where = hits[_N_VERB]
    verbs = [at for at in (range(len(text)) if where is None else where) if _VERB.match(text, at)]
    if not verbs:
        return
    runs = [m.start() for m in _RUN.finditer(text)]
    capitals = [m.start() for m in _CAPITAL.finditer(text)]
    starts: set[int] = set()
    for verb in verbs:
        first = runs[max(0, bisect.bisect_left(runs, verb) - 5)]
        starts.update(capitals[bisect.bisect_left(capitals, first):bisect.bisect_left(capitals, verb)])
    end = 0
    for at in sorted(starts):
        if at >= end and (m := _AGENT.match(text, at)) is not None:
            yield m
            end = m.end()


_FINDERS: dict[str, Callable[[str, Hits], Iterable[re.Match]]] = {"_AGENT": _agents}


class _Search(NamedTuple):
    """How one pattern is searched: by the index, by a finder of its own, or after its gate."""

    pattern: re.Pattern
    indexed: int | None
    finder: Callable[[str, Hits], Iterable[re.Match]] | None
    gate: Callable[[str, Hits], object] | None

    def finditer(self, text: str, hits: Hits) -> Iterable[re.Match]:
        if self.indexed is not None:
            return _LEXICON.finditer(self.indexed, text, hits[self.indexed]) if self.indexed in hits else ()
        if self.finder is not None:
            return self.finder(text, hits)
        if self.gate is not None and not self.gate(text, hits):
            return ()
        return self.pattern.finditer(text)


def _searches(*names: str) -> tuple[_Search, ...]:
    # (Looked up by name: hashing a compiled pattern hashes its whole code.)
    return tuple(_Search(globals()[name], _INDEXED.index(name) if name in _INDEXED else None, _FINDERS.get(name),
                         _GATES.get(name)) for name in names)


# Words that make a capitalized run a thing, not a person.
_NOT_PERSON = re.compile(
    r"\b(?:Empire|Kingdom|Republic|Union|Party|War|Wars|Sea|Ocean|River|Mountains?|Islands?|Front|Revolution|Crisis|"
    r"Ministry|Committee|Secretariat|Forum|Council|Conference|Agreement|Treaty|Protocol|Convention|Accords?|Army|"
    r"Navy|Force|Forces|Organization|Organisation|Association|Alliance|Community|Communities|Coalition|Assembly|"
    r"Parliament|Congress|Court|Bank|Fund|Company|University|Institute|Port|Province|Region|State|States|Line|Plan|"
    r"Doctrine|Mandate|Territory|Confederation|Period|Ages|Age|Dynasty|dynasty|Nations|Area|Sector|Strait|Gulf|Bay|"
    r"Desert|Valley|City|Palace|Square|Street|Airport|Station|Peninsula|Basin|Highlands|Coast|Intergovernmental|"
    r"Genocide|Reformation|Resolution|Cooperation|Co-operation|Friendship|Spring|Pact|Affairs|Office|Embassy|"
    r"Consulate|Department|Government|Administration|Federation|Commonwealth|Dependencies|Communist|Socialist|"
    r"Democratic|People's|Peoples|Economic|Security|Movement|Study|Report|Vaccine|Sputnik|Mission|Locator|"
    r"Ambassador|Relations|Map|Filetype|Islamic|Catholic|Orthodox|Church|Christian|Viceroyalty|Laws|Indies|"
    r"National|International|Special|Cold|World|Middle|Post|Early|Late|Modern|Ancient|Medieval|History|Historical|"
    r"Antiquity|Economy|Whaling|Spanish|Crown|Northern|Southern|Eastern|Western|North|South|East|West|Central|"
    r"Saint|Holy|Great|New|Old|Upper|Lower|Grand|Royal|Imperial|Federal|Supreme|Free|United|Bolshevik|Bolsheviks|"
    r"Nationalist|Republican|Conservative|Labour|Liberal|Fascist|Nazi|Provisional|Transitional|Tsarist|Soviet|"
    r"Colonial|Revolutionary|Brotherhood|League|Legion|Guard|Police|Navy|Airlines|Steel|Motors|Group|Games|"
    r"Olympics|Cup|Summit|Crisis|Airlift|Pipeline|Canal|Strait|Straits|Peninsula|Sultanate|Caliphate|Khanate|"
    r"Emirate|Principality|Duchy|Shogunate|Horde|Confederacy)\b"
)
# Organisations that relations articles name as actors, with names shaped like people's ("Al Jazeera").
_ORGANISATIONS = frozenset({
    "al jazeera", "al-jazeera", "al arabiya", "al-arabiya", "al qaeda", "al-qaeda", "al-qaida", "al shabaab",
    "al-shabaab", "hezbollah", "hizbollah", "hamas", "taliban", "boko haram", "islamic state", "isis", "isil",
    "daesh", "wagner group", "gazprom", "rosneft", "lukoil", "huawei", "aramco", "saudi aramco", "petrobras",
    "pemex", "sinopec", "reuters", "xinhua", "tass", "ria novosti",
})
_STOP_FIRST = frozenset({
    "The", "A", "An", "In", "On", "At", "After", "Before", "During", "Since", "Both", "This", "These", "That", "Those",
    "Its", "Their", "His", "Her", "Although", "However", "Then", "When", "While", "As", "By", "From", "To", "For",
    "With", "Under", "Upon", "Following", "Towards", "Despite", "Additionally", "Initially", "Instead", "Consequently",
    "Several", "Most", "Many", "Some", "Relations", "Diplomatic", "Bilateral", "Formal", "General", "Political",
})
# Titles only some states had: a Sultan acted for the side that had sultans.
_TITLE_STATES = {
    "sultan": {"MAR", "TUR", "OMN", "BRN", "MYS", "EGY", "IDN", "ZAF"},
    "sultana": {"MAR", "TUR", "OMN", "BRN"},
    "tsar": {"RUS", "BGR", "SRB"}, "czar": {"RUS"}, "tsarina": {"RUS"},
    "empress": {"RUS", "AUT", "CHN", "JPN", "DEU", "FRA", "IND", "GBR", "BRA", "MEX", "ETH", "IRN"},
    "emperor": {"RUS", "AUT", "CHN", "JPN", "DEU", "FRA", "ETH", "BRA", "MEX", "IRN", "VNM", "KOR", "CAF"},
    "kaiser": {"DEU", "AUT"}, "shah": {"IRN", "AFG"}, "emir": {"QAT", "KWT", "ARE", "AFG"},
    "pope": {"VAT"}, "viceroy": {"ESP", "GBR", "PRT", "IND", "MEX", "PER"},
    "conquistador": {"ESP", "PRT"},
}
# Offices whose holders meet their counterparts: a head of state or government, a foreign minister, an envoy.
_OFFICE = {"president": "head", "prime minister": "head", "premier": "head", "chancellor": "head", "king": "head",
           "queen": "head", "emperor": "head", "empress": "head", "sultan": "head", "shah": "head", "tsar": "head",
           "foreign minister": "foreign", "foreign secretary": "foreign", "secretary of state": "foreign",
           "secretary": "foreign", "ambassador": "envoy", "envoy": "envoy"}
_SINGULAR_S = {"sir", "mrs.", "count", "marquis"}  # titles that end in "s" in the singular
_ROLE_CASE = {t.casefold(): t for t in ("King", "Queen", "Sultan", "Emperor", "Empress", "Tsar", "President",
                                        "Prime Minister", "Ambassador", "Minister", "Foreign Minister", "Chancellor")}


_LEADING_TITLE = re.compile(rf"^(?:{_PLURAL_TITLES}|{_TITLES})\s+")
_POSSESSIVE_END = re.compile(r"(?:'s|’s|')$")
_SPACES = re.compile(r"\s+")
_JOINED_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|at|az|an|ash|ibn|bin|ben|abu)-")
_THE_BEFORE = re.compile(r"(?<![A-Za-z])the\s+\Z")
_LEADING_MONTH = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
                            r"December)\s+(?=[A-Z])")


def _known_as_written(raw: str) -> bool:
    """Whether a leader is known by this very name, title word and all ("Sheikh Mujibur Rahman")."""
    key = _SPACES.sub(" ", raw.strip()).casefold()
    return any(leader.name.casefold() == key for leader in leaders(raw))


def _clean(name: str) -> str:
    name = _LEADING_MONTH.sub("", _POSSESSIVE_END.sub("", name.strip()))  # ("that December Shinzo Abe visited")
    if not _known_as_written(name):
        name = _LEADING_TITLE.sub("", name)
    return _SPACES.sub(" ", name)


def _plausible(name: str, strong: bool = False) -> bool:
    """Whether a capitalized run can be a person's name; ``strong`` when the context says it is one."""
    words = name.split()
    if not words or words[0] in _STOP_FIRST or name.casefold() in _ORGANISATIONS \
            or (_NOT_PERSON.search(name) and not leaders(name)):
        return False  # (but "Frederick the Great" is a person)
    if lookup_country(name) is not None or (find_countries(name) and not leaders(name)):
        return False  # (a leader's name may hold a country's word: "Reza Shah Pahlavi")
    return strong or lookup_city(name) is None


# How sure an attribution is: what the text says beats what we know, which beats a guess.
SAID, KNOWN, INFERRED, GUESSED = 3, 2, 1, 0


# What follows or precedes a person's name and says which country they acted for (see _country_for).
_OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w ]+)")
_TITLE_GAP = re.compile(r"(?:['’]s)?\s+(?:(?:[A-Z][\w.-]*|deputy|vice|foreign|prime|minister|national|security|"
                        r"adviser|advisor|secretary|defen[cs]e|interior|finance|trade|economy|chief|of|staff|general|"
                        r"commander|envoy|ambassador|president|vice-president|king|queen|premier|chancellor|head|state|high|commissioner|"
                        r"government|special|senior|former|then|first|affairs|crown|prince|consul),?\s+){1,6}")  # (", X": apposed)
_CAPITALISED_GAP = re.compile(r"\s*(?:[A-Z][\w-]*\s+){0,3}")
_REPRESENTATIVE_OF = re.compile(r"representative of (?:the\s+)?([A-Z][\w ]+)")
_AMBASSADOR_TO = re.compile(r"\bambassador to (?:both\s+)?(?:the\s+)?([^,.;]+)", re.IGNORECASE)
# ("Paraguayan troops under Major X": a military rank between)
_UNDER_BEFORE = re.compile(r"([A-Z][\w ]+?)\s+under\s+(?:(?:Field\s+|Lieutenant\s+|Major\s+|Brigadier\s+)?(?:Marshal|General|"
                           r"Colonel|Major|Captain|Commander|Admiral|Lieutenant)\s+)?$")
# "Portuguese prosecutors charged former vice-president X": the one charged is of the other side.
_ACTS_ON = ("charged", "arrested", "detained", "expelled", "indicted", "sentenced", "convicted", "extradited", "deported")
_ACTED_ON_BY = re.compile(rf"\b([A-Z][\w-]+)\s+(?:[a-z]+\s+){{0,2}}?(?:{'|'.join(_ACTS_ON)})\s+(?:[\w-]+\s+){{0,3}}$")
# "Horatio Nelson destroyed the Franco-Spanish fleet": one who beat a side's forces fought for the other side.
_BEAT_AFTER = re.compile(r",?\s+(?:of\s+[A-Z][\w-]*\s+)?(?:[a-z]+\s+)?(?:defeated|destroyed|routed|crushed|repelled|repulsed|sank)\s+(?:the\s+|an?\s+)?"
                         r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)")
# "His son Mahmud Hotaki invaded Persia": an invader of one side is of the other, unless known as a third's (asked after
# the table of leaders: "Toyotomi Hideyoshi invaded Korea" was Japan's).
_INVADED_AFTER = re.compile(r",?\s+(?:[a-z]+\s+)?(?:invaded|attacked|conquered|besieged|annexed)\s+(?:the\s+|an?\s+)?"
                            r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)")
# "Slovak autonomists led by X": the group's country is the leader's.
_LED_BY = re.compile(r"\b([A-Z][\w-]+)\s+(?:[a-z][\w-]*\s+){1,3}?(?:led|headed|commanded)\s+by\s+$")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?([A-Z][\w ]*?)\s+and\s+(?:the\s+)?$")
# Heads of state or government: which side has them says something ("Prime Minister X and President Y").
_HEAD_TITLES = frozenset({"president", "prime minister", "premier", "chancellor", "king", "queen", "emperor",
                          "empress", "sultan", "emir", "amir", "shah", "tsar", "czar", "kaiser", "crown prince",
                          "leader", "supreme leader"})
_OPPOSED = re.compile(r"\b(?:against|war on|attacks? on|invasion of|rebell?(?:ed|ion) against|resist(?:ed|ance to)|"
                      r"(?:seced(?:ed|ing)|broke away|"
                      r"independence|separated|secession)\s+from)\s+(?:the\s+)?\Z")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|from|near)\s+\Z")  # "met … in Naypyidaw": where, not who
_TOPIC = re.compile(r"\b(?:on|into|onto|over|about|concerning|regarding)\s+(?:the\s+)?\Z")
_HOSTED_IN = re.compile(r"(?:,[^,;.]*,)?\s+(?:[a-z]+\s+)?(?:hosted|welcomed|received)\b[^.;]{0,50}?\b(?:in|at)\s+"
                        r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")
# "The Bolivian army, commanded until late 1933 by the German general X": the army's side, whatever X's nationality.
_COMMANDED_BY = re.compile(r"\b([A-Z][\w-]+)\s+(?:army|armies|forces|troops|navy|air\s+force)\b[^.;]{0,40}?\b(?:commanded|"
                           r"led|headed)\b[^.;]{0,30}?\bby\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}\Z")
_RELATIONS_WITH = re.compile(r"\brelations with\s+(?:the\s+)?([A-Z][\w ]+)")
_TITLED_AFTER = re.compile(r",?\s+(?:the\s+|then\s+|as\s+)?([A-Z][\w-]+)\s+(?:ambassador|envoy|president|"
                           r"Prime Minister|prime minister|King|leader|minister|diplomat|representative|Ambassador|"
                           r"President)")
_VISITED = re.compile(r"[^.;]{0,40}?\b(?:visited|paid (?:a|an|their|his|her) (?:\w+ ){0,2}?visits? to|travelled to|traveled to|"
                      r"went to|sailed to|fled to|escaped to|went into exile in|presented (?:his|her) credentials (?:in|to))"
                      r"\s+(?:the\s+)?"
                      r"([A-Z][\w ]+)")
_RULED_AFTER = re.compile(r"\s*(?:'s|’s|')?\s*(?:regime|government|administration|mismanagement|successor|return)")
# "the Treaty of Friendship, Commerce and Navigation": the words after such a head are the thing's name.
_IN_A_NAME = re.compile(r"\b(?:Treaty|Treaties|Agreement|Convention|Pact|Accords?|Protocol|Act|Declaration|Charter|"
                        r"Ministry|Department|Bank|Company|Council|Commission|Committee|Order|Society)\s+(?:of|for|on)\s+"
                        r"(?:(?:the\s+)?[A-Z][\w'’-]*,?\s+(?:and\s+|&\s+)?)*\Z")
# "the Organisation of African Unity": an institution's name goes on after "of" (but a movement "of Mustafa Kemal"
# is its leader's).
_IN_AN_INSTITUTION = re.compile(r"\b(?:Organi[sz]ation|League|Federation|Association|University|Institute|Academy)\s+"
                                r"(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}\Z")
_NAMED_THING_AFTER = re.compile(r"\s+(?:study|report|line|plan|doctrine|effect|award|prize|city|airport|university|"
                                r"stadium|street|square|avenue|bridge|trail)\b", re.IGNORECASE)


# "King Philippe and Queen Mathilde": a monarch and the consort (the consort's titles: a cheap gate).
_CONSORT_TITLES = ("Queen", "Empress", "Tsarina", "Princess", "Duchess")
_CONSORTS = re.compile(rf"\b(?:King|Emperor|Tsar|Prince|Crown\s+Prince|Grand\s+Duke)\s+(?P<monarch>{_NAME})\s+and\s+"
                       rf"(?:Queen|Empress|Tsarina|Princess|Crown\s+Princess|Grand\s+Duchess)\s+(?P<consort>{_NAME})")


def _country_for(doc: Doc, text: str, start: int, end: int, title: str | None, name: str,
                 year: int | None) -> tuple[str | None, int]:
    """The side a person named at ``text[start:end]`` acted for, and how sure that is."""
    before, after = text[max(0, start - 60):start], text[end:end + 80]
    sides = doc.sides
    if " by " in before and (m := _COMMANDED_BY.search(text, max(0, start - 100), start)) \
            and (c := find_countries(m.group(1))) and c[0].iso3 in sides:
        return c[0].iso3, SAID
    # "King Hassan II of Morocco", "Algerian President X", "X, the Soviet ambassador", "X as Ethiopian Prime Minister"
    if m := _OF_COUNTRY.match(after):
        c = find_countries(m.group(1))
        if c and c[0].span[0] == 0 and c[0].iso3 in sides:
            return c[0].iso3, SAID
    if m := _TITLED_AFTER.match(after):
        c = find_countries(m.group(1))
        if c and c[0].iso3 in sides:
            return c[0].iso3, SAID
    near = [c for c in find_countries(before[-35:]) if c.iso3 in sides]
    if near and _CAPITALISED_GAP.fullmatch(before[-35:][near[-1].span[1]:]):
        return near[-1].iso3, SAID
    # "Argentine deputy foreign minister X", "Iraqi national security adviser X", "Turkish President X":
    # a country's word, then the title (a third country's too: the person acted for it).
    if title and (near := find_countries(before)) and _TITLE_GAP.fullmatch(before, near[-1].span[1]):
        return near[-1].iso3, SAID
    if m := _REPRESENTATIVE_OF.search(after):
        c = find_countries(m.group(1))
        if c and c[0].iso3 in sides:
            return c[0].iso3, SAID
    if m := _AMBASSADOR_TO.search(text[start:start + 160]):
        for c in find_countries(m.group(1)):
            if c.iso3 in sides:
                return doc.other(c.iso3), SAID
    if (m := _BEAT_AFTER.match(after)) and (c := find_countries(m.group(1))) and c[0].span[0] == 0:
        # ("destroyed a Franco-Spanish fleet": the side in the compound was beaten, whichever comes first)
        beaten = {x.iso3 for x in c if x.iso3 in sides and (x is c[0] or "-" in m.group(1)[:x.span[0]])}
        if len(beaten) == 1:
            return doc.other(beaten.pop()), SAID
    if m := _UNDER_BEFORE.search(before):  # ("Venezuela seceded from Gran Colombia in 1830 under X": not the one left)
        c = [x for x in find_countries(m.group(1)) if not _OPPOSED.search(m.group(1), max(0, x.span[0] - 40), x.span[0])
             and not (x.kind == "capital" and _PLACE_BEFORE.search(before[:m.start(1) + x.span[0]]))]
        if c and c[-1].iso3 in sides:
            return c[-1].iso3, SAID
    if " by " in before and (m := _LED_BY.search(before)) and (c := find_countries(m.group(1))) and c[0].iso3 in sides:
        return c[0].iso3, SAID
    if any(verb in before for verb in _ACTS_ON) and (m := _ACTED_ON_BY.search(before)) and (
            c := find_countries(m.group(1))) and c[0].iso3 in sides:
        return doc.other(c[0].iso3), SAID
    if m := _BETWEEN_BEFORE.search(before):
        c = find_countries(m.group(1))
        if c and c[-1].iso3 in sides:
            return doc.other(c[-1].iso3), SAID
    # What a careful reader knows: who led which country, which states had sultans or a president.
    if (known := country_of(name, sides, year)) is not None:
        return known, KNOWN
    if len(name.split()) > 1 and (known := country_of(name, None, year, in_office=True)) is not None:
        return known, KNOWN  # a leader of a third country ("Recep Tayyip Erdoğan" mediating)
    if title and (known := country_of(f"{title} {name}", sides, year)) is not None:
        return known, KNOWN  # "Empress Elizabeth": the empress of that name
    if (m := _INVADED_AFTER.match(after)) and (c := find_countries(m.group(1))) and c[0].span[0] == 0 \
            and c[0].iso3 in sides:
        return doc.other(c[0].iso3), SAID
    if title and (states := _TITLE_STATES.get(title.casefold())):
        hit = [s for s in sides if s in states]
        if len(hit) == 1:
            return hit[0], KNOWN
    if title and title.casefold() in _HEAD_TITLES:  # (the table lists ministers for few states: no sign)
        hit = [s for s in sides if title.casefold() in titles_of(s)]
        if len(hit) == 1:
            return hit[0], INFERRED
    if m := _HOSTED_IN.match(after):  # "X hosted indirect talks in Muscat": the host is of the place
        place = lookup_city(m.group(1))
        if place is not None and place.iso3 in sides:
            return place.iso3, INFERRED
    if m := _VISITED.match(after):
        c = find_countries(m.group(1))
        if c and c[0].iso3 in sides:
            return doc.other(c[0].iso3), INFERRED
        # "presented his credentials in Bonn": a city (a former capital too) says whose
        place = lookup_city(" ".join(m.group(1).split()[:2])) or lookup_city(m.group(1).split()[0])
        if place is not None and place.iso3 in sides:
            return doc.other(place.iso3), INFERRED
    if m := _RELATIONS_WITH.search(after):
        c = find_countries(m.group(1))
        if c and c[0].iso3 in sides:
            return doc.other(c[0].iso3), INFERRED
    mentions = [c for c in find_countries(text) if c.iso3 in sides]
    # A side named as the one fought ("an uprising against Russian rule") is the other side's; one named as
    # the topic ("a meeting on Myanmar") or a capital named as the place ("met … in Naypyidaw") is nobody's.
    # The nearest other mention is the guess.
    opposed = {c.iso3 for c in mentions if _OPPOSED.search(text, max(0, c.span[0] - 40), c.span[0])}
    # A side's word after such a preposition ("apologised on Angolan radio", "investigations into Angolan
    # officials") says where or what, not who: when it is the only side named, the person is a guest.
    after_prep = {c.iso3 for c in mentions if c.kind != "capital" and _TOPIC.search(text, max(0, c.span[0] - 25),
                                                                                   c.span[0])}
    acting = [c for c in mentions if c.iso3 not in opposed and not _TOPIC.search(text, max(0, c.span[0] - 25), c.span[0])
              and not (c.kind == "capital" and _PLACE_BEFORE.search(text, max(0, c.span[0] - 10), c.span[0]))]
    if acting:
        return min(acting, key=lambda c: min(abs(c.span[0] - end), abs(start - c.span[1]))).iso3, GUESSED
    if len(opposed) == 1:
        return doc.other(opposed.pop()), GUESSED
    places = {c.iso3 for c in mentions if c.kind == "capital" and _PLACE_BEFORE.search(text, max(0, c.span[0] - 10),
                                                                                      c.span[0])}
    if len(places) == 1 and len(mentions) == sum(1 for c in mentions if c.iso3 in places):
        return doc.other(places.pop()), GUESSED  # "foreign minister X attended the anniversary in Jakarta": a guest
    if len(after_prep) == 1 and {c.iso3 for c in mentions} == after_prep:
        return doc.other(after_prep.pop()), GUESSED  # "foreign minister X apologised on Angolan radio": a guest
    if mentions:
        return min(mentions, key=lambda c: min(abs(c.span[0] - end), abs(start - c.span[1]))).iso3, GUESSED
    return None, GUESSED


def _envoys(doc: Doc) -> list[Person]:
    out = []
    entries = {e.key.casefold(): e for e in doc.article.infobox}
    for key, entry in entries.items():
        m = re.fullmatch(r"envoy(\d*)", key)
        if not m or not entry.value:
            continue
        n = m.group(1) or "1"
        title_entry = entries.get(f"envoytitle{n}")
        title = title_entry.value if title_entry else None
        country = None
        if title:
            mentions = [c for c in find_countries(title) if c.iso3 in doc.sides]
            to = re.search(r"\bto\s+(?:the\s+)?(.+)$", title)
            if mentions and not (to and mentions[0].span[0] >= to.start(1)):
                country = mentions[0].iso3
            elif to and (c := find_countries(to.group(1))) and c[0].iso3 in doc.sides:
                country = doc.other(c[0].iso3)
        if country is None:
            mission = entries.get(f"mission{n}")
            senders = [c for c in find_countries(mission.value.split(",")[0]) if c.iso3 in doc.sides] if mission else []
            country = senders[0].iso3 if senders else doc.sides[min(int(n), 2) - 1]
        out.append(Person(evidence=doc.article.text[entry.span[0]:entry.span[1]], span=entry.span,
                          name=_clean(entry.value), country=country, role=title or "Ambassador"))
    return out


_TITLED_SEARCH = _searches("_TITLED")[0]
_APPOSITIVES = _searches("_APPOSITIVE", "_AS_TITLE", "_TITLE_APPOSITIVE")
_COORDINATIONS = _searches("_COORDINATED", "_PLURAL_TITLED")
_TITLED_AND_SEARCH = _searches("_TITLED_AND")[0]
_AGENTS = _searches("_AGENT", "_SUBJECT_OF", "_POSSESSIVE", "_REGIME", "_GOVERNMENT_OF", "_ROLE_NOUN")


def _leftmost_longest(candidate: tuple[int, int, str, str | None]) -> tuple[int, int]:
    return candidate[0], -candidate[1]


def extract(doc: Doc) -> tuple[Person, ...]:
    found: list[tuple[Person, int]] = [(p, SAID) for p in _envoys(doc)]
    for s in doc.sentences:
        text = s.text
        candidates: list[tuple[int, int, str, str | None]] = []
        hits = _LEXICON.hits(text)
        for m in _TITLED_SEARCH.finditer(text, hits):
            candidates.append((m.start("name"), m.end("name"), m.group("name"), m.group("title")))
        for search in _APPOSITIVES:
            for m in search.finditer(text, hits):
                candidates.append((m.start("name"), m.end("name"), m.group("name"), m.group("title")))
        pairs: list[tuple[int, int]] = []  # starts of names coordinated as joint actors ("A and B signed")
        for search in _COORDINATIONS:
            for m in search.finditer(text, hits):
                title = m.group("title")
                title = title[:-1] if title and title.endswith("s") else title
                for group in ("first", "middle", "second"):
                    if m.group(group):
                        candidates.append((m.start(group), m.end(group), m.group(group), title))
                pairs.append((m.start("first"), m.start("second")))
        for m in _TITLED_AND_SEARCH.finditer(text, hits):  # (the title is the first name's only)
            candidates.append((m.start("first"), m.end("first"), m.group("first"), m.group("title")))
            candidates.append((m.start("second"), m.end("second"), m.group("second"), None))
            pairs.append((m.start("first"), m.start("second")))
        for search in _AGENTS:
            for m in search.finditer(text, hits):
                for group in ("name", "name2"):
                    if group in search.pattern.groupindex and m.group(group):
                        candidates.append((m.start(group), m.end(group), m.group(group), None))
        for leader, (a, b) in find_leaders(text):
            if " " in text[a:b].strip() or text[a:b].strip() == leader.name:
                candidates.append((a, b, text[a:b], None))
        for n, (start, end, raw, title) in enumerate(candidates):
            if (m := _LEADING_TITLE.match(raw)) and not _known_as_written(raw):
                found_title = m.group(0).strip()
                if found_title.endswith("s") and found_title.casefold() not in _SINGULAR_S:
                    found_title = found_title[:-1]  # "Prime Ministers Sanna Marin and …"
                candidates[n] = (start + m.end(), end, raw[m.end():], title or found_title)
        years = [year(t.start) for t in find_times(text, doc.context) if t.start and t.kind != "relative"]
        first_year = years[0] if years else None
        taken: list[tuple[int, int]] = []
        here: dict[int, int] = {}  # name start → index in found
        office: dict[int, str | None] = {}  # index in found → the kind of office its title names
        for start, end, raw, title in sorted(candidates, key=_leftmost_longest):
            name = _clean(raw)
            strong = title is not None or bool(_RULED_AFTER.match(text, end, end + 20))
            strong = strong or bool(leaders(name))
            if any(a <= start < b or start <= a < end for a, b in taken) or not _plausible(name, strong):
                continue
            if not strong and _THE_BEFORE.search(text, max(0, start - 4), start):
                continue  # "the Komagata Maru arrived": a ship, a building, a thing, not someone
            if _NAMED_THING_AFTER.match(text[end:end + 10]) or (
                    title is None and (_IN_A_NAME.search(text, max(0, start - 100), start)
                                       or _IN_AN_INSTITUTION.search(text, max(0, start - 60), start))):
                continue
            taken.append((start, end))
            country, level = _country_for(doc, text, start, end, title, name, first_year)
            role = _ROLE_CASE.get(title.casefold()) if title else None
            ev, span = doc.span_of(s)
            here[start] = len(found)
            office[len(found)] = _OFFICE.get(title.casefold()) if title else None
            found.append((Person(evidence=ev, span=span, name=name, country=country, role=role), level))
        # "Prime Minister Paul Keating and President Suharto signed …": the two sides act together.
        for first, second in pairs:
            i, j = here.get(first), here.get(second)
            if i is None or j is None:
                continue
            (p, lp), (q, lq) = found[i], found[j]
            if lp >= KNOWN > lq and p.country in doc.sides:
                found[j] = (replace(q, country=doc.other(p.country)), INFERRED)
            elif lq >= KNOWN > lp and q.country in doc.sides:
                found[i] = (replace(p, country=doc.other(q.country)), INFERRED)
            elif p.country is None and q.country is None:
                # "the transport ministers X and Y signed …", neither's side told: one of each, in the title's
                # order (a guess: see docs/limitations.md)
                found[i], found[j] = (replace(p, country=doc.sides[0]), GUESSED), (replace(q, country=doc.sides[1]),
                                                                                    GUESSED)
        # "King Philippe and Queen Mathilde": a consort is of the monarch's side (a queen's title says no more).
        for m in _CONSORTS.finditer(text) if any(w in text for w in _CONSORT_TITLES) else ():
            i, j = here.get(m.start("monarch")), here.get(m.start("consort"))
            if i is not None and j is not None and found[i][1] >= KNOWN > found[j][1] and found[i][0].country:
                found[j] = (replace(found[j][0], country=found[i][0].country), INFERRED)
        # "Foreign Minister X informed British Foreign Secretary Y": counterparts, one of each side.
        if len(office) == 2:
            (i, a), (j, b) = office.items()
            (p, lp), (q, lq) = found[i], found[j]
            if a is not None and a == b:
                if lq >= SAID and lp == GUESSED and q.country in doc.sides:
                    found[i] = (replace(p, country=doc.other(q.country)), INFERRED)
                elif lp >= SAID and lq == GUESSED and p.country in doc.sides:
                    found[j] = (replace(q, country=doc.other(p.country)), INFERRED)
    return tuple(_dedupe(found))


def _dedupe(people: list[tuple[Person, int]]) -> list[Person]:
    """One person per name; a lone surname is the person with that surname named in full.

    The side is the surest one any mention gave ("what the text says" over "what we know").
    """
    out: list[Person] = []
    levels: list[int] = []
    for p, level in people:
        key = p.name.casefold()
        same = next((i for i, o in enumerate(out) if o.name.casefold() == key), None)
        if same is None and len(p.name.split()) == 1:
            same = next((i for i, o in enumerate(out) if o.name.split()[-1].casefold() == key
                         or (len(o.name.split()) > 1 and o.name.split()[0].casefold() == key)), None)
        if same is None:  # "De Gaulle" after "Charles de Gaulle"
            same = next((i for i, o in enumerate(out) if _is_tail(p.name, o.name)), None)
        if same is None:
            # A full name after its surname alone: keep the full name.
            lone = next((i for i, o in enumerate(out) if _is_tail(o.name, p.name)), None)
            if lone is not None:
                o = out[lone]
                better = level > levels[lone] or o.country is None
                out[lone] = replace(p, country=p.country if better else o.country, role=p.role or o.role)
                levels[lone] = max(level, levels[lone])
                continue
            out.append(p)
            levels.append(level)
            continue
        o = out[same]
        if p.country is not None and (o.country is None or level > levels[same]):
            out[same] = replace(o, country=p.country, role=o.role or p.role)
            levels[same] = level
    return out


def _is_tail(short: str, full: str) -> bool:
    """Whether ``short`` is the last words of ``full`` and fewer: a surname ("de Gaulle", "Gaulle", "Sisi" of
    "Abdel Fattah el-Sisi")."""
    a, b = short.casefold().split(), full.casefold().split()
    if len(a) == 1 and len(b) > 1 and _JOINED_PREFIX.sub("", b[-1]) == a[0]:
        return True
    return len(a) < len(b) and b[-len(a):] == a
