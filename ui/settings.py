"""The user's settings: QSettings in an INI file in the per-user config folder, behind typed
accessors (QSettings hands values back as strings after a restart unless told the type).

The file lives where platformdirs says, read at each construction, so tests that point
XDG_CONFIG_HOME at a temp folder get a fresh file. The autosave interval can be overridden
with the environment variable PMO_WORKBOOK_AUTOSAVE_SECONDS (used by the crash test and
handy on a machine that crashes often).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

from planning.paths import path_key, same_file

APP_NAME = "pmo-workbook"
MAX_RECENT = 8
DEFAULT_AUTOSAVE_SECONDS = 60
AUTOSAVE_ENV = "PMO_WORKBOOK_AUTOSAVE_SECONDS"


def settings_file() -> Path:
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "settings.ini"


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self._qs = QSettings(str(path or settings_file()), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._qs.sync()

    def _get(self, key: str, default: Any, kind: type) -> Any:
        """The value as `kind`: after a restart QSettings only knows strings."""
        return self._qs.value(key, default, type=kind)

    # --- recent files ----------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        """Most recent first; files that no longer exist are dropped."""
        raw = self._get("files/recent", [], list) or []
        paths = [Path(p) for p in raw if isinstance(p, str) and p]
        existing = _dedupe([p for p in paths if p.is_file()])[:MAX_RECENT]
        if existing != paths:
            self._set_recent(existing)
        return existing

    def add_recent_file(self, path: Path) -> None:
        path = Path(os.path.abspath(path))
        self._set_recent(_dedupe([path, *self.recent_files()])[:MAX_RECENT])

    def remove_recent_file(self, path: Path) -> None:
        self._set_recent([p for p in self.recent_files() if not same_file(p, path)])

    def clear_recent_files(self) -> None:
        self._set_recent([])

    def _set_recent(self, paths: list[Path]) -> None:
        self._qs.setValue("files/recent", [str(p) for p in paths])

    def last_folder(self) -> Path:
        value = self._get("files/last_folder", "", str)
        folder = Path(value) if value else Path.home()
        return folder if folder.is_dir() else Path.home()

    def set_last_folder(self, folder: Path) -> None:
        self._qs.setValue("files/last_folder", str(folder))

    # --- exports ---------------------------------------------------------------------

    def charter_template(self) -> Path | None:
        """The organisation's .docx/.dotx template last chosen, None for the built-in one."""
        value = self._get("export/charter_template", "", str)
        return Path(value) if value else None

    def set_charter_template(self, path: Path | None) -> None:
        self._qs.setValue("export/charter_template", str(path) if path else "")

    # --- autosave --------------------------------------------------------------------

    def autosave_seconds(self) -> int:
        override = os.environ.get(AUTOSAVE_ENV, "").strip()
        if override:
            try:
                return max(1, int(float(override)))
            except ValueError:
                pass
        value = self._get("autosave/seconds", DEFAULT_AUTOSAVE_SECONDS, int)
        return max(5, int(value))

    def set_autosave_seconds(self, seconds: int) -> None:
        self._qs.setValue("autosave/seconds", int(seconds))

    # --- view ------------------------------------------------------------------------

    def workshop_mode(self) -> bool:
        return bool(self._get("view/workshop_mode", False, bool))

    def set_workshop_mode(self, on: bool) -> None:
        self._qs.setValue("view/workshop_mode", bool(on))

    def findings_panel(self) -> bool:
        """The panel of all findings; off by default, since each page lists its own and a
        1366-pixel projector needs the width for the page."""
        return bool(self._get("view/findings_panel", False, bool))

    def set_findings_panel(self, on: bool) -> None:
        self._qs.setValue("view/findings_panel", bool(on))

    def workshop_panel(self) -> bool:
        """The parking lot and decision log dock; off by default, opened for the workshop."""
        return bool(self._get("view/workshop_panel", False, bool))

    def set_workshop_panel(self, on: bool) -> None:
        self._qs.setValue("view/workshop_panel", bool(on))

    def window_geometry(self) -> QByteArray | None:
        value = self._get("view/geometry", QByteArray(), QByteArray)
        return value if value and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self._get("view/state", QByteArray(), QByteArray)
        return value if value and not value.isEmpty() else None

    def set_window_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        self._qs.setValue("view/geometry", geometry)
        self._qs.setValue("view/state", state)


def _dedupe(paths: list[Path]) -> list[Path]:
    seen: set[str] = set()
    result = []
    for path in paths:
        key = path_key(path)
        if key not in seen:
            seen.add(key)
            result.append(path)
    return result
