package org.ofdft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnCommandTest {

    private static final Path QM7 = Path.of("..", "..", "shared", "datasets", "qm7", "qm7.xyz");

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    /**
     * 60 H₂ molecules with bond lengths r ∈ [0.6, 1.2) Å and a property 100/r: the sorted Coulomb matrix
     * (0.5, 1/r, 0.5) (distances in Å) determines it exactly.
     */
    private static Path hydrogenMolecules(Path directory) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            double r = 0.6 + 0.6 * ((i * 23) % 60) / 60.0;
            text.append(String.format(Locale.ROOT, "2%ninverse_bond_kcal_mol=%.12f label=h2 pbc=\"F F F\"%n"
                    + "H 0 0 0%nH 0 0 %.12f%n", 100 / r, r));
        }
        Path file = directory.resolve("h2.xyz");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void learnsAnExactFunctionOfTheDescriptorAndWritesTheCurve(@TempDir Path directory) throws IOException {
        Path data = hydrogenMolecules(directory);
        Path out = directory.resolve("curve");
        StringWriter stdout = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(stdout, err, "learn", "--data", data.toString(), "--property", "inverse_bond_kcal_mol",
                "--kernel", "gaussian", "--train-sizes", "10,40", "--test", "20", "--seed", "4", "--out", out.toString());
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.resolve("learning_curve.json").toFile());
        assertEquals("kcal/mol", json.get("property_unit").asText());
        assertEquals(60, json.get("molecules").asInt());
        JsonNode points = json.get("learning_curve");
        assertEquals(2, points.size());
        assertEquals(40, points.get(1).get("training_size").asInt());
        // 100/r spans 83–167 kcal/mol; with 40 samples of a 1D smooth function the error is tiny
        assertTrue(points.get(1).get("max_abs_error").asDouble() < 0.1, points.toString());
        assertTrue(points.get(1).get("r2").asDouble() > 0.9999, points.toString());
        assertEquals(20, json.get("test_indices").size());
        assertTrue(Files.size(out.resolve("learning_curve.png")) > 1000);
        assertTrue(stdout.toString().contains("wrote "), stdout.toString());
        assertTrue(err.toString().contains("N = 40: σ = "), err.toString());
    }

    @Test
    void qm7SliceThroughTheCommandLine(@TempDir Path directory) throws IOException {
        assumeTrue(Files.exists(QM7), "shared/datasets/qm7/qm7.xyz not present");
        Path out = directory.resolve("qm7");
        StringWriter err = new StringWriter();
        assertEquals(0, run(new StringWriter(), err, "learn", "--data", QM7.toString(), "--property",
                "atomization_energy_pbe0_kcal_mol", "--descriptor", "bob", "--first", "300", "--train-sizes", "200",
                "--test", "100", "--folds", "4", "--out", out.toString(), "--no-plot"), err.toString());
        JsonNode point = new ObjectMapper().readTree(out.resolve("learning_curve.json").toFile())
                .get("learning_curve").get(0);
        // the mean predictor's MAE on such a slice is ~200 kcal/mol (LearningCurveTest); bag of bonds at N = 200
        // gives 5.6 kcal/mol (seed 1)
        assertTrue(point.get("mae").asDouble() < 20, point.toString());
        assertFalse(Files.exists(out.resolve("learning_curve.png")));
    }

    private static String fails(Path directory, String... args) throws IOException {
        Path out = directory.resolve("never");
        String[] full = new String[args.length + 2];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--out";
        full[args.length + 1] = out.toString();
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, full);
        assertEquals(Main.EXIT_FAILURE, code, err.toString());
        assertFalse(Files.exists(out), "no output on failure");
        return err.toString();
    }

    @Test
    void badInputIsOneClearLine(@TempDir Path directory) throws IOException {
        String data = hydrogenMolecules(directory).toString();
        String property = "inverse_bond_kcal_mol";
        assertTrue(fails(directory, "learn", "--data", data, "--property", "energy", "--train-sizes", "10", "--test",
                "5").contains("unknown property 'energy' in " + data + "; numeric keys of the first frame: "
                + "inverse_bond_kcal_mol"));
        assertTrue(fails(directory, "learn", "--data", data, "--property", property, "--descriptor", "coulomb",
                "--train-sizes", "10").contains("unknown descriptor 'coulomb'; valid: cm-sorted, cm-eigen, "
                + "cm-unsorted, bob, soap"));
        assertTrue(fails(directory, "learn", "--data", data, "--property", property, "--kernel", "rbf",
                "--train-sizes", "10").contains("unknown kernel 'rbf'; valid: laplacian, gaussian"));
        assertTrue(fails(directory, "learn", "--data", data, "--property", property, "--train-sizes", "10,50",
                "--test", "20").contains("--train-sizes value 50 is larger than the 40 samples left after the 20 test "
                + "samples (data set: 60)"));
        String test = fails(directory, "learn", "--data", data, "--property", property, "--train-sizes", "10",
                "--test", "60");
        assertTrue(test.contains("--test must be between 1 and 59"), test);
        assertTrue(fails(directory, "learn", "--data", data, "--property", property, "--train-sizes", "10",
                "--sigma", "-1").contains("--sigma values must be positive"));
        assertTrue(fails(directory, "learn", "--data", data, "--property", property, "--train-sizes", "10",
                "--distance-unit", "nm").contains("unknown --distance-unit 'nm'; valid: angstrom, bohr"));
        assertTrue(fails(directory, "learn", "--data", directory.resolve("missing.xyz").toString(), "--property",
                property, "--train-sizes", "10").contains("missing.xyz: no such file"));
    }

    @Test
    void unparsableCommandLinesExitWithTheUsageCode() {
        StringWriter err = new StringWriter();
        assertEquals(Main.EXIT_USAGE, run(new StringWriter(), err, "learn", "--data", "x.xyz", "--property", "e",
                "--out", "o"));
        assertTrue(err.toString().contains("--train-sizes"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(Main.EXIT_USAGE, run(new StringWriter(), err2, "learn", "--data", "x.xyz", "--property", "e",
                "--train-sizes", "ten", "--out", "o"));
    }
}
