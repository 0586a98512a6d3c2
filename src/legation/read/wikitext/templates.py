"""The renderers of the templates that show text, by name: ``{{lang|fr|Paris}}`` shows "Paris".

A renderer writes into the output buffer what the template shows, taking the rendered
parameters from :class:`~legation.read.wikitext.render._Args`; text it makes up (the "c. "
of ``{{circa|1262}}``) maps onto the markup it replaces. Templates not named here show nothing.

>>> from legation.read.wikitext.parse import _parse
>>> from legation.read.wikitext.render import _plain
>>> _plain(_parse("{{circa|1262}}, {{convert|5300|km|mi}}, {{US$|5 million}}{{cite web|url=x}}"), 0)
'c. 1262, 5300 km, US$5 million'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from legation.read.wikitext.parse import _COMMENT

if TYPE_CHECKING:
    from legation.read.wikitext.buffer import _Out
    from legation.read.wikitext.render import _Args

Handler = Callable[["_Args", "_Out", str], None]

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


def _t_param(key: int | str, *fallbacks: int | str) -> Handler:
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


def _t_join(sep: str) -> Handler:
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


def _t_literal(s: str) -> Handler:
    def handler(args: _Args, out: _Out, mode: str) -> None:
        out.put(s, args.off, args.end)

    return handler


def _t_prefix(prefix: str, key: int | str = 1) -> Handler:
    """``prefix`` (over the template's name) and then a parameter: ``{{US$|5}}`` → "US$5"."""

    def handler(args: _Args, out: _Out, mode: str) -> None:
        p = args.get(key)
        lo = args.name_off
        out.put(prefix, lo, p.off if p else args.end)
        if p is not None:
            out.extend(p.piece())

    return handler


def _t_suffix(suffix: str) -> Handler:
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


def _t_date(prefix: str = "", dmy_default: bool = False) -> Handler:
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

_HANDLERS: dict[str, Handler] = {
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


def _handler(name: str) -> Handler | None:
    """The renderer of the template named ``name`` (see :func:`.parse._template_name`), if it shows text."""
    handler = _HANDLERS.get(name)
    if handler is None and _LANG_X.fullmatch(name):
        return _LANG_X_HANDLER
    if handler is None and ":" in name:
        return _render_parser_function
    return handler
