package org.ofdft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ofdft.ml.descriptors.LengthUnit;
import org.ofdft.ml.regression.DenseCholesky;
import org.ofdft.ml.learn.KernelFamily;
import org.ofdft.ml.learn.LearningCurve;
import org.ofdft.ml.learn.LearningCurveReport;
import org.ofdft.ml.learn.MolecularDescriptor;
import org.ofdft.ml.learn.MoleculeDataset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ofdft learn}: descriptor → kernel ridge regression → cross-validation → learning curve. */
@Command(name = "learn", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Learn a molecular property from structures (e.g. QM7 atomization energies): descriptor -> "
                + "kernel ridge regression with (sigma, lambda) chosen by k-fold cross-validation on the training set "
                + "-> learning curve (MAE, RMSE, max error, R^2 on held-out test molecules).",
            "One seeded shuffle holds out --test molecules; the training sets are the first N of the rest (nested). "
                + "Writes DIR/learning_curve.json and DIR/learning_curve.png; the table goes to stdout, progress to "
                + "stderr. Errors are in the property's unit; sigma in the descriptor's.",
            "Example: ofdft learn --data qm7.xyz --property atomization_energy_pbe0_kcal_mol --descriptor bob "
                + "--train-sizes 1000,2000,4000,6000 --out qm7-bob"})
public final class LearnCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "molecules with a property in each frame's information (extended XYZ; positions in Å)")
    Path data;

    @Option(names = "--property", required = true, paramLabel = "KEY",
            description = "frame-information key of the property, e.g. atomization_energy_pbe0_kcal_mol")
    String property;

    @Option(names = "--descriptor", paramLabel = "NAME", defaultValue = "cm-sorted",
            description = "cm-sorted (row-norm-sorted Coulomb matrix), cm-eigen (its eigenvalues), cm-unsorted, "
                    + "bob (bag of bonds), soap (SOAP power spectrum summed over atoms); default: ${DEFAULT-VALUE}")
    String descriptor;

    @Option(names = "--kernel", paramLabel = "NAME", defaultValue = "laplacian",
            description = "laplacian exp(-|x-x'|_1/sigma) or gaussian exp(-|x-x'|^2/(2 sigma^2)); "
                    + "default: ${DEFAULT-VALUE}")
    String kernel;

    @Option(names = "--distance-unit", paramLabel = "UNIT", defaultValue = "angstrom",
            description = "unit of |R_i - R_j| in Coulomb-matrix and bag-of-bonds entries: angstrom (as in the "
                    + "published QM7 work) or bohr; default: ${DEFAULT-VALUE}")
    String distanceUnit;

    @Option(names = "--sigma", split = ",", paramLabel = "S",
            description = "kernel width(s): one value fixes sigma, a comma-separated list is the CV grid; default: "
                    + "1, 2, 4, ..., 128 x the median distance between training molecules")
    double[] sigmas;

    @Option(names = "--lambda", split = ",", paramLabel = "L",
            description = "regularization(s): one value fixes lambda, a list is the CV grid; default: 1e-12, 1e-9, "
                    + "1e-6, 1e-3. With one sigma and one lambda there is no cross-validation")
    double[] lambdas;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5",
            description = "k of the k-fold cross-validation; default: ${DEFAULT-VALUE}")
    int folds;

    @Option(names = "--train-sizes", required = true, split = ",", paramLabel = "N",
            description = "training-set sizes, comma-separated (e.g. 1000,2000,4000,6000)")
    int[] trainingSizes;

    @Option(names = "--test", paramLabel = "N", defaultValue = "1000",
            description = "number of held-out test molecules; default: ${DEFAULT-VALUE}")
    int testSize;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "seed of the train/test shuffle and of the folds; default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--first", paramLabel = "M",
            description = "use only the first M molecules of the file (quick studies)")
    Integer first;

    @Option(names = "--cholesky", paramLabel = "BACKEND", defaultValue = "openblas",
            description = "linear algebra: openblas (LAPACK through OpenBLAS; EJML with a warning if the native "
                    + "library is missing) or ejml (pure Java); default: ${DEFAULT-VALUE}")
    String cholesky;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "output directory (created; learning_curve.json and learning_curve.png are replaced)")
    Path out;

    @Option(names = "--no-plot", description = "skip the PNG")
    boolean noPlot;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        long start = System.nanoTime();
        // everything that can be checked before reading the data
        MolecularDescriptor representation = MolecularDescriptor.byName(descriptor);
        KernelFamily family = KernelFamily.byName(kernel);
        LengthUnit unit = switch (distanceUnit) {
            case "angstrom" -> LengthUnit.ANGSTROM;
            case "bohr" -> LengthUnit.BOHR;
            default -> throw new IllegalArgumentException("unknown --distance-unit '" + distanceUnit
                    + "'; valid: angstrom, bohr");
        };
        DenseCholesky solver = switch (cholesky) {
            case "openblas" -> DenseCholesky.fastest();
            case "ejml" -> DenseCholesky.pureJava();
            default -> throw new IllegalArgumentException("unknown --cholesky '" + cholesky + "'; valid: openblas, ejml");
        };
        if (cholesky.equals("openblas") && solver == DenseCholesky.pureJava()) {
            err.println("ofdft learn: warning: the OpenBLAS native library is not available; using EJML (slower)");
        }
        checkPositive(sigmas, "--sigma");
        checkPositive(lambdas, "--lambda");
        for (int n : trainingSizes) {
            if (n < 1) {
                throw new IllegalArgumentException("--train-sizes must be positive, got " + n);
            }
        }
        LearningCurve.Settings settings = new LearningCurve.Settings(family, trainingSizes, testSize, seed, sigmas,
                lambdas != null ? lambdas : LearningCurve.DEFAULT_LAMBDAS, folds);
        if (first != null && first < 2) {
            throw new IllegalArgumentException("--first must be at least 2, got " + first);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " exists and is not a directory");
        }

        MoleculeDataset dataset = MoleculeDataset.readXyz(data, property);
        if (first != null && first < dataset.size()) {
            dataset = dataset.head(first);
        }
        try {
            LearningCurve.checkSizes(settings, dataset.size());
        } catch (IllegalArgumentException sizes) {
            throw new IllegalArgumentException(sizes.getMessage().replace("test-set size", "--test")
                    .replace("training-set size", "--train-sizes value"));
        }
        log(err, start, String.format(Locale.ROOT, "read %d molecules with '%s' from %s", dataset.size(), property,
                data));
        long describing = System.nanoTime();
        MolecularDescriptor.Features features = representation.compute(dataset.molecules(), unit);
        log(err, start, String.format(Locale.ROOT, "%s: %d features per molecule (%.1f s)", features.description(),
                features.length(), (System.nanoTime() - describing) * 1e-9));
        LearningCurve.Result result = LearningCurve.run(features.rows(), dataset.values(), settings, solver,
                message -> log(err, start, message));
        LearningCurveReport report = new LearningCurveReport(data.toString(), property,
                LearningCurveReport.unitFromKey(property), dataset.size(), representation.cliName(),
                features.description(), result);
        Files.createDirectories(out);
        Path json = out.resolve("learning_curve.json");
        report.writeJson(json, VersionProvider.version());
        stdout.print(report.table());
        stdout.println("wrote " + json);
        if (!noPlot) {
            Path png = out.resolve("learning_curve.png");
            report.writePlot(png);
            stdout.println("wrote " + png);
        }
        return 0;
    }

    private static void checkPositive(double[] values, String option) {
        if (values == null) {
            return;
        }
        if (values.length == 0) {
            throw new IllegalArgumentException(option + " needs at least one value");
        }
        for (double v : values) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(option + " values must be positive and finite, got "
                        + Arrays.toString(values));
            }
        }
    }

    private static void log(PrintWriter err, long start, String message) {
        err.printf(Locale.ROOT, "ofdft learn: [%7.1f s] %s%n", (System.nanoTime() - start) * 1e-9, message);
        err.flush();
    }
}
