package org.ofdft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdft.ml.data.Dataset1D;

class DataCommandTest {

    private static int run(StringWriter err, String... args) {
        return Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    }

    @Test
    void writesASnyderDatasetThatReadsBack(@TempDir Path directory) throws IOException {
        Path out = directory.resolve("train.npz");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "data", "snyder", "--electrons", "2", "--count", "5", "--seed", "3", "--out",
                out.toString()), err.toString());
        Dataset1D data = Dataset1D.read(out);
        assertEquals(5, data.size());
        assertEquals(500, data.gridPoints());
        assertEquals(2.0, data.numElectrons()[4]);
        assertTrue(data.hasKineticEnergies());
        // the same seed gives the same data
        Path again = directory.resolve("again");
        assertEquals(0, run(err, "data", "snyder", "--electrons", "2", "--count", "5", "--seed", "3", "--out",
                again.toString()));
        assertEquals(data, Dataset1D.read(again));
    }

    @Test
    void badArgumentsFailWithoutOutput(@TempDir Path directory) {
        Path out = directory.resolve("bad.npz");
        StringWriter err = new StringWriter();
        assertEquals(Main.EXIT_FAILURE, run(err, "data", "snyder", "--electrons", "0", "--out", out.toString()));
        assertTrue(err.toString().contains("--electrons must be positive"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(Main.EXIT_FAILURE, run(err2, "data", "snyder", "--electrons", "1", "--discretization", "fd5",
                "--out", out.toString()));
        assertTrue(err2.toString().contains("valid: sine, fd3"), err2.toString());
        StringWriter err3 = new StringWriter();
        assertEquals(Main.EXIT_FAILURE, run(err3, "data", "snyder", "--electrons", "1", "--paper-potentials",
                directory.resolve("missing.txt").toString(), "--out", out.toString()));
        assertFalse(Files.exists(out));
    }
}
