"""Quotation marks paired into quotations: pure text, no parse needed.

Curly, straight and single quotation marks, nested quotes, quotes split around
their cue, partial quotes, quotes running over several paragraphs (no closing
mark before the next paragraph's opening one) and headline forms (`Name: '…'`).
Marks are paired per paragraph, so one unbalanced mark never spoils the rest of
a document. Who said the words is `attribution`'s job.

DOCS: docs/extraction.md
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
_OPENING_CONTEXT = " \t([{—–-:;/\n“‘\"'"


@dataclass(frozen=True)
class QuoteMarks:
    """A quotation found in the text: content offsets (marks excluded)."""

    start: int
    end: int
    open_mark: int
    close_mark: int
    closed: bool = True
    continues: bool = False
    """True when the quote runs on into the next paragraph."""
    marked: bool = True
    """False for a headline's unmarked words after `Name:`."""


HEADING_LABELS = (
    "breaking", "update", "updated", "live", "watch", "video", "analysis", "exclusive",
    "opinion", "explainer", "big news", "just in", "latest", "factbox", "timeline",
    "comment", "editorial", "listen", "photos", "review", "interview", "q&a",
)  # fmt: skip
"""Words a feed puts before a headline's colon that name the kind of item, not a speaker."""

LABEL_PREFIX = r"(?:(?:" + "|".join(re.escape(w) for w in HEADING_LABELS) + r"):\s*)"
"""A regular expression for a headline's label and colon ("Update: ")."""

_HEADLINE = re.compile(
    r"^" + LABEL_PREFIX + r"?"
    r"([^:“”\"‘’'\n]{2,40}?):\s+([^\s“\"‘'][^\n]*?)\s*$",
    re.IGNORECASE,
)


def headline_speech(text: str) -> QuoteMarks | None:
    """A first line `Name: words` with no quotation marks: the words as a quotation
    (`Netanyahu: We will respond`). Whether the name can speak is for attribution."""
    line = text.split("\n", 1)[0]
    m = _HEADLINE.match(line)
    if not m or m.group(1).strip().lower() in HEADING_LABELS:
        return None
    start, end = m.start(2), m.end(2)
    return QuoteMarks(start, end, start - 1, end, closed=True, marked=False)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def find_quote_marks(text: str) -> list[QuoteMarks]:
    """Top-level quotations of `text`, paired paragraph by paragraph."""
    paragraphs = _paragraphs(text)
    found: list[QuoteMarks] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        stack: list[tuple[str, int]] = []  # (kind "d"/"s", position of the opening mark)
        for pos in range(p_start, p_end):
            ch = text[pos]
            if ch not in "“”„«»‘’‹›\"'":
                continue
            prev = text[pos - 1] if pos > p_start else " "
            nxt = text[pos + 1] if pos + 1 < p_end else " "
            opens = ch in DOUBLE_OPEN or (pos == p_start and ch in DOUBLE_CLOSE)  # a typo
            if opens or (ch == '"' and not any(k == "d" for k, _ in stack)):
                if ch == '"' and not (prev in _OPENING_CONTEXT or prev in "“‘"):
                    continue  # a stray straight mark after a word (inches, typos)
                while stack and stack[-1][0] == "s":
                    stack.pop()  # a single quote left open before a new double one
                if stack:
                    stack.pop()  # two openings in a row: drop the first
                stack.append(("d", pos))
            elif ch in DOUBLE_CLOSE or ch == '"':
                while stack and stack[-1][0] == "s":
                    stack.pop()
                if stack:
                    _, open_pos = stack.pop()
                    _emit(found, text, open_pos, pos, closed=True)
            elif ch in SINGLE_OPEN or (ch == "'" and prev in _OPENING_CONTEXT and _is_letter(nxt)):
                if _is_letter(prev) and ch == "'":
                    continue
                stack.append(("s", pos))
            elif ch in SINGLE_CLOSE or ch == "'":
                if _is_letter(nxt) or not stack or stack[-1][0] != "s":
                    continue  # an apostrophe
                if prev.isspace():
                    continue
                _, open_pos = stack.pop()
                if not stack:
                    _emit(found, text, open_pos, pos, closed=True)
        # recovery at the paragraph's end
        if stack and stack[0][0] == "d":
            open_pos = stack[0][1]
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            continues = bool(
                following and text[following[0] : following[0] + 1] in DOUBLE_OPEN + '"'
            )
            content = text[open_pos + 1 : p_end]
            if continues or len(content.split()) >= 4:
                _emit(found, text, open_pos, p_end, closed=False, continues=continues)
    return found


def _emit(
    found: list[QuoteMarks],
    text: str,
    open_pos: int,
    close_pos: int,
    *,
    closed: bool,
    continues: bool = False,
) -> None:
    start, end = open_pos + 1, close_pos
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start < 1:
        return
    found.append(QuoteMarks(start, end, open_pos, close_pos, closed, continues))


__all__ = [
    "DOUBLE_CLOSE",
    "DOUBLE_OPEN",
    "SINGLE_CLOSE",
    "SINGLE_OPEN",
    "HEADING_LABELS",
    "LABEL_PREFIX",
    "QuoteMarks",
    "find_quote_marks",
    "headline_speech",
]
