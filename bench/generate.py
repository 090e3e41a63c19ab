"""A large generated workbook for the benchmarks: 500 objectives, 40 strategic objectives,
10 years of history, every list filled (deterministic: the same seed, the same workbook)."""

from __future__ import annotations

import random
from datetime import date

from planning.carry_forward import snapshot
from planning.enums import (
    ObjectiveStatus,
    OfficeKind,
    StatementDecision,
    StrategyKind,
    Strength,
    ValueCategory,
)
from planning.model import (
    AlignmentLink,
    CommunicationItem,
    Constituent,
    Objective,
    Participant,
    Statement,
    StrategicObjective,
    StrategyItem,
    Workbook,
    new_workbook,
)

WORDS = [
    "deliver",
    "portfolio",
    "value",
    "customers",
    "benefits",
    "strategy",
    "faster",
    "cheaper",
    "risk",
    "quality",
    "digital",
    "fleet",
    "depots",
    "planning",
    "capacity",
    "investment",
    "review",
]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def generate_workbook(
    objectives: int = 500, strategic: int = 40, years: int = 10, seed: int = 7
) -> Workbook:
    rng = random.Random(seed)
    wb = new_workbook("Generated Corp", "FY2030")
    wb.setup.fiscal_year.start, wb.setup.fiscal_year.end = date(2030, 1, 1), date(2030, 12, 31)
    wb.setup.facilitator = "Facilitator"
    wb.setup.participants = [
        Participant(name=f"Person {i}", role="Role", executive=i < 3) for i in range(12)
    ]
    wb.office.kind = OfficeKind.PORTFOLIO
    wb.office.full_name = "Generated Corp Portfolio Management Office"
    wb.office.scope = _text(rng, 20)
    wb.strategy = [
        StrategicObjective(
            code=f"CS-{i + 1}",
            title=_text(rng, 5),
            description=_text(rng, 15),
            owner=f"Exec {i % 7}",
        )
        for i in range(strategic)
    ]
    wb.constituents = [
        Constituent(
            name=f"Unit {i}",
            group="Business unit",
            goals=_text(rng, 8),
            needs=_text(rng, 8),
            satisfaction=rng.randint(1, 5),
        )
        for i in range(20)
    ]
    for rating in wb.health:
        rating.score, rating.note = rng.randint(1, 5), _text(rng, 6)
    wb.mission = Statement(
        text=_text(rng, 30) + " for our customers",
        decision=StatementDecision.REVISE,
        rationale=_text(rng, 10),
    )
    wb.vision = Statement(text=_text(rng, 20), decision=StatementDecision.REAFFIRM)
    statuses = list(ObjectiveStatus)
    for i in range(objectives):
        actuals: list[float | None] = [
            float(rng.randint(0, 100)) if q < rng.randint(0, 4) else None for q in range(4)
        ]
        wb.objectives.append(
            Objective(
                code=f"OBJ-{i + 1:03d}",
                title=_text(rng, 6),
                description=_text(rng, 20),
                measure=_text(rng, 6),
                unit="%",
                baseline=float(rng.randint(0, 50)),
                target=float(rng.randint(51, 100)),
                due=date(2030, rng.randint(1, 12), 28),
                owner=f"Owner {i % 30}",
                constituent_ids=[c.id for c in rng.sample(wb.constituents, 2)],
                status=rng.choice(statuses),
                actuals=actuals,
                value_category=rng.choice(list(ValueCategory)),
                value_amount=float(rng.randint(1, 500) * 1000),
                comments=_text(rng, 8),
            )
        )
    for objective in wb.objectives:
        for s in rng.sample(wb.strategy, rng.randint(1, 3)):
            wb.alignment.append(
                AlignmentLink(
                    objective_id=objective.id,
                    strategic_id=s.id,
                    strength=rng.choice(list(Strength)),
                )
            )
    wb.office_strategy = [
        StrategyItem(
            kind=rng.choice(list(StrategyKind)),
            title=_text(rng, 4),
            description=_text(rng, 12),
            objective_ids=[o.id for o in rng.sample(wb.objectives, 5)],
        )
        for _ in range(40)
    ]
    wb.communication = [
        CommunicationItem(
            audience=f"Audience {i}",
            message=_text(rng, 8),
            channel="Meeting",
            frequency="Monthly",
            owner="Owner",
        )
        for i in range(15)
    ]
    for year in range(years):
        past = snapshot(wb)
        past.fiscal_year.label = f"FY{2020 + year}"
        past.office_kind = OfficeKind.PROJECT if year < 5 else OfficeKind.PORTFOLIO
        past.mission = Statement(text=_text(rng, 30))
        past.vision = Statement(text=_text(rng, 20))
        for result in past.objectives:
            result.result = float(rng.randint(0, 100))
            result.status = rng.choice(statuses)
        for rating in past.health:
            rating.score = rng.randint(1, 5)
        wb.history.append(past)
    return wb
