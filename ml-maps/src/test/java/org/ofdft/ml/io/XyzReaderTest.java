package org.ofdft.ml.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdft.functionals.io.InputFileException;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Units;

class XyzReaderTest {

    static final Path DATA = Path.of("..", "validation-data", "descriptors");
    private static final double BOHR = 0.5291772105638411; // Å, CODATA 2018 as in ASE

    @Test
    void readsTheQm7ExcerptWithCoordinatesInBohrAndTheEnergiesAsInfo() throws IOException {
        List<Atoms> frames = XyzReader.read(DATA.resolve("qm7_first4.xyz"));
        assertEquals(4, frames.size());
        Atoms methane = frames.get(0);
        assertEquals(List.of("C", "H", "H", "H", "H"), methane.species());
        assertArrayEquals(new int[] {6, 1, 1, 1, 1}, methane.atomicNumbers());
        // file: "H 0.678598 0.174941 -1.072044" (Å), third atom
        assertArrayEquals(new double[] {0.678598 / BOHR, 0.174941 / BOHR, -1.072044 / BOHR}, methane.positions()[2], 1e-14);
        assertFalse(methane.isPeriodic());
        assertEquals(-417.031, methane.infoAsDouble("atomization_energy_pbe0_kcal_mol"), 0);
        assertEquals(-711.117, frames.get(1).infoAsDouble("atomization_energy_pbe0_kcal_mol"), 0);
        assertEquals("0004", frames.get(3).info().get("id"));
        assertFalse(methane.info().containsKey("pbc"), "pbc and Properties are structure, not info");
        assertTrue(methane.origin().endsWith("qm7_first4.xyz:1"));
        assertTrue(frames.get(1).origin().endsWith(":8"));
    }

    @Test
    void extendedXyzWithLatticeQuotedValuesAndExtraColumns() throws IOException {
        String text = """
                2
                Lattice="4.05 0 0 0 4.05 0 0 0 4.05" Properties=species:S:1:pos:R:3:forces:R:3:Z:I:1 energy=-3.5 name="two atoms" converged
                Al 0 0 0 0.1 0.2 0.3 13
                Al 2.025 2.025 0 0 0 0 13
                """;
        Atoms atoms = XyzReader.parse("cell.xyz", text).get(0);
        assertTrue(atoms.isPeriodic());
        Cell cell = atoms.cell().orElseThrow();
        assertEquals(4.05 / BOHR, cell.length(0), 1e-12);
        assertEquals(Math.pow(4.05 / BOHR, 3), cell.volume(), 1e-9);
        assertArrayEquals(new double[] {2.025 / BOHR, 2.025 / BOHR, 0}, atoms.positions()[1], 1e-14);
        assertEquals("two atoms", atoms.info().get("name"));
        assertEquals("T", atoms.info().get("converged"));
        assertEquals(-3.5, atoms.infoAsDouble("energy"), 0);
    }

    @Test
    void escapedQuotesAndSpacesAroundEquals() throws IOException {
        Atoms atoms = XyzReader.parse("q.xyz", """
                1
                title = "say \\"hi\\"" pbc="F F F"
                H 0 0 0
                """).get(0);
        assertEquals("say \"hi\"", atoms.info().get("title"));
    }

    @Test
    void plainXyzKeepsTheCommentAndIgnoresExtraColumns() throws IOException {
        List<Atoms> frames = XyzReader.parse("plain.xyz", """
                3
                water, from somewhere
                O 0.0 0.0 0.117 -0.8
                H 0.0 0.757 -0.467 0.4
                H 0.0 -0.757 -0.467 0.4

                1
                a hydrogen atom
                H 1 2 3
                """);
        assertEquals(2, frames.size());
        assertEquals("water, from somewhere", frames.get(0).info().get("comment"));
        assertEquals(Units.angstromToBohr(0.757), frames.get(0).positions()[1][1], 1e-15);
        assertEquals(List.of("H"), frames.get(1).species());
    }

    @Test
    void atomicNumberColumnGivesSpecies() throws IOException {
        Atoms atoms = XyzReader.parse("z.xyz", """
                1
                Properties=Z:I:1:pos:R:3
                8 0 0 0
                """).get(0);
        assertEquals(List.of("O"), atoms.species());
    }

    @Test
    void errorsNameFileAndLine() {
        assertMessage("bad.xyz:1: expected the number of atoms", "x\ncomment\nH 0 0 0\n");
        assertMessage("bad.xyz:3: file ends after 1 of the 2 atoms of the frame starting on line 1", "2\ncomment\nH 0 0 0\n");
        assertMessage("bad.xyz:3: cannot read coordinate y (Å) of atom 1 from 'abc'", "1\ncomment\nH 0 abc 0\n");
        assertMessage("bad.xyz:3: atom 1: 'Xx' is not an element symbol", "1\ncomment\nXx 0 0 0\n");
        assertMessage("bad.xyz:2: Lattice needs 9 numbers", "1\nLattice=\"1 0 0\"\nH 0 0 0\n");
        assertMessage("bad.xyz:2: pbc=\"T T F\": partially periodic", "1\nLattice=\"4 0 0 0 4 0 0 0 4\" pbc=\"T T F\"\nH 0 0 0\n");
        assertMessage("bad.xyz:2: unterminated \" value", "1\nname=\"open\nH 0 0 0\n");
        assertMessage("bad.xyz:2: Properties='species:S:1' has no pos:R:3", "1\nProperties=species:S:1\nH\n");
        assertMessage("bad.xyz:3: atom 1: expected 7 columns (species, pos×3, charge×3), found 4",
                "1\nProperties=species:S:1:pos:R:3:charge:R:3\nH 0 0 0\n");
    }

    @Test
    void missingFileIsReportedByName(@TempDir Path dir) {
        Path missing = dir.resolve("nothing.xyz");
        InputFileException e = assertThrows(InputFileException.class, () -> XyzReader.read(missing));
        assertTrue(e.getMessage().contains("nothing.xyz: no such file"), e.getMessage());
    }

    @Test
    void poscarGoesThroughTheFunctionalsReader() throws IOException {
        Atoms aluminium = StructureFiles.read(DATA.resolve("al_fcc.vasp")).get(0);
        assertEquals(4, aluminium.atomCount());
        assertEquals(Math.pow(4.05 / BOHR, 3), aluminium.cell().orElseThrow().volume(), 1e-9);
        assertArrayEquals(new double[] {2.025 / BOHR, 2.025 / BOHR, 0}, aluminium.positions()[1], 1e-12);
        assertEquals(aluminium.toStructure().positions()[3][2], aluminium.positions()[3][2]);
    }

    @Test
    void extendedXyzRoundTripsThroughStructureFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("one.extxyz");
        Files.writeString(file, "1\nenergy=1.5\nHe 0 0 0\n");
        assertEquals(1.5, StructureFiles.read(file).get(0).infoAsDouble("energy"), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StructureFiles.read(dir.resolve("data.txt")));
        assertTrue(e.getMessage().contains("cannot tell the format"));
    }

    @Test
    void missingInfoKeyIsNamed() throws IOException {
        Atoms atoms = XyzReader.parse("k.xyz", "1\nenergy=1\nH 0 0 0\n").get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> atoms.infoAsDouble("gap"));
        assertTrue(e.getMessage().contains("no 'gap'") && e.getMessage().contains("k.xyz:1"), e.getMessage());
    }

    private static void assertMessage(String expectedStart, String text) {
        InputFileException e = assertThrows(InputFileException.class, () -> XyzReader.parse("bad.xyz", text));
        assertTrue(e.getMessage().startsWith(expectedStart), "message was: " + e.getMessage());
    }
}
