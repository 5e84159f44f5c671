"""Dates: find German date expressions, then resolve them against the reference date."""

from quellenlage.dates.resolve import find_dates, infer_reference_date

__all__ = ["find_dates", "infer_reference_date"]
