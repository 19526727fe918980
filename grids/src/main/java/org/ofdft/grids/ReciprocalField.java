package org.ofdft.grids;

/**
 * The half spectrum of a real field on a periodic grid: complex F(G) on the entries of
 * {@link ReciprocalGrid}, stored interleaved (re, im), with F(G) = Σ_r f(r) e^{−iG·r} (no 1/N).
 * The array is shared, not copied.
 */
public final class ReciprocalField {

    private final PeriodicGrid grid;
    private final double[] values;

    private ReciprocalField(PeriodicGrid grid, double[] values) {
        this.grid = grid;
        this.values = values;
    }

    /** Wraps an interleaved half spectrum (not copied). */
    public static ReciprocalField wrap(PeriodicGrid grid, double[] values) {
        int expected = 2 * grid.reciprocal().size();
        if (values.length != expected) {
            throw new IllegalArgumentException("spectrum has " + values.length + " doubles but the grid "
                    + grid + " needs " + expected);
        }
        return new ReciprocalField(grid, values);
    }

    public static ReciprocalField zeros(PeriodicGrid grid) {
        return new ReciprocalField(grid, new double[2 * grid.reciprocal().size()]);
    }

    public PeriodicGrid grid() {
        return grid;
    }

    /** Interleaved (re, im) array (shared). */
    public double[] values() {
        return values;
    }

    public double real(int entry) {
        return values[2 * entry];
    }

    public double imaginary(int entry) {
        return values[2 * entry + 1];
    }

    /**
     * Σ_G |F(G)|² over the full spectrum, counting each half-spectrum entry with its Hermitian
     * multiplicity. Parseval: equals N·Σ_r f(r)².
     */
    public double sumOfSquares() {
        ReciprocalGrid reciprocal = grid.reciprocal();
        int h3 = reciprocal.halfLength();
        double sum = 0;
        for (int entry = 0; entry < reciprocal.size(); entry++) {
            double re = values[2 * entry];
            double im = values[2 * entry + 1];
            sum += reciprocal.hermitianMultiplicity(entry % h3) * (re * re + im * im);
        }
        return sum;
    }
}
