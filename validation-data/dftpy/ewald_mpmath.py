"""Reference Ewald energies at 30 significant digits (mpmath), for the tests in
functionals/src/test/java/org/ofdft/functionals/external/EwaldTest.java.

E = 1/2 sum' erfc(eta|L|)/|L| + (2 pi/Omega) sum_{G!=0} exp(-G^2/4eta^2)/G^2 - eta/sqrt(pi) - pi/(2 Omega eta^2)
for one unit charge per primitive cell in a uniform neutralizing background; the result does not depend on
eta (checked with two values). Prints zeta = E r_s (r_s = (3 Omega / 4 pi)^(1/3)) and, for the simple cubic
lattice, 2 E a (the cubic-lattice Coulomb constant, -2.8372974794806...), and the fcc Al (Z = 3,
a = 7.65339080963956 bohr) energy.  Run: python3 ewald_mpmath.py   (mpmath 1.3; ~5 s)
"""
import itertools
from mpmath import mp, mpf, erfc, exp, sqrt, pi, matrix, cbrt

mp.dps = 30


def ewald(lattice, eta, reach=9):
    a = [[mpf(x) for x in row] for row in lattice]
    volume = abs(mp.det(matrix(a)))
    b = (matrix(a) ** -1).T * 2 * pi
    real = mpf(0)
    recip = mpf(0)
    for n in itertools.product(range(-reach, reach + 1), repeat=3):
        if n == (0, 0, 0):
            continue
        L = [sum(n[i] * a[i][k] for i in range(3)) for k in range(3)]
        d = sqrt(sum(x * x for x in L))
        real += erfc(eta * d) / d
        G = [sum(n[i] * b[i, k] for i in range(3)) for k in range(3)]
        g2 = sum(x * x for x in G)
        recip += exp(-g2 / (4 * eta ** 2)) / g2
    energy = real / 2 + 2 * pi / volume * recip - eta / sqrt(pi) - pi / (2 * volume * eta ** 2)
    return energy, volume


lattices = {
    'sc': [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
    'bcc': [[-0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0.5, 0.5, -0.5]],
    'fcc': [[0, 0.5, 0.5], [0.5, 0, 0.5], [0.5, 0.5, 0]],
}
zeta = {}
for name, lattice in lattices.items():
    vol = abs(mp.det(matrix(lattice)))
    eta = sqrt(pi) / cbrt(vol)
    e1, volume = ewald(lattice, eta)
    e2, _ = ewald(lattice, eta * mpf('1.3'))
    rs = cbrt(3 * volume / (4 * pi))
    zeta[name] = e1 * rs
    line = name + ' zeta = E r_s = ' + mp.nstr(e1 * rs, 25) + '  (eta x 1.3: ' + mp.nstr(e2 * rs, 25) + ')'
    if name == 'sc':
        line += '  2 E a = ' + mp.nstr(2 * e1, 25)
    print(line)
a = mpf('7.65339080963956')
omega = a ** 3 / 4
rs = cbrt(3 * omega / (4 * pi))
print('fcc Al, Z = 3, a =', a, 'bohr: E =', mp.nstr(9 * zeta['fcc'] / rs, 25), 'Ha; Omega =', mp.nstr(omega, 20))
