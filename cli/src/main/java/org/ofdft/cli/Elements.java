package org.ofdft.cli;

import java.util.ArrayList;
import java.util.List;
import org.ofdft.functionals.external.Structure;
import org.ofdft.grids.io.GaussianCube;

/** Atomic numbers of element symbols (for the atom lines of cube files). */
final class Elements {

    private static final List<String> SYMBOLS = List.of("H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na",
            "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn",
            "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd",
            "In", "Sn", "Sb", "Te", "I", "Xe");

    private Elements() {
    }

    /** Z of {@code symbol}, or 0 for a label that is not an element symbol (cube viewers show a dummy atom). */
    static int atomicNumber(String symbol) {
        return SYMBOLS.indexOf(symbol) + 1;
    }

    /** The atom lines of a cube file for {@code structure} (atomic numbers, zero charges, positions in bohr). */
    static List<GaussianCube.Atom> cubeAtoms(Structure structure) {
        List<GaussianCube.Atom> atoms = new ArrayList<>();
        for (int i = 0; i < structure.atomCount(); i++) {
            atoms.add(new GaussianCube.Atom(atomicNumber(structure.speciesOf(i)), 0.0, structure.position(i)));
        }
        return atoms;
    }
}
