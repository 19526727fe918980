package org.ofdft.grids;

/**
 * Wave vectors of the half spectrum of a real transform of shape n1 × n2 × n3: entry
 * (i1·n2 + i2)·h3 + k3, h3 = n3/2 + 1, holds G = m1 b1 + m2 b2 + m3 b3 with Miller indices
 * m = i for i ≤ (n−1)/2 and i − n above on the first two axes, m3 = k3 ≥ 0 on the last: NumPy's
 * {@code fftfreq}/{@code rfftfreq} convention, so that on an even axis the Nyquist index n/2 means −n/2 —
 * as in DFTpy, which matters for |G| of Nyquist modes in a skewed cell. Immutable once built.
 *
 * <p>{@link #g2()} is the true |G|². The derivative components {@link #gx()}, {@link #gy()},
 * {@link #gz()} are zero for modes that sit on a Nyquist plane (m_i = n_i/2 for even n_i): such a
 * mode equals its own alias −G on the grid, so an odd derivative of a real field must drop it to stay
 * real and anti-self-adjoint.
 */
public final class ReciprocalGrid {

    private final int n1;
    private final int n2;
    private final int n3;
    private final int h3;
    private final double[] gx;
    private final double[] gy;
    private final double[] gz;
    private final double[] g2;

    ReciprocalGrid(int n1, int n2, int n3, double[][] b) {
        this.n1 = n1;
        this.n2 = n2;
        this.n3 = n3;
        this.h3 = n3 / 2 + 1;
        int count = n1 * n2 * h3;
        gx = new double[count];
        gy = new double[count];
        gz = new double[count];
        g2 = new double[count];
        int at = 0;
        for (int i1 = 0; i1 < n1; i1++) {
            int m1 = i1 <= (n1 - 1) / 2 ? i1 : i1 - n1;
            boolean nyquist1 = (n1 % 2 == 0) && 2 * i1 == n1;
            for (int i2 = 0; i2 < n2; i2++) {
                int m2 = i2 <= (n2 - 1) / 2 ? i2 : i2 - n2;
                boolean nyquist2 = (n2 % 2 == 0) && 2 * i2 == n2;
                for (int k3 = 0; k3 < h3; k3++, at++) {
                    boolean nyquist3 = (n3 % 2 == 0) && 2 * k3 == n3;
                    double x = m1 * b[0][0] + m2 * b[1][0] + k3 * b[2][0];
                    double y = m1 * b[0][1] + m2 * b[1][1] + k3 * b[2][1];
                    double z = m1 * b[0][2] + m2 * b[1][2] + k3 * b[2][2];
                    g2[at] = x * x + y * y + z * z;
                    if (!(nyquist1 || nyquist2 || nyquist3)) {
                        gx[at] = x;
                        gy[at] = y;
                        gz[at] = z;
                    }
                }
            }
        }
    }

    /** Number of complex entries, n1·n2·(n3/2+1). */
    public int size() {
        return g2.length;
    }

    public int n1() {
        return n1;
    }

    public int n2() {
        return n2;
    }

    public int n3() {
        return n3;
    }

    /** Entries along the last, halved axis: n3/2 + 1. */
    public int halfLength() {
        return h3;
    }

    /** |G|² (bohr⁻²), shared array: do not modify. */
    public double[] g2() {
        return g2;
    }

    /** Cartesian x components for derivatives (Nyquist modes zeroed), shared array: do not modify. */
    public double[] gx() {
        return gx;
    }

    public double[] gy() {
        return gy;
    }

    public double[] gz() {
        return gz;
    }

    /** Derivative component c (0 = x, 1 = y, 2 = z). */
    public double[] component(int c) {
        return switch (c) {
            case 0 -> gx;
            case 1 -> gy;
            case 2 -> gz;
            default -> throw new IllegalArgumentException("component must be 0, 1 or 2, got " + c);
        };
    }

    /**
     * How many modes of the full spectrum the half-spectrum entry with last index k3 stands for:
     * 1 for k3 = 0 and for the Nyquist k3 = n3/2 of even n3, else 2 (its conjugate partner too).
     */
    public double hermitianMultiplicity(int k3) {
        return (k3 == 0 || 2 * k3 == n3) ? 1.0 : 2.0;
    }

    /** Largest |G| on the grid (bohr⁻¹). */
    public double maxG() {
        double max = 0;
        for (double value : g2) {
            max = Math.max(max, value);
        }
        return Math.sqrt(max);
    }
}
