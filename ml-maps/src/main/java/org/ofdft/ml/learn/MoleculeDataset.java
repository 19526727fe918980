package org.ofdft.ml.learn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ofdft.ml.io.Atoms;
import org.ofdft.ml.io.XyzReader;

/**
 * Molecules with one scalar property each, e.g. QM7's PBE0 atomization energies (kcal/mol) from the
 * frame information of an extended XYZ file.
 *
 * @param source     where the data came from (file name)
 * @param property   the property's key in the frame information
 * @param molecules  the structures (positions in bohr)
 * @param values     the property of each molecule, in the file's unit
 */
public record MoleculeDataset(String source, String property, List<Atoms> molecules, double[] values) {

    public MoleculeDataset {
        molecules = List.copyOf(molecules);
        if (molecules.size() != values.length || molecules.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + molecules.size() + " molecules and " + values.length
                    + " property values; need one value per molecule and at least one molecule");
        }
        values = values.clone();
    }

    /**
     * Reads an (extended) XYZ file and the numeric frame-information value {@code property} of every
     * frame. An unknown key is an error listing the numeric keys the first frame has; a frame without the
     * key, or with a non-number there, is an error naming its line.
     */
    public static MoleculeDataset readXyz(Path file, String property) throws IOException {
        List<Atoms> molecules = XyzReader.read(file);
        if (molecules.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no structures");
        }
        if (!molecules.get(0).info().containsKey(property)) {
            throw new IllegalArgumentException("unknown property '" + property + "' in " + file + "; numeric keys of"
                    + " the first frame: " + String.join(", ", numericKeys(molecules.get(0).info())));
        }
        double[] values = new double[molecules.size()];
        for (int m = 0; m < values.length; m++) {
            values[m] = molecules.get(m).infoAsDouble(property);
            if (!Double.isFinite(values[m])) {
                throw new IllegalArgumentException("'" + property + "' = " + values[m] + molecules.get(m).where()
                        + " is not finite");
            }
        }
        return new MoleculeDataset(file.toString(), property, molecules, values);
    }

    /** The keys of a frame's information whose values are numbers, sorted. */
    static TreeSet<String> numericKeys(Map<String, String> info) {
        TreeSet<String> keys = new TreeSet<>();
        info.forEach((key, value) -> {
            try {
                Double.parseDouble(value);
                keys.add(key);
            } catch (NumberFormatException notNumeric) {
                // e.g. pbc="F F F", Properties=...
            }
        });
        return keys;
    }

    public int size() {
        return values.length;
    }

    /** The property values (a copy). */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The first {@code count} molecules (for quick studies and tests). */
    public MoleculeDataset head(int count) {
        if (count < 1 || count > size()) {
            throw new IllegalArgumentException("cannot take the first " + count + " of " + size() + " molecules");
        }
        double[] first = new double[count];
        System.arraycopy(values, 0, first, 0, count);
        return new MoleculeDataset(source, property, molecules.subList(0, count), first);
    }
}
