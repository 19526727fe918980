package org.ofdft.functionals.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdft.functionals.external.RadialLocalPseudopotential;

class UpfReaderTest {

    private static final Path PSEUDOPOTENTIALS = RecpotReaderTest.PSEUDOPOTENTIALS;

    private static String text(String name) throws Exception {
        return Files.readString(PSEUDOPOTENTIALS.resolve(name), StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsAluminiumBlpsWithItsDummyProjector() throws Exception {
        UpfPseudopotential al = UpfReader.read(PSEUDOPOTENTIALS.resolve("al.lda.upf"));
        assertEquals("Al", al.element());
        assertEquals("PBE", al.functional()); // wrong in the file (it is LDA), reported as written
        assertEquals(3.0, al.valenceCharge());
        assertEquals(1601, al.radii().length);
        assertEquals(16.0, al.radii()[1600], 1e-14);
        assertEquals(0.01, al.rab()[7], 1e-16);
        // PP_LOCAL in Ry: 3.122677204642942 at r = 0, −0.375 = −2Z/r at r = 16
        assertEquals(3.122677204642942 / 2, al.localPotential()[0], 1e-15);
        assertEquals(-0.1875, al.localPotential()[1600], 1e-15);
        assertEquals(1, al.projectors().size());
        UpfPseudopotential.Projector beta = al.projectors().get(0);
        assertEquals(0, beta.angularMomentum());
        assertFalse(beta.active());
        assertTrue(al.isLocal());
        RadialLocalPseudopotential local = UpfReader.readLocal(PSEUDOPOTENTIALS.resolve("al.lda.upf"));
        assertEquals(3.0, local.valenceCharge());
    }

    @Test
    void readsMagnesiumOeppOnALogarithmicMesh() throws Exception {
        UpfPseudopotential mg = UpfReader.read(PSEUDOPOTENTIALS.resolve("Mg_OEPP_PZ.UPF"));
        assertEquals(2.0, mg.valenceCharge());
        assertEquals(489, mg.radii().length);
        assertEquals(5.2083333333333E-4, mg.radii()[0], 1e-16);
        assertEquals(1, mg.projectors().size());
        assertEquals(1, mg.projectors().get(0).angularMomentum());
        assertTrue(mg.isLocal(), "D = 0: the l = 1 projector does not act");
        RadialLocalPseudopotential local = mg.localPseudopotential();
        assertTrue(Double.isFinite(local.nonCoulombIntegral()));
    }

    @Test
    void actingProjectorsAreReportedByName(@TempDir Path directory) throws Exception {
        String text = text("al.lda.upf");
        // give the dummy projector a shape and a coefficient
        int beta = text.indexOf("<PP_BETA.1");
        int firstValue = text.indexOf("0.000000000000000E+00", beta);
        String withBeta = text.substring(0, firstValue) + "1.234567890123456E+00"
                + text.substring(firstValue + "0.000000000000000E+00".length());
        int dij = withBeta.indexOf("<PP_DIJ");
        int dValue = withBeta.indexOf("0.000000000000000E+00", dij);
        String withD = withBeta.substring(0, dValue) + "3.000000000000000E+00"
                + withBeta.substring(dValue + "0.000000000000000E+00".length());
        UpfPseudopotential nonlocal = UpfReader.parse("nl.upf", withD);
        assertFalse(nonlocal.isLocal());
        assertEquals(1.5, nonlocal.activeProjectors().get(0).maxCoefficient(), 0.0); // 3 Ry
        IllegalStateException e = assertThrows(IllegalStateException.class, nonlocal::localPseudopotential);
        assertTrue(e.getMessage().contains("PP_BETA.1") && e.getMessage().contains("nl.upf"), e.getMessage());
        Path file = directory.resolve("nonlocal.upf");
        Files.writeString(file, withD, StandardCharsets.ISO_8859_1);
        InputFileException refused = assertThrows(InputFileException.class, () -> UpfReader.readLocal(file));
        assertTrue(refused.getMessage().startsWith(file + ": has nonlocal projectors PP_BETA.1 (l = 0"),
                refused.getMessage());
        // a coefficient without a projector shape still acts as nothing
        UpfPseudopotential shapeless = UpfReader.parse("d.upf",
                withD.replace("1.234567890123456E+00", "0.000000000000000E+00"));
        assertTrue(shapeless.isLocal());
    }

    @Test
    void truncatedAndGarbledFilesNameTheLine() throws Exception {
        String text = text("al.lda.upf");
        // cut inside PP_LOCAL (which starts on line 848)
        String cut = text.substring(0, text.indexOf("<PP_LOCAL") + 2000);
        InputFileException e = assertThrows(InputFileException.class, () -> UpfReader.parse("cut.upf", cut));
        assertTrue(e.getMessage().startsWith("cut.upf:"), e.getMessage());
        assertTrue(e.line() > 848, e.getMessage());
        assertTrue(e.getMessage().contains("PP_LOCAL"), e.getMessage());

        // values missing inside a complete element
        int local = text.indexOf("<PP_LOCAL");
        int line2 = text.indexOf('\n', text.indexOf('\n', local) + 1);
        String missing = text.substring(0, line2) + text.substring(text.indexOf('\n', line2 + 1));
        e = assertThrows(InputFileException.class, () -> UpfReader.parse("missing.upf", missing));
        assertTrue(e.getMessage().contains("expected 1601"), e.getMessage());

        // a garbled number on line 900
        String[] lines = text.split("\n", -1);
        lines[899] = lines[899].replaceFirst("E", "Q");
        String garbled = String.join("\n", lines);
        e = assertThrows(InputFileException.class, () -> UpfReader.parse("garbled.upf", garbled));
        assertEquals(900, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("garbled.upf:900:"), e.getMessage());

        e = assertThrows(InputFileException.class, () -> UpfReader.parse("v1.upf",
                "<PP_INFO>\n</PP_INFO>\n<PP_HEADER>\n 0 Al\n</PP_HEADER>\n"));
        assertTrue(e.getMessage().contains("version 1"), e.getMessage());
        assertEquals(3, e.line());

        String noZ = text.replace("z_valence=\"3.0\"", "");
        e = assertThrows(InputFileException.class, () -> UpfReader.parse("noz.upf", noZ));
        assertEquals(13, e.line());
    }
}
