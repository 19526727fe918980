#!/usr/bin/env python3
"""scikit-learn side of benchmarks/regression.sh: the same grid search and GP optimization as the Java side."""
import json
import sys
import time
import pathlib
import numpy as np
import sklearn
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel, WhiteKernel
from sklearn.kernel_ridge import KernelRidge
from sklearn.model_selection import GridSearchCV, KFold

work = pathlib.Path(sys.argv[1])
grid = json.loads((work / "grid.json").read_text())
x, y = np.load(work / "krr_x.npy"), np.load(work / "krr_y.npy")
search = GridSearchCV(KernelRidge(kernel="rbf"),
                      {"gamma": [1 / (2 * s * s) for s in grid["sigmas"]], "alpha": grid["lambdas"]},
                      cv=KFold(n_splits=5, shuffle=False), scoring="neg_mean_absolute_error", refit=False, n_jobs=1)
start = time.perf_counter(); search.fit(x, y); krr_seconds = time.perf_counter() - start
best = search.best_params_
x, y = np.load(work / "gpr_x.npy"), np.load(work / "gpr_y.npy")
gpr = {}
for restarts, key in ((0, "gpr1"), (grid["restarts"], "gpr")):  # one start from θ₀, then θ₀ + random restarts
    kernel = ConstantKernel(1.0) * RBF(1.0) + WhiteKernel(0.1)
    gp = GaussianProcessRegressor(kernel=kernel, alpha=0.0, normalize_y=False, n_restarts_optimizer=restarts,
                                  random_state=0)
    start = time.perf_counter(); gp.fit(x, y)
    gpr.update({f"{key}_seconds": time.perf_counter() - start,
                f"{key}_lml": float(gp.log_marginal_likelihood_value_),
                f"{key}_theta": np.exp(gp.kernel_.theta).tolist()})
print(json.dumps({"sklearn": sklearn.__version__, "numpy": np.__version__,
                  "krr_seconds": krr_seconds, "krr_best_sigma": (1 / (2 * best["gamma"])) ** 0.5,
                  "krr_best_lambda": best["alpha"], "krr_best_mae": -search.best_score_,
                  **gpr}))
