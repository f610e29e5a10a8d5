"""Connected groups of quantities: two quantities are connected when a rule relates them, so each
group can be solved on its own and the cost grows with the largest group, not the workspace."""

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components


def connect(nodes: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Component label of each node 0..nodes-1 given undirected edges left[i] -- right[i]."""
    if nodes == 0:
        return np.zeros(0, dtype=int)
    graph = coo_matrix((np.ones(len(left)), (np.asarray(left, int), np.asarray(right, int))), shape=(nodes, nodes))
    return connected_components(graph, directed=False)[1]


def variables(claims: pd.DataFrame) -> np.ndarray:
    """One solver variable per quantity, claims of one cohort sharing it: qkeys and cohorts as nodes,
    each claim with a cohort an edge between the two. Labels follow sorted keys: row order is moot."""
    cohort = claims["cohort"].to_numpy(object)
    keys = np.concatenate([claims["qkey"].to_numpy(object), cohort[cohort != ""]])
    codes, uniques = pd.factorize(pd.Series(keys, dtype=object), sort=True)
    n = len(claims)
    with_cohort = np.flatnonzero(cohort != "")
    return connect(len(uniques), codes[with_cohort], codes[n:])[codes[:n]]


def relation_components(variable_count: int, terms: pd.DataFrame) -> np.ndarray:
    """Component of each variable when every relation joins its variables."""
    head = terms.groupby("rel")["var"].transform("first").to_numpy(int)
    return connect(variable_count, head, terms["var"].to_numpy(int))
