package org.ofdft.ml.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ofdft.functionals.io.PoscarReader;

/**
 * Reads configurations from a file by its name: {@code *.xyz} / {@code *.extxyz} through {@link XyzReader}
 * (all frames), {@code POSCAR*}, {@code CONTCAR*} and {@code *.vasp} through the project's
 * {@link PoscarReader} (one periodic frame). Positions in bohr either way.
 */
public final class StructureFiles {

    private StructureFiles() {
    }

    public static List<Atoms> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xyz") || lower.endsWith(".extxyz")) {
            return XyzReader.read(file);
        }
        if (name.startsWith("POSCAR") || name.startsWith("CONTCAR") || lower.endsWith(".vasp")
                || lower.endsWith(".poscar")) {
            Atoms atoms = Atoms.fromStructure(PoscarReader.read(file));
            return List.of(new Atoms(atoms.species(), atoms.positions(), atoms.cell().orElseThrow(), atoms.info(),
                    file.toString()));
        }
        throw new IllegalArgumentException("cannot tell the format of '" + file + "' from its name: expected *.xyz, "
                + "*.extxyz (XYZ / extended XYZ) or POSCAR*, CONTCAR*, *.vasp, *.poscar (VASP)");
    }
}
