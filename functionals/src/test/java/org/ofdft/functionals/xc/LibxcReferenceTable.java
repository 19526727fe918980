package org.ofdft.functionals.xc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reader for {@code validation-data/libxc/xc_table.txt} (libxc 5.2.3, printed by {@code xc_table.c}).
 *
 * <p>Layout: a section starts with {@code # LABEL  (libxc id N: name)  dens_threshold=T  [grid]}, then one
 * {@code #} column-header line, then rows. LDA rows have 4 columns {@code n ε e vrho}; GGA rows have 7:
 * {@code n |∇n| s ε e vrho vsigma} (σ = |∇n|²).
 */
final class LibxcReferenceTable {

    /** Path from the module directory, Maven's working directory for tests. */
    static final Path PATH = Path.of("..", "validation-data", "libxc", "xc_table.txt");

    private static final Pattern SECTION =
            Pattern.compile("^#\\s+(\\S+)\\s+\\(libxc id (\\d+):.*\\)\\s+dens_threshold=(\\S+)\\s*(\\[.*])?\\s*$");

    record Row(int line, double n, double gradN, double s, double eps, double e, double vrho, double vsigma) {
        double sigma() {
            return gradN * gradN;
        }

        String describe() {
            return Double.isNaN(gradN)
                    ? String.format("line %d (n = %.3e)", line, n)
                    : String.format("line %d (n = %.3e, |grad n| = %.6e, s = %.4g)", line, n, gradN, s);
        }
    }

    record Section(String label, int libxcId, double densityThreshold, String grid, List<Row> rows) {
    }

    private LibxcReferenceTable() {
    }

    static List<Section> read() {
        try {
            return parse(Files.readAllLines(PATH));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + PATH.toAbsolutePath(), ex);
        }
    }

    /** Every section with this label (GGA functionals appear twice: |∇n| grid and s grid). */
    static List<Section> sections(String label) {
        List<Section> found = new ArrayList<>();
        for (Section section : read()) {
            if (section.label().equals(label)) {
                found.add(section);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no section " + label + " in " + PATH);
        }
        return found;
    }

    static List<Section> parse(List<String> lines) {
        List<Section> sections = new ArrayList<>();
        String label = null;
        int id = -1;
        double threshold = Double.NaN;
        String grid = "";
        List<Row> rows = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher m = SECTION.matcher(line);
                if (m.matches()) {
                    if (rows != null) {
                        sections.add(new Section(label, id, threshold, grid, List.copyOf(rows)));
                    }
                    label = m.group(1);
                    id = Integer.parseInt(m.group(2));
                    threshold = Double.parseDouble(m.group(3));
                    grid = m.group(4) == null ? "" : m.group(4);
                    rows = new ArrayList<>();
                }
                continue;
            }
            if (rows == null) {
                throw new IllegalStateException("data before the first section header at line " + (i + 1));
            }
            String[] f = line.split("\\s+");
            double[] v = new double[f.length];
            for (int k = 0; k < f.length; k++) {
                v[k] = Double.parseDouble(f[k]);
            }
            if (f.length == 4) {
                rows.add(new Row(i + 1, v[0], Double.NaN, Double.NaN, v[1], v[2], v[3], Double.NaN));
            } else if (f.length == 7) {
                rows.add(new Row(i + 1, v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
            } else {
                throw new IllegalStateException("line " + (i + 1) + ": expected 4 or 7 columns, got " + f.length);
            }
        }
        if (rows != null) {
            sections.add(new Section(label, id, threshold, grid, List.copyOf(rows)));
        }
        return sections;
    }
}
