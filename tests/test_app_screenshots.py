"""Screenshots of the welcome screen and of the main window with the sample open, at
1366×768 (a common projector and laptop size). The test renders them and checks they are
not empty; run this file as a script to refresh docs/screenshots/:

    QT_QPA_PLATFORM=offscreen python tests/test_app_screenshots.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path[:0] = [str(Path(__file__).resolve().parent.parent)]

from PySide6.QtGui import QImage  # noqa: E402

SIZE = (1366, 768)
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def render(
    folder: Path,
    workshop: bool = False,
    steps: tuple = (),
    workshop_panel: bool = False,
    dock_steps: tuple = (),
) -> dict[str, Path]:
    """Render the screenshots into `folder`; recent files live in a temp folder of theirs.
    `steps` adds one image per step of the walk (the Objectives page with PO-4 selected,
    a carried-over objective awaiting its decision); `dock_steps` one per step with the
    workshop dock open under the page ("-dock"); `workshop_panel` one with the workshop
    dock's agenda shown and the agenda clock running on the mission and vision slot."""
    from PySide6.QtWidgets import QApplication

    from planning.steps import Step
    from ui.files import SAMPLE
    from ui.main_window import MainWindow
    from ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    reviews = folder / "work" / "Documents" / "PMO reviews"
    reviews.mkdir(parents=True, exist_ok=True)
    settings = Settings()
    for name in ("northwind-fy2025.pmowb", "northwind-fy2026.pmowb", "northwind-fy2027.pmowb"):
        (reviews / name).write_bytes(SAMPLE.read_bytes())
        settings.add_recent_file(reviews / name)
    window = MainWindow(settings)
    window.set_workshop_mode(workshop, remember=False)
    window.resize(*SIZE)
    window.show()
    suffix = "-workshop" if workshop else ""
    shots = {}
    settle(app)
    shots["welcome"] = folder / f"welcome{suffix}.png"
    window.grab().save(str(shots["welcome"]))
    window.files.open(reviews / "northwind-fy2027.pmowb")
    window.show_step(Step.OBJECTIVES)
    settle(app)
    shots["main-window"] = folder / f"main-window{suffix}.png"
    window.grab().save(str(shots["main-window"]))
    for step in steps:
        window.show_step(step)
        if step is Step.OBJECTIVES:
            page = window.page(step)
            workbook = window.document.workbook
            page.table.select_id(next(o.id for o in workbook.objectives if o.code == "PO-4"))
        settle(app)
        name = f"step-{step.number:02d}-{step.value.replace('_', '-')}{suffix}"
        shots[name] = folder / f"{name}.png"
        window.grab().save(str(shots[name]))
    if dock_steps:
        window.set_workshop_panel_visible(True)
        for step in dock_steps:
            window.show_step(step)
            settle(app)
            name = f"step-{step.number:02d}-{step.value.replace('_', '-')}{suffix}-dock"
            shots[name] = folder / f"{name}.png"
            window.grab().save(str(shots[name]))
        window.set_workshop_panel_visible(False)
    if workshop_panel:
        # The agenda docked under the page, the clock 17 minutes into the mission and vision
        # slot (a frozen clock, so the picture is the same every time); Next slot shows
        # the step.
        window.set_workshop_panel_visible(True)
        clock = window.agenda_clock
        clock.clock = lambda: 0.0
        clock.toggle()
        while clock.current().step is not Step.MISSION_VISION:
            clock.next_slot()
        clock.clock = lambda: 17 * 60 + 26.0
        clock.refresh()
        panel = window.workshop_dock.panel
        panel.agenda.select_row(clock.index)
        settle(app)
        shots["workshop-panel"] = folder / f"workshop-panel{suffix}.png"
        window.grab().save(str(shots["workshop-panel"]))
        clock.toggle()
        window.set_workshop_panel_visible(False)
    window.set_workshop_mode(False, remember=False)
    window.close()
    window.deleteLater()
    app.processEvents()
    return shots


def settle(app) -> None:  # type: ignore[no-untyped-def]
    """Let posted layout requests (after a font change) run, as the event loop would."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(100, loop.quit)
    loop.exec()
    app.processEvents()


def _distinct_colours(image: QImage) -> int:
    colours = set()
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            colours.add(image.pixel(x, y))
    return len(colours)


def test_screenshots_render_at_1366x768(qtbot, tmp_path):
    from planning.steps import Step

    shots = render(tmp_path, steps=(Step.OBJECTIVES, Step.ALIGNMENT), workshop_panel=True)
    assert "workshop-panel" in shots
    for path in shots.values():
        image = QImage(str(path))
        assert (image.width(), image.height()) == SIZE
        assert _distinct_colours(image) > 20, f"{path.name} looks empty"


if __name__ == "__main__":
    import tempfile

    out = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
    with tempfile.TemporaryDirectory() as temp:
        for key in ("XDG_CONFIG_HOME", "XDG_STATE_HOME"):
            os.environ[key] = str(Path(temp) / key.lower())
        os.environ["HOME"] = str(Path(temp) / "work")  # recent files show as ~/Documents/...
        from planning.steps import Step

        for shot in render(Path(temp), steps=tuple(Step), workshop_panel=True).values():
            shot.replace(out / shot.name)
            print(out / shot.name)
        # Workshop mode (projector type): every step, without and with the workshop dock
        # (agenda, parking lot, decisions) under the page; the welcome and main-window
        # images of that run are only looked at, not kept.
        os.environ["HOME"] = str(Path(temp) / "w" / "work")
        for name, shot in render(
            Path(temp) / "w",
            workshop=True,
            steps=tuple(Step),
            workshop_panel=True,
            dock_steps=tuple(Step),
        ).items():
            keep = name.startswith(("step-", "workshop-panel"))
            target = (out if keep else Path(tempfile.gettempdir())) / shot.name
            print(shot.replace(target))
