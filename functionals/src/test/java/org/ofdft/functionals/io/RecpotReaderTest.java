package org.ofdft.functionals.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ofdft.functionals.external.TabulatedFormFactor;
import org.ofdft.grids.Units;

class RecpotReaderTest {

    static final Path PSEUDOPOTENTIALS = Path.of("src/test/resources/pseudopotentials");

    @Test
    void readsAluminiumBlps() throws Exception {
        TabulatedFormFactor al = RecpotReader.read(PSEUDOPOTENTIALS.resolve("al.lda.recpot"));
        assertEquals(3.0, al.valenceCharge());
        assertEquals(15003, al.size());
        // q_max = 56.6993428892377764 1/Å = 30.004 1/bohr over 15002 intervals (the comment's "0.002 bohr^-1")
        assertEquals(56.6993428892377764 * Units.BOHR_IN_ANGSTROM / 15002, al.spacing(), 1e-17);
        assertEquals(0.002, al.spacing(), 1e-11);
        // v0 = 1.0116473951037798E+02 eV Å³ → Ha bohr³ (value from DFTpy's conversion, numpy)
        assertEquals(25.08852367815653, al.formFactor(0), 1e-13);
        // The tail: v1 ≈ α − 4πZ/Δq² (−3.8003534206187539E+07 eV Å³)
        assertEquals(-3.8003534206187539E+07 / Units.HARTREE_IN_EV / Math.pow(Units.BOHR_IN_ANGSTROM, 3),
                al.formFactor(al.spacing()), 1e-6);
        assertEquals(0.0, al.formFactor(30.1));
    }

    @Test
    void interpolatesLikeScipySplrepAsDftpyDoes() throws Exception {
        TabulatedFormFactor al = RecpotReader.read(PSEUDOPOTENTIALS.resolve("al.lda.recpot"));
        // scipy 1.17 splev(q, splrep(gp[1:], vp[1:], k=3)) on DFTpy's gp, vp (see validation-data/dftpy/README.md)
        double[][] reference = {
                {0.123456, -2448.399258423286}, {0.7312, -46.39564557517461}, {1.5, 2.9630135146654526},
                {2.2222, 5.815385278183047}, {3.14159, 2.889708260308842}, {5.5, -0.020900713980290683},
                {7.77, 0.00119345929775028}, {12.3456, 3.2564147875549264e-05}, {25.0, 4.0892137483436196e-05},
                {29.9, 3.5567146338414734e-05}};
        for (double[] r : reference) {
            double v = al.formFactor(r[0]);
            assertEquals(r[1], v, 1e-12 * Math.abs(r[1]) + 1e-17, "q = " + r[0]);
        }
    }

    @Test
    void readsOtherBlpsFormats() throws Exception {
        // si: empty comment, 3003 values, q_max 15 1/bohr; ga: Fortran E+001 exponents, q_max 10 1/bohr
        TabulatedFormFactor si = RecpotReader.read(PSEUDOPOTENTIALS.resolve("si.lda.recpot"));
        assertEquals(4.0, si.valenceCharge());
        assertEquals(3003, si.size());
        assertEquals(24.641825377138158, si.formFactor(0), 1e-12);
        TabulatedFormFactor ga = RecpotReader.read(PSEUDOPOTENTIALS.resolve("ga.lda.recpot"));
        assertEquals(3.0, ga.valenceCharge());
        assertEquals(2001, ga.size());
        assertEquals(0.005, ga.spacing(), 1e-10);
        assertEquals(21.662627891129898, ga.formFactor(0), 1e-12);
    }

    @Test
    void truncatedFileIsAnErrorWithFileAndLine() throws Exception {
        List<String> lines = Files.readAllLines(PSEUDOPOTENTIALS.resolve("al.lda.recpot"), StandardCharsets.US_ASCII);
        List<String> cut = new ArrayList<>(lines.subList(0, 2500));
        InputFileException e = assertThrows(InputFileException.class, () -> RecpotReader.parse("al.cut.recpot", cut));
        assertTrue(e.getMessage().startsWith("al.cut.recpot:2500:"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());

        // a number cut inside its exponent
        List<String> cutMidNumber = new ArrayList<>(lines.subList(0, 2499));
        cutMidNumber.add("     -4.2225249877482513E+06          -2.3751260462345346E+");
        cutMidNumber.add("  1000");
        e = assertThrows(InputFileException.class, () -> RecpotReader.parse("al.mid.recpot", cutMidNumber));
        assertEquals(2500, e.line());
        assertTrue(e.getMessage().contains("al.mid.recpot:2500:"), e.getMessage());
    }

    @Test
    void garbledFilesAreRefusedWithTheirLine() throws Exception {
        List<String> lines = Files.readAllLines(PSEUDOPOTENTIALS.resolve("al.lda.recpot"), StandardCharsets.US_ASCII);
        List<String> garbled = new ArrayList<>(lines);
        garbled.set(99, garbled.get(99).replace('E', '#'));
        InputFileException e = assertThrows(InputFileException.class, () -> RecpotReader.parse("g.recpot", garbled));
        assertEquals(100, e.line());

        List<String> noComment = new ArrayList<>(lines.subList(7, lines.size()));
        e = assertThrows(InputFileException.class, () -> RecpotReader.parse("nc.recpot", noComment));
        assertTrue(e.getMessage().contains("END COMMENT"), e.getMessage());

        List<String> badVersion = new ArrayList<>(lines);
        badVersion.set(7, "three five"); // line 8, after END COMMENT on line 7
        e = assertThrows(InputFileException.class, () -> RecpotReader.parse("v.recpot", badVersion));
        assertEquals(8, e.line());

        List<String> nonlocal = new ArrayList<>(lines.subList(0, 20));
        nonlocal.add("1");
        nonlocal.add("1.0 2.0 3.0");
        nonlocal.add("1000");
        e = assertThrows(InputFileException.class, () -> RecpotReader.parse("nl.recpot", nonlocal));
        assertEquals(21, e.line());
        assertTrue(e.getMessage().contains("nonlocal"), e.getMessage());
    }
}
