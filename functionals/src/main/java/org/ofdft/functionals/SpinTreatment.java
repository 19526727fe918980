package org.ofdft.functionals;

/**
 * How many electrons share one spatial orbital: spinless fermions (g = 1, the convention of the 1D
 * model problems of Snyder et al. 2012) or spin-unpolarized electrons (g = 2).
 */
public enum SpinTreatment {
    SPINLESS(1),
    UNPOLARIZED(2);

    private final int degeneracy;

    SpinTreatment(int degeneracy) {
        this.degeneracy = degeneracy;
    }

    /** Occupation g of one orbital. */
    public int degeneracy() {
        return degeneracy;
    }
}
