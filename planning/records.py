"""The base of every stored structure: strict records, and entities with a stable id."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict, Field


def new_id() -> str:
    return str(uuid.uuid4())


class Record(BaseModel):
    """Base of every stored structure: unknown keys are refused, NaN and infinity too."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, validate_assignment=True)


class Entity(Record):
    id: str = Field(default_factory=new_id, min_length=1, max_length=64)
