"""Settings survive a restart with their types (QSettings hands back strings otherwise),
and the window's geometry and workshop mode are remembered."""

from __future__ import annotations

from pathlib import Path

import app_support
import pytest
from conftest import LATER_SAMPLE

from ui.settings import AUTOSAVE_ENV, DEFAULT_AUTOSAVE_SECONDS, Settings, settings_file

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
scripted = app_support.scripted


def test_values_keep_their_types_after_a_restart(tmp_path, qapp):
    one = tmp_path / "only.pmowb"
    one.write_bytes(LATER_SAMPLE.read_bytes())
    first = Settings()
    first.add_recent_file(one)  # a one-element list is a plain string in an INI file
    first.set_workshop_mode(True)
    first.set_autosave_seconds(120)
    first.set_charter_template(tmp_path / "house.docx")
    first.sync()
    assert settings_file().is_file()

    again = Settings()
    assert again.recent_files() == [one]
    assert again.workshop_mode() is True
    assert again.autosave_seconds() == 120
    assert again.charter_template() == tmp_path / "house.docx"
    again.set_charter_template(None)
    assert Settings().charter_template() is None


def test_autosave_interval_default_and_environment_override(monkeypatch, qapp):
    monkeypatch.delenv(AUTOSAVE_ENV, raising=False)
    assert Settings().autosave_seconds() == DEFAULT_AUTOSAVE_SECONDS
    monkeypatch.setenv(AUTOSAVE_ENV, "2")
    assert Settings().autosave_seconds() == 2
    monkeypatch.setenv(AUTOSAVE_ENV, "soon")
    assert Settings().autosave_seconds() == DEFAULT_AUTOSAVE_SECONDS


def test_same_file_by_another_spelling_is_listed_once(tmp_path, qapp):
    path = tmp_path / "review.pmowb"
    path.write_bytes(LATER_SAMPLE.read_bytes())
    settings = Settings()
    settings.add_recent_file(path)
    settings.add_recent_file(tmp_path / "." / "review.pmowb")
    assert settings.recent_files() == [path]


def test_window_geometry_is_remembered(scripted, qtbot):
    from ui.main_window import MainWindow

    first = MainWindow()
    first.show()
    first.resize(700, 500)
    qtbot.waitUntil(lambda: first.size().width() == 700)
    first.close()
    first.deleteLater()
    second = MainWindow()
    try:
        assert (second.size().width(), second.size().height()) == (700, 500)
    finally:
        second.close()
        second.deleteLater()


def test_recent_file_paths_are_absolute(tmp_path, monkeypatch, qapp):
    monkeypatch.chdir(tmp_path)
    Path("relative.pmowb").write_bytes(LATER_SAMPLE.read_bytes())
    settings = Settings()
    settings.add_recent_file(Path("relative.pmowb"))
    assert settings.recent_files() == [tmp_path / "relative.pmowb"]


def test_findings_panel_starts_hidden_and_is_remembered(scripted, qtbot, later_sample, tmp_path):
    from planning.fileformat import save_workbook
    from ui.main_window import MainWindow

    path = tmp_path / "review.pmowb"
    save_workbook(later_sample, path)
    first = MainWindow()
    first.show()
    first.files.open(path)
    assert not first.findings_dock.isVisible()
    first.named_actions["findings"].trigger()
    assert first.findings_dock.isVisible()
    first.close()
    first.deleteLater()
    second = MainWindow()
    second.show()
    try:
        second.files.open(path)
        assert second.findings_dock.isVisible()
        second.set_workshop_mode(True, remember=False)
        assert not second.findings_dock.isVisible()
        second.set_workshop_mode(False, remember=False)
        assert second.findings_dock.isVisible()
    finally:
        second.close()
        second.deleteLater()
