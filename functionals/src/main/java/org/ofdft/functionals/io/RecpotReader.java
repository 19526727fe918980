package org.ofdft.functionals.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ofdft.functionals.external.TabulatedFormFactor;
import org.ofdft.grids.Units;

/**
 * Reads a local pseudopotential in CASTEP's reciprocal-space {@code .recpot} format, the format of the
 * bulk-derived local pseudopotentials (BLPS, Huang &amp; Carter 2008):
 * <pre>
 *   START COMMENT
 *   … free text …
 *   END COMMENT
 *   3     5                      format version line (two integers)
 *   56.6993428892377764          q_max in Å⁻¹
 *   v_0 v_1 v_2                  v(q_k) in eV·Å³ on q_k = k·q_max/(m−1), k = 0 … m−1, any number per line
 *   …
 *   1000                         end marker
 * </pre>
 * v_0 is the finite G = 0 term α (see {@link TabulatedFormFactor}), the others include −4πZ/q².
 * Conversion to Hartree atomic units as in DFTpy's {@code recpot.py}: q in bohr⁻¹ = q[Å⁻¹]·(Å per bohr),
 * v in Ha·bohr³ = v[eV·Å³] / (eV per Ha) / (Å per bohr)³, with the CODATA values of {@link Units}. The
 * valence charge is not in the file: like DFTpy it is (v₀ − v₁)Δq²/4π rounded to an integer (the file is
 * refused if that estimate is not within 0.01 of an integer), unless given.
 *
 * <p>CASTEP files with nonlocal projectors continue the data with a line holding the angular momentum l
 * (one digit); they are refused, as only local pseudopotentials are supported. Errors name the file
 * and line.
 */
public final class RecpotReader {

    private RecpotReader() {
    }

    /** Reads the file; Z from the tail of the data. */
    public static TabulatedFormFactor read(Path file) throws IOException {
        return parse(NumberedLines.read(file), Double.NaN);
    }

    /** Reads the file with a given valence charge Z. */
    public static TabulatedFormFactor read(Path file, double valenceCharge) throws IOException {
        return parse(NumberedLines.read(file), valenceCharge);
    }

    /** Parses recpot text; {@code source} names it in messages; Z from the data. */
    public static TabulatedFormFactor parse(String source, List<String> lines) throws InputFileException {
        return parse(new NumberedLines(source, lines), Double.NaN);
    }

    private static TabulatedFormFactor parse(NumberedLines in, double givenCharge) throws InputFileException {
        int endComment = 0;
        for (int line = 1; line <= in.count(); line++) {
            if (in.line(line).contains("END COMMENT")) {
                endComment = line;
                break;
            }
        }
        if (endComment == 0) {
            throw in.error(Math.max(in.count(), 1), "no 'END COMMENT' line: not a .recpot file, or truncated");
        }
        int versionLine = endComment + 1;
        String[] version = NumberedLines.tokens(in.require(versionLine, "the format version line (e.g. '3 5')"));
        if (version.length != 2 || !version[0].matches("\\d+") || !version[1].matches("\\d+")) {
            throw in.error(versionLine, "expected the format version line of two integers (e.g. '3 5'), found '"
                    + in.line(versionLine).strip() + "'");
        }
        int maxLine = versionLine + 1;
        String[] maxTokens = NumberedLines.tokens(in.require(maxLine, "q_max in 1/Å"));
        if (maxTokens.length != 1) {
            throw in.error(maxLine, "expected one number, q_max in 1/Å, found '" + in.line(maxLine).strip() + "'");
        }
        double maxAngstrom = in.parseDouble(maxTokens[0], maxLine, "q_max");
        if (!(maxAngstrom > 0)) {
            throw in.error(maxLine, "q_max must be positive, got " + maxAngstrom);
        }

        double[] values = new double[1024];
        int count = 0;
        int end = 0;
        for (int line = maxLine + 1; line <= in.count(); line++) {
            String text = in.line(line).strip();
            if (text.equals("1000")) {
                end = line;
                break;
            }
            if (text.matches("\\d")) {
                throw in.error(line, "nonlocal projector block (angular momentum " + text
                        + ") follows the local part: only local pseudopotentials are supported");
            }
            for (String token : NumberedLines.tokens(text)) {
                if (count == values.length) {
                    values = java.util.Arrays.copyOf(values, 2 * count);
                }
                values[count++] = in.parseDouble(token, line, "form factor value " + (count + 1));
            }
        }
        if (end == 0) {
            throw in.error(Math.max(in.count(), 1), "no end marker '1000' after " + count
                    + " values: the file is truncated");
        }
        if (count < 5) {
            throw in.error(end, "only " + count + " form factor values before the end marker; need at least 5");
        }
        double[] v = java.util.Arrays.copyOf(values, count);
        double toHartreeBohr3 = 1 / (Units.HARTREE_IN_EV * Math.pow(Units.BOHR_IN_ANGSTROM, 3));
        for (int k = 0; k < count; k++) {
            v[k] *= toHartreeBohr3;
        }
        double spacing = maxAngstrom * Units.BOHR_IN_ANGSTROM / (count - 1);
        double charge = givenCharge;
        if (Double.isNaN(charge)) {
            double estimate = TabulatedFormFactor.estimateValenceCharge(spacing, v);
            charge = Math.rint(estimate);
            if (Math.abs(estimate - charge) > 0.01 || charge < 1) {
                throw in.error(maxLine + 1, "cannot infer the valence charge: (v0 - v1) dq^2 / 4pi = " + estimate
                        + " is not close to a positive integer; pass Z explicitly");
            }
        }
        return new TabulatedFormFactor(in.source(), charge, spacing, v);
    }
}
