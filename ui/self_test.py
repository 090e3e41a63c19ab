"""`pmo-workbook self-test`: the whole app, end to end, in a few seconds and without a screen.

It starts the desktop app on Qt's offscreen platform, opens the shipped sample from the
welcome screen, walks every step with the window's own Next Step action, exports every
format the app offers (`ui.export_jobs.FORMATS`, each written through
`exporters.formats`) into a temporary folder through the app's export job (a worker thread,
as the app runs them) and reads each file back. Exit 0 when all
of it worked; exit 1 with the first failure on one line of stderr. It is what a user's
support contact asks them to run, and what CI runs on the frozen build, so it checks what a
broken installation gets wrong: a missing resource (sample, template, icon), a missing
module, a Qt plugin that does not load.

Nothing of the user's is touched: settings go to a temporary file, the sample opens as an
untitled copy (no lock file), and the window is dropped without saving.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from planning.model import Workbook
    from ui.main_window import MainWindow

EXPORT_TIMEOUT_S = 180.0
# What the offscreen platform says whenever a window with docks is laid out: not a problem.
QT_NOISE = ("does not support propagateSizeHints",)
EXIT_FAILED = 1


class SelfTestFailure(Exception):
    """The first thing that went wrong, as one line."""


def run_self_test(out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="pmo-workbook-self-test-") as folder:
            summary = _SelfTest(Path(folder), out).run()
    except SelfTestFailure as exc:
        print(f"pmo-workbook self-test failed: {_one_line(str(exc))}", file=err)
        return EXIT_FAILED
    print(f"self-test passed in {time.perf_counter() - started:.1f} s: {summary}", file=out)
    return 0


def time_to_window(path: Path) -> int:
    """For bench/bench_startup_frozen.py: start the app as `pmo-workbook PATH` does, print
    `shown` once its window is on screen with the workbook open, and quit."""
    from PySide6.QtCore import QTimer

    from ui.app import create_application, start_main_window

    app = create_application([])
    window = start_main_window(path)
    if window.document.path is None or not window.isVisible():
        print("not shown", flush=True)
        return EXIT_FAILED
    QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
    app.exec()
    window.files.shutdown()
    return 0


class _SelfTest:
    def __init__(self, folder: Path, out: TextIO) -> None:
        self.folder = folder
        self.out = out
        self.problems: list[str] = []  # dialogs and exceptions seen while a stage ran

    def run(self) -> str:
        # Before the first QApplication: the self-test never needs a screen.
        if _no_application():
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        with self.stage("load the app"):
            from PySide6.QtCore import QTimer, qInstallMessageHandler, qVersion

            from ui.app import create_application
            from ui.main_window import MainWindow
            from ui.settings import Settings
        previous_handler = qInstallMessageHandler(self._qt_message)
        watchdog = QTimer()
        watchdog.setInterval(100)
        watchdog.timeout.connect(self._close_unexpected_dialog)
        window: MainWindow | None = None
        try:
            with self.stage("start the app"):
                app = create_application([])
                if app.windowIcon().isNull():
                    raise SelfTestFailure("the application icon did not load")
                watchdog.start()
                window = MainWindow(Settings(self.folder / "settings.ini"))
                window.show()
                _settle()
                if not window.isVisible():
                    raise SelfTestFailure("the main window is not visible")
                self.ok(f"started the app: Qt {qVersion()}, platform {app.platformName()}")
            workbook_name = self._open_sample(window)
            steps = self._visit_steps(window)
            exports = self._export_all(window)
        finally:
            watchdog.stop()
            if window is not None:
                window.files.shutdown()
                window.hide()
                window.deleteLater()
                _settle()
            qInstallMessageHandler(previous_handler)
        return f"{workbook_name}, {steps} steps, exports {', '.join(exports)}"

    # --- stages ----------------------------------------------------------------------

    def _open_sample(self, window: MainWindow) -> str:
        with self.stage("open the sample"):
            window.welcome.buttons["sample"].click()
            _settle()
            if not window.files.has_workbook:
                raise SelfTestFailure("the sample did not open")
            setup = window.document.workbook.setup
            name = f"{setup.organisation} {setup.fiscal_year.label}"
            self.ok(f"opened the sample: {name}")
        return name

    def _visit_steps(self, window: MainWindow) -> int:
        from planning.steps import Step

        steps = list(Step)
        for index, step in enumerate(steps):
            with self.stage(f"step {step.number}. {step.title}"):
                if index:  # the sample opens on the first step; Next Step walks the rest
                    window.named_actions["next_step"].trigger()
                _settle()
                page = window.page_stack.currentWidget()
                if window.current_step() is not step or page is not window.page(step):
                    raise SelfTestFailure(f"Next Step showed {window.current_step().title}")
                if not page.isVisible() or page.grab().isNull():
                    raise SelfTestFailure("the page is not on screen")
                self.ok(f"step {step.number:>2}. {step.title}")
        return len(steps)

    def _export_all(self, window: MainWindow) -> list[str]:
        from ui.export_jobs import FORMATS

        organisation = window.document.workbook.setup.organisation
        done: list[str] = []
        for fmt in FORMATS:
            path = self.folder / f"self-test-{fmt.kind}{fmt.suffix}"
            with self.stage(fmt.title):
                self._export(fmt.kind, window.document.workbook, path)
            with self.stage(f"read back {path.name}"):
                what = read_back(path, organisation)
                self.ok(f"{fmt.title}: {path.stat().st_size // 1024} KB, {what}")
            done.append(fmt.suffix.lstrip("."))
        return done

    def _export(self, kind: str, workbook: Workbook, path: Path) -> None:
        from ui.export_jobs import ExportJob

        job = ExportJob(kind, workbook, path)
        results: list[object] = []
        job.done.connect(lambda _path, _notes: results.append(None))
        job.failed.connect(lambda _path, exc: results.append(exc))
        job.start()
        deadline = time.monotonic() + EXPORT_TIMEOUT_S
        while not results and time.monotonic() < deadline:
            job.wait(0.05)
            _settle()
        job.deleteLater()
        if not results:
            raise SelfTestFailure(f"no result after {EXPORT_TIMEOUT_S:.0f} s")
        if isinstance(results[0], BaseException):
            raise results[0]

    # --- plumbing --------------------------------------------------------------------

    def ok(self, text: str) -> None:
        print(f"ok  {text}", file=self.out, flush=True)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Run one stage: an exception, an exception escaping a Qt slot, or a dialog that
        popped up fails it with its name in front."""
        previous_hook = sys.excepthook
        sys.excepthook = self._record_exception
        try:
            yield
        except Exception as exc:
            # What happened first is the cause: a dialog or a slot's exception, then this.
            first = self.problems[0] if self.problems else _describe(exc)
            raise SelfTestFailure(f"{name}: {first}") from exc
        finally:
            sys.excepthook = previous_hook
        if self.problems:
            raise SelfTestFailure(f"{name}: {self.problems[0]}")

    def _record_exception(
        self, kind: type[BaseException], exc: BaseException, _tb: TracebackType | None
    ) -> None:
        self.problems.append(f"{kind.__name__}: {exc}")

    def _qt_message(self, kind: object, _context: object, message: str) -> None:
        """Qt's own messages go to stdout, so stderr holds nothing but the failure line; a
        critical or fatal one fails the stage."""
        from PySide6.QtCore import QtMsgType

        if any(noise in message for noise in QT_NOISE):
            return
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            self.problems.append(f"Qt: {message}")
        print(f"qt: {message}", file=self.out, flush=True)

    def _close_unexpected_dialog(self) -> None:
        """Runs inside a modal dialog's own event loop: note it, then dismiss it."""
        from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        text = dialog.text() if isinstance(dialog, QMessageBox) else ""
        self.problems.append(f"unexpected dialog {dialog.windowTitle()!r} {text}".strip())
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()


def _describe(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, SelfTestFailure) else f"{type(exc).__name__}: {exc}"


def _no_application() -> bool:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() is None


def _settle() -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()


# --- reading the exports back ------------------------------------------------------------


def read_back(path: Path, expected: str) -> str:
    """What was read from the exported file; raises when it cannot be read or `expected` (the
    organisation's name) is not in its text."""
    if not path.is_file() or path.stat().st_size == 0:
        raise SelfTestFailure(f"{path.name} was not written")
    reader = READERS.get(path.suffix.lower(), _read_zip_or_bytes)
    what, text = reader(path)
    if text is not None and expected and expected not in text:
        raise SelfTestFailure(f"{expected!r} is not in {path.name}")
    return what


def _read_xlsx(path: Path) -> tuple[str, str | None]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        values = [
            str(value)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        ]
        return f"{len(book.sheetnames)} sheets", "\n".join(values)
    finally:
        book.close()


def _read_docx(path: Path) -> tuple[str, str | None]:
    import docx

    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    headers = [p.text for s in document.sections for p in s.first_page_header.paragraphs]
    return f"{len(document.paragraphs)} paragraphs", "\n".join(texts + headers)


def _read_pptx(path: Path) -> tuple[str, str | None]:
    import pptx

    deck = pptx.Presentation(str(path))
    texts = [
        shape.text_frame.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]
    return f"{len(deck.slides)} slides", "\n".join(texts)


def _read_pdf(path: Path) -> tuple[str, str | None]:
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-2048:]:
        raise SelfTestFailure(f"{path.name} is not a complete PDF file")
    # The text is compressed: without a PDF library, the header and the trailer are what
    # can be checked.
    return f"PDF {data[5:8].decode('ascii', 'replace')}", None


def _read_zip_or_bytes(path: Path) -> tuple[str, str | None]:
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            broken = archive.testzip()
        if broken:
            raise SelfTestFailure(f"{path.name}: {broken} is damaged")
    return "read", None


READERS: dict[str, Callable[[Path], tuple[str, str | None]]] = {
    ".xlsx": _read_xlsx,
    ".docx": _read_docx,
    ".pptx": _read_pptx,
    ".pdf": _read_pdf,
}


def _one_line(text: str) -> str:
    return " ".join(text.split())
