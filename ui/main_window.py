"""The main window: the welcome screen or the walk (step list, page area, the docks),
the menus and shortcuts, the status bar with readiness and the agenda clock, and the timers
for autosave and the lock. File work is delegated to ui.files.WorkbookFiles, the export and
import actions to ui.export_actions (which runs them through ui.export_jobs), the View
menu's modes to ui.view_modes, the menus and recent files to ui.menus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
)

from planning.fileformat import EXTENSION
from planning.findings import Finding
from planning.lockfile import REFRESH_SECONDS
from planning.steps import Step
from ui import errors, export_actions, menus, view_modes
from ui.agenda_clock import AgendaClock
from ui.button_keys import ReturnPressesButtons
from ui.document import Change, WorkbookDocument
from ui.export_jobs import ExportRunner
from ui.files import WorkbookFiles
from ui.findings_panel import FindingsPanel
from ui.pages import page_class
from ui.pages.base import StepPage
from ui.settings import Settings
from ui.step_list import StepList
from ui.summary import exports as summary_exports
from ui.summary.view import SummaryScreen
from ui.undo_keys import UndoKeysToDocument
from ui.welcome import WelcomeScreen
from ui.widgets.focus_ring import FocusRing
from ui.workshop_panel import WorkshopDock

APP_TITLE = "PMO Workbook"


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self.document = WorkbookDocument(parent=self)
        self.files = WorkbookFiles(self.document, self.settings, self)
        self.setAcceptDrops(True)

        self.welcome = WelcomeScreen()
        self.step_list = StepList()
        self.page_stack = QStackedWidget()
        self.page_stack.setObjectName("pageArea")
        self.page_stack.setAccessibleName("Step page")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.step_list)
        self.splitter.addWidget(self.page_stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.screens = QStackedWidget()
        self.screens.addWidget(self.welcome)
        self.screens.addWidget(self.splitter)
        self.setCentralWidget(self.screens)

        self.findings = FindingsPanel()
        self.findings_dock = QDockWidget("Findings", self)
        self.findings_dock.setObjectName("findingsDock")
        self.findings_dock.setWidget(self.findings)
        # Not closable from its title bar: View ▸ Findings shows and hides it, so the
        # menu's check mark always says the truth.
        self.findings_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.findings_dock)
        self.resizeDocks([self.findings_dock], [280], Qt.Orientation.Horizontal)
        self.workshop_dock = WorkshopDock(self.document, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.workshop_dock)

        self.readiness_label = QLabel()
        self.readiness_label.setObjectName("readiness")
        self.readiness_label.setAccessibleName("Readiness")
        self.readiness_label.setToolTip(
            "Steps complete and open warnings. View → Findings (Ctrl+Shift+F) lists them all."
        )
        self.statusBar().addWidget(self.readiness_label, 1)
        self.exports = ExportRunner(self, self.statusBar())
        self.agenda_clock = AgendaClock(self.document, self)
        self.statusBar().addPermanentWidget(self.agenda_clock)

        self._pages: dict[Step, StepPage] = {}
        self._focus_on_show = False
        self._pending: dict[Step, Change] = {}
        self.named_actions: dict[str, QAction] = {}
        self.recent_menu = QMenu("Open &Recent", self)
        self.summary = SummaryScreen(self)  # strategy on a page, beside the walk
        menus.build_menus(self)

        self._analysis_timer = QTimer(self, singleShot=True, interval=150)
        self._analysis_timer.timeout.connect(self.refresh_analysis)
        self.autosave_timer = QTimer(self, interval=self.settings.autosave_seconds() * 1000)
        self.autosave_timer.timeout.connect(self._autosave)
        self.autosave_timer.start()
        self._lock_timer = QTimer(self, interval=REFRESH_SECONDS * 1000)
        self._lock_timer.timeout.connect(self.files.refresh_lock)
        self._lock_timer.start()
        self.focus_ring = FocusRing(self)  # the keyboard focus, visible to a room
        self._undo_keys = UndoKeysToDocument(self)
        self._undo_keys.install()
        self._button_keys = ReturnPressesButtons(self)
        self._button_keys.install()

        self.document.changed.connect(self._document_changed)
        self.document.replaced.connect(self._document_replaced)
        self.document.modified_changed.connect(lambda _m: self.update_title())
        self.document.path_changed.connect(lambda _p: self.update_title())
        self.files.title_changed.connect(self.update_title)
        self.files.workbook_shown.connect(self._show_screen)
        self.files.recent_changed.connect(self.refresh_recent)
        self.files.autosaved.connect(
            lambda p: self.statusBar().showMessage("Autosaved for recovery", 3000)
        )
        # Arrows in the step list browse the steps and keep the focus there; a click, Return
        # or any other way to a step (Ctrl+PgDown, a finding, the clock) puts the focus on
        # the step's first input.
        self.step_list.step_selected.connect(
            lambda step: self.show_step(step, focus=not self.step_list.hasFocus())
        )
        self.step_list.step_activated.connect(lambda step: self.show_step(step, focus=True))
        self.agenda_clock.step_requested.connect(self.show_step)  # the projector follows
        self.findings.finding_activated.connect(self.jump_to_finding)
        self.welcome.action_requested.connect(self._welcome_action)
        self.welcome.recent_requested.connect(lambda path: self.files.open(path))
        self.exports.running_changed.connect(self._exports_running)

        # First start: 1280×800, or less where the screen is smaller (a 1366×768 projector
        # has about 740 pixels of height once the taskbar is counted).
        screen = QGuiApplication.primaryScreen()
        space = screen.availableGeometry().size() if screen else QSize(1280, 800)
        self.resize(min(1280, space.width()), min(800, space.height()))
        geometry, state = self.settings.window_geometry(), self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        self.set_workshop_mode(self.settings.workshop_mode(), remember=False)
        self.refresh_recent()
        self._show_screen(False)

    # --- start-up --------------------------------------------------------------------

    def start(self, path: Path | None) -> None:
        """Offer a crash's unsaved work first; then open `path` if given."""
        if self.files.offer_recoveries():
            return
        if path is not None:
            self.files.open(path)

    # --- screens and pages -----------------------------------------------------------

    def _show_screen(self, has_workbook: bool) -> None:
        self.screens.setCurrentWidget(self.splitter if has_workbook else self.welcome)
        self.findings_dock.setVisible(has_workbook and self.named_actions["findings"].isChecked())
        self.workshop_dock.setVisible(
            has_workbook and self.named_actions["workshop_panel"].isChecked()
        )
        menus.enable_workbook_actions(self, has_workbook)
        self._exports_running(self.exports.is_running())
        self.agenda_clock.set_workbook_open(has_workbook)
        if has_workbook:
            self.show_step(self.step_list.current_step())
        else:
            self.readiness_label.clear()
            self.welcome.buttons["new"].setFocus()
        self.update_title()

    def page(self, step: Step) -> StepPage:
        """The page of `step`, created the first time it is shown."""
        if step not in self._pages:
            page = page_class(step)(self.document, self.page_stack)
            page.setAccessibleName(f"{step.number}. {step.title}")
            export_actions.connect_page_requests(self, page)
            self._pages[step] = page
            self._pending[step] = Change.ALL
            self.page_stack.addWidget(page)
        return self._pages[step]

    def current_step(self) -> Step:
        return self.step_list.current_step()

    def show_step(self, step: Step, *, focus: bool = True) -> None:
        if self.step_list.current_step() is not step:
            self._focus_on_show = focus
            self.step_list.select_step(step)  # comes back here through step_selected
            return
        focus = focus or self._focus_on_show
        self._focus_on_show = False
        page = self.page(step)
        for other in self._pages.values():
            # Only the page on screen sets the minimum: a tall page seen once (the agenda
            # clock walks them all) must not push the window past a 768-pixel projector.
            policy = QSizePolicy.Policy.Preferred if other is page else QSizePolicy.Policy.Ignored
            other.setSizePolicy(policy, policy)
        self.page_stack.setCurrentWidget(page)
        pending = self._pending.pop(step, Change.NONE)
        if pending:
            page.refresh(pending)
        self.findings.show_findings(self.document.findings(), step)
        if focus and self.screens.currentWidget() is self.splitter:
            page.focus_first_input()

    def step_by(self, offset: int) -> None:
        steps = list(Step)
        index = steps.index(self.current_step()) + offset
        if 0 <= index < len(steps):
            self.show_step(steps[index])

    def jump_to_finding(self, finding: Finding) -> None:
        self.show_step(finding.step)
        page = self.page(finding.step)
        page.focus_entity(finding.entity_id, finding.field)

    def _document_changed(self, change: Change) -> None:
        current = self.current_step()
        for step, page in self._pages.items():
            if step is current and self.screens.currentWidget() is self.splitter:
                page.refresh(change)
            else:
                self._pending[step] = self._pending.get(step, Change.NONE) | change
        self._analysis_timer.start()
        if change & Change.SETUP:
            self.update_title()

    def _document_replaced(self) -> None:
        for step in self._pages:
            self._pending[step] = Change.ALL
        self.step_list.select_step(Step.SETUP)
        self.refresh_analysis()

    def refresh_analysis(self) -> None:
        """Step states, findings and readiness: computed by planning, once per burst of
        edits (the timer) rather than once per keystroke."""
        self._analysis_timer.stop()
        if not self.files.has_workbook:
            return
        self.step_list.set_states(self.document.step_states())
        self.findings.show_findings(self.document.findings(), self.current_step())
        self.readiness_label.setText(self.document.readiness().summary())

    # --- title and recent files ------------------------------------------------------

    def update_title(self) -> None:
        if not self.files.has_workbook:
            self.setWindowTitle(APP_TITLE)
            self.setWindowModified(False)
            return
        parts = [self.files.display_name() + "[*]"]
        if self.document.read_only:
            parts[0] += " (read-only)"
        year = self.document.workbook.setup.fiscal_year.label.strip()
        if year:
            parts.append(year)
        parts.append(APP_TITLE)
        self.setWindowTitle(" — ".join(parts))
        self.setWindowModified(self.document.is_modified())

    def refresh_recent(self) -> None:
        menus.refresh_recent(self)

    def _welcome_action(self, key: str) -> None:
        {
            "new": self.files.new,
            "open": self.files.open_dialog,
            "sample": self.files.open_sample,
            "next_year": self.files.start_next_year,
        }[key]()

    # --- exports and import ----------------------------------------------------------

    def export_tracker(self) -> None:
        export_actions.export_tracker(self)

    def export_charter(self) -> None:
        export_actions.export_charter(self)

    def export_summary(self) -> None:
        summary_exports.export_summary(self)

    def export_briefing(self) -> None:
        summary_exports.export_briefing(self)

    def _exports_running(self, running: bool) -> None:
        export_actions.enable_exports(self, running)

    def import_tracker(self) -> None:
        export_actions.import_tracker(self)

    # --- view ------------------------------------------------------------------------

    def set_workshop_mode(self, on: bool, *, remember: bool = True) -> None:
        """Larger type for a projector, full screen; the step list can be folded away."""
        view_modes.set_workshop_mode(self, on, remember=remember)

    def set_findings_visible(self, visible: bool, *, remember: bool = True) -> None:
        view_modes.set_findings_visible(self, visible, remember=remember)

    def set_workshop_panel_visible(self, visible: bool) -> None:
        view_modes.set_workshop_panel_visible(self, visible)

    def set_step_list_visible(self, visible: bool) -> None:
        view_modes.set_step_list_visible(self, visible)

    # --- window events ---------------------------------------------------------------

    def _autosave(self) -> None:
        try:
            self.files.autosave()
        except Exception as exc:
            self.statusBar().showMessage(
                f"Autosave failed: {errors.message_for(exc, 'Autosave')}", 10000
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.confirm_close():
            event.ignore()
            return
        self.files.shutdown()
        self.autosave_timer.stop()
        self.exports.wait_all()  # an export half-way finishes its file rather than vanish
        if not self.isFullScreen():
            self.settings.set_window_layout(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self._undo_keys.remove()
        self._button_keys.remove()
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_workbook(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_workbook(event)
        if path is not None:
            event.acceptProposedAction()
            # After the drop has finished: the unsaved-changes prompt is modal.
            QTimer.singleShot(0, lambda: self.files.open(path))


def _dropped_workbook(event: QDragEnterEvent | QDropEvent) -> Path | None:
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile().lower().endswith(EXTENSION):
            return Path(url.toLocalFile())
    return None
