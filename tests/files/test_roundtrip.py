"""import → export → import is lossless, for any valid content (a property test)."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from truceline.app import Dossier
from truceline.files.writer import to_yaml
from truceline.model import EventType, Qualifier, Stance, TermType

text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"))
    | st.sampled_from(["\n", "'", '"', ":", "#"]),
    max_size=40,
)
ident = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)
iso_day = st.dates(date(1800, 1, 1), date(2200, 12, 31)).map(lambda d: d.isoformat())
iso = st.one_of(iso_day, iso_day.map(lambda s: s[:7]), iso_day.map(lambda s: s[:4]))
opt = lambda s: st.none() | s  # noqa: E731


@st.composite
def dossier_content(draw: st.DrawFn) -> dict:
    source_ids = draw(st.lists(ident, min_size=1, max_size=3, unique=True))
    sources = [
        {
            "id": f"src-{i}",
            "outlet": draw(text.filter(str.strip)),
            "published": draw(opt(iso)),
            "title": draw(opt(text)),
            "text": draw(opt(text)),
        }
        for i in source_ids
    ]
    evidence = st.builds(
        lambda s, span, t: {"source": f"src-{s}", **span, **({"text": t} if t is not None else {})},
        st.sampled_from(source_ids),
        st.one_of(
            st.just({}),
            st.tuples(st.integers(0, 50), st.integers(0, 50)).map(
                lambda p: {"start": min(p), "end": max(p)}
            ),
        ),
        opt(text),
    )
    common = lambda: {  # noqa: E731
        "date": draw(opt(iso)),
        "claimed_by": draw(opt(text)),
        "notes": draw(opt(text)),
        "sources": draw(st.lists(evidence, max_size=2)),
        "state": draw(st.sampled_from(["candidate", "accepted", "rejected"])),
        "confidence": draw(opt(st.floats(0, 1))),
    }
    n = draw(st.integers(0, 3))
    events = [
        {
            "id": f"ev-{k}",
            "type": draw(st.sampled_from(list(EventType))).value,
            "summary": draw(text),
            "actors": draw(st.lists(text, max_size=2)),
            "fatalities": draw(opt(st.integers(0, 10_000))),
            "figures": [
                {
                    "metric": "killed",
                    "value": draw(st.floats(0, 1e6)),
                    "qualifier": draw(st.sampled_from(list(Qualifier))).value,
                }
            ],
            **common(),
        }
        for k in range(n)
    ]
    figures = [
        {
            "id": f"fig-{k}",
            "metric": draw(ident),
            "value": draw(st.floats(-1e9, 1e9)),
            "qualifier": draw(st.sampled_from(list(Qualifier))).value,
            "who": draw(opt(text)),
            **common(),
        }
        for k in range(draw(st.integers(0, 2)))
    ]
    statements = [
        {
            "id": f"st-{k}",
            "speaker": draw(text),
            "quote": draw(text),
            "mode": draw(st.sampled_from(["direct", "indirect"])),
            **common(),
        }
        for k in range(draw(st.integers(0, 2)))
    ]
    proposals = [
        {
            "id": "prop-1",
            "title": draw(text),
            "proposer": draw(text),
            "terms": [
                {
                    "type": draw(st.sampled_from(list(TermType))).value,
                    "living": draw(opt(st.integers(0, 50))),
                    "until": draw(opt(iso_day)),
                }
            ],
            **common(),
        }
    ]
    responses = [
        {
            "id": "resp-1",
            "party": draw(text),
            "proposal": "prop-1",
            "stance": draw(st.sampled_from(list(Stance))).value,
            **common(),
        }
    ]
    return {
        "sources": sources,
        "events": events,
        "figures": figures,
        "statements": statements,
        "proposals": proposals,
        "responses": responses,
    }


def all_objects(dossier: Dossier) -> list[dict]:
    store = dossier.store
    objects = [*store.sources(), *store.agreements(), *store.records(), *store.disputes()]
    return sorted((o.model_dump(mode="json") for o in objects), key=lambda d: d["id"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=dossier_content())
def test_import_export_import_is_lossless(content: dict) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "in").mkdir()
        (root / "in" / "content.yaml").write_text(to_yaml(content), encoding="utf-8")
        first = Dossier.init(root / "a")
        first.import_dir(root / "in")
        first.export_dir(root / "out")
        second = Dossier.init(root / "b")
        second.import_dir(root / "out")
        assert all_objects(second) == all_objects(first)
        assert second.import_dir(root / "out").changed is False
        first.close()
        second.close()
