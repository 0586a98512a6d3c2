"""Read MediaWiki wikitext into an :class:`Article`.

The source is parsed with mwparserfromhell and rendered to plain text by a walk
over its nodes that emits each rendered character together with the source
offset it came from. A block's ``offsets`` are those source offsets, so
``block.source_span(i, j)`` points at the markup that produced ``text[i:j]``:
a link's text, a template's parameter, or, for text a template or tag makes up
("c. " of ``{{circa|1262}}``, ", " for ``<br>``), the markup it replaced.

What is kept matches the plain-text form of the same article
(:mod:`legation.read.plain`): the infobox's named parameters, headings and
their section tree, paragraphs (a run of non-blank lines), ``*``/``#`` list
items, wikitable rows, "See also" items. References, citations, maintenance
templates, files, categories and unknown templates are dropped, as are the
"References", "External links", "Notes" and "Further reading" sections.

The reader is total: any string gives an article. Markup that would make the parser slow
(thousands of unclosed ``{{``) or recurse too deep is first replaced one character for one by
:mod:`legation.read.defuse`; the size and markup limits of :mod:`legation.limits` are checked by
:func:`legation.read.read_text` and the dump readers, not here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import unquote

import mwparserfromhell
from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.parser import ParserError
from mwparserfromhell.wikicode import Wikicode

from legation.article import Article, Block, InfoboxEntry, build_sections, see_also_titles
from legation.read.defuse import defuse
from legation.read.plain import clean_infobox_value

# Sections left out, headings included (compared case-insensitively).
DROPPED_SECTIONS = frozenset({
    "references", "external links", "notes", "further reading", "footnotes", "citations", "sources",
    "bibliography", "notes and references", "references and notes", "works cited", "explanatory notes",
})

# Invisible characters are dropped; every kind of white space (str.isspace) renders as a plain space.
_INVISIBLE = frozenset("\u00ad\u200b\u200e\u200f\u2060\ufeff")
_OPENERS = "(["
_CLOSERS = ",.;:!?)]"

# Markup left as text by the parser (unbalanced quotes, stray tags, magic words).
_TEXT_JUNK = re.compile(
    r"'{2,}|__[A-Z]{2,}__|</?(?:ref|references|small|big|sup|sub|span|div|center|nowiki|u|s|del|ins|"
    r"blockquote|poem|font|br|abbr|cite|code|onlyinclude|includeonly|noinclude)\b[^<>\n]*>",
    re.IGNORECASE,
)

# Tags whose contents are not text of the article.
_DROPPED_TAGS = frozenset({
    "ref", "references", "math", "chem", "ce", "gallery", "timeline", "score", "templatestyles",
    "syntaxhighlight", "source", "imagemap", "mapframe", "maplink", "graph", "hiero", "inputbox",
    "categorytree", "includeonly", "indicator", "charinsert", "templatedata", "section", "style",
    "script", "table", "hr",
})
# Tags whose contents hold blocks of their own (paragraphs, lists) at the top level.
_CONTAINER_TAGS = frozenset({"div", "center", "blockquote", "poem", "font", "onlyinclude", "noinclude"})
_NON_ARTICLE_NAMESPACES = frozenset({"file", "image", "category", "media"})
_INTERLANGUAGE = re.compile(r"[a-z]{2,3}(?:-[a-z]{2,8})*|simple")


# --------------------------------------------------------------------------- output buffer


class _Out:
    """Rendered characters and, for each, the source offset it came from."""

    __slots__ = ("chars", "offs", "_scan")

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offs: list[int] = []
        self._scan = 0  # chars before this index are all white space

    def copy(self, s: str, off: int) -> None:
        """Characters taken from the source at ``off``."""
        self.chars.extend(s)
        self.offs.extend(range(off, off + len(s)))

    def put(self, s: str, lo: int, hi: int, spread: bool = False) -> None:
        """Characters made up in place of the markup at ``[lo, hi)``.

        They map one to one onto the markup's first characters (the last ones
        share its last character), or, with ``spread``, evenly across it.
        """
        last = max(hi - 1, lo)
        n = len(s)
        for k, c in enumerate(s):
            pos = lo + (k * (last - lo)) // (n - 1) if spread and n > 1 else min(lo + k, last)
            self.chars.append(c)
            self.offs.append(pos)

    def extend(self, other: _Out) -> None:
        self.chars.extend(other.chars)
        self.offs.extend(other.offs)

    def has_text(self) -> bool:
        chars, i = self.chars, self._scan
        while i < len(chars):
            if not chars[i].isspace():
                self._scan = i
                return True
            i += 1
        self._scan = i
        return False

    def delete(self, start: int, end: int) -> None:
        del self.chars[start:end]
        del self.offs[start:end]
        self._scan = min(self._scan, start)


def _finish(chars: list[str], offs: list[int]) -> tuple[str, tuple[int, ...]]:
    """Normalize rendered characters: spaces collapsed, edges stripped, drop-outs tidied.

    Where dropped markup (a reference, a template) leaves a space before a
    comma or inside parentheses, or empty parentheses, those are removed; the
    source offsets tell dropped markup apart from text written that way.
    """
    cs: list[str] = []
    os_: list[int] = []
    for c, o in zip(chars, offs, strict=True):
        if c in _INVISIBLE:
            continue
        if c.isspace():
            if not cs or cs[-1] == " ":
                continue
            c = " "
        cs.append(c)
        os_.append(o)

    # Empty parentheses left by dropped markup, with the space before them.
    i = 0
    out_c: list[str] = []
    out_o: list[int] = []
    while i < len(cs):
        if cs[i] == "(" and i + 1 < len(cs) and cs[i + 1] == ")" and os_[i + 1] - os_[i] > 1:
            if out_c and out_c[-1] == " ":
                out_c.pop()
                out_o.pop()
            i += 2
            continue
        if (cs[i] == "(" and i + 2 < len(cs) and cs[i + 1] == " " and cs[i + 2] == ")"
                and os_[i + 2] - os_[i] > 2):
            if out_c and out_c[-1] == " ":
                out_c.pop()
                out_o.pop()
            i += 3
            continue
        out_c.append(cs[i])
        out_o.append(os_[i])
        i += 1
    cs, os_ = out_c, out_o

    # Spaces next to dropped markup before closing punctuation or after an opening bracket.
    out_c, out_o = [], []
    n = len(cs)
    for i, c in enumerate(cs):
        if c == " " and 0 < i < n - 1:
            gap_after = os_[i + 1] - os_[i] > 1
            gap_before = os_[i] - os_[i - 1] > 1
            if cs[i + 1] in _CLOSERS and gap_after:
                continue
            if cs[i - 1] in _OPENERS and (gap_after or gap_before):
                continue
        if c == " " and out_c and out_c[-1] == " ":
            continue
        out_c.append(c)
        out_o.append(os_[i])
    while out_c and out_c[0] == " ":
        out_c.pop(0)
        out_o.pop(0)
    while out_c and out_c[-1] == " ":
        out_c.pop()
        out_o.pop()
    return "".join(out_c), tuple(out_o)


# --------------------------------------------------------------------------- parsing helpers


def _parse(text: str) -> Wikicode:
    """The parse of ``text``, made cheap first when it is hostile (:mod:`legation.read.defuse`)."""
    try:
        code = mwparserfromhell.parse(defuse(text))
    except (ParserError, RecursionError):
        # mwparserfromhell reports its own internal failures so, and its builder recurses once per
        # level of nesting; read the text as text.
        return Wikicode([Text(text)])
    if len(code.nodes) == 1 and isinstance(code.nodes[0], Text):
        return Wikicode([Text(text)])  # nothing parsed: the source as it is, not its defused copy
    if len(str(code)) != len(text):  # offsets would be wrong; never seen, but cheap to guard
        return Wikicode([Text(text)])
    return code


def _children(code: Wikicode, base: int) -> Iterator[tuple[Node, int, int]]:
    """``(node, start, end)`` for each node of ``code`` that starts at ``base``."""
    off = base
    for node in code.nodes:
        n = len(str(node))
        yield node, off, off + n
        off += n


def _tag_contents_offset(tag: Tag, off: int) -> int:
    attrs = sum(len(str(a)) for a in tag.attributes)
    if tag.wiki_markup:
        return off + len(tag.wiki_markup) + attrs + len(tag.padding or "") + len(tag.wiki_style_separator or "")
    return off + (2 if tag.invalid else 1) + len(str(tag.tag)) + attrs + len(tag.padding) + 1


def _tag_name(tag: Tag) -> str:
    return str(tag.tag).strip().lower()


_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)


def _template_name(name: str) -> str:
    name = _COMMENT.sub("", name).replace("_", " ")
    name = re.sub(r"\s+", " ", name).strip().casefold()
    for prefix in ("template:", "subst:", "safesubst:", "msgnw:"):
        if name.startswith(prefix):
            name = name[len(prefix):].strip()
    return name


class _Param:
    """One template parameter: its value, where it is, and its rendering (made once)."""

    __slots__ = ("value", "off", "pipe", "end", "mode", "_piece")

    def __init__(self, value: Wikicode, off: int, pipe: int, end: int, mode: str) -> None:
        self.value = value
        self.off = off    # where the value starts
        self.pipe = pipe  # where the "|" before the parameter is
        self.end = end    # where the parameter ends
        self.mode = mode
        self._piece: _Out | None = None

    def piece(self) -> _Out:
        """The rendered value; rendered once, as nested templates would otherwise cost 2**depth."""
        if self._piece is None:
            self._piece = _Out()
            _render(self.value, self.off, self._piece, self.mode)
        return self._piece

    def text(self) -> str:
        piece = self.piece()
        return _finish(piece.chars, piece.offs)[0]


class _Args:
    """A template's parameters with their source offsets."""

    def __init__(self, node: Template, off: int, end: int, mode: str = "body") -> None:
        self.node, self.off, self.end = node, off, end
        raw_name = str(node.name)
        self.name = _template_name(raw_name)
        self.name_off = off + 2
        self.name_end = off + 2 + len(raw_name)
        self.pos: dict[int, _Param] = {}
        self.named: dict[str, _Param] = {}
        p = self.name_end
        for param in node.params:
            start = p + 1
            pstr_len = len(str(param))
            pname = str(param.name).strip()
            value_off = start + len(str(param.name)) + 1 if param.showkey else start
            entry = _Param(param.value, value_off, p, start + pstr_len, mode)
            if pname.isdigit() and len(pname) < 6:
                self.pos[int(pname)] = entry
            else:
                self.named[pname.casefold()] = entry
            p = start + pstr_len

    def get(self, key: int | str) -> _Param | None:
        return self.pos.get(key) if isinstance(key, int) else self.named.get(key)

    def plain(self, key: int | str) -> str:
        p = self.get(key)
        return p.text() if p else ""

    def positional(self) -> list[_Param]:
        return [self.pos[k] for k in sorted(self.pos)]


def _plain(code: Wikicode, off: int, mode: str = "body") -> str:
    out = _Out()
    _render(code, off, out, mode)
    return _finish(out.chars, out.offs)[0]


# --------------------------------------------------------------------------- templates

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def _date_text(y: str, m: str, d: str, dmy: bool) -> str:
    """``"3 May 2020"`` (or ``"May 3, 2020"``) from numbers; what is missing is left out."""
    month = ""
    if m.isdigit() and 1 <= int(m) <= 12:
        month = _MONTHS[int(m) - 1]
    elif m.capitalize() in _MONTHS:
        month = m.capitalize()
    day = str(int(d)) if d.isdigit() and len(d) <= 2 else ""
    if not month:
        return y
    if not day:
        return f"{month} {y}".strip()
    return f"{day} {month} {y}".strip() if dmy else f"{month} {day}, {y}".strip(" ,")


def _emit(args: _Args, key: int | str, out: _Out, mode: str) -> bool:
    p = args.get(key)
    if p is None:
        return False
    out.extend(p.piece())
    return True


def _t_param(key: int | str, *fallbacks: int | str) -> Callable[[_Args, _Out, str], None]:
    def handler(args: _Args, out: _Out, mode: str) -> None:
        for k in (key, *fallbacks):
            if args.get(k) is not None and args.plain(k):
                _emit(args, k, out, mode)
                return

    return handler


def _t_last(args: _Args, out: _Out, mode: str) -> None:
    params = args.positional()
    if params:
        out.extend(params[-1].piece())


def _t_join(sep: str) -> Callable[[_Args, _Out, str], None]:
    def handler(args: _Args, out: _Out, mode: str) -> None:
        first = True
        for p in args.positional():
            if not p.text():
                continue
            if not first:
                out.put(sep, p.pipe, p.off)
            out.extend(p.piece())
            first = False

    return handler


def _t_literal(s: str) -> Callable[[_Args, _Out, str], None]:
    def handler(args: _Args, out: _Out, mode: str) -> None:
        out.put(s, args.off, args.end)

    return handler


def _t_prefix(prefix: str, key: int | str = 1) -> Callable[[_Args, _Out, str], None]:
    """``prefix`` (over the template's name) and then a parameter: ``{{US$|5}}`` → "US$5"."""

    def handler(args: _Args, out: _Out, mode: str) -> None:
        p = args.get(key)
        lo = args.name_off
        out.put(prefix, lo, p.off if p else args.end)
        if p is not None:
            out.extend(p.piece())

    return handler


def _t_suffix(suffix: str) -> Callable[[_Args, _Out, str], None]:
    def handler(args: _Args, out: _Out, mode: str) -> None:
        if _emit(args, 1, out, mode):
            out.put(suffix, args.end - 2, args.end)

    return handler


_RANGE_WORDS = {"-": "–", "–": "–", "to": " to ", "and": " and ", "or": " or ", "to(-)": " to ",
                "and(-)": " and ", "x": " × ", "×": " × ", "by": " by ", "+/-": " ± ", "+": " + "}


def _t_convert(args: _Args, out: _Out, mode: str) -> None:
    """``{{convert|5300|km|mi}}`` → "5300 km"; ``{{convert|1|to|2|km}}`` → "1 to 2 km"."""
    if not _emit(args, 1, out, mode):
        return
    unit_key = 2
    sep = args.plain(2)
    if sep in _RANGE_WORDS and args.get(3) is not None:
        p2 = args.pos[2]
        out.put(_RANGE_WORDS[sep], p2.pipe, p2.end)
        _emit(args, 3, out, mode)
        unit_key = 4
    unit = args.get(unit_key)
    if unit is not None and unit.text():
        out.put(" ", unit.pipe, unit.off)
        out.extend(unit.piece())


def _t_val(args: _Args, out: _Out, mode: str) -> None:
    if not _emit(args, 1, out, mode):
        return
    for key in ("u", "ul"):
        unit = args.get(key)
        if unit is not None and unit.text():
            out.put(" ", unit.pipe, unit.off)
            out.extend(unit.piece())
            return


def _t_date(prefix: str = "", dmy_default: bool = False) -> Callable[[_Args, _Out, str], None]:
    def handler(args: _Args, out: _Out, mode: str) -> None:
        y, m, d = args.plain(1), args.plain(2), args.plain(3)
        iso = re.fullmatch(r"(\d{3,4})-(\d{1,2})(?:-(\d{1,2}))?", y)
        if iso:
            y, m, d = iso.group(1), iso.group(2), iso.group(3) or ""
        if not y:
            return
        df = args.plain("df").casefold()
        dmy = df in ("y", "yes", "true", "1") or (dmy_default and df not in ("n", "no"))
        first = args.pos.get(1)
        if prefix:
            out.put(prefix, args.name_off, first.off if first else args.end)
        if not m and first is not None:  # only a year: it is in the source as written
            out.extend(first.piece())
            return
        lo = first.off if first else args.off
        out.put(_date_text(y, m, d, dmy), lo, args.end, spread=True)

    return handler


def _t_circa(args: _Args, out: _Out, mode: str) -> None:
    p = args.get(1)
    out.put("c.", args.name_off, args.name_end)
    if p is not None and p.text():
        out.put(" ", p.pipe, p.off)
        out.extend(p.piece())


def _t_nihongo(args: _Args, out: _Out, mode: str) -> None:
    """``{{nihongo|Japan|日本|Nihon}}`` → "Japan (日本, Nihon)"."""
    _emit(args, 1, out, mode)
    rest = [args.pos[k] for k in (2, 3) if k in args.pos and args.pos[k].text()]
    for i, p in enumerate(rest):
        out.put(" (" if i == 0 else ", ", p.pipe, p.off)
        out.extend(p.piece())
    if rest:
        out.put(")", args.end - 2, args.end)


_ZH_LABELS = (("c", "Chinese"), ("t", "traditional Chinese"), ("s", "simplified Chinese"),
              ("p", "pinyin"), ("w", "Wade–Giles"), ("j", "Jyutping"), ("l", "lit."))


def _t_zh(args: _Args, out: _Out, mode: str) -> None:
    parts = []
    for key, label in _ZH_LABELS:
        p = args.get(key)
        if p is not None and p.text():
            parts.append((p, label))
    parts.sort(key=lambda item: item[0].off)
    for i, (p, label) in enumerate(parts):
        out.put(("; " if i else "") + label + ": ", p.pipe, p.off)
        out.extend(p.piece())


def _t_reign(args: _Args, out: _Out, mode: str) -> None:
    out.put("r. ", args.name_off, args.name_end)
    if _emit(args, 1, out, mode) and args.get(2) is not None:
        p2 = args.pos[2]
        out.put("–", p2.pipe, p2.off)
        out.extend(p2.piece())


def _t_frac(args: _Args, out: _Out, mode: str) -> None:
    params = [p for p in args.positional() if p.text()]
    if len(params) == 1:
        out.put("1/", args.name_off, params[0].off)
        out.extend(params[0].piece())
        return
    for i, p in enumerate(params[:3]):
        if i:
            sep = "/" if i == len(params[:3]) - 1 else " "
            out.put(sep, p.pipe, p.off)
        out.extend(p.piece())


def _t_quote(args: _Args, out: _Out, mode: str) -> None:
    for key in ("text", "quote", 1):
        p = args.get(key)
        if p is not None and p.text():
            out.extend(p.piece())
            return


def _t_lit(args: _Args, out: _Out, mode: str) -> None:
    p = args.get(1)
    if p is None:
        return
    out.put("lit. '", args.name_off, p.off)
    out.extend(p.piece())
    out.put("'", args.end - 2, args.end)


_CURRENCIES = {
    "us$": "US$", "usd": "US$", "a$": "A$", "aud": "A$", "c$": "C$", "cad": "C$", "nz$": "NZ$",
    "hk$": "HK$", "s$": "S$", "£": "£", "gbp": "£", "€": "€", "eur": "€", "euro": "€", "¥": "¥",
    "jpy": "¥", "cn¥": "CN¥", "cny": "CN¥", "rmb": "CN¥", "₹": "₹", "inr": "₹", "inrconvert": "₹",
    "₽": "₽", "rub": "₽", "₩": "₩", "krw": "₩", "r$": "R$", "brl": "R$", "chf": "CHF ", "$": "$",
}

_LITERALS = {
    "'": "'", "'s": "'s", "!": "|", "=": "=", "ndash": "–", "mdash": "—", "snd": " – ", "spnd": " – ",
    "sndash": " – ", "spaced ndash": " – ", "spaced en dash": " – ", "nbsp": " ", "thinsp": " ",
    "spaces": " ", "space": " ", "·": " · ", "dot": " · ", "middot": " · ", "•": " • ", "bull": " • ",
    "bullet": " • ", "pipe": "|", "okina": "ʻ", "-": "",
}

_HANDLERS: dict[str, Callable[[_Args, _Out, str], None]] = {
    "lang": _t_param(2, "text"),
    "langx": _t_param(2, "text"),
    "transl": _t_last,
    "transliteration": _t_last,
    "script": _t_param(2),
    "native name": _t_param(2),
    "native phrase": _t_param(2),
    "rtl-lang": _t_param(2),
    "nihongo": _t_nihongo,
    "nihongo2": _t_param(1),
    "zh": _t_zh,
    "chinese": _t_zh,
    "sic": _t_join(""),
    "not a typo": _t_join(""),
    "as written": _t_join(""),
    "proper name": _t_param(1),
    "abbr": _t_param(1),
    "abbrlink": _t_param(1),
    "tooltip": _t_param(1),
    "visible anchor": _t_param(1),
    "flag": _t_param(1),
    "flagcountry": _t_param(1),
    "flag country": _t_param(1),
    "flagu": _t_param(1),
    "ill": _t_param("lt", 1),
    "interlanguage link": _t_param("lt", 1),
    "illm": _t_param("lt", 1),
    "interlanguage link multi": _t_param("lt", 1),
    "sort": _t_param(2, 1),
    "sortname": _t_join(" "),
    "circa": _t_circa,
    "c.": _t_circa,
    "ca.": _t_circa,
    "c": _t_circa,
    "convert": _t_convert,
    "cvt": _t_convert,
    "val": _t_val,
    "as of": _t_date("As of "),
    "start date": _t_date(),
    "end date": _t_date(),
    "start date and age": _t_date(),
    "end date and age": _t_date(),
    "birth date": _t_date(),
    "death date": _t_date(),
    "birth date and age": _t_date(),
    "death date and age": _t_date(),
    "dts": _t_date(),
    "date": _t_date(dmy_default=True),
    "reign": _t_reign,
    "r.": _t_reign,
    "floruit": _t_prefix("fl. "),
    "fl.": _t_prefix("fl. "),
    "bce": _t_suffix(" BCE"),
    "bc": _t_suffix(" BC"),
    "frac": _t_frac,
    "quote": _t_quote,
    "blockquote": _t_quote,
    "cquote": _t_quote,
    "quotation": _t_quote,
    "lit": _t_lit,
    "literally": _t_lit,
    "hlist": _t_join(", "),
    "flatlist": _t_join(", "),
    "plainlist": _t_join(", "),
    "ubl": _t_join(", "),
    "unbulleted list": _t_join(", "),
    "bulleted list": _t_join(", "),
    "cslist": _t_join(", "),
    "columns-list": _t_last,
    "col-list": _t_last,
    "div col": _t_last,
    "ship": _t_join(" "),
}
for _name in ("nowrap", "nobr", "nobreak", "small", "smaller", "big", "larger", "nobold", "noitalic",
              "em", "strong", "midsize", "smallcaps", "sc", "allcaps", "linktext", "keypress"):
    _HANDLERS[_name] = _t_join("")
for _name, _prefix in _CURRENCIES.items():
    _HANDLERS[_name] = _t_prefix(_prefix)
for _name in ("hms", "uss", "sms", "hmas", "hmcs", "hmnzs"):
    _HANDLERS[_name] = _t_prefix(_name.upper() + " ")
for _name, _value in _LITERALS.items():
    _HANDLERS[_name] = _t_literal(_value)
_LANG_X = re.compile(r"lang-[a-z]{2,3}(?:-[a-z0-9]{2,8})*")
_LANG_X_HANDLER = _t_param(1, "text")


def _render_parser_function(args: _Args, out: _Out, mode: str) -> None:
    """``{{formatnum:1234}}``, ``{{ucfirst:x}}`` …: the value after the colon, as written."""
    raw = str(args.node.name)
    colon = raw.find(":")
    func = args.name.split(":", 1)[0].strip()
    if func not in ("formatnum", "ucfirst", "lcfirst", "uc", "lc") or colon < 0:
        return
    value = _COMMENT.sub("", raw[colon + 1:])
    if func == "formatnum" and re.fullmatch(r"\s*\d{4,}(\.\d+)?\s*", value):
        whole, _, frac = value.strip().partition(".")
        text = f"{int(whole):,}" + (f".{frac}" if frac else "")
        out.put(text, args.name_off + colon + 1, args.name_end, spread=True)
        return
    start = args.name_off + colon + 1
    stripped = value.strip()
    if stripped and raw[colon + 1:] == value:
        out.copy(stripped, start + value.find(stripped))


def _render_template(node: Template, off: int, end: int, out: _Out, mode: str) -> None:
    name = _template_name(str(node.name))
    handler = _HANDLERS.get(name)
    if handler is None and _LANG_X.fullmatch(name):
        handler = _LANG_X_HANDLER
    if handler is not None:
        handler(_Args(node, off, end, mode), out, mode)
    elif ":" in name:
        _render_parser_function(_Args(node, off, end, mode), out, mode)
    # Anything else (citations, maintenance, navigation, unknown templates) is dropped.


# --------------------------------------------------------------------------- inline rendering


def _render_text(s: str, off: int, out: _Out, mode: str) -> None:
    pos = 0
    for m in _TEXT_JUNK.finditer(s):
        out.copy(s[pos:m.start()], off + pos)
        junk = m.group(0)
        if junk.startswith("'"):
            n = len(junk)
            keep = 1 if n == 4 else (n - 5 if n > 5 else 0)  # '''' is an apostrophe and bold
            out.copy(junk[:keep], off + m.start())
        elif junk[1:3].lower() == "br":
            out.put(", " if mode == "infobox" else " ", off + m.start(), off + m.end())
        pos = m.end()
    out.copy(s[pos:], off + pos)


def _render_link(node: Wikilink, off: int, out: _Out, mode: str) -> None:
    title = str(node.title)
    stripped = _COMMENT.sub("", title).strip()
    colon_lead = stripped.startswith(":")
    target = stripped.lstrip(":").strip()
    ns, _, rest = target.partition(":")
    ns = ns.strip().casefold() if rest else ""
    if not colon_lead and ns in _NON_ARTICLE_NAMESPACES:
        return
    if not colon_lead and rest and node.text is None and _INTERLANGUAGE.fullmatch(ns):
        return  # an interlanguage link: not shown in the text
    title_off = off + 2
    if node.text is not None:
        text_off = title_off + len(title) + 1
        piece = _Out()
        _render(node.text, text_off, piece, mode)
        if piece.has_text():
            out.extend(piece)
            return
        # The pipe trick: [[Foo (bar)|]] shows "Foo".
        shown = re.sub(r"\s*\([^()]*\)\s*$", "", rest if ns else target).strip()
        start = title.find(shown) if shown else -1
        if start >= 0:
            out.copy(shown, title_off + start)
        return
    mark = len(out.chars)
    _render(node.title, title_off, out, mode)
    # A leading colon ([[:Category:X]]) is not shown.
    i = mark
    while i < len(out.chars) and out.chars[i].isspace():
        i += 1
    if i < len(out.chars) and out.chars[i] == ":":
        out.delete(mark, i + 1)


def _render_tag(node: Tag, off: int, end: int, out: _Out, mode: str) -> None:
    name = _tag_name(node)
    if node.wiki_markup:
        if name in ("li", "dd", "dt"):
            if name == "dd" and out.has_text():
                out.put(":", off, end)
            elif out.has_text():
                out.put(", ", off, end)
            return
        if name in ("hr", "table"):
            return
        if not node.self_closing and node.contents is not None:
            if name in ("td", "th", "tr"):
                out.put(" ", off, end)
            _render(node.contents, _tag_contents_offset(node, off), out, mode)
        return
    if name == "br":
        out.put(", " if mode == "infobox" else " ", off, end)
        return
    if name in _DROPPED_TAGS or node.self_closing or node.invalid or node.contents is None:
        return
    contents_off = _tag_contents_offset(node, off)
    if name in ("nowiki", "pre"):
        raw = str(node.contents)
        out.copy(raw, contents_off)
        return
    _render(node.contents, contents_off, out, mode)


def _render_entity(node: HTMLEntity, off: int, end: int, out: _Out) -> None:
    if node.named and node.value in ("nbsp", "ensp", "emsp", "thinsp", "NonBreakingSpace"):
        out.put(" ", off, end)
        return
    try:
        char = node.normalize()
    except (ValueError, KeyError, OverflowError):  # an entity the parser took but Python cannot map
        out.copy(str(node), off)
        return
    out.put(char, off, end)


def _render_node(node: Node, off: int, end: int, out: _Out, mode: str) -> None:
    if isinstance(node, Text):
        _render_text(node.value, off, out, mode)
    elif isinstance(node, Wikilink):
        _render_link(node, off, out, mode)
    elif isinstance(node, Template):
        _render_template(node, off, end, out, mode)
    elif isinstance(node, Tag):
        _render_tag(node, off, end, out, mode)
    elif isinstance(node, HTMLEntity):
        _render_entity(node, off, end, out)
    elif isinstance(node, ExternalLink):
        if node.brackets:
            if node.title is not None:
                url_len = len(str(node.url))
                _render(node.title, off + 1 + url_len + (0 if node.suppress_space else 1), out, mode)
        else:
            _render(node.url, off, out, mode)
    elif isinstance(node, Heading):
        _render(node.title, off + node.level, out, mode)
    elif isinstance(node, Argument) and node.default is not None:
        _render(node.default, off + 3 + len(str(node.name)) + 1, out, mode)
    # Comments render to nothing.


def _render(code: Wikicode, base: int, out: _Out, mode: str = "body") -> None:
    for node, start, end in _children(code, base):
        _render_node(node, start, end, out, mode)


# --------------------------------------------------------------------------- block structure


@dataclass
class _Line:
    """One source line at the top level: list markers and the nodes after them."""

    markers: list[tuple[str, int]]
    items: list[tuple[Node | str, int, int]]  # a node, or a piece of a text node, with its span

    def visible_nodes(self) -> bool:
        """False when the line holds only comments and spaces (it then vanishes, as in MediaWiki)."""
        if self.markers:
            return True
        for item, _, _ in self.items:
            if isinstance(item, str):
                if item.strip():
                    return True
            elif not isinstance(item, Comment):
                return True
        return not any(isinstance(item, Comment) for item, _, _ in self.items)


@dataclass
class _Special:
    kind: str  # "heading", "table", "break"
    node: Node | None
    start: int
    end: int


def _top_level(code: Wikicode, base: int) -> Iterator[tuple[Node, int, int]]:
    """Top-level nodes, with block containers (``<div>``, ``{{columns-list}}``) opened up."""
    for node, start, end in _children(code, base):
        if (isinstance(node, Tag) and not node.wiki_markup and not node.self_closing and not node.invalid
                and node.contents is not None and _tag_name(node) in _CONTAINER_TAGS):
            yield from _top_level(node.contents, _tag_contents_offset(node, start))
            continue
        if isinstance(node, Template):
            args = _Args(node, start, end)
            if args.name in ("columns-list", "col-list", "div col") and args.pos:
                last = args.positional()[-1]
                yield from _top_level(last.value, last.off)
                continue
        yield node, start, end


def _lines(code: Wikicode, infobox: list[tuple[Template, int, int]],
           displaytitle: list[tuple[Template, int, int]]) -> Iterator[_Line | _Special]:
    line = _Line([], [])
    for node, start, end in _top_level(code, 0):
        if isinstance(node, Text):
            pos = 0
            value = node.value
            while True:
                nl = value.find("\n", pos)
                piece = value[pos:] if nl < 0 else value[pos:nl]
                if piece:
                    line.items.append((piece, start + pos, start + pos + len(piece)))
                if nl < 0:
                    break
                yield line
                line = _Line([], [])
                pos = nl + 1
            continue
        if isinstance(node, Heading):
            if line.items or line.markers:
                yield line
                line = _Line([], [])
            yield _Special("heading", node, start, end)
            continue
        if isinstance(node, Tag) and node.wiki_markup:
            name = _tag_name(node)
            if name == "table":
                if line.items or line.markers:
                    yield line
                    line = _Line([], [])
                yield _Special("table", node, start, end)
                continue
            if name == "hr":
                yield _Special("break", None, start, end)
                continue
            if name in ("li", "dd", "dt") and not line.items:
                line.markers.append((node.wiki_markup, start))
                continue
        if isinstance(node, Template):
            tname = _template_name(str(node.name))
            if tname.startswith("infobox"):
                infobox.append((node, start, end))
                # Shown as nothing: its line vanishes like a line of comments, not a paragraph break.
                line.items.append((Comment(""), start, end))
                continue
            if tname.startswith("displaytitle:"):
                displaytitle.append((node, start, end))
        line.items.append((node, start, end))
    if line.items or line.markers:
        yield line


def _render_items(items: list[tuple[Node | str, int, int]], out: _Out) -> None:
    for item, start, end in items:
        if isinstance(item, str):
            _render_text(item, start, out, "body")
        else:
            _render_node(item, start, end, out, "body")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_span(text: str, line: _Line) -> tuple[int, int] | None:
    starts = [s for _, s in line.markers] + [s for _, s, _ in line.items]
    ends = [e for _, _, e in line.items] + [s + len(m) for m, s in line.markers]
    if not starts:
        return None
    return _trim(text, min(starts), max(ends))


def _table_rows(node: Tag, start: int) -> Iterator[tuple[list[tuple[Tag, int, int]], int, int]]:
    """Rows of a wikitable: ``(cells, row start, row end)``; the caption is left out."""
    row: list[tuple[Tag, int, int]] = []
    row_start = row_end = start
    contents_off = _tag_contents_offset(node, start)
    for child, cstart, cend in _children(node.contents, contents_off):
        if not isinstance(child, Tag):
            continue
        name = _tag_name(child)
        if name in ("td", "th"):
            if child.wiki_markup == "|" and str(child.contents).startswith("+") and not row:
                continue  # "|+ caption"
            if not row:
                row_start = cstart
            row.append((child, cstart, cend))
            row_end = cend
        elif name == "tr":
            if row:
                yield row, row_start, row_end
            row = []
            cells = [(c, s, e) for c, s, e in _children(child.contents, _tag_contents_offset(child, cstart))
                     if isinstance(c, Tag) and _tag_name(c) in ("td", "th")]
            if cells:
                yield cells, cstart, cend
    if row:
        yield row, row_start, row_end


def _table_blocks(text: str, node: Tag, start: int, section: str) -> Iterator[Block]:
    for cells, rstart, rend in _table_rows(node, start):
        rendered: list[tuple[str, tuple[int, ...], int, int]] = []
        for cell, cstart, cend in cells:
            out = _Out()
            if not cell.self_closing and cell.contents is not None:
                _render(cell.contents, _tag_contents_offset(cell, cstart), out, "body")
            ctext, coffs = _finish(out.chars, out.offs)
            rendered.append((ctext, coffs, cstart, cend))
        if not any(ctext for ctext, _, _, _ in rendered):
            continue
        chars: list[str] = []
        offs: list[int] = []
        for i, (ctext, coffs, cstart, _) in enumerate(rendered):
            sep = "| " if i == 0 else " | "
            chars.extend(sep)
            offs.extend([cstart] * len(sep))
            chars.extend(ctext)
            offs.extend(coffs)
        last_end = rendered[-1][3]
        chars.extend(" |")
        offs.extend([max(last_end - 1, rendered[-1][2])] * 2)
        span = _trim(text, rstart, rend)
        yield Block("table_row", "".join(chars), span, section,
                    cells=tuple(ctext for ctext, _, _, _ in rendered), offsets=tuple(offs))


_BOLD_TITLE = re.compile(r"'''\[?\[?([^'\[\]|]{3,80}? relations)\]?\]?'''")


def _title(title: str | None, source: str, displaytitle: list[tuple[Template, int, int]],
           infobox: Template | None = None, text: str = "") -> tuple[str, tuple[int, int] | None]:
    if title:
        return title, None
    for node, start, _ in displaytitle:
        out = _Out()
        _render(node.name, start + 2, out, "body")
        rendered, offs = _finish(out.chars, out.offs)
        head, sep, shown = rendered.partition(":")
        if sep and head.strip().casefold() == "displaytitle":
            skip = len(head) + 1
            while skip < len(rendered) and rendered[skip] == " ":
                skip += 1
            shown = rendered[skip:]
            if shown:
                return shown, (offs[skip], offs[-1] + 1)
    # A file of its own has no title: take the relation's name from the infobox
    # ("{{Infobox bilateral relations|China–Pakistan|…}}") or the lead's bold phrase.
    if infobox is not None and infobox.has("1"):
        name = _COMMENT.sub("", str(infobox.get("1").value)).strip()
        if re.fullmatch(r"[^\[\]{}|<>]+[–—-][^\[\]{}|<>]+", name):
            return (name if name.endswith("relations") else f"{name} relations"), None
    if m := _BOLD_TITLE.search(text[:5000]):
        return m.group(1), (m.start(1), m.end(1))
    name = PurePath(source.split("#", 1)[0]).stem if source else ""
    return unquote(name).replace("_", " "), None


def _infobox_entries(node: Template, start: int, end: int) -> list[InfoboxEntry]:
    """The infobox's named parameters, in source order; positional ones and empty values are left out."""
    entries = []
    args = _Args(node, start, end)
    by_pipe = {p.pipe: p for p in args.named.values()}
    pipe = args.name_end
    for param in node.params:
        p = by_pipe.get(pipe)
        pipe += 1 + len(str(param))
        if p is None or not param.showkey:
            continue
        name = _COMMENT.sub("", str(param.name)).strip()
        value = clean_infobox_value(_plain(p.value, p.off, "infobox"))
        if not name or not value:
            continue
        raw = str(p.value)
        vend = p.off + len(raw.rstrip())
        entries.append(InfoboxEntry(name[:1].upper() + name[1:], value, (p.pipe, vend), raw.strip()))
    return entries


def read_wikitext(text: str, source: str = "", title: str | None = None) -> Article:
    """Read one article written in wikitext.

    >>> a = read_wikitext("'''A–B relations''' are [[friendship|friendly]].<ref>x</ref>", title="A–B relations")
    >>> a.blocks[0].text
    'A–B relations are friendly.'
    """
    code = _parse(text)
    infobox_nodes: list[tuple[Template, int, int]] = []
    displaytitle: list[tuple[Template, int, int]] = []

    blocks: list[Block] = []
    headings: list[tuple[str, int, int]] = []
    stack: list[tuple[str, int]] = []
    section = ""
    dropping: int | None = None

    para = _Out()
    para_span: list[int] = []

    def flush() -> None:
        if para.chars:
            ptext, poffs = _finish(para.chars, para.offs)
            if ptext:
                blocks.append(Block("paragraph", ptext, (para_span[0], para_span[1]), section,
                                    offsets=poffs))
        para.chars.clear()
        para.offs.clear()
        para_span.clear()

    for item in _lines(code, infobox_nodes, displaytitle):
        if isinstance(item, _Special):
            if item.kind == "heading":
                flush()
                node = item.node
                assert isinstance(node, Heading)
                out = _Out()
                _render(node.title, item.start + node.level, out, "body")
                htext, hoffs = _finish(out.chars, out.offs)
                level = node.level
                if dropping is not None and level <= dropping:
                    dropping = None
                if dropping is not None:
                    continue
                if htext.casefold().strip(" :") in DROPPED_SECTIONS:
                    dropping = level
                    continue
                if not htext:
                    continue
                while stack and stack[-1][1] >= level:
                    stack.pop()
                stack.append((htext, level))
                section = " > ".join(t for t, _ in stack)
                headings.append((htext, level, item.start))
                blocks.append(Block("heading", htext, _trim(text, item.start, item.end), section,
                                    level=level, offsets=hoffs))
            elif item.kind == "table":
                flush()
                if dropping is None:
                    node = item.node
                    assert isinstance(node, Tag)
                    blocks.extend(_table_blocks(text, node, item.start, section))
            else:
                flush()
            continue

        if dropping is not None:
            continue
        line = item
        span = _line_span(text, line)
        if span is None:  # a blank line
            flush()
            continue
        if not line.visible_nodes():
            continue  # a line of comments only: gone without a trace
        out = _Out()
        _render_items(line.items, out)
        kind = line.markers[-1][0] if line.markers else ""
        if kind in ("*", "#"):
            flush()
            ltext, loffs = _finish(out.chars, out.offs)
            if ltext:
                blocks.append(Block("list_item", ltext, span, section, depth=len(line.markers) - 1,
                                    offsets=loffs))
            continue
        if kind:  # ":" indents and ";" terms stand alone
            flush()
            ltext, loffs = _finish(out.chars, out.offs)
            if ltext:
                blocks.append(Block("paragraph", ltext, span, section, offsets=loffs))
            continue
        if not out.has_text():
            flush()  # a line of templates or files that show nothing ends the paragraph
            continue
        if para.chars:
            nl = para_span[1]
            para.put(" ", nl, span[0])
            para_span[1] = span[1]
        else:
            para_span.extend(span)
        para.chars.extend(out.chars)
        para.offs.extend(out.offs)
    flush()

    infobox: list[InfoboxEntry] = []
    if infobox_nodes:
        node, start, end = infobox_nodes[0]
        infobox = _infobox_entries(node, start, end)

    sections, _ = build_sections(headings, len(text))
    see_also = see_also_titles(blocks)
    article_title, title_span = _title(title, source, displaytitle,
                                       infobox_nodes[0][0] if infobox_nodes else None, text)
    return Article(
        title=article_title,
        source=source,
        text=text,
        format="wikitext",
        infobox=tuple(infobox),
        blocks=tuple(blocks),
        sections=sections,
        see_also=see_also,
        meta=(),
        title_span=title_span,
    )
