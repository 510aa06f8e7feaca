"""Exports for analysts and researchers: CSV, JSON and JSON Lines with stable columns."""

from exports.writers import COLUMNS, FORMATS, write_rows

__all__ = ["COLUMNS", "FORMATS", "write_rows"]
