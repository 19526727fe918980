package org.ofdft.ml.descriptors;

import java.util.List;
import org.ofdft.ml.io.Atoms;

/**
 * Behler–Parrinello atom-centred symmetry functions (Behler, JCP 134, 074106 (2011)), per element
 * channel, with analytic derivatives with respect to all atomic positions. Lengths in <b>bohr</b>
 * (R_c, R_s in bohr, η in bohr⁻²). With f_c the cosine cutoff (eq. 4) and R_ij = |r_j + T − r_i|:
 * <pre>
 *   G2_i(η, R_s)  = Σ_{j ∈ element a}  exp(−η (R_ij − R_s)²) f_c(R_ij)                                  (eq. 6)
 *   G4_i(η, ζ, λ) = 2^{1−ζ} Σ_{{j,k} ∈ elements {a,b}} (1 + λ cos θ_ijk)^ζ
 *                          · exp(−η (R_ij² + R_ik² + R_jk²)) f_c(R_ij) f_c(R_ik) f_c(R_jk)                (eq. 25)
 * </pre>
 * with cos θ_ijk = d_ij·d_ik / (R_ij R_ik). The G4 sum takes each unordered neighbour pair {j, k} once;
 * eq. (25) written as independent sums over j and k counts every pair twice, i.e. is twice this value.
 * Periodic images of neighbours (and of atom i itself) are included through the {@link NeighbourList}.
 *
 * <p>Feature order for each atom: the G2 block, for each element a (in the given order), for each radial
 * parameter set; then the G4 block, for each unordered element pair (a ≤ b in the given order: (0,0),
 * (0,1), …, (1,1), …), for each angular parameter set. The central atom's own element does not change
 * the layout (models are usually fitted per central element).
 */
public final class SymmetryFunctions {

    /** Parameters of one radial function G2: width η (bohr⁻²) and shift R_s (bohr). */
    public record Radial(double eta, double shift) {
        public Radial {
            if (!(eta >= 0) || !Double.isFinite(eta) || !Double.isFinite(shift)) {
                throw new IllegalArgumentException("G2 needs η ≥ 0 (bohr⁻²) and a finite shift, got η = " + eta
                        + ", R_s = " + shift);
            }
        }
    }

    /** Parameters of one angular function G4: width η (bohr⁻²), exponent ζ ≥ 1 and λ = ±1. */
    public record Angular(double eta, double zeta, double lambda) {
        public Angular {
            if (!(eta >= 0) || !Double.isFinite(eta) || !(zeta >= 1) || !Double.isFinite(zeta) || (lambda != 1 && lambda != -1)) {
                throw new IllegalArgumentException("G4 needs η ≥ 0 (bohr⁻²), ζ ≥ 1 and λ = +1 or −1, got η = " + eta
                        + ", ζ = " + zeta + ", λ = " + lambda);
            }
        }
    }

    private final List<String> elements;
    private final double cutoff;
    private final double[] radialEta;
    private final double[] radialShift;
    private final double[] angularEta;
    private final double[] angularZeta;
    private final double[] angularLambda;
    private final int radialLength;
    private final int length;

    /**
     * @param elements element symbols that define the channels (every atom must be one of them)
     * @param cutoff   R_c in bohr
     * @param radial   G2 parameter sets (may be empty)
     * @param angular  G4 parameter sets (may be empty)
     */
    public SymmetryFunctions(List<String> elements, double cutoff, List<Radial> radial, List<Angular> angular) {
        if (elements == null || elements.isEmpty() || elements.stream().distinct().count() != elements.size()) {
            throw new IllegalArgumentException("symmetry functions need a list of distinct element symbols, got " + elements);
        }
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("cutoff R_c must be a positive number of bohr, got " + cutoff);
        }
        if (radial.isEmpty() && angular.isEmpty()) {
            throw new IllegalArgumentException("symmetry functions need at least one G2 or G4 parameter set");
        }
        this.elements = List.copyOf(elements);
        this.cutoff = cutoff;
        this.radialEta = radial.stream().mapToDouble(Radial::eta).toArray();
        this.radialShift = radial.stream().mapToDouble(Radial::shift).toArray();
        this.angularEta = angular.stream().mapToDouble(Angular::eta).toArray();
        this.angularZeta = angular.stream().mapToDouble(Angular::zeta).toArray();
        this.angularLambda = angular.stream().mapToDouble(Angular::lambda).toArray();
        int s = elements.size();
        this.radialLength = s * radial.size();
        this.length = radialLength + s * (s + 1) / 2 * angular.size();
    }

    public List<String> elements() {
        return elements;
    }

    public double cutoff() {
        return cutoff;
    }

    /** Features per atom. */
    public int length() {
        return length;
    }

    /** The symmetry functions of every atom, and their derivatives if {@code withGradient}. */
    public AtomicFeatures compute(Atoms atoms, boolean withGradient) {
        int n = atoms.atomCount();
        int[] channel = ElementChannels.of(atoms, elements, "symmetry functions");
        NeighbourList list = NeighbourList.build(atoms, cutoff);
        double[] values = new double[n * length];
        double[] gradient = withGradient ? new double[n * length * n * 3] : null;
        int radialCount = radialEta.length;
        int angularCount = angularEta.length;
        int s = elements.size();
        for (int i = 0; i < n; i++) {
            int start = list.start(i);
            int end = list.end(i);
            for (int e = start; e < end; e++) {
                int j = list.neighbour(e);
                double distance = list.distance(e);
                double fc = CosineCutoff.value(distance, cutoff);
                double dfc = CosineCutoff.derivative(distance, cutoff);
                int base = channel[j] * radialCount;
                for (int p = 0; p < radialCount; p++) {
                    double x = distance - radialShift[p];
                    double gauss = Math.exp(-radialEta[p] * x * x);
                    values[i * length + base + p] += gauss * fc;
                    if (gradient != null) {
                        // dG2/dR = exp(−η x²) (f_c' − 2η x f_c); ∂R/∂r_j = d_ij/R = −∂R/∂r_i
                        double dR = gauss * (dfc - 2 * radialEta[p] * x * fc) / distance;
                        addPair(gradient, n, i, base + p, j, dR * list.vector(e, 0), dR * list.vector(e, 1),
                                dR * list.vector(e, 2));
                    }
                }
            }
            if (angularCount == 0) {
                continue;
            }
            for (int e1 = start; e1 < end; e1++) {
                int j = list.neighbour(e1);
                double a = list.distance(e1);
                double ux = list.vector(e1, 0);
                double uy = list.vector(e1, 1);
                double uz = list.vector(e1, 2);
                double fa = CosineCutoff.value(a, cutoff);
                double dfa = CosineCutoff.derivative(a, cutoff);
                for (int e2 = e1 + 1; e2 < end; e2++) {
                    double vx = list.vector(e2, 0);
                    double vy = list.vector(e2, 1);
                    double vz = list.vector(e2, 2);
                    double wx = vx - ux;
                    double wy = vy - uy;
                    double wz = vz - uz;
                    double c2 = wx * wx + wy * wy + wz * wz;
                    if (c2 >= cutoff * cutoff) {
                        continue; // f_c(R_jk) = 0 and so is its derivative
                    }
                    int k = list.neighbour(e2);
                    double b = list.distance(e2);
                    double r = Math.sqrt(c2); // R_jk
                    double fb = CosineCutoff.value(b, cutoff);
                    double dfb = CosineCutoff.derivative(b, cutoff);
                    double fr = CosineCutoff.value(r, cutoff);
                    double dfr = CosineCutoff.derivative(r, cutoff);
                    double cos = (ux * vx + uy * vy + uz * vz) / (a * b);
                    int lo = Math.min(channel[j], channel[k]);
                    int hi = Math.max(channel[j], channel[k]);
                    int base = radialLength + (lo * s - lo * (lo - 1) / 2 + (hi - lo)) * angularCount;
                    double sumSquares = a * a + b * b + c2;
                    for (int q = 0; q < angularCount; q++) {
                        double zeta = angularZeta[q];
                        double lambda = angularLambda[q];
                        double eta = angularEta[q];
                        double one = Math.max(0.0, 1 + lambda * cos);
                        double norm = Math.pow(2, 1 - zeta);
                        double power = Math.pow(one, zeta);
                        double gauss = Math.exp(-eta * sumSquares);
                        double cutoffs = fa * fb * fr;
                        values[i * length + base + q] += norm * power * gauss * cutoffs;
                        if (gradient == null) {
                            continue;
                        }
                        // T = 2^{1−ζ} P(cos) E f(a) f(b) f(r): partial derivatives in a = R_ij, b = R_ik,
                        // r = R_jk, cos θ; then chain to u = d_ij, v = d_ik, w = v − u
                        double common = norm * power * gauss;
                        double dTda = common * fb * fr * (dfa - 2 * eta * a * fa);
                        double dTdb = common * fa * fr * (dfb - 2 * eta * b * fb);
                        double dTdr = common * fa * fb * (dfr - 2 * eta * r * fr);
                        double dTdcos = norm * zeta * lambda * Math.pow(one, zeta - 1) * gauss * cutoffs;
                        double ab = a * b;
                        // ∂cos/∂u = v/(ab) − cos u/a², ∂cos/∂v = u/(ab) − cos v/b², ∂r/∂u = −w/r, ∂r/∂v = w/r
                        double gux = dTda * ux / a + dTdcos * (vx / ab - cos * ux / (a * a)) - dTdr * wx / r;
                        double guy = dTda * uy / a + dTdcos * (vy / ab - cos * uy / (a * a)) - dTdr * wy / r;
                        double guz = dTda * uz / a + dTdcos * (vz / ab - cos * uz / (a * a)) - dTdr * wz / r;
                        double gvx = dTdb * vx / b + dTdcos * (ux / ab - cos * vx / (b * b)) + dTdr * wx / r;
                        double gvy = dTdb * vy / b + dTdcos * (uy / ab - cos * vy / (b * b)) + dTdr * wy / r;
                        double gvz = dTdb * vz / b + dTdcos * (uz / ab - cos * vz / (b * b)) + dTdr * wz / r;
                        addPair(gradient, n, i, base + q, j, gux, guy, guz);
                        addPair(gradient, n, i, base + q, k, gvx, gvy, gvz);
                    }
                }
            }
        }
        return new AtomicFeatures(n, length, values, gradient);
    }

    /** A term that depends on d = r_j − r_i (+T) with ∂/∂d = g: adds g to r_j's and −g to r_i's derivative. */
    private void addPair(double[] gradient, int n, int i, int feature, int j, double gx, double gy, double gz) {
        int row = (i * length + feature) * n;
        int at = (row + j) * 3;
        gradient[at] += gx;
        gradient[at + 1] += gy;
        gradient[at + 2] += gz;
        at = (row + i) * 3;
        gradient[at] -= gx;
        gradient[at + 1] -= gy;
        gradient[at + 2] -= gz;
    }
}
