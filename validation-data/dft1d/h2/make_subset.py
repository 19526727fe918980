"""Copies rows 0, 20 and 71 (bond lengths 0.32, 1.92, 6.00 bohr) of the dft1d H2 data set.

Run from the repository root:  python3 validation-data/dft1d/h2/make_subset.py ../shared/datasets/dft1d/molecules/h2
Arrays are copied unchanged (same dtype), only the rows are selected; grids.npy is copied whole.
"""
import sys
import numpy as np

source = sys.argv[1]
rows = [0, 20, 71]
for name in ["densities", "exact_v_s", "external_potentials", "total_energies", "locations", "distances",
             "nuclear_charges", "num_electrons"]:
    array = np.load(f"{source}/{name}.npy")
    np.save(f"validation-data/dft1d/h2/{name}.npy", array[rows])
np.save("validation-data/dft1d/h2/grids.npy", np.load(f"{source}/grids.npy"))
