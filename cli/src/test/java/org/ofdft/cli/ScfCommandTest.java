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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdft.grids.io.Npy;

/** End-to-end runs of {@code ofdft scf} on the bundled examples and on bad inputs. */
class ScfCommandTest {

    private static final Path EXAMPLES = Path.of("../examples");

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void gaussianWellsExampleWritesAllOutputs(@TempDir Path directory) throws IOException {
        CommandRun run = run("scf", EXAMPLES.resolve("1d_gaussian_wells.toml").toString(), "--out", directory.toString(),
                "--threads", "1");
        assertEquals(0, run.code(), run.err());
        JsonNode result = json(directory.resolve("result.json"));
        assertTrue(result.get("converged").asBoolean());
        assertEquals(4.0, result.get("electrons").asDouble(), 1e-10);
        double kinetic = result.get("energy_terms").get("kinetic").asDouble();
        double external = result.get("energy_terms").get("external").asDouble();
        assertEquals(kinetic + external, result.get("total_energy").asDouble(), 1e-12);
        assertEquals(5, result.get("eigenvalues").size(), "4 occupied + 1 unoccupied orbitals");
        assertEquals("gaussian_wells", result.get("input").get("external").get("type").asText());
        double[] density = Npy.read(directory.resolve("density.npy")).values();
        assertEquals(1999, density.length);
        double sum = 0;
        for (double n : density) {
            sum += n;
        }
        assertEquals(4.0, sum * 5e-4, 1e-10, "∫n dx = N on the grid");
        assertTrue(Files.size(directory.resolve("density.png")) > 1000);
        assertTrue(Files.size(directory.resolve("convergence.png")) > 1000);
    }

    /** DFTpy r10_prim_TFVW_ec40 (shared/validation/dftpy): −2.111799678179 Ha for the same inputs. */
    @Test
    void aluminiumTfvwExampleAgreesWithDftpy(@TempDir Path directory) throws IOException {
        CommandRun run = run("scf", EXAMPLES.resolve("3d_al_fcc_tfvw.toml").toString(), "--out", directory.toString(),
                "--no-plots");
        assertEquals(0, run.code(), run.err());
        JsonNode result = json(directory.resolve("result.json"));
        assertEquals(-2.111799678179, result.get("total_energy").asDouble(), 1e-5);
        assertTrue(result.has("chemical_potential"));
        assertEquals("jellium", result.get("preconditioner").asText(), "the default of optimizer = \"tn\"");
        assertTrue(Files.size(directory.resolve("density.cube")) > 16 * 16 * 16 * 10);
        assertFalse(Files.exists(directory.resolve("density_slice.png")), "--no-plots");
    }

    /**
     * Quantum ESPRESSO 6.7, shared/validation/qe/q01_blps_prim_ec20_k8: −4.25656113 Ry = −2.128280565 Ha for
     * the same inputs (target: 1e-5 Ha/atom); result.json carries the Kohn–Sham extras.
     */
    @Test
    void aluminiumKohnShamExampleAgreesWithQuantumEspresso(@TempDir Path directory) throws IOException {
        CommandRun run = run("scf", EXAMPLES.resolve("3d_al_fcc_ks.toml").toString(), "--out", directory.toString(),
                "--no-plots");
        assertEquals(0, run.code(), run.err());
        JsonNode result = json(directory.resolve("result.json"));
        assertEquals(-4.25656113 / 2, result.get("total_energy").asDouble(), 1e-5);
        assertEquals(29, result.get("kpoints").size(), "QE's irreducible 8x8x8 mesh of fcc");
        assertEquals(0.28188, result.get("fermi_level").asDouble(), 1e-4, "QE: 7.6704 eV");
        JsonNode kinetic = result.get("orbital_free_kinetic_energies_of_this_density");
        assertEquals(result.get("energy_terms").get("kinetic").asDouble(), kinetic.get("kohn_sham_t_s").asDouble(), 0);
        assertTrue(kinetic.get("thomas_fermi_von_weizsacker").asDouble() > kinetic.get("kohn_sham_t_s").asDouble());
        assertTrue(Files.size(directory.resolve("density.cube")) > 1000);
    }

    /**
     * 1D H₂ at 1.6 bohr with the neural XC model of benchmarks/nn-xc.sh: within chemical accuracy (1.6 mHa)
     * of DMRG, −1.9884357920 Ha (shared/datasets/dft1d/molecules/h2, distance 1.6; measured 0.12 mHa).
     */
    @Test
    void neuralExchangeCorrelationExampleIsNearDmrg(@TempDir Path directory) throws IOException {
        CommandRun run = run("scf", EXAMPLES.resolve("1d_h2_nn_xc.toml").toString(), "--out", directory.toString(),
                "--no-plots");
        assertEquals(0, run.code(), run.err());
        assertEquals(-1.9884357920, json(directory.resolve("result.json")).get("total_energy").asDouble(), 1.6e-3);
    }

    /**
     * 3D fcc Al (4-atom cell, Wang–Teter) with the neural GGA of examples/data/nn_gga_pbe.npz against the same
     * input with xc = "pbe": within 1 mHa/atom (issue 8's target; measured 2e-6 Ha/atom). The model's archive
     * header says how it was fitted.
     */
    @Test
    void neuralGgaExampleMatchesPbe(@TempDir Path directory) throws IOException {
        Path example = EXAMPLES.resolve("3d_al_fcc_nn_gga.toml");
        CommandRun neural = run("scf", example.toString(), "--out", directory.resolve("nn").toString(), "--no-plots");
        assertEquals(0, neural.code(), neural.err());
        String pbeInput = Files.readString(example).replace("xc = \"nn\"", "xc = \"pbe\"")
                .replaceAll("(?m)^xc_model.*$", "").replace("\"data/", "\"" + EXAMPLES.toAbsolutePath() + "/data/");
        Path pbeFile = directory.resolve("pbe.toml");
        Files.writeString(pbeFile, pbeInput);
        CommandRun pbe = run("scf", pbeFile.toString(), "--out", directory.resolve("pbe").toString(), "--no-plots");
        assertEquals(0, pbe.code(), pbe.err());
        JsonNode withNetwork = json(directory.resolve("nn/result.json"));
        JsonNode withPbe = json(directory.resolve("pbe/result.json"));
        assertEquals("nn", withNetwork.get("input").get("functionals").get("xc").asText());
        assertEquals("pbe", withPbe.get("input").get("functionals").get("xc").asText());
        double perAtom = Math.abs(withNetwork.get("total_energy").asDouble() - withPbe.get("total_energy").asDouble()) / 4;
        assertTrue(perAtom < 1e-3, "|E_NN − E_PBE| = " + perAtom + " Ha/atom");
    }

    @Test
    void kohnShamInputErrorsAreOneLine(@TempDir Path directory) throws IOException {
        String base = "[calculation]\ndimension = 3\nmethod = \"kohn_sham\"\n[structure]\nposcar = \""
                + EXAMPLES.toAbsolutePath().resolve("data/al_fcc_primitive.vasp") + "\"\npseudopotentials = { Al = \""
                + EXAMPLES.toAbsolutePath().resolve("data/al.lda.upf") + "\" }\n[grid]\ncutoff_ha = 5.0\n";
        assertError(directory, base + "[kpoints]\nmesh = [0, 0, 0]\n", "kpoints.mesh");
        assertError(directory, base + "[occupations]\nsmearing = \"methfessel\"\n", "valid: fixed, gaussian");
        assertError(directory, base + "[occupations]\nsmearing = \"mv\"\n", "smearing width must be a positive");
        assertError(directory, base + "[occupations]\nbands = 1\n", "too few bands");
    }

    @Test
    void unknownKeyIsALineNumberedErrorListingValidKeys(@TempDir Path directory) throws IOException {
        Path input = directory.resolve("bad.toml");
        Files.writeString(input, "[calculation]\ndimension = 1\nelectrons = 1\n\n[grid]\nstart = 0.0\nend = 1.0\npoints = 10\n"
                + "spacing = 0.1\n");
        CommandRun run = run("scf", input.toString(), "--out", directory.resolve("out").toString());
        assertEquals(Main.EXIT_FAILURE, run.code());
        assertTrue(run.err().contains("unknown key 'spacing' in [grid]"), run.err());
        assertTrue(run.err().contains("valid keys: boundary, cutoff_ev, cutoff_ha, end, points, shape, start, stencil_order"),
                run.err());
        assertFalse(Files.exists(directory.resolve("out")), "nothing written for bad input");
    }

    @Test
    void badValuesAreOneLineErrors(@TempDir Path directory) throws IOException {
        String base = "[calculation]\ndimension = 1\nelectrons = 2\n\n[grid]\nstart = 0.0\nend = 1.0\n";
        assertError(directory, base + "points = 0\n", "grid.points must be a positive integer, got 0");
        assertError(directory, base + "points = 10\nstencil_order = 3\n", "grid.stencil_order must be 2, 4 or 6");
        assertError(directory, base.replace("dimension = 1", "dimension = 2") + "points = 10\n",
                "calculation.dimension must be 1 or 3, got 2");
        assertError(directory, base.replace("electrons = 2", "electrons = -1") + "points = 10\n",
                "calculation.electrons must be a positive number");
        assertError(directory, base + "points = 10\n[functionals]\nxc = \"b3lyp\"\ninteraction = \"exponential\"\n",
                "unknown exchange-correlation functional 'b3lyp'; valid names:");
        CommandRun missing = run("scf", directory.resolve("absent.toml").toString());
        assertEquals(Main.EXIT_FAILURE, missing.code());
        assertTrue(missing.err().contains("input file not found"), missing.err());
    }

    @Test
    void preconditionerKeyIsCheckedWhereItApplies(@TempDir Path directory) throws IOException {
        // the example ends in its [solver] table (optimizer = "tn"): appended keys land there
        String orbitalFree = Files.readString(EXAMPLES.resolve("3d_al_fcc_tfvw.toml"))
                .replace("data/", EXAMPLES.toAbsolutePath().resolve("data") + "/");
        assertError(directory, orbitalFree + "preconditioner = \"kerker\"\n",
                "invalid value 'kerker' for solver.preconditioner; valid values: jellium, none");
        assertError(directory, orbitalFree.replace("optimizer = \"tn\"", "optimizer = \"lbfgs\"")
                + "preconditioner = \"jellium\"\n", "optimizer = \"lbfgs\" takes none");
        assertError(directory, "[calculation]\ndimension = 1\nelectrons = 1\n[grid]\nstart = 0.0\nend = 1.0\n"
                + "points = 10\n[solver]\npreconditioner = \"jellium\"\n", "solver.preconditioner is for 3D");
    }

    @Test
    void inconsistentElectronCountIsRefused(@TempDir Path directory) throws IOException {
        Path input = directory.resolve("al.toml");
        String text = Files.readString(EXAMPLES.resolve("3d_al_fcc_tfvw.toml"))
                .replace("method = \"orbital_free\"", "method = \"orbital_free\"\nelectrons = 4")
                .replace("data/", EXAMPLES.toAbsolutePath().resolve("data") + "/");
        Files.writeString(input, text);
        CommandRun run = run("scf", input.toString(), "--out", directory.resolve("out").toString());
        assertEquals(Main.EXIT_FAILURE, run.code());
        assertTrue(run.err().contains("inconsistent with the pseudopotential valence"), run.err());
    }

    @Test
    void nonConvergedRunWritesResultAndExitsThree(@TempDir Path directory) throws IOException {
        Path input = directory.resolve("h2.toml");
        Files.writeString(input, Files.readString(EXAMPLES.resolve("1d_h2_soft_coulomb_lda.toml"))
                .replace("max_iterations = 100", "max_iterations = 2"));
        CommandRun run = run("scf", input.toString(), "--out", directory.resolve("out").toString(), "--no-plots");
        assertEquals(ScfCommand.EXIT_NOT_CONVERGED, run.code(), run.err());
        assertTrue(run.err().contains("not converged within 2 iterations"), run.err());
        JsonNode result = json(directory.resolve("out").resolve("result.json"));
        assertFalse(result.get("converged").asBoolean());
        assertEquals(2, result.get("convergence").get("history").size());
    }

    private static void assertError(Path directory, String toml, String expected) throws IOException {
        Path input = Files.createTempFile(directory, "input", ".toml");
        Files.writeString(input, toml);
        CommandRun run = run("scf", input.toString(), "--out", directory.resolve("never").toString());
        assertEquals(Main.EXIT_FAILURE, run.code(), toml);
        assertTrue(run.err().contains(expected), "expected '" + expected + "' in: " + run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertFalse(Files.exists(directory.resolve("never")));
    }
}
