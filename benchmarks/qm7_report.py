"""Writes benchmarks/results/qm7.md and regression-speed.md from the outputs of benchmarks/qm7.sh.

Usage: python3 qm7_report.py RUNDIR RESULTSDIR COMMAND
RUNDIR holds one `ofdft learn` output directory per run (learning_curve.json, learning_curve.png) and the
speed benchmark's java.json / sklearn.json under speed/.
"""
import json
import os
import platform
import shutil
import sys
import tempfile

# (run directory, title, published value at the largest N, reference)
RUNS = [
    ("cm-sorted", "row-norm-sorted Coulomb matrix, Laplacian kernel",
     "≈ 3 kcal/mol (Hansen et al., JCTC 9, 3404 (2013))"),
    ("cm-eigen", "Coulomb-matrix eigenvalues (distances in bohr), Gaussian kernel",
     "≈ 10 kcal/mol (Rupp et al., PRL 108, 058301 (2012))"),
    ("bob", "bag of bonds, Laplacian kernel", "≈ 1.5 kcal/mol (Hansen et al., JPCL 6, 2326 (2015))"),
    ("soap", "SOAP power spectrum summed over atoms, Gaussian kernel", "(no published number for this variant)"),
]
# independent run quoted in issue 9: sorted CM + Laplacian KRR, λ = 1e-8, 1000 random test molecules
REFERENCE_SORTED_CM = {1000: 8.05, 2000: 5.48, 4000: 3.89, 6000: 3.38}
SPLIT_NOTE = ("The sorted-CM rows compare one split with another: the test MAE moves by about ±0.15 kcal/mol "
              "(N = 2000–4000) from one random split to the next. `benchmarks/results/qm7-splits.md` "
              "(`bash benchmarks/qm7-splits.sh`) repeats the sorted-CM curve over six splits and compares their "
              "mean with the independent run.")


def atomic_write(path, text):
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-")
    with os.fdopen(fd, "w") as out:
        out.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def learning_curves(run_dir, results, command):
    lines = ["# QM7 learning curves (`ofdft learn`)", "",
             "Atomization energies (PBE0, kcal/mol) of the 7101 QM7 molecules in `shared/datasets/qm7/qm7.xyz`. "
             "One seeded shuffle holds out 1000 random test molecules; the training sets of N = 1000 … 6000 are "
             "nested subsets of the rest. At every N, σ and λ are chosen by 5-fold cross-validation on the "
             "training set only (MAE score; σ grid 1, 2, 4, …, 128 × the median training distance; λ ∈ {1e-12, "
             "1e-9, 1e-6, 1e-3}), the model is refitted on all N and scored on the test molecules. Kernel ridge "
             "regression on targets centred on the training mean; Cholesky by LAPACK (OpenBLAS).", "",
             "**Units.** Coulomb-matrix and bag-of-bonds entries Z_i Z_j/|R_i − R_j| use |R_i − R_j| in **Å** for "
             "the sorted matrix and the bag of bonds (the convention of Hansen et al. 2013/2015, qmlcode and, per "
             "issue 9, the independent reference run; diagonal 0.5 Z^2.4) and in **bohr** for the eigenvalue "
             "spectrum: Rupp et al. 2012 worked in atomic units, and the spectrum is unit-sensitive (first 3000 "
             "molecules, N = 2000, 1000 test: eigenvalues + Laplacian 9.8 kcal/mol in bohr vs 21.6 in Å, + Gaussian "
             "11.2 vs 26.4; sorted CM 3.94 vs 3.96, bag of bonds 2.14 vs 2.16). σ is in the descriptor's units (for "
             "the Laplacian kernel a Manhattan distance). SOAP lengths are in bohr (R_c = 8, atomic width 0.8, "
             "n_max = l_max = 6).",
             ""]
    summary = []
    for name, title, published in RUNS:
        path = os.path.join(run_dir, name, "learning_curve.json")
        if not os.path.exists(path):
            lines += [f"## {title}", "", "not run", ""]
            continue
        data = json.load(open(path))
        lines += [f"## {title} (`--descriptor {name} --kernel {data['model']['kernel']}`)", "",
                  f"{data['descriptor']['description']}.", "",
                  "| N | σ | λ | CV MAE | test MAE | RMSE | max | R² | time (s) |",
                  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for p in data["learning_curve"]:
            cv = "fixed" if p["cv_mae"] is None else f"{p['cv_mae']:.2f}"
            lines.append(f"| {p['training_size']} | {p['sigma']:.4g} | {p['lambda']:.0e} | {cv} | "
                         f"**{p['mae']:.2f}** | {p['rmse']:.2f} | {p['max_abs_error']:.1f} | {p['r2']:.6f} | "
                         f"{p['seconds']:.0f} |")
        png = f"qm7-{name}.png"
        shutil.copyfile(os.path.join(run_dir, name, "learning_curve.png"), os.path.join(results, png))
        lines += ["", f"![{title}]({png})", "", f"Published at the largest training sets: {published}.", ""]
        summary.append((name, {p["training_size"]: p["mae"] for p in data["learning_curve"]}))
    lines += ["## Targets (issue 9)", "", "| target | measured | met |", "|---|---|---|"]
    curves = dict(summary)
    if "cm-sorted" in curves:
        for n, ref in REFERENCE_SORTED_CM.items():
            got = curves["cm-sorted"].get(n)
            if got is not None:
                lines.append(f"| sorted CM, N = {n}: MAE ≤ {ref} (independent run) | {got:.2f} | "
                             f"{'yes' if got <= ref else 'no'} |")
    best = [(curves[k].get(6000), k) for k in ("bob", "soap") if k in curves and 6000 in curves[k]]
    for value, key in best:
        lines.append(f"| {key}, N = 6000: MAE < 2 kcal/mol | {value:.2f} | {'yes' if value < 2 else 'no'} |")
    if "cm-eigen" in curves and 6000 in curves["cm-eigen"]:
        got = curves["cm-eigen"][6000]
        lines.append(f"| eigenvalue CM, N = 6000: ≈ 10 kcal/mol (Rupp et al. 2012, N = 7000) | {got:.2f} | "
                     f"{'yes' if got <= 10.5 else 'no'} |")
    lines += ["", SPLIT_NOTE]
    lines += ["", "## Reproduce", "", "```", command, "```", "",
              f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores. The "
              "`learning_curve.json` of each run (all CV tables, test indices) is under "
              "`benchmarks/target/qm7-run/`.", ""]
    atomic_write(os.path.join(results, "qm7.md"), "\n".join(lines))


def speed(run_dir, results, command):
    java = json.load(open(os.path.join(run_dir, "speed", "java.json")))
    sk_path = os.path.join(run_dir, "speed", "sklearn.json")
    sk = json.load(open(sk_path)) if os.path.exists(sk_path) else None
    n, folds = java["n"], java["folds"]
    lines = ["# Regression speed against scikit-learn", "",
             f"Kernel ridge regression with a {folds}-fold grid search over (σ, λ) and a refit at the best pair, "
             f"on N = {n} QM7 molecules (row-norm-sorted Coulomb matrix in Å, {java['features']} features; targets "
             "centred on their mean and exported with the features and the fold assignment as .npy, so both "
             "programs solve the same problems on the same splits). Same machine, same run, wall time.", "",
             f"- ours: `KernelGridSearch` + `FittedKernelRidge` (distances once; one Cholesky per (σ, λ, fold) by "
             f"{java['linear_algebra']}); Java {java['java']}, {java['available_processors']} cores; a small "
             "untimed warm-up first.",
             ]
    if sk:
        blas = ", ".join(f"{b.get('internal_api')} {b.get('version')} ({b.get('num_threads')} threads)"
                         for b in sk["blas"]) or "unknown BLAS"
        lines.append(f"- scikit-learn {sk['sklearn']} (NumPy {sk['numpy']}, {blas}): `GridSearchCV(KernelRidge(kernel),"
                     " {gamma, alpha}, cv=PredefinedSplit(our folds), scoring='neg_mean_absolute_error', refit=True, "
                     "n_jobs=1)`; it recomputes the kernel matrix for every fit and prediction.")
    lines += ["", "| kernel | grid (σ × λ × folds) | ours (s) | of which distances (s) | scikit-learn (s) | "
              "ratio sklearn/ours | same best pair | max rel. diff. of CV MAE table |",
              "|---|---|---:|---:|---:|---:|---|---:|"]
    for kernel in ("laplacian", "gaussian"):
        ours = java[kernel]
        grid = f"{len(ours['sigmas'])} × {len(ours['lambdas'])} × {folds}"
        if sk:
            theirs = sk[kernel]
            same = (abs(theirs["best_gamma"] - ours["best_gamma_sklearn"]) <= 1e-12 * ours["best_gamma_sklearn"]
                    and theirs["best_lambda"] == ours["best_lambda"])
            diffs = [abs(a - b) / abs(b) for ra, rb in zip(ours["cv_mae"], theirs["cv_mae"])
                     for a, b in zip(ra, rb) if a is not None and b is not None]
            lines.append(f"| {kernel} | {grid} | {ours['seconds_total']:.1f} | {ours['seconds_distances']:.1f} | "
                         f"{theirs['seconds_total']:.1f} | **{theirs['seconds_total'] / ours['seconds_total']:.1f}** | "
                         f"{'yes' if same else 'no'} | {max(diffs) if diffs else float('nan'):.1e} |")
        else:
            lines.append(f"| {kernel} | {grid} | {ours['seconds_total']:.1f} | {ours['seconds_distances']:.1f} | "
                         "not run | | | |")
    if sk:
        for kernel in ("laplacian", "gaussian"):
            if sk[kernel]["warnings"]:
                lines += ["", f"scikit-learn warnings ({kernel}): " + "; ".join(sk[kernel]["warnings"])]
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    lines += ["", "Target (issue 9): no slower than scikit-learn, i.e. ratio ≥ 1. Both programs ran back to back on "
              f"a machine shared with other jobs (load average when the report was written: {load} on "
              f"{os.cpu_count()} cores), so absolute times are inflated and ratios noisy by some tens of per cent.",
              "",
              "GPR hyperparameter optimization at N = 2000, and a second KRR grid search at N = 5000 (synthetic "
              "data, 10 σ × 10 λ, on the tridiagonal path), are timed against scikit-learn by "
              "`KRR_N=5000 GPR_N=2000 bash benchmarks/regression.sh` in `benchmarks/results/regression.md`.", "",
              "## Reproduce", "", "```", command, "```", ""]
    atomic_write(os.path.join(results, "regression-speed.md"), "\n".join(lines))


if __name__ == "__main__":
    run_dir, results, command = sys.argv[1], sys.argv[2], sys.argv[3]
    learning_curves(run_dir, results, command)
    if os.path.exists(os.path.join(run_dir, "speed", "java.json")):
        speed(run_dir, results, command)
