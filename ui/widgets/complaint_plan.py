"""“What this year's plan does about it”: for each complaint of the health check rated 1–2,
the parts of the review that address it and those that do not yet
(planning.complaints.complaint_plans). Shown on the Health check and Sign-off pages."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from planning.complaints import ComplaintPlan

TITLE = "What this year's plan does about it"
EMPTY = "No complaint is rated 1 or 2: nothing here needs an answer from the plan."


class ComplaintPlanView(QTextBrowser):
    """Read-only, scrolls on its own; user text (constituent names) is escaped."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintPlan")
        self.setAccessibleName(TITLE)
        self.setOpenLinks(False)
        self._plans: list[ComplaintPlan] | None = None

    def show_plans(self, plans: list[ComplaintPlan]) -> None:
        if plans == self._plans:
            return
        self._plans = list(plans)
        if not plans:
            self.setHtml(f"<p><i>{escape(EMPTY)}</i></p>")
            return
        blocks = []
        for plan in plans:
            done = "; ".join(escape(str(p)) for p in plan.addressed) or "nothing yet"
            gaps = "; ".join(escape(str(p)) for p in plan.missing)
            block = (
                f"<p><b>{escape(plan.complaint.label)}</b> — rated {plan.score}/5<br>"
                f"✓ Addressed by: {done}"
            )
            block += f"<br>✗ Not yet: {gaps}</p>" if gaps else "<br>✓ Every part is in place.</p>"
            blocks.append(block)
        self.setHtml("".join(blocks))

    def lines(self) -> list[str]:
        """The text as shown, one line per line (for tests and accessibility checks)."""
        return [line for line in self.toPlainText().splitlines() if line.strip()]
