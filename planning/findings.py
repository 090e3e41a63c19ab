"""A finding: something the review should look at, tied to a step and, where it applies,
to the entity it concerns."""

from __future__ import annotations

from dataclasses import dataclass

from planning.enums import Severity
from planning.steps import Step


@dataclass(frozen=True)
class Finding:
    """`message` is what the leader reads: the reason and, for coaching rules, the
    concrete suggestion after it; `suggestion` holds the suggestion on its own."""

    rule: str
    severity: Severity
    step: Step
    message: str
    entity_id: str | None = None
    field: str | None = None
    suggestion: str = ""

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


def coach(
    rule: str,
    step: Step,
    reason: str,
    suggestion: str,
    entity_id: str | None = None,
    field: str | None = None,
    severity: Severity = Severity.WARNING,
) -> Finding:
    """A coaching finding: why it matters, then what to write instead."""
    return Finding(rule, severity, step, f"{reason} {suggestion}", entity_id, field, suggestion)
