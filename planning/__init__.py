"""The domain of PMO Workbook: the workbook model, its file, analysis and carry-forward.

Nothing in this package imports Qt; the desktop app and the exporters stand on it.
"""
