"""Step 8, objectives: the measurable objectives in a table with their SMART findings, and
a detail panel for the selected one: description, value, and for an objective carried over
from last year its result and this year's decision."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from planning.enums import CarryDecision, Direction, ValueCategory
from planning.steps import Step
from ui.commands import SetValue
from ui.document import Change
from ui.models.objectives import ObjectivesModel
from ui.models.table import format_number
from ui.pages.base import StepPage
from ui.widgets.bindings import SelectedEntity
from ui.widgets.date_field import DateField
from ui.widgets.findings import FindingsList
from ui.widgets.list_editor import ListEditor
from ui.widgets.text_box import LinesTextEdit


def _objectives(wb):
    return wb.objectives


class ObjectivesPage(StepPage):
    step = Step.OBJECTIVES

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        self.model = ObjectivesModel(document, self)
        self.table = ListEditor(
            self.model,
            "No objectives yet. Add the office's measurable objectives — measure, baseline, "
            "target, due date and owner — after the purpose, mission and vision are agreed.",
            "Add objective",
            stretch_column=2,
        )
        self.list_editors.append(self.table)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self._detail_panel())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.body.addWidget(splitter, 1)
        self.table.current_changed.connect(self._select)
        self._select(None)
        self.refresh(Change.ALL)
        if self.model.rowCount():
            self.table.select_row(0)

    def _detail_panel(self) -> QWidget:
        self.selected = SelectedEntity(_objectives)
        self.selected_carry = SelectedEntity(_objectives, owner=lambda o: o.carried)
        b = self.bindings
        panel = QWidget()
        column = QVBoxLayout(panel)
        self.detail_title = QLabel()
        self.detail_title.setObjectName("objectiveTitle")
        self.detail_title.setWordWrap(True)
        column.addWidget(self.detail_title)
        column.addLayout(self._key_form())
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.description = LinesTextEdit(3, "What the objective means, in a sentence or two")
        b.text(
            self.description,
            self.selected,
            "description",
            Change.OBJECTIVES,
            "objective description",
        )
        form.addRow("Description", self.description)
        self.range_top = QLineEdit()
        self.range_top.setPlaceholderText("For a range: the band's high end")
        self.range_top.setToolTip("The target is the band's low end; this is its high end")
        self.range_top.editingFinished.connect(self._range_top_edited)
        form.addRow("Range up to", self.range_top)
        self.value_category = QComboBox()
        b.choice(
            self.value_category,
            self.selected,
            "value_category",
            Change.OBJECTIVES,
            "value category",
            [(v.label, v) for v in ValueCategory],
            none_label="Not stated",
        )
        form.addRow("Value it brings", self.value_category)
        self.value_amount = QLineEdit()
        self.value_amount.setPlaceholderText("e.g. 250000")
        self.value_amount.setToolTip("The value in money or in the objective's unit")
        self.value_amount.editingFinished.connect(self._value_amount_edited)
        form.addRow("Value amount", self.value_amount)
        self.comments = QLineEdit()
        b.line(self.comments, self.selected, "comments", Change.OBJECTIVES, "objective comments")
        form.addRow("Comments", self.comments)
        column.addLayout(form)

        self.carry_box = QGroupBox("Carried over from last year")
        carry = QFormLayout(self.carry_box)
        carry.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.last_result = QLabel()
        self.last_result.setObjectName("lastYearResult")
        self.last_result.setWordWrap(True)
        carry.addRow(self.last_result)
        self.decision = QComboBox()
        b.choice(
            self.decision,
            self.selected_carry,
            "decision",
            Change.OBJECTIVES,
            "carry-over decision",
            [(d.label, d) for d in CarryDecision],
            none_label="Decide…",
        )
        carry.addRow("Decision", self.decision)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Why? The charter shows it")
        b.line(self.reason, self.selected_carry, "reason", Change.OBJECTIVES, "carry-over reason")
        carry.addRow("Reason", self.reason)
        self.use_baseline = QPushButton()
        self.use_baseline.clicked.connect(self._use_last_result)
        carry.addRow(self.use_baseline)
        column.addWidget(self.carry_box)

        column.addWidget(QLabel("<b>SMART check of this objective</b>"))
        self.objective_findings = FindingsList(
            "Specific, measurable, owned, due and aligned.", visible_rows=6
        )
        self.objective_findings.finding_activated.connect(self.focus_finding)
        column.addWidget(self.objective_findings)
        column.addStretch(1)
        for combo in (self.value_category, self.decision):
            # Sized by a few characters, not the longest choice: the panel may be narrow.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(panel)
        self.detail = panel
        return scroll

    def _key_form(self) -> QFormLayout:
        """What the room must see beside the title, whatever the table's scroll: measure,
        baseline → target, due date and owner, editable here as in the table."""
        b = self.bindings
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.key_measure = QLineEdit()
        b.line(self.key_measure, self.selected, "measure", Change.OBJECTIVES, "objective measure")
        self.key_baseline, self.key_target = QLineEdit(), QLineEdit()
        for edit, field in ((self.key_baseline, "baseline"), (self.key_target, "target")):
            edit.setObjectName(f"key_{field}")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            b.number(edit, self.selected, field, Change.OBJECTIVES, f"objective {field}")
        self.key_unit = QLabel()
        numbers = QHBoxLayout()
        numbers.addWidget(self.key_baseline, 1)
        numbers.addWidget(QLabel("→"))
        numbers.addWidget(self.key_target, 1)
        numbers.addWidget(self.key_unit)
        self.key_due = DateField()
        b.date(self.key_due, self.selected, "due", Change.OBJECTIVES, "objective due date")
        self.key_owner = QLineEdit()
        b.line(self.key_owner, self.selected, "owner", Change.OBJECTIVES, "objective owner")
        form.addRow("&Measure", self.key_measure)
        baseline_label = QLabel("Base&line → target")
        baseline_label.setBuddy(self.key_baseline)
        form.addRow(baseline_label, numbers)
        form.addRow("D&ue", self.key_due)
        form.addRow("O&wner", self.key_owner)
        return form

    # --- the selected objective ----------------------------------------------------------

    def _select(self, entity_id) -> None:
        self.selected.entity_id = entity_id
        self.selected_carry.entity_id = entity_id
        for binding in self.bindings._all:
            binding.end_session()
        self._show_detail()

    def _show_detail(self) -> None:
        objective = self.selected(self.document.workbook)
        self.detail.setEnabled(objective is not None)
        self.bindings.sync(Change.OBJECTIVES)
        if objective is None:
            self.detail_title.setText("<i>Select an objective to see its details.</i>")
            self.carry_box.hide()
            self.value_amount.clear()
            self.objective_findings.show_findings([])
            return
        name = " — ".join(x for x in (objective.code, objective.title) if x) or "New objective"
        self.detail_title.setText(f"<b>{html.escape(name, quote=False)}</b>")
        self.key_unit.setText(objective.unit)
        top = format_number(objective.target_max)
        if not self.range_top.hasFocus() and self.range_top.text() != top:
            self.range_top.setText(top)
        self.range_top.setEnabled(objective.direction is Direction.RANGE)
        amount = "" if objective.value_amount is None else format_number(objective.value_amount)
        if not self.value_amount.hasFocus() and self.value_amount.text() != amount:
            self.value_amount.setText(amount)
        carried = objective.carried
        self.carry_box.setVisible(carried is not None)
        if carried is not None:
            unit = objective.unit
            result = format_number(carried.last_year_result, unit) or "no result recorded"
            target = format_number(carried.last_year_target, unit) or "no target"
            status = carried.last_year_status.label if carried.last_year_status else "unknown"
            self.last_result.setText(
                f"Last year's result: {result} against a target of {target} ({status})."
            )
            offer = carried.last_year_result is not None
            self.use_baseline.setVisible(offer)
            if offer:
                self.use_baseline.setText(
                    f"Use {format_number(carried.last_year_result, unit)} as the baseline"
                )
                self.use_baseline.setToolTip("Last year's result becomes this year's baseline")
                self.use_baseline.setEnabled(objective.baseline != carried.last_year_result)
        self.objective_findings.show_findings(self.model.findings_of(objective.id))

    def _value_amount_edited(self) -> None:
        objective = self.selected(self.document.workbook)
        if objective is None or self.document.read_only:
            return
        text = self.value_amount.text().replace(",", "").strip()
        try:
            value = float(text) if text else None
        except ValueError:
            self._show_detail()
            return
        if value != objective.value_amount:
            self.document.push(
                SetValue(
                    self.document,
                    self.selected.freeze(),
                    "value_amount",
                    value,
                    Change.OBJECTIVES,
                    "Edit value amount",
                )
            )

    def _range_top_edited(self) -> None:
        objective = self.selected(self.document.workbook)
        if objective is None or self.document.read_only:
            return
        text = self.range_top.text().replace(",", "").strip()
        try:
            value = float(text) if text else None
        except ValueError:
            self._show_detail()
            return
        if value != objective.target_max:
            self.document.push(
                SetValue(
                    self.document,
                    self.selected.freeze(),
                    "target_max",
                    value,
                    Change.OBJECTIVES,
                    "Edit range upper end",
                )
            )

    def _use_last_result(self) -> None:
        objective = self.selected(self.document.workbook)
        if objective is None or objective.carried is None or self.document.read_only:
            return
        self.document.push(
            SetValue(
                self.document,
                self.selected.freeze(),
                "baseline",
                objective.carried.last_year_result,
                Change.OBJECTIVES,
                "Use last year's result as the baseline",
            )
        )

    # --- the contract --------------------------------------------------------------------

    def refresh(self, change: Change) -> None:
        super().refresh(change)
        if change & (
            Change.OBJECTIVES
            | Change.CONSTITUENTS
            | Change.ALIGNMENT
            | Change.SETUP
            | Change.STRATEGY
        ):
            if (
                self.selected.entity_id is not None
                and self.model.row_of(self.selected.entity_id) < 0
            ):
                self.selected.entity_id = self.selected_carry.entity_id = None
            self._show_detail()

    def focus_entity(self, entity_id, field=None) -> None:
        if entity_id is None:
            self.table.view.setFocus()
            return
        self.table.focus_field(entity_id, field)
        if field in ("carried", "decision"):
            self.decision.setFocus()
        elif field == "value_category":
            self.value_category.setFocus()
        elif field == "target_max":
            self.range_top.setFocus()
