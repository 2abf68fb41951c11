"""The actor lexicon's schema: `data/<lang>/actors.json` (a module of its own so that
`actors` compiles with mypyc)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from borderwatch.extraction.lexicon import Lexicon


class Actor(BaseModel):
    """One actor with every way reports name it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    kind: str
    country: str | None = None
    aliases: list[str] = Field(min_length=1)
    context_aliases: list[str] = []
    prefixes: list[str] = []
    place_like: list[str] = []
    demonyms: list[str] = []


class Reference(BaseModel):
    """A phrase that refers back to the last actor of a kind ("the President")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    kind: str
    country: str | None = None


class ActorLexicon(Lexicon):
    """`data/<lang>/actors.json`."""

    actors: list[Actor]
    references: list[Reference] = Field(default_factory=list)
    place_cues: list[str] = Field(default_factory=list)
    actor_cues: list[str] = Field(default_factory=list)
    forces_nouns: list[str] = Field(default_factory=list)

    def countries(self) -> dict[str, str]:
        """Actor id -> country, for the actors that belong to one."""
        return {a.id: a.country for a in self.actors if a.country}

    def demonym_countries(self) -> dict[str, str]:
        """Demonym (lower case) -> the country of its actor ("afghan" -> "AF")."""
        return {d.lower(): a.country for a in self.actors if a.country for d in a.demonyms}
