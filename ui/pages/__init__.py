"""The twelve pages of the walk, listed once in step order (filled in by ui/pages/*)."""

from __future__ import annotations

from ui.pages.base import StepPage

PAGES: tuple[type[StepPage], ...] = ()
