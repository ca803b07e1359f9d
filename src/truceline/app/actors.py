"""The dossier's register of actors: ``actors.yaml`` in the dossier folder.

Read (validated, with file:line:field errors) on every use, written back when
it grows (``add_actor``, or an import that brings an ``actors.yaml``). Ingest
resolves names to it (``Register``); review sees the names it does not know
(``proposed_actors``). docs/actors.md says more.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from pydantic import ValidationError

from truceline.base import make_id
from truceline.errors import DossierFileError, ReviewError
from truceline.files import read_file, write_actors
from truceline.files.reader import Origin, explain
from truceline.model import Actor, Event, Statement
from truceline.reconcile.register import Register, fold
from truceline.store import Store
from truceline.vocab import ReviewState

ACTORS_FILE = "actors.yaml"


class Actors:
    """The register use cases of a ``Dossier`` (a mixin: ``self.path`` is its folder)."""

    path: Path
    store: Store

    @property
    def actors_file(self) -> Path:
        return self.path / ACTORS_FILE

    def actors(self) -> list[Actor]:
        """The register, in file order (empty when the dossier has no ``actors.yaml``)."""
        if not self.actors_file.is_file():
            return []
        return read_file(self.actors_file).actors

    def register(self) -> Register:
        """The register as a lookup from names to actors."""
        return Register(self.actors())

    def proposed_actors(self) -> list[tuple[str, int]]:
        """Names in candidate and accepted records the register does not know, most used first."""
        register = self.register()
        counts: Counter[str] = Counter()
        states = (ReviewState.CANDIDATE.value, ReviewState.ACCEPTED.value)
        for record in self.store.records(states=states):
            for name in names_in(record):
                if not register.knows(name):
                    counts[name] += 1
        return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))

    def add_actor(
        self,
        name: str,
        kind: str,
        aliases: list[str] | None = None,
        affiliation: str | None = None,
        actor_id: str | None = None,
    ) -> Actor:
        """Add one actor to the register (validated; refused if a name is already taken)."""
        try:
            actor = Actor(
                id=actor_id or make_id("actor", fold(name)),
                name=name,
                kind=kind,  # type: ignore[arg-type]
                aliases=aliases or [],
                affiliation=affiliation,
            )
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(part) for part in first["loc"])
            raise ReviewError(f"actor {field}: {explain(first)}") from exc
        merged = self.merged_actors([actor], where="the new actor")
        write_actors(self.actors_file, merged)
        return actor

    def merged_actors(
        self, incoming: list[Actor], where: str, origins: Mapping[str, Origin] | None = None
    ) -> list[Actor]:
        """The register with ``incoming`` merged in: same id → aliases added; else appended.

        Refuses (before anything is written) a name or alias that would stand for two actors,
        at its file, line and field when ``origins`` (actor id → where it was read) has it.
        """
        merged = {a.id: a for a in self.actors()}
        for actor in incoming:
            old = merged.get(actor.id)
            if old is not None:
                aliases = [*old.aliases, *(a for a in actor.aliases if a not in old.aliases)]
                actor = old.model_copy(update={"aliases": aliases})
            merged[actor.id] = actor
        owner: dict[str, str] = {}
        for actor in merged.values():
            for name in (actor.name, *actor.aliases):
                key = fold(name)
                if owner.setdefault(key, actor.id) != actor.id:
                    message = f"{name!r} already names actor {owner[key]!r} in {ACTORS_FILE}"
                    origin = (origins or {}).get(actor.id)
                    if origin is not None:
                        field = (
                            ("name",)
                            if name == actor.name
                            else ("aliases", actor.aliases.index(name))
                        )
                        raise origin.error(field, message)
                    raise DossierFileError(where, None, "aliases", message)
        return list(merged.values())


def names_in(record: object) -> list[str]:
    """The actor names a record holds: a statement's speaker and affiliation, an event's parties."""
    if isinstance(record, Statement):
        return [n for n in (record.speaker, record.affiliation) if n]
    if isinstance(record, Event):
        return [*record.actors, *record.targets]
    return []
