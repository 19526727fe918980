#!/usr/bin/env python3
"""Reference numbers from scikit-learn for the Java regression tests (ml-maps, org.ofdft.ml).

Deterministic: the data are generated here from numpy.random.default_rng with fixed seeds. Writes .npy arrays
and reference.json next to this script. Run from any directory:

    /usr/bin/python3 validation-data/sklearn/make_reference.py
"""
import json
import pathlib

import numpy as np
import scipy
import scipy.optimize
import sklearn
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel, WhiteKernel
from sklearn.kernel_ridge import KernelRidge
from sklearn.linear_model import Lasso, Ridge
from sklearn.model_selection import KFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HERE = pathlib.Path(__file__).resolve().parent
ref = {"sklearn_version": sklearn.__version__, "numpy_version": np.__version__, "scipy_version": scipy.__version__}


def save(name, array):
    np.save(HERE / f"{name}.npy", np.ascontiguousarray(np.asarray(array, dtype=np.float64)))


# --- ridge: 40 samples x 5 features, intercept fitted (centering), alpha = lambda = 0.7
rng = np.random.default_rng(1)
x = rng.normal(size=(40, 5)) * np.array([1.0, 2.0, 0.5, 3.0, 1.0]) + np.array([0.0, 1.0, -2.0, 0.5, 3.0])
y = x @ np.array([1.5, -0.7, 2.0, 0.3, 0.0]) + 4.0 + 0.1 * rng.normal(size=40)
xt = rng.normal(size=(15, 5))
ridge = Ridge(alpha=0.7, fit_intercept=True, solver="cholesky").fit(x, y)
save("ridge_x", x); save("ridge_y", y); save("ridge_x_test", xt)
save("ridge_coef", ridge.coef_); save("ridge_predict", ridge.predict(xt))
ref["ridge"] = {"alpha": 0.7, "fit_intercept": True, "solver": "cholesky", "intercept": float(ridge.intercept_)}

# --- kernel ridge: 60 samples x 4 features, 20 test points
rng = np.random.default_rng(2)
x = rng.uniform(-2, 2, size=(60, 4))
y = np.sin(x[:, 0]) + 0.5 * x[:, 1] ** 2 - np.cos(2 * x[:, 2]) + 0.3 * x[:, 3] + 0.05 * rng.normal(size=60)
xt = rng.uniform(-2, 2, size=(20, 4))
save("krr_x", x); save("krr_y", y); save("krr_x_test", xt)
krr = {}
for name, params in {
    # Gaussian k = exp(-d^2 / (2 sigma^2)): gamma = 1 / (2 sigma^2)
    "gaussian": dict(kernel="rbf", sigma=1.5, gamma=1 / (2 * 1.5 ** 2), lam=1e-3),
    # Laplacian k = exp(-|x - x'|_1 / sigma): gamma = 1 / sigma
    "laplacian": dict(kernel="laplacian", sigma=2.0, gamma=1 / 2.0, lam=1e-2),
    # polynomial k = (gamma x.x' + coef0)^degree
    "polynomial": dict(kernel="polynomial", degree=3, gamma=0.2, coef0=1.0, lam=0.1),
}.items():
    kw = dict(alpha=params["lam"], kernel=params["kernel"], gamma=params["gamma"])
    if name == "polynomial":
        kw.update(degree=params["degree"], coef0=params["coef0"])
    model = KernelRidge(**kw).fit(x, y)
    save(f"krr_{name}_dual_coef", model.dual_coef_)
    save(f"krr_{name}_predict", model.predict(xt))
    # the same with features standardized first (StandardScaler, ddof = 0)
    pipe = make_pipeline(StandardScaler(), KernelRidge(**kw)).fit(x, y)
    save(f"krr_{name}_standardized_predict", pipe.predict(xt))
    krr[name] = params
ref["kernel_ridge"] = krr

# --- unshuffled 5-fold CV on 23 samples: the fold test indices and out-of-fold KRR predictions
x23, y23 = x[:23], y[:23]
folds = KFold(n_splits=5, shuffle=False)
ref["kfold_23_5_test_indices"] = [test.tolist() for _, test in folds.split(x23)]
oof = cross_val_predict(KernelRidge(alpha=1e-2, kernel="rbf", gamma=1 / (2 * 1.2 ** 2)), x23, y23, cv=folds)
save("cv_krr_gaussian_oof_predict", oof)
ref["cv_krr"] = {"sigma": 1.2, "lambda": 1e-2, "n": 23, "folds": 5}

# --- Gaussian process: 30 samples x 2 features; kernel C * RBF + White, alpha = 0, normalize_y = False
rng = np.random.default_rng(3)
x = rng.uniform(-3, 3, size=(30, 2))
y = np.sin(x[:, 0]) + 0.5 * np.cos(1.5 * x[:, 1]) + 0.1 * rng.normal(size=30)
xt = rng.uniform(-3, 3, size=(12, 2))
save("gpr_x", x); save("gpr_y", y); save("gpr_x_test", xt)
fixed = ConstantKernel(1.3) * RBF(0.9) + WhiteKernel(0.05)
gp = GaussianProcessRegressor(kernel=fixed, alpha=0.0, optimizer=None, normalize_y=False).fit(x, y)
mean, std = gp.predict(xt, return_std=True)
save("gpr_fixed_mean", mean); save("gpr_fixed_std", std)
lml, grad = gp.log_marginal_likelihood(gp.kernel_.theta, eval_gradient=True)
save("gpr_fixed_lml_gradient", grad)
ref["gpr_fixed"] = {"signal_variance": 1.3, "length_scale": 0.9, "noise_variance": 0.05, "alpha": 0.0,
                    "normalize_y": False, "log_marginal_likelihood": float(lml),
                    "note": "std includes the WhiteKernel noise (sklearn: kernel_.diag(X*) contains noise_level)"}


def tight_lbfgsb(obj_func, initial_theta, bounds):
    result = scipy.optimize.minimize(obj_func, initial_theta, method="L-BFGS-B", jac=True, bounds=bounds,
                                     options={"gtol": 1e-12, "ftol": 1e-15, "maxiter": 10000})
    return result.x, result.fun


optimized = {}
for label, optimizer in (("tight", tight_lbfgsb), ("default", "fmin_l_bfgs_b")):
    gp = GaussianProcessRegressor(kernel=fixed, alpha=0.0, optimizer=optimizer, n_restarts_optimizer=5,
                                  normalize_y=False, random_state=0).fit(x, y)
    theta = np.exp(gp.kernel_.theta)
    optimized[label] = {"log_marginal_likelihood": float(gp.log_marginal_likelihood_value_),
                        "signal_variance": float(theta[0]), "length_scale": float(theta[1]),
                        "noise_variance": float(theta[2])}
    if label == "tight":
        mean, std = gp.predict(xt, return_std=True)
        save("gpr_optimized_mean", mean); save("gpr_optimized_std", std)
ref["gpr_optimized"] = {"bounds": [1e-5, 1e5], "n_restarts_optimizer": 5, "random_state": 0, **optimized,
                        "note": "'tight' uses scipy L-BFGS-B with gtol 1e-12, ftol 1e-15 as GPR's optimizer"}

# --- LASSO: 1/(2n)|y - Xw - b|^2 + alpha |w|_1 on 50 x 8, sparse truth, a path of 5 alphas
rng = np.random.default_rng(4)
x = rng.normal(size=(50, 8))
y = x @ np.array([2.0, 0.0, -1.5, 0.0, 0.0, 0.7, 0.0, 0.1]) + 1.0 + 0.2 * rng.normal(size=50)
alphas = [0.5, 0.2, 0.1, 0.03, 0.001]
save("lasso_x", x); save("lasso_y", y)
coefs, intercepts = [], []
for a in alphas:
    m = Lasso(alpha=a, fit_intercept=True, tol=1e-14, max_iter=1000000).fit(x, y)
    coefs.append(m.coef_); intercepts.append(m.intercept_)
save("lasso_coef", np.array(coefs)); save("lasso_intercept", np.array(intercepts))
ref["lasso"] = {"alphas": alphas, "fit_intercept": True, "tol": 1e-14}

# training-set fingerprint of the model files (docs/model-format.md): SHA-256 of the float64 little-endian
# row-major bytes of the training inputs
import hashlib
ref["fingerprint_krr_x_sha256"] = hashlib.sha256(np.load(HERE / "krr_x.npy").astype("<f8").tobytes()).hexdigest()

(HERE / "reference.json").write_text(json.dumps(ref, indent=2) + "\n")
print(json.dumps(ref, indent=2))
