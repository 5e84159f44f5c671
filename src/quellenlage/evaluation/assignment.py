"""An exact maximum-weight assignment of rows to columns (the Hungarian algorithm), written here
because scipy's ``linear_sum_assignment`` is not a dependency; the quotation scorer pairs gold and
predicted quotations with it."""

from __future__ import annotations

from collections.abc import Sequence


def max_weight_assignment(scores: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Rows × columns pairs (min(rows, columns) of them) maximising the summed score.

    The Hungarian algorithm with potentials (O(n²m)); the same assignment as
    ``scipy.optimize.linear_sum_assignment(scores, maximize=True)`` up to ties.
    """
    n = len(scores)
    m = len(scores[0]) if n else 0
    if n == 0 or m == 0:
        return []
    matrix = [list(map(float, row)) for row in scores]
    transposed = n > m
    if transposed:
        matrix = [list(column) for column in zip(*matrix, strict=True)]
        n, m = m, n
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    match = [0] * (m + 1)  # column j -> row (1-based), 0 free
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = match[j0]
            delta = inf
            j1 = 0
            row = matrix[i0 - 1]
            for j in range(1, m + 1):
                if not used[j]:
                    current = -row[j - 1] - u[i0] - v[j]
                    if current < minv[j]:
                        minv[j] = current
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while True:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = [(match[j] - 1, j - 1) for j in range(1, m + 1) if match[j]]
    if transposed:
        pairs = [(column, row) for row, column in pairs]
    return sorted(pairs)
