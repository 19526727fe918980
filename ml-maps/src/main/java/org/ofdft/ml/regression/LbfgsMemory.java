package org.ofdft.ml.regression;

/**
 * The curvature pairs of limited-memory BFGS and its two-loop recursion (Nocedal, Math. Comp. 35, 773
 * (1980); Nocedal &amp; Wright, Numerical Optimization, 2nd ed., Algorithm 7.4): the m most recent pairs
 * s = x_new − x_old, y = g_new − g_old in ring buffers allocated once, and d = −H g with the initial matrix
 * H₀ = (sᵀy/yᵀy)·I of the newest pair. A pair is kept only if its curvature sᵀy exceeds
 * {@code minimumCurvature}·|s||y|, so H stays positive definite; a rejected pair leaves the stored ones as
 * they were.
 */
public final class LbfgsMemory {

    private final int memory;
    private final double minimumCurvature;
    private final double[][] s;
    private final double[][] y;
    private final double[] rho;
    private final double[] alpha;
    private double[] candidateS;
    private double[] candidateY;
    private int stored;
    private int newest = -1;

    /**
     * @param memory number of pairs kept
     * @param size length of the vectors
     * @param minimumCurvature relative curvature threshold (0: any sᵀy &gt; 0)
     */
    public LbfgsMemory(int memory, int size, double minimumCurvature) {
        if (memory < 1) {
            throw new IllegalArgumentException("L-BFGS memory must be at least 1, got " + memory);
        }
        this.memory = memory;
        this.minimumCurvature = minimumCurvature;
        this.s = new double[memory][size];
        this.y = new double[memory][size];
        this.rho = new double[memory];
        this.alpha = new double[memory];
        this.candidateS = new double[size];
        this.candidateY = new double[size];
    }

    /** Number of pairs stored. */
    public int stored() {
        return stored;
    }

    /** Forgets every pair (e.g. after a step that was not a descent direction). */
    public void clear() {
        stored = 0;
        newest = -1;
    }

    /** Offers the pair of an accepted step; returns whether it was stored. */
    public boolean offer(double[] xNew, double[] xOld, double[] gNew, double[] gOld) {
        double sy = 0;
        double ss = 0;
        double yy = 0;
        for (int i = 0; i < candidateS.length; i++) {
            candidateS[i] = xNew[i] - xOld[i];
            candidateY[i] = gNew[i] - gOld[i];
            sy += candidateS[i] * candidateY[i];
            ss += candidateS[i] * candidateS[i];
            yy += candidateY[i] * candidateY[i];
        }
        if (!(sy > minimumCurvature * Math.sqrt(ss * yy)) || !(sy > 0)) {
            return false;
        }
        int slot = (newest + 1) % memory;
        double[] previousS = s[slot];
        double[] previousY = y[slot];
        s[slot] = candidateS;
        y[slot] = candidateY;
        candidateS = previousS;
        candidateY = previousY;
        rho[slot] = 1.0 / sy;
        newest = slot;
        stored = Math.min(stored + 1, memory);
        return true;
    }

    /** direction ← −H g by the two-loop recursion; −g itself when no pair is stored. */
    public void searchDirection(double[] g, double[] direction) {
        for (int i = 0; i < g.length; i++) {
            direction[i] = -g[i];
        }
        for (int k = 0; k < stored; k++) {
            int slot = Math.floorMod(newest - k, memory);
            alpha[slot] = rho[slot] * dot(s[slot], direction);
            axpy(-alpha[slot], y[slot], direction);
        }
        if (stored > 0) {
            double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
            for (int i = 0; i < direction.length; i++) {
                direction[i] *= gamma;
            }
        }
        for (int k = stored - 1; k >= 0; k--) {
            int slot = Math.floorMod(newest - k, memory);
            double beta = rho[slot] * dot(y[slot], direction);
            axpy(alpha[slot] - beta, s[slot], direction);
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] target) {
        for (int i = 0; i < x.length; i++) {
            target[i] += a * x[i];
        }
    }
}
