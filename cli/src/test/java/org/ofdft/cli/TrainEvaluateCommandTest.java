package org.ofdft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train → evaluate through the command line on small Snyder datasets (N = 1, 60 training, 20 test). */
class TrainEvaluateCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @TempDir
    static Path directory;
    static Path train;
    static Path test;

    @BeforeAll
    static void datasets() {
        train = directory.resolve("train.npz");
        test = directory.resolve("test.npz");
        assertEquals(0, run("data", "snyder", "--electrons", "1", "--count", "60", "--seed", "5", "--out",
                train.toString()).code());
        assertEquals(0, run("data", "snyder", "--electrons", "1", "--count", "20", "--seed", "6", "--out",
                test.toString()).code());
    }

    private static JsonNode lastLineJson(String out) throws IOException {
        String[] lines = out.strip().split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    /** The vW baseline makes the one-electron model nearly exact (T_s = T_vW for one orbital). */
    @Test
    void kineticModelTrainsAndEvaluatesSelfConsistently() throws IOException {
        Path model = directory.resolve("kinetic.npz");
        Run trained = run("train", "kinetic", "--data", train.toString(), "--out", model.toString(), "--baseline", "vw");
        assertEquals(0, trained.code(), trained.err());
        Run evaluated = run("evaluate", "--model", model.toString(), "--data", test.toString(), "--self-consistent",
                "--json");
        assertEquals(0, evaluated.code(), evaluated.err());
        JsonNode metrics = lastLineJson(evaluated.out());
        assertEquals(20, metrics.path("count").asInt());
        assertTrue(metrics.path("mae_kcal_mol").asDouble() < 0.01, metrics.toString());
        assertTrue(metrics.has("std_kcal_mol") && metrics.has("max_abs_kcal_mol"), metrics.toString());
        assertTrue(metrics.path("sc_energy_mae_kcal_mol").asDouble() < 1.0, metrics.toString());
        assertTrue(metrics.path("sc_density_l1_mean").asDouble() < 1e-2, metrics.toString());
    }

    @Test
    void hohenbergKohnMapTrainsAndEvaluates() throws IOException {
        Path model = directory.resolve("hk.npz");
        Run trained = run("train", "hk", "--data", train.toString(), "--out", model.toString(), "--basis", "grid");
        assertEquals(0, trained.code(), trained.err());
        Run evaluated = run("evaluate", "--model", model.toString(), "--data", test.toString(), "--json");
        assertEquals(0, evaluated.code(), evaluated.err());
        JsonNode metrics = lastLineJson(evaluated.out());
        assertTrue(metrics.path("energy_mae_kcal_mol").asDouble() < 2.0, metrics.toString());
        assertTrue(metrics.has("energy_max_abs_kcal_mol"), metrics.toString());
        assertTrue(metrics.path("density_l1_mean").asDouble() < 1e-2, metrics.toString());
    }

    @Test
    void badInputIsAClearError() throws IOException {
        Path model = directory.resolve("for-errors.npz");
        assertEquals(0, run("train", "kinetic", "--data", train.toString(), "--out", model.toString(), "--sigma", "40",
                "--lambda", "1e-10").code());
        // a test set of another electron number
        Path otherN = directory.resolve("n2.npz");
        assertEquals(0, run("data", "snyder", "--electrons", "2", "--count", "3", "--out", otherN.toString()).code());
        Run wrongN = run("evaluate", "--model", model.toString(), "--data", otherN.toString());
        assertEquals(Main.EXIT_FAILURE, wrongN.code());
        assertTrue(wrongN.err().contains("trained for 1.0"), wrongN.err());
        // a file that is not a model
        Run foreign = run("evaluate", "--model", train.toString(), "--data", test.toString());
        assertEquals(Main.EXIT_FAILURE, foreign.code());
        assertTrue(foreign.err().contains("not an ofdft model file"), foreign.err());
        // bad options
        Run half = run("train", "kinetic", "--data", train.toString(), "--out", directory.resolve("x.npz").toString(),
                "--sigma", "3");
        assertEquals(Main.EXIT_FAILURE, half.code());
        assertTrue(half.err().contains("both --sigma and --lambda"), half.err());
        assertFalse(Files.exists(directory.resolve("x.npz")));
        Run basis = run("train", "hk", "--data", train.toString(), "--out", directory.resolve("y.npz").toString(),
                "--basis", "wavelets");
        assertTrue(basis.err().contains("valid: sine, grid"), basis.err());
        Run missing = run("train", "kinetic", "--data", directory.resolve("missing.npz").toString(), "--out",
                directory.resolve("z.npz").toString());
        assertEquals(Main.EXIT_FAILURE, missing.code());
        assertTrue(missing.err().contains("missing.npz"), missing.err());
    }
}
