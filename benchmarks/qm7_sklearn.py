"""scikit-learn side of the regression speed benchmark (benchmarks/qm7.sh).

Loads the features, centred targets and fold assignment that KrrGridSpeed exported (X.npy, y.npy,
folds.npy) and the grid it searched (java.json), runs the same k-fold grid search with scikit-learn's
KernelRidge + GridSearchCV (PredefinedSplit with our folds, MAE scoring, refit at the best pair) for the
Laplacian and Gaussian kernels, and writes sklearn.json: wall time, best pair, CV table. Usage:
    python3 qm7_sklearn.py WORKDIR
"""
import json
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.kernel_ridge import KernelRidge
from sklearn.model_selection import GridSearchCV, PredefinedSplit

try:
    from threadpoolctl import threadpool_info
except ImportError:  # optional
    threadpool_info = None


def main(work):
    x = np.load(f"{work}/X.npy")
    y = np.load(f"{work}/y.npy")
    folds = np.load(f"{work}/folds.npy").astype(int)
    ours = json.load(open(f"{work}/java.json"))
    result = {"sklearn": sklearn.__version__, "numpy": np.__version__, "n": int(x.shape[0]),
              "blas": [{k: v for k, v in pool.items() if k in ("internal_api", "version", "num_threads")}
                       for pool in (threadpool_info() if threadpool_info else [])]}
    for kernel, name in (("laplacian", "laplacian"), ("gaussian", "rbf")):
        gammas = ours[kernel]["gammas_sklearn"]
        lambdas = ours[kernel]["lambdas"]
        search = GridSearchCV(KernelRidge(kernel=name), {"gamma": gammas, "alpha": lambdas},
                              cv=PredefinedSplit(folds), scoring="neg_mean_absolute_error", refit=True, n_jobs=1)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            start = time.perf_counter()
            search.fit(x, y)
            seconds = time.perf_counter() - start
        scores = search.cv_results_["mean_test_score"]
        params = search.cv_results_["params"]
        table = [[None] * len(lambdas) for _ in gammas]
        for score, p in zip(scores, params):
            table[gammas.index(p["gamma"])][lambdas.index(p["alpha"])] = -float(score)
        result[kernel] = {"seconds_total": seconds, "best_gamma": search.best_params_["gamma"],
                          "best_lambda": search.best_params_["alpha"], "cv_mae": table,
                          "warnings": sorted({str(w.message)[:120] for w in caught})}
        print(f"qm7_sklearn {kernel}: {seconds:.1f} s, best gamma {search.best_params_['gamma']:.4g}, "
              f"lambda {search.best_params_['alpha']:.0e}", file=sys.stderr)
    with open(f"{work}/sklearn.json", "w") as out:
        json.dump(result, out, indent=2)


if __name__ == "__main__":
    main(sys.argv[1])
