"""Names of the relation in other languages (contract § Top level, ``names``).

The lead's first sentence gives them in parentheses after the English name:
"Morocco–Russia relations (العلاقات المغربية الروسية, Российско-марокканские
отношения) are …". A name's language is the one the text names ("Laotian:
…"), else the one its script and letters point to among the languages of the
two sides: Arabic script in a Morocco article is Arabic, Cyrillic in a Russia
article is Russian, "Íslensk-norsk samskipti" in an Iceland–Norway article is
Icelandic (í) and the other Latin name Norwegian.
"""

from __future__ import annotations

import re
import unicodedata

from legation.extract import Doc

# Official or main languages (ISO 639-1) of states, for choosing among a script's languages.
LANGUAGES: dict[str, tuple[str, ...]] = {
    "AFG": ("ps", "fa"), "ALB": ("sq",), "DZA": ("ar", "fr"), "AND": ("ca",), "AGO": ("pt",), "ARG": ("es",),
    "ARM": ("hy",), "AUS": ("en",), "AUT": ("de",), "AZE": ("az",), "BHR": ("ar",), "BGD": ("bn",), "BLR": ("be", "ru"),
    "BEL": ("nl", "fr", "de"), "BEN": ("fr",), "BTN": ("dz",), "BOL": ("es",), "BIH": ("bs", "hr", "sr"),
    "BRA": ("pt",), "BRN": ("ms",), "BGR": ("bg",), "BFA": ("fr",), "BDI": ("rn", "fr"), "KHM": ("km",),
    "CMR": ("fr", "en"), "CAN": ("en", "fr"), "CAF": ("fr", "sg"), "TCD": ("fr", "ar"), "CHL": ("es",),
    "CHN": ("zh",), "COL": ("es",), "COD": ("fr",), "COG": ("fr",), "CRI": ("es",), "CIV": ("fr",), "HRV": ("hr",),
    "CUB": ("es",), "CYP": ("el", "tr"), "CZE": ("cs",), "DNK": ("da",), "DJI": ("fr", "ar"), "DOM": ("es",),
    "ECU": ("es",), "EGY": ("ar",), "SLV": ("es",), "GNQ": ("es", "fr", "pt"), "ERI": ("ti", "ar"), "EST": ("et",),
    "ETH": ("am",), "FIN": ("fi", "sv"), "FRA": ("fr",), "GAB": ("fr",), "GMB": ("en",), "GEO": ("ka",),
    "DEU": ("de",), "GHA": ("en",), "GRC": ("el",), "GTM": ("es",), "GIN": ("fr",), "GNB": ("pt",), "HTI": ("fr", "ht"),
    "HND": ("es",), "HUN": ("hu",), "ISL": ("is",), "IND": ("hi", "en"), "IDN": ("id",), "IRN": ("fa",),
    "IRQ": ("ar", "ku"), "IRL": ("ga", "en"), "ISR": ("he", "ar"), "ITA": ("it",), "JPN": ("ja",), "JOR": ("ar",),
    "KAZ": ("kk", "ru"), "KEN": ("sw", "en"), "PRK": ("ko",), "KOR": ("ko",), "KWT": ("ar",), "KGZ": ("ky", "ru"),
    "LAO": ("lo",), "LVA": ("lv",), "LBN": ("ar", "fr"), "LBY": ("ar",), "LTU": ("lt",), "LUX": ("lb", "fr", "de"),
    "MDG": ("mg", "fr"), "MYS": ("ms",), "MDV": ("dv",), "MLI": ("fr",), "MLT": ("mt", "en"), "MRT": ("ar",),
    "MEX": ("es",), "MDA": ("ro",), "MNG": ("mn",), "MNE": ("sr",), "MAR": ("ar", "fr"), "MOZ": ("pt",),
    "MMR": ("my",), "NPL": ("ne",), "NLD": ("nl",), "NZL": ("en", "mi"), "NIC": ("es",), "NER": ("fr",),
    "MKD": ("mk",), "NOR": ("no", "nb", "nn"), "OMN": ("ar",), "PAK": ("ur", "en"), "PSE": ("ar",), "PAN": ("es",),
    "PRY": ("es", "gn"), "PER": ("es",), "PHL": ("tl", "en"), "POL": ("pl",), "PRT": ("pt",), "QAT": ("ar",),
    "ROU": ("ro",), "RUS": ("ru",), "RWA": ("rw", "fr", "en"), "SAU": ("ar",), "SEN": ("fr",), "SRB": ("sr",),
    "SGP": ("en", "ms", "zh", "ta"), "SVK": ("sk",), "SVN": ("sl",), "SOM": ("so", "ar"), "ZAF": ("en", "af", "zu"),
    "SSD": ("en",), "ESP": ("es",), "LKA": ("si", "ta"), "SDN": ("ar",), "SWE": ("sv",), "CHE": ("de", "fr", "it"),
    "SYR": ("ar",), "TWN": ("zh",), "TJK": ("tg",), "TZA": ("sw",), "THA": ("th",), "TGO": ("fr",), "TUN": ("ar",),
    "TUR": ("tr",), "TKM": ("tk",), "UGA": ("en", "sw"), "UKR": ("uk",), "ARE": ("ar",), "GBR": ("en",),
    "USA": ("en",), "URY": ("es",), "UZB": ("uz",), "VEN": ("es",), "VNM": ("vi",), "YEM": ("ar",), "ZMB": ("en",),
    "ZWE": ("en", "sn"), "PLW": ("en", "pau"), "FSM": ("en",), "VAT": ("it", "la"), "KOS": ("sq", "sr"),
    "XKX": ("sq", "sr"), "ESH": ("ar",), "CPV": ("pt",), "STP": ("pt",), "TLS": ("pt", "tet"),
}
# Script of a name → the languages written in it that we can tell apart by the sides.
_SCRIPTS = {
    "ARABIC": ("ar", "fa", "ur", "ps", "ku"), "CYRILLIC": ("ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "mn", "tg"),
    "GREEK": ("el",), "HEBREW": ("he",), "ARMENIAN": ("hy",), "GEORGIAN": ("ka",), "THAI": ("th",), "LAO": ("lo",),
    "KHMER": ("km",), "MYANMAR": ("my",), "HANGUL": ("ko",), "HIRAGANA": ("ja",), "KATAKANA": ("ja",),
    "CJK": ("zh", "ja"), "DEVANAGARI": ("hi", "ne", "mr"), "BENGALI": ("bn",), "TAMIL": ("ta",), "SINHALA": ("si",),
    "ETHIOPIC": ("am", "ti"), "THAANA": ("dv",), "TIBETAN": ("dz",), "MONGOLIAN": ("mn",),
}
# Letters that point to one Latin-script language.
_LATIN_HINTS = (
    ("is", "ðþ"), ("vi", "ơưđăâêôệếềểễạảấầẩẫậắằẳẵặẹẻẽịỉọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"), ("tr", "ğışİ"),
    ("no", "øå"), ("da", "øå"), ("de", "ßäöü"), ("pl", "łżźśćńą"), ("cs", "řůěčš"), ("ro", "șțăî"),
    ("pt", "ãõç"), ("es", "ñ¿¡"), ("fr", "çèêëœàâîû"), ("hu", "őű"), ("lv", "āēīūļķņ"), ("lt", "ėįųū"),
    ("is", "áéíóúýæö"), ("es", "áéíóú"),
)
_LABELS = {
    "arabic": "ar", "russian": "ru", "french": "fr", "german": "de", "spanish": "es", "portuguese": "pt",
    "chinese": "zh", "japanese": "ja", "korean": "ko", "persian": "fa", "farsi": "fa", "urdu": "ur", "hindi": "hi",
    "turkish": "tr", "greek": "el", "hebrew": "he", "lao": "lo", "laotian": "lo", "vietnamese": "vi", "thai": "th",
    "khmer": "km", "burmese": "my", "icelandic": "is", "norwegian": "no", "danish": "da", "swedish": "sv",
    "finnish": "fi", "polish": "pl", "czech": "cs", "slovak": "sk", "hungarian": "hu", "romanian": "ro",
    "bulgarian": "bg", "serbian": "sr", "croatian": "hr", "bosnian": "bs", "slovene": "sl", "slovenian": "sl",
    "ukrainian": "uk", "belarusian": "be", "armenian": "hy", "georgian": "ka", "azerbaijani": "az", "kazakh": "kk",
    "uzbek": "uz", "amharic": "am", "tigrinya": "ti", "somali": "so", "swahili": "sw", "italian": "it",
    "dutch": "nl", "irish": "ga", "welsh": "cy", "albanian": "sq", "macedonian": "mk", "estonian": "et",
    "latvian": "lv", "lithuanian": "lt", "indonesian": "id", "malay": "ms", "tagalog": "tl", "filipino": "tl",
    "bengali": "bn", "nepali": "ne", "sinhala": "si", "tamil": "ta", "mongolian": "mn", "pashto": "ps",
    "kurdish": "ku", "catalan": "ca", "maltese": "mt", "latin": "la", "berber": "ber", "tamazight": "ber",
    "kyrgyz": "ky", "kirghiz": "ky", "tajik": "tg", "turkmen": "tk", "sinhalese": "si", "dzongkha": "dz",
    "dhivehi": "dv", "tibetan": "bo", "uyghur": "ug", "mandarin": "zh", "cantonese": "yue", "malagasy": "mg",
    "afrikaans": "af", "zulu": "zu", "xhosa": "xh", "hausa": "ha", "yoruba": "yo", "igbo": "ig", "wolof": "wo",
    "kinyarwanda": "rw", "kirundi": "rn", "sango": "sg", "tetum": "tet", "guarani": "gn", "luxembourgish": "lb",
    "faroese": "fo", "greenlandic": "kl", "haitian creole": "ht", "afar": "aa", "oromo": "om", "tigre": "tig",
    "shona": "sn", "chichewa": "ny", "sesotho": "st", "setswana": "tn", "lingala": "ln", "kikongo": "kg",
    "bislama": "bi", "samoan": "sm", "tongan": "to", "fijian": "fj", "maori": "mi", "māori": "mi", "hawaiian": "haw",
    "palauan": "pau", "quechua": "qu", "aymara": "ay", "punjabi": "pa", "gujarati": "gu", "marathi": "mr",
    "telugu": "te", "kannada": "kn", "malayalam": "ml", "odia": "or", "assamese": "as"
}
_LABEL = re.compile(r"^\s*(?P<label>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*:\s*(?P<name>.+)$")


def script_of(text: str) -> str | None:
    """The Unicode script of a name's letters ("LATIN", "ARABIC", "CYRILLIC", …)."""
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        script = "CJK" if name.startswith("CJK") else name.split(" ")[0]
        counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _latin_language(name: str, candidates: list[str]) -> str | None:
    letters = set(name.casefold())
    for lang, hint in _LATIN_HINTS:
        if lang in candidates and letters & set(hint):
            return lang
    return None


def _lead_parentheses(doc: Doc) -> tuple[str, int] | None:
    """The parenthesis after the relation's name in the lead's first sentence."""
    for s in doc.sentences[:3]:
        m = re.search(r"\(([^()]{2,400})\)", s.text)
        if m and m.start() < 120 and re.search(r"\brelations?\s*$", s.text[: m.start()]):
            return m.group(1), m.start(1)
    return None


def extract(doc: Doc) -> dict[str, str]:
    found = _lead_parentheses(doc)
    if found is None:
        return {}
    inner, _ = found
    side_langs = [lang for side in doc.sides for lang in LANGUAGES.get(side, ())]
    names: dict[str, str] = {}
    parts = [p.strip() for p in re.split(r"[;,](?![^:]*\))", inner) if p.strip()]
    pending_latin: list[str] = []
    for part in parts:
        label = _LABEL.match(part)
        if label and label.group("label").casefold() in _LABELS:
            names.setdefault(_LABELS[label.group("label").casefold()], label.group("name").strip())
            continue
        script = script_of(part)
        if script is None or re.fullmatch(r"[\w\s.-]*\d[\w\s.-]*", part):
            continue
        if script == "LATIN":
            # Latin names are foreign only when they are not English words: letters outside ASCII, or not the title.
            if part.isascii() and not pending_latin and not any(c in part for c in "-–"):
                continue
            pending_latin.append(part)
            continue
        options = [lang for lang in _SCRIPTS.get(script, ()) if lang in side_langs] or list(_SCRIPTS.get(script, ()))[:1]
        if options and options[0] not in names:
            names[options[0]] = part
    latin_langs = [lang for lang in side_langs if lang not in names and lang not in ("en",)
                   and not any(lang in v for v in _SCRIPTS.values())]
    for part in pending_latin:
        lang = _latin_language(part, latin_langs) or (latin_langs[0] if latin_langs else None)
        if lang is None:
            continue
        names.setdefault(lang, part)
        latin_langs = [x for x in latin_langs if x != lang and not (x in ("no", "nb", "nn") and lang in ("no", "nb", "nn"))]
    return names
