"""Which expressions of a lexicon can match a text, and where, told from the first letters of its words.

The extractors search every sentence and clause with dozens of regular expressions (the cue
lexicon alone has sixty), and a scan tries each expression at every position of the text,
though a sentence holds the words of only a few. Nearly every expression starts a word with
one of a handful of stems ("\\b(?:expel(?:s|led|ling)?|expulsion)\\b" starts with "exp"), so a
:class:`Lexicon` indexes each expression by the first three characters its matches can have
(read from the expression by the standard library's own parser); a text's words then name
the few expressions worth trying, and where. The index only ever skips what cannot match:
an expression whose first three characters cannot be listed is searched as before.
:func:`required` reads, the same way, words an expression cannot do without.

>>> lex = Lexicon([re.compile(r"\\bexpel(?:s|led)?\\b", re.I), re.compile(r"\\bwars?\\b", re.I)])
>>> lex.hits("Both sides expelled diplomats; war.")
{0: [11], 1: [31]}
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

try:  # the standard library's own parser of regular expressions (``sre_parse`` before Python 3.11)
    from re import _constants as _sre
    from re import _parser as _parse
except ImportError:  # pragma: no cover - older or other Pythons: every expression is always run
    _sre = _parse = None

_N = 3  # characters of a match's start that index it
_LIMIT = 4096  # prefixes one expression may have before it is always run instead
# What sre's case-insensitive matching equates with an ASCII letter, besides its other case.
_FOLD = {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"} | {
    0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}
_SPACES = frozenset(c for c in map(chr, range(0x3001)) if c.isspace())  # what \s matches (U+3000 is the last)
_WORD = re.compile(r"\w+")
_ASCII_WORD = re.compile(r"\w+", re.ASCII)  # the same runs in ASCII text, without Unicode's tables


def fold(text: str) -> str:
    """``text`` lower-cased, one character for one, as case-insensitive matching equates them with ASCII."""
    if "ſ" in text or "ı" in text or "İ" in text:  # (str.translate looks every character up: slow)
        return text.translate(_FOLD)
    return text.lower()  # (only "İ" lower-cases to two characters)


# Where the words of a text start, by their first characters folded, for the texts of the article
# being read: its sentences are indexed by several lexicons (see forget()).
_WORDS: dict[str, dict[str, list[int]]] = {}
_WORDS_KEPT = 4096


def _words(text: str) -> dict[str, list[int]]:
    """The first _N characters (folded) of the words of ``text``, each with where such words start (ascending)."""
    at = _WORDS.get(text)
    if at is None:
        if len(_WORDS) >= _WORDS_KEPT:
            _WORDS.clear()
        written = fold(text)
        at = _WORDS[text] = {}
        for m in (_ASCII_WORD if text.isascii() else _WORD).finditer(text):
            start = m.start()
            key = written[start:start + _N]
            if (where := at.get(key)) is None:
                at[key] = [start]
            else:
                where.append(start)
    return at


def forget() -> None:
    """Drop what :func:`_words` and :data:`SENTENCES` keep: called before each article, as no two
    articles share their texts."""
    _WORDS.clear()
    SENTENCES.forget()


class _Unlisted(Exception):
    """The expression's first characters cannot be listed."""


def _chars(items) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            out.add(chr(av))
        elif op is _sre.RANGE and av[1] - av[0] < 64:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is _sre.CATEGORY and av in (_sre.CATEGORY_SPACE, _sre.CATEGORY_UNI_SPACE):
            out |= _SPACES
        else:  # a negated set, another category (\w, \d), a wide range
            raise _Unlisted
    return out


def _step(prefixes: set[str], chars: set[str]) -> set[str]:
    chars = {c.lower() for c in chars}
    if not all(c.isascii() or c in _SPACES for c in chars):  # (spaces have no case)
        raise _Unlisted
    out = {p for p in prefixes if len(p) >= _N}
    out |= {p + c for p in prefixes if len(p) < _N for c in chars}
    if len(out) > _LIMIT:
        raise _Unlisted
    return out


def _walk(seq, prefixes: set[str]) -> set[str]:
    """The starts, up to _N characters (lower-cased), of what ``seq`` matches after ``prefixes``."""
    for op, av in seq:
        if all(len(p) >= _N for p in prefixes):
            return prefixes
        if op is _sre.LITERAL:
            prefixes = _step(prefixes, {chr(av)})
        elif op is _sre.IN:
            prefixes = _step(prefixes, _chars(av))
        elif op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero width: skipping it only lists more
        elif op is _sre.SUBPATTERN:
            prefixes = _walk(av[-1], prefixes)
        elif op is _sre.BRANCH:
            prefixes = set().union(*(_walk(branch, prefixes) for branch in av[1]))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, high, item = av
            for _ in range(low):
                prefixes = _walk(item, prefixes)
            found = set(prefixes)
            for _ in range(min(high, low + _N + 1) - low if high != _sre.MAXREPEAT else _N + 1):
                prefixes = _walk(item, prefixes)
                found |= prefixes
            prefixes = found
        else:  # any character, a category, a back-reference, ...
            raise _Unlisted
    return prefixes


def _opens_word(seq) -> bool:
    """Whether every match of ``seq`` begins with ``\\b`` or ``(?<!\\w)`` (at the position of its first character)."""
    for op, av in seq:
        if op is _sre.AT:
            return av is _sre.AT_BOUNDARY
        if op is _sre.ASSERT_NOT and av[0] == -1 and list(av[1]) == [(_sre.IN, [(_sre.CATEGORY, _sre.CATEGORY_WORD)])]:
            return True
        if op is _sre.SUBPATTERN:
            return _opens_word(av[-1])
        if op is _sre.BRANCH:
            return all(_opens_word(branch) for branch in av[1])
        return False
    return False


def starts(pattern: re.Pattern) -> frozenset[str] | None:
    """The first three characters (lower-cased) of every match, when every match starts a word with
    them; else None. (For a pattern that minds case, the lower-cased starts of its matches are
    among those of what it would match ignoring case.)"""
    if _parse is None:
        return None
    try:
        parsed = _parse.parse(pattern.pattern, pattern.flags)
        # Every match must open with \b (or "not after a word character") and a word character,
        # so that it starts where a word does.
        if not _opens_word(parsed):
            return None
        found = _walk(parsed, {""})
    except (_Unlisted, re.error, ValueError, TypeError):
        return None
    if any(len(p) < _N or not (p[0].isalnum() or p[0] == "_") for p in found):
        return None
    return frozenset(found)


def _flat(seq) -> list:
    """A pattern's top-level sequence with its groups opened: what they match in a row."""
    out = []
    for op, av in seq:
        if op is _sre.SUBPATTERN:
            out += _flat(av[-1])
        else:
            out.append((op, av))
    return out


def required(pattern: re.Pattern) -> tuple[frozenset[str], ...]:
    """Sets of word starts (first three characters, lower-cased) every match of ``pattern`` holds one of.

    A word is required where the pattern opens with one (see :func:`starts`) and after each space
    (``\\s+``) it cannot do without: "(?:the\\s+)?following\\s+(?:month|week)" requires a word starting
    "mon" or "wee". A text none of whose words starts as one of a set requires (see :func:`words_in`)
    holds no match. An empty tuple: nothing could be told.
    """
    if _parse is None:
        return ()
    out = []
    if (first := starts(pattern)) is not None:
        out.append(first)
    try:
        seq = _flat(_parse.parse(pattern.pattern, pattern.flags))
    except (re.error, ValueError, TypeError):
        return tuple(out)
    space = [(_sre.IN, [(_sre.CATEGORY, _sre.CATEGORY_SPACE)])]
    for k in range(1, len(seq)):
        op, av = seq[k - 1]
        if op not in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) or av[0] < 1 or list(av[2]) != space:
            continue
        try:
            found = _walk(seq[k:], {""})
        except _Unlisted:
            continue
        if found and all(len(p) == _N and (p[0].isalnum() or p[0] == "_") for p in found):
            out.append(frozenset(found))
    return tuple(out)


def words_in(text: str) -> dict[str, list[int]]:
    """The starts (first three characters, folded) of the words (runs of ``\\w``) of ``text``, each with
    where such words start (ascending). (A dict: do not change it.)"""
    return _words(text)


class Lexicon:
    """Regular expressions indexed by the (lower-cased) starts of their matches.

    :meth:`hits` reads a text's words once and says, for each expression that may match, where
    its matches can start; :meth:`finditer` and :meth:`search` then try the expression only there.
    They give what ``pattern.finditer(text)`` and ``pattern.search(text)`` give: a match found by
    a scan is the first one at or after where the scan stands, and it can only start at one of
    those positions (``pattern.match(text, pos)`` sees the text before ``pos``, as a scan does).
    """

    def __init__(self, patterns: Sequence[re.Pattern]) -> None:
        self.patterns = tuple(patterns)
        index: dict[str, list[int]] = {}
        always: list[int] = []
        for i, pattern in enumerate(self.patterns):
            found = starts(pattern)
            if found is None:
                always.append(i)
                continue
            for start in found:
                index.setdefault(start, []).append(i)
        self._index = {k: tuple(v) for k, v in index.items()}
        self._always = tuple(always)
        # Words an indexed expression cannot do without after its first (see :func:`required`): a text
        # that lacks one cannot hold a match, wherever the expression's first word is.
        self._needs = {}
        for i, pattern in enumerate(self.patterns):
            if i not in always and (later := required(pattern)[1:]):
                self._needs[i] = later

    def hits(self, text: str) -> dict[int, list[int] | None]:
        """For each expression that may match in ``text`` (by index, in order), where its matches can
        start (ascending), or None when it cannot be told."""
        index = self._index
        found: dict[int, list[int] | None] = dict.fromkeys(self._always)
        at_key = _words(text)
        several = False  # whether some expression starts with several of the keys found
        for key in at_key.keys() & index.keys():
            at = at_key[key]
            for n in index[key]:
                where = found.get(n)  # never None here: the expressions always run are not indexed
                if where is None:
                    found[n] = list(at)
                else:
                    where += at
                    several = True
        for n in self._needs.keys() & found.keys():
            if any(at_key.keys().isdisjoint(words) for words in self._needs[n]):
                del found[n]
        if several:
            for where in found.values():
                if where is not None:
                    where.sort()
        return dict(sorted(found.items())) if len(found) > 1 else found

    def finditer(self, n: int, text: str, where: list[int] | None) -> Iterator[re.Match]:
        """``self.patterns[n].finditer(text)``, trying only the positions ``where`` (see :meth:`hits`)."""
        pattern = self.patterns[n]
        if where is None:
            yield from pattern.finditer(text)
            return
        end = 0
        for pos in where:
            if pos >= end and (m := pattern.match(text, pos)) is not None:
                yield m
                end = m.end()

    def search(self, n: int, text: str, where: list[int] | None, pos: int = 0,
               endpos: int | None = None) -> re.Match | None:
        """``self.patterns[n].search(text, pos, endpos)``, trying only the positions ``where`` (see :meth:`hits`)."""
        pattern = self.patterns[n]
        endpos = len(text) if endpos is None else endpos
        if where is None:
            return pattern.search(text, pos, endpos)
        for start in where:
            if start >= endpos:
                break
            if start >= pos and (m := pattern.match(text, start, endpos)) is not None:
                return m
        return None

    def where(self, text: str, n: int) -> list[int] | None | bool:
        """Where expression ``n`` may match in ``text`` (see :meth:`hits`), or False if nowhere."""
        return self.hits(text).get(n, False)

    def search_in(self, n: int, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        """``self.patterns[n].search(text, pos, endpos)``, tried only where it may match."""
        where = self.where(text, n)
        return None if where is False else self.search(n, text, where, pos, endpos)

    def any(self, text: str) -> bool:
        """Whether some expression matches somewhere in ``text``."""
        return any(self.search(n, text, where) is not None for n, where in self.hits(text).items())


class Shared:
    """The lexicons of several extractors over the same texts (the sentences), indexed as one: a
    text's hits are found once for all of them. Each gets a :class:`Lexicon` of its own patterns
    from :meth:`lexicon`, whose :meth:`~Lexicon.hits` are those of the whole, renumbered.
    """

    def __init__(self) -> None:
        self._patterns: list[re.Pattern] = []
        self._whole: Lexicon | None = None
        self._hits: dict[str, dict[int, list[int] | None]] = {}

    def lexicon(self, patterns: Sequence[re.Pattern]) -> Lexicon:
        part = _Part(patterns, self, len(self._patterns))
        self._patterns += part.patterns
        self._whole = None  # (rebuilt, once all the extractors have added theirs, by the next hits)
        self._hits.clear()
        return part

    def hits(self, text: str) -> dict[int, list[int] | None]:
        # (Asked once a sentence by each extractor: the kept answer first. What is kept was found with
        # every pattern added so far: adding one drops it.)
        found = self._hits.get(text)
        if found is None:
            if self._whole is None:
                self._whole = Lexicon(self._patterns)
            if len(self._hits) >= _WORDS_KEPT:
                self._hits.clear()
            found = self._hits[text] = self._whole.hits(text)
        return found

    def forget(self) -> None:
        self._hits.clear()


class _Part(Lexicon):
    """The patterns one extractor added to a :class:`Shared` lexicon."""

    def __init__(self, patterns: Sequence[re.Pattern], whole: Shared, offset: int) -> None:
        self.patterns = tuple(patterns)
        self._shared = whole
        self._offset = offset

    def hits(self, text: str) -> dict[int, list[int] | None]:
        offset = self._offset
        end = offset + len(self.patterns)
        # (The whole's hits are in the order of their numbers: so are these.)
        return {n - offset: where for n, where in self._shared.hits(text).items() if offset <= n < end}

    def where(self, text: str, n: int) -> list[int] | None | bool:
        return self._shared.hits(text).get(n + self._offset, False)

    def any(self, text: str) -> bool:
        found, offset = self._shared.hits(text), self._offset
        return any(self.search(n, text, found[n + offset]) is not None
                   for n in range(len(self.patterns)) if n + offset in found)


# The sentences' lexicons of the extractors (missions, people, quantities, agreements, assessments, the
# timeline's and the events' gates).
SENTENCES = Shared()
