package org.ofdft.ml.descriptors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;
import org.ofdft.ml.io.Atoms;

class SoapTest {

    private static final Soap SOAP = new Soap(List.of("H", "C", "O"), 6.0, 4, 4, 0.7);

    @Test
    void lengthCountsElementPairsRadialPairsAndOrders() {
        // (H,H),(C,C),(O,O): 4·5/2 radial pairs each; (H,C),(H,O),(C,O): 16 each; times l = 0…4
        assertEquals((3 * 10 + 3 * 16) * 5, SOAP.length());
    }

    @Test
    void radialBasisIsOrthonormal() {
        // ∫_0^Rc r² g_n g_n' dr by composite Simpson (independent of the Gauss–Legendre rule used inside)
        int intervals = 20000;
        double h = 6.0 / intervals;
        for (int n = 0; n < 4; n++) {
            for (int m = 0; m < 4; m++) {
                double sum = 0;
                for (int k = 0; k <= intervals; k++) {
                    double r = k * h;
                    double weight = k == 0 || k == intervals ? 1 : (k % 2 == 1 ? 4 : 2);
                    sum += weight * r * r * SOAP.radialBasis(n, r) * SOAP.radialBasis(m, r);
                }
                assertEquals(n == m ? 1 : 0, sum * h / 3, 1e-10, "n = " + n + ", n' = " + m);
            }
        }
    }

    /** The same descriptor with the radial integrals computed by quadrature for every neighbour (no table). */
    private static final Soap SOAP_WITHOUT_TABLE = new Soap(List.of("H", "C", "O"), 6.0, 4, 4, 0.7, SOAP.radialPoints(), 0);

    @Test
    void coefficientsAgreeWithADirectIntegrationOfTheGaussianDensity() {
        // c_nlm = ∫ d³r g_n(r) Y_lm(r̂) Σ_j f_c(R_j) exp(−|r − d_j|²/2σ²): brute force on a spherical product
        // grid (Simpson in r, Gauss–Legendre in cos θ, trapezoid in φ) against the Bessel-function form,
        // with the tabulated radial integrals (default) and without
        Atoms molecule = Atoms.molecule(List.of("O", "H", "C"), new double[][] {{0, 0, 0}, {1.2, 1.1, -0.4}, {-0.5, 0.3, 2.4}});
        double[] expected = SOAP.coefficients(molecule, 0);
        double[] withoutTable = SOAP_WITHOUT_TABLE.coefficients(molecule, 0);
        double sigma = SOAP.sigma();
        double cutoff = SOAP.cutoff();
        double[][] d = {{1.2, 1.1, -0.4}, {-0.5, 0.3, 2.4}};
        int[] species = {0, 1}; // H, C
        double[] weight = new double[2];
        for (int j = 0; j < 2; j++) {
            double r = Math.sqrt(d[j][0] * d[j][0] + d[j][1] * d[j][1] + d[j][2] * d[j][2]);
            weight[j] = 0.5 * (Math.cos(Math.PI * r / cutoff) + 1);
        }
        RealSphericalHarmonics harmonics = new RealSphericalHarmonics(4);
        double[] y = new double[25];
        double[] direct = new double[expected.length];
        int radialIntervals = 600;
        double h = cutoff / radialIntervals;
        GaussIntegrator polar = new GaussIntegratorFactory().legendre(40, -1, 1);
        int azimuths = 96;
        double[] basis = new double[4];
        for (int k = 1; k <= radialIntervals; k++) {
            double r = k * h;
            double simpson = (k == radialIntervals ? 1 : (k % 2 == 1 ? 4 : 2)) * h / 3;
            for (int n = 0; n < 4; n++) {
                basis[n] = SOAP.radialBasis(n, r);
            }
            for (int t = 0; t < polar.getNumberOfPoints(); t++) {
                double cos = polar.getPoint(t);
                double sin = Math.sqrt(1 - cos * cos);
                for (int p = 0; p < azimuths; p++) {
                    double phi = 2 * Math.PI * p / azimuths;
                    double x = r * sin * Math.cos(phi);
                    double yy = r * sin * Math.sin(phi);
                    double z = r * cos;
                    harmonics.evaluate(x, yy, z, y, null);
                    double volume = simpson * r * r * polar.getWeight(t) * 2 * Math.PI / azimuths;
                    for (int j = 0; j < 2; j++) {
                        double dx = x - d[j][0];
                        double dy = yy - d[j][1];
                        double dz = z - d[j][2];
                        double density = weight[j] * Math.exp(-(dx * dx + dy * dy + dz * dz) / (2 * sigma * sigma));
                        for (int n = 0; n < 4; n++) {
                            int row = (species[j] * 4 + n) * 25;
                            double factor = volume * density * basis[n];
                            for (int lm = 0; lm < 25; lm++) {
                                direct[row + lm] += factor * y[lm];
                            }
                        }
                    }
                }
            }
        }
        double scale = 0;
        for (double c : expected) {
            scale = Math.max(scale, Math.abs(c));
        }
        assertTrue(scale > 0.1);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(direct[k], expected[k], 1e-8 * scale, "coefficient " + k);
            assertEquals(withoutTable[k], expected[k], 1e-9 * scale, "table vs quadrature, coefficient " + k);
        }
    }

    @Test
    void invariantUnderRigidMotionAndPermutation() {
        Random random = new Random(4);
        List<String> species = List.of("C", "O", "H", "H", "H", "C", "H");
        Atoms molecule = Geometry.randomMolecule(species, 5, 1.2, random);
        int[] permutation = Geometry.randomPermutation(species.size(), random);
        Atoms moved = Geometry.permuted(Geometry.moved(molecule, Geometry.randomRotation(random), new double[] {2, 7, -3}),
                permutation);
        AtomicFeatures original = SOAP.compute(molecule, false);
        AtomicFeatures transformed = SOAP.compute(moved, false);
        for (int i = 0; i < species.size(); i++) {
            double difference = Geometry.maxRelativeDifference(original.row(permutation[i]), transformed.row(i));
            assertTrue(difference < 1e-12, "atom " + i + ": " + difference);
        }
    }

    @Test
    void derivativesMatchCentralDifferences() {
        Random random = new Random(8);
        Atoms molecule = Geometry.randomMolecule(List.of("C", "O", "H", "H", "C"), 4.5, 1.2, random);
        for (Soap soap : List.of(SOAP, SOAP_WITHOUT_TABLE)) {
            double error = FiniteDifferences.maxRelativeError(a -> soap.compute(a, true), molecule, 1e-5);
            assertTrue(error < 1e-9, "table spacing " + soap.tableSpacing() + ": max |analytic − FD| / max |gradient| = "
                    + error); // measured 9e-11 without the table
        }
    }

    @Test
    void singleNeighbourGivesARankOneSpectrum() {
        // one neighbour: c_nlm = 4π f_c I_nl Y_lm(d̂), so p_nn'l = √(p_nnl p_n'n'l) for every l
        Atoms dimer = Atoms.molecule(List.of("H", "H"), new double[][] {{0, 0, 0}, {0.7, -1.1, 1.3}});
        Soap soap = new Soap(List.of("H"), 6.0, 4, 3, 0.7);
        AtomicFeatures p = soap.compute(dimer, false);
        int[][] index = new int[4][4];
        int feature = 0;
        for (int n = 0; n < 4; n++) {
            for (int m = n; m < 4; m++) {
                index[n][m] = feature;
                feature += 4;
            }
        }
        for (int n = 0; n < 4; n++) {
            for (int m = n + 1; m < 4; m++) {
                for (int l = 0; l <= 3; l++) {
                    double pnm = p.value(0, index[n][m] + l);
                    double pnn = p.value(0, index[n][n] + l);
                    double pmm = p.value(0, index[m][m] + l);
                    assertEquals(pnm * pnm, pnn * pmm, 1e-12 * Math.max(1e-30, pnn * pmm));
                }
            }
        }
    }

    @Test
    void continuousWhereANeighbourCrossesTheCutoff() {
        double delta = 1e-6;
        Atoms inside = Atoms.molecule(List.of("H", "C", "O"), new double[][] {{0, 0, 0}, {6 - delta, 0, 0}, {0, 1.5, 0}});
        Atoms outside = Atoms.molecule(List.of("H", "C", "O"), new double[][] {{0, 0, 0}, {6 + delta, 0, 0}, {0, 1.5, 0}});
        double change = Geometry.maxAbsoluteDifference(SOAP.compute(inside, false).values(), SOAP.compute(outside, false).values());
        assertTrue(change < 1e-10, "jump at the cutoff: " + change);
    }

    @Test
    void periodicImagesSupercellsAndDerivatives() throws IOException {
        Atoms cell = SymmetryFunctionsTest.perturbedAluminium(new Random(6));
        Soap soap = new Soap(List.of("Al"), 8.5, 3, 3, 1.0); // R_c > a = 7.65 bohr: several images of each atom
        AtomicFeatures primitive = soap.compute(cell, false);
        AtomicFeatures supercell = soap.compute(Atoms.fromStructure(cell.toStructure().repeat(1, 2, 2)), false);
        for (int m = 0; m < 4; m++) {
            for (int i = 0; i < 4; i++) {
                assertTrue(Geometry.maxRelativeDifference(primitive.row(i), supercell.row(4 * m + i)) < 1e-12);
            }
        }
        double[][] r = cell.positions();
        double[] a3 = cell.cell().orElseThrow().latticeVector(2);
        for (int k = 0; k < 3; k++) {
            r[1][k] += 2 * a3[k];
        }
        assertArrayEquals(primitive.values(), soap.compute(cell.withPositions(r), false).values(),
                1e-10 * Math.abs(primitive.values()[0]));
        double error = FiniteDifferences.maxRelativeError(a -> soap.compute(a, true), cell, 1e-5);
        assertTrue(error < 1e-8, "periodic derivatives: " + error);
    }

    @Test
    void badParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Soap(List.of("H"), 5, 0, 3, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Soap(List.of("H"), 5, 4, 3, -0.5));
        assertThrows(IllegalArgumentException.class, () -> new Soap(List.of("H", "H"), 5, 4, 3, 0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SOAP.compute(Atoms.molecule(List.of("N"), new double[][] {{0, 0, 0}}), false));
        assertTrue(e.getMessage().contains("(N)"), e.getMessage());
    }
}
