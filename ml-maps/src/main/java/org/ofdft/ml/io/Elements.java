package org.ofdft.ml.io;

import java.util.HashMap;
import java.util.Map;

/** Element symbols and atomic numbers (IUPAC symbols, H = 1 … Og = 118). */
public final class Elements {

    private static final String[] SYMBOLS = ("H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co "
            + "Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm "
            + "Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk "
            + "Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og").split(" ");

    private static final Map<String, Integer> NUMBER_OF_SYMBOL = new HashMap<>();

    static {
        for (int i = 0; i < SYMBOLS.length; i++) {
            NUMBER_OF_SYMBOL.put(SYMBOLS[i], i + 1);
        }
    }

    private Elements() {
    }

    /** Z of an element symbol ("C" → 6); anything else is an error listing what is accepted. */
    public static int atomicNumber(String symbol) {
        Integer z = NUMBER_OF_SYMBOL.get(symbol);
        if (z == null) {
            throw new IllegalArgumentException("'" + symbol + "' is not an element symbol (expected H, He, Li, …, Og,"
                    + " capitalized as in the periodic table)");
        }
        return z;
    }

    /** Whether {@code symbol} is an element symbol. */
    public static boolean isSymbol(String symbol) {
        return NUMBER_OF_SYMBOL.containsKey(symbol);
    }

    /** The symbol of atomic number Z (1 … 118). */
    public static String symbol(int atomicNumber) {
        if (atomicNumber < 1 || atomicNumber > SYMBOLS.length) {
            throw new IllegalArgumentException("atomic number must be in 1.." + SYMBOLS.length + ", got " + atomicNumber);
        }
        return SYMBOLS[atomicNumber - 1];
    }
}
