package org.ofdft.ml.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The whole QM7 file of the shared data, when it is there (it is not part of the repository). */
class Qm7FileTest {

    private static final Path QM7 = Path.of("..", "..", "shared", "datasets", "qm7", "qm7.xyz");

    @Test
    void readsAll7101MoleculesWithTheirEnergies() throws IOException {
        assumeTrue(Files.exists(QM7), "shared/datasets/qm7/qm7.xyz not present");
        List<Atoms> molecules = XyzReader.read(QM7);
        assertEquals(7101, molecules.size()); // shared/README.md: 7101 of QM7's 7165 molecules
        TreeSet<String> elements = new TreeSet<>();
        int largest = 0;
        for (Atoms molecule : molecules) {
            elements.addAll(molecule.species());
            largest = Math.max(largest, molecule.atomCount());
            double energy = molecule.infoAsDouble("atomization_energy_pbe0_kcal_mol");
            assertTrue(energy < 0 && energy > -3000, molecule.origin() + ": " + energy);
        }
        assertEquals(List.of("C", "H", "N", "O", "S"), List.copyOf(elements));
        assertEquals(23, largest);
    }
}
