package org.ofdft.functionals.kinetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.functionals.TestDensities;
import org.ofdft.grids.BoxGrid1D;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.Laplacian;
import org.ofdft.grids.PeriodicGrid1D;
import org.ofdft.grids.RealField;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.JavaFftBackend;

/**
 * Where the classical kinetic functionals are exact, or obey exact constraints: Thomas–Fermi for the
 * uniform gas (1D ring in closed form, 3D closed shells in the limit), von Weizsäcker for one orbital,
 * and the coordinate scaling T[n_λ] = λ² T[n].
 */
class KineticExactnessTest {

    private static FftBackend backend;

    @BeforeAll
    static void start() {
        backend = new JavaFftBackend(1);
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    private static SpectralOperators operators(Grid3D grid) {
        return new SpectralOperators(grid, backend);
    }

    /** The grid of the same shape on the cell with lattice vectors divided by λ. */
    static Grid3D scaledGrid(Grid3D grid, double lambda) {
        double[][] vectors = new double[3][];
        for (int i = 0; i < 3; i++) {
            double[] a = grid.cell().latticeVector(i);
            vectors[i] = new double[] {a[0] / lambda, a[1] / lambda, a[2] / lambda};
        }
        return new Grid3D(Cell.ofBohr(vectors), grid.n1(), grid.n2(), grid.n3());
    }

    /**
     * n0·(1 + 0.2 cos(G1·r) + 0.1 cos(G2·r + 0.4)) with G1 = (2π/L)(1, 0, 0), G2 = (2π/L)(0, 1, 1) on a cubic
     * cell: |u| ≤ 0.3, so √n is analytic in a strip and its Fourier coefficients fall geometrically, by
     * ρ = 0.3/(1 + √(1 − 0.09)) ≈ 0.15 per harmonic.
     */
    static RealField gentleDensity(Grid3D grid, double n0) {
        double length = grid.cell().length(0);
        double k = 2 * Math.PI / length;
        double[] values = new double[grid.size()];
        for (int i1 = 0; i1 < grid.n1(); i1++) {
            for (int i2 = 0; i2 < grid.n2(); i2++) {
                for (int i3 = 0; i3 < grid.n3(); i3++) {
                    double[] r = grid.position(i1, i2, i3);
                    values[grid.index(i1, i2, i3)] = n0 * (1 + 0.2 * Math.cos(k * r[0])
                            + 0.1 * Math.cos(k * (r[1] + r[2]) + 0.4));
                }
            }
        }
        return RealField.wrap(grid, values);
    }

    // ---------------------------------------------------------------- coordinate scaling

    @Test
    void thomasFermiAndVonWeizsackerScaleAsLambdaSquared() {
        // n_λ(r) = λ³ n(λr) lives on the cell a/λ; sampled at the same fractional points its values are λ³n.
        // T_TF: C Σ (λ³n)^{5/3} ΔV/λ³ = λ² T_TF. T_vW: ∇² scales by λ², √n by λ^{3/2}, ΔV by λ⁻³: λ².
        // The discrete sums are the same sums, so only rounding (~1e-15) separates them.
        Grid3D grid = TestDensities.grid3D();
        RealField density = TestDensities.smooth(grid, 11, 0.05, true);
        for (double lambda : new double[] {0.5, 1.7, 3.0}) {
            Grid3D scaled = scaledGrid(grid, lambda);
            RealField scaledDensity = RealField.wrap(scaled, density.times(lambda * lambda * lambda).values());
            double tf = new ThomasFermi(grid, SpinTreatment.UNPOLARIZED).energy(density);
            double tfScaled = new ThomasFermi(scaled, SpinTreatment.UNPOLARIZED).energy(scaledDensity);
            assertEquals(lambda * lambda * tf, tfScaled, 1e-14 * tfScaled, "TF, lambda = " + lambda);
            double vw = new VonWeizsacker(Laplacian.spectral(operators(grid)), 1.0).energy(density);
            double vwScaled = new VonWeizsacker(Laplacian.spectral(operators(scaled)), 1.0).energy(scaledDensity);
            assertEquals(lambda * lambda * vw, vwScaled, 1e-13 * vwScaled, "vW, lambda = " + lambda);
        }
    }

    // ---------------------------------------------------------------- von Weizsäcker

    @Test
    void vonWeizsackerVanishesForAUniformDensity() {
        // ∇²√n0 = 0: only the transforms' rounding is left, ~1e-16·√n0·|G|²_max per point, i.e. an energy
        // below 1e-14 of the scale n0·V·|G|²_max/8 of the grid's fastest mode.
        Grid3D grid = new Grid3D(TestDensities.fccPrimitive(), 12, 12, 12);
        double n0 = 3.0 / grid.measure();
        RealField potential = RealField.zeros(grid);
        double gMax2 = grid.reciprocal().maxG() * grid.reciprocal().maxG();
        double energy = new VonWeizsacker(Laplacian.spectral(operators(grid)), 1.0)
                .energyAndPotential(RealField.constant(grid, n0), potential);
        assertEquals(0.0, energy, 1e-14 * n0 * grid.measure() * gMax2 / 8);
        assertTrue(potential.maxAbs() <= 1e-14 * gMax2, "potential " + potential.maxAbs());
    }

    @Test
    void vonWeizsackerEqualsTheGradientFormInThreeDimensions() {
        // T_vW = −½∫√n∇²√n (the class) = (1/8)∫|∇n|²/n (here, with the spectral gradient of n). n is a
        // trigonometric polynomial, so ∇n is exact; √n is not band-limited, but with coefficients falling
        // by ≈0.15 per harmonic those beyond the 24-point Nyquist index (12 harmonics of G1) are ~1e-10 and
        // enter the energies in products, ~1e-20. Rounding of 24³-point sums: ~1e-14. Tolerance 1e-12.
        Grid3D grid = new Grid3D(Cell.cubic(7.0), 24, 24, 24);
        SpectralOperators operators = operators(grid);
        RealField density = gentleDensity(grid, 0.02);
        double vw = new VonWeizsacker(Laplacian.spectral(operators), 1.0).energy(density);
        double[][] gradient = new double[3][grid.size()];
        operators.gradient(density.values(), gradient);
        double sum = 0;
        for (int j = 0; j < grid.size(); j++) {
            double g2 = gradient[0][j] * gradient[0][j] + gradient[1][j] * gradient[1][j]
                    + gradient[2][j] * gradient[2][j];
            sum += g2 / density.get(j);
        }
        double gradientForm = sum * grid.volumeElement() / 8;
        assertEquals(gradientForm, vw, 1e-12 * gradientForm);
    }

    @Test
    void vonWeizsackerIsTheKineticEnergyOfOneOrbitalInABox() {
        // One spinless orbital φ(x) = sin(πu) + 0.3 sin(2πu) > 0, u = x/L, in a box with hard walls, n = φ².
        BoxGrid1D box = Grid1D.box(0.0, 5.0, 99);
        int points = box.size();
        double h = box.spacing();
        double length = box.length();
        double[] phi = new double[points];
        double[] n = new double[points];
        for (int j = 0; j < points; j++) {
            double u = box.coordinate(j) / length;
            phi[j] = Math.sin(Math.PI * u) + 0.3 * Math.sin(2 * Math.PI * u);
            n[j] = phi[j] * phi[j];
        }
        // (a) Orbital kinetic energy by forward differences, φ = 0 on both walls: ½ Σ_{j=-1}^{N-1} (Δφ/h)² h.
        double forward = 0;
        for (int j = -1; j < points; j++) {
            double left = j >= 0 ? phi[j] : 0.0;
            double right = j + 1 < points ? phi[j + 1] : 0.0;
            forward += (right - left) * (right - left);
        }
        forward *= 0.5 / h;
        // vW with the 2nd-order Laplacian: −½ Σ φ_j (φ_{j+1} − 2φ_j + φ_{j−1})/h² · h, which equals the
        // forward-difference sum identically (summation by parts with φ = 0 at the walls). So the two agree
        // to rounding: √(φ²) = φ to an ulp, and N-term sums of O(1/h) terms lose ~N·1e-16.
        double vw2 = new VonWeizsacker(Laplacian.finiteDifference(box, 2), 1.0).energy(RealField.wrap(box, n));
        assertEquals(forward, vw2, 1e-13 * forward);
        // (b) Both equal the exact kinetic energy up to the 2nd-order discretization error. The sine modes are
        // eigenvectors of the discrete Dirichlet Laplacian with eigenvalues (4/h²)sin²(mπh/2L) and are
        // discretely orthogonal with Σ sin² h = L/2, so the discrete energy is known in closed form:
        double discrete = 0.25 * length * (4 / (h * h)) * (Math.pow(Math.sin(Math.PI * h / (2 * length)), 2)
                + 0.09 * Math.pow(Math.sin(2 * Math.PI * h / (2 * length)), 2));
        assertEquals(discrete, forward, 1e-13 * discrete);
        // and the continuum value ½∫φ'² = (L/4)[(π/L)² + 0.09(2π/L)²] exceeds it by the relative amount
        // 1 − sinc²(mπh/2L) ≈ (mπh/L)²/12 per mode: between the bounds set by m = 1 and m = 2.
        double exact = 0.25 * length * (Math.pow(Math.PI / length, 2) + 0.09 * Math.pow(2 * Math.PI / length, 2));
        double relative = (exact - forward) / exact;
        double mode1 = Math.pow(Math.PI * h / length, 2) / 12;
        double mode2 = Math.pow(2 * Math.PI * h / length, 2) / 12;
        assertTrue(relative > 0.99 * mode1 && relative < mode2, "relative error " + relative
                + " outside [" + mode1 + ", " + mode2 + "]");
    }

    // ---------------------------------------------------------------- Thomas–Fermi and the uniform gas

    @Test
    void thomasFermiIsExactForFermionsOnARingUpToOneOverNSquared() {
        // N spinless fermions (N = 2M + 1) on a ring of length L fill k_m = 2πm/L, |m| ≤ M, each with density
        // 1/L: a uniform density N/L. T_exact = Σ k_m²/2 = (2π/L)²·2·Σ_{m=1}^{M} m²/2
        //   = (2π/L)² M(M+1)(2M+1)/6 = (2π/L)² (N² − 1)N/24 = π²(N³ − N)/(6L²),
        // using M(M+1) = (N² − 1)/4. T_TF (1D, g = 1) = (π²/6)∫n³ = (π²/6)L(N/L)³ = π²N³/(6L²). Hence
        // T_exact = T_TF·(1 − 1/N²) exactly; the sums below only round (1e-14).
        double length = 7.5;
        PeriodicGrid1D ring = Grid1D.periodic(0.0, length, 32);
        ThomasFermi tf = new ThomasFermi(ring, SpinTreatment.SPINLESS);
        for (int fermions = 1; fermions <= 201; fermions += 2) {
            int maxM = (fermions - 1) / 2;
            double exact = 0;
            for (int m = -maxM; m <= maxM; m++) {
                double k = 2 * Math.PI * m / length;
                exact += 0.5 * k * k;
            }
            double thomasFermi = tf.energy(RealField.constant(ring, fermions / length));
            double expected = thomasFermi * (1 - 1.0 / ((double) fermions * fermions));
            assertEquals(expected, exact, 1e-14 * thomasFermi, "N = " + fermions);
        }
    }

    @Test
    void thomasFermiBecomesExactForClosedShellsInABox() {
        // Spin-unpolarized plane waves k = (2π/L)m, m ∈ Z³, filled up to |m|² ≤ R² (closed shells). With the
        // lattice-point count A(R) = V(R) + P(R), V = (4π/3)R³, and Σ|m|² = (4π/5)R⁵ + R²P(R) − I(R),
        // I = ∫₀^R 2rP(r)dr (Stieltjes integration by parts), and T_TF = (2π/L)²(3/5)R²A(1 + δ)^{2/3},
        // δ = P/V, one finds
        //   T_exact/T_TF − 1 = [1 + 5δ/3 − (1 + δ)^{5/3} − I/B0] / (1 + δ)^{5/3},   B0 = (4π/5)R⁵:
        // the surface (first-order) counting error R²P cancels between the two. Unit cubes around the lattice
        // points give |P(r)| ≤ (4π/3)[(r + h)³ − r³], h = √3/2, hence rigorous bounds on δ and I/B0, checked for
        // every shell. The ratio then converges much faster than this bound (the oscillating P averages out
        // in I): the largest deviation over R in [2^k, 2^{k+1}) must fall with every doubling of R.
        double length = 5.0;
        Grid3D grid = new Grid3D(Cell.cubic(length), 4, 4, 4);
        ThomasFermi tf = new ThomasFermi(grid, SpinTreatment.UNPOLARIZED);
        int maxM = 32;
        int maxR2 = maxM * maxM;
        long[] count = new long[maxR2 + 1];
        long[] sumSquares = new long[maxR2 + 1];
        for (int a = -maxM; a <= maxM; a++) {
            for (int b = -maxM; b <= maxM; b++) {
                for (int c = -maxM; c <= maxM; c++) {
                    int r2 = a * a + b * b + c * c;
                    if (r2 <= maxR2) {
                        count[r2]++;
                        sumSquares[r2] += r2;
                    }
                }
            }
        }
        double k0 = 2 * Math.PI / length;
        double h = Math.sqrt(3) / 2;
        double[] windowWorst = new double[6];
        long cumulativeCount = 0;
        long cumulativeSquares = 0;
        for (int r2 = 0; r2 <= maxR2; r2++) {
            cumulativeCount += count[r2];
            cumulativeSquares += sumSquares[r2];
            if (count[r2] == 0 || r2 == 0) {
                continue; // not a new shell
            }
            double electrons = 2.0 * cumulativeCount;
            double exact = 2 * 0.5 * k0 * k0 * cumulativeSquares;
            double thomasFermi = tf.energy(RealField.constant(grid, electrons / grid.measure()));
            double deviation = exact / thomasFermi - 1;
            double radius = Math.sqrt(r2);
            double delta = 3 * h / radius + 3 * h * h / (radius * radius) + h * h * h / (radius * radius * radius);
            double integral = 2.5 * h / radius + 10 * h * h / (3 * radius * radius)
                    + 5 * h * h * h / (3 * radius * radius * radius);
            if (delta < 1) {
                double secondOrder = Math.max(Math.pow(1 + delta, 5.0 / 3.0) - 1 - 5 * delta / 3,
                        Math.pow(1 - delta, 5.0 / 3.0) - 1 + 5 * delta / 3);
                double bound = (secondOrder + integral) / Math.pow(1 - delta, 5.0 / 3.0);
                assertTrue(Math.abs(deviation) <= bound, "R² = " + r2 + ": deviation " + deviation
                        + " above the bound " + bound);
            }
            int window = 31 - Integer.numberOfLeadingZeros((int) Math.floor(radius)); // floor(log2 R)
            windowWorst[window] = Math.max(windowWorst[window], Math.abs(deviation));
        }
        for (int w = 1; w < windowWorst.length; w++) {
            assertTrue(windowWorst[w] < windowWorst[w - 1], "largest |T_exact/T_TF − 1| for R in [2^" + w
                    + ", 2^" + (w + 1) + "): " + windowWorst[w] + ", not below " + windowWorst[w - 1]);
        }
    }
}
