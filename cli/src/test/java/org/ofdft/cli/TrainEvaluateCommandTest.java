package org.ofdft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ofdft.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train → evaluate through the command line on small Snyder datasets (N = 1, 60 training, 20 test). */
class TrainEvaluateCommandTest {

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

    /** The vW baseline makes the one-electron model nearly exact (T_s = T_vW for one orbital). */
    @Test
    void kineticModelTrainsAndEvaluatesSelfConsistently() throws IOException {
        Path model = directory.resolve("kinetic.npz");
        CommandRun trained = run("train", "kinetic", "--data", train.toString(), "--out", model.toString(), "--baseline", "vw");
        assertEquals(0, trained.code(), trained.err());
        CommandRun evaluated = run("evaluate", "--model", model.toString(), "--data", test.toString(), "--self-consistent",
                "--json");
        assertEquals(0, evaluated.code(), evaluated.err());
        JsonNode metrics = evaluated.lastLineJson();
        assertEquals(20, metrics.path("count").asInt());
        assertTrue(metrics.path("mae_kcal_mol").asDouble() < 0.01, metrics.toString());
        assertTrue(metrics.has("std_kcal_mol") && metrics.has("max_abs_kcal_mol"), metrics.toString());
        assertTrue(metrics.path("sc_energy_mae_kcal_mol").asDouble() < 1.0, metrics.toString());
        assertTrue(metrics.path("sc_density_l1_mean").asDouble() < 1e-2, metrics.toString());
    }

    /**
     * {@code ofdft scf} with {@code kinetic = "ml"}: the projected minimization lands within 1 kcal/mol of
     * the exact ground-state energy of wells the model never saw (sine-basis solver: converged to 1e-9 Ha).
     */
    @Test
    void scfRunsWithTheMlKineticFunctional() throws IOException {
        Path model = directory.resolve("scf-kinetic.npz");
        assertEquals(0, run("train", "kinetic", "--data", train.toString(), "--out", model.toString(), "--baseline",
                "vw").code());
        double[] depths = {6.0, 4.0, 2.5};
        double[] centres = {0.45, 0.52, 0.57};
        double[] widths = {0.06, 0.05, 0.08};
        Path input = directory.resolve("ml.toml");
        Files.writeString(input, String.join("\n",
                "[calculation]", "dimension = 1", "method = \"orbital_free\"", "electrons = 1", "spin = \"spinless\"",
                "[grid]", "start = 0.0", "end = 1.0", "points = 498",
                "[external]", "type = \"gaussian_wells\"", "depths = [6.0, 4.0, 2.5]", "centres = [0.45, 0.52, 0.57]",
                "widths = [0.06, 0.05, 0.08]",
                "[functionals]", "kinetic = \"ml\"", "kinetic_model = \"scf-kinetic.npz\"", ""));
        Path out = directory.resolve("ml-scf");
        CommandRun scf = run("scf", input.toString(), "--out", out.toString(), "--no-plots");
        assertEquals(0, scf.code(), scf.err());
        JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        double exact = new org.ofdft.solver.ks1d.BoxSineBasisSolver(0, 1, 256, 512).solve(
                new org.ofdft.ml.data.GaussianWells(depths, centres, widths), 1,
                org.ofdft.functionals.SpinTreatment.SPINLESS).bandEnergy();
        double error = (result.path("total_energy").asDouble() - exact) * 627.509;
        assertTrue(Math.abs(error) < 1.0, "E_ML − E_exact = " + error + " kcal/mol");
        assertEquals(1.0, result.path("electrons").asDouble(), 1e-9);

        Path badGrid = directory.resolve("bad-grid.toml");
        Files.writeString(badGrid, Files.readString(input).replace("points = 498", "points = 300"));
        CommandRun mismatch = run("scf", badGrid.toString(), "--out", directory.resolve("bad").toString());
        assertEquals(Main.EXIT_FAILURE, mismatch.code());
        assertTrue(mismatch.err().contains("differs from the kinetic model's"), mismatch.err());
    }

    @Test
    void hohenbergKohnMapTrainsAndEvaluates() throws IOException {
        Path model = directory.resolve("hk.npz");
        CommandRun trained = run("train", "hk", "--data", train.toString(), "--out", model.toString(), "--basis", "grid");
        assertEquals(0, trained.code(), trained.err());
        CommandRun evaluated = run("evaluate", "--model", model.toString(), "--data", test.toString(), "--json");
        assertEquals(0, evaluated.code(), evaluated.err());
        JsonNode metrics = evaluated.lastLineJson();
        assertTrue(metrics.path("energy_mae_kcal_mol").asDouble() < 2.0, metrics.toString());
        assertTrue(metrics.has("energy_max_abs_kcal_mol"), metrics.toString());
        assertTrue(metrics.path("density_l1_mean").asDouble() < 1e-2, metrics.toString());
    }

    /**
     * The energy-based NN XC model trained by benchmarks/nn-xc.sh on 6 + 2 DMRG H₂ bond lengths (a copy in
     * src/test/resources/models), self-consistent on the three H₂ rows of validation-data/dft1d/h2 (0.32,
     * 1.92, 6.00 bohr; DMRG energies): within chemical accuracy, 1.6 mHa (measured 0.66 mHa mean).
     */
    @Test
    void neuralExchangeCorrelationModelIsEvaluatedSelfConsistently() throws IOException {
        CommandRun evaluated = run("evaluate", "--model", "src/test/resources/models/h2-energy.npz", "--data",
                "../validation-data/dft1d/h2", "--self-consistent", "--json");
        assertEquals(0, evaluated.code(), evaluated.err());
        JsonNode metrics = evaluated.lastLineJson();
        assertEquals(3, metrics.path("sc_converged").asInt());
        assertTrue(metrics.path("total_energy_max_abs_ha").asDouble() < 1.6e-3, metrics.toString());
        assertTrue(metrics.has("density_l1_mean"), metrics.toString());
        CommandRun notSelfConsistent = run("evaluate", "--model", "src/test/resources/models/h2-energy.npz", "--data",
                "../validation-data/dft1d/h2");
        assertEquals(Main.EXIT_FAILURE, notSelfConsistent.code());
        assertTrue(notSelfConsistent.err().contains("--self-consistent"), notSelfConsistent.err());
    }

    @Test
    void badInputIsAClearError() throws IOException {
        Path model = directory.resolve("for-errors.npz");
        assertEquals(0, run("train", "kinetic", "--data", train.toString(), "--out", model.toString(), "--sigma", "40",
                "--lambda", "1e-10").code());
        // a test set of another electron number
        Path otherN = directory.resolve("n2.npz");
        assertEquals(0, run("data", "snyder", "--electrons", "2", "--count", "3", "--out", otherN.toString()).code());
        CommandRun wrongN = run("evaluate", "--model", model.toString(), "--data", otherN.toString());
        assertEquals(Main.EXIT_FAILURE, wrongN.code());
        assertTrue(wrongN.err().contains("trained for 1.0"), wrongN.err());
        // a file that is not a model
        CommandRun foreign = run("evaluate", "--model", train.toString(), "--data", test.toString());
        assertEquals(Main.EXIT_FAILURE, foreign.code());
        assertTrue(foreign.err().contains("not an ofdft model file"), foreign.err());
        // bad options
        CommandRun half = run("train", "kinetic", "--data", train.toString(), "--out", directory.resolve("x.npz").toString(),
                "--sigma", "3");
        assertEquals(Main.EXIT_FAILURE, half.code());
        assertTrue(half.err().contains("both --sigma and --lambda"), half.err());
        assertFalse(Files.exists(directory.resolve("x.npz")));
        CommandRun basis = run("train", "hk", "--data", train.toString(), "--out", directory.resolve("y.npz").toString(),
                "--basis", "wavelets");
        assertTrue(basis.err().contains("valid: sine, grid"), basis.err());
        CommandRun missing = run("train", "kinetic", "--data", directory.resolve("missing.npz").toString(), "--out",
                directory.resolve("z.npz").toString());
        assertEquals(Main.EXIT_FAILURE, missing.code());
        assertTrue(missing.err().contains("missing.npz"), missing.err());
    }
}
