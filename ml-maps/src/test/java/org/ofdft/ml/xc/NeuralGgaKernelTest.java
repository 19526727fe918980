package org.ofdft.ml.xc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.functionals.TotalFunctional;
import org.ofdft.functionals.external.LocalPseudopotential;
import org.ofdft.functionals.external.LocalPseudopotentialFunctional;
import org.ofdft.functionals.external.Structure;
import org.ofdft.functionals.hartree.Hartree3D;
import org.ofdft.functionals.io.PoscarReader;
import org.ofdft.functionals.io.RecpotReader;
import org.ofdft.functionals.kinetic.ThomasFermi;
import org.ofdft.functionals.kinetic.VonWeizsacker;
import org.ofdft.functionals.xc.GgaFunctional;
import org.ofdft.functionals.xc.GgaKernel;
import org.ofdft.functionals.xc.Pw92Correlation;
import org.ofdft.functionals.xc.SlaterExchange;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.Laplacian;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.FftBackends;
import org.ofdft.solver.CalculationResult;
import org.ofdft.solver.ConvergenceCriteria;
import org.ofdft.solver.ofdft.OrbitalFreeMinimizer;

class NeuralGgaKernelTest {

    private static final double[][] POINTS = {{0.03, 1e-4}, {0.01, 2e-5}, {0.2, 0.05}, {1e-3, 1e-7}, {0.05, 0.0}};

    /** ∂e/∂n and ∂e/∂σ of a random network against central differences of e. */
    @Test
    void derivativesMatchFiniteDifferences() {
        NeuralGgaKernel kernel = new NeuralGgaKernel(MlpWeights.glorot(2, new int[] {8, 8}, 3));
        for (double[] point : POINTS) {
            double n = point[0];
            double sigma = point[1];
            double[] e = new double[1];
            double[] vrho = new double[1];
            double[] vsigma = new double[1];
            kernel.evaluatePoint(n, sigma, e, vrho, vsigma, 0);
            double h = 1e-6 * n;
            double dn = (kernel.energyDensity(n + h, sigma) - kernel.energyDensity(n - h, sigma)) / (2 * h);
            assertEquals(dn, vrho[0], 1e-7 * Math.max(1, Math.abs(dn)), "vrho at " + n + ", " + sigma);
            if (sigma > 0) {
                double k = 1e-6 * sigma;
                double ds = (kernel.energyDensity(n, sigma + k) - kernel.energyDensity(n, sigma - k)) / (2 * k);
                assertEquals(ds, vsigma[0], 1e-6 * Math.abs(ds) + 1e-12, "vsigma at " + n + ", " + sigma);
            }
        }
    }

    /** σ = 0: the correction carries a factor s²/(1 + s²), so any network gives the LDA (PBE's uniform limit). */
    @Test
    void uniformGasIsTheLda() {
        NeuralGgaKernel kernel = new NeuralGgaKernel(MlpWeights.glorot(2, new int[] {8}, 5));
        for (double n : new double[] {1e-4, 0.01, 0.3}) {
            double lda = new SlaterExchange().energyDensity(n) + Pw92Correlation.modified().energyDensity(n);
            assertEquals(lda, kernel.energyDensity(n, 0.0), 1e-15 * Math.abs(lda));
        }
    }

    /**
     * Fitted to PBE, then used self-consistently: orbital-free TF + vW + Hartree + BLPS on fcc Al (the
     * 4-atom conventional cell) with the neural GGA lands within 1 mHa/atom of the same run with PBE.
     */
    @Test
    void fittedNetworkReproducesPbeInAnAluminiumCell() throws Exception {
        NeuralGgaFit.Result fit = new NeuralGgaFit(new int[] {16, 16}, 2000, 1e-4, 1.0, 3.0, 150, 11).fit();
        System.out.printf("neural GGA fit: %d epochs, max |Δe|/|e_x^unif| = %.2e%n", fit.epochs(),
                fit.maxAbsEnhancementError());
        // a sanity bound, not the criterion: PBE's gradient correction (e − e_LDA)/e_x^unif spans ~0.5 over the
        // sampled ranges, and the network must carry it to a few per cent (6e-3 with this seed); the criterion
        // is the self-consistent energy below
        assertTrue(fit.maxAbsEnhancementError() < 2e-2, "fit error " + fit.maxAbsEnhancementError());
        Structure structure = PoscarReader.read(Path.of("../examples/data/al_fcc_conventional.vasp"));
        Map<String, LocalPseudopotential> pseudopotentials = Map.of("Al",
                RecpotReader.read(Path.of("../examples/data/al.lda.recpot")));
        Grid3D grid = new Grid3D(structure.cell(), 20, 20, 20);
        double electrons = 12;
        double[] energies = new double[2];
        try (SpectralOperators operators = new SpectralOperators(grid, FftBackends.select("java", 1).backend())) {
            List<GgaKernel> pbe = List.of(new org.ofdft.functionals.xc.PbeExchange(),
                    new org.ofdft.functionals.xc.PbeCorrelation());
            List<List<GgaKernel>> choices = List.of(pbe, List.of(fit.kernel()));
            for (int c = 0; c < 2; c++) {
                List<DensityFunctional> terms = List.of(new ThomasFermi(grid, SpinTreatment.UNPOLARIZED),
                        new VonWeizsacker(Laplacian.spectral(operators), 1.0), new Hartree3D(operators),
                        new GgaFunctional(operators, c == 0 ? "pbe" : "nn-gga", choices.get(c)),
                        new LocalPseudopotentialFunctional(operators, structure, pseudopotentials));
                CalculationResult result = new OrbitalFreeMinimizer(new TotalFunctional(terms),
                        OrbitalFreeMinimizer.Method.TRUNCATED_NEWTON).minimize(
                        OrbitalFreeMinimizer.uniformDensity(grid, electrons), new ConvergenceCriteria(1e-9, 1e-6, 200));
                assertTrue(result.converged(), "converged with " + (c == 0 ? "PBE" : "the neural GGA"));
                energies[c] = result.totalEnergy();
            }
        }
        double perAtom = Math.abs(energies[1] - energies[0]) / structure.atomCount();
        System.out.printf("Al fcc: E(PBE) = %.8f Ha, E(NN) = %.8f Ha, |ΔE| = %.2e Ha/atom%n", energies[0], energies[1],
                perAtom);
        assertTrue(perAtom < 1e-3, "|ΔE| = " + perAtom + " Ha/atom");
    }
}
