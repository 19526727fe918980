"""High-precision values of the 1D soft-Coulomb LDA (w(x) = 1/sqrt(x^2 + 1)), spin-unpolarized.

Run:  python3 softcoulomb_mpmath.py > softcoulomb_mpmath.txt      (mpmath 1.3.0, 40 significant digits)

Exchange (exact for the uniform gas), R = pi n = 2 k_F:
    J1(R) = int_0^R K0(t) dt,   J2(R) = int_0^R t K0(t) dt = 1 - R K1(R)
    eps_x = -(J1 - J2/R)/pi,     vrho_x = d(n eps_x)/dn = -J1/pi
J1 is computed by mpmath quadrature (tanh-sinh) of K0 on [0, R], J2 from its closed form; both are checked
against each other: the script also integrates t K0(t) numerically and stops if the two J2 differ by
more than 1e-30.
Correlation: libxc's LDA_C_1D_CSC with the soft-Coulomb b = 1 parameters, evaluated in 40-digit arithmetic
    eps_c = -(rs + E rs^2) ln(1 + alpha rs + beta rs^m) / (2 (A + B rs + C rs^2 + D rs^3)),  rs = 1/(2n)
    vrho_c = eps_c - rs d eps_c/d rs   (derivative by mpmath.diff at 40 digits)
"""
import mpmath as mp

mp.mp.dps = 40
NS = ["1e-8", "1e-5", "1e-3", "1e-2", "1e-1", "0.5", "0.6", "1", "2", "5", "10", "16", "20", "100"]
A, B, C, D, E = mp.mpf("18.40"), mp.mpf(0), mp.mpf("7.501"), mp.mpf("0.10185"), mp.mpf("0.012827")
ALPHA, BETA, M = mp.mpf("1.511"), mp.mpf("0.258"), mp.mpf("4.424")


def eps_c(rs):
    return -(rs + E * rs**2) * mp.log(1 + ALPHA * rs + BETA * rs**M) / (2 * (A + B * rs + C * rs**2 + D * rs**3))


print("# mpmath %s, %d digits; 1D soft-Coulomb LDA, spin-unpolarized, Hartree atomic units" % (mp.__version__, mp.mp.dps))
print("# columns: n  eps_x  vrho_x  eps_c  vrho_c   (eps per particle, vrho = d(n eps)/dn)")
for s in NS:
    n = mp.mpf(s)
    R = mp.pi * n
    j1 = mp.quad(lambda t: mp.besselk(0, t), [0, min(R, 1), R] if R > 1 else [0, R])
    j2 = 1 - R * mp.besselk(1, R)
    j2q = mp.quad(lambda t: t * mp.besselk(0, t), [0, min(R, 1), R] if R > 1 else [0, R])
    if abs(j2 - j2q) > mp.mpf("1e-30"):
        raise SystemExit("J2 closed form and quadrature disagree at n = %s: %s" % (s, j2 - j2q))
    ex = -(j1 - j2 / R) / mp.pi
    vx = -j1 / mp.pi
    rs = 1 / (2 * n)
    ec = eps_c(rs)
    vc = ec - rs * mp.diff(eps_c, rs)
    print("%s  %s  %s  %s  %s" % (s, mp.nstr(ex, 25, min_fixed=0, max_fixed=0), mp.nstr(vx, 25, min_fixed=0, max_fixed=0),
                                  mp.nstr(ec, 25, min_fixed=0, max_fixed=0), mp.nstr(vc, 25, min_fixed=0, max_fixed=0)))
