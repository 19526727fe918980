#!/usr/bin/env python3
"""Deterministic data for benchmarks/regression.sh: KRR (N x 20) and GPR (N x 5) sets as .npy."""
import sys
import pathlib
import numpy as np

out = pathlib.Path(sys.argv[1]); krr_n = int(sys.argv[2]); gpr_n = int(sys.argv[3])
out.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(2026)
x = rng.uniform(-1, 1, size=(krr_n, 20))
y = np.sin(3 * x[:, 0]) + x[:, 1] * x[:, 2] + 0.5 * np.cos(2 * x[:, 3:8]).sum(axis=1) + 0.05 * rng.normal(size=krr_n)
np.save(out / "krr_x.npy", x); np.save(out / "krr_y.npy", y)
x = rng.uniform(-2, 2, size=(gpr_n, 5))
y = np.sin(x[:, 0]) + 0.5 * x[:, 1] ** 2 - np.cos(x[:, 2]) * x[:, 3] + 0.1 * rng.normal(size=gpr_n)
np.save(out / "gpr_x.npy", x); np.save(out / "gpr_y.npy", y)
