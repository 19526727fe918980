# Generates the .npy/.npz fixtures of NpyTest with NumPy (run: python3 make_npy_fixtures.py; NumPy 2.4.6 used).
import numpy as np
np.save("f8_2x3.npy", np.arange(6, dtype="<f8").reshape(2, 3) / 4)
np.save("f4_4.npy", np.array([1.5, -2.25, 3e-8, 1e30], dtype="<f4"))
np.save("i8_3.npy", np.array([1, -2, 3], dtype="<i8"))
np.save("be_f8_2.npy", np.array([0.5, -7.0], dtype=">f8"))
np.save("u_2.npy", np.array(["H", "He$^+$"]))
np.save("scalar.npy", np.float64(2.5))
np.savez("archive.npz", a=np.ones(3), b=np.arange(4, dtype="<i4").reshape(2, 2))
