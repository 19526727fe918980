package org.ofdft.functionals.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ofdft.functionals.external.Structure;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Units;

/**
 * Reads VASP POSCAR/CONTCAR files (lengths in ångström) into a {@link Structure} in bohr
 * (https://www.vasp.at/wiki/index.php/POSCAR):
 * <pre>
 *   comment
 *   scale                      one factor; negative: the cell volume in Å³; or three factors (x, y, z)
 *   a1x a1y a1z                lattice vectors (rows), multiplied by the scale
 *   a2x a2y a2z
 *   a3x a3y a3z
 *   Ga As                      species names (VASP 5; "Ga_d" and "Ga/hash" are read as "Ga")
 *   4 4                        atoms per species
 *   Selective dynamics         optional (only the first letter, S or s, matters)
 *   Direct                     coordinate mode: C, c, K, k = Cartesian (scaled like the lattice), else direct
 *   x y z [T T F] [label]      one line per atom, in species order; extra columns are ignored
 * </pre>
 * VASP 4 files have no species line; their species are then taken from the comment line if it holds
 * exactly one element symbol per species (as ASE does), else the file is refused. Anything after the
 * positions (velocities, predictor–corrector data) is ignored. Errors name the file and line.
 */
public final class PoscarReader {

    private PoscarReader() {
    }

    public static Structure read(Path file) throws IOException {
        return parse(NumberedLines.read(file));
    }

    /** Parses POSCAR text; {@code source} names it in error messages. */
    public static Structure parse(String source, List<String> lines) throws InputFileException {
        return parse(new NumberedLines(source, lines));
    }

    private static Structure parse(NumberedLines in) throws InputFileException {
        String comment = in.require(1, "a comment line");
        double[] scale = readScale(in);
        double[][] lattice = new double[3][3];
        for (int i = 0; i < 3; i++) {
            int line = 3 + i;
            String[] t = NumberedLines.tokens(in.require(line, "lattice vector a" + (i + 1)));
            if (t.length < 3) {
                throw in.error(line, "lattice vector a" + (i + 1) + " needs 3 numbers, found " + t.length);
            }
            for (int k = 0; k < 3; k++) {
                lattice[i][k] = in.parseDouble(t[k], line, "component " + (k + 1) + " of lattice vector a" + (i + 1));
            }
        }
        applyScale(in, lattice, scale);

        int line = 6;
        String[] sixth = NumberedLines.tokens(in.require(line, "species names or atom counts"));
        if (sixth.length == 0) {
            throw in.error(line, "expected species names or atom counts, found an empty line");
        }
        List<String> names = new ArrayList<>();
        String[] countTokens;
        if (isInteger(sixth[0])) {
            countTokens = sixth;
            names = speciesFromComment(in, comment, countTokens.length);
        } else {
            for (String token : sixth) {
                names.add(elementOf(token));
            }
            line++;
            countTokens = NumberedLines.tokens(in.require(line, "atom counts"));
        }
        if (countTokens.length != names.size()) {
            throw in.error(line, names.size() + " species but " + countTokens.length + " atom counts");
        }
        List<String> species = new ArrayList<>();
        for (int s = 0; s < countTokens.length; s++) {
            int count = in.parseInt(countTokens[s], line, "the number of " + names.get(s) + " atoms");
            if (count < 0) {
                throw in.error(line, "negative number of " + names.get(s) + " atoms: " + count);
            }
            for (int c = 0; c < count; c++) {
                species.add(names.get(s));
            }
        }
        if (species.isEmpty()) {
            throw in.error(line, "no atoms");
        }

        line++;
        String mode = in.require(line, "'Selective dynamics' or the coordinate mode (Direct/Cartesian)").strip();
        if (!mode.isEmpty() && (mode.charAt(0) == 'S' || mode.charAt(0) == 's')) {
            line++;
            mode = in.require(line, "the coordinate mode (Direct/Cartesian)").strip();
        }
        boolean cartesian = !mode.isEmpty() && "CcKk".indexOf(mode.charAt(0)) >= 0;

        Cell cell;
        try {
            cell = Cell.ofAngstrom(lattice);
        } catch (IllegalArgumentException e) {
            throw in.error(3, "lattice vectors (lines 3-5, after scaling) do not form a valid cell: " + e.getMessage());
        }
        double[][] positions = new double[species.size()][];
        for (int a = 0; a < species.size(); a++) {
            int at = line + 1 + a;
            String what = "coordinates of atom " + (a + 1) + " of " + species.size() + " (" + species.get(a) + ")";
            String[] t = NumberedLines.tokens(in.require(at, what));
            if (t.length < 3) {
                throw in.error(at, what + ": need 3 numbers, found " + t.length);
            }
            double[] r = new double[3];
            for (int k = 0; k < 3; k++) {
                r[k] = in.parseDouble(t[k], at, "coordinate " + (k + 1) + " of atom " + (a + 1));
            }
            if (cartesian) {
                double[] bohr = new double[3];
                for (int k = 0; k < 3; k++) {
                    bohr[k] = Units.angstromToBohr(r[k] * (scale.length == 3 ? scale[k] : scale[0]));
                }
                positions[a] = bohr;
            } else {
                positions[a] = cell.toCartesian(r);
            }
        }
        return new Structure(cell, species, positions);
    }

    /** Line 2: one factor (negative = volume in Å³) or three positive factors. */
    private static double[] readScale(NumberedLines in) throws InputFileException {
        String[] t = NumberedLines.tokens(in.require(2, "the scaling factor"));
        if (t.length == 0) {
            throw in.error(2, "expected the scaling factor, found an empty line");
        }
        if (t.length >= 3 && isNumber(t[1]) && isNumber(t[2])) {
            double[] scale = new double[3];
            for (int k = 0; k < 3; k++) {
                scale[k] = in.parseDouble(t[k], 2, "scaling factor " + (k + 1));
                if (!(scale[k] > 0)) {
                    throw in.error(2, "three scaling factors must all be positive, got " + t[0] + " " + t[1] + " " + t[2]);
                }
            }
            return scale;
        }
        double scale = in.parseDouble(t[0], 2, "the scaling factor");
        if (scale == 0) {
            throw in.error(2, "scaling factor is zero");
        }
        return new double[] {scale};
    }

    private static void applyScale(NumberedLines in, double[][] lattice, double[] scale) throws InputFileException {
        if (scale.length == 3) {
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 3; k++) {
                    lattice[i][k] *= scale[k];
                }
            }
            return;
        }
        double factor = scale[0];
        if (factor < 0) {
            // negative: the wanted volume in Å³
            double volume = Math.abs(determinant(lattice));
            if (volume == 0) {
                throw in.error(3, "lattice vectors are linearly dependent");
            }
            factor = Math.cbrt(-factor / volume);
            scale[0] = factor;
        }
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                lattice[i][k] *= factor;
            }
        }
    }

    /** VASP 4: species from the comment line, one element symbol per species, or an error. */
    private static List<String> speciesFromComment(NumberedLines in, String comment, int speciesCount)
            throws InputFileException {
        String[] t = NumberedLines.tokens(comment);
        List<String> names = new ArrayList<>();
        for (String token : t) {
            if (token.matches("[A-Z][a-z]?")) {
                names.add(token);
            } else {
                break;
            }
        }
        if (names.size() != speciesCount) {
            throw in.error(6, "VASP 4 POSCAR without a species line, and the comment line '" + comment.strip()
                    + "' does not name the " + speciesCount + " species; add the species names (e.g. 'Al') as line 6");
        }
        return names;
    }

    /** "Ga_d" → "Ga", "Ga/abc123" → "Ga" (POTCAR labels in VASP 6 CONTCARs). */
    private static String elementOf(String label) {
        int cut = label.length();
        int underscore = label.indexOf('_');
        int slash = label.indexOf('/');
        if (underscore > 0) {
            cut = Math.min(cut, underscore);
        }
        if (slash > 0) {
            cut = Math.min(cut, slash);
        }
        return label.substring(0, cut);
    }

    private static boolean isNumber(String token) {
        return token.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eEdD][+-]?\\d+)?");
    }

    private static boolean isInteger(String token) {
        return token.matches("[+-]?\\d+");
    }

    private static double determinant(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }
}
