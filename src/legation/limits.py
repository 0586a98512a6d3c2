"""What one input may cost: the limits on sizes and nesting, set by environment variables.

Each limit has a default that every real Wikipedia article is far below and an environment
variable that changes it, read when the limit is checked (so a process pool or a server started
with the variable set uses it):

========================== ============================ ==================================================
variable                   default                      what it bounds
========================== ============================ ==================================================
LEGATION_MAX_ARTICLE_BYTES 4M                           one article: a file, a page of a dump, an upload
LEGATION_MAX_STREAM_BYTES  256M                         one bz2 stream of a multistream dump, decompressed
LEGATION_MAX_NESTING       40                           brackets and list markers nested in wikitext
LEGATION_MAX_MARKUP        200000                       wikitext constructs in one article (links, templates…)
========================== ============================ ==================================================

The parser of wikitext spends time and memory per construct (a node each), so an article is
bounded by its number of constructs as well as by its size: 4 MB of ``[[a]]`` is 800,000 links.
Wikipedia itself refuses pages over 2 MiB of wikitext ($wgMaxArticleSize), and its multistream
dumps hold 100 pages per stream. Sizes take a K, M or G suffix (powers of 1024).

>>> limits().article_bytes
4194304
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from legation.errors import ConfigError, InputError

_SIZE = re.compile(r"\s*(\d+)\s*([KMG]?)i?B?\s*", re.IGNORECASE)
_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


@dataclass(frozen=True)
class Limits:
    article_bytes: int = 4 << 20
    stream_bytes: int = 256 << 20
    nesting: int = 40
    markup: int = 200_000


_VARIABLES = {
    "article_bytes": "LEGATION_MAX_ARTICLE_BYTES",
    "stream_bytes": "LEGATION_MAX_STREAM_BYTES",
    "nesting": "LEGATION_MAX_NESTING",
    "markup": "LEGATION_MAX_MARKUP",
}


def _parse(variable: str, value: str) -> int:
    m = _SIZE.fullmatch(value)
    number = int(m.group(1)) * _UNITS[m.group(2).upper()] if m else 0
    if number < 1:
        raise ConfigError(f"{variable}={value!r} is not a positive size (give e.g. 8M or 8388608)")
    return number


def limits() -> Limits:
    """The limits in force: the defaults, changed by any ``LEGATION_MAX_*`` variable that is set."""
    given = {field: _parse(var, os.environ[var]) for field, var in _VARIABLES.items() if os.environ.get(var)}
    return Limits(**given) if given else _DEFAULT


def variable(field: str) -> str:
    """The environment variable that sets one limit, for error messages: ``variable("nesting")``."""
    return _VARIABLES[field]


_DEFAULT = Limits()


# What makes a node of the wikitext parser: templates, tables, links, tags, bold and italic, entities, list items.
_MARKUP = re.compile(r"\{\{|\{\||\[\[|\[[A-Za-z][A-Za-z0-9+.-]*:|\[//|<[A-Za-z!/]|''|&#?\w+;|^[*#:;]", re.MULTILINE)


def check_article(text: str, source: str, wikitext: bool = False) -> None:
    """Raise an :class:`InputError` if one article is over the size limit (or, as wikitext, the markup limit)."""
    limit = limits()
    if len(text) > limit.article_bytes or (len(text) * 4 > limit.article_bytes
                                           and len(text.encode("utf-8", "surrogatepass")) > limit.article_bytes):
        raise InputError(source or "<article>", f"is more than the {limit.article_bytes}-byte limit for one article",
                         f"split it, or raise {variable('article_bytes')}")
    if wikitext and len(text) > limit.markup:
        constructs = sum(1 for _ in _MARKUP.finditer(text))
        if constructs > limit.markup:
            raise InputError(source or "<article>",
                             f"has {constructs} wikitext constructs, more than the limit of {limit.markup}",
                             f"raise {variable('markup')} to read it")
