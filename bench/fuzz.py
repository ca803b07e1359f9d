"""Fuzz the three readers of outside input; only truceline's own errors may come out.

    .venv/bin/python bench/fuzz.py [--cases 10000] [--seed 0] [--readers dossier extractor html]

Each reader gets ``--cases`` generated inputs (seeded, so a run can be
repeated): mutated dossier YAML files for ``files.read_file``, random Unicode
text (with lone surrogates) and publication dates from 0001-01-01 to 9999-12-31
for ``Extractor.extract``, and mutated HTML pages (odd charsets, canonical
links, random bytes) for ingest's ``read_html``. A case fails when anything
other than a ``TrucelineError`` escapes, when it runs past ``--timeout``
seconds, or (dossier files) when what import accepted is not exportable: a
number past 64 bits or not finite, a NUL or a lone surrogate. Prints, per reader: cases tried, failures, and the failures by kind
with one example each. The suite runs the same properties with hypothesis
(tests/files/test_reader_fuzz.py, tests/extract/test_extractor_fuzz.py,
tests/ingest/test_html_fuzz.py); this script runs them longer.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from truceline.errors import TrucelineError

SEED_YAML = """\
sources:
- id: src-a
  outlet: Wire
  url: https://example.org/a?utm_source=x
  published: 2025-01-20
  text: Two were killed on Tuesday, officials said.
events:
- id: ev-1
  type: ASSAULT
  date: 2025-01-19
  summary: A strike hit the camp
  actors: [Side A]
  fatalities: 2
  figures: [{metric: killed, value: 2, qualifier: exact}]
  sources: [{source: src-a, start: 0, end: 20, text: Two were killed}]
figures:
- id: fig-1
  metric: aid_trucks
  value: 630.5
  period: day
  sources: [{source: src-a}]
proposals:
- id: prop-1
  title: Phase two
  proposer: Mediators
  terms: [{type: release_captives, living: 33, until: 2025-03-01}]
responses:
- id: resp-1
  party: Side B
  proposal: prop-1
  stance: conditional
disputes:
- id: dis-1
  topic: Who fired first
  sides:
  - {claim: A did, records: [ev-1]}
  - {claim: B did, records: [fig-1]}
"""

HOSTILE_VALUES = [
    ".inf", "-.inf", ".nan", "1e400", "9" * 5000, "9223372036854775808", "-9223372036854775809",
    '!!int ""', "!!timestamp yesterday", "!!float x", "!!binary '%%'", "!!python/object:os.system",
    "0001-01-01", "9999-12-31", '"a\\0b"', '"\\ud800"', '"\\udfff x"', "*nowhere", "&x [*x]",
    "[" * 300 + "]" * 300, "{a: [{b: " * 40 + "}]}" * 40, "? [a, b]\n  : c", "~", "[]", "{}",
    "no-such-record", "2025-02-30", "18446744073709551616", "-1", "\x07", "\t", "'\\x00'",
]  # fmt: skip
ALIAS_BOMB = "a: &a0 [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 5)
)

WORDS = [
    "yesterday", "tomorrow", "today", "on Tuesday", "last week", "next month", "the following day",
    "two weeks ago", "early June", "day 16", "the 42nd day", "March 18", "18 March 2025", "Oct. 7,",
    "killed", "at least 12", "more than 1,000", "600 trucks", "9" * 40, "said", '"', "“", "”",
    "Hamas", "Israel", "officials", "the ceasefire", "\n", ".", ",", "\ud800", "\udfff", "\x00",
    "\u200b", "\U0001f600", "٣", "ﬃ", "İ", "\r",
]  # fmt: skip
EDGE_DATES = ["0001-01-01", "9999-12-31", "0001-01-02", "9999-12-30", None]

SEED_HTML = (
    '<html><head><meta charset="utf-8"><title>Truce holds</title>'
    '<link rel="canonical" href="https://news.example/a/1"></head><body><article><h1>Truce</h1>'
    + "<p>The ceasefire held through the night, officials said on Tuesday; 12 were hurt.</p>" * 6
    + "</article></body></html>"
)
HTML_SNIPPETS = [
    '<meta charset="punycode">', '<meta charset="utf-7">', '<meta charset="unicode_escape">',
    '<meta charset="idna">', '<meta charset="utf-16">', '<meta charset="rot13">',
    '<meta charset="x-nonsense">', '<link rel="canonical" href="https://a.example:99999/x">',
    '<link rel="canonical" href="http://[::1/x">', '<link rel="canonical" href="http://a b/">',
    '<meta property="article:published_time" content="9999-12-31">',
    '<meta name="date" content="0001-01-01">', "<time datetime='99999-01-01'>x</time>",
    "\\ud800", "&#xd800;", "&#0;", "\x00", "<![CDATA[", "<!--", "<script>", "<p>" * 200,
    "<div>" * 500, "</html>", "<?xml version='1.0'?>", '<base href="javascript:x">',
]  # fmt: skip


def mutate_yaml(rng: random.Random) -> str:
    """The seed dossier with a few line, character and value mutations."""
    lines = SEED_YAML.splitlines()
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(lines))
        op = rng.randrange(6)
        if op == 0 and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {rng.choice(HOSTILE_VALUES)}"
        elif op == 1:
            del lines[i]
        elif op == 2:
            lines.insert(i, rng.choice(lines))
        elif op == 3:
            line, j = lines[i], rng.randrange(len(lines[i]) + 1)
            char = chr(rng.choice([0, 7, 0xD800, 0xFEFF, rng.randrange(0x250)]))
            lines[i] = line[:j] + char + line[j:]
        elif op == 4:
            lines[i] = lines[i].replace(" ", "", 1) if rng.random() < 0.5 else " " + lines[i]
        else:
            lines.insert(
                i, ALIAS_BOMB if rng.random() < 0.2 else f"  x: {rng.choice(HOSTILE_VALUES)}"
            )
    return "\n".join(lines) + "\n"


def random_text(rng: random.Random) -> str:
    """Words that trigger each extractor component, and random code points (surrogates too)."""
    parts = []
    for _ in range(rng.randint(0, 60)):
        if rng.random() < 0.75:
            parts.append(rng.choice(WORDS))
        else:
            parts.append(chr(rng.randrange(0x110000)))
    return " ".join(parts)


def random_day(rng: random.Random) -> str | None:
    if rng.random() < 0.5:
        return rng.choice(EDGE_DATES)
    return f"{rng.randint(1, 9999):04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def mutate_html(rng: random.Random) -> bytes:
    """The seed page with snippets spliced in and a few random bytes."""
    page = SEED_HTML
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(page) + 1)
        page = page[:at] + rng.choice(HTML_SNIPPETS) + page[at:]
    data = bytearray(page.encode("utf-8", "surrogatepass"))
    for _ in range(rng.randint(0, 3)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


class Unexportable(Exception):
    """Import accepted a value that JSON, SQLite or PostgreSQL cannot hold."""


def check_exportable(data: object) -> None:
    """Raise `Unexportable` unless ``data`` is finite, 64-bit, UTF-8 and NUL-free JSON."""
    try:
        text = json.dumps(data, allow_nan=False, ensure_ascii=False)
        text.encode("utf-8")
    except ValueError as exc:  # inf, nan, a lone surrogate
        raise Unexportable(str(exc)) from exc
    if "\x00" in text:
        raise Unexportable("a NUL character")
    json.loads(text, parse_int=_int64)


def _int64(digits: str) -> int:
    if not -(2**63) <= int(digits) < 2**63:
        raise Unexportable(f"{digits[:30]} does not fit in 64 bits")
    return int(digits)


def dossier_case(folder: Path) -> Callable[[random.Random], None]:
    from truceline.files import read_file

    def case(rng: random.Random) -> None:
        path = folder / "case.yaml"
        path.write_bytes(mutate_yaml(rng).encode("utf-8", "surrogatepass"))
        for obj in read_file(path).objects():
            check_exportable(obj.model_dump(mode="json"))

    return case


def extractor_case() -> Callable[[random.Random], None]:
    from truceline.extract import Extractor

    extractor = Extractor(agreement_day1="2025-01-19")

    def case(rng: random.Random) -> None:
        extractor.extract(random_text(rng), published=random_day(rng))

    return case


def html_case() -> Callable[[random.Random], None]:
    from truceline.ingest import IngestOptions
    from truceline.ingest._readers import read_html

    options = IngestOptions()

    def case(rng: random.Random) -> None:
        read_html(mutate_html(rng), "fuzz.html", options)

    return case


class Timeout(Exception):
    """A case ran longer than --timeout seconds."""


def _alarm(*_: Any) -> None:
    raise Timeout


def run(
    name: str, case: Callable[[random.Random], None], cases: int, seed: int, timeout: float
) -> None:
    """Run ``cases`` cases of one reader and print what escaped."""
    failures: Counter[str] = Counter()
    examples: dict[str, str] = {}
    start = time.perf_counter()
    signal.signal(signal.SIGALRM, _alarm)
    for n in range(cases):
        rng = random.Random(f"{seed}-{name}-{n}")
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            case(rng)
        except TrucelineError:
            pass
        except (Exception, RecursionError) as exc:  # noqa: BLE001 - counting is the point
            kind = type(exc).__name__
            failures[kind] += 1
            examples.setdefault(
                kind, f"case {n}: {str(exc).splitlines()[0][:100] if str(exc) else ''}"
            )
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    seconds = time.perf_counter() - start
    total = sum(failures.values())
    print(f"{name}: {cases} cases, {total} failures ({seconds:.0f} s)")
    for kind, count in failures.most_common():
        print(f"    {count:6d}  {kind}  e.g. {examples[kind]}")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=10.0, help="Seconds per case.")
    parser.add_argument(
        "--readers", nargs="+", default=["dossier", "extractor", "html"],
        choices=["dossier", "extractor", "html"],
    )  # fmt: skip
    args = parser.parse_args()
    sys.setrecursionlimit(1000)
    with tempfile.TemporaryDirectory() as tmp:
        makers = {
            "dossier": lambda: dossier_case(Path(tmp)),
            "extractor": extractor_case,
            "html": html_case,
        }
        for name in args.readers:
            run(name, makers[name](), args.cases, args.seed, args.timeout)


if __name__ == "__main__":
    main()
