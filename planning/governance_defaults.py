"""Sensible starting governance for each kind of office, which the leader then edits.

A portfolio management office decides the portfolio's prioritisation; a project management
office sets delivery standards; a program management office governs one program's projects.
"""

from __future__ import annotations

from planning.enums import GovernanceRole, OfficeKind, Raci
from planning.governance import EscalationLevel, Governance, RaciRow, RoleHolder

R, A, C, INF = Raci.RESPONSIBLE, Raci.ACCOUNTABLE, Raci.CONSULTED, Raci.INFORMED
SPONSOR, STEERING, LEADER, STAFF, MANAGERS, OWNERS = tuple(GovernanceRole)

_MANDATE = {
    OfficeKind.PROJECT: (
        "Mandated by the sponsor to set how projects are delivered across the organisation, "
        "and to support project managers in delivering them."
    ),
    OfficeKind.PROGRAM: (
        "Mandated by the program's sponsor to govern the program's projects so that together "
        "they deliver the benefits the program was set up for."
    ),
    OfficeKind.PORTFOLIO: (
        "Mandated by the executive committee to keep the portfolio of change aligned with the "
        "company's strategy: which initiatives start, continue or stop."
    ),
}

_RIGHTS: dict[OfficeKind, tuple[list[str], list[str], list[str]]] = {
    OfficeKind.PROJECT: (
        ["Project delivery standards: lifecycle, templates and stage gates", "Training paths"],
        ["Project tools", "Which projects need extra support"],
        ["Project status and delivery risks"],
    ),
    OfficeKind.PROGRAM: (
        ["The program's standards, plans and dependencies between its projects"],
        ["Changes to the program's scope, budget and schedule"],
        ["Progress towards the program's benefits"],
    ),
    OfficeKind.PORTFOLIO: (
        ["The portfolio's prioritisation and scoring criteria", "Portfolio review calendar"],
        ["Starting, pausing and stopping initiatives", "Funding between initiatives"],
        ["Portfolio performance and benefits realised"],
    ),
}

_SERVICES: dict[OfficeKind, list[tuple[str, dict[GovernanceRole, Raci]]]] = {
    OfficeKind.PROJECT: [
        ("Delivery standards", {SPONSOR: A, LEADER: R, STAFF: R, MANAGERS: C, OWNERS: INF}),
        ("Project support and coaching", {LEADER: A, STAFF: R, MANAGERS: C}),
        ("Status reporting", {SPONSOR: INF, STEERING: INF, LEADER: A, STAFF: R, MANAGERS: R}),
    ],
    OfficeKind.PROGRAM: [
        ("Program planning and dependencies", {SPONSOR: A, LEADER: R, MANAGERS: R, STAFF: C}),
        ("Benefits tracking", {SPONSOR: A, STEERING: INF, LEADER: R, OWNERS: R}),
        ("Program reporting", {SPONSOR: INF, STEERING: INF, LEADER: A, STAFF: R, MANAGERS: C}),
    ],
    OfficeKind.PORTFOLIO: [
        ("Portfolio prioritisation", {SPONSOR: C, STEERING: A, LEADER: R, STAFF: R, OWNERS: INF}),
        ("Portfolio review", {SPONSOR: INF, STEERING: A, LEADER: R, STAFF: R, MANAGERS: C}),
        ("Benefits realisation", {SPONSOR: A, LEADER: R, MANAGERS: C, OWNERS: R}),
    ],
}

_ESCALATION = [
    ("Office leader", "A milestone slips by more than 2 weeks or costs rise by 5%", "1 week"),
    ("Steering group", "A slip of more than a month or costs up by 10%", "Next meeting"),
    ("Sponsor", "The objective or business case is no longer reachable", "2 weeks"),
]


def default_governance(kind: OfficeKind) -> Governance:
    """A starting point for the kind of office: mandate, rights, RACI and escalation."""
    decides, recommends, reports = _RIGHTS[kind]
    return Governance(
        mandate=_MANDATE[kind],
        decides=list(decides),
        recommends=list(recommends),
        reports=list(reports),
        roles=[RoleHolder(role=role) for role in GovernanceRole],
        raci=[RaciRow(service=name, cells=dict(cells)) for name, cells in _SERVICES[kind]],
        escalation=[EscalationLevel(to=t, threshold=h, within=w) for t, h, w in _ESCALATION],
    )


def with_defaults(governance: Governance, kind: OfficeKind) -> Governance:
    """`governance` with each empty part filled from the defaults for `kind`; what the
    leader already wrote is kept as it is."""
    defaults = default_governance(kind)
    filled = governance.model_copy(deep=True)
    if not filled.mandate.strip():
        filled.mandate = defaults.mandate
    if not (filled.decides or filled.recommends or filled.reports):
        filled.decides, filled.recommends = defaults.decides, defaults.recommends
        filled.reports = defaults.reports
    present = {r.role for r in filled.roles}
    order = list(GovernanceRole)
    roles = filled.roles + [r for r in defaults.roles if r.role not in present]
    filled.roles = sorted(roles, key=lambda r: order.index(r.role))
    if not filled.raci:
        filled.raci = defaults.raci
    if not filled.escalation:
        filled.escalation = defaults.escalation
    return filled
