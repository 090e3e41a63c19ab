"""Step 2, the office: which kind of management office this is, its name in documents, its
scope and focus question, and the questions a change of kind raises."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
)

from planning.enums import OfficeKind
from planning.rules import kind_change
from planning.steps import Step
from ui.commands import SetValue
from ui.document import Change
from ui.pages.base import StepPage
from ui.widgets.findings import FindingBadge
from ui.widgets.text_box import LinesTextEdit


def _office(wb):
    return wb.office


class OfficePage(StepPage):
    step = Step.OFFICE
    scrollable = True

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        b = self.bindings
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind = QComboBox()
        b.choice(
            self.kind,
            _office,
            "kind",
            Change.OFFICE,
            "office kind",
            [(k.label, k) for k in OfficeKind],
            none_label="Choose the kind of office…",
        )
        self.kind.activated.connect(self._kind_chosen)
        form.addRow("&Kind", self.kind)
        self.oversees = QLabel()
        self.oversees.setObjectName("kindOversees")
        self.oversees.setWordWrap(True)
        form.addRow("It oversees", self.oversees)
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText("e.g. Northwind Freight Portfolio Management Office")
        b.line(self.full_name, _office, "full_name", Change.OFFICE, "office name")
        form.addRow("Full &name", self.full_name)
        self.name_badge = FindingBadge()
        form.addRow("", self.name_badge)
        self.scope = LinesTextEdit(
            3,
            "What the office oversees here: which projects, "
            "programs or investments, which units, above what size.",
        )
        b.text(self.scope, _office, "scope", Change.OFFICE, "scope")
        form.addRow("&Scope", self.scope)
        self.focus_question = QLineEdit()
        b.line(self.focus_question, _office, "focus_question", Change.OFFICE, "focus question")
        self.use_question = QPushButton("Use the kind's question")
        self.use_question.clicked.connect(self._use_kind_question)
        form.addRow("F&ocus question", self.focus_question)
        form.addRow("", self.use_question)
        self.body.addLayout(form)

        self.change_box = QGroupBox("The office changes kind")
        change_form = QFormLayout(self.change_box)
        change_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.change_text = QLabel()
        self.change_text.setWordWrap(True)
        change_form.addRow(self.change_text)

        def answers(wb):
            return wb.office.kind_change

        self.people = QLineEdit()
        self.processes = QLineEdit()
        self.tools = QLineEdit()
        for edit, field, label, question in (
            (
                self.people,
                "people_and_skills",
                "people and skills",
                "Do we have the &people and skills?",
            ),
            (self.processes, "processes", "processes", "The p&rocesses?"),
            (self.tools, "tools", "tools", "The &tools?"),
        ):
            edit.setPlaceholderText("Answer, or say what it will take")
            b.line(edit, answers, field, Change.OFFICE, f"kind change: {label}")
            change_form.addRow(question, edit)
        self.body.addWidget(self.change_box)
        self.body.addStretch(1)
        self.refresh(Change.ALL)

    def _kind_chosen(self, _index: int) -> None:
        # A first choice of kind also fills the focus question when it is still empty.
        office = self.document.workbook.office
        if office.kind is not None and not office.focus_question.strip():
            self._use_kind_question()

    def _use_kind_question(self) -> None:
        kind = self.document.workbook.office.kind
        if kind is None or self.document.read_only:
            return
        if self.document.workbook.office.focus_question != kind.focus_question:
            self.document.push(
                SetValue(
                    self.document,
                    _office,
                    "focus_question",
                    kind.focus_question,
                    Change.OFFICE,
                    "Use the kind's focus question",
                )
            )

    def refresh(self, change: Change) -> None:
        super().refresh(change)
        if not change & (Change.OFFICE | Change.SETUP):
            return
        wb = self.document.workbook
        kind = wb.office.kind
        self.oversees.setText(
            f"{kind.oversees}\nIts question: “{kind.focus_question}”"
            if kind
            else "Choose a kind to see what it oversees and the question it answers."
        )
        self.use_question.setEnabled(kind is not None)
        self.name_badge.show_findings([f for f in self.step_findings() if f.field == "full_name"])
        changed = kind_change(wb)
        self.change_box.setVisible(changed is not None)
        if changed is not None:
            old, new = changed
            self.change_text.setText(
                f"Last year this was a {old.label}; this year it is a {new.label}. A change "
                "of kind changes the work: answer whether the office has the people and "
                "skills, the processes and the tools it needs."
            )

    def focus_entity(self, entity_id, field=None) -> None:
        if field == "kind_change":
            office = self.document.workbook.office.kind_change
            for edit, value in (
                (self.people, office.people_and_skills),
                (self.processes, office.processes),
                (self.tools, office.tools),
            ):
                if not value.strip():
                    edit.setFocus()
                    return
        elif field == "full_name":
            self.full_name.setFocus()
