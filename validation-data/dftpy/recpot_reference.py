"""Reference numbers for the .recpot reader and the local pseudopotential, computed from
functionals/src/test/resources/pseudopotentials/al.lda.recpot the way DFTpy 8a6f0d148f12 does it
(dftpy/functional/pseudo/recpot.py and __init__.py: ReadPseudo.get_vloc_interp, LocalPseudo.calc_vlines),
re-implemented here with numpy/scipy:
  q_k = linspace(0, q_max[1/A] * Bohr[A], m),  v_k = v[eV A^3] / Ha[eV] / Bohr[A]^3,
  Z = round((v_0 - v_1) q_1^2 / 4 pi),  v(q) = splev(q, splrep(q[1:], v[1:], k=3)) for q_1 <= q < q_max,
  v(0) = v_0 (DFTpy's quartic through (v2, v1, v0, v1, v2) at q = 0).
Run: python3 recpot_reference.py   (numpy, scipy; this file was run with numpy 2.4.6, scipy 1.17.1)
"""
import numpy as np
from scipy.interpolate import splrep, splev

HA_EV = 27.211386024367243      # CODATA 2014 via ASE 3.22, as DFTpy
BOHR_A = 0.5291772105638411


def read_recpot(path):
    lines = open(path).read().splitlines()
    end = next(i for i, line in enumerate(lines) if 'END COMMENT' in line)
    q_max = float(lines[end + 2]) * BOHR_A
    values = []
    for line in lines[end + 3:]:
        if line.strip() == '1000':
            break
        values += [float(x) for x in line.split()]
    v = np.array(values) / HA_EV / BOHR_A ** 3
    return np.linspace(0, q_max, len(v)), v


q, v = read_recpot('../../functionals/src/test/resources/pseudopotentials/al.lda.recpot')
omega = 112.07317622001766   # DFTpy's cell volume (r02_prim_WT.log), bohr^3
print('points', len(v), 'dq', q[1], 'q_max', q[-1])
print('Z estimate', (v[0] - v[1]) * q[1] ** 2 / (4 * np.pi))
print('alpha = v0 =', repr(float(v[0])), 'Ha bohr^3')
print('uniform-density E_loc = 3 v0 / Omega =', repr(float(3 * v[0] / omega)), 'Ha  (Omega =', omega, 'bohr^3)')
tck = splrep(q[1:], v[1:], k=3)
for x in [0.123456, 0.7312, 1.5, 2.2222, 3.14159, 5.5, 7.77, 12.3456, 25.0, 29.9]:
    print('v(%s) = %r' % (x, float(splev(x, tck))))
