package org.ofdft.grids;

/**
 * Unit conversions at the edges of the code; everything inside is in Hartree atomic units.
 * Values: CODATA 2018 as used by ASE and DFTpy.
 */
public final class Units {

    /** 1 bohr in ångström. */
    public static final double BOHR_IN_ANGSTROM = 0.5291772105638411;
    /** 1 hartree in electronvolt. */
    public static final double HARTREE_IN_EV = 27.211386024367243;
    /** 1 hartree in kcal/mol. */
    public static final double HARTREE_IN_KCAL_PER_MOL = 627.509474;

    private Units() {
    }

    public static double angstromToBohr(double angstrom) {
        return angstrom / BOHR_IN_ANGSTROM;
    }

    public static double bohrToAngstrom(double bohr) {
        return bohr * BOHR_IN_ANGSTROM;
    }

    public static double evToHartree(double ev) {
        return ev / HARTREE_IN_EV;
    }

    public static double hartreeToEv(double hartree) {
        return hartree * HARTREE_IN_EV;
    }
}
