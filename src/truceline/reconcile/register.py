"""The dossier's register of actors as a lookup: a name as written → the actor.

``Register(actors).resolve(name)`` finds the actor a name stands for, or None:

* an exact match of the name or an alias, ignoring case, diacritics,
  punctuation and extra spaces ("netanyahou" is not "Netanyahu": no fuzzing);
* else, for a person, the surname alone ("Witkoff" → "Steve Witkoff") when no
  other actor of the register bears it.

Titles ("PM", "the prime minister") resolve only when listed as an alias:
which prime minister a source means is not guessed. Pure: no store, no files.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from truceline.model import Actor, ActorKind

_NON_WORD = re.compile(r"[^\w]+")


def fold(name: str) -> str:
    """A name reduced for comparison: no case, diacritics or punctuation."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", bare.replace("'", "").replace("’", "")).split())


class Register:
    """Actors by every folded name they go by."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.actors = list(actors)
        self._exact: dict[str, Actor] = {}
        surnames: dict[str, list[Actor]] = {}
        for actor in self.actors:
            for name in (actor.name, *actor.aliases):
                self._exact.setdefault(fold(name), actor)
            if actor.kind == ActorKind.PERSON:
                words = fold(actor.name).split()
                if len(words) > 1:
                    surnames.setdefault(words[-1], []).append(actor)
        self._surname = {
            key: found[0]
            for key, found in surnames.items()
            if len(found) == 1 and key not in self._exact
        }

    def resolve(self, name: str | None) -> Actor | None:
        """The actor a name stands for, or None when the register does not know it."""
        if not name:
            return None
        key = fold(name)
        return self._exact.get(key) or self._surname.get(key)

    def canonical(self, name: str) -> str:
        """The register's name for ``name``, or ``name`` itself when unknown."""
        actor = self.resolve(name)
        return actor.name if actor else name

    def knows(self, name: str) -> bool:
        return self.resolve(name) is not None
