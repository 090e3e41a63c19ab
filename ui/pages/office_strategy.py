"""Step 10, office strategy: the services, processes, people and tools the office will use,
each linked to the objectives it serves, worked out after the objectives."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QVBoxLayout

from planning.enums import StrategyKind
from planning.model import StrategyItem, Workbook
from planning.steps import Step
from ui.document import Change
from ui.models.table import Column, EntityTableModel
from ui.pages.base import StepPage
from ui.widgets.findings import FindingBadge
from ui.widgets.list_editor import ListEditor

# Alt+S, Alt+P, Alt+O, Alt+T reach each group's list (unique in the window).
MNEMONICS = {
    StrategyKind.SERVICE: "&Services",
    StrategyKind.PROCESS: "&Processes",
    StrategyKind.PEOPLE: "Pe&ople",
    StrategyKind.TOOL: "&Tools",
}
HEADINGS = {
    StrategyKind.SERVICE: (
        "Services",
        "service",
        "What the office offers its customers, e.g. portfolio reviews.",
    ),
    StrategyKind.PROCESS: (
        "Processes",
        "process",
        "How the work is done, e.g. a quarterly investment review.",
    ),
    StrategyKind.PEOPLE: (
        "People",
        "role",
        "Roles, skills and hires, e.g. two portfolio analysts.",
    ),
    StrategyKind.TOOL: ("Tools", "tool", "Systems and templates, e.g. a portfolio dashboard."),
}


def objective_choices(workbook: Workbook) -> list[tuple[str, str]]:
    return [
        (" — ".join(x for x in (o.code, o.title) if x) or "Untitled objective", o.id)
        for o in workbook.active_objectives()
    ]


def _served(workbook: Workbook, item: StrategyItem) -> str:
    # Codes keep the cell short; the editor lists the titles.
    names = []
    for objective_id in item.objective_ids:
        objective = workbook.objective(objective_id)
        if objective is not None:
            names.append(objective.code or objective.title or "Untitled objective")
    return ", ".join(names)


def strategy_items_model(document, kind: StrategyKind) -> EntityTableModel:
    _, noun, _ = HEADINGS[kind]
    return EntityTableModel(
        document,
        rows=lambda wb: wb.office_strategy,
        keep=lambda item: item.kind is kind,
        container=("office_strategy",),
        change=Change.OFFICE_STRATEGY,
        columns=[
            Column("title", "Title"),
            Column("description", "Description"),
            Column(
                "objective_ids",
                "Serves objectives",
                editor="multi",
                choices=objective_choices,
                display=_served,
                tooltip="The office objectives this serves",
            ),
        ],
        noun=noun,
        factory=lambda: StrategyItem(kind=kind),
        depends=Change.OBJECTIVES,
    )


class OfficeStrategyPage(StepPage):
    step = Step.OFFICE_STRATEGY

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        self.recipe_badge = FindingBadge()
        self.recipe_badge.setObjectName("findingBadge")
        self.body.addWidget(self.recipe_badge)
        # A two-by-two grid shows all four groups at once, in the order they are worked out.
        grid = QGridLayout()
        self.groups: dict[StrategyKind, QGroupBox] = {}
        self.editors: dict[StrategyKind, ListEditor] = {}
        for number, kind in enumerate(StrategyKind, start=1):
            heading, noun, example = HEADINGS[kind]
            editor = ListEditor(
                strategy_items_model(document, kind),
                f"No {heading.lower()} yet. {example} Link each to the objectives it serves.",
                f"Add {noun}",
                stretch_column=1,
            )
            self.editors[kind] = editor
            self.list_editors.append(editor)
            group = QGroupBox(f"{number}. {MNEMONICS[kind]}")
            QVBoxLayout(group).addWidget(editor)
            self.groups[kind] = group
            grid.addWidget(group, (number - 1) // 2, (number - 1) % 2)
            editor.model.rowsInserted.connect(self._update_tabs)
            editor.model.rowsRemoved.connect(self._update_tabs)
            editor.model.modelReset.connect(self._update_tabs)
        self.body.addLayout(grid, 1)
        self.refresh(Change.ALL)

    def _update_tabs(self, *_args) -> None:
        for number, kind in enumerate(StrategyKind, start=1):
            count = self.editors[kind].model.rowCount()
            self.groups[kind].setTitle(f"{number}. {MNEMONICS[kind]} ({count})")

    def refresh(self, change: Change) -> None:
        super().refresh(change)
        self.recipe_badge.show_findings(
            [f for f in self.step_findings() if f.rule == "recipe.backwards"]
        )
        self._update_tabs()

    def focus_entity(self, entity_id, field=None) -> None:
        if entity_id is None:
            return
        for editor in self.editors.values():
            if editor.model.row_of(entity_id) >= 0:
                editor.focus_field(entity_id, field)
                return
