package org.ofdft.cli;

import java.util.List;

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
}
