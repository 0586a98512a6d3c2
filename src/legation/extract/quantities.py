"""Find stated figures in one sentence: money, percentages, rates, distances, weights,
durations and counts of things or people.

Rules only (``re``), tuned for precision: a number is reported only when a currency,
a unit or a counted noun makes it a figure. Years, dates, ordinals, numbers inside
names ("Boeing 747", "Resolution 550", "G20"), "one of the first" and the
referential "the two countries" of a relations article are never figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from legation.extract.triggers import SENTENCES


@dataclass(frozen=True)
class QuantityMatch:
    text: str  # the words that state the figure, bound word included: "over 2 billion dollars"
    span: tuple[int, int]  # offsets of ``text`` in the input sentence
    value: float
    unit: str  # ISO 4217 code, percent, barrel/day, tonne, km, nautical_mile, day, month, year, person, count
    bound: str  # exact | approx | lower | upper
    noun: str | None  # for count/person: the counted noun, singular
    year: int | None  # the year the figure refers to, if the same clause states it


# ---------------------------------------------------------------- numbers
_ONES = re.findall(r"\w+", "one two three four five six seven eight nine")
_TEENS = re.findall(r"\w+", "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
_TENS = re.findall(r"\w+", "twenty thirty forty fifty sixty seventy eighty ninety")
_WORD_VALUE = {w: i + 1 for i, w in enumerate(_ONES)} | {w: i + 10 for i, w in enumerate(_TEENS)}
_WORD_VALUE |= {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_WORDNUM = rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_ONES)}))?|{'|'.join(_TEENS)}|{'|'.join(_ONES)})"
_WORDS = (rf"(?:(?:{_WORDNUM}|a)\s+(?:hundred|dozen)(?:\s+(?:and\s+)?{_WORDNUM})?|{_WORDNUM}"
          r"|a(?=\s+(?:thousand|million|billion|trillion)\b))")
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "lakhs": 1e5,
          "crore": 1e7, "crores": 1e7, "bn": 1e9, "mn": 1e6, "m": 1e6, "b": 1e9, "k": 1e3}

# ---------------------------------------------------------------- currencies
_ISO = re.findall(r"[A-Z]{3}", "USD EUR GBP JPY CNY RMB INR PKR RUB CHF CAD AUD NZD HKD SGD KRW TRY SAR AED MAD DZD TND EGP ZAR "
        "NGN BRL MXN ARS CLP COP SEK NOK DKK ISK PLN CZK HUF UAH BYN KZT IRR IQD ILS THB VND IDR MYR PHP "
        "BDT LKR NPR KWD QAR OMR XOF XAF ETB ERN KES TWD DOP UYU BTN AOA HTG PEN BOB CRC NIO AZN FJD MNT MVR TZS UGX "
        "ZMW ZWL MWK BWP NAD MZN RWF SDG SOS UZS TJS KGS MDL RON BGN RSD MKD ALL GEL AMD AFN LYD JOD BHD LBP SYP YER")
_SYMBOLS = {"$": "USD", "us$": "USD", "u.s.$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD",
            "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "r$": "BRL", "nt$": "TWD", "€": "EUR", "£": "GBP",
            "¥": "yen", "₹": "INR", "₽": "RUB", "₨": "rupee", "rs": "rupee", "rs.": "rupee", "rm": "MYR",
            "nu": "BTN", "nu.": "BTN", "rd$": "DOP", "fj$": "FJD", "₩": "KRW", "₫": "VND", "฿": "THB", "₱": "PHP", "₦": "NGN",
            "₺": "TRY", "₪": "ILS", "₴": "UAH", "₸": "KZT", "kz": "AOA", "ksh": "KES", "tsh": "TZS", "ush": "UGX"}
_CUR = (r"(?P<cur>(?<![A-Za-z])(?:U\.?S\.?\s?\$|(?:AU|CA|NZ|HK|NT|RD|FJ|A|C|S|R)\$|Rs\.?|(?-i:RM|Nu\.?|Kz|KSh|TSh|USh)(?=\s?\d))"
        r"|[$€£¥₹₽₨₩₫฿₱₦₺₪₴₸]"
        rf"|(?<![A-Za-z])(?:{'|'.join(_ISO)})(?=\s?\d))\s?")
_CUR_WORDS = {
    "dollar": "USD", "euro": "EUR", "ruble": "RUB", "rouble": "RUB", "pound": "GBP", "sterling": "GBP",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "dinar": "DZD", "dirham": "AED",
    "franc": "CHF", "lira": "TRY", "lire": "TRY", "kronor": "SEK", "kroner": "NOK", "krona": "SEK",
    "krone": "NOK", "won": "KRW", "riyal": "SAR", "rial": "IRR", "peso": "MXN", "rand": "ZAR",
    "naira": "NGN", "shilling": "KES", "birr": "ETB", "nakfa": "ERN", "hryvnia": "UAH", "zloty": "PLN", "złoty": "PLN", "złotych": "PLN",
    "reais": "BRL", "baht": "THB", "taka": "BDT", "tenge": "KZT", "shekel": "ILS", "ringgit": "MYR",
    "rupiah": "IDR", "deutschmark": "DEM", "deutschemark": "DEM", "guilder": "NLG", "riel": "KHR", "dong": "VND",
    "kip": "LAK", "kyat": "MMK", "lek": "ALL", "dram": "AMD", "lari": "GEL", "forint": "HUF", "koruna": "CZK",
    "lev": "BGN", "drachma": "GRD", "drachmae": "GRD", "peseta": "ESP", "escudo": "PTE", "schilling": "ATS",
    "quetzal": "GTQ", "quetzales": "GTQ", "bolívar": "VES", "bolivar": "VES", "cedi": "GHS", "kwacha": "ZMW",
    "afghani": "AFN", "tugrik": "MNT", "somoni": "TJS", "leva": "BGN", "sol": "PEN", "soles": "PEN",
    "boliviano": "BOB", "rufiyaa": "MVR", "colón": "CRC", "colon": "CRC", "colones": "CRC", "córdoba": "NIO", "cordoba": "NIO",
    "mark": None,  # (whose, the sentence says: see _CONTEXT)
    "manat": "AZN",  # (or Turkmenistan's, when the sentence or the sides say so: see _CONTEXT, _SHARED_WORD)
}
_ADJ_CODE = {
    "us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
    "new zealand": "NZD", "hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD", "new taiwan": "TWD",
    "pakistani": "PKR", "indian": "INR", "sri lankan": "LKR", "nepalese": "NPR", "nepali": "NPR",
    "algerian": "DZD", "tunisian": "TND", "kuwaiti": "KWD", "iraqi": "IQD", "jordanian": "JOD",
    "libyan": "LYD", "serbian": "RSD", "bahraini": "BHD", "moroccan": "MAD", "emirati": "AED", "uae": "AED",
    "swiss": "CHF", "cfa": "XOF", "french": "FRF", "turkish": "TRY", "swedish": "SEK", "norwegian": "NOK",
    "danish": "DKK", "icelandic": "ISK", "saudi": "SAR", "qatari": "QAR", "iranian": "IRR", "omani": "OMR",
    "mexican": "MXN", "argentine": "ARS", "argentinian": "ARS", "chilean": "CLP", "colombian": "COP",
    "philippine": "PHP", "cuban": "CUP", "dominican": "DOP", "uruguayan": "UYU", "bolivian": "BOB",
    "malaysian": "MYR", "bhutanese": "BTN", "thai": "THB", "indonesian": "IDR", "vietnamese": "VND",
    "south korean": "KRW", "korean": "KRW", "angolan": "AOA", "haitian": "HTG", "egyptian": "EGP", "lebanese": "LBP", "belarusian": "BYN",
    "russian": "RUB", "soviet": "SUR", "chinese": "CNY", "japanese": "JPY", "british": "GBP",
    "south african": "ZAR", "brazilian": "BRL", "kenyan": "KES", "ugandan": "UGX", "tanzanian": "TZS",
    "ethiopian": "ETB", "eritrean": "ERN", "gambian": "GMD", "jamaican": "JMD", "fijian": "FJD", "fiji": "FJD",
    "peruvian": "PEN", "costa rican": "CRC", "nicaraguan": "NIO", "azerbaijani": "AZN", "mongolian": "MNT",
}
# a currency word with no adjective takes its country from the sentence, when only one is named
_CONTEXT = {
    "rupee": {"pakistan": "PKR", "sri lanka": "LKR", "nepal": "NPR", "india": "INR"},
    "dinar": {"algeria": "DZD", "tunisia": "TND", "kuwait": "KWD", "iraq": "IQD", "jordan": "JOD",
              "libya": "LYD", "serbia": "RSD", "bahrain": "BHD"},
    "dirham": {"morocc": "MAD", "emirat": "AED", "uae": "AED", "dubai": "AED"},
    "peso": {"mexic": "MXN", "argentin": "ARS", "chile": "CLP", "philippin": "PHP", "cuba": "CUP",
             "colombia": "COP", "dominican": "DOP", "urugua": "UYU"},
    "krone": {"norw": "NOK", "denmark": "DKK", "danish": "DKK"},
    "krona": {"iceland": "ISK", "swed": "SEK"},
    "rial": {"iran": "IRR", "oman": "OMR", "yemen": "YER"},
    "riyal": {"saudi": "SAR", "qatar": "QAR"},
    "franc": {"switzerland": "CHF", "swiss": "CHF", "cfa": "XOF"},
    "yen": {"yuan": "CNY", "renminbi": "CNY", "rmb": "CNY"},
    "mark": {"deutsch": "DEM", "german": "DEM", "bonn": "DEM", "finn": "FIM", "finland": "FIM"},
    "manat": {"azerbaijan": "AZN", "turkmen": "TMT"},
}
_CUR_WORD_RE = (r"dollars?|euros?|rubles?|roubles?|pounds?(?:\s+sterling)?(?!\s+of\b)|sterling|yen|yuan|renminbi|rupees?"
                r"|dinars?|dirhams?|francs?|liras?|lire|kronor|kroner|kron[ae]|won|riyals?|rials?|pesos?|rand"
                r"|naira|shillings?|birr|nakfa|hryvnias?|zlotys?|złoty(?:s|ch)?|reais|baht|taka|tenge|shekels?|ringgit|rupiah"
                r"|Deutsche?\s?[Mm]arks?|[Dd]eutschmarks?|marks?|guilders?|riels?|dong|kip|kyats?|lek|drams?|lari|forints?"
                r"|koruny|korun|koruna|leva|lev|drachma[es]?|pesetas?|escudos?|schillings?|quetzal(?:es|s)?|bol[ií]vars?"
                r"|cedis?|kwacha|afghanis?|tugriks?|somoni|manats?|(?:nuevos\s+)?soles|bolivianos?|col[oó]n(?:es)?|c[oó]rdobas?"
                r"|rufiyaa")

# ---------------------------------------------------------------- compiled patterns
_NUMBER = re.compile(
    rf"(?:{_CUR})?(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"|(?i:\b(?P<words>{_WORDS}))(?:(?![\w-])|(?=-(?:day|week|month|year|decade|century)(?:\s|-long\b)))")
# Where a match of _NUMBER can start (a superset): a digit or a currency sign; a capital not after a
# letter, with a digit soon after (a currency code, "U.S.$"); a word that opens as a number word does
# ("one" … "ninety"), or "a" before "hundred", "thousand" and the like. _NUMBER is tried only there.
# Each search opens with a set of characters, so that the engine skips to them; the words are found with
# the sentence's other words (see legation.extract.triggers).
_SIGN_START = re.compile(r"\d+|[$€£¥₹₽₨₩₫฿₱₦₺₪₴₸]")  # (a run of digits: a match inside one starts where one ended)
_ASCII_SIGN = re.compile(r"[0-9$]")  # what _SIGN_START can find in ASCII text
_DIGIT = re.compile(r"\d")
_DASH_WORD = re.compile(r"[-–]\w")  # after a number: "10-year", "1980–1990"
_YEARLIKE = re.compile(r"1\d{3}|20\d\d")
_CODE_START = re.compile(r"[A-Z](?<![A-Za-z][A-Z])(?=\D{0,7}\d)")
_WORD_START = SENTENCES.lexicon([
    re.compile(r"\b(?:one|two|thr|fou|fiv|six|sev|eig|nin|ten|ele|twe|thi|fif|for)", re.I),
    re.compile(r"\ba\s+(?:hundred|dozen|thousand|million|billion|trillion)", re.I),
])
_MULT = re.compile(r"(?i:\s+(?P<w>thousand|million|billion|trillion|lakhs?|crores?)\b"
                   r"|(?P<s>\s?(?:bn|mn)|[mbk])(?![\w-]))")
_RATE = re.compile(r"(?i:\s*(?:bpd|b/d|bbl/d)\b|\s+(?:barrels?|bbl)(?:\s+of\s+(?:crude\s+)?oil)?"
                   r"(?:\s+(?:per|a|each)\s+day|/day)\b)")
_PERCENT = re.compile(r"\s?%(?![\w%])|\s+per\s?cent\b|\s+pct\b")
_CURRENCY = re.compile(r"\s+(?:(?P<adj>(?:U\.S\.|[A-Z][A-Za-z]+)(?:\s[A-Z][a-z]+)?)\s+)?"
                       rf"(?P<cw>{_CUR_WORD_RE})\b|\s(?P<code>{'|'.join(_ISO)})\b")
_DISTANCE = re.compile(r"[\s-]?(?:km|kilomet(?:er|re)s?)(?![\w²³/-])(?!\s+squared)"
                       r"|[\s-](?P<naut>nautical[\s-])?miles?(?![\w-])")
_WEIGHT = re.compile(r"\s+(?:metric\s+)?(?:tonnes?|tons?)\b")
# After a number, what makes it an amount whatever stands before it: a scale word with a currency.
_AMOUNT_AFTER = re.compile(rf"\s+(?:thousand|million|billion|trillion)\s+(?:(?:U\.S\.|[A-Z][A-Za-z]+)\s+)?(?:{_CUR_WORD_RE})\b")
# People counted by what befell them: "nearly 4,000 captured", "722 dead".
# ("between 200,000 and two million were killed": the first figure too)
_DONE_TO_PEOPLE = re.compile(r"(?:\s+(?:and|to|or)\s+[\w,.]+(?:\s+[\w,.]+)?(?=\s+(?:were|had|have)\b))?"
                             r"\s+(?:of\s+them\s+)?(?:(?:were|had been|have been)\s+(?:\w+ly\s+)?(?:killed|expelled|"
                             r"deported|evacuated|displaced|arrested|detained|living|resettled|repatriated|wounded|"
                             r"executed|massacred|interned|captured|injured|imprisoned|exiled|murdered|enslaved|forced|"
                             r"admitted)|had to leave|fled)\b")
# A figure of the dead: "estimates of the dead range from 12,000 to 30,000", "the death toll reached 3,000".
_TOLL_HEDGE = r"(?:(?:some|about|around|roughly|nearly|over|more\s+than)\s+)?"
_TOLL_BEFORE = re.compile(r"\b(?:the\s+dead|deaths|death\s+toll)\b[^.;]{0,40}?\b(?:range[sd]?|ranging|estimated\s+at|"
                          r"numbered|reached|stood\s+at|rose\s+to|put\s+at)\s+(?:(?:from|between)\s+)?"
                          rf"{_TOLL_HEDGE}(?:[\d,.]+\s+(?:to|and)\s+{_TOLL_HEDGE})?\Z")
_RANGE_AFTER = re.compile(r"\s+(?:and|to)\s+\S")
# The top of a range after a bare figure: "15 to 20 million ethnic Azerbaijanis", "between 100,000 and 180,000
# people": the bottom counts the same noun, at the same scale.
_RANGE_TOP = re.compile(r"\s*(?:(?P<to>to|-|–)|and)\s*(?:about\s+|some\s+)?(?P<n>\d[\d,.]*)(?:\s+(?P<w>thousand|million|billion)\b)?")
# The dead of a killing, the noun left to the reader: "soldiers fired on mourners, killing at least 250".
# A tally with its noun left out: "the council voted 86 to 3" (the second figure takes the first's noun).
_VOTED_BEFORE = re.compile(r"\bvot(?:ed|ing)\s+\Z")
# After a toll, a place or a time, not a noun: "al-Shabaab killed 148 at Garissa".
_TOLL_AFTER = re.compile(r"\s+(?:at|in|on|near|during|across|and|when|while|including|among)\b")
_KILLING_BEFORE = re.compile(r"\b(?:killing|killed|kills|leaving)\s+(?:(?:at\s+least|some|about|around|over|more\s+than|"
                             r"nearly|up\s+to)\s+)?\Z")
# A figure set beside the people it counts: "shipped enslaved Africans, some 4 million in all, to Brazil".
_APPOSED_BEFORE = re.compile(r"(?<![\w'’-])([A-Za-z][\w'’-]*[A-Za-z]),\s+(?:(?:some|about|around|roughly|nearly|almost|"
                             r"perhaps|an\s+estimated)\s+)?\Z")
_APPOSED_AFTER = re.compile(r"(?:\s+(?:in\s+all|in\s+total|all\s+told|altogether))?\s*(?:[,;)]|\.(?!\d)|\Z)")
_PEOPLES_LISTED = re.compile(r"\s+(?:[A-Z][\w-]*,\s+)+(?:[A-Z][\w-]*\s+)?and\s+other\s+([a-z]+)\b")
_OF_WHOM = re.compile(r"\s+of\s+whom\b")
_CASUALTIES = re.compile(r"\s+(?P<w>dead|killed|wounded|injured|captured|missing)\b")
# "649 Argentine and 255 British servicemen": the first number counts the noun of the second.
# (The first number's own modifier is required: "between 1 and 2 million people" is a range.)
_OF_POSSESSIVE = re.compile(r"\s+of\s+(?:his|her|their|its)(?=\s)")
_COORDINATED = re.compile(r"\s+[A-Z][a-z]+\s+(?:and|or)\s+(?=\d)")
# A figure whose noun is left to the reader takes the noun of the figure just before it, in three forms
# that say so: a part ("400 people were killed, 275 of them Iranians"), a tally ("by 12 votes to 11") and
# a figure that is the subject of its clause ("accept 525,000 people, while 300,000 would receive
# citizenship"). A number before a preposition or a comma is left alone: it may be a day, a page, an age.
_ELIDED = re.compile(r"\s+(?:of\s+(?:them|whom|which|these|those)|were|was|would|had|have|are|remained|died|more|"
                     r"against|in\s+favou?r|stayed|fled|returned|abstained)\b")
_TALLY = re.compile(r"\s+to\s+")  # between the counted figure and the bare one
_ELIDED_REACH = 60  # characters from the end of the figure whose noun is borrowed
_ELIDED_BREAK = re.compile(r"[;.!?]\s")  # nor across a sentence that ends, or a semicolon
_TIME = re.compile(r"(?P<half>\s+and\s+a\s+half)?\s+(?P<u>days?|weeks?|months?|years?|decades?|century|centuries)\b"
                   r"(?!['’])")
# A duration used as an adjective: "a 25-year treaty", "a ten-year Commonwealth", "a 30-day deadline". The unit in
# lower case ("the Six-Day War" is a name), and not an age ("a 12-year-old") nor the kind of a plan ("the twelfth
# five-year plan").
_TIME_ADJ = re.compile(r"-(?P<u>day|week|month|year|decade|century)(?=\s(?!plans?\b|programmes?\b|programs?\b)|-long\b)")
# "a month", "a century" as a duration: only where the words before make it one ("the war lasted a month",
# "disputed for more than a century"); "a year later" dates, "a day" in "10 million a day" is a rate.
_A_DURATION = re.compile(
    r"\b(?:(?P<b>(?:more|less|fewer)\s+than|(?:just\s+|well\s+)?over|nearly|almost|about|around|roughly|under)"
    r"|lasted|lasting|for)\s+(?P<a>(?:(?P<half>half)\s+|(?P<quarter>a\s+quarter\s+of)\s+)?an?\s+"
    r"(?P<u>day|week|month|year|decade|century))\b(?![-'’])")
_A_UNIT = re.compile(r"a (?:day|week|month|year|decade|century)")  # (a gate for _A_DURATION; a literal opening is fast)
# (A word may open a quotation: "13,000 Norwegian "police troops"".)
_WORD_TOKEN = re.compile(r"\s[\"“]?([A-Za-z][\w'’.-]*[A-Za-z]|[A-Za-z])(?![\w-])")
_BOUNDS = {
    "lower": ["more than", "over", "above", "exceeding", "in excess of", "at least", "upwards of", "no less than",
              "no fewer than", "just over", "well over", "greater than", "a minimum of"],
    "upper": ["under", "less than", "fewer than", "below", "up to", "at most", "no more than", "as many as",
              "as much as", "just under", "a maximum of"],
    "approx": ["around", "about", "approximately", "approx.", "nearly", "almost", "some", "roughly",
               "an estimated", "estimated", "circa", "c.", "ca.", "close to", "an approximate", "approximate"],
}
_BOUND_OF = {p: b for b, ps in _BOUNDS.items() for p in ps}
_BOUND_RE = re.compile(
    rf"(?i:(?<![\w.])(?P<b>{'|'.join(re.escape(p) for p in sorted(_BOUND_OF, key=len, reverse=True))})\s+)$")
_RANGE_BEFORE = re.compile(rf"(?i:(?:\d|\b(?:{_WORDNUM}))\s+(?:to|and)\s+)$")
_TRAIL_BOUND = re.compile(r"\s+or\s+(?P<t>more|so)\b")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _prev_word(before: str) -> str | None:
    """The word that ends ``before`` (spaces after it allowed): what ``([A-Za-z][\\w.]*)\\s*$`` finds.

    (Searched for, that expression is tried at each of the forty positions before a number, with
    backtracking: a quarter of the figures' time.) The word is the last run of word characters and
    full stops, from its first ASCII letter.

    >>> _prev_word("Resolution  "), _prev_word("in 1.5x "), _prev_word("up to 3 ")
    ('Resolution', 'x', None)
    """
    end = len(before.rstrip())
    start = end
    while start and (before[start - 1] == "." or before[start - 1] == "_" or before[start - 1].isalnum()):
        start -= 1
    return next((before[i:end] for i in range(start, end) if before[i] in _LETTERS), None)
_YEAR_REF = re.compile(
    r"(?i:\b(?:in|as of|by|during|for)\s+(?:the\s+)?(?:(?:early|mid|late|fiscal(?:\s+year)?)[-\s]+)?"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?(?:\d{1,2},?\s+)?)"
    r"((?:1[6-9]|20)\d\d)(?!\w)")
_CLAUSE_END = re.compile(r";|[.!?](?=\s+[A-Z\"“])|,\s+(?:while|whereas|but|although)\b")

_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"}
_FUNCTION = {  # words that may stand before a bare number at the start of a sentence or phrase
    "in", "on", "by", "of", "for", "at", "to", "than", "and", "or", "only", "just", "with", "from", "after",
    "since", "between", "within", "the", "a", "an", "all", "its", "their", "his", "her", "our", "some",
    "over", "under", "about", "around", "nearly", "almost", "approximately", "roughly", "estimated", "up",
    "circa", "c.", "ca.", "above", "below", "exceeding", "least", "most", "another", "each", "every", "these",
    "those", "until", "till", "during", "through", "across", "among", "per", "into", "before", "when", "while",
    "but", "yet", "so", "as", "then", "also", "including", "plus", "were", "was", "had", "today", "currently",
    "now", "more", "less", "fewer", "like", "unlike", "against", "additional", "total", "totalling", "totaling",
}
_STOP = _FUNCTION | {"is", "are", "be", "been", "has", "have", "will", "would", "could", "should", "that",
                     "which", "who", "whom", "whose", "it", "they", "he", "she", "we", "not", "this", "always",
                     "perhaps", "sometimes", "towards", "afterwards", "besides", "thus", "whereas", "does"}
_REFERENTIAL = {"the", "these", "those", "both", "all", "every", "each"}
_PARTY_NOUNS = {"country", "nation", "state", "side", "government", "party", "neighbour", "neighbor",
                "republic", "power", "capital", "leader", "people", "sovereign", "head", "minister", "president",
                "delegation", "monarch", "king", "economy", "army", "military", "navy", "community", "empire"}
_NOT_COUNTED = {"time", "way", "other", "one", "thousand", "hundred", "million", "billion", "ten", "dozen",
                "third", "quarter", "half", "halve", "fifth", "percent", "barrel", "ton", "tonne", "mile",
                "kilometre", "kilometer", "metre", "meter", "hectare", "acre", "litre", "liter", "point", "gallon",
                "kilogram", "gram", "foot", "feet", "inch", "yard", "megawatt", "kilowatt", "gigawatt", "watt",
                "calorie", "degree", "knot", "byte", "gigabyte",
                "hour", "minute", "second", "week", "pound", "dollar", "euro", "ruble", "rouble", "rupee"}
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:s|ese)")
_NOT_DEMONYM = {"Nations", "Islands", "States", "Games", "Olympics", "Wars", "Accords", "Points", "Powers",
                "Forces", "Affairs", "Times", "News", "Emirates", "Provinces", "Territories", "Republics",
                "Kingdoms", "Talks", "Agreements", "Freedoms", "Years", "Days", "Pillars", "Principles",
                "Commandments", "Tigers", "Musketeers", "Eyes", "Seas", "Rivers", "Lakes", "Mountains", "Alps",
                "Andes", "Balkans", "Americas", "Philippines", "Netherlands", "Bahamas", "Maldives", "Seychelles",
                "Comoros", "Koreas", "Chinas", "Germanys"}
_IRREGULAR = {"people": "person", "men": "man", "women": "woman", "children": "child", "personnel": "personnel",
              "police": "police", "aircraft": "aircraft", "staff": "staff", "cattle": "cattle",
              "series": "series", "species": "species"}
_PERSON = {"person", "troop", "soldier", "refugee", "student", "worker", "tourist", "visitor", "migrant",
           "immigrant", "emigrant", "citizen", "national", "diplomat", "civilian", "officer", "personnel",
           "adviser", "advisor", "specialist", "expert", "technician", "doctor", "teacher", "prisoner",
           "hostage", "resident", "inhabitant", "pilgrim", "fighter", "militant", "volunteer", "delegate",
           "child", "man", "woman", "casualty", "victim", "settler", "slave", "sailor", "pilot", "engineer",
           "scholar", "athlete", "guest", "official", "minister", "member", "police", "staff", "employee",
           "laborer", "labourer", "mercenary", "instructor", "descendant", "speaker", "expatriate", "follower",
           "supporter", "rebel", "separatist", "protester", "protestor", "demonstrator", "commando", "agent",
           "passenger", "crew", "colonist", "convict", "detainee", "deportee", "evacuee", "asylum-seeker",
           "peacekeeper", "guerrilla", "insurgent", "partisan", "veteran", "trainee", "trader", "merchant",
           "missionary", "monk", "priest", "journalist", "activist", "fisherman", "farmer", "nurse", "survivor",
           "villager", "peasant", "captive", "defender", "recruit", "conscript", "displaced"}
# "servicemen", "fishermen", "policemen": plurals of "-man" (not "specimen", "regimen", "abdomen", "omen").
_MEN = re.compile(r"(?<=[a-z]{3})men$(?<!specimen)(?<!regimen)(?<!abdomen)(?<!acumen)(?<!stamen)")
_TIME_UNITS = {"day": (1, "day"), "week": (7, "day"), "month": (1, "month"), "year": (1, "year"),
               "decade": (10, "year"), "century": (100, "year"), "centurie": (100, "year")}


# ---------------------------------------------------------------- helpers
def _word_value(words: str) -> float:
    value = 0.0
    for tok in re.split(r"[\s-]+", words.lower()):
        if tok == "a":
            value = 1
        elif tok in ("hundred", "dozen"):
            value = (value or 1) * (100 if tok == "hundred" else 12)
        elif tok != "and":
            value += _WORD_VALUE[tok]
    return float(value)


def _singular(word: str) -> str:
    if word[0].isupper():  # a people: "Greeks" -> "Greek", "Japanese" stays
        return word[:-1] if word.endswith("s") else word
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if _MEN.search(w):
        return w[:-3] + "man"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if re.search(r"(?:ch|sh|ss|x|z)es$", w):
        return w[:-2]
    return w[:-1] if w.endswith("s") else w


def _is_plural(word: str) -> bool:
    if word.lower() in _IRREGULAR:
        return word.islower()
    if _MEN.search(word):
        return word.islower()
    if word[0].isupper():  # "Russians", "Greeks", "Japanese": people named by nationality or faith
        return bool(_DEMONYM.fullmatch(word)) and word not in _NOT_DEMONYM
    return (len(word) > 3 and word.endswith("s") and word.isalpha()
            and not word.endswith(("ss", "us", "is", "ous", "'s")))


def _currency(token: str, adj: str | None, sentence: str) -> str | None:
    """ISO code for a symbol, code or currency word; an adjective or the sentence may say whose."""
    if adj and adj.lower() in _ADJ_CODE:
        return _ADJ_CODE[adj.lower()]
    key = token.lower()
    key = _SYMBOLS.get(re.sub(r"[.\s]", "", key) if key.endswith("$") else key, key)
    if key.isupper():
        return key
    if key.upper() in _ISO:
        return "CNY" if key == "rmb" else key.upper()
    key = re.sub(r"\s+", "", re.sub(r"\s+sterling$", "", key))
    key = next((w for w in _CUR_WORDS if re.fullmatch(rf"{w}s?", key)), key)
    lowered = sentence.lower()
    context = {code for name, code in _CONTEXT.get(key, {}).items() if name in lowered}
    return context.pop() if len(context) == 1 else _CUR_WORDS.get(key)


def _year(sentence: str, start: int, end: int) -> int | None:
    lo = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, start)), default=0)
    hi = next((m.start() for m in _CLAUSE_END.finditer(sentence, end)), len(sentence))
    after = [m for m in _YEAR_REF.finditer(sentence, end, hi)]
    if after:
        return int(after[0].group(1))
    before = [m for m in _YEAR_REF.finditer(sentence, lo, start)]
    return int(before[-1].group(1)) if before else None


def _count(text: str, pos: int) -> tuple[int, str, bool] | None:
    """The counted noun after a number: up to two modifiers, then a plural noun."""
    for _ in range(3):
        m = _WORD_TOKEN.match(text, pos)
        if not m:
            return None
        word = m.group(1)
        if word.lower() in _STOP or word.lower() in _MONTHS or word.lower() in _WORD_VALUE:
            return None
        if _is_plural(word):
            noun = _singular(word)
            if noun in _NOT_COUNTED:
                return None
            if word[0].isupper():
                nxt = _WORD_TOKEN.match(text, m.end())
                if nxt and word.endswith("ese") and _is_plural(nxt.group(1)):
                    pos = m.end()  # "25,000 Japanese troops", "120,000 Japanese Americans": the modifier
                    continue
                if nxt and nxt.group(1)[0].isupper():
                    return None  # "Six Nations Championship": a name
            end = m.end() + 1 if m.group(0)[1] in "\"“" and text[m.end():m.end() + 1] in ("\"", "”") else m.end()
            return end, noun, noun in _PERSON or word[0].isupper() or noun.endswith("man")
        pos = m.end()
    return None


def _count_of(text: str, end: int) -> tuple[int, str, bool] | None:
    """The counted noun after "of his", "of their" …: "46 of his followers"."""
    m = _OF_POSSESSIVE.match(text, end)
    return _count(text, m.end()) if m else None


def _coordinated_count(text: str, end: int) -> tuple[int, str, bool] | None:
    """The counted noun of the number coordinated after this one ("649 Argentine and 255 British
    servicemen"); the figure's words stay its own."""
    m = _COORDINATED.match(text, end)
    n = m and _NUMBER.match(text, m.end())
    c = n and n.group("digits") and _count(text, n.end())
    return (end, c[1], c[2]) if c else None


# ---------------------------------------------------------------- main
def _numbers(text: str):
    """``_NUMBER.finditer(text)``, trying _NUMBER only where a match can start (see _SIGN_START)."""
    if text.isascii() and _ASCII_SIGN.search(text) is None:
        starts = []  # (most sentences: no digit, no dollar sign, and nothing else _SIGN_START could find)
    else:
        starts = [m.start() for m in _SIGN_START.finditer(text)]
    if starts:  # (a currency code needs a digit after it)
        starts += [m.start() for m in _CODE_START.finditer(text)]
    for n, pattern in enumerate(_WORD_START.patterns):
        where = _WORD_START.where(text, n)
        if where is None:  # (not indexed: wherever it matches)
            where = [at for at in range(len(text)) if pattern.match(text, at)]
        if where:
            starts += where
    starts.sort()
    end = 0
    i = 0
    while i < len(starts):
        pos = starts[i]
        i += 1
        if pos < end or (m := _NUMBER.match(text, pos)) is None:
            continue
        yield m
        end = m.end()
        if _DIGIT.match(text, end):
            # A match that ends inside a run of digits ("1,2345"): the next one starts right there, as a
            # match of _NUMBER starts at every digit.
            starts.insert(i, end)


def _number(digits: str) -> float:
    """A figure written in digits ("1,500", "2.5"), or infinity when it is none."""
    try:
        return float(digits.replace(",", "").rstrip("."))
    except ValueError:
        return float("inf")


def _casualties(text: str, pos: int) -> tuple[int, str, bool] | None:
    """"dead", "killed", … right after ``pos``, as :func:`_count` tells a counted noun: its end, the noun, a person."""
    return (r.end(), r.group("w"), True) if (r := _CASUALTIES.match(text, pos)) else None


def _is_state(word: str) -> bool:
    """Whether a capitalised word before a number names a state ("sent Ukraine 5,000 anti-tank weapons"), not a
    label ("Boeing 747")."""
    from legation.places import country  # (imported here: places imports the extractors' package)

    return country(word.rstrip(".,")) is not None


def find_quantities(text: str) -> list[QuantityMatch]:
    """Every figure stated in ``text`` (one sentence), in order of appearance.

    >>> [(q.text, q.value, q.unit, q.bound, q.year)
    ...  for q in find_quantities("Trade reached over 2 billion dollars in 2011.")]
    [('over 2 billion dollars', 2000000000.0, 'USD', 'lower', 2011)]

    Units and bounds are those of the contract (relation-record.md, section Quantities).
    """
    found: list[QuantityMatch] = []
    last_end = 0
    for m in _numbers(text):
        start, end = m.start(), m.end()
        if start < last_end:
            continue
        before = text[max(0, start - 40):start]
        cur, digits, words = m.group("cur"), m.group("digits"), m.group("words")
        if digits:
            if not cur:
                if before and (before[-1].isalnum() or before[-1] in ".,-–—/#+_%"):
                    continue  # G20, Su-27, 1936–39, 3.5.1
                prev = _prev_word(before) or "x"
                if prev[0].isupper() and prev.lower() not in _FUNCTION and not _is_state(prev) and (
                        not prev.endswith(".") or prev.lower() in ("no.", "nos.", "art.", "vol.", "p.", "pp.")) \
                        and not _AMOUNT_AFTER.match(text, m.end()):
                    continue  # Boeing 747, Resolution 550, December 20, No. 5 (but not "Russia. 3,000", "fined MTN 1 billion naira")
            value = float(digits.replace(",", ""))
        else:
            if before.endswith(("-", "–", "half ")):
                continue
            value = _word_value(words)
        mult = _MULT.match(text, end)
        if mult and (mult.group("w") or cur):
            value *= _SCALE[(mult.group("w") or mult.group("s")).strip().lower()]
            end = mult.end()
        elif (text[end:end + 1].isalnum() or _DASH_WORD.match(text, end)) \
                and not _DISTANCE.match(text, end) and not _TIME_ADJ.match(text, end):
            continue  # 1920s, 8th, 5m, 10-year-old, 1980–1990
        if words and value == 1 and not mult:
            continue  # "one of the first"
        prev_word = (_prev_word(before) or "").lower()
        yearlike = bool(digits) and _YEARLIKE.fullmatch(digits) is not None  # (a figure that could be a year)
        ranged = before[-8:].lower().endswith(("between ", "from "))  # the bottom of a range: "between 200,000 and …"
        unit, noun, stop, rest = None, None, end, text[end:]
        if cur and cur.strip().isalpha() and not mult and len(digits or "") < 3:
            continue  # "COP29", "COP 26": a code before a small bare number names a thing, not an amount
        if cur:
            unit = _currency(cur.strip(), None, text)
        elif r := _RATE.match(rest):
            unit, stop = "barrel/day", end + r.end()
        elif r := _PERCENT.match(rest):
            unit, stop = "percent", end + r.end()
        elif (r := _CURRENCY.match(rest)) and not (yearlike and r.group("adj") and (r.group("cw") or "").lower() == "won"):
            # ("In the revolution of 1848 Hungary won a responsible government": a year, and the verb)
            unit = _currency(r.group("cw") or r.group("code"), r.group("adj"), text)
            stop = end + r.end()
        elif r := _DISTANCE.match(rest):
            unit, stop = ("nautical_mile" if r.group("naut") else "km"), end + r.end()
            if "mile" in r.group(0) and not r.group("naut"):
                value *= 1.609344
        elif r := _WEIGHT.match(rest):
            unit, stop = "tonne", end + r.end()
        elif r := _TIME.match(rest) or _TIME_ADJ.match(rest):
            factor, unit = _TIME_UNITS[r.group("u").rstrip("s")]
            half = 0.5 if r.groupdict().get("half") else 0  # "three and a half years" (_TIME_ADJ has no such group)
            value, stop = (value + half) * factor, end + r.end()
        elif (c := _count(text, end) or _coordinated_count(text, end) or _count_of(text, end)) \
                and (prev_word not in _REFERENTIAL or (digits and prev_word == "all")):  # ("all 115 people")
            stop, noun, is_person = c
            if yearlike and not _BOUND_RE.search(before):
                continue  # "In 1975 Soviet troops": a year, not a count
            if noun in _PARTY_NOUNS and value == 2:
                continue  # "two countries": the two parties, never a figure
            unit = "person" if is_person else "count"
        if not unit and (r := _CASUALTIES.match(text, end)) and not yearlike:
            unit, noun, stop = "person", r.group("w"), r.end()
        if not unit and not yearlike and (r := _PEOPLES_LISTED.match(text, end)) and _is_plural(r.group(1)):
            noun = _singular(r.group(1))  # "more than 300,000 Lao, Hmong and other refugees"
            unit, stop = ("person" if noun in _PERSON else "count"), r.end()
        if not unit and not yearlike and _OF_WHOM.match(text, end):
            unit, noun = "person", "person"  # "about 60,000 of whom settled": "whom" counts people
        if (not unit and ((digits and not yearlike) or mult) and "dea" in text
                and _TOLL_BEFORE.search(text, max(0, start - 90), start)):
            unit, noun = "person", "person"  # "estimates of the dead range from 12,000 to 30,000"
        if not unit and (value >= 1000 if not digits else not yearlike) and _DONE_TO_PEOPLE.match(
                text, end):
            unit, noun = "person", "person"  # "some 200,000 were expelled": what befalls people
        if not unit and digits and not mult and not yearlike and (r := _RANGE_TOP.match(text, end)) \
                and (r.group("to") or ranged) and (c := _count(text, r.end()) or _casualties(text, r.end())):
            if r.group("w") and value <= _number(r.group("n")):  # ("500,000 to 1 million dead": already whole)
                value *= _SCALE[r.group("w").lower()]
            noun, unit = c[1], "person" if c[2] else "count"
        if not unit and digits and not yearlike and _KILLING_BEFORE.search(before) \
                and (not _WORD_TOKEN.match(text, end) or _TOLL_AFTER.match(text, end)):
            unit, noun = "person", "person"  # "killing at least 250"
        if not unit and digits and not yearlike and _VOTED_BEFORE.search(before) and _TALLY.match(text, end):
            unit, noun = "count", "vote"  # "voted 86 to 3"
        if not unit and (mult or (digits and not yearlike)) and _APPOSED_AFTER.match(text, end) \
                and (a := _APPOSED_BEFORE.search(text, max(0, start - 40), start)) and _is_plural(a.group(1)) \
                and ((noun := _singular(a.group(1))) in _PERSON or a.group(1)[0].isupper()):
            unit = "person"  # "enslaved Africans, some 4 million in all": the people just named
        if not unit and digits and found and not yearlike and not mult:
            last = found[-1]
            if last.unit in ("person", "count") and last.noun and start - last.span[1] <= _ELIDED_REACH \
                    and not _ELIDED_BREAK.search(text, last.span[1], start) and (
                        _ELIDED.match(text, end)
                        or (t := _TALLY.match(text, last.span[1])) is not None and t.end() == start):
                unit, noun = last.unit, last.noun  # the noun left to the reader is the one just before
        if not unit or value <= 0:
            continue
        b = _BOUND_RE.search(before)
        bound, first = (_BOUND_OF[b.group("b").lower()], start - len(b.group(0))) if b else ("exact", start)
        if not b and noun != "vote" and _RANGE_BEFORE.search(before):  # (not a tally: "voted 86 to 3")
            bound = "upper"  # "70,000 to 100,000 people": the figure given is the top of a range
        elif not b and ranged and _RANGE_AFTER.match(text, stop):
            bound = "lower"  # "between 200,000 and two million were killed": its bottom
        if t := _TRAIL_BOUND.match(text, stop):
            bound, stop = ("lower" if t.group("t") == "more" else "approx"), t.end()
        year = None if unit in ("day", "month", "year", "km", "nautical_mile") else _year(text, first, stop)
        found.append(QuantityMatch(text[first:stop], (first, stop), value, unit, bound, noun, year))
        last_end = stop
    if _A_UNIT.search(text):
        found = _a_durations(text, found)
    return found


def _a_durations(text: str, found: list[QuantityMatch]) -> list[QuantityMatch]:
    """``found`` with the durations of one unit that the words before make ("lasted a month")."""
    taken = [q.span for q in found]
    for m in _A_DURATION.finditer(text):
        first = m.start("b") if m.group("b") else m.start("a")
        if any(a < m.end() and first < b for a, b in taken):
            continue
        value, unit = _TIME_UNITS[m.group("u")]
        value *= 0.5 if m.group("half") else 0.25 if m.group("quarter") else 1  # "for half a century", "a quarter of …"
        bound = _BOUND_OF[" ".join(m.group("b").lower().split())] if m.group("b") else "exact"
        found.append(QuantityMatch(text[first:m.end()], (first, m.end()), float(value), unit, bound, None, None))
    return sorted(found, key=lambda q: q.span)


# Currencies that share a word ("kroner", "dinars", "pesos"): by their word, the states that use each.
_SHARED_WORD = {
    "kron": {"NOK": "NOR", "DKK": "DNK", "SEK": "SWE", "ISK": "ISL"},
    "rupee": {"INR": "IND", "PKR": "PAK", "LKR": "LKA", "NPR": "NPL"},
    "dinar": {"DZD": "DZA", "TND": "TUN", "KWD": "KWT", "IQD": "IRQ", "JOD": "JOR", "LYD": "LBY", "RSD": "SRB",
              "BHD": "BHR"},
    "dirham": {"MAD": "MAR", "AED": "ARE"},
    "peso": {"MXN": "MEX", "ARS": "ARG", "CLP": "CHL", "PHP": "PHL", "CUP": "CUB", "COP": "COL", "DOP": "DOM",
             "UYU": "URY"},
    "rial": {"IRR": "IRN", "OMR": "OMN", "YER": "YEM"},
    "riyal": {"SAR": "SAU", "QAR": "QAT"},
    "manat": {"AZN": "AZE", "TMT": "TKM"},
}


def _sides_own(m: QuantityMatch, sides) -> str:
    """A currency named only by a word several states use ("52 billion kroner") is a side's, when one
    side uses that word and the sentence said no other country."""
    text = m.text.casefold()
    for word, codes in _SHARED_WORD.items():
        if m.unit in codes and word in text and codes[m.unit] not in sides:
            own = [code for code, state in codes.items() if state in sides]
            if len(own) == 1 and not any(adj in text for adj in _ADJ_CODE if len(adj) > 3 and _ADJ_CODE[adj] == m.unit):
                return own[0]
    return m.unit


# The states of the Central African CFA franc (XAF); the West African one (XOF) is the default.
_CEMAC = frozenset({"CMR", "CAF", "TCD", "COG", "GNQ", "GAB"})


def extract(doc) -> tuple:
    """Every figure of the article's sentences, each with its sentence as evidence (contract § Quantities)."""
    from legation.facts import Quantity

    out = []
    franc = "XAF" if _CEMAC & set(doc.sides) else "XOF"  # "CFA francs": the one of the sides' region
    for s in doc.sentences:
        for m in find_quantities(s.text):
            evidence, span = doc.span_of(s)
            unit = franc if m.unit in ("XOF", "XAF") and "CFA" in m.text.upper() else _sides_own(m, doc.sides)
            out.append(Quantity(evidence=evidence, span=span, value=m.value, unit=unit, bound=m.bound,
                                noun=m.noun, year=m.year))
    return tuple(out)
