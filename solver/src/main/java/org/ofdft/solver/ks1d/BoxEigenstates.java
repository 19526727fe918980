package org.ofdft.solver.ks1d;

/**
 * Occupied orbitals ψ_i(x) = Σ_k c_ik √(2/L) sin(kπ(x − a)/L) of a hard-walled box, from
 * {@link BoxSineBasisSolver}. Row i of {@code coefficients} holds c_ik, k = 1…K, normalized Σ_k c_ik² = 1.
 */
public record BoxEigenstates(double wallLeft, double length, double[] eigenvalues, double[] occupations,
                             double[][] coefficients) {

    /** Sum of occupied eigenvalues Σ f_i ε_i. */
    public double bandEnergy() {
        double sum = 0;
        for (int i = 0; i < eigenvalues.length; i++) {
            sum += occupations[i] * eigenvalues[i];
        }
        return sum;
    }

    /** Non-interacting kinetic energy T_s = Σ_i f_i Σ_k c_ik² ½(kπ/L)², exact in the basis. */
    public double kineticEnergy() {
        double sum = 0;
        for (int i = 0; i < coefficients.length; i++) {
            double orbital = 0;
            for (int k = 1; k <= coefficients[i].length; k++) {
                double wave = k * Math.PI / length;
                orbital += coefficients[i][k - 1] * coefficients[i][k - 1] * 0.5 * wave * wave;
            }
            sum += occupations[i] * orbital;
        }
        return sum;
    }

    /** n(x) = Σ_i f_i ψ_i(x)² at each point (zero on and outside the walls). */
    public double[] densityAt(double[] points) {
        double[] density = new double[points.length];
        double norm = Math.sqrt(2 / length);
        int basisSize = coefficients.length == 0 ? 0 : coefficients[0].length;
        for (int p = 0; p < points.length; p++) {
            double theta = Math.PI * (points[p] - wallLeft) / length;
            if (!(theta > 0 && theta < Math.PI)) {
                continue;
            }
            // sin(kθ) by the recurrence sin((k+1)θ) = 2cos θ sin(kθ) − sin((k−1)θ)
            double twoCos = 2 * Math.cos(theta);
            double[] orbitals = new double[coefficients.length];
            double previous = 0;
            double current = Math.sin(theta);
            for (int k = 1; k <= basisSize; k++) {
                for (int i = 0; i < coefficients.length; i++) {
                    orbitals[i] += coefficients[i][k - 1] * current;
                }
                double next = twoCos * current - previous;
                previous = current;
                current = next;
            }
            for (int i = 0; i < coefficients.length; i++) {
                double psi = norm * orbitals[i];
                density[p] += occupations[i] * psi * psi;
            }
        }
        return density;
    }
}
