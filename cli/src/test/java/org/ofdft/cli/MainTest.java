package org.ofdft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsOnlyWorkingCommands() {
        Run run = run("--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("info"), run.out());
    }

    @Test
    void versionIsStamped() {
        Run run = run("--version");
        assertEquals(0, run.code());
        assertTrue(run.out().startsWith("ofdft "), run.out());
        assertFalse(run.out().contains("${"), "version not filtered: " + run.out());
    }

    @Test
    void infoReportsBackends() {
        Run run = run("info", "--threads", "1");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("jtransforms"), run.out());
        assertTrue(run.out().contains("active fft  java (1 thread, SIMD butterflies"), run.out());
    }

    @Test
    void badInputIsOneLineErrorWithNonZeroExit() {
        Run unknownBackend = run("info", "--fft", "nope");
        assertEquals(Main.EXIT_FAILURE, unknownBackend.code());
        assertEquals("ofdft info: error: unknown FFT backend 'nope'; valid names: "
                + String.join(", ", org.ofdft.grids.fft.FftBackends.names()), unknownBackend.err().strip());
        assertEquals("", unknownBackend.out(), "no partial output before the error");

        Run zeroThreads = run("info", "--threads", "0");
        assertEquals(Main.EXIT_FAILURE, zeroThreads.code());
        assertTrue(zeroThreads.err().contains("--threads must be at least 1"), zeroThreads.err());

        Run notInteger = run("info", "--threads", "two");
        assertEquals(Main.EXIT_USAGE, notInteger.code());
        assertTrue(notInteger.err().startsWith("ofdft: error: Invalid value"), notInteger.err());

        Run unknownCommand = run("frobnicate");
        assertEquals(Main.EXIT_USAGE, unknownCommand.code());
    }
}
