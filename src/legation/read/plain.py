"""Read the plain-text article form of ``../shared/corpus`` into an :class:`Article`.

The format::

    URL: https://…            (corpus header, optional, kept as metadata)
    TRUNCATED: yes

    = Morocco–Russia relations =

    Infobox
    - Mission1: Embassy of Morocco, Moscow

    Lead paragraph, one per line.

    == History ==
    ===Imperial period===
    - list item
      - nested list item
    | table | row |

The reader is total: any string gives an article, and every block's text is
the exact slice of the source at its span.
"""

from __future__ import annotations

import re

from legation.article import Article, Block, InfoboxEntry, build_sections, heading_path, see_also_titles

_HEADER = re.compile(r"(URL|TRUNCATED):[ \t]*(.*)")
_TITLE = re.compile(r"=[ \t]*([^=].*?)[ \t]*=[ \t]*")
_HEADING = re.compile(r"(={2,6})[ \t]*(.+?)[ \t]*\1[ \t]*")
_INFOBOX_ENTRY = re.compile(r"- ([^:\n]{1,60}?):[ \t]*(.*)")
_LIST_ITEM = re.compile(r"( *)[-*] (.*)")


def clean_infobox_value(value: str) -> str:
    """Remove markup left in an infobox value by the conversion to plain text.

    >>> clean_infobox_value("Embassy of China, Islamabad |Pakistan|China")
    'Embassy of China, Islamabad'
    >>> clean_infobox_value("Afghan Embassy,, Tehran")
    'Afghan Embassy, Tehran'
    """
    value = value.split("|", 1)[0]
    value = re.sub(r",\s*,", ",", value)
    if re.search(r"\.(png|svg|jpe?g|gif)$", value.strip(), re.IGNORECASE):
        value = value.replace("_", " ")
    return re.sub(r"\s+", " ", value).strip(" ,;")


def _lines(text: str):
    """Yield ``(start, end, line)`` for each line, without its line break."""
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield pos, pos + len(body), body
        pos += len(line)


def read_plain(text: str, source: str = "") -> Article:
    """Read a plain-text article.

    >>> a = read_plain("= A–B relations =\\n\\nA and B are friends.\\n")
    >>> a.title, a.blocks[0].text
    ('A–B relations', 'A and B are friends.')
    """
    meta: list[tuple[str, str]] = []
    title, title_span = "", None
    infobox: list[InfoboxEntry] = []
    blocks: list[Block] = []
    headings: list[tuple[str, int, int]] = []
    open_headings: list[tuple[str, int]] = []
    section = ""
    in_infobox = False
    seen_body = False

    for start, _end, line in _lines(text):
        stripped = line.strip()
        if not stripped:
            in_infobox = False
            continue
        lead = len(line) - len(line.lstrip())
        tstart, tend = start + lead, start + len(line.rstrip())
        body = text[tstart:tend]

        if not seen_body and not title and (m := _HEADER.fullmatch(line)):
            meta.append((m.group(1).lower(), m.group(2).strip()))
            continue
        if not title and not blocks and (m := _TITLE.fullmatch(stripped)) and not stripped.startswith("=="):
            title = m.group(1)
            title_span = (tstart + m.start(1), tstart + m.end(1))
            seen_body = True
            continue
        seen_body = True
        if stripped == "Infobox" and not blocks and not infobox:
            in_infobox = True
            continue
        if in_infobox and (m := _INFOBOX_ENTRY.fullmatch(stripped)):
            raw = m.group(2)
            # The entry's span leaves out the list dash: "Mission1: Embassy of Morocco, Moscow".
            infobox.append(InfoboxEntry(m.group(1).strip(), clean_infobox_value(raw), (tstart + 2, tend), raw))
            continue
        in_infobox = False
        if m := _HEADING.fullmatch(stripped):
            level = min(len(m.group(1)), 6)
            heading = m.group(2)
            hs = tstart + m.start(2)
            headings.append((heading, level, tstart))
            section = heading_path(open_headings, heading, level)
            blocks.append(Block("heading", heading, (hs, hs + len(heading)), section, level=level))
            continue
        if m := _LIST_ITEM.fullmatch(line):
            item_start = start + m.start(2)
            item = m.group(2).rstrip()
            if item.strip():
                item_start += len(item) - len(item.lstrip())
                item = item.strip()
                depth = len(m.group(1)) // 2
                blocks.append(Block("list_item", item, (item_start, item_start + len(item)), section, depth=depth))
            continue
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            cells = tuple(c.strip() for c in stripped[1:-1].split("|"))
            blocks.append(Block("table_row", body, (tstart, tend), section, cells=cells))
            continue
        blocks.append(Block("paragraph", body, (tstart, tend), section))

    sections, _ = build_sections(headings, len(text))
    see_also = see_also_titles(blocks)
    return Article(
        title=title or (dict(meta).get("url", "").rsplit("/", 1)[-1].replace("_", " ")),
        source=source,
        text=text,
        format="plain",
        infobox=tuple(infobox),
        blocks=tuple(blocks),
        sections=sections,
        see_also=see_also,
        meta=tuple(meta),
        title_span=title_span,
    )
