"""Every file dialog and message box of the app, each behind a small function.

Callers use them as `dialogs.ask_...(...)` so tests replace one function with monkeypatch
instead of driving a modal dialog (pytest-qt's note on dialogs). Each returns a plain value:
a path, None for cancel, or one of a few words.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

WORKBOOK_FILTER = "PMO workbooks (*.pmowb)"
TRACKER_FILTER = "Excel workbooks (*.xlsx)"
CHARTER_FILTER = "Word documents (*.docx)"
TEMPLATE_FILTER = "Word documents and templates (*.docx *.dotx)"


def ask_open_path(parent: QWidget | None, folder: Path) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Open Workbook", str(folder), WORKBOOK_FILTER)
    return Path(name) if name else None


def ask_save_path(
    parent: QWidget | None,
    suggested: Path,
    title: str = "Save Workbook As",
    file_filter: str = WORKBOOK_FILTER,
    suffix: str = ".pmowb",
) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def ask_template_path(parent: QWidget | None, folder: Path) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, "Organisation's Charter Template", str(folder), TEMPLATE_FILTER
    )
    return Path(name) if name else None


def ask_unsaved(parent: QWidget | None, name: str) -> str:
    """ "save", "discard" or "cancel" for a modified workbook about to be closed."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Unsaved Changes")
    box.setText(f"Save the changes to {name}?")
    box.setInformativeText("Your changes are lost if you don't save them.")
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    return {
        QMessageBox.StandardButton.Save: "save",
        QMessageBox.StandardButton.Discard: "discard",
    }.get(QMessageBox.StandardButton(answer), "cancel")


def _choose(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str,
    choices: list[tuple[str, str, QMessageBox.ButtonRole]],
    otherwise: str,
) -> str:
    """A message box with named buttons: the key of the one clicked (the first is the
    default), `otherwise` when it is closed another way."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    buttons = {box.addButton(label, role): key for key, label, role in choices}
    box.setDefaultButton(next(iter(buttons)))
    box.exec()
    clicked = box.clickedButton()
    return next((key for button, key in buttons.items() if button is clicked), otherwise)


_Role = QMessageBox.ButtonRole


def ask_locked(parent: QWidget | None, name: str, holder: str) -> str:
    """ "read_only", "open_anyway" or "cancel" for a workbook someone else has open."""
    return _choose(
        parent,
        QMessageBox.Icon.Warning,
        "Workbook In Use",
        f"{name} is open by {holder}.",
        "Open it read-only to look without changing the file, or open it anyway if you are "
        "sure nobody is working in it: saving would overwrite their changes.",
        [
            ("read_only", "Open Read-Only", _Role.AcceptRole),
            ("open_anyway", "Open Anyway", _Role.DestructiveRole),
            ("cancel", "Cancel", _Role.RejectRole),
        ],
        "cancel",
    )


def ask_changed_on_disk(parent: QWidget | None, name: str) -> str:
    """ "overwrite", "save_as" or "cancel" when the file changed on disk since it was
    opened or saved here (an import, a colleague, a sync tool)."""
    return _choose(
        parent,
        QMessageBox.Icon.Warning,
        "File Changed On Disk",
        f"{name} has changed on disk since you opened or saved it.",
        "Someone or something else wrote it. Saving replaces their change with yours; "
        "Save As keeps both.",
        [
            ("save_as", "Save As…", _Role.AcceptRole),
            ("overwrite", "Replace Their Change", _Role.DestructiveRole),
            ("cancel", "Cancel", _Role.RejectRole),
        ],
        "cancel",
    )


def ask_restore(parent: QWidget | None, description: str) -> str:
    """ "restore", "discard" or "later" for a recovery left by a crash."""
    return _choose(
        parent,
        QMessageBox.Icon.Question,
        "Recover Unsaved Work",
        "PMO Workbook closed unexpectedly. Restore the unsaved work?",
        description,
        [
            ("restore", "Restore", _Role.AcceptRole),
            ("discard", "Discard", _Role.DestructiveRole),
            ("later", "Decide Later", _Role.RejectRole),
        ],
        "later",
    )


def ask_charter_template(
    parent: QWidget | None, remembered: Path | None, folder: Path
) -> tuple[bool, Path | None]:
    """(accepted, template): the built-in template is None. Offers the remembered one."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Charter Template")
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel("Build the Word charter on:"))
    builtin = QRadioButton("The built-in template")
    own = QRadioButton("The organisation's template:")
    group = QButtonGroup(dialog)
    group.addButton(builtin)
    group.addButton(own)
    path_edit = QLineEdit(str(remembered) if remembered else "")
    path_edit.setAccessibleName("Template file")
    path_edit.setMinimumWidth(360)
    choose = QPushButton("Choose…")
    row = QHBoxLayout()
    row.addWidget(path_edit)
    row.addWidget(choose)
    layout.addWidget(builtin)
    layout.addWidget(own)
    layout.addLayout(row)
    (own if remembered else builtin).setChecked(True)

    def pick() -> None:
        chosen = ask_template_path(dialog, folder)
        if chosen:
            path_edit.setText(str(chosen))
            own.setChecked(True)

    choose.clicked.connect(pick)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False, None
    text = path_edit.text().strip()
    return True, (Path(text) if own.isChecked() and text else None)


def ask_after_export(parent: QWidget | None, path: Path, notes: list[str]) -> str:
    """ "open", "folder" or "close" once an export is written."""
    return _choose(
        parent,
        QMessageBox.Icon.Information,
        "Export Finished",
        f"Wrote {path.name}.",
        "Notes:\n" + "\n".join(f"• {n}" for n in notes) if notes else "",
        [
            ("open", "Open", _Role.AcceptRole),
            ("folder", "Show in Folder", _Role.ActionRole),
            ("close", "Close", _Role.RejectRole),
        ],
        "close",
    )


def ask_replace_agenda(parent: QWidget | None, slots: int) -> bool:
    """True to replace the workshop's agenda (`slots` slots) with the half-day one."""
    plural = "slot" if slots == 1 else "slots"
    return (
        _choose(
            parent,
            QMessageBox.Icon.Question,
            "Use the Half-Day Agenda",
            f"Replace the agenda's {slots} {plural} with the half-day agenda?",
            "Undo (Ctrl+Z) brings the current agenda back.",
            [("replace", "Replace", _Role.AcceptRole), ("cancel", "Cancel", _Role.RejectRole)],
            "cancel",
        )
        == "replace"
    )


def show_error(parent: QWidget | None, title: str, message: str, details: str = "") -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(message)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)
