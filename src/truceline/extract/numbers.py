"""Number expressions in English news text: "42", "4,000", "1.2 million", "twenty-five".

`NUMBER_RE` finds them; `parse_number` turns the matched text into a float.

DOCS: docs/extraction.md
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN = "|".join(TENS)
_WORD = rf"(?:(?:{_TEN})(?:[-\s](?:{_UNIT}))?|{_UNIT}|a\s+dozen|dozen)"
_SCALE = r"(?:hundred|thousand|million|billion)"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

NUMBER_RE = re.compile(
    rf"(?<![\w.,-])(?:(?:{_DIGITS})(?:\s+{_SCALE})?"
    rf"|(?:{_WORD})(?:\s+{_SCALE})?(?:\s+(?:and\s+)?(?:{_WORD}))?)(?![\w])",
    re.IGNORECASE,
)
"""A cardinal number written in digits or words, with an optional scale word."""


def parse_number(text: str) -> float | None:
    """Value of a number expression matched by `NUMBER_RE`; None if it is not one.

    >>> parse_number("1.2 million"), parse_number("twenty-five"), parse_number("4,000")
    (1200000.0, 25.0, 4000.0)
    """
    words = re.split(r"[\s-]+", text.strip().lower().replace(",", ""))
    total = 0.0
    current = 0.0
    seen = False
    for word in words:
        if not word or word in ("and", "a"):
            continue
        if word == "dozen":
            current = (current or 1) * 12
        elif re.fullmatch(r"\d+(?:\.\d+)?", word):
            current += float(word)
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None
