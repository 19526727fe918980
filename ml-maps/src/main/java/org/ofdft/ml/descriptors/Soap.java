package org.ofdft.ml.descriptors;

import java.util.List;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ofdft.ml.io.Atoms;

/**
 * The SOAP power spectrum (Bartók, Kondor, Csányi, PRB 87, 184115 (2013)) of every atom, per element
 * channel, with analytic derivatives with respect to all atomic positions. Lengths in <b>bohr</b>.
 *
 * <p><b>Neighbour density</b> of atom i and element a (the central atom itself excluded):
 * ρ_i^a(r) = Σ_{j ∈ a} f_c(R_ij) exp(−|r − d_ij|² / 2σ²), with the cosine cutoff f_c (so that a neighbour
 * enters and leaves smoothly at R_c) and d_ij = r_j + T − r_i over periodic images.
 *
 * <p><b>Radial basis</b>: the polynomial basis of Bartók et al. 2013 (eq. 25), as in DScribe's
 * "polynomial" option: φ_α(r) = (1 − r/R_c)^{α+2}, α = 1 … n_max, on [0, R_c], orthonormalized with the
 * r² weight by Löwdin's S^{−1/2}: g_n = Σ_α (S^{−1/2})_{nα} φ_α, ∫_0^{R_c} r² g_n g_n' dr = δ_nn'.
 *
 * <p><b>Coefficients</b> c_nlm^a = ∫ d³r g_n(r) Y_lm(r̂) ρ_i^a(r) with real spherical harmonics
 * ({@link RealSphericalHarmonics}). The angular integral of each Gaussian is exact,
 * ∫ dΩ Y_lm(r̂) e^{−|r−d|²/2σ²} = 4π e^{−(r²+R²)/2σ²} i_l(rR/σ²) Y_lm(d̂) (from the expansion
 * e^{z cos γ} = Σ_l (2l+1) i_l(z) P_l(cos γ) and the addition theorem), so
 * c_nlm^a = Σ_j 4π f_c(R_j) Y_lm(d̂_j) ∫_0^{R_c} r² g_n(r) e^{−(r−R_j)²/2σ²} ĩ_l(r R_j/σ²) dr,
 * where the radial integral is done by Gauss–Legendre quadrature on [0, R_c] ({@code radialPoints} nodes)
 * and ĩ_l = e^{−x} i_l ({@link ModifiedSphericalBessel}). By default I_nl(R) and dI_nl/dR are computed so
 * once on a grid of R (spacing σ/64) and interpolated by cubic Hermite polynomials.
 *
 * <p><b>Power spectrum</b> (DScribe's normalization, Himanen et al., CPC 247, 106949 (2020)):
 * p_{nn'l}^{ab} = π √(8/(2l+1)) Σ_m c_nlm^a c_n'lm^b, for element pairs a ≤ b (in the given order), with
 * n ≤ n' when a = b. Feature order: pair (a, b), then n, then n', then l.
 *
 * <p><b>Derivatives</b> are analytic: the quadrature (and the interpolation) is fixed, so they are the exact
 * derivatives of the computed features (the radial integrand is differentiated in R_j, using
 * i_l' = [l i_{l−1} + (l+1) i_{l+1}]/(2l+1), and Y_lm in d_j). The derivative array is dense
 * (atoms × features × atoms × 3): meant for molecules and small cells.
 */
public final class Soap {

    private final List<String> elements;
    private final double cutoff;
    private final int nMax;
    private final int lMax;
    private final double sigma;
    private final double[] nodes;          // Gauss–Legendre nodes r_q on [0, R_c]
    private final double[] weightedBasis;  // [n · Q + q] = w_q r_q² g_n(r_q)
    private final double[][] orthonormalization; // (S^{−1/2})_{nα}
    private final double tableSpacing;     // 0: no table
    private final double[] table;          // see tabulate()
    private final int length;

    /**
     * With the default radial quadrature, max(2 n_max + 12, ⌈4 R_c/σ⌉ + 12) Gauss–Legendre nodes, and the
     * radial integrals tabulated every σ/64 (see {@link #Soap(List, double, int, int, double, int, double)}).
     */
    public Soap(List<String> elements, double cutoff, int nMax, int lMax, double sigma) {
        this(elements, cutoff, nMax, lMax, sigma, defaultRadialPoints(cutoff, nMax, sigma), sigma / 64);
    }

    /**
     * @param elements     element symbols that define the channels (every atom must be one of them)
     * @param cutoff       R_c (bohr)
     * @param nMax         number of radial basis functions (1 … 12; the polynomial basis becomes
     *                     ill-conditioned beyond)
     * @param lMax         largest angular momentum (0 … 20)
     * @param sigma        Gaussian width σ of each atom (bohr)
     * @param radialPoints Gauss–Legendre nodes for the radial integrals
     * @param tableSpacing 0: the radial integrals I_nl(R) are computed by quadrature for every neighbour;
     *                     h > 0: they and dI_nl/dR are computed by quadrature at R = 0, h, 2h, … R_c once, and
     *                     interpolated between by cubic Hermite polynomials (error O(h⁴); h = σ/64 agrees with
     *                     the direct quadrature to ~1e-10 relative and is several times faster). Derivatives
     *                     are then those of the interpolant, still exact derivatives of the computed features.
     */
    public Soap(List<String> elements, double cutoff, int nMax, int lMax, double sigma, int radialPoints,
            double tableSpacing) {
        if (elements == null || elements.isEmpty() || elements.stream().distinct().count() != elements.size()) {
            throw new IllegalArgumentException("SOAP needs a list of distinct element symbols, got " + elements);
        }
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("SOAP cutoff R_c must be a positive number of bohr, got " + cutoff);
        }
        if (nMax < 1 || nMax > 12) {
            throw new IllegalArgumentException("SOAP n_max must be in 1..12, got " + nMax);
        }
        if (lMax < 0 || lMax > 20) {
            throw new IllegalArgumentException("SOAP l_max must be in 0..20, got " + lMax);
        }
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("SOAP Gaussian width σ must be a positive number of bohr, got " + sigma);
        }
        if (radialPoints < nMax + 5 || radialPoints > 2000) {
            throw new IllegalArgumentException("SOAP radial quadrature needs n_max + 5 … 2000 nodes, got " + radialPoints);
        }
        if (!(tableSpacing >= 0) || !(tableSpacing <= sigma)) {
            throw new IllegalArgumentException("SOAP table spacing must be 0 (no table) or in (0, σ] bohr, got "
                    + tableSpacing);
        }
        this.elements = List.copyOf(elements);
        this.cutoff = cutoff;
        this.nMax = nMax;
        this.lMax = lMax;
        this.sigma = sigma;
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(radialPoints, 0, cutoff);
        int q = rule.getNumberOfPoints();
        this.nodes = new double[q];
        double[] weights = new double[q];
        for (int p = 0; p < q; p++) {
            nodes[p] = rule.getPoint(p);
            weights[p] = rule.getWeight(p);
        }
        // overlap S_αβ = ∫ r² φ_α φ_β dr: the integrand is a polynomial of degree 2 n_max + 8 < 2Q, so exact
        double[][] overlap = new double[nMax][nMax];
        for (int a = 0; a < nMax; a++) {
            for (int b = 0; b < nMax; b++) {
                double sum = 0;
                for (int p = 0; p < q; p++) {
                    sum += weights[p] * nodes[p] * nodes[p] * primitive(a, nodes[p]) * primitive(b, nodes[p]);
                }
                overlap[a][b] = sum;
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(overlap));
        double[] lambda = eigen.getRealEigenvalues();
        double largest = 0;
        for (double v : lambda) {
            largest = Math.max(largest, Math.abs(v));
        }
        RealMatrix vectors = eigen.getV();
        this.orthonormalization = new double[nMax][nMax];
        for (int k = 0; k < nMax; k++) {
            if (!(lambda[k] > 1e-13 * largest)) {
                throw new IllegalArgumentException("SOAP polynomial radial basis with n_max = " + nMax
                        + " is numerically linearly dependent (overlap eigenvalue " + lambda[k] + "); use a smaller n_max");
            }
            double inverseRoot = 1 / Math.sqrt(lambda[k]);
            for (int n = 0; n < nMax; n++) {
                for (int a = 0; a < nMax; a++) {
                    orthonormalization[n][a] += vectors.getEntry(n, k) * inverseRoot * vectors.getEntry(a, k);
                }
            }
        }
        this.weightedBasis = new double[nMax * q];
        for (int n = 0; n < nMax; n++) {
            for (int p = 0; p < q; p++) {
                weightedBasis[n * q + p] = weights[p] * nodes[p] * nodes[p] * radialBasis(n, nodes[p]);
            }
        }
        int s = elements.size();
        this.length = (s * (s + 1) / 2 * nMax * nMax - s * nMax * (nMax - 1) / 2) * (lMax + 1);
        this.tableSpacing = tableSpacing;
        this.table = tableSpacing > 0 ? tabulate() : null;
    }

    /** [(k · n_max(l_max+1) + n(l_max+1) + l) · 2 + {0: I_nl(k h), 1: dI_nl/dR(k h)}], k = 0 … ⌈R_c/h⌉. */
    private double[] tabulate() {
        int knots = (int) Math.ceil(cutoff / tableSpacing) + 1;
        int block = nMax * (lMax + 1);
        double[] values = new double[knots * block * 2];
        Workspace work = new Workspace(0);
        for (int k = 0; k < knots; k++) {
            work.quadratureRadialIntegrals(k * tableSpacing, true);
            for (int index = 0; index < block; index++) {
                values[(k * block + index) * 2] = work.radial[index];
                values[(k * block + index) * 2 + 1] = work.radialDerivative[index];
            }
        }
        return values;
    }

    private static int defaultRadialPoints(double cutoff, int nMax, double sigma) {
        double points = Math.max(2.0 * nMax + 12, Math.ceil(4 * cutoff / sigma) + 12);
        return (int) Math.min(points, 2000);
    }

    /** φ_α(r) = (1 − r/R_c)^{α+2}, α = a + 1. */
    private double primitive(int a, double r) {
        return Math.pow(1 - r / cutoff, a + 3);
    }

    /** The orthonormal radial basis function g_n(r) (n = 0 … n_max − 1, r in bohr, 0 ≤ r ≤ R_c). */
    public double radialBasis(int n, double r) {
        double sum = 0;
        for (int a = 0; a < nMax; a++) {
            sum += orthonormalization[n][a] * primitive(a, r);
        }
        return sum;
    }

    public List<String> elements() {
        return elements;
    }

    public double cutoff() {
        return cutoff;
    }

    public int nMax() {
        return nMax;
    }

    public int lMax() {
        return lMax;
    }

    public double sigma() {
        return sigma;
    }

    public int radialPoints() {
        return nodes.length;
    }

    /** Spacing (bohr) of the radial-integral table, 0 when the integrals are computed for every neighbour. */
    public double tableSpacing() {
        return tableSpacing;
    }

    /** Features per atom: (S(S+1)/2 n_max² − S n_max(n_max−1)/2)(l_max + 1) for S elements. */
    public int length() {
        return length;
    }

    /** The power spectrum of every atom, and its derivatives if {@code withGradient}. */
    public AtomicFeatures compute(Atoms atoms, boolean withGradient) {
        int n = atoms.atomCount();
        int[] channel = ElementChannels.of(atoms, elements, "SOAP descriptor");
        NeighbourList list = NeighbourList.build(atoms, cutoff);
        double[] values = new double[n * length];
        double[] gradient = withGradient ? new double[n * length * n * 3] : null;
        Workspace work = new Workspace(withGradient ? list.maxNeighbours() : 0);
        for (int i = 0; i < n; i++) {
            work.expand(list, i, channel, withGradient);
            work.powerSpectrum(list, i, channel, n, values, gradient);
        }
        return new AtomicFeatures(n, length, values, gradient);
    }

    /**
     * The expansion coefficients c_nlm^a of atom i's neighbour density, index
     * {@code ((a · n_max + n) · (l_max+1)² + l² + l + m)} (for tests and inspection).
     */
    public double[] coefficients(Atoms atoms, int atom) {
        int[] channel = ElementChannels.of(atoms, elements, "SOAP descriptor");
        Workspace work = new Workspace(0);
        work.expand(NeighbourList.build(atoms, cutoff), atom, channel, false);
        return work.coefficients.clone();
    }

    /** Scratch for one thread. */
    private final class Workspace {
        final int harmonicsCount = (lMax + 1) * (lMax + 1);
        final RealSphericalHarmonics harmonics = new RealSphericalHarmonics(lMax);
        final double[] coefficients = new double[elements.size() * nMax * harmonicsCount];
        final double[] entryGradient;  // [((e · n_max + n) · (l_max+1)² + lm) · 3 + k] = ∂c_nlm/∂d_e,k
        final double[] radial = new double[nMax * (lMax + 1)];
        final double[] radialDerivative = new double[nMax * (lMax + 1)];
        final double[] bessel = new double[lMax + 2];
        final double[] ylm = new double[harmonicsCount];
        final double[] ylmGradient = new double[3 * harmonicsCount];
        final double[] integrand = new double[lMax + 1];
        final double[] integrandDerivative = new double[lMax + 1];
        final double[] spectrumPrefactor = new double[lMax + 1]; // π √(8/(2l+1))
        final boolean[] present = new boolean[elements.size()];

        {
            for (int l = 0; l <= lMax; l++) {
                spectrumPrefactor[l] = Math.PI * Math.sqrt(8.0 / (2 * l + 1));
            }
        }

        Workspace(int maxNeighbours) {
            entryGradient = new double[maxNeighbours * nMax * harmonicsCount * 3];
        }

        /** c_nlm^a of atom i and, if asked, ∂c/∂d_e for each of its neighbour entries e. */
        void expand(NeighbourList list, int i, int[] channel, boolean withGradient) {
            java.util.Arrays.fill(coefficients, 0);
            int start = list.start(i);
            for (int e = start; e < list.end(i); e++) {
                double distance = list.distance(e);
                double dx = list.vector(e, 0);
                double dy = list.vector(e, 1);
                double dz = list.vector(e, 2);
                double fc = CosineCutoff.value(distance, cutoff);
                double dfc = CosineCutoff.derivative(distance, cutoff);
                radialIntegrals(distance, withGradient);
                harmonics.evaluate(dx, dy, dz, ylm, withGradient ? ylmGradient : null);
                int species = channel[list.neighbour(e)];
                for (int nn = 0; nn < nMax; nn++) {
                    int row = (species * nMax + nn) * harmonicsCount;
                    for (int l = 0; l <= lMax; l++) {
                        double weight = 4 * Math.PI * fc * radial[nn * (lMax + 1) + l];
                        for (int lm = l * l; lm <= l * l + 2 * l; lm++) {
                            coefficients[row + lm] += weight * ylm[lm];
                        }
                    }
                }
                if (!withGradient) {
                    continue;
                }
                // ∂c_nlm/∂d = 4π [(f_c' I_nl + f_c I_nl') Y_lm d̂ + f_c I_nl ∇Y_lm]
                double ux = dx / distance;
                double uy = dy / distance;
                double uz = dz / distance;
                int entryBase = (e - start) * nMax * harmonicsCount * 3;
                for (int nn = 0; nn < nMax; nn++) {
                    for (int l = 0; l <= lMax; l++) {
                        double integral = radial[nn * (lMax + 1) + l];
                        double radialPart = 4 * Math.PI * (dfc * integral + fc * radialDerivative[nn * (lMax + 1) + l]);
                        double angularPart = 4 * Math.PI * fc * integral;
                        for (int lm = l * l; lm <= l * l + 2 * l; lm++) {
                            int at = entryBase + (nn * harmonicsCount + lm) * 3;
                            entryGradient[at] = radialPart * ylm[lm] * ux + angularPart * ylmGradient[3 * lm];
                            entryGradient[at + 1] = radialPart * ylm[lm] * uy + angularPart * ylmGradient[3 * lm + 1];
                            entryGradient[at + 2] = radialPart * ylm[lm] * uz + angularPart * ylmGradient[3 * lm + 2];
                        }
                    }
                }
            }
        }

        /**
         * I_nl(R) = Σ_q w_q r_q² g_n(r_q) e^{−(r_q−R)²/2σ²} ĩ_l(r_q R/σ²) and, if asked, dI_nl/dR.
         * Nodes where the Gaussian is below e^{−40} are skipped.
         */
        void radialIntegrals(double distance, boolean withDerivative) {
            if (table == null) {
                quadratureRadialIntegrals(distance, withDerivative);
                return;
            }
            // cubic Hermite interpolation between knots k h and (k+1) h, t = R/h − k
            int block = nMax * (lMax + 1);
            double scaled = distance / tableSpacing;
            int k = Math.min((int) scaled, table.length / (2 * block) - 2);
            double t = scaled - k;
            double t2 = t * t;
            double t3 = t2 * t;
            double h00 = 2 * t3 - 3 * t2 + 1;
            double h10 = (t3 - 2 * t2 + t) * tableSpacing;
            double h01 = -2 * t3 + 3 * t2;
            double h11 = (t3 - t2) * tableSpacing;
            double d00 = (6 * t2 - 6 * t) / tableSpacing;
            double d10 = 3 * t2 - 4 * t + 1;
            double d01 = -d00;
            double d11 = 3 * t2 - 2 * t;
            int left = k * block * 2;
            int right = left + block * 2;
            for (int index = 0; index < block; index++) {
                double f0 = table[left + 2 * index];
                double g0 = table[left + 2 * index + 1];
                double f1 = table[right + 2 * index];
                double g1 = table[right + 2 * index + 1];
                radial[index] = h00 * f0 + h10 * g0 + h01 * f1 + h11 * g1;
                if (withDerivative) {
                    radialDerivative[index] = d00 * f0 + d10 * g0 + d01 * f1 + d11 * g1;
                }
            }
        }

        /** I_nl(R) and dI_nl/dR by the Gauss–Legendre quadrature itself. */
        void quadratureRadialIntegrals(double distance, boolean withDerivative) {
            java.util.Arrays.fill(radial, 0);
            if (withDerivative) {
                java.util.Arrays.fill(radialDerivative, 0);
            }
            double inverseVariance = 1 / (sigma * sigma);
            int q = nodes.length;
            int orders = lMax + 1;
            for (int p = 0; p < q; p++) {
                double r = nodes[p];
                double diff = r - distance;
                double exponent = 0.5 * diff * diff * inverseVariance;
                if (exponent > 40) {
                    continue;
                }
                double gauss = Math.exp(-exponent);
                double x = r * distance * inverseVariance;
                ModifiedSphericalBessel.scaled(x, withDerivative ? lMax + 1 : lMax, bessel);
                for (int l = 0; l <= lMax; l++) {
                    integrand[l] = gauss * bessel[l];
                    if (withDerivative) {
                        // d/dR [e^{−(r−R)²/2σ²} ĩ_l(rR/σ²)] = e^{…} [(r−R)/σ² ĩ_l + (r/σ²) dĩ_l/dx]
                        double dBessel = (l == 0 ? bessel[1] : (l * bessel[l - 1] + (l + 1) * bessel[l + 1]) / (2 * l + 1))
                                - bessel[l];
                        integrandDerivative[l] = gauss * inverseVariance * (diff * bessel[l] + r * dBessel);
                    }
                }
                for (int nn = 0; nn < nMax; nn++) {
                    double w = weightedBasis[nn * q + p];
                    int row = nn * orders;
                    for (int l = 0; l <= lMax; l++) {
                        radial[row + l] += w * integrand[l];
                    }
                    if (withDerivative) {
                        for (int l = 0; l <= lMax; l++) {
                            radialDerivative[row + l] += w * integrandDerivative[l];
                        }
                    }
                }
            }
        }

        /** p_{nn'l}^{ab} of atom i into {@code values}, and its derivatives into {@code gradient} if not null. */
        void powerSpectrum(NeighbourList list, int i, int[] channel, int atoms, double[] values, double[] gradient) {
            int s = elements.size();
            int start = list.start(i);
            int end = list.end(i);
            java.util.Arrays.fill(present, false);
            for (int e = start; e < end; e++) {
                present[channel[list.neighbour(e)]] = true;
            }
            int feature = 0;
            for (int a = 0; a < s; a++) {
                for (int b = a; b < s; b++) {
                    if (!present[a] || !present[b]) {
                        // no neighbour of element a or b: the block is zero, as are its derivatives
                        feature += (a == b ? nMax * (nMax + 1) / 2 : nMax * nMax) * (lMax + 1);
                        continue;
                    }
                    for (int n1 = 0; n1 < nMax; n1++) {
                        for (int n2 = a == b ? n1 : 0; n2 < nMax; n2++) {
                            int rowA = (a * nMax + n1) * harmonicsCount;
                            int rowB = (b * nMax + n2) * harmonicsCount;
                            for (int l = 0; l <= lMax; l++, feature++) {
                                double prefactor = spectrumPrefactor[l];
                                double sum = 0;
                                for (int lm = l * l; lm <= l * l + 2 * l; lm++) {
                                    sum += coefficients[rowA + lm] * coefficients[rowB + lm];
                                }
                                values[i * length + feature] = prefactor * sum;
                                if (gradient == null) {
                                    continue;
                                }
                                int gradientRow = (i * length + feature) * atoms;
                                for (int e = start; e < end; e++) {
                                    int species = channel[list.neighbour(e)];
                                    if (species != a && species != b) {
                                        continue;
                                    }
                                    int entryBase = (e - start) * nMax * harmonicsCount * 3;
                                    double gx = 0;
                                    double gy = 0;
                                    double gz = 0;
                                    if (species == a) {
                                        int at = entryBase + n1 * harmonicsCount * 3;
                                        for (int lm = l * l; lm <= l * l + 2 * l; lm++) {
                                            double other = coefficients[rowB + lm];
                                            gx += entryGradient[at + 3 * lm] * other;
                                            gy += entryGradient[at + 3 * lm + 1] * other;
                                            gz += entryGradient[at + 3 * lm + 2] * other;
                                        }
                                    }
                                    if (species == b) {
                                        int at = entryBase + n2 * harmonicsCount * 3;
                                        for (int lm = l * l; lm <= l * l + 2 * l; lm++) {
                                            double other = coefficients[rowA + lm];
                                            gx += entryGradient[at + 3 * lm] * other;
                                            gy += entryGradient[at + 3 * lm + 1] * other;
                                            gz += entryGradient[at + 3 * lm + 2] * other;
                                        }
                                    }
                                    int j = list.neighbour(e);
                                    int atJ = (gradientRow + j) * 3;
                                    gradient[atJ] += prefactor * gx;
                                    gradient[atJ + 1] += prefactor * gy;
                                    gradient[atJ + 2] += prefactor * gz;
                                    int atI = (gradientRow + i) * 3;
                                    gradient[atI] -= prefactor * gx;
                                    gradient[atI + 1] -= prefactor * gy;
                                    gradient[atI + 2] -= prefactor * gz;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
