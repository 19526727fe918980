package org.ofdft.benchmarks.qm7;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;
import org.ofdft.grids.io.AtomicFile;
import org.ofdft.grids.io.Npy;
import org.ofdft.grids.io.NpyArray;
import org.ofdft.ml.descriptors.LengthUnit;
import org.ofdft.ml.regression.DenseCholesky;
import org.ofdft.ml.learn.FittedKernelRidge;
import org.ofdft.ml.learn.KernelFamily;
import org.ofdft.ml.learn.KernelGridSearch;
import org.ofdft.ml.learn.LearningCurve;
import org.ofdft.ml.learn.MolecularDescriptor;
import org.ofdft.ml.learn.MoleculeDataset;
import org.ofdft.ml.learn.PairwiseDistances;
import org.ofdft.ml.regression.DistanceKernel;
import org.ofdft.ml.regression.KernelRidgeCrossValidation;

/**
 * The Java side of the regression speed benchmark ({@code benchmarks/qm7.sh}): kernel ridge regression
 * with a k-fold grid search over (σ, λ) and a refit at the best pair, on N QM7 molecules (row-norm-sorted
 * Coulomb matrix, Å), for the Laplacian and Gaussian kernels. Writes the features, targets (centred on
 * their mean, so that scikit-learn's intercept-free {@code KernelRidge} solves the same problem), fold
 * assignment and grids as .npy/JSON for {@code qm7_sklearn.py}, then times our search and writes
 * {@code java.json}: wall time of distances + grid + refit, best pair, CV table.
 */
public final class KrrGridSpeed {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private KrrGridSpeed() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: KrrGridSpeed QM7.xyz N FOLDS SEED WORKDIR");
        }
        Path data = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int folds = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        Path work = Path.of(args[4]);
        Files.createDirectories(work);

        MoleculeDataset all = MoleculeDataset.readXyz(data, "atomization_energy_pbe0_kcal_mol");
        int[] permutation = LearningCurve.shuffle(all.size(), seed);
        double[][] features = MolecularDescriptor.CM_SORTED.compute(all.molecules(), LengthUnit.ANGSTROM).rows();
        double[] values = all.values();
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = features[permutation[i]];
            y[i] = values[permutation[i]];
        }
        double mean = Arrays.stream(y).average().orElseThrow();
        for (int i = 0; i < n; i++) {
            y[i] -= mean;
        }
        int d = x[0].length;
        double[] flat = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, flat, i * d, d);
        }
        Npy.write(work.resolve("X.npy"), NpyArray.ofDoubles(flat, n, d));
        Npy.write(work.resolve("y.npy"), NpyArray.ofDoubles(y, n));
        int[] fold = KernelRidgeCrossValidation.foldAssignment(n, folds, seed);
        Npy.write(work.resolve("folds.npy"), NpyArray.ofLongs(Arrays.stream(fold).asDoubleStream().toArray(), n));

        // the grid: widths around the CV optimum of LearningCurve's default grid, in units of the median distance
        double[] lambdas = {1e-9, 1e-7, 1e-5, 1e-3};
        DenseCholesky solver = DenseCholesky.fastest();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("n", n);
        root.put("features", d);
        root.put("folds", folds);
        root.put("seed", seed);
        root.put("target_mean_removed", mean);
        root.put("linear_algebra", solver.name());
        root.put("java", System.getProperty("java.version"));
        root.put("available_processors", Runtime.getRuntime().availableProcessors());
        int[] samples = IntStream.range(0, n).toArray();
        for (KernelFamily family : KernelFamily.values()) {
            DistanceKernel unit = family.withSigma(1.0);
            // warm-up: JIT and native-library loading on a small problem, not timed
            PairwiseDistances small = PairwiseDistances.compute(Arrays.copyOf(x, 300), unit.metric());
            KernelGridSearch.search(unit, small, IntStream.range(0, 300).toArray(), y, new double[] {1e3},
                    new double[] {1e-3}, folds, seed, false, solver, (done, total) -> { });

            double[] factors = family == KernelFamily.LAPLACIAN ? new double[] {4, 16, 64} : new double[] {0.5, 1, 2};
            long start = System.nanoTime();
            PairwiseDistances distances = PairwiseDistances.compute(x, unit.metric());
            double distanceSeconds = (System.nanoTime() - start) * 1e-9;
            double median = distances.medianDistance(samples, 1000);
            double[] sigmas = Arrays.stream(factors).map(f -> f * median).toArray();
            KernelRidgeCrossValidation.Result search = KernelGridSearch.search(unit, distances, samples, y, sigmas,
                    lambdas, folds, seed, false, solver, (done, total) -> {
                        if (done % folds == 0) {
                            System.err.printf(Locale.ROOT, "KrrGridSpeed %s: %d/%d (σ, fold) blocks after %.0f s%n",
                                    family.cliName(), done, total, (System.nanoTime() - start) * 1e-9);
                        }
                    });
            double searchSeconds = (System.nanoTime() - start) * 1e-9 - distanceSeconds;
            FittedKernelRidge.fit(unit.withSigma(search.sigma()), search.lambda(), distances, samples, y, false, solver);
            double totalSeconds = (System.nanoTime() - start) * 1e-9;
            ObjectNode node = root.putObject(family.cliName());
            node.put("seconds_total", totalSeconds);
            node.put("seconds_distances", distanceSeconds);
            node.put("seconds_grid", searchSeconds);
            node.put("seconds_refit", totalSeconds - distanceSeconds - searchSeconds);
            node.put("best_sigma", search.sigma());
            node.put("best_lambda", search.lambda());
            node.put("best_gamma_sklearn", unit.withSigma(search.sigma()).sklearnGamma());
            ArrayNode sigmaNode = node.putArray("sigmas");
            ArrayNode gammaNode = node.putArray("gammas_sklearn");
            for (double sigma : sigmas) {
                sigmaNode.add(sigma);
                gammaNode.add(unit.withSigma(sigma).sklearnGamma());
            }
            ArrayNode lambdaNode = node.putArray("lambdas");
            Arrays.stream(lambdas).forEach(lambdaNode::add);
            ArrayNode table = node.putArray("cv_mae");
            for (double[] row : search.meanAbsoluteError()) {
                ArrayNode r = table.addArray();
                for (double v : row) {
                    if (Double.isFinite(v)) {
                        r.add(v);
                    } else {
                        r.addNull();
                    }
                }
            }
            System.err.printf(Locale.ROOT, "KrrGridSpeed %s: %.1f s (distances %.1f s), best σ = %.4g, λ = %.0e%n",
                    family.cliName(), totalSeconds, distanceSeconds, search.sigma(), search.lambda());
        }
        AtomicFile.write(work.resolve("java.json"), out -> MAPPER.writeValue(out, root));
    }
}
