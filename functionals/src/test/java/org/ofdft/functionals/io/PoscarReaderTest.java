package org.ofdft.functionals.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ofdft.functionals.external.Structure;
import org.ofdft.grids.Units;

class PoscarReaderTest {

    private static final Path STRUCTURES = Path.of("src/test/resources/structures");
    private static final double ANGSTROM = 1 / Units.BOHR_IN_ANGSTROM;

    @Test
    void readsTheConventionalAluminiumCell() throws Exception {
        Structure s = PoscarReader.read(STRUCTURES.resolve("fcc.vasp"));
        double a = 4.05 * ANGSTROM;
        assertEquals(4, s.atomCount());
        assertEquals(List.of("Al", "Al", "Al", "Al"), s.species());
        assertEquals(a * a * a, s.cell().volume(), 1e-10);
        assertArrayEquals(new double[] {0.5 * a, 0.5 * a, 0}, s.position(1), 1e-12);
        assertArrayEquals(new double[] {0, 0.5 * a, 0.5 * a}, s.position(3), 1e-12);
    }

    @Test
    void readsTwoSpeciesInOrder() throws Exception {
        Structure s = PoscarReader.read(STRUCTURES.resolve("GaAs.vasp"));
        double a = 5.7501826286 * ANGSTROM;
        assertEquals(8, s.atomCount());
        assertEquals(List.of("Ga", "Ga", "Ga", "Ga", "As", "As", "As", "As"), s.species());
        assertEquals(4, s.speciesCounts().get("As"));
        assertArrayEquals(new double[] {0.25 * a, 0.25 * a, 0.75 * a}, s.position(4), 1e-12);
    }

    @Test
    void takesVasp4SpeciesFromTheCommentLine() throws Exception {
        Structure s = PoscarReader.read(STRUCTURES.resolve("Mg8.vasp"));
        assertEquals(8, s.atomCount());
        assertEquals("Mg", s.speciesOf(7));
        double[] fractional = s.fractionalPosition(2);
        assertArrayEquals(new double[] {0.5, 0.383525053040402, 0.5}, fractional, 1e-14);
        assertEquals(20.2080089581052 * ANGSTROM, s.cell().length(0), 1e-12);
    }

    @Test
    void cartesianSelectiveDynamicsAndVolumeScale() throws Exception {
        // Negative scale: the cell volume in Å³ (here 8 Å³ → a cube of 2 Å); Cartesian positions are scaled too.
        List<String> lines = List.of(
                "two atoms",
                "  -8.0",
                "1 0 0", "0 1 0", "0 0 1",
                "H_h He/abc123",
                "1 1",
                "selective dynamics",
                "cartesian",
                "0.0 0.0 0.0 T T F",
                "0.25 0.5 0.75 F F F He",
                "",
                "0 0 0");
        Structure s = PoscarReader.parse("test.vasp", lines);
        assertEquals(List.of("H", "He"), s.species());
        double two = 2 * ANGSTROM;
        assertEquals(two * two * two, s.cell().volume(), 1e-10);
        assertArrayEquals(new double[] {0.5 * ANGSTROM, 1.0 * ANGSTROM, 1.5 * ANGSTROM}, s.position(1), 1e-12);
    }

    @Test
    void threeScaleFactorsScaleTheCartesianAxes() throws Exception {
        List<String> lines = List.of("c", "1.0 2.0 3.0", "1 0 0", "0 1 0", "0 0 1", "Si", "1", "Direct",
                "0.5 0.5 0.5");
        Structure s = PoscarReader.parse("three.vasp", lines);
        assertEquals(6 * ANGSTROM * ANGSTROM * ANGSTROM, s.cell().volume(), 1e-10);
        assertArrayEquals(new double[] {0.5 * ANGSTROM, ANGSTROM, 1.5 * ANGSTROM}, s.position(0), 1e-12);
    }

    @Test
    void truncatedFileNamesFileAndLine() {
        List<String> lines = List.of("c", "4.05", "1 0 0", "0 1 0", "0 0 1", "Al", "4", "Direct",
                "0 0 0", "0.5 0.5 0");
        InputFileException e = assertThrows(InputFileException.class, () -> PoscarReader.parse("cut.vasp", lines));
        assertEquals(10, e.line());
        assertTrue(e.getMessage().startsWith("cut.vasp:10:"), e.getMessage());
        assertTrue(e.getMessage().contains("atom 3 of 4"), e.getMessage());
    }

    @Test
    void garbledNumberNamesFileAndLine() {
        List<String> lines = List.of("c", "4.05", "1 0 0", "0 1.x 0", "0 0 1", "Al", "1", "Direct", "0 0 0");
        InputFileException e = assertThrows(InputFileException.class, () -> PoscarReader.parse("bad.vasp", lines));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("bad.vasp:4:") && e.getMessage().contains("1.x"), e.getMessage());
    }

    @Test
    void inconsistentCountsAndMissingSpeciesAreRefused() {
        List<String> counts = List.of("c", "1", "1 0 0", "0 1 0", "0 0 1", "Ga As", "4", "Direct", "0 0 0");
        InputFileException e = assertThrows(InputFileException.class, () -> PoscarReader.parse("n.vasp", counts));
        assertEquals(7, e.line());
        List<String> vasp4 = List.of("no names here", "1", "1 0 0", "0 1 0", "0 0 1", "1", "Direct", "0 0 0");
        e = assertThrows(InputFileException.class, () -> PoscarReader.parse("v4.vasp", vasp4));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("species"), e.getMessage());
        List<String> singular = List.of("c", "1", "1 0 0", "2 0 0", "0 0 1", "Al", "1", "Direct", "0 0 0");
        e = assertThrows(InputFileException.class, () -> PoscarReader.parse("s.vasp", singular));
        assertTrue(e.getMessage().startsWith("s.vasp:3:"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        InputFileException e = assertThrows(InputFileException.class,
                () -> PoscarReader.read(STRUCTURES.resolve("nothing.vasp")));
        assertTrue(e.getMessage().contains("nothing.vasp"), e.getMessage());
    }
}
