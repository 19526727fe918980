import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Locale;
import org.ofdft.grids.io.Npy;
import org.ofdft.grids.io.NpyArray;
import org.ofdft.ml.regression.GaussianKernel;
import org.ofdft.ml.regression.GaussianProcessHyperparameters;
import org.ofdft.ml.regression.GaussianProcessModel;
import org.ofdft.ml.regression.GaussianProcessRegression;
import org.ofdft.ml.validation.KFold;
import org.ofdft.ml.validation.KernelRidgeGridSearch;
import org.ofdft.ml.validation.Metrics;

/** Java side of benchmarks/regression.sh (run with the JDK's source launcher on the ml-maps class path). */
public class RegressionBenchmark {

    /** Arguments: work directory, Java threads of the grid search, task ({@code krr} or {@code gpr}). */
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        JsonNode grid = new ObjectMapper().readTree(work.resolve("grid.json").toFile());
        if (args[2].equals("krr")) {
            double[] sigmas = doubles(grid.get("sigmas"));
            double[] lambdas = doubles(grid.get("lambdas"));
            double[][] x = rows(Npy.read(work.resolve("krr_x.npy")));
            double[] y = Npy.read(work.resolve("krr_y.npy")).values();
            long start = System.nanoTime();
            var search = new KernelRidgeGridSearch(new GaussianKernel(1), sigmas, lambdas, Metrics.Criterion.MAE, threads)
                    .search(x, y, new KFold(5).splits(x.length));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "{\"krr_seconds\": %.6f, \"krr_best_sigma\": %.17g, \"krr_best_lambda\": %.17g,"
                    + " \"krr_best_mae\": %.17g}%n", seconds, search.bestSigma(), search.bestLambda(), search.bestError());
            return;
        }
        double[][] x = rows(Npy.read(work.resolve("gpr_x.npy")));
        double[] y = Npy.read(work.resolve("gpr_y.npy")).values();
        StringBuilder json = new StringBuilder("{");
        // one start from the θ₀ scikit-learn also starts from, then θ₀ plus the random restarts
        for (int restarts : new int[] {0, grid.get("restarts").asInt()}) {
            String key = restarts == 0 ? "gpr1" : "gpr";
            long start = System.nanoTime();
            GaussianProcessModel gp = GaussianProcessRegression.optimized(
                    new GaussianProcessHyperparameters(1.0, 1.0, 0.1), restarts, 0).fit(x, y);
            double seconds = (System.nanoTime() - start) / 1e9;
            GaussianProcessHyperparameters p = gp.hyperparameters();
            json.append(String.format(Locale.ROOT, "%s\"%s_seconds\": %.6f, \"%s_lml\": %.17g, \"%s_theta\": [%.17g, %.17g, %.17g]",
                    restarts == 0 ? "" : ", ", key, seconds, key, gp.logMarginalLikelihood(), key,
                    p.signalVariance(), p.lengthScale(), p.noiseVariance()));
        }
        System.out.println(json.append("}"));
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    private static double[][] rows(NpyArray array) {
        double[][] rows = new double[array.shape()[0]][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = array.row(i);
        }
        return rows;
    }
}
