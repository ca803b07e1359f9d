"""Reviewing extracted records: list candidates, accept, edit or reject them.

Every decision goes through ``Writer.put`` / ``Writer.set_state``, so each one
is a revision (who, when, before, after, note); rejecting is a state, never a
deletion. ``truceline review`` and the web review queue both decide through
these methods of ``Dossier``:

    dossier.candidates(kind=None, source=None)        → list[Record]
    dossier.accept(ids, by, note=None, waiting=False) → dict[id, Outcome]
    dossier.reject(ids, by, note=None, waiting=False) → dict[id, Outcome]
    dossier.edit(id, changes, by, note=None, accept=False) → Record
    parse_assignments(["field=value", …])             → dict for ``edit``

Before deciding, a reviewer sees what accepting would decide: the ledger
evaluated by the real engine with and without the candidates
(``compliance.consequences``):

    dossier.consequences(ids, as_of=None)             → Consequences (the set together)
    dossier.what_if(as_of=None).accepting(ids)        → the same, the ledger as it stands
                                                        evaluated once for many questions

The queue a page at a time, narrowed by a ``QueueFilter``, and the ids a bulk
decision takes:

    dossier.review_page(f, page, size) → Page (app.dashboard); dossier.queue_ids(f) → list[id]
    dossier.queue_choices()            → QueueChoices (the filters' options)
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from truceline.app.reconcile import kept_disputes
from truceline.app.reconciling import found_if_accepted, reconcile_within
from truceline.bounds import explain_limit
from truceline.compliance import Ledger, evaluate
from truceline.compliance.consequences import Consequences, StatusChange, compare
from truceline.errors import ReviewError
from truceline.model import RECORD_KINDS, Dispute, Record, ReviewState, dump, kind_of
from truceline.reconcile.units import found_disputes
from truceline.store import Store
from truceline.store.review_queue import (
    QueueChoices,
    QueueFilter,
    candidate_ids,
    queue_choices,
)
from truceline.store.store import Outcome

__all__ = [
    "READ_ONLY_FIELDS",
    "Consequences",
    "QueueChoices",
    "QueueFilter",
    "Review",
    "StatusChange",
    "WhatIf",
    "parse_assignments",
]

READ_ONLY_FIELDS = frozenset({"id", "kind", "state"})
"""Fields ``edit`` refuses: the id and kind identify a record; state has accept/reject."""


class Review:
    """The review use cases of a ``Dossier`` (a mixin: ``self.store`` is the dossier's)."""

    store: Store

    def candidates(self, kind: str | None = None, source: str | None = None) -> list[Record]:
        """Records waiting for review, in date order; optionally of one kind or from one source."""
        if kind is not None and kind not in RECORD_KINDS:
            raise ReviewError(f"unknown record kind {kind!r} (one of {', '.join(RECORD_KINDS)})")
        records = self.store.records(kind=kind, states=(ReviewState.CANDIDATE.value,))
        if source is not None:
            records = [r for r in records if any(ev.source == source for ev in r.sources)]
        return records

    def accept(
        self, ids: Iterable[str], by: str, note: str | None = None, waiting: bool = False
    ) -> dict[str, Outcome]:
        """Accept records (all in one transaction); an already accepted record is unchanged.

        ``waiting``: every record must still be a candidate, else nothing is written
        (a bulk decision over a list someone else has since decided part of).
        """
        return _set_states(self.store, ids, ReviewState.ACCEPTED, by, note, waiting)

    def reject(
        self, ids: Iterable[str], by: str, note: str | None = None, waiting: bool = False
    ) -> dict[str, Outcome]:
        """Reject records (all in one transaction); they stay stored, marked rejected."""
        return _set_states(self.store, ids, ReviewState.REJECTED, by, note, waiting)

    def queue_ids(self, f: QueueFilter) -> list[str]:
        """Every candidate the filter keeps, in the queue's order: a bulk decision's set."""
        return candidate_ids(self.store, f)

    def queue_choices(self) -> QueueChoices:
        """The event types and sources the queue's candidates hold."""
        return queue_choices(self.store)

    def edit(
        self,
        record_id: str,
        changes: Mapping[str, Any],
        by: str,
        note: str | None = None,
        accept: bool = False,
    ) -> Record:
        """Change fields of a record, validated by its model; ``accept`` also accepts it.

        A value of None clears an optional field. Returns the record as stored.
        """
        if not changes and not accept:
            raise ReviewError(f"{record_id}: nothing to change")
        bad = sorted(set(changes) & READ_ONLY_FIELDS)
        if bad:
            raise ReviewError(
                f"{record_id}: {bad[0]} cannot be edited"
                + (" (use accept or reject)" if bad[0] == "state" else "")
            )
        with self.store.writer(by) as writer:
            record = _record(writer.get(record_id), record_id)
            model = RECORD_KINDS[kind_of(record)]
            unknown = sorted(set(changes) - set(model.model_fields))
            if unknown:
                raise ReviewError(f"{record_id}: a {kind_of(record)} has no field {unknown[0]!r}")
            data = {**dump(record), **changes}
            if accept:
                data["state"] = ReviewState.ACCEPTED.value
            for key, value in changes.items():
                if value is None:
                    data.pop(key, None)
            try:
                edited = model.model_validate(data)
            except ValidationError as exc:
                error = exc.errors()[0]
                where = ".".join(str(p) for p in error["loc"])
                message = explain_limit(error) or str(error["msg"]).removeprefix("Value error, ")
                raise ReviewError(f"{record_id}: {where}: {message}") from exc
            writer.put(edited, note=note)  # type: ignore[arg-type]
            reconcile_within(writer)
            return edited  # type: ignore[return-value]

    def consequences(self, ids: Iterable[str], as_of: dt.date | None = None) -> Consequences:
        """The obligation-days whose status would change if these records were all accepted."""
        return self.what_if(as_of).accepting(list(dict.fromkeys(ids)))

    def what_if(self, as_of: dt.date | None = None) -> WhatIf:
        """The ledger as it stands (evaluated now, once), to ask of any records in turn
        what accepting them would change: ``dossier.what_if().accepting([id])``."""
        return WhatIf(self.store, as_of)


class WhatIf:
    """The dossier's ledger as it stands, and as it would be with some records accepted.

    Both are full evaluations by the engine ``check`` runs, with the disputes the
    dossier's reconciliation finds: as it stands, and with the records accepted in
    a transaction that is rolled back (``found_if_accepted``: only what they touch
    is reconciled again). Nothing is inferred from a record's fields. Safe to
    share between threads: nothing changes after it is built. On the Gaza example
    one ledger takes about 20 ms, so each record asked about costs about that.
    """

    def __init__(self, store: Store, as_of: dt.date | None) -> None:
        self.store = store
        self.as_of = as_of or dt.date.today()
        self.accepted = store.records(states=(ReviewState.ACCEPTED.value,))
        self.sources = store.sources()
        self.stored = store.disputes()
        self.agreements = store.agreements()
        self.base = self._ledger([], kept_disputes(store, self.stored))

    def accepting(self, ids: Sequence[str]) -> Consequences:
        """What accepting these records together would change; nothing for accepted ones."""
        taken = [_as_accepted(self.store.get(i), i) for i in ids]
        fresh = [r for r in taken if r is not None]
        if not fresh:
            return Consequences()
        found = found_if_accepted(self.store, [r.id for r in fresh])
        after = self._ledger(fresh, found_disputes(self.stored, found))
        return compare(self.base, after, {r.id for r in fresh})

    def _ledger(self, extra: list[Record], disputes: list[Dispute]) -> Ledger:
        records = [*self.accepted, *extra]
        return evaluate(self.agreements, records, self.sources, disputes, as_of=self.as_of)


def parse_assignments(assignments: Sequence[str]) -> dict[str, Any]:
    """``["value=48000", "actors=Hamas,Israel", "notes="]`` → a changes dict for ``edit``.

    Text fields take the value as written. Other values are read as JSON when
    they parse (numbers, lists, booleans), else as text; for list fields a
    plain value is split on commas. ``field=`` (nothing after it) clears the field.
    """
    list_fields: set[str] = set()
    text_fields: set[str] = set()
    for model in RECORD_KINDS.values():
        for name, info in model.model_fields.items():
            if info.annotation in (str, str | None):
                text_fields.add(name)
            elif "list[" in str(info.annotation):
                list_fields.add(name)
    changes: dict[str, Any] = {}
    for item in assignments:
        name, sign, raw = item.partition("=")
        name = name.strip()
        if not sign or not name:
            raise ReviewError(f"expected FIELD=VALUE, got {item!r}")
        value: Any
        if raw == "":
            value = None
        elif name in text_fields:
            value = raw
        else:
            try:
                value = json.loads(raw)
            except ValueError:  # not JSON, or a number of more than 4,300 digits
                value = raw
            if name in list_fields and isinstance(value, str):
                value = [part.strip() for part in value.split(",") if part.strip()]
        changes[name] = value
    return changes


def _set_states(
    store: Store, ids: Iterable[str], state: ReviewState, by: str, note: str | None,
    waiting: bool = False,
) -> dict[str, Outcome]:  # fmt: skip
    ids = list(dict.fromkeys(ids))
    if not ids:
        raise ReviewError("no record ids given")
    out: dict[str, Outcome] = {}
    with store.writer(by) as writer:
        for record_id in ids:
            record = _record(writer.get(record_id), record_id)
            if waiting and record.state != ReviewState.CANDIDATE.value:
                raise ReviewError(
                    f"{record_id} is no longer waiting for review (it is {record.state}); "
                    "nothing was changed: reload the queue"
                )
            out[record_id] = writer.set_state(record_id, state, note=note)
        reconcile_within(writer)
    return out


def _as_accepted(obj: object, record_id: str) -> Record | None:
    """The record as if accepted; None when it already is (accepting it changes nothing)."""
    record = _record(obj, record_id)
    if record.state == ReviewState.ACCEPTED.value:
        return None
    return record.model_copy(update={"state": ReviewState.ACCEPTED.value})  # type: ignore[return-value]


def _record(obj: object, record_id: str) -> Record:
    if obj is None or kind_of(obj) not in RECORD_KINDS:  # type: ignore[arg-type]
        raise ReviewError(f"no record with id {record_id!r}")
    return obj  # type: ignore[return-value]
