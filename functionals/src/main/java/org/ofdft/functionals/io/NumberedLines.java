package org.ofdft.functionals.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** The lines of a text file with their 1-based numbers, and number parsing that names the place of an error. */
final class NumberedLines {

    private final String source;
    private final List<String> lines;

    NumberedLines(String source, List<String> lines) {
        this.source = source;
        this.lines = List.copyOf(lines);
    }

    static NumberedLines read(Path file) throws IOException {
        try {
            return new NumberedLines(file.toString(), Files.readAllLines(file, StandardCharsets.ISO_8859_1));
        } catch (NoSuchFileException e) {
            throw new InputFileException(file.toString(), 0, "no such file", e);
        }
    }

    String source() {
        return source;
    }

    int count() {
        return lines.size();
    }

    /** Line {@code number} (1-based). */
    String line(int number) {
        return lines.get(number - 1);
    }

    /** Line {@code number}, or an error saying the file ends before it and what was expected there. */
    String require(int number, String expected) throws InputFileException {
        if (number > lines.size()) {
            throw error(Math.max(lines.size(), 1), "file ends after line " + lines.size() + "; expected " + expected
                    + " on line " + number);
        }
        return lines.get(number - 1);
    }

    InputFileException error(int line, String problem) {
        return new InputFileException(source, line, problem);
    }

    /**
     * A floating-point number, also in Fortran's D exponent notation (1.0D-3); otherwise an error naming
     * the line and what the token should have been.
     */
    double parseDouble(String token, int line, String what) throws InputFileException {
        String t = token.strip();
        try {
            if (t.indexOf('d') >= 0 || t.indexOf('D') >= 0) {
                t = t.replace('d', 'e').replace('D', 'e');
            }
            if (t.isEmpty() || t.endsWith("f") || t.endsWith("F")) {
                throw new NumberFormatException(); // Java would accept "1.0f"; Fortran and C never write it
            }
            double value = Double.parseDouble(t);
            if (!Double.isFinite(value)) {
                throw error(line, what + " is not finite: '" + token + "'");
            }
            return value;
        } catch (NumberFormatException e) {
            throw error(line, "cannot read " + what + " from '" + token + "'");
        }
    }

    int parseInt(String token, int line, String what) throws InputFileException {
        try {
            return Integer.parseInt(token.strip());
        } catch (NumberFormatException e) {
            throw error(line, "cannot read " + what + " (an integer) from '" + token + "'");
        }
    }

    /** Whitespace-separated tokens of a line. */
    static String[] tokens(String line) {
        String stripped = line.strip();
        return stripped.isEmpty() ? new String[0] : stripped.split("\\s+");
    }
}
