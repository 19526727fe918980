package org.ofdft.ml.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ofdft.functionals.io.InputFileException;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Units;

/**
 * Reads XYZ and extended XYZ files (one or many frames) into {@link Atoms}; coordinates and lattice
 * vectors are in <b>ångström</b> in the file and in <b>bohr</b> (÷ 0.5291772105638411) after reading.
 *
 * <p>Each frame is
 * <pre>
 *   N                                   number of atoms
 *   comment line                        free text, or extended-XYZ key=value pairs
 *   symbol x y z [more columns]         N lines
 * </pre>
 * The comment line follows ASE's extended-XYZ convention when it holds a {@code key=value} pair:
 * whitespace-separated {@code key=value} pairs, values in double quotes when they contain spaces (with
 * {@code \"} and {@code \\} escapes), a bare {@code key} meaning {@code key=T}. Recognised keys:
 * <ul>
 *   <li>{@code Properties=name:type:columns:…} — the per-atom columns, e.g. {@code species:S:1:pos:R:3}
 *       (types S string, R real, I integer, L logical). Species come from {@code species} (or an
 *       integer {@code Z} column), positions from {@code pos}; other columns are checked for their count
 *       and skipped. Without {@code Properties} the columns are {@code species:S:1:pos:R:3}.</li>
 *   <li>{@code Lattice="a1x a1y a1z a2x a2y a2z a3x a3y a3z"} (Å) and {@code pbc="T T T"}: a periodic
 *       cell; {@code pbc} defaults to all true when a lattice is given (as in ASE). {@code pbc="F F F"}
 *       gives a molecule; partial periodicity is not supported and is an error.</li>
 *   <li>every other pair goes, as written, into {@link Atoms#info()} (e.g. QM7's
 *       {@code atomization_energy_pbe0_kcal_mol}).</li>
 * </ul>
 * A comment line without any {@code =} is kept whole as {@code info["comment"]}. Errors name the file and
 * line ({@link InputFileException}).
 */
public final class XyzReader {

    private XyzReader() {
    }

    /** All frames of an XYZ / extended XYZ file. */
    public static List<Atoms> read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), reader);
        } catch (NoSuchFileException e) {
            throw new InputFileException(file.toString(), 0, "no such file", e);
        }
    }

    /** All frames of XYZ text; {@code source} names it in error messages. */
    public static List<Atoms> parse(String source, String text) throws IOException {
        return parse(source, new BufferedReader(new StringReader(text)));
    }

    /** All frames read from {@code reader}; {@code source} names it in error messages. */
    public static List<Atoms> parse(String source, BufferedReader reader) throws IOException {
        List<Atoms> frames = new ArrayList<>();
        int lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue; // blank lines between or after frames
            }
            int countLine = lineNumber;
            int count;
            try {
                count = Integer.parseInt(line.strip());
            } catch (NumberFormatException e) {
                throw new InputFileException(source, countLine, "expected the number of atoms of a frame, found '"
                        + line.strip() + "'");
            }
            if (count < 0) {
                throw new InputFileException(source, countLine, "negative number of atoms: " + count);
            }
            String comment = reader.readLine();
            lineNumber++;
            if (comment == null) {
                throw new InputFileException(source, countLine, "file ends after the atom count; expected a comment line");
            }
            Header header = Header.parse(source, lineNumber, comment);
            List<String> species = new ArrayList<>(count);
            double[][] positions = new double[count][3];
            for (int a = 0; a < count; a++) {
                String atomLine = reader.readLine();
                lineNumber++;
                if (atomLine == null) {
                    throw new InputFileException(source, lineNumber - 1, "file ends after " + a + " of the " + count
                            + " atoms of the frame starting on line " + countLine);
                }
                header.readAtom(source, lineNumber, atomLine, a, species, positions[a]);
            }
            frames.add(new Atoms(species, positions, header.cell, header.info, source + ":" + countLine));
        }
        return frames;
    }

    /** The parsed comment line: column layout, cell and remaining information. */
    private static final class Header {
        final Map<String, String> info = new LinkedHashMap<>();
        final List<Column> columns = new ArrayList<>();
        int totalColumns;
        boolean extended;
        Cell cell;

        record Column(String name, char type, int width, int offset) {
        }

        static Header parse(String source, int line, String comment) throws InputFileException {
            Header header = new Header();
            Map<String, String> pairs = keyValuePairs(source, line, comment);
            if (pairs == null) {
                header.info.put("comment", comment.strip());
                header.setColumns(source, line, "species:S:1:pos:R:3");
                return header;
            }
            header.extended = true;
            String properties = pairs.remove("Properties");
            header.setColumns(source, line, properties == null ? "species:S:1:pos:R:3" : properties);
            String lattice = pairs.remove("Lattice");
            String pbc = pairs.remove("pbc");
            header.setCell(source, line, lattice, pbc);
            header.info.putAll(pairs);
            return header;
        }

        void setColumns(String source, int line, String properties) throws InputFileException {
            String[] parts = properties.split(":");
            if (parts.length % 3 != 0) {
                throw new InputFileException(source, line, "Properties='" + properties
                        + "' must be name:type:columns triples (e.g. species:S:1:pos:R:3)");
            }
            int offset = 0;
            for (int p = 0; p < parts.length; p += 3) {
                String name = parts[p];
                if (parts[p + 1].length() != 1 || "SRIL".indexOf(parts[p + 1].charAt(0)) < 0) {
                    throw new InputFileException(source, line, "Properties: type of column '" + name + "' is '"
                            + parts[p + 1] + "'; valid types are S, R, I, L");
                }
                int width;
                try {
                    width = Integer.parseInt(parts[p + 2]);
                } catch (NumberFormatException e) {
                    width = -1;
                }
                if (width < 1) {
                    throw new InputFileException(source, line, "Properties: column count of '" + name + "' is '"
                            + parts[p + 2] + "'; expected a positive integer");
                }
                columns.add(new Column(name, parts[p + 1].charAt(0), width, offset));
                offset += width;
            }
            totalColumns = offset;
            Column pos = column("pos");
            if (pos == null || pos.type != 'R' || pos.width != 3) {
                throw new InputFileException(source, line, "Properties='" + properties
                        + "' has no pos:R:3 column (the atomic positions)");
            }
            Column species = column("species");
            Column z = column("Z");
            if (!(species != null && species.type == 'S' && species.width == 1)
                    && !(z != null && z.type == 'I' && z.width == 1)) {
                throw new InputFileException(source, line, "Properties='" + properties
                        + "' has neither a species:S:1 nor a Z:I:1 column");
            }
        }

        Column column(String name) {
            for (Column c : columns) {
                if (c.name.equals(name)) {
                    return c;
                }
            }
            return null;
        }

        void setCell(String source, int line, String lattice, String pbc) throws InputFileException {
            boolean periodic = lattice != null;
            if (pbc != null) {
                String[] flags = pbc.strip().split("\\s+");
                if (flags.length != 3) {
                    throw new InputFileException(source, line, "pbc=\"" + pbc + "\" needs three flags (T/F)");
                }
                int trueCount = 0;
                for (String flag : flags) {
                    Boolean value = logical(flag);
                    if (value == null) {
                        throw new InputFileException(source, line, "pbc flag '" + flag + "' is not T/F/True/False");
                    }
                    trueCount += value ? 1 : 0;
                }
                if (trueCount == 1 || trueCount == 2) {
                    throw new InputFileException(source, line, "pbc=\"" + pbc
                            + "\": partially periodic systems are not supported (use T T T or F F F)");
                }
                if (trueCount == 3 && lattice == null) {
                    throw new InputFileException(source, line, "pbc=\"" + pbc + "\" without a Lattice");
                }
                periodic = trueCount == 3;
            }
            if (!periodic) {
                return;
            }
            String[] t = lattice.strip().split("\\s+");
            if (t.length != 9) {
                throw new InputFileException(source, line, "Lattice needs 9 numbers (a1, a2, a3 in Å), found " + t.length);
            }
            double[][] vectors = new double[3][3];
            for (int i = 0; i < 9; i++) {
                vectors[i / 3][i % 3] = number(source, line, t[i], "Lattice component " + (i + 1));
            }
            try {
                cell = Cell.ofAngstrom(vectors);
            } catch (IllegalArgumentException e) {
                throw new InputFileException(source, line, "Lattice is not a valid cell: " + e.getMessage());
            }
        }

        void readAtom(String source, int line, String text, int atom, List<String> species, double[] position)
                throws InputFileException {
            String[] t = tokens(text);
            if (t.length < totalColumns || (extended && t.length > totalColumns)) {
                throw new InputFileException(source, line, "atom " + (atom + 1) + ": expected " + totalColumns
                        + " columns (" + columnNames() + "), found " + t.length);
            }
            Column speciesColumn = column("species");
            if (speciesColumn != null && speciesColumn.type == 'S') {
                String symbol = t[speciesColumn.offset];
                if (!Elements.isSymbol(symbol)) {
                    throw new InputFileException(source, line, "atom " + (atom + 1) + ": '" + symbol
                            + "' is not an element symbol");
                }
                species.add(symbol);
            } else {
                Column z = column("Z");
                int number;
                try {
                    number = Integer.parseInt(t[z.offset]);
                } catch (NumberFormatException e) {
                    throw new InputFileException(source, line, "atom " + (atom + 1) + ": cannot read Z from '"
                            + t[z.offset] + "'");
                }
                if (number < 1 || number > 118) {
                    throw new InputFileException(source, line, "atom " + (atom + 1) + ": Z = " + number + " is not in 1..118");
                }
                species.add(Elements.symbol(number));
            }
            int offset = column("pos").offset;
            for (int k = 0; k < 3; k++) {
                position[k] = Units.angstromToBohr(number(source, line, t[offset + k],
                        "coordinate " + "xyz".charAt(k) + " (Å) of atom " + (atom + 1)));
            }
        }

        String columnNames() {
            StringBuilder names = new StringBuilder();
            for (Column c : columns) {
                names.append(names.length() == 0 ? "" : ", ").append(c.name).append(c.width > 1 ? "×" + c.width : "");
            }
            return names.toString();
        }
    }

    /**
     * The key=value pairs of an extended-XYZ comment line (ASE's convention), or null when the line holds
     * no '=' outside quotes (a plain XYZ comment).
     */
    static Map<String, String> keyValuePairs(String source, int line, String comment) throws InputFileException {
        List<String> tokens = new ArrayList<>();
        List<Boolean> isEquals = new ArrayList<>();
        boolean anyEquals = false;
        int i = 0;
        int n = comment.length();
        while (i < n) {
            char c = comment.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '=') {
                tokens.add("=");
                isEquals.add(true);
                anyEquals = true;
                i++;
            } else if (c == '"' || c == '{' || c == '[') {
                char close = c == '"' ? '"' : c == '{' ? '}' : ']';
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (j < n && comment.charAt(j) != close) {
                    if (comment.charAt(j) == '\\' && j + 1 < n && c == '"') {
                        j++;
                    }
                    value.append(comment.charAt(j));
                    j++;
                }
                if (j >= n) {
                    throw new InputFileException(source, line, "unterminated " + c + " value starting at column "
                            + (i + 1) + " of the comment line");
                }
                tokens.add(c == '"' ? value.toString() : value.toString().replace(',', ' ').strip());
                isEquals.add(false);
                i = j + 1;
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(comment.charAt(j)) && comment.charAt(j) != '=') {
                    j++;
                }
                tokens.add(comment.substring(i, j));
                isEquals.add(false);
                i = j;
            }
        }
        if (!anyEquals) {
            return null;
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int t = 0; t < tokens.size(); t++) {
            if (isEquals.get(t)) {
                throw new InputFileException(source, line, "'=' without a key in the comment line");
            }
            String key = tokens.get(t);
            if (t + 1 < tokens.size() && isEquals.get(t + 1)) {
                if (t + 2 >= tokens.size() || isEquals.get(t + 2)) {
                    throw new InputFileException(source, line, "key '" + key + "' has '=' but no value");
                }
                pairs.put(key, tokens.get(t + 2));
                t += 2;
            } else {
                pairs.put(key, "T"); // a bare key is a true flag (ASE)
            }
        }
        return pairs;
    }

    private static Boolean logical(String flag) {
        return switch (flag) {
            case "T", "True", "true", "TRUE" -> Boolean.TRUE;
            case "F", "False", "false", "FALSE" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static double number(String source, int line, String token, String what) throws InputFileException {
        try {
            double value = Double.parseDouble(token);
            if (!Double.isFinite(value)) {
                throw new InputFileException(source, line, what + " is not finite: '" + token + "'");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InputFileException(source, line, "cannot read " + what + " from '" + token + "'");
        }
    }

    private static String[] tokens(String line) {
        String stripped = line.strip();
        return stripped.isEmpty() ? new String[0] : stripped.split("\\s+");
    }
}
