"""Assessments: what the article says about the state of relations (contract § Top level).

"Russia and Morocco currently enjoy a very good, rapidly improving
relationship", "Relations between Eritrea and Ethiopia have been historically
adversarial", "relations between the countries were tense": a sentence whose
subject is the relationship and whose predicate judges it. Polarity comes
from the judging words; time from the sentence's own time expressions.
"""

from __future__ import annotations

import re

from legation.extract import Doc
from legation.extract.time import find_times
from legation.extract.triggers import SENTENCES
from legation.facts import Assessment

_ABOUT_RELATIONS = re.compile(
    r"\b(?:relations?|relationship|ties|partnership|friendship|rivalry)\b", re.IGNORECASE)
_POSITIVE = re.compile(
    r"\b(?:very good|good|excellent|cordial|warm|friendly|strong|close|improv(?:ing|ed|e)|positive|special|"
    r"strategic|developing very well|in constant development|reconciled|intimate|immense|all-weather|"
    r"traditional friendship|solidarity|widened|warmed|strengthened)\b", re.IGNORECASE)
_NEGATIVE = re.compile(
    r"\b(?:tense|tensions?|strained|hostile|adversarial|poor|bad|cooled|deteriorat(?:ed|ing)|worsen(?:ed|ing)|"
    r"contentious|marred|rivalry|feuding|crisis|crises|difficult|frosty|cold|hostility|enmity|no return|"
    r"contentious|disputes?)\b", re.IGNORECASE)
_JUDGED = re.compile(
    r"\b(?:is|are|was|were|have been|has been|had been|remain(?:s|ed)?|became|become|enjoy(?:s|ed)?|"
    r"described|considered|characteri[sz]ed|marred|improved|cooled|warmed|deteriorated|worsened|strained|"
    r"evolved|reached)\b", re.IGNORECASE)


# The four, indexed by the first letters of their words: a sentence is searched only where those words start.
_LEXICON = SENTENCES.lexicon([_ABOUT_RELATIONS, _JUDGED, _POSITIVE, _NEGATIVE])
_N_ABOUT, _N_JUDGED, _N_POSITIVE, _N_NEGATIVE = range(4)


def _polarity(text: str) -> str:
    pos, neg = bool(_LEXICON.search_in(_N_POSITIVE, text)), bool(_LEXICON.search_in(_N_NEGATIVE, text))
    if pos and neg:
        return "mixed"
    return "positive" if pos else "negative" if neg else "neutral"


def extract(doc: Doc) -> tuple[Assessment, ...]:
    out = []
    for s in doc.sentences:
        text = s.text
        if not _LEXICON.search_in(_N_ABOUT, text):
            continue
        polarity = _polarity(text)
        # (The judging verbs last: "is", "was" … are too short for the index, so they are searched for
        # all along the sentence, and most sentences about relations have no judging words anyway.)
        if polarity == "neutral" or not _LEXICON.search_in(_N_JUDGED, text):
            continue
        judged = _LEXICON.search_in(_N_POSITIVE, text) or _LEXICON.search_in(_N_NEGATIVE, text)
        times = [t for t in find_times(text, doc.context) if t.start is not None]
        evidence, span = doc.span_of(s)
        out.append(Assessment(evidence=evidence, span=span, text=judged.group(0), polarity=polarity,
                              start=times[0].start if times else None, end=times[0].end if times else None))
    return tuple(out)
