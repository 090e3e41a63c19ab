"""A finding: something the review should look at, tied to a step and, where it applies,
to the entity it concerns."""

from __future__ import annotations

from dataclasses import dataclass

from planning.enums import Severity
from planning.steps import Step


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    step: Step
    message: str
    entity_id: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        return f"{self.severity.label}: {self.message}"


def info(
    rule: str, step: Step, message: str, entity_id: str | None = None, field: str | None = None
) -> Finding:
    return Finding(rule, Severity.INFO, step, message, entity_id, field)


def warning(
    rule: str, step: Step, message: str, entity_id: str | None = None, field: str | None = None
) -> Finding:
    return Finding(rule, Severity.WARNING, step, message, entity_id, field)
