"""The sentence model's file schema: `data/<lang>/sentence_model.json` (a module of its own so
that `sentence_model` compiles with mypyc)."""

from __future__ import annotations

from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from borderwatch.types import EventType


class SentenceModelFile(BaseModel):
    """`data/<lang>/sentence_model.json`: one row of weights per feature (a weight per type, in
    the order of `types`, 0 where pruned), biases, thresholds."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    language: str = Field(min_length=2)
    source: str = Field(min_length=1)
    description: str = ""
    trained_on: list[str] = []
    biases: dict[EventType, float]
    thresholds: dict[EventType, float] = Field(
        description="add a claim of a type at or above this probability (types absent: never)"
    )
    claimed_margin: float = Field(
        default=1.0, description="added to a threshold in a sentence that already has a claim"
    )
    drop_below: float = Field(
        default=0.0,
        description="a rule claim whose type scores below this is retyped or dropped",
    )
    drop_weaker_than: float = Field(
        default=1.0,
        description="only a rule claim less confident than this may be dropped (any may be "
        "retyped): a short, clear sentence gives the model little to go on",
    )
    types: list[EventType] = Field(min_length=1, description="the order of every weight row")
    weights: dict[str, list[float]]

    @model_validator(mode="after")
    def _rows_fit_types(self) -> Self:
        wrong = next((f for f, row in self.weights.items() if len(row) != len(self.types)), None)
        if wrong is not None:
            raise ValueError(f"the weights of {wrong!r} are not one per type of `types`")
        return self
