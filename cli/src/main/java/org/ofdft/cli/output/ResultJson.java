package org.ofdft.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.ofdft.grids.BoxGrid1D;
import org.ofdft.grids.Grid;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.PeriodicGrid1D;
import org.ofdft.grids.Units;
import org.ofdft.grids.io.AtomicFile;
import org.ofdft.solver.CalculationResult;
import org.ofdft.solver.ConvergenceStep;

/**
 * {@code result.json}: the record of a calculation. Energies in hartree (keys without a unit suffix),
 * with the total also in eV ({@code total_energy_ev}); lengths in bohr.
 */
public final class ResultJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultJson() {
    }

    public static ObjectNode build(CalculationResult result, Map<String, Object> extra, JsonNode input,
                                   String inputFile, String version) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("program", "ofdft");
        root.put("version", version);
        root.put("method", result.method());
        ObjectNode units = root.putObject("units");
        units.put("energy", "hartree");
        units.put("length", "bohr");
        root.put("converged", result.converged());
        root.put("iterations", result.iterations());
        root.put("total_energy", result.totalEnergy());
        root.put("total_energy_ev", Units.hartreeToEv(result.totalEnergy()));
        ObjectNode terms = root.putObject("energy_terms");
        result.energies().terms().forEach(terms::put);
        if (result.chemicalPotential() != null) {
            root.put("chemical_potential", result.chemicalPotential());
        }
        if (result.eigenvalues() != null) {
            ArrayNode eigenvalues = root.putArray("eigenvalues");
            for (double e : result.eigenvalues()) {
                eigenvalues.add(e);
            }
        }
        if (result.occupations() != null) {
            ArrayNode occupations = root.putArray("occupations");
            for (double f : result.occupations()) {
                occupations.add(f);
            }
        }
        root.put("electrons", result.electrons());
        root.set("grid", grid(result.density().grid()));
        ObjectNode convergence = root.putObject("convergence");
        convergence.put("energy_tolerance", result.criteria().energyTolerance());
        convergence.put("residual_tolerance", result.criteria().residualTolerance());
        convergence.put("max_iterations", result.criteria().maxIterations());
        ArrayNode history = convergence.putArray("history");
        for (ConvergenceStep step : result.history()) {
            ObjectNode row = history.addObject();
            row.put("iteration", step.iteration());
            row.put("energy", step.energy());
            row.put("energy_change", step.energyChange());
            row.put("residual", step.residual());
            row.put("evaluations", step.evaluations());
        }
        root.put("wall_seconds", result.wallSeconds());
        extra.forEach((key, value) -> root.set(key, MAPPER.valueToTree(value)));
        root.put("input_file", inputFile);
        root.set("input", input);
        return root;
    }

    public static ObjectNode grid(Grid grid) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("dimension", grid.dimension());
        node.put("points", grid.size());
        if (grid instanceof BoxGrid1D box) {
            node.put("boundary", "box");
            node.put("wall_left", box.wallLeft());
            node.put("wall_right", box.wallRight());
            node.put("spacing", box.spacing());
        } else if (grid instanceof PeriodicGrid1D ring) {
            node.put("boundary", "periodic");
            node.put("start", ring.start());
            node.put("length", ring.length());
            node.put("spacing", ring.spacing());
        } else if (grid instanceof Grid3D cellGrid) {
            ArrayNode shape = node.putArray("shape");
            for (int n : cellGrid.fftShape()) {
                shape.add(n);
            }
            ArrayNode lattice = node.putArray("lattice_vectors");
            for (int i = 0; i < 3; i++) {
                ArrayNode row = lattice.addArray();
                for (double v : cellGrid.cell().latticeVector(i)) {
                    row.add(v);
                }
            }
            node.put("volume", cellGrid.cell().volume());
        }
        return node;
    }

    public static void write(Path file, ObjectNode root) throws IOException {
        AtomicFile.writeString(file, MAPPER.writeValueAsString(root) + "\n");
    }
}
