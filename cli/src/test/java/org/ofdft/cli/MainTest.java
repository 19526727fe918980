package org.ofdft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ofdft.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void helpListsOnlyWorkingCommands() {
        CommandRun run = run("--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("info"), run.out());
    }

    @Test
    void versionIsStamped() {
        CommandRun run = run("--version");
        assertEquals(0, run.code());
        assertTrue(run.out().startsWith("ofdft "), run.out());
        assertFalse(run.out().contains("${"), "version not filtered: " + run.out());
    }

    @Test
    void infoReportsBackends() {
        CommandRun run = run("info", "--threads", "1");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("jtransforms"), run.out());
        assertTrue(run.out().contains("active fft  java (1 thread, SIMD butterflies"), run.out());
    }

    @Test
    void badInputIsOneLineErrorWithNonZeroExit() {
        CommandRun unknownBackend = run("info", "--fft", "nope");
        assertEquals(Main.EXIT_FAILURE, unknownBackend.code());
        assertEquals("ofdft info: error: unknown FFT backend 'nope'; valid names: "
                + String.join(", ", org.ofdft.grids.fft.FftBackends.names()), unknownBackend.err().strip());
        assertEquals("", unknownBackend.out(), "no partial output before the error");

        CommandRun zeroThreads = run("info", "--threads", "0");
        assertEquals(Main.EXIT_FAILURE, zeroThreads.code());
        assertTrue(zeroThreads.err().contains("--threads must be at least 1"), zeroThreads.err());

        CommandRun notInteger = run("info", "--threads", "two");
        assertEquals(Main.EXIT_USAGE, notInteger.code());
        assertTrue(notInteger.err().startsWith("ofdft: error: Invalid value"), notInteger.err());

        CommandRun unknownCommand = run("frobnicate");
        assertEquals(Main.EXIT_USAGE, unknownCommand.code());
    }
}
