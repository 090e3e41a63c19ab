"""Emitting Qt signals from Python without wearing out `True`.

PySide6 6.12.0's `SignalInstance.emit()` returns `True` without a new reference, so each
emit from Python lowers True's reference count by one; after a few thousand edits the
interpreter aborts ("Fatal Python error: bool_dealloc"). `emit()` here gives the reference
back when (and only when) the running PySide6 is measured to have the fault.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()


def _emit_drops_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    dropped = sys.getrefcount(True) < before
    if dropped:
        for _ in range(8):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return dropped


_FAULTY = _emit_drops_a_reference()


def emit(signal: Any, *args: Any) -> None:
    result = signal.emit(*args)
    if _FAULTY and isinstance(result, bool):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
