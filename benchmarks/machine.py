"""What the benchmarks print beside their figures: how busy the machine was.

On a shared machine a busy neighbour slows every figure down; the load average (the number of
processes that wanted a core, over 1, 5 and 15 minutes) beside each figure says how far to trust it.
"""

from __future__ import annotations

import os


def load() -> float:
    """The load average of the last minute."""
    return round(os.getloadavg()[0], 2)


def load_line() -> str:
    one, five, fifteen = os.getloadavg()
    return f"machine load {one:.1f} / {five:.1f} / {fifteen:.1f} (1 / 5 / 15 min) on {os.cpu_count()} cores"
